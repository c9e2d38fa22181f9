//! Bundles: made from retained signals, edited, signals added and split out,
//! merged, and moved as one. One transaction each, with the rules of
//! `domain::bundle`; every step is an event in the history of the bundle
//! and of every signal it touches, and every write checks the version the
//! person saw, in the SQL.

use chrono::{DateTime, Utc};

use crate::domain::bundle::{self, BundleDetails, BundleEventDraft, BundleEventKind, BundleState, BundleSummary, BundleText};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{BundleUpdate, Store, Tx};

mod read;
mod suggest;

use self::read::visible;
pub use self::read::{BundlePage, bundle_actor, list, page, unbundled};
pub use self::suggest::suggestions;

/// Write a step's signal transitions (each checked against the version read
/// in this transaction) and their events.
async fn record_all(
    tx: &mut dyn Tx,
    tenant: TenantId,
    actor: PersonId,
    transitions: &[Transition],
    signals: &[SignalSummary],
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    for t in transitions {
        let version = signals.iter().find(|s| s.id == t.signal).map(|s| s.version).ok_or(AppError::NotFound)?;
        super::signals::record(tx, tenant, actor, t, version, at).await?;
    }
    Ok(())
}

/// Bump the bundle's version with `update`, or say what changed meanwhile.
async fn update(
    tx: &mut dyn Tx,
    tenant: TenantId,
    id: BundleId,
    version: i64,
    change: BundleUpdate<'_>,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    if tx.update_bundle(tenant, id, version, change, at).await? {
        return Ok(());
    }
    Err(changed(tx, tenant, id).await?)
}

/// The refusal for a change based on an old version: what happened last.
async fn changed(tx: &mut dyn Tx, tenant: TenantId, id: BundleId) -> Result<AppError, AppError> {
    Ok(match tx.bundle_history(tenant, id).await?.pop() {
        Some(entry) => AppError::Changed(format!(
            "{} (door {})",
            entry.kind.describe(&entry).to_lowercase(),
            entry.actor_name.as_deref().unwrap_or("iemand anders")
        )),
        None => AppError::Stale,
    })
}

fn audit(caller: &TenantCaller, action: &'static str, id: BundleId, detail: String) -> NewAudit {
    NewAudit {
        tenant: Some(caller.tenant.id),
        person: Some(caller.person.id),
        action,
        object_type: "bundel",
        object_id: id.to_string(),
        detail,
        ip: caller.ip.clone(),
    }
}

