//! Storage of campaigns, their actors and action lines (`domain::forum::campaign`).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreResult;
use crate::domain::forum::agenda::AgendaSubject;
use crate::domain::forum::campaign::{ActionLine, Campaign, CampaignForm, CheckedLine};
use crate::domain::{ActionLineId, AgendaItemId, CampaignId, OrganisationId, Outcome, PersonId, SignalScope, TenantId};

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
pub trait Campaigns {
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
    async fn lines_led_by(&mut self, tenant: TenantId, person: PersonId) -> StoreResult<Vec<(CampaignId, String, ActionLine)>>;
    /// Open lines of running campaigns past their due date, not reminded yet (any tenant).
    async fn overdue_lines(&mut self, today: NaiveDate) -> StoreResult<Vec<OverdueLine>>;
    async fn mark_line_reminded(&mut self, line: ActionLineId, at: DateTime<Utc>) -> StoreResult<()>;
}
