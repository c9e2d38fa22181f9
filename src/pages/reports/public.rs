//! `/{tenant}/publiek`: what a municipality or zone does with signals, open
//! to anyone without logging in, and its published signalenbundels. Light
//! on purpose: no island, readable on a phone.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::reports::{load_public, load_public_publication};
use crate::components::figures::FigureTable;
use crate::components::loaded::loaded;
use crate::domain::reports::publication::{PublicEntry, PublicPage, PublicationDoc};
use crate::pages::param;

#[component]
pub fn PublicPageView() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_public);
    view! {
        <Title text="Wat we met signalen doen"/>
        <Meta name="description" content="Hoe signalen uit het werkveld tot in het beleid komen."/>
        {loaded(page, |page| view! { <Public page/> })}
    }
}

/// Paragraphs of plain text: a blank line starts a new one.
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|p| view! { <p>{p.to_string()}</p> }).collect_view()
}

fn entries(list: Vec<PublicEntry>) -> impl IntoView {
    list.into_iter().map(|e| view! { <li><h3>{e.title}</h3><p class="muted">{e.context}</p><p>{e.summary}</p></li> }).collect_view()
}

#[component]
fn Public(page: PublicPage) -> impl IntoView {
    let slug = page.slug.clone();
    let publications = page
        .publications
        .iter()
        .map(|p| {
            view! {
                <li>
                    <a href=format!("/{slug}/publiek/signalenbundels/{}", p.id)>{p.title.clone()}</a>
                    <span class="muted">{format!(" ({}, gepubliceerd op {})", p.period, p.published)}</span>
                </li>
            }
        })
        .collect_view();
    let figures = page
        .figures
        .iter()
        .map(|(label, cell)| view! { <div class="stat"><dt>{label.clone()}</dt><dd>{cell.text()}</dd></div> })
        .collect_view();
    let has_publications = !page.publications.is_empty();
    let has_agreements = !page.agreements.is_empty();
    let has_followed = !page.followed.is_empty();
    view! {
        <article class="public">
            <h1>"Signalen in " {page.tenant.clone()}</h1>
            {if page.text.trim().is_empty() {
                view! { <p class="lead">"Mensen die in het werkveld keer op keer op hetzelfde probleem botsen, melden dat als signaal. We bundelen die signalen, zoeken uit wat er speelt en brengen ze tot bij het beleid."</p> }.into_any()
            } else {
                view! { <div class="lead">{paragraphs(&page.text)}</div> }.into_any()
            }}
            <section aria-labelledby="melden">
                <h2 id="melden">"Een signaal melden"</h2>
                <p>"Werk je bij een organisatie? " <a href=format!("/{slug}/signaleren")>"Meld een signaal"</a> " met je account."</p>
                {page.citizen_intake.then(|| view! {
                    <p>"Als inwoner kan je ook zonder account " <a href=format!("/{slug}/signaleren")>"een signaal melden"</a> "."</p>
                })}
            </section>
            <section aria-labelledby="cijfers">
                <h2 id="cijfers">"Enkele cijfers"</h2>
                <dl class="stats">{figures}</dl>
                <p class="hint">"Aantallen onder 5 staan als ‘< 5’."</p>
            </section>
            <section aria-labelledby="bundels">
                <h2 id="bundels">"Signalenbundels"</h2>
                {if has_publications {
                    view! { <ul class="publications">{publications}</ul> }.into_any()
                } else {
                    view! { <p>"Er is nog geen signalenbundel gepubliceerd."</p> }.into_any()
                }}
            </section>
            {has_agreements.then(|| view! {
                <section aria-labelledby="afspraken"><h2 id="afspraken">"Afspraken"</h2><ul class="entries">{entries(page.agreements.clone())}</ul></section>
            })}
            {has_followed.then(|| view! {
                <section aria-labelledby="opgevolgd"><h2 id="opgevolgd">"Opgevolgde signalen"</h2><ul class="entries">{entries(page.followed.clone())}</ul></section>
            })}
        </article>
    }
}

