//! Storage of signalenbundels: publications with their subjects, the
//! partners' approvals, and what the public page shows.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreResult;
use crate::domain::forum::agenda::AgendaSubject;
use crate::domain::reports::publication::{Answer, PublicationStatus};
use crate::domain::{OrganisationId, TenantId};

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
pub trait Publications {
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
    /// A new approval row, replacing an earlier one for the same partner; it
    /// opens with no token until `server::passwords::start_link` gives it one.
    async fn insert_approval(
        &mut self,
        tenant: TenantId,
        publication: i64,
        organisation: OrganisationId,
        contact: &str,
        expires_at: DateTime<Utc>,
        unknown_hash: &str,
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
