//! `/beheer/gemeenten`: the platform beheerder creates tenants, each with its
//! first hoofdsignaalverwerker (who gets an invitation).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::platform::{CreateTenant, platform_tenants};
use crate::components::loaded::loaded;
use crate::domain::TENANT_KINDS;

#[component]
pub fn PlatformTenantsPage() -> impl IntoView {
    let tenants = Resource::new(|| (), |_| platform_tenants());
    let create = ServerAction::<CreateTenant>::new();
    let kinds = TENANT_KINDS.iter().map(|(code, label)| view! { <option value=*code>{*label}</option> }).collect_view();
    view! {
        <Title text="Gemeenten op het platform"/>
        <h1>"Gemeenten op het platform"</h1>
        {loaded(tenants, |tenants| {
            let rows = tenants
                .into_iter()
                .map(|t| view! { <li><a href=format!("/{}", t.slug)>{t.name}</a> " · /" {t.slug}</li> })
                .collect_view();
            view! { <ul class="plain-list">{rows}</ul> }
        })}
        <section aria-labelledby="nieuwe-gemeente">
            <h2 id="nieuwe-gemeente">"Gemeente toevoegen"</h2>
            <ActionForm action=create attr:class="form">
                <div class="field">
                    <label for="tenant-name">"Naam (bv. Stad Aalst)"</label>
                    <input id="tenant-name" name="name" required maxlength="120"/>
                </div>
                <div class="field">
                    <label for="tenant-slug">"Adres in Seinhuis (bv. aalst)"</label>
                    <input id="tenant-slug" name="slug" required pattern="[a-z0-9-]+" aria-describedby="slug-hint"/>
                    <p class="hint" id="slug-hint">"Kleine letters, cijfers en streepjes."</p>
                </div>
                <div class="field">
                    <label for="tenant-kind">"Soort"</label>
                    <select id="tenant-kind" name="kind">{kinds}</select>
                </div>
                <div class="field">
                    <label for="coordinator-name">"Naam van de eerste hoofdsignaalverwerker"</label>
                    <input id="coordinator-name" name="coordinator_name" required/>
                </div>
                <div class="field">
                    <label for="coordinator-email">"E-mailadres van de eerste hoofdsignaalverwerker"</label>
                    <input id="coordinator-email" name="coordinator_email" type="email" required/>
                </div>
                <button type="submit" class="button">"Gemeente aanmaken en uitnodigen"</button>
            </ActionForm>
        </section>
    }
}
