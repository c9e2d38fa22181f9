//! The start page of a tenant: what waits for this person here, and what
//! they can do (the header's menu, explained).

use chrono::{Duration, Utc};
use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::follow::load_my_signals;
use crate::api::session::who_am_i;
use crate::api::tenants::public_tenant;
use crate::api::workbench::load_waiting;
use crate::components::dates::date;
use crate::components::loaded::loaded;
use crate::domain::access::{PROCESSORS, menu};
use crate::domain::{EventKind, FollowedSignal, Role};

/// How far back "news on my signals" looks.
const NEWS_DAYS: i64 = 14;

/// What waits for one person in a tenant.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Waiting {
    /// Their own signals with a change told to them lately, with that change.
    news: Vec<(FollowedSignal, String, chrono::DateTime<Utc>)>,
    /// Their cards, notifications and open questions.
    work: crate::domain::workbench::Waiting,
}

#[component]
pub fn TenantPage() -> impl IntoView {
    let slug = param("tenant");
    let page = Resource::new(slug, |slug| async move {
        let tenant = public_tenant(slug).await?;
        let roles =
            who_am_i().await?.and_then(|me| me.tenants.into_iter().find(|t| t.slug == tenant.slug)).map(|t| t.roles).unwrap_or_default();
        let mut news = Vec::new();
        if roles.contains(&Role::Signaalgever) {
            let since = Utc::now() - Duration::days(NEWS_DAYS);
            for signal in load_my_signals(tenant.slug.clone()).await?.signals {
                // The timeline holds only what the reporter may read.
                let last = signal.timeline.iter().rev().find(|e| e.kind != EventKind::Submitted && e.at > since).cloned();
                if let Some(e) = last {
                    news.push((signal, e.kind.describe(e.from, e.to), e.at));
                }
            }
            news.sort_by_key(|n| std::cmp::Reverse(n.2));
        }
        let work = if roles.is_empty() { Default::default() } else { load_waiting(tenant.slug.clone()).await? };
        Ok((tenant, roles, Waiting { news, work }))
    });
    loaded(page, |(tenant, roles, waiting)| {
        // The header's menu, explained: the same entries, from the route table.
        let explained = |page: &'static str| -> &'static str {
            match page {
                "signaleren" => "Een signaal melden",
                "mijn-signalen" => "Mijn signalen volgen",
                "bord" => "Naar het bord",
                "bundels" => "Bundels",
                "knelpunten" => "Beleidsdomeinen en knelpunten",
                "overleg" => "Overleg: fora en ronde tafels voorbereiden",
                "campagnes" => "Campagnes en actieplannen",
                "rapporten" => "Rapporten: cijfers en doorlooptijden",
                "signalenbundels" => "Signalenbundels: publiceren wat er gebeurde",
                "beheer" => "Beheer: mensen, organisaties, instellingen",
                // Never empty: a link always has a name.
                other => other,
            }
        };
        let mut entries = menu(&roles);
        // Anyone may start at the intake page: it says what they can do there.
        if !entries.iter().any(|(page, _)| *page == "signaleren") {
            entries.insert(0, ("signaleren", "Signaleren"));
        }
        let links = entries
            .into_iter()
            .map(|(page, _)| view! { <li><a href=format!("/{}/{page}", tenant.slug)>{explained(page)}</a></li> })
            .collect_view();
        let slug = tenant.slug.clone();
        let screening = waiting.work.to_screen.map(|(submitted, in_screening)| {
            let text = match (submitted, in_screening) {
                (0, 0) => "Er wacht geen signaal op screening.".to_string(),
                (s, i) => format!(
                    "{} en {} wachten op screening.",
                    count(s, "signaal ingediend", "signalen ingediend"),
                    count(i, "in screening", "in screening")
                ),
            };
            view! {
                <li>
                    {text} " " <a href=format!("/{slug}/bord")>"Naar het bord"</a>
                </li>
            }
        });
        let news = (roles.contains(&Role::Signaalgever)).then(|| {
            let slug = tenant.slug.clone();
            if waiting.news.is_empty() {
                return view! { <li>{format!("Geen nieuws over je signalen de voorbije {NEWS_DAYS} dagen.")}</li> }.into_any();
            }
            waiting
                .news
                .into_iter()
                .map(|(signal, what, at)| {
                    view! {
                        <li>
                            <a href=format!("/{slug}/mijn-signalen#signaal-{}", signal.signal.id)>{signal.signal.title}</a>
                            {format!(": {what} ({})", date(at))}
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        });
        let processor = PROCESSORS.iter().any(|r| roles.contains(r));
        let slug = tenant.slug.clone();
        let mine = processor.then(|| {
            let cards = waiting.work.mine.iter().map(|s| {
                view! { <li><a href=format!("/{slug}/signalen/{}", s.id)>{s.title.clone()}</a> {format!(" ({})", s.phase.label())}</li> }
            });
            let cards = cards.collect_view();
            let text = match waiting.work.mine.len() {
                0 => "Er is geen signaal aan jou toegewezen.".to_string(),
                1 => "1 signaal is aan jou toegewezen:".to_string(),
                n => format!("{n} signalen zijn aan jou toegewezen:"),
            };
            view! { <li>{text} <ul>{cards}</ul> " " <a href=format!("/{slug}/bord?toegewezen=mij")>"Mijn kaarten op het bord"</a></li> }
        });
        let nothing_told = waiting.work.notifications.is_empty().then(|| view! { <li>"Geen berichten de voorbije 30 dagen."</li> });
        let told = waiting.work.notifications.into_iter().map(|n| {
            let what = n.kind.sentence(n.actor_name.as_deref());
            view! {
                <li class:unread=!n.read>
                    {(!n.read).then(|| view! { <strong class="tag">"nieuw"</strong> " " })}
                    {what} " bij " <a href=format!("/{slug}/signalen/{}", n.signal)>{n.title}</a> {format!(" ({})", date(n.at))}
                </li>
            }
        });
        let told = told.collect_view();
        let questions = waiting.work.questions.into_iter().map(|q| {
            view! {
                <li>
                    "De signaalverwerker heeft een vraag over je signaal: "
                    <a href=format!("/{slug}/mijn-signalen#vraag-{}", q.id)>{q.question}</a>
                </li>
            }
        });
        let questions = questions.collect_view();
        let meetings = waiting.work.meetings.into_iter().map(|(id, name)| {
            view! { <li>"Je bent uitgenodigd voor " <a href=format!("/{slug}/overleg/{id}/dossier")>{name}</a> ": lees het dossier."</li> }
        });
        let meetings = meetings.collect_view();
        let actions = (!waiting.work.actions.is_empty()).then(|| {
            let lines = waiting
                .work
                .actions
                .into_iter()
                .map(|(campaign, line)| view! { <MyAction tenant=slug.clone() campaign line/> })
                .collect_view();
            view! { <h3>"Mijn acties"</h3> <ul class="waiting-list">{lines}</ul> }
        });
        let waits = (!roles.is_empty()).then(|| {
            view! {
                <section aria-labelledby="wacht" class="panel">
                    <h2 id="wacht">"Wat wacht op jou"</h2>
                    <ul class="waiting-list">{screening} {mine} {questions} {meetings} {news}</ul>
                    {actions}
                    <h3>"Berichten voor jou"</h3>
                    <ul class="waiting-list notifications">{nothing_told} {told}</ul>
                </section>
            }
        });
        view! {
            <Title text=tenant.name.clone()/>
            <h1>{tenant.name.clone()}</h1>
            <p class="lead">"Signalen over structurele problemen in het welzijns- en gezondheidswerk."</p>
            {waits}
            <ul class="action-list">{links}</ul>
        }
    })
}

/// An action line the person leads, with a form to report its progress.
#[component]
fn MyAction(tenant: String, campaign: String, line: crate::domain::forum::campaign::ActionLine) -> impl IntoView {
    use crate::domain::forum::campaign::LineStatus;
    let update = ServerAction::<crate::api::policy::UpdateLine>::new();
    let id = line.id.0;
    let due = line.due_on.map(|d| format!(" · tegen {}", d.format("%d-%m-%Y"))).unwrap_or_default();
    view! {
        <li class="my-action" data-line=id>
            <strong>{line.title.clone()}</strong> {format!(" ({campaign}) · {} · {}%{due}", line.status.label(), line.progress)}
            <ActionForm action=update attr:class="form form-inline">
                <input type="hidden" name="tenant" value=tenant/>
                <input type="hidden" name="line" value=id/>
                <input type="hidden" name="version" value=line.version/>
                <input type="hidden" name="due_on" value=line.due_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()/>
                <div class="field"><label for=format!("actie-{id}-status")>"Status"</label>
                    <select id=format!("actie-{id}-status") name="status">
                        {LineStatus::ALL.into_iter().map(|s| view! { <option value=s.code() selected=s == line.status>{s.label()}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for=format!("actie-{id}-voortgang")>"Voortgang (%)"</label>
                    <input id=format!("actie-{id}-voortgang") name="progress" type="number" min="0" max="100" value=line.progress/></div>
                <button type="submit" class="button button-small">"Bijwerken"</button>
            </ActionForm>
        </li>
    }
}

fn count(n: i64, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}
