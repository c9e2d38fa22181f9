//! Bundles: the list (with "Bundel maken" from retained signals) and one
//! bundle's page, where those who lead it edit it, add and split out
//! signals, merge another bundle into it and move it. Plain forms: every
//! step works without JavaScript and the page comes back with the result.

use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::bundles::{
    AddToBundle, BundlePage as Page, BundlesPage, CreateBundle, EditBundle, MergeBundles, MoveBundle, SplitFromBundle, load_bundle,
    load_bundles,
};
use crate::components::dates::date_time;
use crate::components::loaded::loaded;
use crate::components::markdown::Markdown;
use crate::components::phase::PhaseBadge;
use crate::domain::bundle::{BundleSummary, MAX_TITLE_CHARS};
use crate::domain::vocabulary::{Outcome, label_of};
use crate::domain::{ORGANISATION_KINDS, Phase, PolicyDomain, SignalSummary};
use crate::error::AppError;

#[component]
pub fn BundlesListPage() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_bundles);
    view! {
        <Title text="Bundels"/>
        {loaded(page, |page| view! { <BundlesView page/> })}
    }
}

fn sectors(kinds: &[String]) -> String {
    kinds.iter().map(|k| label_of(ORGANISATION_KINDS, k)).collect::<Vec<_>>().join(", ")
}

