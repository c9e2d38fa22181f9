//! One column of the board: its cards, how many there are, "Toon meer", and
//! a place to drop a dragged card. Niet weerhouden and Ingetrokken are
//! folded away (a disclosure), but reachable and still drop targets.

use leptos::prelude::*;

use super::card::CardView;
use super::moving::start_move;
use super::state::BoardState;
use crate::domain::Phase;

#[component]
pub fn ColumnView(phase: Phase) -> impl IntoView {
    let state = expect_context::<BoardState>();
    let column = Memo::new(move |_| state.board.with(|b| b.columns.iter().find(|c| c.phase == phase).cloned()));
    let heading = format!("kolom-{}", phase.code());
    let slug = state.tenant.get_value();
    let count = move || column.with(|c| c.as_ref().map(|c| c.total).unwrap_or(0));
    // A soft limit: more is marked, in words, never refused.
    let over = move || state.board.with(|b| b.limits.over_limit(phase, count()));
    let cards = move || column.with(|c| c.as_ref().map(|c| c.cards.clone()).unwrap_or_default());
    let more = {
        let heading = heading.clone();
        move || {
            let query = state.board.with(|b| column.with(|c| c.as_ref().and_then(|c| b.more(c))))?;
            let label = format!("Toon meer: {} van {} signalen in ‘{}’ getoond", cards().len(), count(), phase.label());
            Some(view! {
                <p class="more">
                    <a href=format!("/{slug}/bord{query}#{heading}") aria-label=label>"Toon meer"</a>
                </p>
            })
        }
    };
    // Where a dragged or picked-up card may go, and where it would go now.
    let allowed = move || {
        state.dragging.with(|d| d.as_ref().is_some_and(|(_, targets)| targets.contains(&phase)))
            || state.picked.with(|p| p.as_ref().is_some_and(|p| p.targets.contains(&phase)))
    };
    let chosen = move || state.over.get() == Some(phase) || state.picked.with(|p| p.as_ref().and_then(|p| p.target()) == Some(phase));
    let title = {
        let heading = heading.clone();
        move || {
            view! {
                <h2 id=heading.clone()>
                    {phase.label()}
                    <span class="count" aria-label=move || format!("{} signalen", count())>{count}</span>
                </h2>
                {move || over().map(|limit| view! { <p class="limit-note">{crate::domain::limits::over_limit_text(limit)}</p> })}
            }
        }
    };
    let list = move || {
        view! {
            <ul class="cards">
                <For
                    each=cards
                    key=|card| (card.signal.id, card.signal.version, card.signal.phase, card.signal.bundle.as_ref().map(|b| (b.version, b.title.clone())), card.facts.organisations, card.facts.assignee.clone())
                    let(card)
                >
                    <li>
                        <CardView card/>
                    </li>
                </For>
            </ul>
            {more.clone()}
        }
    };
    let body = if phase.is_side_branch() {
        view! {
            <details class="folded-cards">
                <summary>{title}</summary>
                {list}
            </details>
        }
        .into_any()
    } else {
        view! { {title} {list} }.into_any()
    };
    view! {
        <section
            class="column"
            class:folded=phase.is_side_branch()
            class:over-limit=move || over().is_some()
            class:drop-allowed=allowed
            class:drop-here=chosen
            data-phase=phase.code()
            aria-labelledby=heading
            on:dragover=move |ev| {
                if allowed() {
                    ev.prevent_default();
                    state.over.set(Some(phase));
                }
            }
            on:dragleave=move |_| {
                if state.over.get_untracked() == Some(phase) {
                    state.over.set(None);
                }
            }
            on:drop=move |ev| {
                ev.prevent_default();
                state.over.set(None);
                if let Some((id, _)) = state.dragging.get_untracked() {
                    state.dragging.set(None);
                    start_move(state, id, phase);
                }
            }
        >
            {body}
        </section>
    }
}
