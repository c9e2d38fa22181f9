//! Storage of reports: the dashboard's aggregates (counted in SQL, the same
//! answer on both databases), the tenant's targets and the signal export.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::reports::targets::Target;
use crate::domain::{PolicyDomainId, SignalScope, TenantId};

/// Which signals a report counts: received in `[start, end)`, in these
/// policy domains (`None`: all of the tenant's signals).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportQuery {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub domains: Option<Vec<PolicyDomainId>>,
}

/// What a count groups by; each yields (code or name, number of signals).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    /// The current phase code.
    Phase,
    /// The policy domain's name ("" without one).
    PolicyDomain,
    /// Life-domain codes (a signal may count under several).
    LifeDomain,
    /// Target-group codes (a signal may count under several).
    TargetGroup,
    /// The kind of the reporting organisation ("" for citizens).
    Sector,
    /// The district as typed or chosen ("" when not given).
    District,
    /// "worker" or "citizen".
    Source,
    /// Why not retained, of the signals now Niet weerhouden.
    NotRetained,
    /// How it ended, of the signals now Afgerond.
    Outcome,
}

/// Lead time to one phase: how many signals reached it and the
/// nearest-rank median and 90th percentile, in seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadTime {
    pub phase: String,
    pub signals: i64,
    pub median: i64,
    pub p90: i64,
}

/// A signal of the anonymised export, with its scope so the caller can
/// narrow the list to what the reader may read.
#[derive(Clone, Debug)]
pub struct ExportRow {
    pub scope: SignalScope,
    pub line: crate::domain::reports::SignalLine,
}

#[async_trait]
pub trait Reports {
    async fn count_by(&mut self, tenant: TenantId, query: &ReportQuery, by: Dimension) -> StoreResult<Vec<(String, i64)>>;
    async fn received(&mut self, tenant: TenantId, query: &ReportQuery) -> StoreResult<i64>;
    async fn lead_times(&mut self, tenant: TenantId, query: &ReportQuery) -> StoreResult<Vec<LeadTime>>;
    /// The signals seen by the most organisations: (title, organisations).
    async fn most_seen(&mut self, tenant: TenantId, query: &ReportQuery, limit: i64) -> StoreResult<Vec<(String, i64)>>;
    /// First arrivals in each phase within `[start, end)` (signals received
    /// any time), for the targets.
    async fn arrivals(&mut self, tenant: TenantId, query: &ReportQuery) -> StoreResult<Vec<(String, i64)>>;
    /// Records the first arrival of a signal in a phase (later ones are ignored).
    async fn record_arrival(
        &mut self,
        tenant: TenantId,
        signal: crate::domain::SignalId,
        phase: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    async fn targets(&mut self, tenant: TenantId) -> StoreResult<Vec<Target>>;
    async fn set_targets(&mut self, tenant: TenantId, targets: &[Target]) -> StoreResult<()>;
    /// Every signal of the tenant as an export line, oldest first.
    async fn export_rows(&mut self, tenant: TenantId) -> StoreResult<Vec<ExportRow>>;
}
