//! One signal: what was reported, and everything that happened to it since.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::signal::{RedactSignal, SignalPage as Page, load_signal};
use crate::components::dates::date;
use crate::components::history::HistoryLine;
use crate::components::moves::SignalMoves;
use crate::components::notice::ErrorNotice;
use crate::components::phase::PhaseBadge;
use crate::domain::ORGANISATION_KINDS;
use crate::domain::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS, label_of};
use crate::domain::{Sighting, visibility::distinct_sectors};
use crate::error::AppError;

#[component]
pub fn SignalPage() -> impl IntoView {
    let tenant = param("tenant");
    let id = param("id");
    let page = Resource::new(
        move || (tenant(), id()),
        |(tenant, id)| async move {
            let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
            load_signal(tenant, id).await
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Signaal laden…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <SignalView page/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SignalView(page: Page) -> impl IntoView {
    let s = page.signal;
    let summary = s.summary;
    let fact = |term: &'static str, value: String| (!value.trim().is_empty()).then(|| view! { <dt>{term}</dt> <dd>{value}</dd> });
    let labels = |terms, codes: &[String]| codes.iter().map(|c| label_of(terms, c)).collect::<Vec<_>>().join(", ");
    let facts = vec![
        fact("Beleidsdomein", summary.policy_domain.clone().unwrap_or_default()),
        fact("Doelgroepen", labels(TARGET_GROUPS, &s.target_groups)),
        fact("Levensdomeinen", labels(LIFE_DOMAINS, &s.life_domains)),
        fact("Waar", s.area),
        fact("Hoe vaak", s.frequency),
        fact("Sinds", s.since),
        fact("Hoeveel mensen ongeveer", s.people_estimate.map(|n| n.to_string()).unwrap_or_default()),
        // The reporter's organisation by name only for those who may know who reported; its sector for all.
        fact("Organisatie", summary.organisation.clone().unwrap_or_default()),
        fact("Soort organisatie", summary.sector.as_deref().map(|k| label_of(ORGANISATION_KINDS, k)).unwrap_or_default()),
        fact("Gemeld door", s.reporter_name.unwrap_or_default()),
        fact("Ingediend op", date(summary.created_at)),
        fact("Bundel", summary.bundle.as_ref().map(|b| b.title.clone()).unwrap_or_default()),
        fact("Mag gecontacteerd worden", if s.may_contact { "ja".into() } else { "nee".into() }),
    ];
    view! {
        <Title text=summary.title.clone()/>
        <p class="breadcrumb">
            <a href=format!("/{}/bord", page.tenant.slug)>"Bord " {page.tenant.name.clone()}</a>
        </p>
        <article class="signal">
            <header class="signal-header">
                <h1>{summary.title.clone()}</h1>
                <p>
                    <span class="signal-number">"Signaal #" {summary.id.0}</span>
                    " "
                    <PhaseBadge phase=summary.phase/>
                </p>
            </header>
            <section aria-labelledby="wat">
                <h2 id="wat">"Wat de signaalgever ziet"</h2>
                <p class="prose">{s.description}</p>
                {(!s.tried.is_empty()).then(|| view! { <h3>"Wat al geprobeerd werd"</h3> <p class="prose">{s.tried.clone()}</p> })}
                {(!s.idea.is_empty()).then(|| view! { <h3>"Idee voor een oplossing"</h3> <p class="prose">{s.idea.clone()}</p> })}
            </section>
            <section aria-labelledby="gegevens">
                <h2 id="gegevens">"Gegevens"</h2>
                <dl class="facts">{facts}</dl>
            </section>
            <SignalMoves
                tenant=page.tenant.slug.clone()
                signal=summary.id.0
                version=summary.version
                phase=summary.phase
                bundle=summary.bundle.clone()
                targets=page.targets.clone()
                returned=page.returned.clone()
            />
            <Sightings sightings=page.sightings.clone()/>
            {page.may_redact.then(|| view! { <RedactForm tenant=page.tenant.slug.clone() signal=summary.id.0/> })}
            <section aria-labelledby="historiek">
                <h2 id="historiek">"Historiek"</h2>
                <ol class="history">
                    {page.history.into_iter().map(|e| view! { <HistoryLine entry=e/> }).collect_view()}
                </ol>
            </section>
        </article>
    }
}

/// "Ik zie dit ook": how many organisations and which sectors, for anyone who
/// reads the signal; names only where the visibility rule allows them.
#[component]
fn Sightings(sightings: Vec<Sighting>) -> impl IntoView {
    if sightings.is_empty() {
        return None;
    }
    let sectors = distinct_sectors(&sightings).iter().map(|k| label_of(ORGANISATION_KINDS, k)).collect::<Vec<_>>().join(", ");
    let count = sightings.len();
    let summary = match count {
        1 => "Nog 1 keer gezien".to_string(),
        n => format!("Nog {n} keer gezien"),
    };
    let named = sightings
        .into_iter()
        .filter(|s| s.person.is_some() || s.organisation.is_some() || !s.note.is_empty())
        .map(|s| {
            let who = [s.person, s.organisation].into_iter().flatten().collect::<Vec<_>>().join(", ");
            view! { <li>{who} {(!s.note.is_empty()).then(|| view! { " — " {s.note.clone()} })}</li> }
        })
        .collect_view();
    Some(view! {
        <section aria-labelledby="ook-gezien">
            <h2 id="ook-gezien">"Ook gezien"</h2>
            <p>{summary} {(!sectors.is_empty()).then(|| format!(" (sectoren: {sectors})"))}</p>
            <ul class="plain-list">{named}</ul>
        </section>
    })
}

/// The hoofdsignaalverwerker removes personal data that slipped into a text.
#[component]
fn RedactForm(tenant: String, signal: i64) -> impl IntoView {
    let redact = ServerAction::<RedactSignal>::new();
    view! {
        <section aria-labelledby="verwijderen">
            <details>
                <summary id="verwijderen">"Persoonsgegevens verwijderen"</summary>
                <ActionForm action=redact attr:class="form">
                    <input type="hidden" name="tenant" value=tenant/>
                    <input type="hidden" name="signal" value=signal/>
                    <div class="field">
                        <label for="passage">"Welke passage moet weg?"</label>
                        <p class="hint" id="passage-uitleg">
                            "Kopieer ze letterlijk uit de tekst. Ze wordt overal in dit signaal vervangen door [verwijderd], ook in de historiek. "
                            "De historiek vermeldt wie dit deed en wanneer, niet wat er stond."
                        </p>
                        <textarea id="passage" name="passage" rows="2" maxlength="500" aria-describedby="passage-uitleg"></textarea>
                    </div>
                    <div><button type="submit" class="button button-small">"Verwijderen"</button></div>
                </ActionForm>
            </details>
        </section>
    }
}
