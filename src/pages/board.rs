//! The processing board: a column per phase; each card can be moved.
//! (The live board with drag and drop is a later issue; this is its first slice.)

use chrono::Utc;
use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::board::{Board, Card, MoveBundle, MoveSignal, load_board};
use crate::components::dates::age;
use crate::components::notice::ErrorNotice;
use crate::domain::vocabulary::{NotRetainedReason, Outcome};
use crate::domain::Phase;

#[component]
pub fn BoardPage() -> impl IntoView {
    let tenant = param("tenant");
    let move_signal = ServerAction::<MoveSignal>::new();
    let move_bundle = ServerAction::<MoveBundle>::new();
    let board = Resource::new(
        move || (tenant(), move_signal.version().get(), move_bundle.version().get()),
        |(tenant, _, _)| load_board(tenant),
    );
    let outcome = move || {
        let failed = move_signal
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| move_bundle.value().get().and_then(|r| r.err()));
        failed.map(|e| view! { <p class="notice notice-error">{e.message()}</p> })
    };
    view! {
        <Title text="Bord"/>
        <div class="board-status" role="status" aria-live="polite">{outcome}</div>
        <Transition fallback=|| view! { <p>"Bord laden…"</p> }>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(board) => view! { <BoardView board move_signal move_bundle/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn BoardView(board: Board, move_signal: ServerAction<MoveSignal>, move_bundle: ServerAction<MoveBundle>) -> impl IntoView {
    let slug = board.tenant.slug.clone();
    let columns = board.columns.into_iter().map(|column| {
        let heading = format!("kolom-{}", column.phase.code());
        let count = column.cards.len();
        let cards = column
            .cards
            .into_iter()
            .map(|card| view! { <li><SignalCard card tenant=slug.clone() move_signal move_bundle/></li> })
            .collect_view();
        let body = view! {
            <h2 id=heading.clone()>
                {column.phase.label()}
                <span class="count" aria-label=format!("{count} signalen")>{count}</span>
            </h2>
            <ul class="cards">{cards}</ul>
        };
        view! {
            <section class="column" class:folded=column.phase.is_side_branch()
                data-phase=column.phase.code() aria-labelledby=heading>
                {body}
            </section>
        }
        .into_any()
    });
    view! {
        <h1>"Bord " {board.tenant.name}</h1>
        <div class="board">{columns.collect_view()}</div>
    }
}

#[component]
fn SignalCard(
    card: Card,
    tenant: String,
    move_signal: ServerAction<MoveSignal>,
    move_bundle: ServerAction<MoveBundle>,
) -> impl IntoView {
    let s = card.signal;
    let id = s.id;
    let meta: Vec<String> = [s.policy_domain.clone(), s.organisation.clone(), Some(age(s.created_at, Utc::now()))]
        .into_iter()
        .flatten()
        .collect();
    let href = format!("/{tenant}/signalen/{id}");
    let control = if card.targets.is_empty() && s.bundle.is_none() {
        None
    } else if let Some(bundle) = &s.bundle {
        let bundle_id = bundle.id.0;
        Some(
            view! {
                <MoveForm label="Verplaats de hele bundel">
                    <ActionForm action=move_bundle>
                        <input type="hidden" name="tenant" value=tenant/>
                        <input type="hidden" name="bundle" value=bundle_id/>
                        <MoveFields id=format!("bundel-{id}") current=s.phase targets=card.targets.clone()/>
                    </ActionForm>
                </MoveForm>
            }
            .into_any(),
        )
    } else {
        Some(
            view! {
                <MoveForm label="Verplaats">
                    <ActionForm action=move_signal>
                        <input type="hidden" name="tenant" value=tenant/>
                        <input type="hidden" name="signal" value=id.0/>
                        <input type="hidden" name="version" value=s.version/>
                        <MoveFields id=format!("s{id}") current=s.phase targets=card.targets.clone()/>
                    </ActionForm>
                </MoveForm>
            }
            .into_any(),
        )
    };
    view! {
        <article class="card" data-signal=id.0>
            <h3 class="card-title">
                <a href=href>{s.title.clone()}</a>
            </h3>
            <p class="card-meta">
                <span class="signal-number">"#" {id.0}</span>
                " · "
                {meta.join(" · ")}
                {(s.source == crate::domain::Source::Citizen).then(|| view! { " · " <span class="tag">"burger"</span> })}
            </p>
            {s.bundle.as_ref().map(|b| view! { <p class="card-bundle">"Bundel: " {b.title.clone()}</p> })}
            {control}
        </article>
    }
    .into_any()
}

/// A folded "move" control, so the board stays readable.
#[component]
fn MoveForm(label: &'static str, children: Children) -> impl IntoView {
    view! {
        <details class="move">
            <summary>{label} "…"</summary>
            {children()}
        </details>
    }
}

/// The fields of a move: the target phase, and what that move asks for.
#[component]
fn MoveFields(id: String, current: Phase, targets: Vec<Phase>) -> impl IntoView {
    let first = targets.first().copied();
    let (to, set_to) = signal(first.map(|p| p.code().to_string()).unwrap_or_default());
    let chosen = move || Phase::from_code(&to.get());
    let others: Vec<Phase> = Phase::ALL.into_iter().filter(|p| *p != current && !targets.contains(p)).collect();
    let option = |p: Phase| view! { <option value=p.code()>{p.label()}</option> };
    let needs_reason = move || chosen() == Some(Phase::NotRetained);
    let needs_outcome = move || chosen() == Some(Phase::Closed) && current != Phase::Closed;
    let needs_message = move || needs_reason() || needs_outcome();
    let needs_note = move || chosen().is_some_and(|p| current.previous() == Some(p) || current == Phase::Closed || current == Phase::NotRetained);
    let id = StoredValue::new(id);
    let field = move |name: &str| format!("{}-{name}", id.get_value());
    view! {
        <div class="field">
            <label for=field("naar")>"Naar fase"</label>
            <select id=field("naar") name="to" on:change=move |ev| set_to.set(event_target_value(&ev))>
                <optgroup label="Mogelijk">{targets.iter().copied().map(option).collect_view()}</optgroup>
                <optgroup label="Andere fasen">{others.into_iter().map(option).collect_view()}</optgroup>
            </select>
        </div>
        <Show when=needs_reason>
            <div class="field">
                <label for=field("reden")>"Reden"</label>
                <select id=field("reden") name="reason">
                    <option value="">"Kies een reden"</option>
                    {NotRetainedReason::ALL.into_iter().map(|r| view! { <option value=r.code()>{r.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("dubbel")>"Dubbel van signaal nummer (bij een dubbel)"</label>
                <input id=field("dubbel") name="duplicate_of" inputmode="numeric"/>
            </div>
        </Show>
        <Show when=needs_outcome>
            <div class="field">
                <label for=field("afloop")>"Afloop"</label>
                <select id=field("afloop") name="outcome">
                    <option value="">"Kies een afloop"</option>
                    {Outcome::ALL.into_iter().map(|o| view! { <option value=o.code()>{o.label()}</option> }).collect_view()}
                </select>
            </div>
        </Show>
        <Show when=needs_message>
            <div class="field">
                <label for=field("bericht")>"Bericht aan de signaalgever"</label>
                <textarea id=field("bericht") name="message" rows="3"></textarea>
            </div>
        </Show>
        <Show when=needs_note>
            <div class="field">
                <label for=field("notitie")>"Interne notitie: waarom?"</label>
                <input id=field("notitie") name="note"/>
            </div>
        </Show>
        <button type="submit" class="button button-small">"Verplaats"</button>
    }
}
