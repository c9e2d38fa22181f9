//! Moving cards from the board: drag and drop, "Verplaats naar…" and the
//! keyboard all end here, in the same server functions as the signal's and
//! the bundle's own pages. The card moves at once; the server's answer (or
//! its refusal, shown on the card) then sets it right.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{Asking, BoardState, Undo};
use crate::api::board::{board_cards, load_board, move_signal};
use crate::api::bundles::move_bundle;
use crate::components::browser::focus_soon;
use crate::domain::board::{Card, CardUpdate};
use crate::domain::moves::{Ask, MoveNeeds, needs};
use crate::domain::{Phase, SignalId};

/// How long "Ongedaan maken" stays.
const UNDO_MS: u64 = 10_000;
/// The internal note an undone move writes in the history.
const UNDO_NOTE: &str = "Ongedaan gemaakt op het bord.";

/// What a person filled in for a move (the dialog's fields).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    pub reason: Option<String>,
    pub duplicate_of: Option<String>,
    pub outcome: Option<String>,
    pub message: Option<String>,
    pub note: Option<String>,
}

impl Fields {
    pub fn from_form(values: Vec<(String, String)>) -> Self {
        let mut fields = Fields::default();
        for (name, value) in values {
            let slot = match name.as_str() {
                "reason" => &mut fields.reason,
                "duplicate_of" => &mut fields.duplicate_of,
                "outcome" => &mut fields.outcome,
                "message" => &mut fields.message,
                "note" => &mut fields.note,
                _ => continue,
            };
            *slot = Some(value);
        }
        fields
    }
}

/// Does this move need the dialog (something required, or a bundle to choose)?
pub fn asks(needs: &MoveNeeds) -> bool {
    needs.bundle || needs.reason || needs.outcome || needs.message == Ask::Required || needs.note == Ask::Required
}

/// The card's id as the keyboard handle's element id.
pub fn handle_id(id: SignalId) -> String {
    format!("oppakken-{id}")
}

/// Move this card to that column: at once, or through the dialog.
pub fn start_move(state: BoardState, id: SignalId, to: Phase) {
    let Some(card) = state.card(id) else { return };
    if card.signal.phase == to {
        return;
    }
    let (Some(needs), true) = (needs(card.signal.phase, to), card.targets(state.viewer).contains(&to)) else {
        state.say(format!("‘{}’ kan niet naar {}.", card.signal.title, to.label()));
        return;
    };
    if asks(&needs) {
        state.asking.set(Some(Asking { card, to, needs, error: None }));
    } else {
        send(state, card, to, Fields::default(), true);
    }
}

/// Send the move; `offer_undo` after a move a person made (not an undo).
pub fn send(state: BoardState, card: Card, to: Phase, fields: Fields, offer_undo: bool) {
    let tenant = state.tenant.get_value();
    let (id, from, title) = (card.signal.id, card.signal.phase, card.signal.title.clone());
    state.set_error(id, None);
    state.busy.update(|b| b.push(id));
    let mut moved = card.clone();
    moved.signal.phase = to;
    state.board.update(|b| b.apply(CardUpdate { id, card: Some(moved) }));
    focus_soon(handle_id(id));
    spawn_local(async move {
        let from_dialog = state.asking.with_untracked(|a| a.as_ref().is_some_and(|a| a.card.signal.id == id));
        let result = match &card.signal.bundle {
            Some(bundle) => {
                move_bundle(tenant, bundle.id.0, bundle.version, to.code().into(), fields.outcome, fields.message, fields.note).await
            }
            None => move_signal(
                tenant,
                id.0,
                card.signal.version,
                to.code().into(),
                fields.reason,
                fields.outcome,
                fields.message,
                fields.note,
                fields.duplicate_of,
            )
            .await
            .map(|_| ()),
        };
        match result {
            Ok(()) => {
                state.asking.set(None);
                state.say(match &card.signal.bundle {
                    Some(bundle) => format!("‘{title}’ staat nu in {}, met de hele bundel ‘{}’.", to.label(), bundle.title),
                    None => format!("‘{title}’ staat nu in {}.", to.label()),
                });
                if offer_undo {
                    offer(state, Undo { id, title, from, to, serial: js_sys::Date::now() as u64 });
                } else {
                    state.undo.set(None);
                }
            }
            Err(error) => {
                let message = error.message();
                if from_dialog {
                    state.asking.update(|a| {
                        if let Some(a) = a {
                            a.error = Some(message.clone());
                        }
                    });
                }
                state.say(format!("Niet verplaatst: {message}"));
                state.set_error(id, Some(message));
            }
        }
        // The card as the server has it now, moved or not.
        refresh(state, vec![id]).await;
        state.busy.update(|b| b.retain(|i| *i != id));
        focus_soon(handle_id(id));
    });
}

/// Show "Ongedaan maken" for this move, for ten seconds.
fn offer(state: BoardState, undo: Undo) {
    let serial = undo.serial;
    state.undo.set(Some(undo));
    set_timeout(
        move || {
            if state.undo.with_untracked(|u| u.as_ref().is_some_and(|u| u.serial == serial)) {
                state.undo.set(None);
            }
        },
        std::time::Duration::from_millis(UNDO_MS),
    );
}

/// May the last move be taken back now, as the rules stand: the card may go
/// back, and going back asks nothing but an internal note?
pub fn undoable(state: BoardState, undo: &Undo) -> bool {
    state.board.with(|b| b.card(undo.id).cloned()).is_some_and(|card| {
        card.signal.phase == undo.to
            && card.targets(state.viewer).contains(&undo.from)
            && needs(undo.to, undo.from).is_some_and(|n| !n.bundle && !n.reason && !n.outcome && n.message != Ask::Required)
    })
}

pub fn take_back(state: BoardState) {
    let Some(undo) = state.undo.get_untracked() else { return };
    let Some(card) = state.card(undo.id) else { return };
    state.undo.set(None);
    send(state, card, undo.from, Fields { note: Some(UNDO_NOTE.into()), ..Fields::default() }, false);
}

/// Fetch these cards anew (the stream said they changed, or a move ended).
pub async fn refresh(state: BoardState, ids: Vec<SignalId>) {
    let tenant = state.tenant.get_value();
    // The board's filter decides whether a changed card still belongs here.
    let shown = state.board.with_untracked(|b| b.filter.query());
    if let Ok(updates) = board_cards(tenant, ids.iter().map(|id| id.0).collect(), Some(shown)).await {
        state.board.update(|b| {
            for update in updates {
                b.apply(update);
            }
        });
    }
}

/// Read the whole board again, opened as far as its URL says.
pub async fn reload(state: BoardState) {
    let tenant = state.tenant.get_value();
    let query = window().location().search().unwrap_or_default();
    if let Ok(board) = load_board(tenant, Some(query.trim_start_matches('?').to_string())).await {
        state.board.set(board);
    }
}
