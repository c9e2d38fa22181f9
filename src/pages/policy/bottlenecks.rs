//! Policy domains with their regisseurs and consultation bodies, the
//! bottlenecks they own, the signals that prove them, and the retained
//! signals linked to none ("Signalen zonder knelpunt").

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::policy::{BottlenecksPage, LinkBottleneck, SaveBottleneck, SaveDomain, load_bottlenecks};
use crate::components::loaded::loaded;
use crate::components::phase::PhaseBadge;
use crate::domain::SignalSummary;
use crate::domain::forum::bottleneck::{Bottleneck, BottleneckStatus};
use crate::domain::forum::view::DomainView;
use crate::pages::param;

#[component]
pub fn BottlenecksPageView() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_bottlenecks);
    view! {
        <Title text="Knelpunten"/>
        {loaded(page, |page| view! { <BottlenecksView page/> })}
    }
}

#[component]
fn BottlenecksView(page: BottlenecksPage) -> impl IntoView {
    let BottlenecksPage { tenant, page } = page;
    let slug = tenant.slug.clone();
    let domains = page.domains.clone();
    let by_domain = page
        .domains
        .iter()
        .map(|d| {
            let mine: Vec<Bottleneck> = page.bottlenecks.iter().filter(|b| b.domain == d.id).cloned().collect();
            view! { <DomainSection tenant=slug.clone() domain=d.clone() bottlenecks=mine all=domains.clone() edit=page.may_edit_domains/> }
        })
        .collect_view();
    let raise = (!page.may_raise_in.is_empty()).then(|| {
        let choices: Vec<DomainView> = page.domains.iter().filter(|d| page.may_raise_in.contains(&d.id)).cloned().collect();
        view! { <RaiseForm tenant=slug.clone() choices all=page.domains.clone()/> }
    });
    view! {
        <h1>"Beleidsdomeinen en knelpunten " {tenant.name.clone()}</h1>
        <p class="lead">"Een beleidsknelpunt is een vraag binnen één beleidsdomein die de hulp van andere domeinen nodig heeft. Signalen die eraan gekoppeld zijn, tonen dat het in de praktijk speelt."</p>
        <Without tenant=slug.clone() signals=page.without/>
        {(!page.my_signals.is_empty()).then(|| view! { <MySignals tenant=slug.clone() signals=page.my_signals/> })}
        {raise}
        {by_domain}
    }
}

