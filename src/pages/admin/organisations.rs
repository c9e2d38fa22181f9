//! `/{tenant}/beheer/organisaties`: the organisations that signal, and which
//! of them process their own staff's signals (or, rarely, the whole territory's).

use leptos::prelude::*;
use leptos_meta::Title;

use super::AdminNav;
use crate::api::admin::tenant::{OrganisationsPage, SaveOrganisation, load_organisations};
use crate::components::loaded::loaded;
use crate::domain::{ORGANISATION_KINDS, Organisation};
use crate::pages::param;

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_organisations);
    view! {
        <Title text="Organisaties"/>
        <AdminNav/>
        {loaded(page, |page| view! { <Organisations page/> })}
    }
}

#[component]
fn Organisations(page: OrganisationsPage) -> impl IntoView {
    let slug = page.tenant.slug.clone();
    let rows = page
        .organisations
        .into_iter()
        .map(|org| {
            let summary = format!("{} wijzigen", org.name);
            view! {
                <li>
                    <p><strong>{org.name.clone()}</strong> " · " {kind_label(&org.kind)}</p>
                    <p class="muted">{rights(&org)}</p>
                    <details>
                        <summary>{summary}</summary>
                        <OrganisationForm tenant=slug.clone() organisation=Some(org)/>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"Organisaties in " {page.tenant.name.clone()}</h1>
        <section aria-labelledby="nieuw">
            <h2 id="nieuw">"Organisatie toevoegen"</h2>
            <OrganisationForm tenant=slug.clone() organisation=None/>
        </section>
        <section aria-labelledby="lijst">
            <h2 id="lijst">"Alle organisaties"</h2>
            <ul class="plain-list">{rows}</ul>
        </section>
    }
}

fn kind_label(code: &str) -> &'static str {
    ORGANISATION_KINDS.iter().find(|(c, _)| *c == code).map_or("Andere", |(_, label)| label)
}

fn rights(org: &Organisation) -> &'static str {
    match (org.processes_own_signals, org.territory_mandate) {
        (_, true) => "Verwerkt de signalen van het hele grondgebied (mandaat).",
        (true, false) => "Verwerkt de signalen van de eigen medewerkers.",
        (false, false) => "Signaleert; de stad of gemeente verwerkt.",
    }
}

/// Add an organisation (no organisation given) or change one.
#[component]
fn OrganisationForm(tenant: String, organisation: Option<Organisation>) -> impl IntoView {
    let save = ServerAction::<SaveOrganisation>::new();
    let prefix = organisation.as_ref().map_or("nieuw".to_string(), |o| format!("org{}", o.id.0));
    let field = move |name: &str| format!("{prefix}-{name}");
    let org = organisation.clone().unwrap_or(Organisation {
        id: crate::domain::OrganisationId(0),
        name: String::new(),
        kind: "caw".into(),
        processes_own_signals: false,
        territory_mandate: false,
        contact_email: String::new(),
    });
    let kinds = ORGANISATION_KINDS
        .iter()
        .map(|(code, label)| view! { <option value=*code selected=org.kind == *code>{*label}</option> })
        .collect_view();
    view! {
        <ActionForm action=save attr:class="form">
            <input type="hidden" name="tenant" value=tenant/>
            {organisation.map(|o| view! { <input type="hidden" name="id" value=o.id.0/> })}
            <div class="field">
                <label for=field("naam")>"Naam van de organisatie"</label>
                <input id=field("naam") name="name" value=org.name.clone() required maxlength="120"/>
            </div>
            <div class="field">
                <label for=field("soort")>"Soort"</label>
                <select id=field("soort") name="kind">{kinds}</select>
            </div>
            <div class="field">
                <label for=field("contact")>"E-mailadres voor contact"</label>
                <p class="hint" id=field("contact-uitleg")>"Hier vragen we de organisatie om haar deel van een signalenbundel goed te keuren."</p>
                <input type="email" id=field("contact") name="contact_email" value=org.contact_email.clone() maxlength="254"
                    aria-describedby=field("contact-uitleg") autocomplete="off"/>
            </div>
            <div class="check">
                <input type="checkbox" id=field("eigen") name="processes_own_signals" checked=org.processes_own_signals/>
                <label for=field("eigen")>"Mag de signalen van de eigen medewerkers verwerken"</label>
            </div>
            <div class="check">
                <input type="checkbox" id=field("mandaat") name="territory_mandate" checked=org.territory_mandate/>
                <label for=field("mandaat")>"Heeft een mandaat voor het hele grondgebied"</label>
            </div>
            <button type="submit" class="button">"Bewaren"</button>
        </ActionForm>
    }
}
