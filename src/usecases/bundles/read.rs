//! Reading bundles: who may see one, the list, one bundle's page, and the
//! retained signals a bundle could be made from.

use serde::{Deserialize, Serialize};

use crate::domain::bundle::{self, BundleDetails, BundleHistoryEntry, BundleSummary};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

/// A bundle's page: what the caller may see of it, and what they may do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundlePage {
    pub bundle: BundleDetails,
    /// Its signals, each as the caller may see it (reporting organisation
    /// only for those who may know who reported it).
    pub signals: Vec<SignalSummary>,
    pub history: Vec<BundleHistoryEntry>,
    /// May edit and move it.
    pub leads: bool,
    /// The moves the caller may make with the whole bundle.
    pub targets: Vec<Phase>,
    /// Retained signals in no bundle that the caller may add.
    pub candidates: Vec<SignalSummary>,
    /// Other open bundles the caller leads, to merge into this one.
    pub mergeable: Vec<BundleSummary>,
}

/// The caller as the lifecycle sees them when they work bundles: the
/// hoofdsignaalverwerker, or a signaalverwerker.
pub fn bundle_actor(caller: &TenantCaller) -> Result<Actor, AppError> {
    let role = if caller.membership.has(Role::Hoofdsignaalverwerker) {
        Role::Hoofdsignaalverwerker
    } else if caller.membership.has(Role::Signaalverwerker) {
        Role::Signaalverwerker
    } else {
        return Err(AppError::NoAccess);
    };
    Ok(Actor { person: caller.person.id, role })
}

/// May the caller see this bundle? Those who lead it, and those who may read
/// one of its signals in their work (not as its reporter).
pub(super) fn may_see(caller: &TenantCaller, summary: &BundleSummary, signals: &[SignalSummary]) -> bool {
    bundle::leads(&caller.membership, summary.lead_domain_id)
        || signals
            .iter()
            .any(|s| matches!(Reader::of(&caller.membership, caller.person.id, &s.scope), Some(Reader::Processor | Reader::DomainReader)))
}

/// The signal as this caller may see it in a bundle's list.
pub(super) fn as_seen(caller: &TenantCaller, mut signal: SignalSummary) -> SignalSummary {
    let reader = Reader::of(&caller.membership, caller.person.id, &signal.scope).unwrap_or(Reader::Outsider);
    if !Visibility::for_reader(reader).reporter {
        signal.organisation = None;
    }
    signal
}

/// Read a bundle the caller may see, with its signals; 404 otherwise.
pub(super) async fn visible(tx: &mut dyn Tx, caller: &TenantCaller, id: BundleId) -> Result<(BundleDetails, Vec<SignalSummary>), AppError> {
    let tenant = caller.tenant.id;
    let details = tx.bundle_details(tenant, id).await?.ok_or(AppError::NotFound)?;
    let signals = tx.bundle_signals(tenant, id).await?;
    if !may_see(caller, &details.summary, &signals) {
        return Err(AppError::NotFound);
    }
    Ok((details, signals))
}

/// The bundles the caller may see.
pub async fn list(store: &dyn Store, caller: &TenantCaller) -> Result<Vec<BundleSummary>, AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.read().await?;
    let mut shown = Vec::new();
    for summary in tx.bundles(tenant).await?.into_iter().filter(|b| b.merged_into.is_none()) {
        let signals = tx.bundle_signals(tenant, summary.id).await?;
        if may_see(caller, &summary, &signals) {
            shown.push(summary);
        }
    }
    Ok(shown)
}

pub async fn page(store: &dyn Store, caller: &TenantCaller, id: BundleId) -> Result<BundlePage, AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.read().await?;
    let (bundle, signals) = visible(&mut *tx, caller, id).await?;
    let leads = bundle::leads(&caller.membership, bundle.summary.lead_domain_id);
    let state = bundle.summary.state();
    let states: Vec<SignalState> = signals.iter().map(SignalSummary::state).collect();
    let (targets, candidates, mergeable) = match bundle_actor(caller) {
        Ok(actor) if leads && bundle.summary.merged_into.is_none() => {
            let filled = MoveDetails {
                reason: Some(NotRetainedReason::Klacht),
                outcome: Some(Outcome::Opgelost),
                message: "-".into(),
                note: "-".into(),
                ..Default::default()
            };
            let targets =
                Phase::ALL.into_iter().filter(|to| bundle::move_to(&state, &states, *to, filled.clone(), true, &actor).is_ok()).collect();
            let candidates = tx
                .signal_summaries_in(tenant, &[Phase::Retained])
                .await?
                .into_iter()
                .filter(|s| caller.membership.processes(&s.scope) && bundle::join(&state, &s.state(), true, &actor).is_ok())
                .map(|s| as_seen(caller, s))
                .collect();
            let mergeable = tx
                .bundles(tenant)
                .await?
                .into_iter()
                .filter(|b| b.id != id && bundle::leads(&caller.membership, b.lead_domain_id))
                .filter(|b| bundle::merge(&state, &b.state(), &[], true, &actor).is_ok())
                .collect();
            (targets, candidates, mergeable)
        }
        _ => (vec![], vec![], vec![]),
    };
    let history = tx.bundle_history(tenant, id).await?;
    let signals = signals.into_iter().map(|s| as_seen(caller, s)).collect();
    Ok(BundlePage { bundle, signals, history, leads, targets, candidates, mergeable })
}

/// Retained signals the caller processes that are in no bundle yet, as
/// candidates for a new bundle.
pub async fn unbundled(store: &dyn Store, caller: &TenantCaller) -> Result<Vec<SignalSummary>, AppError> {
    let mut tx = store.read().await?;
    Ok(tx
        .signal_summaries_in(caller.tenant.id, &[Phase::Retained])
        .await?
        .into_iter()
        .filter(|s| s.phase == Phase::Retained && s.bundle.is_none() && caller.membership.processes(&s.scope))
        .map(|s| as_seen(caller, s))
        .collect())
}
