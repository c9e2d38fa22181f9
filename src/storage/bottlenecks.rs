//! Storage of policy domains' own texts and policy bottlenecks
//! (`domain::forum::bottleneck`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::forum::agenda::AgendaSubject;
use crate::domain::forum::bottleneck::{Bottleneck, CheckedBottleneck};
use crate::domain::{BottleneckId, PersonId, PolicyDomainId, SignalSummary, TenantId};

#[async_trait]
pub trait Bottlenecks {
    /// Rename a policy domain and name its consultation body.
    async fn update_domain(&mut self, tenant: TenantId, domain: PolicyDomainId, name: &str, body: &str) -> StoreResult<bool>;

    async fn insert_bottleneck(
        &mut self,
        tenant: TenantId,
        bottleneck: &CheckedBottleneck,
        owner: PersonId,
        at: DateTime<Utc>,
    ) -> StoreResult<BottleneckId>;
    async fn update_bottleneck(
        &mut self,
        tenant: TenantId,
        id: BottleneckId,
        expected_version: i64,
        bottleneck: &CheckedBottleneck,
    ) -> StoreResult<bool>;
    /// The tenant's bottlenecks (`editable` is left false: the use case decides).
    async fn bottlenecks(&mut self, tenant: TenantId) -> StoreResult<Vec<Bottleneck>>;
    /// Link a bundle or a signal to a bottleneck; false when it already was.
    async fn link_bottleneck(&mut self, tenant: TenantId, id: BottleneckId, subject: AgendaSubject, at: DateTime<Utc>)
    -> StoreResult<bool>;
    async fn unlink_bottleneck(&mut self, tenant: TenantId, id: BottleneckId, subject: AgendaSubject) -> StoreResult<bool>;
    /// The bottlenecks a bundle or signal is linked to (a signal through its bundle too).
    async fn bottlenecks_of(&mut self, tenant: TenantId, subject: AgendaSubject) -> StoreResult<Vec<BottleneckId>>;
    /// Signals from Weerhouden through In actie linked to no bottleneck,
    /// directly or through their bundle, oldest first.
    async fn signals_without_bottleneck(&mut self, tenant: TenantId) -> StoreResult<Vec<SignalSummary>>;
}
