//! Storage of bundles: signals grouped across organisations, with their history.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::*;

/// A change to a bundle's row; `None` leaves a column as it is.
#[derive(Clone, Debug, Default)]
pub struct BundleUpdate<'a> {
    pub text: Option<&'a crate::domain::bundle::BundleText>,
    pub phase: Option<Phase>,
    pub merged_into: Option<BundleId>,
}

#[async_trait]
pub trait Bundles {
    /// Every bundle of the tenant, most recently changed first.
    async fn bundles(&mut self, tenant: TenantId) -> StoreResult<Vec<bundle::BundleSummary>>;
    async fn bundle_details(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Option<bundle::BundleDetails>>;
    /// Hold the bundle's row until this transaction ends (PostgreSQL; SQLite's
    /// writers take turns anyway), so a change reads its signals as they are
    /// after any change already under way.
    async fn lock_bundle(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<()>;
    async fn create_bundle(&mut self, tenant: TenantId, text: &bundle::BundleText, at: DateTime<Utc>) -> StoreResult<BundleId>;
    /// Applies `update` and bumps the version if the bundle is still at
    /// `expected_version` (checked in the SQL); false when someone changed it first.
    async fn update_bundle(
        &mut self,
        tenant: TenantId,
        id: BundleId,
        expected_version: i64,
        update: BundleUpdate<'_>,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    async fn insert_bundle_event(
        &mut self,
        tenant: TenantId,
        bundle: BundleId,
        actor: Option<PersonId>,
        at: DateTime<Utc>,
        event: &bundle::BundleEventDraft,
    ) -> StoreResult<()>;
    /// The history of a bundle, oldest first.
    async fn bundle_history(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Vec<bundle::BundleHistoryEntry>>;
}
