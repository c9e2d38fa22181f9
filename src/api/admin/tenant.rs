//! Organisations, settings, the audit log and the outbox of a tenant.

// Server functions take one argument per form field. server_fn drops lint
// attributes on the browser stub it generates, so allow it here for that build.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::TenantHeader;
use crate::domain::{AuditEntry, Mail, Organisation, Tenant};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationsPage {
    pub tenant: TenantHeader,
    pub organisations: Vec<Organisation>,
}

#[server(endpoint = "beheer-organisaties")]
pub async fn load_organisations(tenant: String) -> Result<OrganisationsPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "beheer-organisaties", &tenant).await?;
        let organisations = state.store.read().await?.organisations(caller.tenant.id).await?;
        Ok(OrganisationsPage { tenant: (&caller.tenant).into(), organisations })
    })
    .await
}

/// Add (without id) or change an organisation.
#[server(endpoint = "organisatie-opslaan")]
pub async fn save_organisation(
    tenant: String,
    id: Option<i64>,
    name: String,
    kind: String,
    processes_own_signals: Option<String>,
    territory_mandate: Option<String>,
    contact_email: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::{NewOrganisation, OrganisationId};
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "organisatie-opslaan", &tenant).await?;
        let org = NewOrganisation {
            name,
            kind,
            processes_own_signals: super::checked(&processes_own_signals),
            territory_mandate: super::checked(&territory_mandate),
            contact_email: contact_email.unwrap_or_default(),
        };
        crate::usecases::admin::save_organisation(state.store.as_ref(), &caller, id.map(OrganisationId), org, Utc::now()).await?;
        Ok(())
    })
    .await
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsPage {
    pub tenant: Tenant,
    pub districts: Vec<String>,
    /// The board's limits as saved, or as typed when they were refused.
    pub board_limits: BoardLimitsForm,
}

/// The board's limits as the form shows them: per limited phase the number
/// (empty: none), the screening deadline, and why they were refused, if so.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardLimitsForm {
    pub columns: Vec<(crate::domain::Phase, String)>,
    pub screening_days: String,
    pub error: Option<String>,
}

impl From<&crate::domain::limits::BoardLimits> for BoardLimitsForm {
    fn from(limits: &crate::domain::limits::BoardLimits) -> Self {
        BoardLimitsForm {
            columns: crate::domain::limits::limited_phases()
                .map(|p| (p, limits.limit(p).map(|n| n.to_string()).unwrap_or_default()))
                .collect(),
            screening_days: limits.screening_days.map(|d| d.to_string()).unwrap_or_default(),
            error: None,
        }
    }
}

#[cfg(feature = "ssr")]
const RETURNED_LIMITS: &str = "board_limits_returned";

#[server(endpoint = "beheer-instellingen")]
pub async fn load_settings(tenant: String) -> Result<SettingsPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "beheer-instellingen", &tenant).await?;
        let mut tx = state.store.read().await?;
        let districts = tx.districts(caller.tenant.id).await?;
        let saved = BoardLimitsForm::from(&tx.board_limits(caller.tenant.id).await?);
        let board_limits = auth::take_flash::<BoardLimitsForm>(RETURNED_LIMITS).await?.unwrap_or(saved);
        Ok(SettingsPage { tenant: caller.tenant, districts, board_limits })
    })
    .await
}

#[server(endpoint = "instellingen-opslaan")]
pub async fn save_settings(
    tenant: String,
    name: String,
    citizen_intake: Option<String>,
    districts: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "instellingen-opslaan", &tenant).await?;
        let citizen_intake = super::checked(&citizen_intake);
        let districts = districts.unwrap_or_default();
        crate::usecases::admin::save_settings(state.store.as_ref(), &caller, &name, citizen_intake, &districts, Utc::now()).await
    })
    .await
}

