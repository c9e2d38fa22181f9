//! Working a signal on the board: what its panel shows, comments with
//! mentions, assignment, questions to the reporter and their answers, and
//! links between signals. Each change is an event in the history (so it
//! reaches other boards live) and tells whom it concerns, in Seinhuis and
//! by mail.

use chrono::{DateTime, Utc};

use super::mails::{self, MailText, signal_link};
use super::signals::actor_for;
use crate::domain::access::PROCESSORS;
use crate::domain::board::ProcessedBy;
use crate::domain::workbench::{self as work, Colleague, NotificationKind, SignalEdit, WorkView};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{BoardSelection, Store, Teammate, Tx};

/// The colleagues who may read a signal with this scope, as the team (its
/// processors and its domain's regisseurs, never only as its reporter).
fn readers(teammates: &[Teammate], scope: &SignalScope) -> Vec<Teammate> {
    teammates
        .iter()
        .filter(|t| matches!(Reader::of(&t.membership, t.membership.person, scope), Some(Reader::Processor | Reader::DomainReader)))
        .cloned()
        .collect()
}

/// What the panel shows beside the signal, for its team; None for its reporter.
pub async fn work_view(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    signal: &SignalDetails,
    reader: Reader,
) -> Result<Option<WorkView>, AppError> {
    if !matches!(reader, Reader::Processor | Reader::DomainReader) {
        return Ok(None);
    }
    let tenant = caller.tenant.id;
    let scope = &signal.summary.scope;
    let teammates = tx.teammates(tenant).await?;
    let team = readers(&teammates, scope);
    let mentionable = team.iter().filter(|t| t.membership.person != caller.person.id).map(Teammate::colleague).collect();
    let processes = reader == Reader::Processor;
    let assignable =
        if processes { team.iter().filter(|t| t.membership.processes(scope)).map(Teammate::colleague).collect() } else { Vec::new() };
    let mut links = Vec::new();
    for (linked, scope) in tx.links(tenant, signal.summary.id).await? {
        // Only links to signals this reader may read: a title is content.
        if Reader::of(&caller.membership, caller.person.id, &scope).is_some() {
            links.push(linked);
        }
    }
    let visibility = Visibility::for_reader(reader);
    let questions = tx.questions(tenant, signal.summary.id).await?.into_iter().map(|q| visibility.question(q)).collect();
    let domains = if processes { tx.policy_domains(tenant).await?.into_iter().map(|d| (d.id, d.name)).collect() } else { Vec::new() };
    Ok(Some(WorkView {
        domains,
        edit: as_edit(signal),
        assignee: tx.assignee(tenant, signal.summary.id).await?,
        assignable,
        mentionable,
        questions,
        links,
        may_work: processes,
        no_question: work::why_no_question(scope.reporter.is_some(), signal.may_contact).map(str::to_string),
    }))
}

/// What a signal is now, as an edit would change it.
fn as_edit(signal: &SignalDetails) -> SignalEdit {
    SignalEdit {
        title: signal.summary.title.clone(),
        policy_domain: signal.summary.scope.policy_domain,
        target_groups: signal.target_groups.clone(),
        life_domains: signal.life_domains.clone(),
    }
}

/// A processor gives a signal a clearer title or classifies it again (a
/// signal in the wrong policy domain goes to the right processors). Based
/// on the version the form showed; the boards of its old and new domain hear of it.
pub async fn edit(
    store: &dyn Store,
    caller: &TenantCaller,
    signal: SignalId,
    version: i64,
    edit: SignalEdit,
    confirmed: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let edit = edit.checked().map_err(AppError::Invalid)?;
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let details = tx.signal_details(tenant, signal).await?.ok_or(AppError::NotFound)?;
    actor_for(caller, &details.summary)?;
    if let Some(domain) = edit.policy_domain
        && !tx.policy_domains(tenant).await?.iter().any(|d| d.id == domain)
    {
        return Err(AppError::Invalid("Kies een beleidsdomein uit de lijst.".into()));
    }
    let changed = edit.changes(&as_edit(&details));
    if changed.is_empty() {
        return Ok(());
    }
    if changed.contains(&"titel") {
        guard(&edit.title, &[], confirmed)?;
    }
    if details.summary.version != version || !tx.edit_signal(tenant, signal, version, &edit, now).await? {
        return Err(AppError::Stale);
    }
    let note = format!("Aangepast: {}.", changed.join(", "));
    tx.insert_event(tenant, signal, Some(caller.person.id), now, &EventDraft::note(EventKind::Edited, None, Some(note))).await?;
    super::search::index(&mut *tx, tenant, signal, &edit.title, &details.description).await?;
    tx.commit().await?;
    Ok(())
}

