//! What one action on several cards did (`usecases::bulk`): each card is
//! done or refused on its own, with the refusal's reason.

use serde::{Deserialize, Serialize};

use super::{BundleId, SignalId};

/// What a bulk action did: the cards done, and the cards refused with why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkReport {
    pub done: Vec<(SignalId, String)>,
    pub refused: Vec<(SignalId, String, String)>,
    /// The bundle a bulk "bundelen" made.
    pub bundle: Option<BundleId>,
}

impl BulkReport {
    pub fn refuse(&mut self, id: SignalId, title: String, why: String) {
        self.refused.push((id, title, why));
    }

    /// One card's outcome (a refusal as its Dutch message).
    pub fn record(&mut self, id: SignalId, title: String, outcome: Result<(), String>) {
        match outcome {
            Ok(()) => self.done.push((id, title)),
            Err(why) => self.refused.push((id, title, why)),
        }
    }

    /// "2 kaarten verplaatst. 1 niet: …" in one sentence, for the live region.
    pub fn summary(&self, verb: &str) -> String {
        let done = match self.done.len() {
            1 => format!("1 kaart {verb}."),
            n => format!("{n} kaarten {verb}."),
        };
        match self.refused.len() {
            0 => done,
            1 => format!("{done} 1 kaart niet: zie hieronder."),
            n => format!("{done} {n} kaarten niet: zie hieronder."),
        }
    }
}
