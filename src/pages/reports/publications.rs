//! `/{tenant}/signalenbundels`: the hoofdsignaalverwerker composes a
//! signalenbundel for a period, asks the partners named in it to approve
//! their part, sees who did, and publishes. Mandatarissen read the
//! published ones.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::reports::{
    AskApproval, OnePublicationPage, PublicationsListPage, Publish, SavePublication, load_publication, load_publications,
};
use crate::components::loaded::loaded;
use crate::domain::reports::publication::{Answer, PublicationForm, PublicationStatus, Publishable};
use crate::pages::param;

#[component]
pub fn PublicationsPageView() -> impl IntoView {
    let tenant = param("tenant");
    let page = Resource::new(tenant, load_publications);
    view! {
        <Title text="Signalenbundels"/>
        {loaded(page, |page| view! { <PublicationsList page/> })}
    }
}

#[component]
fn PublicationsList(page: PublicationsListPage) -> impl IntoView {
    let PublicationsListPage { tenant, page } = page;
    let slug = tenant.slug.clone();
    let rows = page
        .publications
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <td><a href=format!("/{slug}/signalenbundels/{}", p.id)>{p.title.clone()}</a></td>
                    <td>{p.period.clone()}</td>
                    <td>{p.status.label()} {(!p.published.is_empty()).then(|| format!(" op {}", p.published))}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = page.publications.is_empty();
    view! {
        <h1>"Signalenbundels " {tenant.name.clone()}</h1>
        <p class="lead">"Om de twee jaar: de uitgewerkte signalen, wat ermee gebeurde, de trekkers en de cijfers van de periode."</p>
        {if empty {
            view! { <p>"Er is nog geen signalenbundel."</p> }.into_any()
        } else {
            view! {
                <table class="list">
                    <thead><tr><th scope="col">"Titel"</th><th scope="col">"Periode"</th><th scope="col">"Stand"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }.into_any()
        }}
        {page.may_compose.then(|| view! {
            <section class="panel" aria-labelledby="nieuwe-bundel">
                <h2 id="nieuwe-bundel">"Nieuwe signalenbundel"</h2>
                <Composer tenant=tenant.slug.clone() id=None version=0 form=page.form.clone() candidates=page.candidates.clone()/>
            </section>
        })}
    }
}

/// The composer's form: a new publication (no id) or a draft's changes.
#[component]
fn Composer(tenant: String, id: Option<i64>, version: i64, form: PublicationForm, candidates: Vec<Publishable>) -> impl IntoView {
    let save = ServerAction::<SavePublication>::new();
    let prefix = id.map_or("nieuw".to_string(), |id| format!("sb{id}"));
    let field = move |name: &str| format!("{prefix}-{name}");
    let boxes = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let box_id = field(&format!("onderwerp-{}", c.key));
            view! {
                <div class="check">
                    <input type="checkbox" id=box_id.clone() name=format!("subjects[{i}]") value=c.key.clone() checked=form.subjects.contains(&c.key)/>
                    <label for=box_id>{format!("{}: {}", c.kind, c.title)} <span class="muted">{format!(" ({})", c.phase)}</span></label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ActionForm action=save attr:class="form composer">
            <input type="hidden" name="tenant" value=tenant/>
            {id.map(|id| view! { <input type="hidden" name="id" value=id/><input type="hidden" name="version" value=version/> })}
            <div class="field">
                <label for=field("titel")>"Titel"</label>
                <input id=field("titel") name="title" value=form.title.clone() required maxlength="200"/>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for=field("van")>"Periode van"</label>
                    <input type="date" id=field("van") name="from" value=form.from.clone() required/>
                </div>
                <div class="field">
                    <label for=field("tot")>"tot en met"</label>
                    <input type="date" id=field("tot") name="to" value=form.to.clone() required/>
                </div>
            </div>
            <div class="field">
                <label for=field("inleiding")>"Inleiding"</label>
                <textarea id=field("inleiding") name="intro" rows="6" maxlength="20000">{form.intro.clone()}</textarea>
            </div>
            <fieldset>
                <legend>"Bundels en signalen (vanaf Geanalyseerd)"</legend>
                {boxes}
            </fieldset>
            <button type="submit" class="button">{if id.is_some() { "Wijzigingen bewaren" } else { "Signalenbundel maken" }}</button>
        </ActionForm>
    }
}