/// Retained signals linked to no bottleneck: they need extra attention.
#[component]
fn Without(tenant: String, signals: Vec<SignalSummary>) -> impl IntoView {
    let count = signals.len();
    view! {
        <section class="panel" aria-labelledby="zonder-knelpunt">
            <h2 id="zonder-knelpunt">"Signalen zonder knelpunt (" {count} ")"</h2>
            <p class="hint">"Weerhouden signalen, van Weerhouden tot In actie, die aan geen beleidsknelpunt gekoppeld zijn: ze vragen extra aandacht."</p>
            <ul class="without-list">
                {signals.into_iter().map(|s| view! {
                    <li data-signal=s.id.0><a href=format!("/{tenant}/signalen/{}", s.id)>{format!("#{} {}", s.id, s.title)}</a> " " <PhaseBadge phase=s.phase/></li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// A regisseur's own page: the signals of their domains.
#[component]
fn MySignals(tenant: String, signals: Vec<SignalSummary>) -> impl IntoView {
    view! {
        <section aria-labelledby="mijn-domeinen">
            <h2 id="mijn-domeinen">"Signalen van mijn beleidsdomeinen"</h2>
            <ul>
                {signals.into_iter().map(|s| view! {
                    <li><a href=format!("/{tenant}/signalen/{}", s.id)>{format!("#{} {}", s.id, s.title)}</a> " " <PhaseBadge phase=s.phase/>
                        {s.policy_domain.clone().map(|d| format!(" · {d}"))}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn DomainSection(tenant: String, domain: DomainView, bottlenecks: Vec<Bottleneck>, all: Vec<DomainView>, edit: bool) -> impl IntoView {
    let save = ServerAction::<SaveDomain>::new();
    let (heading, labelled) = (format!("domein-{}", domain.id), format!("domein-{}", domain.id));
    let regisseurs = if domain.regisseurs.is_empty() { "nog geen regisseur".to_string() } else { domain.regisseurs.join(", ") };
    let body = if domain.body.is_empty() { String::new() } else { format!(" · overlegorgaan: {}", domain.body) };
    let items =
        bottlenecks.into_iter().map(|b| view! { <BottleneckItem tenant=tenant.clone() bottleneck=b all=all.clone()/> }).collect_view();
    let id = domain.id.0;
    view! {
        <section class="domain" aria-labelledby=labelled>
            <h2 id=heading>{domain.name.clone()}</h2>
            <p class="card-meta">"Regisseur: " {regisseurs} {body}</p>
            <ul class="bottleneck-list">{items}</ul>
            {edit.then(|| view! {
                <details>
                    <summary>"Naam of overlegorgaan wijzigen"</summary>
                    <ActionForm action=save attr:class="form">
                        <input type="hidden" name="tenant" value=tenant.clone()/>
                        <input type="hidden" name="domain" value=id/>
                        <div class="field"><label for=format!("domein-{id}-naam")>"Naam"</label>
                            <input id=format!("domein-{id}-naam") name="name" required maxlength="100" value=domain.name.clone()/></div>
                        <div class="field"><label for=format!("domein-{id}-orgaan")>"Overlegorgaan"</label>
                            <input id=format!("domein-{id}-orgaan") name="body" maxlength="300" value=domain.body.clone()/></div>
                        <button type="submit" class="button button-small">"Bewaren"</button>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}

#[component]
fn BottleneckItem(tenant: String, bottleneck: Bottleneck, all: Vec<DomainView>) -> impl IntoView {
    let save = ServerAction::<SaveBottleneck>::new();
    let link = ServerAction::<LinkBottleneck>::new();
    let b = bottleneck;
    let id = b.id.0;
    let help = if b.help.is_empty() { String::new() } else { format!(" · vraagt hulp van {}", b.help.join(", ")) };
    let (tenant_link, tenant_edit) = (tenant.clone(), tenant);
    let signals = match b.signals {
        0 => "nog geen signalen".to_string(),
        1 => "1 signaal".to_string(),
        n => format!("{n} signalen"),
    };
    view! {
        <li class="bottleneck" data-bottleneck=id>
            <p><strong>{b.question.clone()}</strong></p>
            <p class="card-meta"><span class="tag">{b.status.label()}</span> " · " {signals} {help}
                {b.owner.clone().map(|o| format!(" · eigenaar: {o}"))}</p>
            <details>
                <summary>"Signaal of bundel koppelen"</summary>
                <ActionForm action=link attr:class="form form-inline">
                    <input type="hidden" name="tenant" value=tenant_link/>
                    <input type="hidden" name="bottleneck" value=id/>
                    <div class="field"><label for=format!("knelpunt-{id}-koppel")>"Bundel of signaal (bv. bundel-3 of signaal-12)"</label>
                        <input id=format!("knelpunt-{id}-koppel") name="subject" required/></div>
                    <div class="choice"><input type="checkbox" id=format!("knelpunt-{id}-los") name="unlink" value="ja"/>
                        <label for=format!("knelpunt-{id}-los")>"Koppeling verwijderen"</label></div>
                    <button type="submit" class="button button-small">"Bewaren"</button>
                </ActionForm>
            </details>
            {b.editable.then(move || view! {
                <details>
                    <summary>"Knelpunt wijzigen"</summary>
                    <ActionForm action=save attr:class="form">
                        <input type="hidden" name="tenant" value=tenant_edit.clone()/>
                        <input type="hidden" name="bottleneck" value=id/>
                        <input type="hidden" name="version" value=b.version/>
                        <input type="hidden" name="domain" value=b.domain.0/>
                        <div class="field"><label for=format!("knelpunt-{id}-vraag")>"Vraag"</label>
                            <textarea id=format!("knelpunt-{id}-vraag") name="question" required rows="2">{b.question.clone()}</textarea></div>
                        <div class="field"><label for=format!("knelpunt-{id}-status")>"Status"</label>
                            <select id=format!("knelpunt-{id}-status") name="status">
                                {BottleneckStatus::ALL.into_iter().map(|s| view! { <option value=s.code() selected=s == b.status>{s.label()}</option> }).collect_view()}
                            </select></div>
                        <HelpChoices prefix=format!("knelpunt-{id}") all=all.clone() chosen=b.help_ids.iter().map(|d| d.0).collect()/>
                        <button type="submit" class="button button-small">"Bewaren"</button>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}

/// The other domains whose help a bottleneck needs.
#[component]
fn HelpChoices(prefix: String, all: Vec<DomainView>, chosen: Vec<i64>) -> impl IntoView {
    view! {
        <fieldset>
            <legend>"Heeft de hulp nodig van"</legend>
            {all.into_iter().enumerate().map(|(n, d)| {
                let id = format!("{prefix}-hulp-{}", d.id);
                view! {
                    <div class="choice">
                        <input type="checkbox" id=id.clone() name=format!("help[{n}]") value=d.id.0 checked=chosen.contains(&d.id.0)/>
                        <label for=id>{d.name}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn RaiseForm(tenant: String, choices: Vec<DomainView>, all: Vec<DomainView>) -> impl IntoView {
    let save = ServerAction::<SaveBottleneck>::new();
    view! {
        <section class="panel" aria-labelledby="knelpunt-nieuw">
            <h2 id="knelpunt-nieuw">"Nieuw beleidsknelpunt"</h2>
            <ActionForm action=save attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                <div class="field"><label for="nieuw-vraag">"Vraag"</label>
                    <textarea id="nieuw-vraag" name="question" required rows="2"></textarea></div>
                <div class="field"><label for="nieuw-domein">"Beleidsdomein"</label>
                    <select id="nieuw-domein" name="domain">
                        {choices.into_iter().map(|d| view! { <option value=d.id.0>{d.name}</option> }).collect_view()}
                    </select></div>
                <HelpChoices prefix="nieuw".to_string() all chosen=vec![]/>
                <button type="submit" class="button">"Knelpunt aanmaken"</button>
            </ActionForm>
        </section>
    }
}
