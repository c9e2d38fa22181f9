//! Removing personal data that slipped into a signal's texts.

use chrono::{DateTime, Utc};

use crate::domain::redaction;
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::Store;
use crate::text::similarity::SimilarityIndex;

/// Replace `passage` by "[verwijderd]" wherever it stands in the signal's
/// texts, and record who did it and when (never what). Only the
/// hoofdsignaalverwerker; how many texts changed.
pub async fn redact(
    store: &dyn Store,
    index: &SimilarityIndex,
    caller: &TenantCaller,
    signal: SignalId,
    passage: &str,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    if !caller.membership.has(Role::Hoofdsignaalverwerker) {
        return Err(AppError::NoAccess);
    }
    let passage = redaction::passage(passage).map_err(AppError::Invalid)?;
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    tx.signal_summary(tenant, signal).await?.ok_or(AppError::NotFound)?;
    let changed = tx.redact(tenant, signal, passage, now).await?;
    if changed == 0 {
        return Err(AppError::Invalid(
            "Die passage staat nergens in dit signaal. Kopieer ze letterlijk uit de tekst, met dezelfde hoofdletters.".into(),
        ));
    }
    tx.insert_event(tenant, signal, Some(caller.person.id), now, &EventDraft::note(EventKind::Redacted, None, None)).await?;
    // Search finds the signal by its words as they are now.
    if let Some(details) = tx.signal_details(tenant, signal).await? {
        super::search::index(&mut *tx, tenant, signal, &details.summary.title, &details.description).await?;
    }
    tx.audit(
        &NewAudit {
            tenant: Some(tenant),
            person: Some(caller.person.id),
            action: "persoonsgegevens-verwijderd",
            object_type: "signaal",
            object_id: signal.to_string(),
            detail: format!("{changed} teksten"),
            ip: caller.ip.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    // The similar-signals index still knows the old words: build it anew.
    index.forget(tenant);
    Ok(changed)
}