#[component]
pub fn PublicPublicationPage() -> impl IntoView {
    let tenant = param("tenant");
    let id = param("id");
    let page = Resource::new(move || (tenant(), id()), |(tenant, id)| load_public_publication(tenant, id.parse().unwrap_or(0)));
    view! {
        <Title text="Signalenbundel"/>
        {move || {
            let (slug, id) = (tenant(), id());
            view! {
                <p>
                    <a href=format!("/{slug}/publiek")>"← Terug naar de publieke pagina"</a>
                    " · "
                    <a href=format!("/{slug}/publiek/signalenbundels/{id}/signalenbundel.pdf") download>"Download als PDF"</a>
                </p>
            }
        }}
        {loaded(page, |doc| view! { <PublicationDocView doc/> })}
    }
}

/// A signalenbundel as a web page: the same document as the PDF.
#[component]
pub fn PublicationDocView(doc: PublicationDoc) -> impl IntoView {
    let items = doc
        .items
        .iter()
        .map(|i| {
            let done = i.done.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view();
            let actors = i.actors.iter().map(|a| view! { <li><strong>{a.organisation.clone()}</strong> ": " {a.engagement.clone()}</li> }).collect_view();
            let sectors = i.sectors.iter().map(|s| format!("{} ({})", s.sector, s.count)).collect::<Vec<_>>().join(", ");
            view! {
                <section class="publication-item">
                    <h3>{format!("{}: {}", i.kind, i.title)}</h3>
                    <p class="muted">{format!("{} signalen, gezien door {} organisaties", i.signals, i.organisations)} {(!sectors.is_empty()).then(|| format!(" ({sectors})"))}</p>
                    {(!i.problem.is_empty()).then(|| view! { <h4>"Probleemstelling"</h4>{paragraphs(&i.problem)} })}
                    {(!i.analysis.is_empty()).then(|| view! { <h4>"Analyse"</h4>{paragraphs(&i.analysis)} })}
                    {(!i.done.is_empty()).then(|| view! { <h4>"Wat er gebeurde"</h4><ul>{done}</ul> })}
                    {(!i.outcome.is_empty()).then(|| view! { <h4>"Stand"</h4><p>{i.outcome.clone()}</p> })}
                    {(!i.actors.is_empty()).then(|| view! { <h4>"Partners"</h4><ul>{actors}</ul> })}
                </section>
            }
        })
        .collect_view();
    let figures = doc.figures.iter().map(|t| view! { <FigureTable table=t.clone()/> }).collect_view();
    let trekkers = doc
        .trekkers
        .iter()
        .map(|t| view! { <tr><td>{t.organisation.clone()}</td><td>{t.line.clone()}</td><td>{t.campaign.clone()}</td><td>{t.status.clone()}</td></tr> })
        .collect_view();
    let worked = doc.worked_out.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view();
    view! {
        <article class="publication">
            <h1>{doc.title.clone()}</h1>
            <p class="lead">{format!("{}, {}", doc.tenant, doc.period)} {(!doc.published.is_empty()).then(|| format!(". Gepubliceerd op {}.", doc.published))}</p>
            {(!doc.intro.is_empty()).then(|| view! { <section><h2>"Inleiding"</h2>{paragraphs(&doc.intro)}</section> })}
            <section><h2>"Bundels en signalen"</h2>{items}</section>
            {(!doc.figures.is_empty()).then(|| view! { <section><h2>"Cijfers"</h2><p>{doc.received.clone()}</p><div class="figures-grid">{figures}</div></section> })}
            {(!doc.trekkers.is_empty()).then(|| view! {
                <section><h2>"Trekkers"</h2>
                    <table class="list"><thead><tr><th scope="col">"Organisatie"</th><th scope="col">"Actielijn"</th><th scope="col">"Campagne"</th><th scope="col">"Stand"</th></tr></thead>
                    <tbody>{trekkers}</tbody></table>
                </section>
            })}
            {(!doc.worked_out.is_empty()).then(|| view! { <section><h2>"Uitgewerkte signalen"</h2><ul>{worked}</ul></section> })}
        </article>
    }
}
