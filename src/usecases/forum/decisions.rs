//! Minutes and decisions per agenda item, carried back to the signals: no
//! further action closes them with an outcome, more analysis sends them back
//! to Geanalyseerd, a campaign starts and puts them In actie.

use chrono::{DateTime, Utc};

use super::agenda::{item_of, move_subject, subject_signals};
use crate::domain::forum::ForumRefusal;
use crate::domain::forum::agenda::{AgendaItem, AgendaSubject, Decision, MinutesForm};
use crate::domain::forum::campaign::CampaignForm;
use crate::domain::forum::meeting::{Meeting, MeetingStatus};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

/// Record the minutes of an item (based on its version). A decision taken
/// for the first time is carried out at once; the campaign it starts, if any.
#[allow(clippy::too_many_arguments)]
pub async fn record(
    store: &dyn Store,
    caller: &TenantCaller,
    item: AgendaItemId,
    version: i64,
    form: &MinutesForm,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Option<CampaignId>, AppError> {
    let mut tx = store.write().await?;
    let campaign = record_in(&mut *tx, caller, item, version, form, Some(public_url), now).await?;
    tx.commit().await?;
    Ok(campaign)
}

/// Record minutes in an open transaction (the demo data uses this too).
#[allow(clippy::too_many_arguments)]
pub async fn record_in(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    item: AgendaItemId,
    version: i64,
    form: &MinutesForm,
    tell: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<CampaignId>, AppError> {
    let minutes = form.check()?;
    let tenant = caller.tenant.id;
    let (meeting_id, agenda_item) = item_of(tx, caller, item).await?;
    let meeting = tx.meeting(tenant, meeting_id).await?.ok_or(AppError::NotFound)?;
    if meeting.status == MeetingStatus::Geannuleerd {
        return Err(ForumRefusal::MeetingCancelled.into());
    }
    if agenda_item.version != version {
        return Err(ForumRefusal::Stale.into());
    }
    let earlier = agenda_item.minutes.decision;
    if earlier.is_some() && minutes.decision != earlier {
        return Err(ForumRefusal::AlreadyDecided.into());
    }
    if !tx.record_minutes(tenant, item, version, &minutes, now).await? {
        return Err(ForumRefusal::Stale.into());
    }
    let mut campaign = None;
    if let (None, Some(decision)) = (earlier, minutes.decision) {
        let message = form.message.trim();
        campaign = carry_out(tx, caller, &meeting, &agenda_item, decision, &minutes.problem_definition, message, tell, now).await?;
    }
    let audit = NewAudit {
        tenant: Some(tenant),
        person: Some(caller.person.id),
        action: "verslag-opgeslagen",
        object_type: "agendapunt",
        object_id: item.to_string(),
        detail: minutes.decision.map(Decision::stored).unwrap_or_default(),
        ip: caller.ip.clone(),
    };
    tx.audit(&audit, now).await?;
    Ok(campaign)
}

#[allow(clippy::too_many_arguments)]
async fn carry_out(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    meeting: &Meeting,
    item: &AgendaItem,
    decision: Decision,
    agreed_problem: &str,
    message: &str,
    tell: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<CampaignId>, AppError> {
    let tenant = caller.tenant.id;
    // Only signals this meeting scheduled move; items for information keep their phase.
    let scheduled = !item.for_information && subject_signals(tx, tenant, item.subject).await?.iter().any(|s| s.phase == Phase::Scheduled);
    match decision {
        Decision::NoFurtherAction(outcome) => {
            if scheduled {
                let details = MoveDetails { outcome: Some(outcome), message: message.to_string(), ..Default::default() };
                move_subject(tx, caller, item.subject, Phase::Closed, details, tell, now).await?;
            }
            Ok(None)
        }
        Decision::MoreAnalysis => {
            if scheduled {
                let details = MoveDetails { note: format!("Besluit van {}: verder analyseren", meeting.name()), ..Default::default() };
                move_subject(tx, caller, item.subject, Phase::Analysed, details, tell, now).await?;
            }
            Ok(None)
        }
        Decision::Campaign => {
            let text = prefill(tx, tenant, item, agreed_problem).await?;
            let subjects: Vec<AgendaSubject> = match item.subject {
                AgendaSubject::Bottleneck(_) => Vec::new(),
                subject => vec![subject],
            };
            let id = tx.insert_campaign(tenant, &text, Some(item.id), &subjects, now).await?;
            if scheduled {
                move_subject(
                    tx,
                    caller,
                    item.subject,
                    Phase::InAction,
                    MoveDetails { campaign: Some(id), ..Default::default() },
                    tell,
                    now,
                )
                .await?;
            }
            Ok(Some(id))
        }
    }
}

/// A campaign's texts, prefilled from the item's bundle (problem definition
/// and analysis), or the problem definition the table agreed on.
async fn prefill(tx: &mut dyn Tx, tenant: TenantId, item: &AgendaItem, agreed_problem: &str) -> Result<CampaignForm, AppError> {
    let (problem, analysis) = match item.subject {
        AgendaSubject::Bundle(b) => match tx.bundle_details(tenant, b).await? {
            Some(bundle) => (bundle.problem, bundle.analysis),
            None => (String::new(), String::new()),
        },
        _ => (String::new(), String::new()),
    };
    let problem = if agreed_problem.trim().is_empty() { problem } else { agreed_problem.trim().to_string() };
    Ok(CampaignForm {
        title: item.title.chars().take(crate::domain::forum::campaign::MAX_TITLE_CHARS).collect(),
        problem,
        analysis,
        confirmed: true,
    })
}