fn counted(n: i64, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

#[component]
fn BundlesView(page: BundlesPage) -> impl IntoView {
    let slug = page.tenant.slug.clone();
    let rows = page
        .bundles
        .into_iter()
        .map(|b| {
            let href = format!("/{slug}/bundels/{}", b.id);
            view! {
                <li class="bundle-row" data-bundle=b.id.0>
                    <h2 class="card-title"><a href=href>{b.title.clone()}</a></h2>
                    <p class="card-meta">
                        <PhaseBadge phase=b.phase/> " · " {counted(b.signals, "signaal", "signalen")} " · "
                        {counted(b.organisations, "organisatie", "organisaties")}
                        {(!b.sectors.is_empty()).then(|| format!(" · {}", sectors(&b.sectors)))}
                        {b.lead_domain.clone().map(|d| format!(" · trekker: {d}"))}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"Bundels " {page.tenant.name.clone()}</h1>
        <p class="lead">"Signalen van verschillende organisaties over hetzelfde probleem, samen geanalyseerd en samen verder gebracht."</p>
        <ul class="bundle-list">{rows}</ul>
        {(!page.suggested.is_empty()).then(|| view! { <Suggestions tenant=slug.clone() groups=page.suggested domains=page.domains.clone()/> })}
        {(!page.unbundled.is_empty()).then(|| view! { <NewBundleForm tenant=slug.clone() signals=page.unbundled domains=page.domains/> })}
    }
}

/// Groups of retained signals that look alike, each one click from a bundle.
#[component]
fn Suggestions(tenant: String, groups: Vec<Vec<SignalSummary>>, domains: Vec<PolicyDomain>) -> impl IntoView {
    let create = ServerAction::<CreateBundle>::new();
    let cards = groups
        .into_iter()
        .enumerate()
        .map(|(n, group)| {
            let (tenant, title_id, domain_id) = (tenant.clone(), format!("voorstel-{n}-titel"), format!("voorstel-{n}-trekker"));
            let confirm_id = format!("voorstel-{n}-geen-persoonsgegevens");
            // The first signal's policy domain leads, unless the person chooses another.
            let first_domain = group.first().and_then(|s| s.policy_domain.clone());
            let lead = domains.iter().find(|d| Some(&d.name) == first_domain.as_ref()).map(|d| d.id);
            let domains = domains.clone();
            let title = group.first().map(|s| s.title.clone()).unwrap_or_default();
            view! {
                <li class="panel suggestion-card">
                    <ul>
                        {group.iter().map(|s| view! {
                            <li>{format!("#{} {}", s.id, s.title)}
                                {s.sector.as_deref().map(|k| format!(" ({})", label_of(ORGANISATION_KINDS, k)))}</li>
                        }).collect_view()}
                    </ul>
                    <ActionForm action=create attr:class="form">
                        <input type="hidden" name="tenant" value=tenant/>
                        {group.iter().enumerate().map(|(i, s)| view! { <input type="hidden" name=format!("signals[{i}]") value=s.id.0/> }).collect_view()}
                        <div class="field">
                            <label for=title_id.clone()>"Titel van de bundel"</label>
                            <input id=title_id name="title" value=title required maxlength=MAX_TITLE_CHARS/>
                        </div>
                        <DomainSelect id=domain_id domains selected=lead/>
                        <NoPersonalData id=confirm_id/>
                        <button type="submit" class="button button-small">"Bundel maken"</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="voorgesteld">
            <h2 id="voorgesteld">"Voorgestelde bundels"</h2>
            <p class="hint">"Weerhouden signalen zonder bundel die op elkaar lijken. Kijk ze na voor je ze bundelt."</p>
            <ul class="bundle-list">{cards}</ul>
        </section>
    }
}

/// Make a bundle: choose retained signals, give it a title, a problem
/// definition and the policy domain that leads it.
#[component]
fn NewBundleForm(tenant: String, signals: Vec<SignalSummary>, domains: Vec<PolicyDomain>) -> impl IntoView {
    let create = ServerAction::<CreateBundle>::new();
    let choices = signals
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let id = format!("nieuw-signaal-{}", s.id);
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input type="checkbox" id=id name=format!("signals[{i}]") value=s.id.0/>
                    {format!("#{} {}", s.id, s.title)}
                    {s.sector.as_deref().map(|k| format!(" ({})", label_of(ORGANISATION_KINDS, k)))}
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="bundel-maken">
            <h2 id="bundel-maken">"Bundel maken"</h2>
            <ActionForm action=create attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                <fieldset class="field choices">
                    <legend>"Weerhouden signalen zonder bundel"</legend>
                    {choices}
                </fieldset>
                <div class="field">
                    <label for="bundel-titel">"Titel van de bundel"</label>
                    <input id="bundel-titel" name="title" required maxlength=MAX_TITLE_CHARS/>
                </div>
                <div class="field">
                    <label for="bundel-probleem">"Probleemstelling"</label>
                    <textarea id="bundel-probleem" name="problem" rows="4"></textarea>
                </div>
                <DomainSelect id="bundel-trekker" domains selected=None/>
                <NoPersonalData id="bundel-geen-persoonsgegevens"/>
                <button type="submit" class="button">"Bundel maken"</button>
            </ActionForm>
        </section>
    }
}

/// The privacy guard reads a bundle's texts; what it flags may be confirmed
/// as no personal data (a service's own phone number, say).
#[component]
fn NoPersonalData(#[prop(into)] id: String) -> impl IntoView {
    view! {
        <div class="choice">
            <input type="checkbox" id=id.clone() name="confirmed" value="ja"/>
            <label for=id>"Geen persoonsgegevens: wat de controle aanduidt, gaat niet over een persoon"</label>
        </div>
    }
}

#[component]
fn DomainSelect(#[prop(into)] id: String, domains: Vec<PolicyDomain>, selected: Option<crate::domain::PolicyDomainId>) -> impl IntoView {
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

#[component]
pub fn BundlePageView() -> impl IntoView {
    let tenant = param("tenant");
    let id = param("id");
    let page = Resource::new(
        move || (tenant(), id()),
        |(tenant, id)| async move {
            let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
            load_bundle(tenant, id).await
        },
    );
    loaded(page, |page| view! { <BundleView page/> })
}

#[component]
fn BundleView(page: Page) -> impl IntoView {
    let b = page.bundle.summary.clone();
    let slug = page.tenant.slug.clone();
    let hidden = {
        let (slug, id, version) = (slug.clone(), b.id.0, b.version);
        move || {
            view! {
                <input type="hidden" name="tenant" value=slug.clone()/>
                <input type="hidden" name="bundle" value=id/>
                <input type="hidden" name="version" value=version/>
            }
        }
    };
    let merged = b.merged_into.map(|into| {
        view! { <p class="notice">"Deze bundel is opgegaan in " <a href=format!("/{slug}/bundels/{into}")>{format!("bundel {into}")}</a> "."</p> }
    });
    let signals = page
        .signals
        .iter()
        .map(|s| {
            let split = page.leads.then(|| view! { <SplitForm hidden=hidden.clone() signal=s.id.0/> });
            view! {
                <li class="bundle-signal" data-signal=s.id.0>
                    <a href=format!("/{slug}/signalen/{}", s.id)>{format!("#{} {}", s.id, s.title)}</a>
                    <span class="card-meta">
                        " · " <PhaseBadge phase=s.phase/>
                        {s.organisation.clone().map(|o| format!(" · {o}"))}
                        {s.sector.as_deref().map(|k| format!(" · {}", label_of(ORGANISATION_KINDS, k)))}
                    </span>
                    {split}
                </li>
            }
        })
        .collect_view();
    let history = page
        .history
        .iter()
        .map(|e| {
            view! {
                <li class="history-entry">
                    <p class="history-what"><strong>{e.kind.describe(e)}</strong></p>
                    <p class="history-meta">
                        <time datetime=e.at.to_rfc3339()>{date_time(e.at)}</time>
                        {e.actor_name.clone().map(|n| format!(" · {n}"))}
                    </p>
                    {e.note.clone().map(|n| view! { <p class="history-note">"Interne notitie: " {n}</p> })}
                </li>
            }
        })
        .collect_view();
    let work = (page.leads && b.merged_into.is_none()).then(|| {
        view! {
            <MoveForms hidden=hidden.clone() targets=page.targets.clone()/>
            <AddForm hidden=hidden.clone() candidates=page.candidates.clone()/>
            <MergeForm hidden=hidden.clone() bundles=page.mergeable.clone()/>
            <EditForm hidden=hidden.clone() page=page.clone()/>
        }
    });
    view! {
        <Title text=b.title.clone()/>
        <p><a href=format!("/{slug}/bundels")>"Alle bundels"</a></p>
        <h1>{b.title.clone()}</h1>
        <p class="card-meta">
            <PhaseBadge phase=b.phase/> " · " {counted(b.signals, "signaal", "signalen")} " · "
            {counted(b.organisations, "organisatie", "organisaties")}
            {(!b.sectors.is_empty()).then(|| format!(" · {}", sectors(&b.sectors)))}
            {b.lead_domain.clone().map(|d| format!(" · trekker: {d}"))}
        </p>
        {merged}
        <section aria-labelledby="probleemstelling">
            <h2 id="probleemstelling">"Probleemstelling"</h2>
            <Markdown text=page.bundle.problem.clone()/>
        </section>
        <section aria-labelledby="analyse">
            <h2 id="analyse">"Analyse"</h2>
            <Markdown text=page.bundle.analysis.clone()/>
        </section>
        <section aria-labelledby="signalen">
            <h2 id="signalen">"Signalen"</h2>
            <ul class="bundle-signals">{signals}</ul>
        </section>
        {work}
        <section aria-labelledby="geschiedenis">
            <h2 id="geschiedenis">"Geschiedenis"</h2>
            <ol class="history">{history}</ol>
        </section>
    }
}

/// One form per move the bundle may make, asking what that move needs.
#[component]
fn MoveForms<H: Fn() -> V + Clone + Send + 'static, V: IntoView + 'static>(hidden: H, targets: Vec<Phase>) -> impl IntoView {
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
                    {hidden()}
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
fn SplitForm<H: Fn() -> V + Clone + Send + 'static, V: IntoView + 'static>(hidden: H, signal: i64) -> impl IntoView {
    let action = ServerAction::<SplitFromBundle>::new();
    let id = format!("eruit-{signal}");
    view! {
        <details class="move">
            <summary>"Uit de bundel halen…"</summary>
            <ActionForm action attr:class="form">
                {hidden()}
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
fn AddForm<H: Fn() -> V + Clone + Send + 'static, V: IntoView + 'static>(hidden: H, candidates: Vec<SignalSummary>) -> impl IntoView {
    let action = ServerAction::<AddToBundle>::new();
    (!candidates.is_empty()).then(move || {
        view! {
            <section aria-labelledby="toevoegen" class="panel">
                <h2 id="toevoegen">"Een signaal toevoegen"</h2>
                <ActionForm action attr:class="form">
                    {hidden()}
                    <div class="field">
                        <label for="toe-te-voegen">"Weerhouden signaal"</label>
                        <select id="toe-te-voegen" name="signal">
                            {candidates.into_iter().map(|s| view! { <option value=s.id.0>{format!("#{} {}", s.id, s.title)}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button button-small">"Toevoegen"</button>
                </ActionForm>
            </section>
        }
    })
}

#[component]
fn MergeForm<H: Fn() -> V + Clone + Send + 'static, V: IntoView + 'static>(hidden: H, bundles: Vec<BundleSummary>) -> impl IntoView {
    let action = ServerAction::<MergeBundles>::new();
    (!bundles.is_empty()).then(move || {
        view! {
            <section aria-labelledby="samenvoegen" class="panel">
                <h2 id="samenvoegen">"Een andere bundel hierbij voegen"</h2>
                <p class="hint">"De signalen van die bundel komen in deze bundel en nemen haar fase over."</p>
                <ActionForm action attr:class="form">
                    {hidden()}
                    <div class="field">
                        <label for="samen-met">"Bundel"</label>
                        <select id="samen-met" name="other">
                            {bundles.into_iter().map(|b| view! { <option value=b.id.0>{format!("{} ({})", b.title, b.phase.label())}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button button-small">"Samenvoegen"</button>
                </ActionForm>
            </section>
        }
    })
}

#[component]
fn EditForm<H: Fn() -> V + Clone + Send + 'static, V: IntoView + 'static>(hidden: H, page: Page) -> impl IntoView {
    let action = ServerAction::<EditBundle>::new();
    let b = page.bundle;
    view! {
        <section aria-labelledby="bewerken" class="panel">
            <h2 id="bewerken">"Bundel bewerken"</h2>
            <ActionForm action attr:class="form">
                {hidden()}
                <div class="field">
                    <label for="titel">"Titel"</label>
                    <input id="titel" name="title" value=b.summary.title.clone() required maxlength=MAX_TITLE_CHARS/>
                </div>
                <div class="field">
                    <label for="probleem">"Probleemstelling"</label>
                    <textarea id="probleem" name="problem" rows="5">{b.problem.clone()}</textarea>
                </div>
                <div class="field">
                    <label for="analyse-tekst">"Analyse"</label>
                    <textarea id="analyse-tekst" name="analysis" rows="10" aria-describedby="analyse-uitleg">{b.analysis.clone()}</textarea>
                    <p id="analyse-uitleg" class="hint">"Markdown: **vet**, een lijst met - aan het begin van een regel, een lege regel tussen alinea's."</p>
                </div>
                <DomainSelect id="trekker" domains=page.domains selected=b.summary.lead_domain_id/>
                <NoPersonalData id="geen-persoonsgegevens"/>
                <button type="submit" class="button">"Opslaan"</button>
            </ActionForm>
        </section>
    }
}
