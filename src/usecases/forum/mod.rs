//! Forum preparation: meetings and their invitations, the agenda builder,
//! the dossier, minutes and decisions. Who may do what here:
//! - preparers (the hoofdsignaalverwerker, signaalverwerkers, and regisseurs,
//!   who co-prepare) plan meetings and build agendas; moving signals still
//!   follows the lifecycle, so only those who process them schedule them;
//! - mandatarissen read meetings and their outcomes;
//! - invitees with an account read the dossier of their meeting, nothing else.

pub mod agenda;
pub mod calendar;
pub mod decisions;
pub mod dossier;
pub mod meetings;

use crate::domain::access::{OUTCOME_READERS, PREPARERS};
use crate::domain::forum::meeting::Meeting;
use crate::domain::{MeetingId, Role, TenantId};
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::Tx;

/// How a member stands to one meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seat {
    /// Plans it and builds its agenda.
    Preparer,
    /// Reads it and its outcomes (a mandataris).
    Reader,
    /// Invited: reads its dossier.
    Invitee,
}

pub fn prepares(caller: &TenantCaller) -> bool {
    caller.has_any(PREPARERS)
}

/// The meeting and how the caller stands to it; 404 for a meeting of
/// another tenant or one the caller has no seat at.
pub async fn seat(tx: &mut dyn Tx, caller: &TenantCaller, id: MeetingId) -> Result<(Meeting, Seat), AppError> {
    let tenant: TenantId = caller.tenant.id;
    let meeting = tx.meeting(tenant, id).await?.ok_or(AppError::NotFound)?;
    let seat = if prepares(caller) {
        Seat::Preparer
    } else if caller.has_any(OUTCOME_READERS) {
        Seat::Reader
    } else if tx.is_invited(tenant, id, caller.person.id).await? {
        Seat::Invitee
    } else {
        return Err(AppError::NotFound);
    };
    Ok((meeting, seat))
}

/// The meeting, for a preparer (403 for others who may see it).
pub async fn prepared(tx: &mut dyn Tx, caller: &TenantCaller, id: MeetingId) -> Result<Meeting, AppError> {
    match seat(tx, caller, id).await? {
        (meeting, Seat::Preparer) => Ok(meeting),
        _ => Err(AppError::NoAccess),
    }
}

/// Whether the caller reads every meeting of the tenant (not only those
/// they are invited to).
pub fn reads_all(caller: &TenantCaller) -> bool {
    prepares(caller) || caller.membership.has(Role::Mandataris)
}
