//! The agenda builder: candidates ranked for the reader, and the changes
//! preparers make to an agenda. Each item has its own version; the order is
//! not part of it, so reordering never makes another preparer's edit stale.
//! Putting Geanalyseerd work on an agenda schedules its signals, naming the
//! meeting; taking it off before the meeting sends them back.

use chrono::{DateTime, Utc};

use super::{prepared, seat};
use crate::domain::forum::ForumRefusal;
use crate::domain::forum::agenda::{AgendaItem, AgendaSubject, AgendaTotal, ItemDetails, ItemForm, Placement, placement, reorder};
use crate::domain::forum::candidates::rank;
use crate::domain::forum::meeting::Meeting;
use crate::domain::forum::view::AgendaView;
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

/// How long a new item takes until someone says otherwise.
const DEFAULT_MINUTES: u32 = 15;

/// The meeting with its agenda, and for preparers the ranked candidates.
pub async fn view(store: &dyn Store, caller: &TenantCaller, id: MeetingId, now: DateTime<Utc>) -> Result<AgendaView, AppError> {
    let mut tx = store.read().await?;
    let tenant = caller.tenant.id;
    // Read the number first: a change after it reaches the stream.
    let seq = tx.change_seq(tenant).await?;
    let (meeting, seat) = seat(&mut *tx, caller, id).await?;
    if seat == super::Seat::Invitee {
        // Invitees read the dossier, not the preparation.
        return Err(AppError::NoAccess);
    }
    let may_prepare = seat == super::Seat::Preparer;
    let items = tx.agenda(tenant, id).await?;
    let total = AgendaTotal::of(&items, meeting.length_minutes);
    let (candidates, other_meetings, people, organisations) = if may_prepare {
        let readable = tx
            .candidates(tenant, id, now)
            .await?
            .into_iter()
            .filter(|c| c.scopes.iter().any(|scope| Reader::of(&caller.membership, caller.person.id, scope).is_some()))
            .map(|c| c.candidate)
            .collect();
        let others =
            tx.meetings(tenant).await?.into_iter().filter(|m| m.id != id && m.status.is_open()).map(|m| (m.id, m.name())).collect();
        let people = tx.teammates(tenant).await?.into_iter().map(|t| (t.membership.person, t.name)).collect();
        let organisations = tx.organisations(tenant).await?.into_iter().map(|o| (o.id, o.name)).collect();
        (rank(readable), others, people, organisations)
    } else {
        (Vec::new(), Vec::new(), Vec::new(), Vec::new())
    };
    let invitees = super::meetings::invitees(&mut *tx, tenant, id).await?;
    Ok(AgendaView { meeting, items, total, candidates, may_prepare, seq, invitees, other_meetings, people, organisations })
}

