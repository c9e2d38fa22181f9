//! Intake: similar signals while typing, "ik zie dit ook", and suggestions.

use chrono::{DateTime, Utc};

use crate::domain::intake;
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::Store;
use crate::text::similarity::SimilarityIndex;

/// How many similar signals the form shows.
pub const SHOWN: usize = 5;
/// Below this many meaningful words a text says too little to compare.
const MIN_STEMS: usize = 2;
/// Matches weaker than this are noise.
const MIN_SCORE: f32 = 2.0;

/// Signals read into the index per transaction.
const TOP_UP_BATCH: i64 = 5000;

/// Bring the tenant's index up to date with the database (signals written
/// since, also by other server instances).
pub async fn top_up(store: &dyn Store, index: &SimilarityIndex, tenant: TenantId) -> Result<(), AppError> {
    let tenant_index = index.tenant(tenant);
    loop {
        let after = tenant_index.read().expect("index lock").max_id;
        let batch = store.read_one().await?.signal_texts_after(tenant, after, TOP_UP_BATCH).await?;
        let complete = (batch.len() as i64) < TOP_UP_BATCH;
        if batch.is_empty() {
            return Ok(());
        }
        let mut writable = tenant_index.write().expect("index lock");
        for (id, title, description) in batch {
            // Another request may have added these meanwhile.
            if id.0 > writable.max_id {
                writable.add(id, &title, &description);
            }
        }
        // Up to the end as it was when read: going on until a read finds
        // nothing chased a busy intake (in the soak run, thousands of reads
        // per second, each finding a few signals sent meanwhile).
        if complete {
            return Ok(());
        }
    }
}

/// The signals of the tenant most like `text`, best first; only those
/// `intake::shown_as_similar` allows.
pub async fn similar(store: &dyn Store, index: &SimilarityIndex, tenant: TenantId, text: &str) -> Result<Vec<SimilarSignal>, AppError> {
    if crate::text::stems(text).len() < MIN_STEMS {
        return Ok(Vec::new());
    }
    top_up(store, index, tenant).await?;
    let hits: Vec<SignalId> = {
        let tenant_index = index.tenant(tenant);
        let readable = tenant_index.read().expect("index lock");
        readable.search(text, SHOWN * 3).into_iter().filter(|(_, score)| *score >= MIN_SCORE).map(|(id, _)| id).collect()
    };
    let cards = store.read().await?.similar_cards(tenant, &hits).await?;
    Ok(cards.into_iter().filter(|c| intake::shown_as_similar(c.phase)).take(SHOWN).collect())
}

/// "Ik zie dit ook": the caller's organisation meets this signal too. It
/// counts towards how often the signal recurs instead of becoming a duplicate.
pub async fn record_sighting(
    store: &dyn Store,
    caller: &TenantCaller,
    signal: SignalId,
    note: &str,
    now: DateTime<Utc>,
) -> Result<SimilarSignal, AppError> {
    let note = note.trim();
    if note.chars().count() > 1000 {
        return Err(AppError::Invalid("Je toelichting mag hoogstens 1000 tekens hebben.".into()));
    }
    let flagged: Vec<_> = crate::domain::privacy::scan(note);
    if let Some(f) = flagged.first() {
        return Err(AppError::Invalid(format!("‘{}’ lijkt een {}. {}", f.text, f.kind.label(), f.kind.advice())));
    }
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    // Only a signal the similar-signals list could have shown: any other id
    // tells nothing, not even that it exists.
    let summary = tx.signal_summary(tenant, signal).await?.ok_or(AppError::NotFound)?;
    if !intake::shown_as_similar(summary.phase) {
        return Err(AppError::NotFound);
    }
    tx.insert_sighting(tenant, signal, caller.membership.organisation, Some(caller.person.id), note, now).await?;
    let event = EventDraft::note(EventKind::Sighted, None, (!note.is_empty()).then(|| note.to_string()));
    tx.insert_event(tenant, signal, Some(caller.person.id), now, &event).await?;
    tx.audit(
        &NewAudit {
            tenant: Some(tenant),
            person: Some(caller.person.id),
            action: "signaal-ook-gezien",
            object_type: "signaal",
            object_id: signal.to_string(),
            detail: String::new(),
            ip: caller.ip.clone(),
        },
        now,
    )
    .await?;
    let card = tx.similar_cards(tenant, &[signal]).await?.pop().ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(card)
}

/// Send a signal: checked against the same rules the form checks as you type
/// (limits, required answers, the privacy guard), stored as Ingediend with
/// its first event and an audit entry.
pub async fn submit(
    store: &dyn Store,
    caller: &TenantCaller,
    draft: &intake::SignalDraft,
    now: DateTime<Utc>,
) -> Result<SignalId, AppError> {
    let tenant = caller.tenant.id;
    // Checked before the write transaction: writers take turns, and reading
    // inside one keeps the others waiting. A domain removed meanwhile is
    // refused by the foreign key.
    let (areas, domains) = {
        let mut tx = store.read().await?;
        let areas = tx.districts(tenant).await?;
        let domains: Vec<i64> = tx.policy_domains(tenant).await?.iter().map(|d| d.id.0).collect();
        (areas, domains)
    };
    let errors = draft.check(&areas, &domains);
    if !errors.is_empty() {
        return Err(AppError::Form(errors));
    }
    let mut tx = store.write().await?;
    let text = |s: &str| s.trim().to_string();
    let signal = NewSignal {
        title: text(&draft.title),
        description: text(&draft.description),
        policy_domain: draft.policy_domain.parse().ok().map(PolicyDomainId),
        area: draft.area.clone(),
        frequency: draft.frequency.clone(),
        since: text(&draft.since),
        people_estimate: draft.people_estimate.trim().parse().ok(),
        tried: text(&draft.tried),
        idea: text(&draft.idea),
        may_contact: draft.may_contact == "ja",
        source: Source::Worker,
        reporter: Some(caller.person.id),
        organisation: caller.membership.organisation,
        target_groups: draft.target_groups.clone(),
        life_domains: draft.life_domains.clone(),
    };
    let id = super::signals::submit(&mut *tx, tenant, &signal, now).await?;
    tx.audit(
        &NewAudit {
            tenant: Some(tenant),
            person: Some(caller.person.id),
            action: "signaal-ingediend",
            object_type: "signaal",
            object_id: id.to_string(),
            // Not the title: the audit log is append-only, a redaction could not reach it.
            detail: String::new(),
            ip: caller.ip.clone(),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}