#[component]
pub fn PublicationPageView() -> impl IntoView {
    let tenant = param("tenant");
    let id = param("id");
    let page = Resource::new(move || (tenant(), id()), |(tenant, id)| load_publication(tenant, id.parse().unwrap_or(0)));
    view! {
        <Title text="Signalenbundel"/>
        {loaded(page, |page| view! { <OnePublication page/> })}
    }
}

#[component]
fn OnePublication(page: OnePublicationPage) -> impl IntoView {
    let OnePublicationPage { tenant, page } = page;
    let id = page.summary.id;
    let slug = tenant.slug.clone();
    let status = page.summary.status;
    let ask = ServerAction::<AskApproval>::new();
    let publish = ServerAction::<Publish>::new();
    let approvals = page
        .approvals
        .iter()
        .map(|a| {
            let state = match &a.answer {
                Answer::Approved => "ok",
                Answer::Waiting => "waiting",
                Answer::ChangeAsked(_) => "change",
            };
            view! { <tr data-answer=state><td>{a.organisation.clone()}</td><td>{a.contact.clone()}</td><td>{a.answer.label()}</td></tr> }
        })
        .collect_view();
    let has_approvals = !page.approvals.is_empty();
    let coordinator = page.may_compose;
    let (slug_ask, slug_publish, slug_edit) = (slug.clone(), slug.clone(), slug.clone());
    view! {
        <p><a href=format!("/{slug}/signalenbundels")>"← Alle signalenbundels"</a></p>
        <p class="status-line">{status.label()} {(!page.summary.published.is_empty()).then(|| format!(" op {}", page.summary.published))}</p>
        <p class="downloads">
            <a class="button secondary" href=format!("/{slug}/signalenbundels/{id}/signalenbundel.pdf") download>"PDF"</a>
            " "
            <a class="button secondary" href=format!("/{slug}/signalenbundels/{id}/signalenbundel.xlsx") download>"Excel (XLSX)"</a>
            {(status == PublicationStatus::Published).then(|| view! {
                " " <a href=format!("/{slug}/publiek/signalenbundels/{id}")>"Op de publieke pagina"</a>
            })}
        </p>
        {coordinator.then(|| view! {
            <section class="panel" aria-labelledby="goedkeuring">
                <h2 id="goedkeuring">"Goedkeuring door de partners"</h2>
                <p class="hint">"Elke organisatie die als partner of trekker in de bundel staat, krijgt een link om haar deel goed te keuren of een wijziging te vragen. De link werkt één keer en 14 dagen."</p>
                {has_approvals.then(|| view! {
                    <table class="list approvals">
                        <thead><tr><th scope="col">"Partner"</th><th scope="col">"Gevraagd aan"</th><th scope="col">"Antwoord"</th></tr></thead>
                        <tbody>{approvals}</tbody>
                    </table>
                })}
                <ActionForm action=ask attr:class="inline-form">
                    <input type="hidden" name="tenant" value=slug_ask/>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="button secondary">{if has_approvals { "Opnieuw voorleggen" } else { "Voorleggen aan de partners" }}</button>
                </ActionForm>
                <ActionForm action=publish attr:class="inline-form">
                    <input type="hidden" name="tenant" value=slug_publish/>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="button">"Publiceren"</button>
                </ActionForm>
            </section>
        })}
        <super::public::PublicationDocView doc=page.doc.clone()/>
        {(coordinator && status == PublicationStatus::Draft).then(|| view! {
            <section class="panel" aria-labelledby="bewerken">
                <h2 id="bewerken">"Bewerken"</h2>
                <Composer tenant=slug_edit id=Some(id) version=page.version form=page.form.clone() candidates=page.candidates.clone()/>
            </section>
        })}
    }
}