/// Put a bundle, signal or bottleneck at the end of the agenda.
pub async fn place(
    store: &dyn Store,
    caller: &TenantCaller,
    id: MeetingId,
    subject: AgendaSubject,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<AgendaItemId, AppError> {
    let mut tx = store.write().await?;
    let item = place_in(&mut *tx, caller, id, subject, Some(public_url), now).await?;
    tx.commit().await?;
    Ok(item)
}

/// Place a subject in an open transaction (the demo data uses this too);
/// reporters are told when `tell` gives the address to link to.
pub async fn place_in(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    id: MeetingId,
    subject: AgendaSubject,
    tell: Option<&str>,
    now: DateTime<Utc>,
) -> Result<AgendaItemId, AppError> {
    let tenant = caller.tenant.id;
    let meeting = open_meeting(&mut *tx, caller, id).await?;
    if tx.agenda(tenant, id).await?.iter().any(|i| i.subject == subject) {
        return Err(ForumRefusal::AlreadyOnAgenda.into());
    }
    let phase = readable_phase(&mut *tx, caller, subject).await?;
    let schedules = placement(phase)? == Placement::Schedules;
    if schedules {
        move_subject(
            &mut *tx,
            caller,
            subject,
            Phase::Scheduled,
            MoveDetails { meeting: Some(meeting.id), ..Default::default() },
            tell,
            now,
        )
        .await?;
    }
    let details = ItemDetails { duration_minutes: DEFAULT_MINUTES, presenter: String::new(), question: String::new() };
    let item = tx.insert_agenda_item(tenant, id, subject, !schedules, &details).await?;
    tx.audit(&audit(caller, "agendapunt-toegevoegd", item, subject.key()), now).await?;
    Ok(item)
}

/// Change an item's duration, presenter and question, based on its version.
pub async fn edit(
    store: &dyn Store,
    caller: &TenantCaller,
    item: AgendaItemId,
    version: i64,
    form: &ItemForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let details = form.check()?;
    let mut tx = store.write().await?;
    let (meeting, _) = item_of(&mut *tx, caller, item).await?;
    open_meeting(&mut *tx, caller, meeting).await?;
    if !tx.update_agenda_item(caller.tenant.id, item, version, &details).await? {
        return Err(ForumRefusal::Stale.into());
    }
    tx.audit(&audit(caller, "agendapunt-gewijzigd", item, String::new()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Move an item to place `index` (0-based) of its agenda.
pub async fn move_within(store: &dyn Store, caller: &TenantCaller, item: AgendaItemId, index: usize) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    let (meeting, _) = item_of(&mut *tx, caller, item).await?;
    open_meeting(&mut *tx, caller, meeting).await?;
    let order: Vec<AgendaItemId> = tx.agenda(caller.tenant.id, meeting).await?.into_iter().map(|i| i.id).collect();
    tx.set_agenda_order(caller.tenant.id, meeting, &reorder(&order, item, index)).await?;
    tx.commit().await?;
    Ok(())
}

/// Take an item off the agenda before the meeting: signals it scheduled go
/// back to Geanalyseerd.
pub async fn remove(
    store: &dyn Store,
    caller: &TenantCaller,
    item: AgendaItemId,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = store.write().await?;
    let (meeting_id, agenda_item) = item_of(&mut *tx, caller, item).await?;
    let meeting = open_meeting(&mut *tx, caller, meeting_id).await?;
    if !agenda_item.for_information && agenda_item.phase == Some(Phase::Scheduled) {
        let details = MoveDetails { note: format!("Van de agenda gehaald: {}", meeting.name()), ..Default::default() };
        move_subject(&mut *tx, caller, agenda_item.subject, Phase::Analysed, details, Some(public_url), now).await?;
    }
    tx.delete_agenda_item(caller.tenant.id, item).await?;
    tx.audit(&audit(caller, "agendapunt-verwijderd", item, agenda_item.subject.key()), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Move an item to another open meeting: its signals stay Geagendeerd and
/// each gets an event naming the new meeting.
pub async fn move_to_meeting(
    store: &dyn Store,
    caller: &TenantCaller,
    item: AgendaItemId,
    to: MeetingId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tenant = caller.tenant.id;
    let mut tx = store.write().await?;
    let (from, agenda_item) = item_of(&mut *tx, caller, item).await?;
    if from == to {
        return Err(ForumRefusal::SameMeeting.into());
    }
    open_meeting(&mut *tx, caller, from).await?;
    let target = open_meeting(&mut *tx, caller, to).await?;
    if tx.agenda(tenant, to).await?.iter().any(|i| i.subject == agenda_item.subject) {
        return Err(ForumRefusal::AlreadyOnAgenda.into());
    }
    if !agenda_item.for_information {
        for signal in subject_signals(&mut *tx, tenant, agenda_item.subject).await? {
            if signal.phase == Phase::Scheduled {
                let event = EventDraft {
                    carrier: Some(Carrier::Meeting(target.id)),
                    ..EventDraft::note(EventKind::MovedToMeeting, None, Some(format!("Naar {}", target.name())))
                };
                tx.insert_event(tenant, signal.id, Some(caller.person.id), now, &event).await?;
            }
        }
    }
    tx.move_agenda_item(tenant, item, to).await?;
    tx.audit(&audit(caller, "agendapunt-verplaatst", item, format!("{from} -> {to}")), now).await?;
    tx.commit().await?;
    Ok(())
}

/// The item's meeting and the item, for a preparer of this tenant.
pub(super) async fn item_of(tx: &mut dyn Tx, caller: &TenantCaller, item: AgendaItemId) -> Result<(MeetingId, AgendaItem), AppError> {
    let (meeting, agenda_item) = tx.agenda_item(caller.tenant.id, item).await?.ok_or(AppError::NotFound)?;
    prepared(tx, caller, meeting).await?;
    Ok((meeting, agenda_item))
}

/// A meeting whose agenda may still change, for a preparer.
async fn open_meeting(tx: &mut dyn Tx, caller: &TenantCaller, id: MeetingId) -> Result<Meeting, AppError> {
    let meeting = prepared(tx, caller, id).await?;
    if !meeting.status.is_open() {
        return Err(ForumRefusal::MeetingOver.into());
    }
    Ok(meeting)
}

/// The phase of a subject the caller may read (404 otherwise: not even its title leaks).
async fn readable_phase(tx: &mut dyn Tx, caller: &TenantCaller, subject: AgendaSubject) -> Result<Option<Phase>, AppError> {
    let tenant = caller.tenant.id;
    let scopes = tx.subject_scopes(tenant, subject).await?;
    let readable = scopes.iter().any(|scope| Reader::of(&caller.membership, caller.person.id, scope).is_some());
    if !readable {
        return Err(AppError::NotFound);
    }
    Ok(match subject {
        AgendaSubject::Bundle(b) => Some(tx.bundle_details(tenant, b).await?.ok_or(AppError::NotFound)?.summary.phase),
        AgendaSubject::Signal(s) => Some(tx.signal_summary(tenant, s).await?.ok_or(AppError::NotFound)?.phase),
        AgendaSubject::Bottleneck(_) => None,
    })
}

/// The signals a subject carries (a bottleneck carries none itself).
pub(crate) async fn subject_signals(tx: &mut dyn Tx, tenant: TenantId, subject: AgendaSubject) -> Result<Vec<SignalSummary>, AppError> {
    Ok(match subject {
        AgendaSubject::Bundle(b) => tx.bundle_signals(tenant, b).await?,
        AgendaSubject::Signal(s) => tx.signal_summary(tenant, s).await?.into_iter().collect(),
        AgendaSubject::Bottleneck(_) => Vec::new(),
    })
}

/// Move a bundle (with its signals) or a lone signal, as the lifecycle
/// allows this caller, and tell the reporters.
pub(crate) async fn move_subject(
    tx: &mut dyn Tx,
    caller: &TenantCaller,
    subject: AgendaSubject,
    to: Phase,
    details: MoveDetails,
    tell: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<Transition>, AppError> {
    let tenant = caller.tenant.id;
    let transitions = match subject {
        AgendaSubject::Bundle(b) => {
            tx.lock_bundle(tenant, b).await?;
            let bundle = tx.bundle_details(tenant, b).await?.ok_or(AppError::NotFound)?;
            if !crate::domain::bundle::leads(&caller.membership, bundle.summary.lead_domain_id) {
                return Err(Refusal::NotBundleLead.into());
            }
            let actor = crate::usecases::bundles::bundle_actor(caller)?;
            let signals = tx.bundle_signals(tenant, b).await?;
            crate::usecases::bundles::move_in(tx, tenant, &actor, &bundle.summary, &signals, to, details, now).await?
        }
        AgendaSubject::Signal(s) => {
            let signal = tx.signal_summary(tenant, s).await?.ok_or(AppError::NotFound)?;
            let role = caller.membership.acting_role(&signal.scope).unwrap_or(Role::Regisseur);
            let actor = Actor { person: caller.person.id, role };
            let t = crate::domain::moves::move_transition(&signal.state(), to, details, &actor)?;
            crate::usecases::signals::record(tx, tenant, actor.person, &t, signal.version, now).await?;
            vec![t]
        }
        AgendaSubject::Bottleneck(_) => Vec::new(),
    };
    if let Some(public_url) = tell {
        for t in &transitions {
            crate::usecases::follow::tell_reporter(tx, &caller.tenant, t, caller.person.id, public_url, now).await?;
        }
    }
    Ok(transitions)
}

fn audit(caller: &TenantCaller, action: &'static str, item: AgendaItemId, detail: String) -> NewAudit {
    NewAudit {
        tenant: Some(caller.tenant.id),
        person: Some(caller.person.id),
        action,
        object_type: "agendapunt",
        object_id: item.to_string(),
        detail,
        ip: caller.ip.clone(),
    }
}
