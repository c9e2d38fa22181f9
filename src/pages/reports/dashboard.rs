//! `/{tenant}/rapporten`: the dashboard. Its filters are a plain GET form,
//! so a filtered view is a link one can share; the exports carry the same
//! query, so they hold the same figures as the page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::reports::{ReportsPage, SaveTargets, load_reports};
use crate::components::figures::FigureTable;
use crate::components::loaded::loaded;
use crate::domain::reports::targets::{Metric, Target};
use crate::domain::reports::{Dashboard, PeriodChoice, ReportFilter};
use crate::pages::param;

#[component]
pub fn ReportsPageView() -> impl IntoView {
    let tenant = param("tenant");
    let query = use_query_map();
    let get = move |key: &str| query.read().get(key);
    let filter = move || (tenant(), get("periode"), get("van"), get("tot"), get("domein"));
    let page = Resource::new(filter, |(tenant, periode, van, tot, domein)| load_reports(tenant, periode, van, tot, domein));
    view! {
        <Title text="Rapporten"/>
        {loaded(page, |page| view! { <Reports page/> })}
    }
}

#[component]
fn Reports(page: ReportsPage) -> impl IntoView {
    let ReportsPage { tenant, page, targets } = page;
    let query = page.filter.query();
    let base = format!("/{}/rapporten", tenant.slug);
    let d = page.dashboard;
    let tables = d
        .tables
        .iter()
        .map(|t| {
            let csv = format!("{base}/tabel.csv?{query}&tabel={}", t.key);
            view! { <FigureTable table=t.clone() csv=csv/> }
        })
        .collect_view();
    view! {
        <h1>"Rapporten " {tenant.name.clone()}</h1>
        <p class="lead">"Wat er met signalen gebeurde, om prioriteiten te onderbouwen. Nooit wie een signaal meldde."</p>
        <Filters filter=page.filter.clone() domains=page.domains.clone() error=page.period_error.clone()/>
        <Summary dashboard=d.clone()/>
        <p class="downloads">
            <a class="button secondary" href=format!("{base}/tabellen.xlsx?{query}") download>"Alle tabellen als Excel (XLSX)"</a>
            " "
            <a href=format!("{base}/signalen.xlsx") download>"De signalen die je mag lezen (XLSX)"</a>
            " · "
            <a href=format!("{base}/signalen.csv") download>"(CSV)"</a>
        </p>
        <div class="figures-grid">{tables}</div>
        {targets.map(|t| view! { <TargetsForm tenant=tenant.slug.clone() targets=t/> })}
    }
}

#[component]
fn Filters(filter: ReportFilter, domains: Vec<(crate::domain::PolicyDomainId, String)>, error: Option<String>) -> impl IntoView {
    let choices =
        PeriodChoice::ALL.iter().map(|c| view! { <option value=c.code() selected=filter.choice == *c>{c.label()}</option> }).collect_view();
    let domain_options = domains
        .into_iter()
        .map(|(id, name)| view! { <option value=id.0 selected=filter.domain == Some(id)>{name}</option> })
        .collect_view();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <form method="get" class="form filter-form" aria-label="Periode en beleidsdomein">
            <div class="field">
                <label for="periode">"Periode"</label>
                <select id="periode" name="periode">{choices}</select>
            </div>
            <div class="field">
                <label for="van">"Van (bij ‘Van – tot’)"</label>
                <input type="date" id="van" name="van" value=date(filter.from)/>
            </div>
            <div class="field">
                <label for="tot">"Tot en met"</label>
                <input type="date" id="tot" name="tot" value=date(filter.to)/>
            </div>
            <div class="field">
                <label for="domein">"Beleidsdomein"</label>
                <select id="domein" name="domein">
                    <option value="">"Alle"</option>
                    {domain_options}
                </select>
            </div>
            <button type="submit" class="button">"Toon"</button>
            {error.map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </form>
    }
}

#[component]
fn Summary(dashboard: Dashboard) -> impl IntoView {
    let targets = dashboard.targets.iter().map(|t| view! { <li class:met=t.met>{t.sentence.clone()}</li> }).collect_view();
    view! {
        <section class="panel" aria-labelledby="overzicht">
            <h2 id="overzicht">{dashboard.period.label()} ", " {dashboard.scope.clone()}</h2>
            <p class="big-figure"><strong data-figure="ontvangen">{dashboard.received.text()}</strong> " signalen ontvangen"</p>
            {dashboard.protected.then(|| view! {
                <p class="hint">"Aantallen onder 5 staan als ‘< 5’, zodat niemand herkenbaar wordt."</p>
            })}
            {(!dashboard.targets.is_empty()).then(|| view! { <h3>"Eigen doelen"</h3><ul class="targets">{targets}</ul> })}
        </section>
    }
}

#[component]
fn TargetsForm(tenant: String, targets: Vec<Target>) -> impl IntoView {
    let save = ServerAction::<SaveTargets>::new();
    let fields = Metric::ALL
        .iter()
        .map(|m| {
            let value = targets.iter().find(|t| t.metric == *m).map(|t| t.per_year.to_string()).unwrap_or_default();
            let id = format!("doel-{}", m.code());
            view! {
                <div class="field">
                    <label for=id.clone()>"Minstens … " {m.label()} " per jaar"</label>
                    <input id=id type="number" min="0" max="100000" inputmode="numeric" name=m.code() value=value/>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="doelen">
            <h2 id="doelen">"Doelen van " {tenant.clone()}</h2>
            <p class="hint">"Bijvoorbeeld: minstens 2 signalen per jaar uitgewerkt in een actieplan. Laat een veld leeg voor geen doel."</p>
            <ActionForm action=save attr:class="form">
                <input type="hidden" name="tenant" value=tenant/>
                {fields}
                <button type="submit" class="button">"Doelen bewaren"</button>
            </ActionForm>
        </section>
    }
}
