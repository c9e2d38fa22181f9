//! Campaigns and their action lines: partners' commitments, each line with a
//! lead (trekker) who keeps its progress up to date, a reminder when a line
//! is overdue, and closing a campaign, which closes its signals with an
//! outcome and tells each signaalgever.

use chrono::{DateTime, NaiveDate, Utc};

use super::forum::agenda::move_subject;
use crate::domain::access::{OUTCOME_READERS, PREPARERS};
use crate::domain::forum::ForumRefusal;
use crate::domain::forum::campaign::{Campaign, CampaignStatus, LineForm};
use crate::domain::forum::view::CampaignsView;
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

/// Campaigns for preparers and mandatarissen; for anyone else only the
/// lines they lead ("mijn acties").
pub async fn page(store: &dyn Store, caller: &TenantCaller) -> Result<CampaignsView, AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.read().await?;
    let mine = tx.lines_led_by(tenant, caller.person.id).await?;
    let reads = caller.has_any(OUTCOME_READERS);
    let campaigns = if reads { tx.campaigns(tenant).await? } else { Vec::new() };
    let may_manage = caller.has_any(PREPARERS);
    let (people, organisations) = if may_manage {
        (
            tx.teammates(tenant).await?.into_iter().map(|t| (t.membership.person, t.name)).collect(),
            tx.organisations(tenant).await?.into_iter().map(|o| (o.id, o.name)).collect(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    if !reads && mine.is_empty() {
        return Err(AppError::NoAccess);
    }
    Ok(CampaignsView { campaigns, mine, may_manage, people, organisations })
}

/// Add an action line with its lead.
pub async fn add_line(
    store: &dyn Store,
    caller: &TenantCaller,
    id: CampaignId,
    form: &LineForm,
    now: DateTime<Utc>,
) -> Result<ActionLineId, AppError> {
    let mut tx = store.write().await?;
    let line = add_line_in(&mut *tx, caller, id, form, now).await?;
    tx.commit().await?;
    Ok(line)
}

/// Add a line in an open transaction (the demo data uses this too).
pub async fn add_line_in(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    id: CampaignId,
    form: &LineForm,
    now: DateTime<Utc>,
) -> Result<ActionLineId, AppError> {
    let line = form.check()?;
    let tenant = caller.tenant.id;
    let campaign = managed(tx, caller, id).await?;
    if campaign.status == CampaignStatus::Afgerond {
        return Err(ForumRefusal::CampaignClosed.into());
    }
    lead_is_member(tx, tenant, line.lead).await?;
    let line_id = tx.insert_line(tenant, id, &line).await?;
    tx.audit(&audit(caller, "actielijn-toegevoegd", id, line.title.clone()), now).await?;
    Ok(line_id)
}

/// Update a line: preparers change anything; its lead reports status and progress.
pub async fn update_line(
    store: &dyn Store,
    caller: &TenantCaller,
    line: ActionLineId,
    version: i64,
    form: &LineForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let id = tx.line_campaign(tenant, line).await?.ok_or(AppError::NotFound)?;
    let campaign = tx.campaign(tenant, id).await?.ok_or(AppError::NotFound)?;
    let current = campaign.lines.iter().find(|l| l.id == line).ok_or(AppError::NotFound)?.clone();
    let manages = caller.has_any(PREPARERS);
    let leads = current.lead == Some(caller.person.id);
    if !manages && !leads {
        return Err(if caller.has_any(OUTCOME_READERS) { AppError::NoAccess } else { AppError::NotFound });
    }
    if campaign.status == CampaignStatus::Afgerond {
        return Err(ForumRefusal::CampaignClosed.into());
    }
    // What a form leaves out stays as it is.
    let mut form = form.clone();
    if form.title.trim().is_empty() {
        form.title = current.title.clone();
    }
    if form.lead.is_none() {
        form.lead = current.lead;
    }
    if form.weight.trim().is_empty() {
        form.weight = current.weight.to_string();
    }
    if form.status.trim().is_empty() {
        form.status = current.status.code().to_string();
    }
    let mut checked = form.check()?;
    if !manages {
        // A lead reports on their line; what it is and who leads it stay.
        checked.title = current.title.clone();
        checked.lead = caller.person.id;
        checked.due_on = current.due_on;
        checked.weight = current.weight;
    }
    lead_is_member(&mut *tx, tenant, checked.lead).await?;
    if !tx.update_line(tenant, line, version, &checked).await? {
        return Err(AppError::Stale);
    }
    tx.audit(&audit(caller, "actielijn-bijgewerkt", id, format!("{}: {}%", line, checked.progress)), now).await?;
    tx.commit().await?;
    Ok(())
}

/// An organisation joins (or changes what it engages to do).
pub async fn set_actor(
    store: &dyn Store,
    caller: &TenantCaller,
    id: CampaignId,
    organisation: OrganisationId,
    engagement: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let engagement = crate::domain::forum::short_text(engagement, "Het engagement", 2000)?;
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    managed(&mut *tx, caller, id).await?;
    if !tx.organisations(tenant).await?.iter().any(|o| o.id == organisation) {
        return Err(AppError::NotFound);
    }
    crate::domain::forum::guard(&[&engagement], false)?;
    tx.set_actor(tenant, id, organisation, &engagement).await?;
    tx.audit(&audit(caller, "campagne-actor", id, organisation.to_string()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// End a campaign: its signals in In actie go to Afgerond with this outcome,
/// and each signaalgever is told (Mijn signalen and by mail).
#[allow(clippy::too_many_arguments)]
pub async fn close(
    store: &dyn Store,
    caller: &TenantCaller,
    id: CampaignId,
    version: i64,
    outcome: Option<Outcome>,
    message: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    close_in(&mut *tx, caller, id, version, outcome, message, Some(public_url), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Close a campaign in an open transaction (the demo data uses this too).
#[allow(clippy::too_many_arguments)]
pub async fn close_in(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    id: CampaignId,
    version: i64,
    outcome: Option<Outcome>,
    message: &str,
    tell: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let outcome = outcome.ok_or(ForumRefusal::OutcomeRequired)?;
    if message.trim().is_empty() {
        return Err(ForumRefusal::MessageRequired.into());
    }
    crate::domain::forum::guard(&[message], false)?;
    let tenant = caller.tenant.id;
    let campaign = managed(tx, caller, id).await?;
    if !tx.close_campaign(tenant, id, version, outcome, now).await? {
        return Err(if campaign.status == CampaignStatus::Afgerond { ForumRefusal::CampaignClosed.into() } else { AppError::Stale });
    }
    for subject in tx.campaign_subjects(tenant, id).await? {
        let in_action = super::forum::agenda::subject_signals(tx, tenant, subject).await?.iter().any(|s| s.phase == Phase::InAction);
        if in_action {
            let details = MoveDetails { outcome: Some(outcome), message: message.trim().to_string(), ..Default::default() };
            move_subject(tx, caller, subject, Phase::Closed, details, tell, now).await?;
        }
    }
    tx.audit(&audit(caller, "campagne-afgerond", id, outcome.code().to_string()), now).await?;
    Ok(())
}

/// Mail each lead once about each open line past its due date. Run daily by
/// the server with the other reminders; how many mails were queued.
pub async fn remind_overdue_leads(store: &dyn Store, public_url: &str, now: DateTime<Utc>) -> Result<usize, AppError> {
    let today: NaiveDate = crate::domain::brussels::local(now).date();
    let mut tx = store.write().await?;
    let overdue = tx.overdue_lines(today).await?;
    let mut slugs = std::collections::HashMap::new();
    for tenant in tx.tenants().await? {
        slugs.insert(tenant.id, tenant.slug);
    }
    for line in &overdue {
        let slug = slugs.get(&line.tenant).cloned().unwrap_or_default();
        let body = format!(
            "Dag,\n\nDe actielijn ‘{}’ van de campagne ‘{}’ had klaar moeten zijn op {}.\n\
             Zet de voortgang of een nieuwe datum op {}/{slug}/campagnes.\n\nSeinhuis\n",
            line.title,
            line.campaign,
            line.due_on.format("%d-%m-%Y"),
            public_url.trim_end_matches('/'),
        );
        tx.queue_mail(Some(line.tenant), &line.lead_email, &format!("Actielijn over tijd: {}", line.title), &body, now).await?;
        tx.mark_line_reminded(line.line, now).await?;
    }
    tx.commit().await?;
    Ok(overdue.len())
}

/// A campaign the caller manages (a preparer of this tenant).
async fn managed(tx: &mut dyn Tx, caller: &TenantCaller, id: CampaignId) -> Result<Campaign, AppError> {
    let campaign = tx.campaign(caller.tenant.id, id).await?.ok_or(AppError::NotFound)?;
    if !caller.has_any(PREPARERS) {
        return Err(if caller.has_any(OUTCOME_READERS) { AppError::NoAccess } else { AppError::NotFound });
    }
    Ok(campaign)
}

async fn lead_is_member(tx: &mut dyn Tx, tenant: TenantId, lead: PersonId) -> Result<(), AppError> {
    if tx.teammates(tenant).await?.iter().any(|t| t.membership.person == lead) {
        Ok(())
    } else {
        Err(AppError::Invalid("Kies een trekker uit de lijst van mensen met een account.".into()))
    }
}

fn audit(caller: &TenantCaller, action: &'static str, id: CampaignId, detail: String) -> NewAudit {
    NewAudit {
        tenant: Some(caller.tenant.id),
        person: Some(caller.person.id),
        action,
        object_type: "campagne",
        object_id: id.to_string(),
        detail,
        ip: caller.ip.clone(),
    }
}
