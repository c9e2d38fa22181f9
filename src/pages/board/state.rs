//! What the live board island knows, shared by its parts through context:
//! the board itself (one reactive copy of the server's model) and what the
//! person is doing with it (dragging, a card picked up, a dialog, an undo).

use leptos::prelude::*;

use crate::api::board::Board;
use crate::domain::board::Card;
use crate::domain::moves::MoveNeeds;
use crate::domain::{PersonId, Phase, SignalId};

/// The stream's connection, as the board tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connection {
    /// Not yet opened (and always so without JavaScript).
    Connecting,
    Live,
    Offline,
    /// Live again after being offline.
    Back,
}

/// A card picked up with the keyboard, and the column it would go to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickedUp {
    pub id: SignalId,
    pub targets: Vec<Phase>,
    pub at: Option<usize>,
}

impl PickedUp {
    pub fn target(&self) -> Option<Phase> {
        self.at.map(|i| self.targets[i])
    }

    /// One column further (or back), round the allowed ones.
    pub fn step(&mut self, forward: bool) {
        let n = self.targets.len();
        if n == 0 {
            return;
        }
        self.at = Some(match (self.at, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        });
    }
}

/// A move that asks for something first: the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asking {
    pub card: Card,
    pub to: Phase,
    pub needs: MoveNeeds,
    pub error: Option<String>,
}

/// The last move, which "Ongedaan maken" takes back for ten seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    pub id: SignalId,
    pub title: String,
    pub from: Phase,
    pub to: Phase,
    /// Tells this undo from the next, so an old timer does not hide a new one.
    pub serial: u64,
}

#[derive(Clone, Copy)]
pub struct BoardState {
    pub board: RwSignal<Board>,
    pub tenant: StoredValue<String>,
    pub viewer: PersonId,
    /// The island is alive (its controls show; without JavaScript they never do).
    pub alive: RwSignal<bool>,
    /// What the live region says.
    pub said: RwSignal<String>,
    pub errors: RwSignal<Vec<(SignalId, String)>>,
    pub busy: RwSignal<Vec<SignalId>>,
    pub picked: RwSignal<Option<PickedUp>>,
    /// The card being dragged, with the columns it may go to.
    pub dragging: RwSignal<Option<(SignalId, Vec<Phase>)>>,
    pub over: RwSignal<Option<Phase>>,
    /// The card whose "Verplaats naar…" list is open.
    pub menu: RwSignal<Option<SignalId>>,
    pub asking: RwSignal<Option<Asking>>,
    pub undo: RwSignal<Option<Undo>>,
    pub connection: RwSignal<Connection>,
    /// The card open in the detail panel.
    pub panel: super::panel::Panel,
    /// The cards ticked for a bulk action, in the order ticked.
    pub selected: RwSignal<Vec<SignalId>>,
}

impl BoardState {
    pub fn new(board: Board) -> Self {
        BoardState {
            tenant: StoredValue::new(board.tenant.slug.clone()),
            viewer: board.viewer,
            board: RwSignal::new(board),
            alive: RwSignal::new(false),
            said: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
            busy: RwSignal::new(Vec::new()),
            picked: RwSignal::new(None),
            dragging: RwSignal::new(None),
            over: RwSignal::new(None),
            menu: RwSignal::new(None),
            asking: RwSignal::new(None),
            undo: RwSignal::new(None),
            connection: RwSignal::new(Connection::Connecting),
            panel: super::panel::Panel::new(),
            selected: RwSignal::new(Vec::new()),
        }
    }

    pub fn card(&self, id: SignalId) -> Option<Card> {
        self.board.with_untracked(|b| b.card(id).cloned())
    }

    pub fn say(&self, text: impl Into<String>) {
        self.said.set(text.into());
    }

    pub fn error_of(&self, id: SignalId) -> Option<String> {
        self.errors.with(|e| e.iter().find(|(i, _)| *i == id).map(|(_, m)| m.clone()))
    }

    pub fn set_error(&self, id: SignalId, error: Option<String>) {
        self.errors.update(|e| {
            e.retain(|(i, _)| *i != id);
            if let Some(error) = error {
                e.push((id, error));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_go_round_the_allowed_columns() {
        let mut p = PickedUp { id: SignalId(1), targets: vec![Phase::InScreening, Phase::Withdrawn], at: None };
        p.step(false);
        assert_eq!(p.target(), Some(Phase::Withdrawn));
        p.step(true);
        assert_eq!(p.target(), Some(Phase::InScreening));
        p.step(true);
        assert_eq!(p.target(), Some(Phase::Withdrawn));
        let mut none = PickedUp { id: SignalId(1), targets: vec![], at: None };
        none.step(true);
        assert_eq!(none.target(), None);
    }
}
