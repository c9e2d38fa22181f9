//! Submitting and moving signals.

use chrono::{DateTime, Utc};

use crate::domain::moves;
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

/// Store a new signal as Ingediend with its first event.
pub async fn submit(tx: &mut dyn Tx, tenant: TenantId, signal: &NewSignal, at: DateTime<Utc>) -> Result<SignalId, AppError> {
    let id = tx.insert_signal(tenant, signal, at).await?;
    tx.insert_event(tenant, id, signal.reporter, at, &EventDraft::submitted()).await?;
    super::search::index_new(tx, tenant, id, &signal.title, &signal.description).await?;
    Ok(id)
}

/// Write an accepted transition: the new phase (if nobody changed the signal
/// since `version`) and its event.
pub async fn record(
    tx: &mut dyn Tx,
    tenant: TenantId,
    actor: PersonId,
    t: &Transition,
    version: i64,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    if !tx.update_phase(tenant, t.signal, version, t.to, t.bundle, at).await? {
        return Err(changed(tx, tenant, t.signal).await?);
    }
    tx.insert_event(tenant, t.signal, Some(actor), at, &t.event).await?;
    Ok(())
}

/// The refusal for a change based on an old version: what happened last.
/// Without a name: a signaalgever withdrawing reads it too, and never
/// learns who processes their signal.
async fn changed(tx: &mut dyn Tx, tenant: TenantId, signal: SignalId) -> Result<AppError, AppError> {
    // The last change of phase: comments and assignments change no version.
    Ok(match tx.history(tenant, signal).await?.into_iter().rev().find(|e| e.to.is_some()) {
        Some(e) => AppError::Changed(e.kind.describe(e.from, e.to).to_lowercase()),
        None => AppError::Stale,
    })
}

/// A move as the board asks for it: this signal, seen at this version, to that column.
pub struct MoveRequest {
    pub signal: SignalId,
    pub version: i64,
    pub to: Phase,
    pub details: MoveDetails,
}

/// Move one signal to another phase.
/// `public_url` is for the link in the mail to the reporter.
pub async fn move_signal(
    store: &dyn Store,
    caller: &TenantCaller,
    request: MoveRequest,
    public_url: &str,
) -> Result<SignalSummary, AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let signal = tx.signal_summary(tenant, request.signal).await?.ok_or(AppError::NotFound)?;
    let actor = actor_for(caller, &signal)?;
    if signal.version != request.version {
        return Err(changed(&mut *tx, tenant, signal.id).await?);
    }
    check_references(&mut *tx, tenant, &request.details).await?;
    let t = moves::move_transition(&signal.state(), request.to, request.details, &actor)?;
    let now = Utc::now();
    record(&mut *tx, tenant, actor.person, &t, signal.version, now).await?;
    super::follow::tell_reporter(&mut *tx, &caller.tenant, &t, actor.person, public_url, now).await?;
    tx.audit(&moved_audit(caller, "signaal-verplaatst", "signaal", signal.id.to_string(), &t), now).await?;
    let moved = tx.signal_summary(tenant, signal.id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(moved)
}

fn moved_audit(caller: &TenantCaller, action: &'static str, object_type: &'static str, id: String, t: &Transition) -> NewAudit {
    let from = t.event.from.map(Phase::code).unwrap_or("");
    NewAudit {
        tenant: Some(caller.tenant.id),
        person: Some(caller.person.id),
        action,
        object_type,
        object_id: id,
        detail: format!("{from} -> {}", t.to.code()),
        ip: caller.ip.clone(),
    }
}

/// The caller as a processor of this signal: 404 when they may not even read
/// it, 403 when they may read but not work it (its reporter, a regisseur).
pub fn actor_for(caller: &TenantCaller, signal: &SignalSummary) -> Result<Actor, AppError> {
    Reader::of(&caller.membership, caller.person.id, &signal.scope).ok_or(AppError::NotFound)?;
    let role = caller.membership.acting_role(&signal.scope).ok_or(AppError::NoAccess)?;
    Ok(Actor { person: caller.person.id, role })
}

/// Ids typed into a move must exist in the same tenant.
async fn check_references(tx: &mut dyn Tx, tenant: TenantId, details: &MoveDetails) -> Result<(), AppError> {
    if let Some(original) = details.duplicate_of
        && tx.signal_summary(tenant, original).await?.is_none()
    {
        return Err(AppError::Invalid(format!("Signaal {original} bestaat niet in deze gemeente.")));
    }
    if let Some(bundle) = details.bundle
        && tx.bundle(tenant, bundle).await?.is_none()
    {
        return Err(AppError::Invalid(format!("Bundel {bundle} bestaat niet in deze gemeente.")));
    }
    Ok(())
}

/// The moves this caller may make on this signal, for the UI: the whole
/// bundle's moves when it sits in one.
pub fn allowed_targets(caller: &TenantCaller, signal: &SignalSummary) -> Vec<Phase> {
    actor_for(caller, signal).map(|actor| moves::offered_targets(&signal.state(), &actor)).unwrap_or_default()
}
