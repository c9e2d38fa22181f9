//! The processing board: a column per phase; each card can be moved.
//! (The live board with drag and drop is a later issue; this is its first slice.)

use chrono::Utc;
use leptos::prelude::*;
use leptos_meta::Title;

use super::param;
use crate::api::board::{Board, Card, MoveSignal, load_board};
use crate::components::dates::age;
use crate::components::notice::ErrorNotice;
use crate::domain::Phase;
use crate::domain::vocabulary::{NotRetainedReason, Outcome};

#[component]
pub fn BoardPage() -> impl IntoView {
    let tenant = param("tenant");
    let move_signal = ServerAction::<MoveSignal>::new();
    let board = Resource::new(tenant, load_board);
    view! {
        <Title text="Bord"/>
        <Suspense fallback=|| view! { <p>"Bord laden…"</p> }>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(board) => view! { <BoardView board move_signal/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BoardView(board: Board, move_signal: ServerAction<MoveSignal>) -> impl IntoView {
    let slug = board.tenant.slug.clone();
    let columns = board.columns.into_iter().map(|column| {
        let heading = format!("kolom-{}", column.phase.code());
        let count = column.cards.len();
        let cards =
            column.cards.into_iter().map(|card| view! { <li><SignalCard card tenant=slug.clone() move_signal/></li> }).collect_view();
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
fn SignalCard(card: Card, tenant: String, move_signal: ServerAction<MoveSignal>) -> impl IntoView {
    let s = card.signal;
    let id = s.id;
    let meta: Vec<String> =
        [s.policy_domain.clone(), s.organisation.clone(), Some(age(s.created_at, Utc::now()))].into_iter().flatten().collect();
    let href = format!("/{tenant}/signalen/{id}");
    let control = if card.targets.is_empty() && s.bundle.is_none() {
        None
    } else if let Some(bundle) = &s.bundle {
        // A bundled signal moves with its bundle, on the bundle's page.
        Some(view! { <p class="card-action"><a href=format!("/{tenant}/bundels/{}", bundle.id)>"Verplaats de bundel…"</a></p> }.into_any())
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

/// The fields of a move: the target phase, and what some moves ask for
/// (a reason, an outcome, a message, a note). A plain form: the page comes
/// back with the card moved, or with the refusal on top.
#[component]
fn MoveFields(id: String, current: Phase, targets: Vec<Phase>) -> impl IntoView {
    let others: Vec<Phase> = Phase::ALL.into_iter().filter(|p| *p != current && !targets.contains(p)).collect();
    let option = |p: Phase| view! { <option value=p.code()>{p.label()}</option> };
    let field = |name: &str| format!("{id}-{name}");
    view! {
        <div class="field">
            <label for=field("naar")>"Naar fase"</label>
            <select id=field("naar") name="to">
                <optgroup label="Mogelijk">{targets.iter().copied().map(option).collect_view()}</optgroup>
                <optgroup label="Andere fasen">{others.into_iter().map(option).collect_view()}</optgroup>
            </select>
        </div>
        <details class="move-extra">
            <summary>"Reden, afloop of bericht"</summary>
            <div class="field">
                <label for=field("reden")>"Reden (bij niet weerhouden)"</label>
                <select id=field("reden") name="reason">
                    <option value="">"Geen"</option>
                    {NotRetainedReason::ALL.into_iter().map(|r| view! { <option value=r.code()>{r.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("dubbel")>"Dubbel van signaal nummer"</label>
                <input id=field("dubbel") name="duplicate_of" inputmode="numeric"/>
            </div>
            <div class="field">
                <label for=field("afloop")>"Afloop (bij afronden)"</label>
                <select id=field("afloop") name="outcome">
                    <option value="">"Geen"</option>
                    {Outcome::ALL.into_iter().map(|o| view! { <option value=o.code()>{o.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("bericht")>"Bericht aan de signaalgever"</label>
                <textarea id=field("bericht") name="message" rows="3"></textarea>
            </div>
            <div class="field">
                <label for=field("notitie")>"Interne notitie: waarom?"</label>
                <input id=field("notitie") name="note"/>
            </div>
        </details>
        <button type="submit" class="button button-small">"Verplaats"</button>
    }
}
