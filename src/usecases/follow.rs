//! Following up one's own signals: the public timeline, adding information
//! before screening, withdrawing, and the mail on each phase change.

use chrono::{DateTime, Utc};

use crate::domain::lifecycle::transition;
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

/// Longest addition to a signal.
const MAX_ADDITION_CHARS: usize = 2000;

/// The timeline as the reporter sees it (domain::visibility): processors as
/// "de signaalverwerker", no internal notes, no names of others.
pub fn public_timeline(history: Vec<HistoryEntry>) -> Vec<HistoryEntry> {
    Visibility::for_reader(Reader::Reporter).history(history)
}

/// Information may be added while nobody has finished screening the signal.
fn open_for_information(phase: Phase) -> bool {
    matches!(phase, Phase::Submitted | Phase::InScreening)
}

/// The caller's own signals in this tenant, newest first.
pub async fn my_signals(store: &dyn Store, caller: &TenantCaller) -> Result<Vec<FollowedSignal>, AppError> {
    let mut tx = store.read().await?;
    let mut signals = tx.reported_by(caller.tenant.id, caller.person.id).await?;
    signals.reverse();
    let mut followed = Vec::with_capacity(signals.len());
    for signal in signals {
        let timeline = public_timeline(tx.history(caller.tenant.id, signal.id).await?);
        let reporter = Visibility::for_reader(Reader::Reporter);
        let questions = tx.questions(caller.tenant.id, signal.id).await?.into_iter().map(|q| reporter.question(q)).collect();
        followed.push(FollowedSignal {
            questions,
            may_add_information: open_for_information(signal.phase),
            may_withdraw: signal.phase == Phase::Submitted,
            timeline,
            signal,
        });
    }
    Ok(followed)
}

/// The reporter's own signal, or not found (never someone else's).
async fn own_signal(tx: &mut dyn Tx, caller: &TenantCaller, signal: SignalId) -> Result<SignalSummary, AppError> {
    let summary = tx.signal_summary(caller.tenant.id, signal).await?.ok_or(AppError::NotFound)?;
    if summary.scope.reporter != Some(caller.person.id) {
        return Err(AppError::NotFound);
    }
    Ok(summary)
}

/// Add information to one's own signal before it is screened.
pub async fn add_information(
    store: &dyn Store,
    caller: &TenantCaller,
    signal: SignalId,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::Invalid("Schrijf wat je wil toevoegen.".into()));
    }
    if text.chars().count() > MAX_ADDITION_CHARS {
        return Err(AppError::Invalid(format!("Je aanvulling mag hoogstens {MAX_ADDITION_CHARS} tekens hebben.")));
    }
    if let Some(found) = privacy::scan(text).first() {
        return Err(AppError::Invalid(format!(
            "‘{}’ lijkt een {}. {} Je aanvulling is nog niet bewaard.",
            found.text,
            found.kind.label(),
            found.kind.advice()
        )));
    }
    let mut tx = store.write().await?;
    let summary = own_signal(&mut *tx, caller, signal).await?;
    if !open_for_information(summary.phase) {
        return Err(AppError::Invalid(
            "Dit signaal is al gescreend. Neem contact op met je signaalverwerker om nog iets toe te voegen.".into(),
        ));
    }
    let event = EventDraft::note(EventKind::InformationAdded, Some(text.to_string()), None);
    tx.insert_event(caller.tenant.id, signal, Some(caller.person.id), now, &event).await?;
    tx.audit(&audit(caller, "signaal-aangevuld", signal, String::new()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraw one's own signal while it is still Ingediend.
pub async fn withdraw(store: &dyn Store, caller: &TenantCaller, signal: SignalId, now: DateTime<Utc>) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    let summary = own_signal(&mut *tx, caller, signal).await?;
    let actor = Actor { person: caller.person.id, role: Role::Signaalgever };
    let t = transition(&summary.state(), &Change::Withdraw, &actor)?;
    super::signals::record(&mut *tx, caller.tenant.id, actor.person, &t, summary.version, now).await?;
    tx.audit(&audit(caller, "signaal-ingetrokken", signal, String::new()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Switch the mail on phase changes on or off.
pub async fn set_notifications(store: &dyn Store, caller: &TenantCaller, on: bool, now: DateTime<Utc>) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    tx.set_notify_phase_changes(caller.person.id, on).await?;
    let detail = if on { "mail bij fasewijziging aan" } else { "mail bij fasewijziging uit" };
    tx.audit(&audit(caller, "meldingen-gewijzigd", SignalId(0), detail.into()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Tell the reporter their signal changed phase (unless they moved it
/// themselves or switched these mails off). Queued in the same transaction.
pub async fn tell_reporter(
    tx: &mut dyn Tx,
    tenant: &Tenant,
    t: &Transition,
    actor: PersonId,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(to) = t.event.to else { return Ok(()) };
    let Some(signal) = tx.signal_summary(tenant.id, t.signal).await? else { return Ok(()) };
    if signal.scope.reporter == Some(actor) {
        return Ok(());
    }
    let Some((email, wanted)) = tx.reporter_contact(tenant.id, t.signal).await? else { return Ok(()) };
    if !wanted {
        return Ok(());
    }
    let mut body =
        format!("Dag,\n\nJe signaal ‘{}’ (nummer {}) bij {} staat nu in de fase ‘{}’.\n", signal.title, signal.id, tenant.name, to.label());
    if let Some(message) = &t.event.message {
        body.push_str(&format!("\nBericht van de signaalverwerker:\n{message}\n"));
    }
    match signal.source {
        Source::Worker => body.push_str(&format!(
            "\nVolg je signalen op {public_url}/{}/mijn-signalen.\n\
             Wil je deze mails niet meer? Zet ze daar uit.\n",
            tenant.slug
        )),
        Source::Citizen => body.push_str("\nVolg je melding met de link uit de mail waarmee je ze bevestigde.\n"),
    }
    body.push_str("\nSeinhuis\n");
    let subject = format!("Je signaal ‘{}’: {}", signal.title, to.label());
    tx.queue_mail(Some(tenant.id), &email, &subject, &body, now).await?;
    Ok(())
}

fn audit(caller: &TenantCaller, action: &'static str, signal: SignalId, detail: String) -> NewAudit {
    NewAudit {
        tenant: Some(caller.tenant.id),
        person: Some(caller.person.id),
        action,
        object_type: "signaal",
        object_id: signal.to_string(),
        detail,
        ip: caller.ip.clone(),
    }
}
