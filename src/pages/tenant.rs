//! The start page of a tenant: what this person can do here.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::session::who_am_i;
use crate::api::tenants::public_tenant;
use crate::components::loaded::loaded;
use crate::domain::access::menu;

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
        // The header's menu, explained: the same entries, from the route table.
        let explained = |page: &str| match page {
            "signaleren" => "Een signaal melden",
            "mijn-signalen" => "Mijn signalen volgen",
            "bord" => "Naar het bord",
            "bundels" => "Bundels",
            "beheer" => "Beheer: mensen, organisaties, instellingen",
            _ => "",
        };
        let mut entries = menu(&roles);
        // Anyone may start at the intake page: it says what they can do there.
        if !entries.iter().any(|(page, _)| *page == "signaleren") {
            entries.insert(0, ("signaleren", "Signaleren"));
        }
        let links = entries
            .into_iter()
            .map(|(page, _)| view! { <li><a href=format!("/{}/{page}", tenant.slug)>{explained(page)}</a></li> })
            .collect_view();
        view! {
            <Title text=tenant.name.clone()/>
            <h1>{tenant.name.clone()}</h1>
            <p class="lead">"Signalen over structurele problemen in het welzijns- en gezondheidswerk."</p>
            <ul class="action-list">{links}</ul>
        }
    })
}
