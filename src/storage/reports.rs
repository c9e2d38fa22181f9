//! Storage of reports: the dashboard's pre-counted tallies (see
//! `domain::reports::tally`), the tenant's targets and the signal export.

use std::collections::{BTreeMap, HashMap};

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::reports::tally::{Counted, SignalState, Span, TallyKey};
use crate::domain::reports::targets::Target;
use crate::domain::{PolicyDomainId, SignalId, SignalScope, TenantId};

/// A signal of the anonymised export, with its scope so the caller can
/// narrow the list to what the reader may read.
#[derive(Clone, Debug)]
pub struct ExportRow {
    pub scope: SignalScope,
    pub line: crate::domain::reports::SignalLine,
}

/// A most-seen signal: id, title, how many organisations saw it.
pub type Seen = (SignalId, String, i64);

#[async_trait]
pub trait Reports {
    /// The stored tallies of a span's buckets for these scopes, summed per
    /// (tally, key), not yet multiplied by the span's sign.
    async fn tallies(&mut self, tenant: TenantId, scopes: &[i64], span: Span) -> StoreResult<Vec<(String, String, i64)>>;
    /// The tenant's signals whose marks are not counted yet.
    async fn uncounted(&mut self, tenant: TenantId) -> StoreResult<Vec<SignalId>>;
    /// Takes up to `limit` uncounted signals, of any tenant, off the list.
    async fn take_uncounted(&mut self, limit: i64) -> StoreResult<Vec<(TenantId, SignalId)>>;
    /// What the dashboard counts of these signals now (a removed one is absent).
    async fn signal_states(&mut self, ids: &[SignalId]) -> StoreResult<HashMap<SignalId, SignalState>>;
    /// How these signals were last counted.
    async fn counted(&mut self, ids: &[SignalId]) -> StoreResult<HashMap<SignalId, Counted>>;
    /// Keeps how a signal is counted now (`None`: no longer).
    async fn save_counted(&mut self, tenant: TenantId, signal: SignalId, counted: Option<&Counted>) -> StoreResult<()>;
    /// Adds to the stored tallies.
    async fn add_tallies(&mut self, tenant: TenantId, deltas: &BTreeMap<TallyKey, i64>) -> StoreResult<()>;
    /// The counted signals received on these days (days since the common
    /// era) seen by the most organisations, most first.
    async fn most_seen(
        &mut self,
        tenant: TenantId,
        days: (i64, i64),
        domains: Option<&[PolicyDomainId]>,
        limit: i64,
    ) -> StoreResult<Vec<Seen>>;
    /// Records the first arrival of a signal in a phase (later ones are ignored).
    async fn record_arrival(&mut self, tenant: TenantId, signal: SignalId, phase: &str, at: DateTime<Utc>) -> StoreResult<()>;
    async fn targets(&mut self, tenant: TenantId) -> StoreResult<Vec<Target>>;
    async fn set_targets(&mut self, tenant: TenantId, targets: &[Target]) -> StoreResult<()>;
    /// Every signal of the tenant as an export line, oldest first.
    async fn export_rows(&mut self, tenant: TenantId) -> StoreResult<Vec<ExportRow>>;
}