/// The board's soft limit per column and its screening deadline (days):
/// one field per limited phase, named by its code; empty is none.
#[server(endpoint = "bordlimieten-opslaan")]
#[allow(clippy::too_many_arguments)] // one argument per form field
pub async fn save_board_limits(
    tenant: String,
    submitted: Option<String>,
    in_screening: Option<String>,
    retained: Option<String>,
    bundled: Option<String>,
    analysed: Option<String>,
    scheduled: Option<String>,
    in_action: Option<String>,
    screening_days: Option<String>,
) -> Result<(), AppError> {
    crate::server::answer(async move {
        use crate::domain::Phase;
        use crate::domain::limits::BoardLimits;
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "bordlimieten-opslaan", &tenant).await?;
        let typed = [
            (Phase::Submitted, submitted),
            (Phase::InScreening, in_screening),
            (Phase::Retained, retained),
            (Phase::Bundled, bundled),
            (Phase::Analysed, analysed),
            (Phase::Scheduled, scheduled),
            (Phase::InAction, in_action),
        ]
        .map(|(phase, value)| (phase, value.unwrap_or_default()));
        let screening_days = screening_days.unwrap_or_default();
        let result = match BoardLimits::parse(typed.iter().map(|(p, v)| (*p, v.as_str())), &screening_days) {
            Ok(limits) => crate::usecases::admin::save_board_limits(state.store.as_ref(), &caller, &limits, Utc::now()).await,
            Err(message) => Err(AppError::Invalid(message)),
        };
        // Refused without JavaScript, the page comes back with what was typed.
        if let Err(error) = &result
            && crate::server::is_plain_form_post()
        {
            let returned = BoardLimitsForm { columns: typed.to_vec(), screening_days, error: Some(error.message()) };
            auth::set_flash(RETURNED_LIMITS, &returned).await?;
        }
        result
    })
    .await
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub tenant: TenantHeader,
    pub entries: Vec<AuditEntry>,
}

/// The audit log, newest first, filtered by action, person and dates (dd-mm-jjjj or jjjj-mm-dd).
#[server(endpoint = "auditlog")]
pub async fn load_audit_log(
    tenant: String,
    action: Option<String>,
    person: Option<String>,
    from: Option<String>,
    until: Option<String>,
) -> Result<AuditPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        use crate::storage::AuditFilter;
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "auditlog", &tenant).await?;
        let filter = AuditFilter {
            action: action.unwrap_or_default().trim().to_string(),
            person: person.unwrap_or_default().trim().to_string(),
            // Open ends as dates both databases can hold.
            from: parse_day(from.as_deref(), "vanaf")?.unwrap_or(DateTime::UNIX_EPOCH),
            until: parse_day(until.as_deref(), "tot en met")?
                .map(|d| d + chrono::Duration::days(1))
                .unwrap_or_else(|| Utc::now() + chrono::Duration::days(1)),
            limit: 500,
        };
        let entries = state.store.read().await?.audit_log(caller.tenant.id, &filter).await?;
        Ok(AuditPage { tenant: (&caller.tenant).into(), entries })
    })
    .await
}

/// A day typed as 22-11-2026 or 2026-11-22; empty is no limit.
pub fn parse_day(input: Option<&str>, which: &str) -> Result<Option<DateTime<Utc>>, AppError> {
    let Some(text) = input.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    NaiveDate::parse_from_str(text, "%d-%m-%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .map(|d| Some(d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc()))
        .map_err(|_| AppError::Invalid(format!("Schrijf de datum ‘{which}’ als dag-maand-jaar, bijvoorbeeld 22-11-2026.")))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxPage {
    pub tenant: TenantHeader,
    pub mails: Vec<Mail>,
    pub smtp_configured: bool,
}

#[server(endpoint = "uitgaande-mail")]
pub async fn load_outbox(tenant: String) -> Result<OutboxPage, AppError> {
    crate::server::answer(async move {
        use crate::server::{app_state, auth};
        let state = app_state()?;
        let caller = auth::in_tenant(&state, "uitgaande-mail", &tenant).await?;
        let mails = state.store.read().await?.outbox(caller.tenant.id, 200).await?;
        Ok(OutboxPage { tenant: (&caller.tenant).into(), mails, smtp_configured: state.config.mail.smtp_host.is_some() })
    })
    .await
}
