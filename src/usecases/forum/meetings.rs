//! Planning meetings, inviting people, and keeping invitees' calendars right:
//! an invitation with a calendar file, an update when the date or place
//! changes, a cancellation when it is cancelled.

use chrono::{DateTime, Utc};

use super::calendar::{self, Method};
use super::{prepared, reads_all};
use crate::domain::forum::meeting::{Invitee, Meeting, MeetingForm, MeetingStatus, NewInvitee, dutch_date, needs_update};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{InviteeContact, Store, Tx};

/// Where mails about meetings come from and link to.
#[derive(Clone, Debug)]
pub struct Mailing<'a> {
    pub public_url: &'a str,
    pub organiser: &'a str,
}

impl Mailing<'_> {
    fn meeting_link(&self, tenant: &Tenant, meeting: MeetingId) -> String {
        format!("{}/{}/overleg/{meeting}", self.public_url.trim_end_matches('/'), tenant.slug)
    }
}

/// The meetings the caller may see: all of the tenant's for preparers and
/// mandatarissen, otherwise those they are invited to.
pub async fn list(store: &dyn Store, caller: &TenantCaller) -> Result<Vec<Meeting>, AppError> {
    let mut tx = store.read().await?;
    let meetings = tx.meetings(caller.tenant.id).await?;
    if reads_all(caller) {
        return Ok(meetings);
    }
    let invited = tx.invited_to(caller.tenant.id, caller.person.id).await?;
    Ok(meetings.into_iter().filter(|m| invited.contains(&m.id)).collect())
}

