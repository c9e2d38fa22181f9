//! One action on several cards at once: each card is checked against the
//! rules on its own, and the answer says which were done and, for the
//! others, why not. Assigning and moving take each card in its own
//! transaction (one refusal stops none of the others); bundling makes one
//! bundle of the cards that may join it.

use chrono::Utc;

use super::signals::{MoveRequest, actor_for};
use crate::domain::bulk::BulkReport;
use crate::domain::bundle::{self, BundleState, BundleText};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::Store;

/// The most cards one bulk action takes.
pub const MAX_CARDS: usize = 100;

/// What the person asked for.
pub enum BulkAction {
    Assign(Option<PersonId>),
    /// Move each card, as it is now, to this phase, with a note for the history.
    Move {
        to: Phase,
        note: String,
    },
    /// One new bundle with this title for the cards that may join it.
    Bundle {
        title: String,
    },
}

/// A card's title for the report, only if the caller may read the signal
/// (an id of another tenant or another domain is only "not found").
async fn title_of(store: &dyn Store, caller: &TenantCaller, id: SignalId) -> Result<Option<SignalSummary>, AppError> {
    let summary = store.read().await?.signal_summary(caller.tenant.id, id).await?;
    Ok(summary.filter(|s| Reader::of(&caller.membership, caller.person.id, &s.scope).is_some()))
}

pub async fn run(
    store: &dyn Store,
    caller: &TenantCaller,
    ids: &[SignalId],
    action: BulkAction,
    public_url: &str,
) -> Result<BulkReport, AppError> {
    if ids.is_empty() {
        return Err(AppError::Invalid("Kies eerst een of meer kaarten.".into()));
    }
    if ids.len() > MAX_CARDS {
        return Err(AppError::Invalid(format!("Kies hoogstens {MAX_CARDS} kaarten tegelijk.")));
    }
    let mut report = BulkReport::default();
    let mut found = Vec::new();
    for id in ids {
        match title_of(store, caller, *id).await? {
            Some(summary) => found.push(summary),
            None => report.refuse(*id, format!("#{id}"), AppError::NotFound.message()),
        }
    }
    match action {
        BulkAction::Assign(to) => {
            for s in found {
                let done = super::workbench::assign(store, caller, s.id, to, public_url, Utc::now()).await;
                report.record(s.id, s.title, done.map(|_| ()).map_err(|e| e.message()));
            }
        }
        BulkAction::Move { to, note } => {
            for s in found {
                let details = MoveDetails { note: note.clone(), ..MoveDetails::default() };
                let request = MoveRequest { signal: s.id, version: s.version, to, details };
                let done = super::signals::move_signal(store, caller, request, public_url).await;
                report.record(s.id, s.title, done.map(|_| ()).map_err(|e| e.message()));
            }
        }
        BulkAction::Bundle { title } => {
            // Only the cards that may join a new bundle go in; the others are told why not.
            let mut joining = Vec::new();
            for s in found {
                let new = BundleState { id: BundleId(0), phase: Phase::Bundled, lead_domain: None, merged_into: None };
                let may = actor_for(caller, &s).and_then(|actor| Ok(bundle::join(&new, &s.state(), true, &actor)?));
                match may {
                    Ok(_) => joining.push(s),
                    Err(e) => report.refuse(s.id, s.title, e.message()),
                }
            }
            if !joining.is_empty() {
                // The bundle is led from the first card's domain when the caller may lead it.
                let lead_domain = joining[0].scope.policy_domain.filter(|d| bundle::leads(&caller.membership, Some(*d)));
                let text = BundleText { title, lead_domain, ..BundleText::default() };
                let chosen: Vec<SignalId> = joining.iter().map(|s| s.id).collect();
                match super::bundles::create(store, caller, &chosen, &text).await {
                    Ok(id) => {
                        report.bundle = Some(id);
                        joining.into_iter().for_each(|s| report.record(s.id, s.title, Ok(())));
                    }
                    Err(e) => joining.into_iter().for_each(|s| report.refuse(s.id, s.title, e.message())),
                }
            }
        }
    }
    Ok(report)
}
