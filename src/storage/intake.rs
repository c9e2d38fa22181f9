//! Storage of the intake paths beside the board: districts, similar signals,
//! citizens' reports, and following one's own signals.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::*;

#[async_trait]
pub trait Intake {
    /// Titles and descriptions of signals with an id above `after`, for the similarity index.
    async fn signal_texts_after(&mut self, tenant: TenantId, after: i64, limit: i64) -> StoreResult<Vec<(SignalId, String, String)>>;
    /// Cards for these signals, in the given order.
    async fn similar_cards(&mut self, tenant: TenantId, ids: &[SignalId]) -> StoreResult<Vec<SimilarSignal>>;
    async fn insert_sighting(
        &mut self,
        tenant: TenantId,
        signal: SignalId,
        organisation: Option<OrganisationId>,
        person: Option<PersonId>,
        note: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    async fn sightings(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<Sighting>>;
    async fn districts(&mut self, tenant: TenantId) -> StoreResult<Vec<String>>;
    async fn set_districts(&mut self, tenant: TenantId, districts: &[String]) -> StoreResult<()>;
    /// (text, policy-domain code) of the tenant's screened signals.
    async fn training_examples(&mut self, tenant: TenantId) -> StoreResult<Vec<(String, String)>>;
    async fn count_training_examples(&mut self, tenant: TenantId) -> StoreResult<i64>;
}

/// Following up one's own signals, and citizens' reports.
#[async_trait]
pub trait Follow {
    /// The signals this person reported in this tenant, oldest first.
    async fn reported_by(&mut self, tenant: TenantId, person: PersonId) -> StoreResult<Vec<SignalSummary>>;
    /// Where to tell the reporter about a change: e-mail and whether they want it.
    async fn reporter_contact(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Option<(String, bool)>>;
    async fn notify_phase_changes(&mut self, person: PersonId) -> StoreResult<bool>;
    async fn set_notify_phase_changes(&mut self, person: PersonId, on: bool) -> StoreResult<()>;
    /// A citizen's report, waiting for its e-mail confirmation.
    async fn insert_citizen_report(
        &mut self,
        tenant: TenantId,
        report: &CitizenReport,
        confirm_hash: &str,
        follow_hash: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// Mark a report confirmed and return it, once: None if unknown, confirmed
    /// before, or made before `made_after` (its link expired).
    async fn confirm_citizen_report(
        &mut self,
        confirm_hash: &str,
        made_after: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> StoreResult<Option<(TenantId, i64, CitizenReport)>>;
    /// Delete reports never confirmed and made before `before`, with their
    /// e-mail address and their mails; how many reports.
    async fn delete_unconfirmed_citizen_reports(&mut self, before: DateTime<Utc>) -> StoreResult<u64>;
    async fn link_citizen_report(&mut self, report: i64, signal: SignalId) -> StoreResult<()>;
    /// The signal a citizen follows with their private link.
    async fn citizen_signal(&mut self, follow_hash: &str) -> StoreResult<Option<(TenantId, Option<SignalId>)>>;
}
