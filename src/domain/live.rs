//! The live board's news: every transaction that changes what a board shows
//! gets the next number of its tenant's counter, written with the change. A
//! board's stream carries those numbers as event ids, so a board that missed
//! one knows it and reloads (a resync).

use serde::{Deserialize, Serialize};

use super::{MeetingId, OrganisationId, PolicyDomainId, SignalId, SignalScope, TenantId};

/// One numbered change of a tenant, as the server instances pass it on.
/// Server-side only: the scopes never reach a browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardChange {
    pub tenant: TenantId,
    pub seq: i64,
    pub signals: Vec<ChangedSignal>,
    /// Meetings whose agenda (or plan) changed: their open agendas reload.
    #[serde(default)]
    pub meetings: Vec<MeetingId>,
}

/// A signal a change touched, with what decides who may see it (after the change).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedSignal {
    pub id: SignalId,
    pub domain: Option<PolicyDomainId>,
    pub organisation: Option<OrganisationId>,
}

impl ChangedSignal {
    pub fn scope(&self) -> SignalScope {
        SignalScope { policy_domain: self.domain, organisation: self.organisation, reporter: None }
    }
}

/// What one board hears about a change: the signals it may see that changed
/// (the browser fetches their cards anew). Empty when the change concerned
/// none of them; the number still moves on, so no gap is mistaken.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardNews {
    pub seq: i64,
    pub signals: Vec<SignalId>,
}

/// The stream's event name for "reload the board": the stream cannot tell
/// what this board missed (it reconnected late, lagged, or a server
/// instance lost its database listener).
pub const RESYNC: &str = "resync";

/// What a stream should do with the next change of its tenant, given the
/// last number it passed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Already passed on (or older): skip it.
    Old,
    /// The very next number: pass it on.
    InOrder,
    /// Numbers were missed: resync.
    Gap,
}

pub fn next(last: i64, seq: i64) -> Next {
    match seq - last {
        ..=0 => Next::Old,
        1 => Next::InOrder,
        _ => Next::Gap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_passes_numbers_on_in_order_and_notices_gaps() {
        assert_eq!(next(4, 5), Next::InOrder);
        assert_eq!(next(4, 4), Next::Old);
        assert_eq!(next(4, 2), Next::Old);
        assert_eq!(next(4, 6), Next::Gap);
        assert_eq!(next(0, 1), Next::InOrder);
    }
}