/// Make a bundle from retained signals; each joins it (one event each).
/// The demo data makes its bundles through here too (`create_in`).
pub async fn create(store: &dyn Store, caller: &TenantCaller, signals: &[SignalId], text: &BundleText) -> Result<BundleId, AppError> {
    let actor = bundle_actor(caller)?;
    let text = text.checked()?;
    let mut tx = store.write().await?;
    let mut found = Vec::new();
    for id in signals {
        let signal = tx.signal_summary(caller.tenant.id, *id).await?.ok_or(AppError::NotFound)?;
        super::signals::actor_for(caller, &signal)?;
        found.push(signal);
    }
    if let Some(lead) = text.lead_domain
        && !tx.policy_domains(caller.tenant.id).await?.iter().any(|d| d.id == lead)
    {
        return Err(AppError::Invalid("Kies een beleidsdomein uit de lijst.".into()));
    }
    // The maker must be able to lead what they make.
    if !bundle::leads(&caller.membership, text.lead_domain) {
        return Err(Refusal::NotBundleLead.into());
    }
    let now = Utc::now();
    let id = create_in(&mut *tx, caller.tenant.id, &actor, &found, &text, now).await?;
    tx.audit(&audit(caller, "bundel-gemaakt", id, format!("{} signalen", found.len())), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Make a bundle in an open transaction (rights already checked).
pub async fn create_in(
    tx: &mut dyn Tx,
    tenant: TenantId,
    actor: &Actor,
    signals: &[SignalSummary],
    text: &BundleText,
    at: DateTime<Utc>,
) -> Result<BundleId, AppError> {
    let states: Vec<SignalState> = signals.iter().map(SignalSummary::state).collect();
    bundle::check_new(&states, true, actor)?;
    let id = tx.create_bundle(tenant, text, at).await?;
    tx.insert_bundle_event(tenant, id, Some(actor.person), at, &BundleEventDraft::new(BundleEventKind::Created)).await?;
    let state = BundleState { id, phase: Phase::Bundled, lead_domain: text.lead_domain, merged_into: None };
    for signal in signals {
        let t = bundle::join(&state, &signal.state(), true, actor)?;
        super::signals::record(tx, tenant, actor.person, &t, signal.version, at).await?;
        let added = BundleEventDraft { signal: Some(signal.id), ..BundleEventDraft::new(BundleEventKind::SignalAdded) };
        tx.insert_bundle_event(tenant, id, Some(actor.person), at, &added).await?;
    }
    Ok(id)
}

/// A bundle the caller leads, read for a change based on `version`.
async fn led(tx: &mut dyn Tx, caller: &TenantCaller, id: BundleId, version: i64) -> Result<(BundleDetails, Vec<SignalSummary>), AppError> {
    // Another change of this bundle under way finishes first; then its
    // version tells this one what happened.
    tx.lock_bundle(caller.tenant.id, id).await?;
    let (details, signals) = visible(tx, caller, id).await?;
    // Seeing a bundle is not leading it: 403, as for a signal one only reads.
    if !bundle::leads(&caller.membership, details.summary.lead_domain_id) {
        return Err(AppError::NoAccess);
    }
    if details.summary.version != version {
        return Err(changed(tx, caller.tenant.id, id).await?);
    }
    Ok((details, signals))
}

/// Edit the title, problem definition, analysis and lead domain.
pub async fn edit(store: &dyn Store, caller: &TenantCaller, id: BundleId, version: i64, text: &BundleText) -> Result<(), AppError> {
    let text = text.checked()?;
    let mut tx = store.write().await?;
    let (details, _) = led(&mut *tx, caller, id, version).await?;
    if details.summary.merged_into.is_some() {
        return Err(Refusal::BundleMerged.into());
    }
    if let Some(lead) = text.lead_domain
        && !tx.policy_domains(caller.tenant.id).await?.iter().any(|d| d.id == lead)
    {
        return Err(AppError::Invalid("Kies een beleidsdomein uit de lijst.".into()));
    }
    let now = Utc::now();
    update(&mut *tx, caller.tenant.id, id, version, BundleUpdate { text: Some(&text), ..Default::default() }, now).await?;
    tx.insert_bundle_event(caller.tenant.id, id, Some(caller.person.id), now, &BundleEventDraft::new(BundleEventKind::Edited)).await?;
    tx.audit(&audit(caller, "bundel-bewerkt", id, String::new()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Add a retained signal to the bundle: it takes the bundle's phase.
pub async fn add(store: &dyn Store, caller: &TenantCaller, id: BundleId, version: i64, signal: SignalId) -> Result<(), AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let (details, _) = led(&mut *tx, caller, id, version).await?;
    let summary = tx.signal_summary(tenant, signal).await?.ok_or(AppError::NotFound)?;
    let actor = super::signals::actor_for(caller, &summary)?;
    let t = bundle::join(&details.summary.state(), &summary.state(), true, &actor)?;
    let now = Utc::now();
    update(&mut *tx, tenant, id, version, BundleUpdate::default(), now).await?;
    super::signals::record(&mut *tx, tenant, actor.person, &t, summary.version, now).await?;
    let added = BundleEventDraft { signal: Some(signal), to: Some(t.to), ..BundleEventDraft::new(BundleEventKind::SignalAdded) };
    tx.insert_bundle_event(tenant, id, Some(actor.person), now, &added).await?;
    tx.audit(&audit(caller, "bundel-signaal-toegevoegd", id, signal.to_string()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Split a signal out of the bundle.
pub async fn split(
    store: &dyn Store,
    caller: &TenantCaller,
    id: BundleId,
    version: i64,
    signal: SignalId,
    note: &str,
) -> Result<(), AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let (details, signals) = led(&mut *tx, caller, id, version).await?;
    let summary = signals.iter().find(|s| s.id == signal).ok_or(Refusal::NotInBundle)?;
    let actor = bundle_actor(caller)?;
    let t = bundle::split(&details.summary.state(), &summary.state(), signals.len() - 1, true, &actor, note)?;
    let now = Utc::now();
    update(&mut *tx, tenant, id, version, BundleUpdate::default(), now).await?;
    super::signals::record(&mut *tx, tenant, actor.person, &t, summary.version, now).await?;
    let removed = BundleEventDraft {
        signal: Some(signal),
        from: Some(summary.phase),
        to: Some(t.to),
        note: t.event.note.clone(),
        ..BundleEventDraft::new(BundleEventKind::SignalRemoved)
    };
    tx.insert_bundle_event(tenant, id, Some(actor.person), now, &removed).await?;
    tx.audit(&audit(caller, "bundel-signaal-eruit", id, signal.to_string()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Merge `other` into this bundle: its signals take this bundle's phase, and
/// it is kept, empty, pointing here.
pub async fn merge(store: &dyn Store, caller: &TenantCaller, id: BundleId, version: i64, other: BundleId) -> Result<(), AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    // Both rows, in one order for everyone: two merges never wait on each other.
    for b in [id.min(other), id.max(other)] {
        tx.lock_bundle(tenant, b).await?;
    }
    let (target, _) = led(&mut *tx, caller, id, version).await?;
    let (source, moving) = visible(&mut *tx, caller, other).await?;
    let leads_both = bundle::leads(&caller.membership, source.summary.lead_domain_id);
    let actor = bundle_actor(caller)?;
    let states: Vec<SignalState> = moving.iter().map(SignalSummary::state).collect();
    let transitions = bundle::merge(&target.summary.state(), &source.summary.state(), &states, leads_both, &actor)?;
    let now = Utc::now();
    update(&mut *tx, tenant, id, version, BundleUpdate::default(), now).await?;
    update(&mut *tx, tenant, other, source.summary.version, BundleUpdate { merged_into: Some(id), ..Default::default() }, now).await?;
    record_all(&mut *tx, tenant, actor.person, &transitions, &moving, now).await?;
    let merged_in = BundleEventDraft { other_bundle: Some(other), ..BundleEventDraft::new(BundleEventKind::MergedIn) };
    tx.insert_bundle_event(tenant, id, Some(actor.person), now, &merged_in).await?;
    let merged_into = BundleEventDraft { other_bundle: Some(id), ..BundleEventDraft::new(BundleEventKind::MergedInto) };
    tx.insert_bundle_event(tenant, other, Some(actor.person), now, &merged_into).await?;
    tx.audit(&audit(caller, "bundels-samengevoegd", id, other.to_string()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Move the whole bundle; each of its signals moves with it, one event each.
/// `public_url` is for the link in the mail to each reporter.
pub async fn move_bundle(
    store: &dyn Store,
    caller: &TenantCaller,
    id: BundleId,
    version: i64,
    to: Phase,
    details: MoveDetails,
    public_url: &str,
) -> Result<(), AppError> {
    let actor = bundle_actor(caller)?;
    let mut tx = store.write().await?;
    let (bundle, signals) = led(&mut *tx, caller, id, version).await?;
    let now = Utc::now();
    let transitions = move_in(&mut *tx, caller.tenant.id, &actor, &bundle.summary, &signals, to, details, now).await?;
    for t in &transitions {
        super::follow::tell_reporter(&mut *tx, &caller.tenant, t, actor.person, public_url, now).await?;
    }
    tx.audit(&audit(caller, "bundel-verplaatst", id, format!("{} -> {}", bundle.summary.phase.code(), to.code())), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Move a bundle in an open transaction (rights already checked; the demo
/// data moves its bundles through here). The signals' transitions, for
/// telling their reporters.
#[allow(clippy::too_many_arguments)]
pub async fn move_in(
    tx: &mut dyn Tx,
    tenant: TenantId,
    actor: &Actor,
    bundle: &BundleSummary,
    signals: &[SignalSummary],
    to: Phase,
    details: MoveDetails,
    at: DateTime<Utc>,
) -> Result<Vec<Transition>, AppError> {
    let states: Vec<SignalState> = signals.iter().map(SignalSummary::state).collect();
    let transitions = bundle::move_to(&bundle.state(), &states, to, details, true, actor)?;
    update(tx, tenant, bundle.id, bundle.version, BundleUpdate { phase: Some(to), ..Default::default() }, at).await?;
    record_all(tx, tenant, actor.person, &transitions, signals, at).await?;
    let moved = BundleEventDraft {
        from: Some(bundle.phase),
        to: Some(to),
        note: transitions.first().and_then(|t| t.event.note.clone()),
        ..BundleEventDraft::new(BundleEventKind::PhaseChanged)
    };
    tx.insert_bundle_event(tenant, bundle.id, Some(actor.person), at, &moved).await?;
    Ok(transitions)
}
