//! The public page per municipality or zone, open to anyone: its own text,
//! how to report, the published signalenbundels, the agreements and the
//! signals followed up, each through a public summary the
//! hoofdsignaalverwerker wrote (never the raw signal text), and a few
//! figures with small numbers hidden.

use chrono::{DateTime, Utc};

use crate::domain::reports::publication::{PublicEditor, PublicEntry, PublicPage, PublicationStatus, SUMMARY_MAX};
use crate::domain::reports::tally::kind;
use crate::domain::reports::{Cell, Period, PeriodChoice};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{PublicItem, PublicKind, Store};

fn entry(item: PublicItem) -> PublicEntry {
    PublicEntry { id: item.id, title: item.title, summary: item.summary, context: item.context }
}

/// The page for a visitor; `None` tenant is not found.
pub async fn page(store: &dyn Store, slug: &str, now: DateTime<Utc>) -> Result<PublicPage, AppError> {
    let mut tx = store.read().await?;
    let tenant = tx.tenant_by_slug(slug).await?.ok_or(AppError::NotFound)?;
    let text = tx.public_text(tenant.id).await?;
    let publications = tx
        .publications(tenant.id)
        .await?
        .into_iter()
        .filter(|p| p.status == PublicationStatus::Published)
        .map(|p| super::publications::summary(&p))
        .collect();
    let mut agreements: Vec<PublicEntry> = tx.public_items(tenant.id, PublicKind::Campaign, true).await?.into_iter().map(entry).collect();
    agreements.extend(tx.public_items(tenant.id, PublicKind::Decision, true).await?.into_iter().map(entry));
    // A signal's own title is the reporter's text: the public reads only the summary.
    let followed = tx
        .public_items(tenant.id, PublicKind::Signal, true)
        .await?
        .into_iter()
        .map(|item| PublicEntry { title: "Opgevolgd signaal".to_string(), ..entry(item) })
        .collect();
    let today = brussels::local(now).date();
    let year = Period::of(PeriodChoice::Year, today, None, None).map_err(AppError::Invalid)?;
    let (tallies, _) = super::tallies::read(tx.as_mut(), tenant.id, None, year, today, 0).await?;
    let received = tallies.count(kind::RECEIVED, "");
    let arrived = |phase: Phase| tallies.count(kind::ARRIVED, phase.code());
    let figures = vec![
        (format!("Signalen ontvangen in {}", year.from.format("%Y")), Cell::protected(received)),
        ("Op de agenda van een overleg".to_string(), Cell::protected(arrived(Phase::Scheduled))),
        ("Uitgewerkt in een actieplan".to_string(), Cell::protected(arrived(Phase::InAction))),
        ("Afgerond".to_string(), Cell::protected(arrived(Phase::Closed))),
    ];
    Ok(PublicPage {
        tenant: tenant.name,
        slug: tenant.slug,
        text,
        citizen_intake: tenant.citizen_intake,
        publications,
        agreements,
        followed,
        figures,
    })
}

fn coordinator(caller: &TenantCaller) -> Result<(), AppError> {
    if caller.membership.has(Role::Hoofdsignaalverwerker) { Ok(()) } else { Err(AppError::NoAccess) }
}

/// Everything that may get a public summary, for the hoofdsignaalverwerker.
pub async fn editor(store: &dyn Store, caller: &TenantCaller) -> Result<PublicEditor, AppError> {
    coordinator(caller)?;
    let mut tx = store.read().await?;
    let tenant = caller.tenant.id;
    Ok(PublicEditor {
        text: tx.public_text(tenant).await?,
        campaigns: tx.public_items(tenant, PublicKind::Campaign, false).await?.into_iter().map(entry).collect(),
        decisions: tx.public_items(tenant, PublicKind::Decision, false).await?.into_iter().map(entry).collect(),
        signals: tx.public_items(tenant, PublicKind::Signal, false).await?.into_iter().map(entry).collect(),
    })
}

/// Checks text meant for the public: no personal data, ever (no override).
fn public_text(text: &str, max: usize) -> Result<String, AppError> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(AppError::Invalid(format!("Deze tekst is te lang (maximaal {max} tekens).")));
    }
    if let Some(found) = privacy::scan(text).into_iter().next() {
        return Err(AppError::Invalid(format!(
            "Deze tekst komt op de publieke pagina, maar bevat wat op persoonsgegevens lijkt: ‘{}’. Haal het weg.",
            found.text
        )));
    }
    Ok(text.to_string())
}

pub async fn save_text(store: &dyn Store, caller: &TenantCaller, text: &str) -> Result<(), AppError> {
    coordinator(caller)?;
    let text = public_text(text, 10_000)?;
    let mut tx = store.write().await?;
    tx.set_public_text(caller.tenant.id, &text).await?;
    tx.commit().await?;
    Ok(())
}

/// Writes (or with an empty text withdraws) a public summary. Only what
/// may get one: a campaign, a decided agenda item, a signal from Geagendeerd on.
pub async fn save_summary(store: &dyn Store, caller: &TenantCaller, kind: PublicKind, id: i64, summary: &str) -> Result<(), AppError> {
    coordinator(caller)?;
    let summary = public_text(summary, SUMMARY_MAX)?;
    let mut tx = store.write().await?;
    let tenant = caller.tenant.id;
    if !tx.public_items(tenant, kind, false).await?.iter().any(|i| i.id == id) {
        return Err(AppError::NotFound);
    }
    tx.set_public_summary(tenant, kind, id, &summary).await?;
    tx.commit().await?;
    Ok(())
}
