//! What the meeting pages show, as one value the server sends and the
//! agenda island reads.

use serde::{Deserialize, Serialize};

use super::agenda::{AgendaItem, AgendaTotal};
use super::bottleneck::Bottleneck;
use super::campaign::{ActionLine, Campaign};
use super::candidates::Ranked;
use super::meeting::{Invitee, Meeting};
use crate::domain::{CampaignId, MeetingId, OrganisationId, PersonId, PolicyDomainId, SignalSummary};

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

/// One policy domain as the bottlenecks page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainView {
    pub id: PolicyDomainId,
    pub name: String,
    pub body: String,
    pub regisseurs: Vec<String>,
    /// The reader is one of its regisseurs.
    pub mine: bool,
}

/// What `/{tenant}/knelpunten` shows its reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BottlenecksView {
    pub domains: Vec<DomainView>,
    pub bottlenecks: Vec<Bottleneck>,
    /// Retained signals without a bottleneck, narrowed to those the reader may read.
    pub without: Vec<SignalSummary>,
    /// For a regisseur: the signals of their domains, newest first.
    pub my_signals: Vec<SignalSummary>,
    pub may_edit_domains: bool,
    /// Domains the reader may raise a bottleneck in.
    pub may_raise_in: Vec<PolicyDomainId>,
}

/// What `/{tenant}/campagnes` shows its reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignsView {
    pub campaigns: Vec<Campaign>,
    /// Lines this member leads, with their campaign's id and title.
    pub mine: Vec<(CampaignId, String, ActionLine)>,
    pub may_manage: bool,
    /// Who can lead a line, and organisations that can join.
    pub people: Vec<(PersonId, String)>,
    pub organisations: Vec<(OrganisationId, String)>,
}
