//! Storage of meetings, their invitees and agendas, and the candidates for
//! an agenda (`domain::forum`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::forum::agenda::{AgendaItem, AgendaSubject, ItemDetails, Minutes};
use crate::domain::forum::candidates::Candidate;
use crate::domain::forum::meeting::{Invitee, Meeting, MeetingPlan, MeetingStatus, NewInvitee};
use crate::domain::{AgendaItemId, InviteeId, MeetingId, PersonId, SignalScope, TenantId};

/// An invitee with where to mail them (server-side only).
#[derive(Clone, Debug)]
pub struct InviteeContact {
    pub invitee: Invitee,
    /// The guest's address, or the person's; organisations are reached
    /// through their members who hold an account.
    pub emails: Vec<String>,
}

/// A candidate with the scopes of its signals, so a use case shows each
/// person only what they may read.
#[derive(Clone, Debug)]
pub struct ScopedCandidate {
    pub candidate: Candidate,
    pub scopes: Vec<SignalScope>,
}

/// Meetings and who is invited.
#[async_trait]
pub trait Meetings {
    async fn insert_meeting(&mut self, tenant: TenantId, plan: &MeetingPlan, by: PersonId, at: DateTime<Utc>) -> StoreResult<MeetingId>;
    /// The tenant's meetings, the coming ones first, then the past ones, latest first.
    async fn meetings(&mut self, tenant: TenantId) -> StoreResult<Vec<Meeting>>;
    async fn meeting(&mut self, tenant: TenantId, id: MeetingId) -> StoreResult<Option<Meeting>>;
    /// Change the plan if the meeting is still at `expected_version`; a
    /// changed date or place also counts a calendar update (`sequence`).
    async fn update_meeting(
        &mut self,
        tenant: TenantId,
        id: MeetingId,
        expected_version: i64,
        plan: &MeetingPlan,
        new_sequence: bool,
    ) -> StoreResult<bool>;
    async fn set_meeting_status(&mut self, tenant: TenantId, id: MeetingId, status: MeetingStatus, new_sequence: bool) -> StoreResult<()>;

    async fn invitees(&mut self, tenant: TenantId, meeting: MeetingId) -> StoreResult<Vec<InviteeContact>>;
    async fn add_invitee(&mut self, tenant: TenantId, meeting: MeetingId, invitee: &NewInvitee) -> StoreResult<InviteeId>;
    async fn remove_invitee(&mut self, tenant: TenantId, meeting: MeetingId, invitee: InviteeId) -> StoreResult<bool>;
    /// Is this person invited, by name or through their organisation?
    async fn is_invited(&mut self, tenant: TenantId, meeting: MeetingId, person: PersonId) -> StoreResult<bool>;
    /// Every meeting of the tenant this person is invited to, by name or
    /// through their organisation (`is_invited` for all at once).
    async fn invited_to(&mut self, tenant: TenantId, person: PersonId) -> StoreResult<Vec<MeetingId>>;
}

/// Meetings' agendas, their minutes, and what could go on them.
#[async_trait]
pub trait Agendas {
    /// The agenda in order.
    async fn agenda(&mut self, tenant: TenantId, meeting: MeetingId) -> StoreResult<Vec<AgendaItem>>;
    /// One item and its meeting.
    async fn agenda_item(&mut self, tenant: TenantId, item: AgendaItemId) -> StoreResult<Option<(MeetingId, AgendaItem)>>;
    /// Put a subject at the end of the agenda.
    async fn insert_agenda_item(
        &mut self,
        tenant: TenantId,
        meeting: MeetingId,
        subject: AgendaSubject,
        for_information: bool,
        details: &ItemDetails,
    ) -> StoreResult<AgendaItemId>;
    /// Change an item's details if it is still at `expected_version`.
    async fn update_agenda_item(
        &mut self,
        tenant: TenantId,
        item: AgendaItemId,
        expected_version: i64,
        details: &ItemDetails,
    ) -> StoreResult<bool>;
    /// Number the items in this order (positions are not part of an item's version).
    async fn set_agenda_order(&mut self, tenant: TenantId, meeting: MeetingId, order: &[AgendaItemId]) -> StoreResult<()>;
    async fn delete_agenda_item(&mut self, tenant: TenantId, item: AgendaItemId) -> StoreResult<()>;
    /// Move an item to the end of another meeting's agenda.
    async fn move_agenda_item(&mut self, tenant: TenantId, item: AgendaItemId, to: MeetingId) -> StoreResult<()>;
    async fn record_minutes(
        &mut self,
        tenant: TenantId,
        item: AgendaItemId,
        expected_version: i64,
        minutes: &Minutes,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// What could go on this meeting's agenda (not on it yet), with the
    /// facts that rank it.
    async fn candidates(&mut self, tenant: TenantId, meeting: MeetingId, now: DateTime<Utc>) -> StoreResult<Vec<ScopedCandidate>>;
    /// The scopes of a subject's signals (none for a bottleneck).
    async fn subject_scopes(&mut self, tenant: TenantId, subject: AgendaSubject) -> StoreResult<Vec<SignalScope>>;
}
