//! Bundles: the list (with "Bundel maken" from retained signals) and one
//! bundle's page, where those who lead it edit it, add and split out
//! signals, merge another bundle into it and move it. Plain forms: every
//! step works without JavaScript and the page comes back with the result.

use leptos::prelude::*;
use leptos_meta::Title;

mod forms;

use self::forms::{AddForm, DomainSelect, EditForm, MergeForm, MoveForms, NoPersonalData, SplitForm, Target};
use super::param;
use crate::api::bundles::{BundlePage as Page, BundlesPage, CreateBundle, load_bundle, load_bundles};
use crate::components::dates::date_time;
use crate::components::loaded::loaded;
use crate::components::markdown::Markdown;
use crate::components::phase::PhaseBadge;
use crate::domain::bundle::MAX_TITLE_CHARS;
use crate::domain::vocabulary::label_of;
use crate::domain::{ORGANISATION_KINDS, PolicyDomain, SignalSummary};
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
    let hidden = Target { tenant: slug.clone(), bundle: b.id.0, version: b.version };
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
