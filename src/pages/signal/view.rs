//! One signal as a reader may see it: what was reported, the team's work
//! on it, and everything that happened to it since. Its own page and the
//! board's panel show the same view.

use leptos::prelude::*;

use super::work::TeamWork;
use crate::api::signal::SignalPage as Page;
use crate::components::dates::date;
use crate::components::heading::Heading;
use crate::components::history::HistoryLine;
use crate::components::phase::PhaseBadge;
use crate::domain::EventKind;
use crate::domain::ORGANISATION_KINDS;
use crate::domain::vocabulary::{LIFE_DOMAINS, TARGET_GROUPS, label_of};
use crate::domain::{Sighting, visibility::distinct_sectors};

/// `level` is the signal's heading level: 1 on its page, 2 in the panel.
#[component]
pub fn SignalView(page: Page, #[prop(default = 1)] level: u8) -> impl IntoView {
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
    let sub = level + 1;
    let slug = page.tenant.slug.clone();
    // Comments show with the team's work; the rest of the history below.
    let (comments, history): (Vec<_>, Vec<_>) = page.history.into_iter().partition(|e| e.kind == EventKind::Commented);
    let work = page.work.map(|work| {
        view! {
            <TeamWork
                tenant=slug.clone()
                signal=summary.id.0
                version=summary.version
                work
                comments
                level=sub
                returned=page.returned_text.clone()
            />
        }
    });
    let moves = page_only::moves(page.tenant.slug.clone(), summary.clone(), page.targets.clone(), page.returned.clone(), sub);
    let redaction = page_only::redaction(page.may_redact, page.tenant.slug.clone(), summary.id.0);
    view! {
        <article class="signal" aria-labelledby=format!("signaal-{}", summary.id)>
            <header class="signal-header">
                <Heading level id=format!("signaal-{}", summary.id)>{summary.title.clone()}</Heading>
                <p>
                    <span class="signal-number">"Signaal #" {summary.id.0}</span>
                    " "
                    <PhaseBadge phase=summary.phase/>
                </p>
            </header>
            <section aria-labelledby="wat">
                <Heading level=sub id="wat">"Wat de signaalgever ziet"</Heading>
                <p class="prose">{s.description}</p>
                {(!s.tried.is_empty()).then(|| view! { <Heading level=sub + 1>"Wat al geprobeerd werd"</Heading> <p class="prose">{s.tried.clone()}</p> })}
                {(!s.idea.is_empty()).then(|| view! { <Heading level=sub + 1>"Idee voor een oplossing"</Heading> <p class="prose">{s.idea.clone()}</p> })}
            </section>
            <section aria-labelledby="gegevens">
                <Heading level=sub id="gegevens">"Gegevens"</Heading>
                <dl class="facts">{facts}</dl>
            </section>
            {work}
            {moves}
            <Sightings sightings=page.sightings.clone() level=sub/>
            {redaction}
            <section aria-labelledby="historiek">
                <Heading level=sub id="historiek">"Historiek"</Heading>
                <ol class="history">
                    {history.into_iter().map(|e| view! { <HistoryLine entry=e/> }).collect_view()}
                </ol>
            </section>
        </article>
    }
    .into_any()
}

/// "Ik zie dit ook": how many organisations and which sectors, for anyone who
/// reads the signal; names only where the visibility rule allows them.
#[component]
fn Sightings(sightings: Vec<Sighting>, level: u8) -> impl IntoView {
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
            <Heading level id="ook-gezien">"Ook gezien"</Heading>
            <p>{summary} {(!sectors.is_empty()).then(|| format!(" (sectoren: {sectors})"))}</p>
            <ul class="plain-list">{named}</ul>
        </section>
    })
}

/// What only the signal's own page offers: the moves (on the board the card
/// moves itself) and removing personal data. Rendered on the server only, so
/// the board's panel, drawn in the browser, does not carry their code.
#[cfg(feature = "ssr")]
mod page_only {
    use leptos::prelude::*;

    use crate::api::signal::{RedactSignal, ReturnedMove};
    use crate::components::moves::SignalMoves;
    use crate::domain::{Phase, SignalSummary};

    pub fn moves(tenant: String, summary: SignalSummary, targets: Vec<Phase>, returned: Option<ReturnedMove>, level: u8) -> impl IntoView {
        view! {
            <SignalMoves
                tenant
                signal=summary.id.0
                version=summary.version
                phase=summary.phase
                bundle=summary.bundle.clone()
                targets
                returned
                level
            />
        }
    }

    pub fn redaction(may: bool, tenant: String, signal: i64) -> impl IntoView {
        may.then(|| view! { <RedactForm tenant signal/> })
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
}

/// In the browser (the board's panel) the page-only parts are left out.
#[cfg(not(feature = "ssr"))]
mod page_only {
    use crate::api::signal::ReturnedMove;
    use crate::domain::{Phase, SignalSummary};

    pub fn moves(_: String, _: SignalSummary, _: Vec<Phase>, _: Option<ReturnedMove>, _: u8) -> impl leptos::IntoView {}

    pub fn redaction(_: bool, _: String, _: i64) -> impl leptos::IntoView {}
}
