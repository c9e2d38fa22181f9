//! Tenant administration, for the hoofdsignaalverwerker: people,
//! organisations, settings, the audit log and the outbox.

pub mod audit;
pub mod organisations;
pub mod outbox;
pub mod people;
pub mod public;
pub mod settings;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use super::param;

/// The sections of administration, with what each is for.
const SECTIONS: &[(&str, &str, &str)] = &[
    ("mensen", "Mensen", "Wie meewerkt, met welke rechten; uitnodigingen en vragen om uitnodigingen."),
    ("organisaties", "Organisaties", "De organisaties die signaleren, en wie zijn eigen signalen verwerkt."),
    ("instellingen", "Instellingen", "Naam, wijken en deelgemeenten, en meldingen door burgers."),
    ("publiek", "Publieke pagina", "Wat iedereen zonder account ziet: jullie tekst, afspraken en opgevolgde signalen."),
    ("auditlog", "Auditlog", "Elke wijziging: wie, wat, wanneer en van waar."),
    ("uitgaande-mail", "Uitgaande mail", "De mails die Seinhuis verstuurde of nog moet versturen."),
];

/// The navigation between the administration pages.
#[component]
pub fn AdminNav() -> impl IntoView {
    let tenant = param("tenant");
    let location = use_location();
    let links = SECTIONS
        .iter()
        .map(|(slug, label, _)| {
            let href = move || format!("/{}/beheer/{slug}", tenant());
            let current = move || (location.pathname.get() == href()).then_some("page");
            view! { <li><a href=href aria-current=current>{*label}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="admin-nav" aria-label="Beheer">
            <ul class="nav-list">{links}</ul>
        </nav>
    }
}

/// `/{tenant}/beheer`: where each part of administration is.
#[component]
pub fn AdminHomePage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, crate::api::admin::tenant::load_settings);
    crate::components::loaded::loaded(page, move |page| {
        let sections = SECTIONS
            .iter()
            .map(|(slug, label, about)| {
                view! {
                    <li>
                        <a href=format!("/{}/beheer/{slug}", page.tenant.slug)>{*label}</a>
                        <p>{*about}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <Title text="Beheer"/>
            <h1>"Beheer " {page.tenant.name.clone()}</h1>
            <ul class="action-list">{sections}</ul>
        }
    })
}
