//! The forms on a bundle's pages: plain forms that post to the bundle
//! server functions, each carrying the bundle and the version it was read at.

use leptos::prelude::*;

use crate::api::bundles::{AddToBundle, BundlePage as Page, EditBundle, MergeBundles, MoveBundle, SplitFromBundle};
use crate::domain::bundle::{BundleSummary, BundleText, MAX_TITLE_CHARS};
use crate::domain::vocabulary::Outcome;
use crate::domain::{Phase, PolicyDomain, SignalSummary};

/// The privacy guard reads a bundle's texts; what it flags may be confirmed
/// as no personal data (a service's own phone number, say).
#[component]
pub(super) fn NoPersonalData(#[prop(into)] id: String) -> impl IntoView {
    view! {
        <div class="choice">
            <input type="checkbox" id=id.clone() name="confirmed" value="ja"/>
            <label for=id>"Geen persoonsgegevens: wat de controle aanduidt, gaat niet over een persoon"</label>
        </div>
    }
}

#[component]
pub(super) fn DomainSelect(
    #[prop(into)] id: String,
    domains: Vec<PolicyDomain>,
    selected: Option<crate::domain::PolicyDomainId>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>"Trekkend beleidsdomein"</label>
            <select id=id name="lead_domain">
                {domains.into_iter().map(|d| {
                    let chosen = selected == Some(d.id);
                    view! { <option value=d.id.0 selected=chosen>{d.name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The bundle a form acts on, as the person saw it: the version travels
/// along, so a form that is out of date is refused.
#[derive(Clone)]
pub(super) struct Target {
    pub(super) tenant: String,
    pub(super) bundle: i64,
    pub(super) version: i64,
}

#[component]
fn TargetFields(target: Target) -> impl IntoView {
    view! {
        <input type="hidden" name="tenant" value=target.tenant/>
        <input type="hidden" name="bundle" value=target.bundle/>
        <input type="hidden" name="version" value=target.version/>
    }
}

/// A labelled choice of one record by id.
#[component]
fn PickOne(id: &'static str, label: &'static str, name: &'static str, options: Vec<(i64, String)>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// One form per move the bundle may make, asking what that move needs.
#[component]
pub(super) fn MoveForms(hidden: Target, targets: Vec<Phase>) -> impl IntoView {
    let forms = targets
        .into_iter()
        .map(|to| {
            let hidden = hidden.clone();
            let action = ServerAction::<MoveBundle>::new();
            let field = move |name: &str| format!("naar-{}-{name}", to.code());
            let asks = match to {
                Phase::Closed => view! {
                    <div class="field">
                        <label for=field("afloop")>"Afloop"</label>
                        <select id=field("afloop") name="outcome" required>
                            {Outcome::ALL.into_iter().map(|o| view! { <option value=o.code()>{o.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=field("bericht")>"Bericht aan de signaalgevers"</label>
                        <textarea id=field("bericht") name="message" rows="3" required></textarea>
                    </div>
                }
                .into_any(),
                _ => view! {
                    <div class="field">
                        <label for=field("notitie")>"Interne notitie (bij een stap terug: waarom?)"</label>
                        <input id=field("notitie") name="note"/>
                    </div>
                }
                .into_any(),
            };
            view! {
                <ActionForm action attr:class="form move-form">
                    <TargetFields target=hidden.clone()/>
                    <input type="hidden" name="to" value=to.code()/>
                    {asks}
                    <button type="submit" class="button button-small">{format!("Naar {}", to.label())}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="verplaatsen" class="panel">
            <h2 id="verplaatsen">"De bundel verplaatsen"</h2>
            <p class="hint">"Alle signalen van de bundel gaan mee, elk met een eigen stap in hun geschiedenis."</p>
            {forms}
        </section>
    }
}

#[component]
pub(super) fn SplitForm(hidden: Target, signal: i64) -> impl IntoView {
    let action = ServerAction::<SplitFromBundle>::new();
    let id = format!("eruit-{signal}");
    view! {
        <details class="move">
            <summary>"Uit de bundel halen…"</summary>
            <ActionForm action attr:class="form">
                <TargetFields target=hidden.clone()/>
                <input type="hidden" name="signal" value=signal/>
                <div class="field">
                    <label for=id.clone()>"Waarom? (interne notitie)"</label>
                    <input id=id name="note"/>
                </div>
                <button type="submit" class="button button-small">"Uit de bundel halen"</button>
            </ActionForm>
        </details>
    }
}

#[component]
pub(super) fn AddForm(hidden: Target, candidates: Vec<SignalSummary>) -> impl IntoView {
    let action = ServerAction::<AddToBundle>::new();
    (!candidates.is_empty()).then(move || {
        view! {
            <section aria-labelledby="toevoegen" class="panel">
                <h2 id="toevoegen">"Een signaal toevoegen"</h2>
                <ActionForm action attr:class="form">
                    <TargetFields target=hidden.clone()/>
                    <PickOne id="toe-te-voegen" label="Weerhouden signaal" name="signal"
                        options=candidates.into_iter().map(|s| (s.id.0, format!("#{} {}", s.id, s.title))).collect()/>
                    <button type="submit" class="button button-small">"Toevoegen"</button>
                </ActionForm>
            </section>
        }
    })
}

#[component]
pub(super) fn MergeForm(hidden: Target, bundles: Vec<BundleSummary>) -> impl IntoView {
    let action = ServerAction::<MergeBundles>::new();
    (!bundles.is_empty()).then(move || {
        view! {
            <section aria-labelledby="samenvoegen" class="panel">
                <h2 id="samenvoegen">"Een andere bundel hierbij voegen"</h2>
                <p class="hint">"De signalen van die bundel komen in deze bundel en nemen haar fase over."</p>
                <ActionForm action attr:class="form">
                    <TargetFields target=hidden.clone()/>
                    <PickOne id="samen-met" label="Bundel" name="other"
                        options=bundles.into_iter().map(|b| (b.id.0, format!("{} ({})", b.title, b.phase.label()))).collect()/>
                    <button type="submit" class="button button-small">"Samenvoegen"</button>
                </ActionForm>
            </section>
        }
    })
}

#[component]
pub(super) fn EditForm(hidden: Target, page: Page) -> impl IntoView {
    let action = ServerAction::<EditBundle>::new();
    let b = page.bundle;
    // What was sent and refused comes back as typed; else what is stored.
    let typed = page.returned.unwrap_or(BundleText {
        title: b.summary.title,
        problem: b.problem,
        analysis: b.analysis,
        lead_domain: b.summary.lead_domain_id,
        confirmed: false,
    });
    view! {
        <section aria-labelledby="bewerken" class="panel">
            <h2 id="bewerken">"Bundel bewerken"</h2>
            <ActionForm action attr:class="form">
                <TargetFields target=hidden.clone()/>
                <div class="field">
                    <label for="titel">"Titel"</label>
                    <input id="titel" name="title" value=typed.title.clone() required maxlength=MAX_TITLE_CHARS/>
                </div>
                <div class="field">
                    <label for="probleem">"Probleemstelling"</label>
                    <textarea id="probleem" name="problem" rows="5">{typed.problem.clone()}</textarea>
                </div>
                <div class="field">
                    <label for="analyse-tekst">"Analyse"</label>
                    <textarea id="analyse-tekst" name="analysis" rows="10" aria-describedby="analyse-uitleg">{typed.analysis.clone()}</textarea>
                    <p id="analyse-uitleg" class="hint">"Markdown: **vet**, een lijst met - aan het begin van een regel, een lege regel tussen alinea's."</p>
                </div>
                <DomainSelect id="trekker" domains=page.domains selected=typed.lead_domain/>
                <NoPersonalData id="geen-persoonsgegevens"/>
                <button type="submit" class="button">"Opslaan"</button>
            </ActionForm>
        </section>
    }
}