/// The signal for a member of its team, or 404 (may not read it) / 403 (its reporter).
async fn for_team(tx: &mut dyn Tx, caller: &TenantCaller, signal: SignalId) -> Result<SignalSummary, AppError> {
    let summary = tx.signal_summary(caller.tenant.id, signal).await?.ok_or(AppError::NotFound)?;
    match Reader::of(&caller.membership, caller.person.id, &summary.scope) {
        Some(Reader::Processor | Reader::DomainReader) => Ok(summary),
        Some(_) => Err(AppError::NoAccess),
        None => Err(AppError::NotFound),
    }
}

/// Tell a colleague in Seinhuis and by mail.
async fn tell(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    to: &Teammate,
    kind: NotificationKind,
    mail: MailText,
    signal: SignalId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    tx.notify(caller.tenant.id, to.membership.person, kind, signal, Some(caller.person.id), now).await?;
    tx.queue_mail(Some(caller.tenant.id), &to.email, &mail.subject, &mail.body, now).await?;
    Ok(())
}

/// A text's privacy check, unless the writer confirmed it holds no client data.
fn guard(text: &str, colleagues: &[Colleague], confirmed: bool) -> Result<(), AppError> {
    match work::privacy_concern(text, colleagues) {
        Some(concern) if !confirmed => Err(AppError::Invalid(concern)),
        _ => Ok(()),
    }
}

