//! Storage of reports: the dashboard's aggregates (counted in SQL, the same
//! answer on both databases), the tenant's targets, the signalenbundel
//! publications with their partners' approvals, and what is public.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreResult;
use crate::domain::forum::agenda::AgendaSubject;
use crate::domain::reports::publication::{Answer, PublicationStatus};
use crate::domain::reports::targets::Target;
use crate::domain::{OrganisationId, PolicyDomainId, SignalScope, TenantId};

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

/// A publication as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Publication {
    pub id: i64,
    pub title: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub intro: String,
    pub status: PublicationStatus,
    pub subjects: Vec<AgendaSubject>,
    /// The frozen document (JSON) once published.
    pub doc: Option<String>,
    pub version: i64,
    pub published_at: Option<DateTime<Utc>>,
}

/// What the composer saves of a publication, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationDraft {
    pub title: String,
    pub period: (NaiveDate, NaiveDate),
    pub intro: String,
    pub subjects: Vec<AgendaSubject>,
}

/// A partner's approval row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApprovalRow {
    pub id: i64,
    pub tenant: TenantId,
    pub publication: i64,
    pub organisation: OrganisationId,
    pub organisation_name: String,
    pub contact: String,
    pub expires_at: DateTime<Utc>,
    pub answer: Answer,
}

/// Something the hoofdsignaalverwerker made public, with its public summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicItem {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// "Campagne, loopt", "Beslissing van Forum voorjaar (11 maart 2027)", "Signaal, In actie".
    pub context: String,
}

/// What a public summary belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicKind {
    Signal,
    Campaign,
    Decision,
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

    /// Bundles from Geanalyseerd on, and signals from Geanalyseerd on that
    /// are in no bundle: (subject, title, phase code), latest first.
    async fn publishable(&mut self, tenant: TenantId) -> StoreResult<Vec<(AgendaSubject, String, String)>>;

    async fn insert_publication(&mut self, tenant: TenantId, draft: &PublicationDraft, at: DateTime<Utc>) -> StoreResult<i64>;
    /// Changes a draft; false when it is no longer at `version` or no draft.
    async fn update_publication(&mut self, tenant: TenantId, id: i64, version: i64, draft: &PublicationDraft) -> StoreResult<bool>;
    async fn publications(&mut self, tenant: TenantId) -> StoreResult<Vec<Publication>>;
    async fn publication(&mut self, tenant: TenantId, id: i64) -> StoreResult<Option<Publication>>;
    /// Moves it on; publishing stores the frozen document.
    async fn set_publication_status(
        &mut self,
        tenant: TenantId,
        id: i64,
        status: PublicationStatus,
        doc: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    async fn insert_approval(
        &mut self,
        tenant: TenantId,
        publication: i64,
        organisation: OrganisationId,
        contact: &str,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    async fn approvals(&mut self, tenant: TenantId, publication: i64) -> StoreResult<Vec<ApprovalRow>>;
    /// The approval a link's token opens, answered or not.
    async fn approval_by_token(&mut self, token_hash: &str) -> StoreResult<Option<ApprovalRow>>;
    /// Answers it once; false when it was answered already.
    async fn answer_approval(&mut self, id: i64, answer: &Answer, at: DateTime<Utc>) -> StoreResult<bool>;

    async fn set_public_text(&mut self, tenant: TenantId, text: &str) -> StoreResult<()>;
    async fn public_text(&mut self, tenant: TenantId) -> StoreResult<String>;
    /// Sets (or with "" clears) a public summary; false when there is no such record.
    async fn set_public_summary(&mut self, tenant: TenantId, kind: PublicKind, id: i64, summary: &str) -> StoreResult<bool>;
    /// With `only_public`, what has a public summary; without, everything
    /// that could get one (decided agenda items, signals from Geagendeerd on).
    async fn public_items(&mut self, tenant: TenantId, kind: PublicKind, only_public: bool) -> StoreResult<Vec<PublicItem>>;
}
