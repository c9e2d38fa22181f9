//! Citizens' reports: the public form, the e-mail confirmation that makes a
//! report count, and the private link to follow it.

use chrono::{DateTime, Duration, Utc};

use crate::domain::intake::WHOLE_MUNICIPALITY;
use crate::domain::*;
use crate::error::AppError;
use crate::server::passwords::{LinkKind, link_url, placeholder, start_link, token_hash};
use crate::storage::Store;

/// The tenant, if it takes citizens' reports; otherwise the form is not there.
pub async fn open_tenant(store: &dyn Store, slug: &str) -> Result<(Tenant, Vec<String>), AppError> {
    let mut tx = store.read().await?;
    let tenant = tx.tenant_by_slug(slug).await?.filter(|t| t.citizen_intake).ok_or(AppError::NotFound)?;
    let districts = tx.districts(tenant.id).await?;
    Ok((tenant, districts))
}

/// Keep the report aside and mail the link that confirms it; the link works
/// `confirm_hours` hours.
pub async fn report(
    store: &dyn Store,
    slug: &str,
    report: &CitizenReport,
    public_url: &str,
    confirm_hours: i64,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let hours = confirm_hours;
    let (tenant, districts) = open_tenant(store, slug).await?;
    let errors = report.check(&districts);
    if !errors.is_empty() {
        return Err(AppError::Form(errors));
    }
    let email = parse_email(&report.email).map_err(AppError::Invalid)?;
    let report = CitizenReport {
        email: email.clone(),
        title: report.title.trim().into(),
        description: report.description.trim().into(),
        ..report.clone()
    };
    let mut tx = store.write().await?;
    let unknown = super::invitations::unknown_token_hash;
    let id = tx.insert_citizen_report(tenant.id, &report, &unknown(), &unknown(), now).await?;
    start_link(&mut *tx, LinkKind::CitizenConfirm, id).await?;
    let link = |kind| link_url(public_url, kind, &tenant.slug, &placeholder(kind, id));
    let body = format!(
        "Dag,\n\nBedankt voor je melding ‘{}’ bij {}.\n\n\
         Bevestig ze binnen {hours} uur met deze link; pas dan komt ze bij de signaalverwerkers terecht:\n\
         {}\n\n\
         Daarna volg je je melding met deze persoonlijke link (bewaar deze mail):\n\
         {}\n\n\
         Heb je niets gemeld? Dan mag je deze mail negeren: zonder bevestiging wissen we je melding en je e-mailadres.\n\nSeinhuis\n",
        report.title,
        tenant.name,
        link(LinkKind::CitizenConfirm),
        link(LinkKind::CitizenFollow),
    );
    let links = [(LinkKind::CitizenConfirm, id), (LinkKind::CitizenFollow, id)];
    tx.queue_mail_with_links(Some(tenant.id), &email, "Bevestig je melding", &body, &links, now).await?;
    let entry = NewAudit {
        tenant: Some(tenant.id),
        person: None,
        action: "burgermelding-ontvangen",
        object_type: "burgermelding",
        object_id: id.to_string(),
        detail: String::new(),
        ip: ip.into(),
    };
    tx.audit(&entry, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Confirm a report with the link from its mail, within `confirm_hours` of
/// sending it: it becomes a signal, Ingediend. Returns the tenant's slug and
/// the new signal.
pub async fn confirm(
    store: &dyn Store,
    token: &str,
    confirm_hours: i64,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<(String, SignalId), AppError> {
    let mut tx = store.write().await?;
    let expired = || {
        AppError::Invalid(
            "Deze link werkt niet (meer). Werd je melding al bevestigd? Dan volg je ze met de andere link uit de mail. \
             Een melding die niet op tijd bevestigd werd, is gewist: stuur ze dan opnieuw."
                .into(),
        )
    };
    let made_after = now - Duration::hours(confirm_hours);
    let (tenant_id, report_id, report) = tx.confirm_citizen_report(&token_hash(token), made_after, now).await?.ok_or_else(expired)?;
    let tenant = tx.tenants().await?.into_iter().find(|t| t.id == tenant_id).ok_or(AppError::NotFound)?;
    let signal = NewSignal {
        title: report.title,
        description: report.description,
        area: if report.area.is_empty() { WHOLE_MUNICIPALITY.into() } else { report.area },
        may_contact: true,
        source: Source::Citizen,
        ..NewSignal::default()
    };
    let id = super::signals::submit(&mut *tx, tenant.id, &signal, now).await?;
    tx.link_citizen_report(report_id, id).await?;
    let entry = NewAudit {
        tenant: Some(tenant.id),
        person: None,
        action: "burgermelding-bevestigd",
        object_type: "signaal",
        object_id: id.to_string(),
        detail: String::new(),
        ip: ip.into(),
    };
    tx.audit(&entry, now).await?;
    tx.commit().await?;
    Ok((tenant.slug, id))
}

pub async fn follow(store: &dyn Store, token: &str) -> Result<CitizenFollow, AppError> {
    let mut tx = store.read().await?;
    let (tenant_id, signal) = tx.citizen_signal(&token_hash(token)).await?.ok_or(AppError::NotFound)?;
    let tenant = tx.tenants().await?.into_iter().find(|t| t.id == tenant_id).ok_or(AppError::NotFound)?;
    let signal = match signal {
        Some(id) => {
            let summary = tx.signal_summary(tenant.id, id).await?.ok_or(AppError::NotFound)?;
            let timeline = super::follow::public_timeline(tx.history(tenant.id, id).await?);
            Some((summary, timeline))
        }
        None => None,
    };
    Ok(CitizenFollow { tenant: tenant.name, signal })
}

/// Delete the reports nobody confirmed within `confirm_hours`, with their
/// e-mail address and their confirmation mail; how many.
pub async fn forget_unconfirmed(store: &dyn Store, confirm_hours: i64, now: DateTime<Utc>) -> Result<u64, AppError> {
    let mut tx = store.write().await?;
    let deleted = tx.delete_unconfirmed_citizen_reports(now - Duration::hours(confirm_hours)).await?;
    tx.commit().await?;
    Ok(deleted)
}
