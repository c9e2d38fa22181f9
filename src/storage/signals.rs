//! Storage of signals: the lifecycle's rows, the board's reads, search stems
//! and redaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::*;

#[async_trait]
pub trait Signals {
    async fn insert_signal(&mut self, tenant: TenantId, signal: &NewSignal, at: DateTime<Utc>) -> StoreResult<SignalId>;
    /// Every signal of the tenant, oldest first.
    async fn signal_summaries(&mut self, tenant: TenantId) -> StoreResult<Vec<SignalSummary>>;
    /// The tenant's signals in these phases, oldest first: a page that needs
    /// a few phases does not read the whole tenant (an intake flood included).
    async fn signal_summaries_in(&mut self, tenant: TenantId, phases: &[Phase]) -> StoreResult<Vec<SignalSummary>>;
    /// The board's columns: per (phase, limit) the oldest `limit` signals in
    /// that phase the board selects, column after column in the order given.
    async fn board_columns(
        &mut self,
        tenant: TenantId,
        selection: &BoardSelection,
        columns: &[(Phase, i64)],
    ) -> StoreResult<Vec<SignalSummary>>;
    /// How many signals the board selects, per phase (phases without any left out).
    async fn board_counts(&mut self, tenant: TenantId, selection: &BoardSelection) -> StoreResult<Vec<(Phase, i64)>>;
    /// Which of these signals the board selects.
    async fn board_matching(&mut self, tenant: TenantId, selection: &BoardSelection, ids: &[SignalId]) -> StoreResult<Vec<SignalId>>;
    /// Replace the search stems of a signal.
    async fn set_stems(&mut self, tenant: TenantId, signal: SignalId, stems: &[String]) -> StoreResult<()>;
    /// The search stems of a signal that has none yet (a new one).
    async fn add_stems(&mut self, tenant: TenantId, signal: SignalId, stems: &[String]) -> StoreResult<()>;
    /// Up to `limit` signals (of any tenant) without search stems yet, with their title and description.
    async fn unstemmed_signals(&mut self, limit: i64) -> StoreResult<Vec<(TenantId, SignalId, String, String)>>;
    async fn signal_summary(&mut self, tenant: TenantId, id: SignalId) -> StoreResult<Option<SignalSummary>>;
    /// What the board's cards tell beside the signal, for these signals.
    async fn card_facts(&mut self, tenant: TenantId, ids: &[SignalId]) -> StoreResult<Vec<(SignalId, crate::domain::board::CardFacts)>>;
    async fn signal_details(&mut self, tenant: TenantId, id: SignalId) -> StoreResult<Option<SignalDetails>>;
    async fn bundle_signals(&mut self, tenant: TenantId, bundle: BundleId) -> StoreResult<Vec<SignalSummary>>;
    /// Sets phase and bundle if the signal is still at `expected_version`;
    /// false when someone else changed it first.
    async fn update_phase(
        &mut self,
        tenant: TenantId,
        id: SignalId,
        expected_version: i64,
        phase: Phase,
        bundle: Option<BundleId>,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    async fn insert_event(
        &mut self,
        tenant: TenantId,
        signal: SignalId,
        actor: Option<PersonId>,
        at: DateTime<Utc>,
        event: &EventDraft,
    ) -> StoreResult<EventId>;
    /// The history of a signal, oldest first.
    async fn history(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<HistoryEntry>>;
    async fn bundle(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Option<BundleRef>>;
    async fn count_signals(&mut self, tenant: TenantId) -> StoreResult<i64>;
    /// Replace `passage` by `domain::redaction::REDACTED` in every text of the
    /// signal: its fields, its events' messages and notes, its sightings, the
    /// citizen's report behind it, and the tenant's mails. How many rows changed.
    async fn redact(&mut self, tenant: TenantId, signal: SignalId, passage: &str, at: DateTime<Utc>) -> StoreResult<u64>;
}

/// Which signals a board shows: those its person processes, narrowed by the
/// board's filters (`domain::board_filter::BoardFilter`, resolved on the
/// server: the policy domain's id, the search text's stems, the age's date).
#[derive(Clone, Debug, Default)]
pub struct BoardSelection {
    pub processed: crate::domain::board::ProcessedBy,
    pub policy_domain: Option<PolicyDomainId>,
    pub life_domain: Option<String>,
    pub target_group: Option<String>,
    pub sector: Option<String>,
    pub source: Option<Source>,
    pub created_before: Option<DateTime<Utc>>,
    /// Every stem must occur in the signal's title or description.
    pub stems: Vec<String>,
    /// Only the signals assigned to this person ("mijn kaarten").
    pub assignee: Option<PersonId>,
}

impl BoardSelection {
    pub fn processed_by(processed: crate::domain::board::ProcessedBy) -> Self {
        BoardSelection { processed, ..BoardSelection::default() }
    }
}
