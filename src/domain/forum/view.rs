//! What the meeting pages show, as one value the server sends and the
//! agenda island reads.

use serde::{Deserialize, Serialize};

use super::agenda::{AgendaItem, AgendaTotal};
use super::candidates::Ranked;
use super::meeting::{Invitee, Meeting};
use crate::domain::{MeetingId, OrganisationId, PersonId};

/// One meeting with its agenda, for its preparers (and, read-only, for
/// mandatarissen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaView {
    pub meeting: Meeting,
    pub items: Vec<AgendaItem>,
    pub total: AgendaTotal,
    /// Ranked, narrowed to what the reader may read; empty for read-only readers.
    pub candidates: Vec<Ranked>,
    pub may_prepare: bool,
    /// The tenant's change number the view was read at (the live stream starts there).
    pub seq: i64,
    pub invitees: Vec<Invitee>,
    /// Other open meetings an item can move to.
    pub other_meetings: Vec<(MeetingId, String)>,
    /// Who can be invited: members and organisations of the tenant, by name.
    pub people: Vec<(PersonId, String)>,
    pub organisations: Vec<(OrganisationId, String)>,
}
