//! A meeting's dossier, laid out for reading and for paper: per agenda item
//! what Seinhuis holds, never who reported it. The PDF holds the same.

use leptos::prelude::*;
use leptos_meta::Title;

use super::PdfDownload;
use crate::api::forum::{DossierPage, load_dossier};
use crate::components::loaded::loaded;
use crate::domain::forum::dossier::DossierItem;
use crate::error::AppError;
use crate::pages::param;

#[component]
pub fn DossierPageView() -> impl IntoView {
    let tenant = param("tenant");
    let id = param("id");
    let page = Resource::new(
        move || (tenant(), id()),
        |(tenant, id)| async move {
            let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
            load_dossier(tenant, id).await
        },
    );
    loaded(page, |page| view! { <DossierView page/> })
}

#[component]
fn DossierView(page: DossierPage) -> impl IntoView {
    let d = page.dossier;
    let slug = page.tenant.slug.clone();
    let pdf = format!("/{slug}/overleg/{}/dossier.pdf", page.meeting);
    let back = page.prepares.then(
        || view! { <p class="breadcrumb no-print"><a href=format!("/{slug}/overleg/{}", page.meeting)>"Terug naar de agenda"</a></p> },
    );
    let contents = d
        .items
        .iter()
        .map(|i| view! { <li><a href=format!("#punt-{}", i.position)>{format!("{}. {}", i.position, i.title)}</a></li> })
        .collect_view();
    view! {
        <Title text=format!("Dossier: {}", d.meeting.title)/>
        {back}
        <article class="dossier">
            <header>
                <p class="dossier-tenant">{d.tenant.clone()}</p>
                <h1>"Dossier: " {d.meeting.title.clone()}</h1>
                <p class="lead">{d.meeting.kind.clone()} " · " {d.meeting.when.clone()} {(!d.meeting.place.is_empty()).then(|| format!(" · {}", d.meeting.place))}</p>
                <p class="hint">{format!("Agenda: {} van {} minuten. Samengesteld op {}. Dit dossier noemt geen signaalgevers.", d.meeting.agenda_minutes, d.meeting.length_minutes, d.compiled)}</p>
                <p class="no-print">
                    <PdfDownload href=pdf.clone() label="PDF downloaden".to_string() file="dossier.pdf".to_string()/>
                    " "
                    <span class="hint">"Of druk deze pagina af: ze is opgemaakt voor papier."</span>
                </p>
            </header>
            {(!d.items.is_empty()).then(|| view! {
                <nav aria-labelledby="inhoud"><h2 id="inhoud">"Inhoud"</h2><ol>{contents}</ol></nav>
            })}
            {d.items.is_empty().then(|| view! { <p>"De agenda is nog leeg."</p> })}
            {d.items.into_iter().map(|item| view! { <Item item/> }).collect_view()}
        </article>
    }
}

#[component]
fn Item(item: DossierItem) -> impl IntoView {
    let list = |title: &'static str, values: Vec<String>| {
        (!values.is_empty()).then(|| view! { <h3>{title}</h3><ul>{values.into_iter().map(|v| view! { <li>{v}</li> }).collect_view()}</ul> })
    };
    let sectors = item.sectors.iter().map(|s| format!("{} ({})", s.sector, s.count)).collect::<Vec<_>>();
    let has_signals = !item.signals.is_empty();
    let has_bottlenecks = !item.bottlenecks.is_empty();
    let signals = item
        .signals
        .into_iter()
        .map(|s| {
            let facts = [("Waar", s.area), ("Hoe vaak", s.frequency), ("Sinds", s.since), ("Wat zou helpen", s.idea)]
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| view! { <p><strong>{k} ": "</strong>{v}</p> })
                .collect_view();
            view! {
                <section class="dossier-signal">
                    <h4>{format!("{} {}", s.number, s.title)} " " <span class="tag">{s.phase}</span></h4>
                    <p class="pre-line">{s.description}</p>
                    {facts}
                </section>
            }
        })
        .collect_view();
    let bottlenecks = item
        .bottlenecks
        .into_iter()
        .map(|b| {
            let regisseurs = if b.regisseurs.is_empty() { String::new() } else { format!(" · regisseur: {}", b.regisseurs.join(", ")) };
            view! { <li>{b.question} " (" {b.domain} ", " {b.status.to_lowercase()} {regisseurs} ")"</li> }
        })
        .collect_view();
    view! {
        <section class="dossier-item" id=format!("punt-{}", item.position)>
            <h2>{format!("{}. {}", item.position, item.title)}</h2>
            <p class="card-meta">{item.kind.clone()} " · " {format!("{} minuten", item.duration_minutes)}
                {(!item.presenter.is_empty()).then(|| format!(" · voorgesteld door {}", item.presenter))}</p>
            {item.for_information.then(|| view! { <p class="hint">"Ter informatie."</p> })}
            {(!item.question.is_empty()).then(|| view! { <p class="dossier-question"><strong>"Vraag aan de tafel: "</strong>{item.question.clone()}</p> })}
            {(!item.problem.is_empty()).then(|| view! { <h3>"Probleemstelling"</h3><p class="pre-line">{item.problem.clone()}</p> })}
            {(!item.analysis.is_empty()).then(|| view! { <h3>"Analyse"</h3><p class="pre-line">{item.analysis.clone()}</p> })}
            {(item.organisations > 0).then(|| view! {
                <h3>"Gezien door"</h3>
                <p>{if item.organisations == 1 { "1 organisatie".to_string() } else { format!("{} organisaties", item.organisations) }}
                   {(!sectors.is_empty()).then(|| format!(": {}", sectors.join(", ")))}</p>
            })}
            {list("Doelgroepen", item.target_groups)}
            {list("Levensdomeinen", item.life_domains)}
            {has_bottlenecks.then(|| view! { <h3>"Beleidsknelpunten"</h3> })}
            <ul>{bottlenecks}</ul>
            {(!item.steps.is_empty()).then(|| view! { <h3>"Stappen tot nu toe"</h3> })}
            <ul>{item.steps.into_iter().map(|s| view! { <li>{s.date} ": " {s.text}</li> }).collect_view()}</ul>
            {list("Campagnes", item.campaigns)}
            {has_signals.then(|| view! { <h3>"Signalen"</h3> })}
            {signals}
        </section>
    }
}