/// Plan a new meeting.
pub async fn plan(store: &dyn Store, caller: &TenantCaller, form: &MeetingForm, now: DateTime<Utc>) -> Result<MeetingId, AppError> {
    if !super::prepares(caller) {
        return Err(AppError::NoAccess);
    }
    let plan = form.check()?;
    let mut tx = store.write().await?;
    let id = tx.insert_meeting(caller.tenant.id, &plan, caller.person.id, now).await?;
    tx.audit(&audit(caller, "overleg-gepland", id, plan.title.clone()), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Plan a meeting with a given status in an open transaction (the demo
/// data's past and coming meetings).
pub async fn plan_in(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    form: &MeetingForm,
    status: MeetingStatus,
    now: DateTime<Utc>,
) -> Result<MeetingId, AppError> {
    let plan = form.check()?;
    let id = tx.insert_meeting(caller.tenant.id, &plan, caller.person.id, now).await?;
    if status != MeetingStatus::Gepland {
        tx.set_meeting_status(caller.tenant.id, id, status, false).await?;
    }
    Ok(id)
}

/// Change a meeting's plan; invitees get an update when the date, length or place changed.
pub async fn replan(
    store: &dyn Store,
    caller: &TenantCaller,
    id: MeetingId,
    version: i64,
    form: &MeetingForm,
    mailing: &Mailing<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let plan = form.check()?;
    let mut tx = store.write().await?;
    let meeting = prepared(&mut *tx, caller, id).await?;
    if !meeting.status.is_open() {
        return Err(crate::domain::forum::ForumRefusal::MeetingOver.into());
    }
    let update = needs_update(&meeting, &plan);
    if !tx.update_meeting(caller.tenant.id, id, version, &plan, update).await? {
        return Err(AppError::Stale);
    }
    if update {
        let meeting = tx.meeting(caller.tenant.id, id).await?.ok_or(AppError::NotFound)?;
        for contact in tx.invitees(caller.tenant.id, id).await? {
            send(&mut *tx, caller, &meeting, &contact, Method::Request, true, mailing, now).await?;
        }
    }
    tx.audit(&audit(caller, "overleg-gewijzigd", id, plan.title.clone()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Mark a meeting prepared, held or cancelled; a cancellation is mailed
/// with a calendar file that removes it.
pub async fn set_status(
    store: &dyn Store,
    caller: &TenantCaller,
    id: MeetingId,
    status: MeetingStatus,
    mailing: &Mailing<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    let meeting = prepared(&mut *tx, caller, id).await?;
    if meeting.status == status {
        return Ok(());
    }
    if meeting.status == MeetingStatus::Geannuleerd {
        return Err(crate::domain::forum::ForumRefusal::MeetingOver.into());
    }
    let cancelled = status == MeetingStatus::Geannuleerd;
    tx.set_meeting_status(caller.tenant.id, id, status, cancelled).await?;
    if cancelled {
        let meeting = tx.meeting(caller.tenant.id, id).await?.ok_or(AppError::NotFound)?;
        for contact in tx.invitees(caller.tenant.id, id).await? {
            send(&mut *tx, caller, &meeting, &contact, Method::Cancel, false, mailing, now).await?;
        }
    }
    tx.audit(&audit(caller, "overleg-status", id, status.code().to_string()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Invite someone; an invitee with an address gets the invitation at once.
pub async fn invite(
    store: &dyn Store,
    caller: &TenantCaller,
    id: MeetingId,
    invitee: &NewInvitee,
    mailing: &Mailing<'_>,
    now: DateTime<Utc>,
) -> Result<InviteeId, AppError> {
    let mut tx = store.write().await?;
    let meeting = prepared(&mut *tx, caller, id).await?;
    if !meeting.status.is_open() {
        return Err(crate::domain::forum::ForumRefusal::MeetingOver.into());
    }
    let tenant = caller.tenant.id;
    // People and organisations must be of this tenant.
    match invitee {
        NewInvitee::Person(person) => {
            let members = tx.teammates(tenant).await?;
            if !members.iter().any(|m| m.membership.person == *person) {
                return Err(AppError::NotFound);
            }
        }
        NewInvitee::Organisation(organisation) => {
            if !tx.organisations(tenant).await?.iter().any(|o| o.id == *organisation) {
                return Err(AppError::NotFound);
            }
        }
        NewInvitee::Guest { .. } => {}
    }
    let already = tx.invitees(tenant, id).await?;
    let same = |c: &InviteeContact| match invitee {
        NewInvitee::Person(p) => c.invitee.person == Some(*p),
        NewInvitee::Organisation(o) => c.invitee.organisation == Some(*o),
        NewInvitee::Guest { name, .. } => c.invitee.person.is_none() && c.invitee.organisation.is_none() && c.invitee.name == *name,
    };
    if let Some(existing) = already.iter().find(|c| same(c)) {
        return Ok(existing.invitee.id);
    }
    let invitee_id = tx.add_invitee(tenant, id, invitee).await?;
    if let Some(contact) = tx.invitees(tenant, id).await?.into_iter().find(|c| c.invitee.id == invitee_id) {
        send(&mut *tx, caller, &meeting, &contact, Method::Request, false, mailing, now).await?;
    }
    tx.audit(&audit(caller, "overleg-uitgenodigd", id, invitee_id.to_string()), now).await?;
    tx.commit().await?;
    Ok(invitee_id)
}

/// Take an invitation back; the invitee's calendar is told.
pub async fn uninvite(
    store: &dyn Store,
    caller: &TenantCaller,
    id: MeetingId,
    invitee: InviteeId,
    mailing: &Mailing<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    let meeting = prepared(&mut *tx, caller, id).await?;
    let contact = tx.invitees(caller.tenant.id, id).await?.into_iter().find(|c| c.invitee.id == invitee).ok_or(AppError::NotFound)?;
    tx.remove_invitee(caller.tenant.id, id, invitee).await?;
    if meeting.status.is_open() {
        send(&mut *tx, caller, &meeting, &contact, Method::Cancel, false, mailing, now).await?;
    }
    tx.audit(&audit(caller, "overleg-uitnodiging-ingetrokken", id, invitee.to_string()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Mail the minutes to everyone invited: the text, and a link to the PDF.
/// How many mails were queued.
pub async fn send_minutes(
    store: &dyn Store,
    caller: &TenantCaller,
    id: MeetingId,
    mailing: &Mailing<'_>,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let minutes = super::dossier::minutes(store, caller, id, now).await?;
    let mut tx = store.write().await?;
    let meeting = prepared(&mut *tx, caller, id).await?;
    if meeting.status == MeetingStatus::Geannuleerd {
        return Err(crate::domain::forum::ForumRefusal::MeetingCancelled.into());
    }
    let mut body = format!(
        "Dag,\n\nHier is het verslag van {} ‘{}’ ({}).\n",
        meeting.kind.label().to_lowercase(),
        meeting.title,
        minutes.meeting.when
    );
    for item in &minutes.items {
        body.push_str(&format!("\n{}. {}\n", item.position, item.title));
        for (label, text) in [
            ("Probleemstelling", &item.problem_definition),
            ("Conclusies", &item.conclusions),
            ("Engagementen", &item.commitments),
            ("Beslissing", &item.decision),
        ] {
            if !text.is_empty() {
                body.push_str(&format!("{label}: {text}\n"));
            }
        }
    }
    let link = format!("{}/{}/overleg/{id}/verslag.pdf", mailing.public_url.trim_end_matches('/'), caller.tenant.slug);
    body.push_str(&format!("\nHet verslag als PDF (met een account bij Seinhuis): {link}\n\nSeinhuis\n"));
    let subject = format!("Verslag: {}", meeting.title);
    let mut sent = 0;
    for contact in tx.invitees(caller.tenant.id, id).await? {
        for email in &contact.emails {
            tx.queue_mail(Some(caller.tenant.id), email, &subject, &body, now).await?;
            sent += 1;
        }
    }
    tx.audit(&audit(caller, "verslag-verstuurd", id, sent.to_string()), now).await?;
    tx.commit().await?;
    Ok(sent)
}

/// The invitees as people see them (never their addresses).
pub async fn invitees(tx: &mut dyn Tx, tenant: TenantId, id: MeetingId) -> Result<Vec<Invitee>, AppError> {
    Ok(tx.invitees(tenant, id).await?.into_iter().map(|c| c.invitee).collect())
}

#[allow(clippy::too_many_arguments)]
async fn send(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    meeting: &Meeting,
    contact: &InviteeContact,
    method: Method,
    update: bool,
    mailing: &Mailing<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tenant = &caller.tenant;
    let link = mailing.meeting_link(tenant, meeting.id);
    let file = calendar::invitation(tenant, meeting, method, mailing.organiser, &link);
    let when = format!("{} om {}", dutch_date(meeting.starts_at), time_of(meeting.starts_at));
    let (subject, opening) = match (method, update) {
        (Method::Cancel, _) => (format!("Geannuleerd: {}", meeting.title), "gaat niet door"),
        (Method::Request, true) => (format!("Gewijzigd: {}", meeting.title), "is gewijzigd"),
        (Method::Request, false) => (format!("Uitnodiging: {}", meeting.title), "— je bent uitgenodigd"),
    };
    let body = format!(
        "Dag,\n\n{kind} ‘{title}’ van {tenant} {opening}.\n\nWanneer: {when} ({minutes} minuten)\nWaar: {place}\n\n\
         Met een account bij Seinhuis vind je de agenda en het dossier op {link}.\n\
         Het bijgevoegde agendabestand zet het overleg in je agenda.\n\nSeinhuis\n",
        kind = meeting.kind.label(),
        title = meeting.title,
        tenant = tenant.name,
        minutes = meeting.length_minutes,
        place = meeting.place,
    );
    for email in &contact.emails {
        tx.queue_mail_with_attachment(Some(tenant.id), email, &subject, &body, &file, now).await?;
    }
    Ok(())
}

fn time_of(at: DateTime<Utc>) -> String {
    use chrono::Timelike;
    let local = crate::domain::brussels::local(at);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

fn audit(caller: &TenantCaller, action: &'static str, id: MeetingId, detail: String) -> NewAudit {
    NewAudit {
        tenant: Some(caller.tenant.id),
        person: Some(caller.person.id),
        action,
        object_type: "overleg",
        object_id: id.to_string(),
        detail,
        ip: caller.ip.clone(),
    }
}
