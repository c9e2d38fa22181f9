//! The board island: its columns, the live region that tells what happens,
//! the stream's state, the last move's "Ongedaan maken", and the dialog.

use leptos::prelude::*;

use super::bulk::BulkBar;
use super::column::ColumnView;
use super::dialog::MoveDialog;
use super::moving::{take_back, undoable};
use super::panel::SignalPanel;
use super::state::{BoardState, Connection};
use crate::api::board::Board;

/// The id of the instructions every card's keyboard handle points to.
pub const INSTRUCTIONS: &str = "bord-uitleg";

#[island]
pub fn LiveBoard(board: Board) -> impl IntoView {
    let state = BoardState::new(board);
    provide_context(state);
    Effect::new(move |_| {
        state.alive.set(true);
        super::stream::connect(state);
    });
    let phases = move || state.board.with(|b| b.columns.iter().map(|c| c.phase).collect::<Vec<_>>());
    view! {
        <p class="hint" id=INSTRUCTIONS>
            <span hidden=move || state.alive.get()>"Open een signaal om het te screenen of te verplaatsen."</span>
            <span hidden=move || !state.alive.get()>
                "Sleep een kaart naar een andere kolom, of kies ‘Verplaats naar…’. Met het toetsenbord: "
                "ga naar ‘Oppakken’, druk op spatie, kies een kolom met de pijltjestoetsen en zet neer met spatie. "
                "Escape annuleert."
            </span>
        </p>
        <LiveStatus/>
        <p class="visually-hidden" aria-live="assertive" aria-atomic="true">{move || state.said.get()}</p>
        <UndoBar/>
        <BulkBar/>
        <div class="board">
            <For each=phases key=|phase| *phase let(phase)>
                <ColumnView phase/>
            </For>
        </div>
        <MoveDialog/>
        <SignalPanel/>
    }
}

/// Whether the board follows live, in words (only once the island is alive).
#[component]
fn LiveStatus() -> impl IntoView {
    let state = expect_context::<BoardState>();
    let text = move || match state.connection.get() {
        Connection::Connecting => "",
        Connection::Live => "Live: wat collega's doen, verschijnt hier vanzelf.",
        Connection::Offline => "Offline: het bord wordt niet bijgewerkt. We proberen opnieuw te verbinden…",
        Connection::Back => "Weer live. Het bord is bijgewerkt.",
    };
    view! {
        <p class="live-status" role="status" class:offline=move || state.connection.get() == Connection::Offline>
            {text}
        </p>
    }
}

/// "Ongedaan maken" for ten seconds after a move, where the rules allow it.
#[component]
fn UndoBar() -> impl IntoView {
    let state = expect_context::<BoardState>();
    move || {
        state.undo.get().map(|undo| {
            let button = undoable(state, &undo).then(|| {
                view! {
                    <button type="button" class="button button-small" on:click=move |_| take_back(state)>
                        "Ongedaan maken"
                    </button>
                }
            });
            view! {
                <div class="undo-bar notice notice-ok">
                    <p>{format!("‘{}’ staat nu in {}.", undo.title, undo.to.label())}</p>
                    {button}
                </div>
            }
        })
    }
}
