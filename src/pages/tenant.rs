//! The start page of a tenant: what this person can do here.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::session::who_am_i;
use crate::api::tenants::public_tenant;
use crate::components::loaded::loaded;
use crate::domain::Role;

#[component]
pub fn TenantPage() -> impl IntoView {
    let slug = param("tenant");
    let page = Resource::new(slug, |slug| async move {
        let tenant = public_tenant(slug).await?;
        let roles =
            who_am_i().await?.and_then(|me| me.tenants.into_iter().find(|t| t.slug == tenant.slug)).map(|t| t.roles).unwrap_or_default();
        Ok((tenant, roles))
    });
    loaded(page, |(tenant, roles)| {
        let has = |role: Role| roles.contains(&role);
        let processes = roles.iter().any(|r| *r != Role::Signaalgever);
        let link = |path: &str, label: &'static str| view! { <li><a href=format!("/{}/{path}", tenant.slug)>{label}</a></li> };
        view! {
            <Title text=tenant.name.clone()/>
            <h1>{tenant.name.clone()}</h1>
            <p class="lead">"Signalen over structurele problemen in het welzijns- en gezondheidswerk."</p>
            <ul class="action-list">
                {link("signaleren", "Een signaal melden")}
                {has(Role::Signaalgever).then(|| link("mijn-signalen", "Mijn signalen volgen"))}
                {processes.then(|| link("bord", "Naar het bord"))}
                {[Role::Signaalverwerker, Role::Hoofdsignaalverwerker, Role::Regisseur].iter().any(|r| has(*r)).then(|| link("bundels", "Bundels"))}
                {has(Role::Hoofdsignaalverwerker).then(|| link("beheer", "Beheer: mensen, organisaties, instellingen"))}
            </ul>
        }
    })
}
