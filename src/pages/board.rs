//! The processing board: a column per phase, each card a link to the
//! signal's own page, where it is moved. Each column shows its oldest signals
//! and opens further through the URL ("Toon meer"), so the page stays small.
//! (The live board with drag and drop is a later issue.)

use chrono::Utc;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::param;
use crate::api::board::{Board, load_board};
use crate::domain::board::Card;
use crate::components::dates::age;
use crate::components::notice::ErrorNotice;

#[component]
pub fn BoardPage() -> impl IntoView {
    let tenant = param("tenant");
    let query = use_query_map();
    let board = Resource::new(
        move || (tenant(), query.read().to_query_string()),
        |(tenant, shown)| load_board(tenant, Some(shown.trim_start_matches('?').to_string())),
    );
    view! {
        <Title text="Bord"/>
        <Suspense fallback=|| view! { <p>"Bord laden…"</p> }>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(board) => view! { <BoardView board/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BoardView(board: Board) -> impl IntoView {
    let slug = board.tenant.slug.clone();
    let columns = board.columns.into_iter().map(|column| {
        let heading = format!("kolom-{}", column.phase.code());
        let (count, shown) = (column.total, column.cards.len());
        let cards = column.cards.into_iter().map(|card| view! { <li><SignalCard card tenant=slug.clone()/></li> }).collect_view();
        let more = column.more.map(|query| {
            let label = format!("Toon meer: {shown} van {count} signalen in ‘{}’ getoond", column.phase.label());
            view! {
                <p class="more">
                    <a href=format!("/{slug}/bord{query}#{heading}") aria-label=label>"Toon meer"</a>
                </p>
            }
        });
        view! {
            <section class="column" class:folded=column.phase.is_side_branch()
                data-phase=column.phase.code() aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>
                    {column.phase.label()}
                    <span class="count" aria-label=format!("{count} signalen")>{count}</span>
                </h2>
                <ul class="cards">{cards}</ul>
                {more}
            </section>
        }
    });
    view! {
        <h1>"Bord " {board.tenant.name}</h1>
        <p class="hint">"Open een signaal om het te screenen of te verplaatsen."</p>
        <div class="board">{columns.collect_view()}</div>
    }
}

/// One signal on the board: what it is, and a link to its page.
#[component]
fn SignalCard(card: Card, tenant: String) -> impl IntoView {
    let s = card.signal;
    let id = s.id;
    let meta: Vec<String> =
        [s.policy_domain.clone(), s.organisation.clone(), Some(age(s.created_at, Utc::now()))].into_iter().flatten().collect();
    view! {
        <article class="card" data-signal=id.0>
            <h3 class="card-title">
                <a href=format!("/{tenant}/signalen/{id}")>{s.title}</a>
            </h3>
            <p class="card-meta">
                <span class="signal-number">"#" {id.0}</span>
                " · "
                {meta.join(" · ")}
                {(s.source == crate::domain::Source::Citizen).then(|| view! { " · " <span class="tag">"burger"</span> })}
            </p>
            {s.bundle.map(|b| view! { <p class="card-bundle">"Bundel: " <a href=format!("/{tenant}/bundels/{}", b.id)>{b.title}</a></p> })}
        </article>
    }
}
