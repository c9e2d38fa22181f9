//! Storage of policy bottlenecks and campaigns (`domain::forum::bottleneck`,
//! `domain::forum::campaign`).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreResult;
use crate::domain::forum::agenda::AgendaSubject;
use crate::domain::forum::bottleneck::{Bottleneck, CheckedBottleneck};
use crate::domain::forum::campaign::{Campaign, CampaignForm, CheckedLine};
use crate::domain::{
    ActionLineId, AgendaItemId, BottleneckId, CampaignId, OrganisationId, Outcome, PersonId, PolicyDomainId, SignalScope, SignalSummary,
    TenantId,
};

/// An overdue action line whose lead has not been reminded yet.
#[derive(Clone, Debug)]
pub struct OverdueLine {
    pub tenant: TenantId,
    pub line: ActionLineId,
    pub title: String,
    pub campaign: String,
    pub due_on: NaiveDate,
    pub lead_email: String,
}

#[async_trait]
pub trait Policy {
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

    async fn insert_campaign(
        &mut self,
        tenant: TenantId,
        text: &CampaignForm,
        from_item: Option<AgendaItemId>,
        subjects: &[AgendaSubject],
        at: DateTime<Utc>,
    ) -> StoreResult<CampaignId>;
    /// The tenant's campaigns, running first, with their actors and lines.
    async fn campaigns(&mut self, tenant: TenantId) -> StoreResult<Vec<Campaign>>;
    async fn campaign(&mut self, tenant: TenantId, id: CampaignId) -> StoreResult<Option<Campaign>>;
    async fn campaign_subjects(&mut self, tenant: TenantId, id: CampaignId) -> StoreResult<Vec<AgendaSubject>>;
    /// The scopes of the signals a campaign carries (who may read it).
    async fn campaign_scopes(&mut self, tenant: TenantId, id: CampaignId) -> StoreResult<Vec<SignalScope>>;
    /// Campaigns carrying this bundle or signal (a signal through its bundle too), by title and status.
    async fn campaigns_of(&mut self, tenant: TenantId, subject: AgendaSubject) -> StoreResult<Vec<(CampaignId, String, String)>>;
    async fn close_campaign(
        &mut self,
        tenant: TenantId,
        id: CampaignId,
        expected_version: i64,
        outcome: Outcome,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    async fn set_actor(&mut self, tenant: TenantId, id: CampaignId, organisation: OrganisationId, engagement: &str) -> StoreResult<()>;
    async fn insert_line(&mut self, tenant: TenantId, id: CampaignId, line: &CheckedLine) -> StoreResult<ActionLineId>;
    async fn update_line(&mut self, tenant: TenantId, line: ActionLineId, expected_version: i64, update: &CheckedLine)
    -> StoreResult<bool>;
    /// The campaign an action line belongs to.
    async fn line_campaign(&mut self, tenant: TenantId, line: ActionLineId) -> StoreResult<Option<CampaignId>>;
    /// Lines of running campaigns led by this person, with their campaign.
    async fn lines_led_by(
        &mut self,
        tenant: TenantId,
        person: PersonId,
    ) -> StoreResult<Vec<(CampaignId, String, crate::domain::forum::campaign::ActionLine)>>;
    /// Open lines of running campaigns past their due date, not reminded yet (any tenant).
    async fn overdue_lines(&mut self, today: NaiveDate) -> StoreResult<Vec<OverdueLine>>;
    async fn mark_line_reminded(&mut self, line: ActionLineId, at: DateTime<Utc>) -> StoreResult<()>;
}