/// An internal comment; each colleague it mentions is told.
pub async fn comment(
    store: &dyn Store,
    caller: &TenantCaller,
    signal: SignalId,
    text: &str,
    confirmed: bool,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let text = work::check_text(text, "opmerking").map_err(AppError::Invalid)?;
    let mut tx = store.write().await?;
    let summary = for_team(&mut *tx, caller, signal).await?;
    let team = readers(&tx.teammates(caller.tenant.id).await?, &summary.scope);
    let colleagues: Vec<Colleague> = team.iter().map(Teammate::colleague).collect();
    let mentioned = work::mentions(&text, &colleagues).map_err(AppError::Invalid)?;
    guard(&text, &colleagues, confirmed)?;
    tx.insert_event(caller.tenant.id, signal, Some(caller.person.id), now, &EventDraft::note(EventKind::Commented, None, Some(text)))
        .await?;
    let link = signal_link(public_url, &caller.tenant.slug, signal);
    for person in mentioned.into_iter().filter(|p| *p != caller.person.id) {
        let Some(to) = team.iter().find(|t| t.membership.person == person) else { continue };
        let mail = mails::mentioned(&caller.person.name, signal, &summary.title, &link);
        tell(&mut *tx, caller, to, NotificationKind::Mentioned, mail, signal, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Give a signal to a colleague who may process it (or to oneself, or to
/// nobody); the new assignee is told unless they took it themselves.
pub async fn assign(
    store: &dyn Store,
    caller: &TenantCaller,
    signal: SignalId,
    to: Option<PersonId>,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Option<Colleague>, AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let summary = tx.signal_summary(tenant, signal).await?.ok_or(AppError::NotFound)?;
    actor_for(caller, &summary)?;
    let current = tx.assignee(tenant, signal).await?;
    if current.as_ref().map(|c| c.person) == to {
        return Ok(current);
    }
    let teammates = tx.teammates(tenant).await?;
    let assignee = match to {
        None => None,
        Some(person) => Some(
            teammates
                .iter()
                .find(|t| t.membership.person == person && t.membership.processes(&summary.scope))
                .ok_or_else(|| AppError::Invalid("Die persoon verwerkt dit signaal niet: kies iemand uit de lijst.".into()))?,
        ),
    };
    tx.set_assignee(tenant, signal, to, now).await?;
    let event = EventDraft { subject: to, ..EventDraft::note(EventKind::Assigned, None, None) };
    tx.insert_event(tenant, signal, Some(caller.person.id), now, &event).await?;
    if let Some(to) = assignee.filter(|t| t.membership.person != caller.person.id) {
        let link = signal_link(public_url, &caller.tenant.slug, signal);
        let mail = mails::assigned(&caller.person.name, signal, &summary.title, &link);
        tell(&mut *tx, caller, to, NotificationKind::Assigned, mail, signal, now).await?;
    }
    tx.commit().await?;
    Ok(assignee.map(Teammate::colleague))
}

/// A processor asks the reporter a question; the reporter reads it from "de
/// signaalverwerker" in Mijn signalen and by mail. The asker never sees the
/// reporter's address.
pub async fn ask(
    store: &dyn Store,
    caller: &TenantCaller,
    signal: SignalId,
    text: &str,
    confirmed: bool,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<QuestionId, AppError> {
    let text = work::check_text(text, "vraag").map_err(AppError::Invalid)?;
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let details = tx.signal_details(tenant, signal).await?.ok_or(AppError::NotFound)?;
    actor_for(caller, &details.summary)?;
    if let Some(why) = work::why_no_question(details.summary.scope.reporter.is_some(), details.may_contact) {
        return Err(AppError::Invalid(why.into()));
    }
    guard(&text, &[], confirmed)?;
    let id = tx.insert_question(tenant, signal, caller.person.id, &text, now).await?;
    tx.insert_event(tenant, signal, Some(caller.person.id), now, &EventDraft::note(EventKind::QuestionAsked, Some(text.clone()), None))
        .await?;
    if let Some((email, _)) = tx.reporter_contact(tenant, signal).await? {
        let link = format!("{public_url}/{}/mijn-signalen#signaal-{signal}", caller.tenant.slug);
        let mail = mails::question(&caller.tenant.name, &details.summary.title, &text, &link);
        tx.queue_mail(Some(tenant), &email, &mail.subject, &mail.body, now).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The reporter answers a question about their own signal, once.
pub async fn answer(
    store: &dyn Store,
    caller: &TenantCaller,
    question: QuestionId,
    text: &str,
    confirmed: bool,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let text = work::check_text(text, "antwoord").map_err(AppError::Invalid)?;
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let (asked, asker) = tx.question(tenant, question).await?.ok_or(AppError::NotFound)?;
    let summary = tx.signal_summary(tenant, asked.signal).await?.ok_or(AppError::NotFound)?;
    if summary.scope.reporter != Some(caller.person.id) {
        return Err(AppError::NotFound);
    }
    guard(&text, &[], confirmed)?;
    if !tx.answer_question(tenant, question, &text, now).await? {
        return Err(AppError::Invalid("Deze vraag is al beantwoord.".into()));
    }
    let event = EventDraft::note(EventKind::QuestionAnswered, Some(text), None);
    tx.insert_event(tenant, summary.id, Some(caller.person.id), now, &event).await?;
    // The asker hears it while they still work the signal.
    let teammates = tx.teammates(tenant).await?;
    if let Some(to) = teammates.iter().find(|t| t.membership.person == asker && t.membership.processes(&summary.scope)) {
        tx.notify(tenant, asker, NotificationKind::Answered, summary.id, None, now).await?;
        let mail = mails::answered(summary.id, &summary.title, &signal_link(public_url, &caller.tenant.slug, summary.id));
        tx.queue_mail(Some(tenant), &to.email, &mail.subject, &mail.body, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Link a signal to another the caller also processes (or remove the link).
pub async fn link(
    store: &dyn Store,
    caller: &TenantCaller,
    signal: SignalId,
    other: SignalId,
    on: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let summary = tx.signal_summary(tenant, signal).await?.ok_or(AppError::NotFound)?;
    actor_for(caller, &summary)?;
    // One answer for "does not exist", "another tenant's" and "not yours".
    let unknown = || AppError::Invalid(format!("Signaal {other} staat niet op jouw bord."));
    let target = tx.signal_summary(tenant, other).await?.ok_or_else(unknown)?;
    if !caller.membership.processes(&target.scope) {
        return Err(unknown());
    }
    if other == signal {
        return Err(AppError::Invalid("Een signaal koppel je niet aan zichzelf.".into()));
    }
    let changed = if on { tx.link(tenant, signal, other, now).await? } else { tx.unlink(tenant, signal, other).await? };
    if !changed {
        let why = if on { "Deze signalen zijn al gekoppeld." } else { "Deze signalen waren niet gekoppeld." };
        return Err(AppError::Invalid(why.into()));
    }
    let kind = if on { EventKind::Linked } else { EventKind::Unlinked };
    for (this, that) in [(signal, other), (other, signal)] {
        let event = EventDraft { linked: Some(that), ..EventDraft::note(kind, None, None) };
        tx.insert_event(tenant, this, Some(caller.person.id), now, &event).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What waits for a person on their home, in one read: signals to screen,
/// their notifications of the last days, cards, questions, actions, meetings.
pub async fn waiting(store: &dyn Store, caller: &TenantCaller, days: i64) -> Result<work::Waiting, AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.read().await?;
    let since = Utc::now() - chrono::Duration::days(days);
    let processes = caller.has_any(PROCESSORS);
    // In the same read as the rest: one transaction for the whole home.
    let to_screen = if processes {
        let selection = BoardSelection::processed_by(ProcessedBy::of(&caller.membership));
        let counts = tx.board_counts(tenant, &selection).await?;
        let count = |phase: Phase| counts.iter().find(|(p, _)| *p == phase).map_or(0, |(_, n)| *n);
        Some((count(Phase::Submitted), count(Phase::InScreening)))
    } else {
        None
    };
    let notifications = tx.notifications(tenant, caller.person.id, since).await?;
    let mine = if processes {
        // Still theirs to work: the ones they may still process and not closed.
        tx.assigned_to(tenant, caller.person.id)
            .await?
            .into_iter()
            .filter(|s| caller.membership.processes(&s.scope) && !s.phase.is_final())
            .collect()
    } else {
        Vec::new()
    };
    let visibility = Visibility::for_reader(Reader::Reporter);
    let questions = tx.open_questions_for(tenant, caller.person.id).await?.into_iter().map(|q| visibility.question(q)).collect();
    let actions = tx.lines_led_by(tenant, caller.person.id).await?.into_iter().map(|(_, campaign, line)| (campaign, line)).collect();
    let invited = tx.invited_to(tenant, caller.person.id).await?;
    let meetings = tx
        .meetings(tenant)
        .await?
        .into_iter()
        .filter(|m| m.status.is_open() && m.starts_at >= Utc::now() && invited.contains(&m.id))
        .map(|m| (m.id, m.name()))
        .collect();
    Ok(work::Waiting { to_screen, notifications, mine, questions, actions, meetings })
}

/// The caller opened a signal: what Seinhuis told them about it is read.
/// Writes only when something was unread.
pub async fn read_notifications(store: &dyn Store, caller: &TenantCaller, signal: SignalId) -> Result<(), AppError> {
    let (tenant, person) = (caller.tenant.id, caller.person.id);
    let since = Utc::now() - chrono::Duration::days(crate::api::workbench::WAITING_DAYS);
    let unread = store.read_one().await?.notifications(tenant, person, since).await?.iter().any(|n| n.signal == signal && !n.read);
    if unread {
        let mut tx = store.write().await?;
        tx.read_notifications(tenant, person, signal, Utc::now()).await?;
        tx.commit().await?;
    }
    Ok(())
}
