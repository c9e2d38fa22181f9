//! Forum preparation on both databases: what an agenda does to the signals,
//! decisions carried back to them and their reporters, invitations with
//! calendar files, and the list of retained signals no bottleneck covers.

use std::collections::BTreeSet;

use crate::common::{Backend, Fixture, database, fixture};
use seinhuis::domain::bundle::BundleText;
use seinhuis::domain::forum::agenda::{AgendaSubject, ItemForm, MinutesForm};
use seinhuis::domain::forum::bottleneck::BottleneckForm;
use seinhuis::domain::forum::campaign::{CampaignStatus, LineForm};
use seinhuis::domain::forum::meeting::{MeetingForm, MeetingStatus, NewInvitee};
use seinhuis::domain::*;
use seinhuis::error::AppError;
use seinhuis::storage::Store;
use seinhuis::usecases::forum::{agenda, decisions, meetings};
use seinhuis::usecases::signals::{MoveRequest, move_signal};
use seinhuis::usecases::{bottlenecks, bundles, campaigns, follow};

const URL: &str = "http://seinhuis.test";
const MAILING: meetings::Mailing<'static> = meetings::Mailing { public_url: URL, organiser: "Seinhuis <noreply@seinhuis.test>" };

on_both_backends!(
    an_agenda_schedules_its_work_and_decisions_carry_back,
    signals_without_a_bottleneck_are_exactly_the_retained_ones_linked_to_none,
    invitations_carry_a_calendar_file_updates_and_a_cancellation,
    an_overdue_action_line_reminds_its_lead_once,
);

/// A welzijn signal walked by the processor to `to` (Weerhouden at most).
async fn walked(store: &dyn Store, f: &Fixture, title: &str, to: Phase) -> SignalId {
    let id = f.submit(store, title, f.welzijn).await;
    let mut version = 1;
    for step in [Phase::InScreening, Phase::Retained].into_iter().filter(|p| *p <= to) {
        let moved =
            move_signal(store, &f.processor, MoveRequest { signal: id, version, to: step, details: MoveDetails::default() }, URL).await;
        version = moved.unwrap().version;
    }
    id
}

/// A bundle of these retained signals, moved to `to` (Gebundeld or Geanalyseerd).
async fn bundle(store: &dyn Store, f: &Fixture, title: &str, signals: &[SignalId], to: Phase) -> BundleId {
    let text = BundleText {
        title: title.into(),
        problem: format!("{title}: het probleem."),
        analysis: "Drie organisaties zien het.".into(),
        lead_domain: Some(f.welzijn),
        ..Default::default()
    };
    let id = bundles::create(store, &f.processor, signals, &text).await.unwrap();
    if to == Phase::Analysed {
        let version = store.read().await.unwrap().bundle_details(f.tenant.id, id).await.unwrap().unwrap().summary.version;
        bundles::move_bundle(store, &f.processor, id, version, Phase::Analysed, MoveDetails::default(), URL).await.unwrap();
    }
    id
}

fn meeting_form(title: &str, date: &str) -> MeetingForm {
    MeetingForm {
        kind: "forum".into(),
        title: title.into(),
        date: date.into(),
        time: "14:00".into(),
        length: "120".into(),
        place: "Stadhuis".into(),
    }
}

async fn phase(store: &dyn Store, f: &Fixture, id: SignalId) -> Phase {
    store.read().await.unwrap().signal_summary(f.tenant.id, id).await.unwrap().unwrap().phase
}

async fn last_event(store: &dyn Store, f: &Fixture, id: SignalId) -> HistoryEntry {
    store.read().await.unwrap().history(f.tenant.id, id).await.unwrap().pop().unwrap()
}

async fn item(store: &dyn Store, f: &Fixture, id: AgendaItemId) -> seinhuis::domain::forum::agenda::AgendaItem {
    store.read().await.unwrap().agenda_item(f.tenant.id, id).await.unwrap().unwrap().1
}

async fn an_agenda_schedules_its_work_and_decisions_carry_back(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "forumstad").await;
    let (s1, s2) =
        (walked(store, &f, "Wachtlijst CGG", Phase::Retained).await, walked(store, &f, "Geen psycholoog", Phase::Retained).await);
    let b = bundle(store, &f, "GGZ onbereikbaar", &[s1, s2], Phase::Analysed).await;
    let early = walked(store, &f, "Te dure therapie", Phase::Retained).await;
    let screening = walked(store, &f, "Nog in screening", Phase::InScreening).await;
    let spring = meetings::plan(store, &f.coordinator, &meeting_form("Forum voorjaar", "2027-03-11"), chrono::Utc::now()).await.unwrap();
    let autumn = meetings::plan(store, &f.coordinator, &meeting_form("Forum najaar", "2027-10-07"), chrono::Utc::now()).await.unwrap();
    // A signaalgever prepares nothing.
    assert_eq!(
        meetings::plan(store, &f.giver, &meeting_form("Eigen forum", "2027-03-11"), chrono::Utc::now()).await,
        Err(AppError::NoAccess)
    );

    // Geanalyseerd work is scheduled, naming the meeting; earlier work is there for information.
    let scheduled = agenda::place(store, &f.processor, spring, AgendaSubject::Bundle(b), URL, chrono::Utc::now()).await.unwrap();
    for s in [s1, s2] {
        assert_eq!(phase(store, &f, s).await, Phase::Scheduled);
        let event = last_event(store, &f, s).await;
        assert_eq!((event.from, event.to), (Some(Phase::Analysed), Some(Phase::Scheduled)));
        assert_eq!(event.carrier.as_deref(), Some("Forum voorjaar (11-03-2027)"));
    }
    let informed = agenda::place(store, &f.processor, spring, AgendaSubject::Signal(early), URL, chrono::Utc::now()).await.unwrap();
    assert_eq!(phase(store, &f, early).await, Phase::Retained);
    assert!(item(store, &f, informed).await.for_information);
    assert!(!item(store, &f, scheduled).await.for_information);
    let twice = agenda::place(store, &f.processor, spring, AgendaSubject::Bundle(b), URL, chrono::Utc::now()).await;
    assert!(matches!(twice, Err(AppError::Invalid(_))), "{twice:?}");
    let refused = agenda::place(store, &f.processor, spring, AgendaSubject::Signal(screening), URL, chrono::Utc::now()).await;
    assert!(matches!(&refused, Err(AppError::Invalid(m)) if m.contains("In screening")), "{refused:?}");
    // The board no longer schedules on its own.
    let alone = walked(store, &f, "Alleen", Phase::Retained).await;
    let moved = move_signal(
        store,
        &f.processor,
        MoveRequest { signal: alone, version: 3, to: Phase::Scheduled, details: MoveDetails::default() },
        URL,
    )
    .await;
    assert!(moved.is_err());

    // Each item has its own version: reordering stales nobody, an old version is refused.
    let form =
        |minutes: &str| ItemForm { duration: minutes.into(), presenter: "Welzijnshuis".into(), question: "Wie neemt dit op?".into() };
    let v = item(store, &f, scheduled).await.version;
    agenda::move_within(store, &f.coordinator, informed, 0).await.unwrap();
    assert_eq!(item(store, &f, scheduled).await.version, v, "reordering changes no item's version");
    let order: Vec<_> = store.read().await.unwrap().agenda(f.tenant.id, spring).await.unwrap().iter().map(|i| i.id).collect();
    assert_eq!(order, [informed, scheduled]);
    agenda::edit(store, &f.processor, scheduled, v, &form("40"), chrono::Utc::now()).await.unwrap();
    assert_eq!(agenda::edit(store, &f.coordinator, scheduled, v, &form("50"), chrono::Utc::now()).await, Err(AppError::Stale));
    let saved = item(store, &f, scheduled).await;
    assert_eq!((saved.duration_minutes, saved.question.as_str()), (40, "Wie neemt dit op?"));
    let view = agenda::view(store, &f.processor, spring, chrono::Utc::now()).await.unwrap();
    assert_eq!(view.total.minutes, 55);
    assert!(view.candidates.iter().all(|c| c.candidate.subject != AgendaSubject::Bundle(b)), "on the agenda: no candidate");

    // To another meeting: still Geagendeerd, an event names the new one.
    agenda::move_to_meeting(store, &f.coordinator, scheduled, autumn, chrono::Utc::now()).await.unwrap();
    assert_eq!(phase(store, &f, s1).await, Phase::Scheduled);
    let event = last_event(store, &f, s1).await;
    assert_eq!((event.kind, event.carrier.as_deref()), (EventKind::MovedToMeeting, Some("Forum najaar (07-10-2027)")));
    // Off the agenda before the meeting: back to Geanalyseerd.
    agenda::remove(store, &f.processor, scheduled, URL, chrono::Utc::now()).await.unwrap();
    assert_eq!(phase(store, &f, s1).await, Phase::Analysed);
    let again = agenda::place(store, &f.processor, spring, AgendaSubject::Bundle(b), URL, chrono::Utc::now()).await.unwrap();
    assert_eq!(phase(store, &f, s2).await, Phase::Scheduled);

    // The decision starts a campaign, prefilled from the bundle; its signals go In actie.
    let minutes = MinutesForm { conclusions: "Iedereen herkent het.".into(), decision: "campagne".into(), ..Default::default() };
    let v = item(store, &f, again).await.version;
    let campaign = decisions::record(store, &f.coordinator, again, v, &minutes, URL, chrono::Utc::now()).await.unwrap().unwrap();
    for s in [s1, s2] {
        assert_eq!(phase(store, &f, s).await, Phase::InAction);
        assert_eq!(last_event(store, &f, s).await.carrier.as_deref(), Some("GGZ onbereikbaar"));
    }
    let started = store.read().await.unwrap().campaign(f.tenant.id, campaign).await.unwrap().unwrap();
    assert_eq!((started.problem.as_str(), started.signals, started.status), ("GGZ onbereikbaar: het probleem.", 2, CampaignStatus::Lopend));
    // A decision is carried out once; the texts may still change.
    let v = item(store, &f, again).await.version;
    let other = MinutesForm { decision: "verder_analyseren".into(), ..minutes.clone() };
    assert!(matches!(decisions::record(store, &f.coordinator, again, v, &other, URL, chrono::Utc::now()).await, Err(AppError::Invalid(_))));
    // Minutes go through the privacy guard.
    let named = MinutesForm { conclusions: "Mevrouw Peeters (0475 12 34 56) belde.".into(), ..minutes.clone() };
    assert!(matches!(decisions::record(store, &f.coordinator, again, v, &named, URL, chrono::Utc::now()).await, Err(AppError::Invalid(_))));

    // Lines with a lead; progress rolls up weighted.
    let line = |title: &str, weight: &str| LineForm {
        title: title.into(),
        lead: Some(f.processor.person.id),
        weight: weight.into(),
        ..Default::default()
    };
    let first = campaigns::add_line(store, &f.coordinator, campaign, &line("Aanspreekpunt", "3"), chrono::Utc::now()).await.unwrap();
    campaigns::add_line(store, &f.coordinator, campaign, &line("Folder", "1"), chrono::Utc::now()).await.unwrap();
    let version = store.read().await.unwrap().campaign(f.tenant.id, campaign).await.unwrap().unwrap().lines[0].version;
    let progress = LineForm { progress: "100".into(), status: "klaar".into(), ..Default::default() };
    campaigns::update_line(store, &f.processor, first, version, &progress, chrono::Utc::now()).await.unwrap();
    let running = store.read().await.unwrap().campaign(f.tenant.id, campaign).await.unwrap().unwrap();
    assert_eq!(running.progress(), 75);
    let mine = campaigns::page(store, &f.processor).await.unwrap().mine;
    assert_eq!(mine.len(), 2, "the lead sees their actions");

    // Ending it closes the signals with the outcome and tells each reporter.
    let version = running.version;
    let message = "De stad opent een vast aanspreekpunt.";
    campaigns::close(store, &f.coordinator, campaign, version, Some(Outcome::Beleidsbeslissing), message, URL, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(phase(store, &f, s1).await, Phase::Closed);
    let followed = follow::my_signals(store, &f.giver).await.unwrap();
    let s1_timeline = &followed.iter().find(|s| s.signal.id == s1).unwrap().timeline;
    let closed = s1_timeline.last().unwrap();
    assert_eq!(
        (closed.to, closed.outcome, closed.message.as_deref()),
        (Some(Phase::Closed), Some(Outcome::Beleidsbeslissing), Some(message))
    );
    let mails = store.read().await.unwrap().outbox(f.tenant.id, 50).await.unwrap();
    assert!(mails.iter().any(|m| m.to == f.giver.person.email && m.body.contains(message)), "the reporter is mailed");
}

async fn signals_without_a_bottleneck_are_exactly_the_retained_ones_linked_to_none(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "knelpuntstad").await;
    // Phases before Weerhouden never count.
    walked(store, &f, "Ingediend", Phase::Submitted).await;
    walked(store, &f, "In screening", Phase::InScreening).await;
    let loose = walked(store, &f, "Weerhouden en los", Phase::Retained).await;
    let linked = walked(store, &f, "Weerhouden en gekoppeld", Phase::Retained).await;
    let (b1, b2) = (walked(store, &f, "In bundel A1", Phase::Retained).await, walked(store, &f, "In bundel A2", Phase::Retained).await);
    let covered = bundle(store, &f, "Gekoppelde bundel", &[b1, b2], Phase::Bundled).await;
    let (c1, c2) = (walked(store, &f, "In bundel B1", Phase::Retained).await, walked(store, &f, "In bundel B2", Phase::Retained).await);
    bundle(store, &f, "Losse bundel", &[c1, c2], Phase::Analysed).await;

    let form = BottleneckForm {
        question: "Wie betaalt vervoer naar zorg?".into(),
        domain: Some(f.welzijn),
        help: vec![f.wonen],
        ..Default::default()
    };
    // Only its domain's regisseur or the coordinator raises one.
    assert_eq!(bottlenecks::raise(store, &f.processor, &form, chrono::Utc::now()).await, Err(AppError::NoAccess));
    let bottleneck = bottlenecks::raise(store, &f.coordinator, &form, chrono::Utc::now()).await.unwrap();
    bottlenecks::link(store, &f.processor, bottleneck, AgendaSubject::Signal(linked), true, chrono::Utc::now()).await.unwrap();
    bottlenecks::link(store, &f.processor, bottleneck, AgendaSubject::Bundle(covered), true, chrono::Utc::now()).await.unwrap();
    // Linking is an internal event on each signal.
    assert_eq!(last_event(store, &f, b1).await.kind, EventKind::BottleneckLinked);
    // A signaalgever links nothing.
    assert!(bottlenecks::link(store, &f.giver, bottleneck, AgendaSubject::Signal(loose), true, chrono::Utc::now()).await.is_err());

    // Counted by hand: the loose one and the unlinked bundle's two.
    let want: BTreeSet<SignalId> = [loose, c1, c2].into();
    let listed: BTreeSet<SignalId> =
        store.read().await.unwrap().signals_without_bottleneck(f.tenant.id).await.unwrap().iter().map(|s| s.id).collect();
    assert_eq!(listed, want);
    let page = bottlenecks::page(store, &f.coordinator).await.unwrap();
    assert_eq!(page.without.iter().map(|s| s.id).collect::<BTreeSet<_>>(), want);
    let shown = page.bottlenecks.iter().find(|b| b.id == bottleneck).unwrap();
    assert_eq!((shown.signals, shown.help.len()), (3, 1), "one direct and two through the bundle; helped by wonen");
    // Unlinking puts it back on the list.
    bottlenecks::link(store, &f.processor, bottleneck, AgendaSubject::Signal(linked), false, chrono::Utc::now()).await.unwrap();
    let listed = store.read().await.unwrap().signals_without_bottleneck(f.tenant.id).await.unwrap();
    assert!(listed.iter().any(|s| s.id == linked));
}

async fn invitations_carry_a_calendar_file_updates_and_a_cancellation(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "agendastad").await;
    let id = meetings::plan(store, &f.coordinator, &meeting_form("Ronde tafel vervoer", "2027-03-11"), chrono::Utc::now()).await.unwrap();
    let guest = NewInvitee::Guest { name: "Expert Mobiliteit".into(), role: "spreker".into(), email: "expert@mobiliteit.test".into() };
    meetings::invite(store, &f.coordinator, id, &guest, &MAILING, chrono::Utc::now()).await.unwrap();
    meetings::invite(store, &f.coordinator, id, &NewInvitee::Person(f.processor.person.id), &MAILING, chrono::Utc::now()).await.unwrap();
    // What went out to the guest, with its calendar file.
    let sent = |to: &'static str| async move {
        let mut tx = store.read().await.unwrap();
        let mut mails = tx.outbox(f.tenant.id, 50).await.unwrap();
        mails.retain(|m| m.to == to);
        mails.sort_by_key(|m| m.id);
        let mut out = Vec::new();
        for mail in mails {
            let file = tx.mail_attachment(mail.id).await.unwrap().expect("a calendar file").body.replace("\r\n ", "");
            out.push((mail.subject, file));
        }
        out
    };
    let first = sent("expert@mobiliteit.test").await;
    assert_eq!(first.len(), 1);
    let (subject, file) = &first[0];
    assert_eq!(subject, "Uitnodiging: Ronde tafel vervoer");
    let uid = format!("UID:overleg-agendastad-{id}@seinhuis");
    for line in [
        "METHOD:REQUEST",
        uid.as_str(),
        "SEQUENCE:0",
        "DTSTART;TZID=Europe/Brussels:20270311T140000",
        "DTEND;TZID=Europe/Brussels:20270311T160000",
    ] {
        assert!(file.contains(line), "{line} in {file}");
    }
    assert_eq!(sent("processor@agendastad.example").await.len(), 1, "a member is invited by mail too");

    // Only a new date, length or place is an update; the UID stays.
    let version = store.read().await.unwrap().meeting(f.tenant.id, id).await.unwrap().unwrap().version;
    meetings::replan(
        store,
        &f.coordinator,
        id,
        version,
        &meeting_form("Ronde tafel mobiliteit", "2027-03-11"),
        &MAILING,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(sent("expert@mobiliteit.test").await.len(), 1, "a new title sends nothing");
    let version = version + 1;
    meetings::replan(
        store,
        &f.coordinator,
        id,
        version,
        &meeting_form("Ronde tafel mobiliteit", "2027-03-18"),
        &MAILING,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let updated = sent("expert@mobiliteit.test").await;
    let (subject, file) = &updated[1];
    assert_eq!(subject, "Gewijzigd: Ronde tafel mobiliteit");
    for line in ["METHOD:REQUEST", uid.as_str(), "SEQUENCE:1", "DTSTART;TZID=Europe/Brussels:20270318T140000"] {
        assert!(file.contains(line), "{line} in {file}");
    }
    // A stale plan is refused.
    assert_eq!(
        meetings::replan(store, &f.coordinator, id, version, &meeting_form("X", "2027-04-01"), &MAILING, chrono::Utc::now()).await,
        Err(AppError::Stale)
    );

    meetings::set_status(store, &f.coordinator, id, MeetingStatus::Geannuleerd, &MAILING, chrono::Utc::now()).await.unwrap();
    {
        // The change is numbered for the tenant and names the meeting: its agenda's stream passes it on.
        let mut tx = store.read().await.unwrap();
        let seq = tx.change_seq(f.tenant.id).await.unwrap();
        let change = tx.change(f.tenant.id, seq).await.unwrap().unwrap();
        assert!(change.meetings.contains(&id), "{change:?}");
    }
    let cancelled = sent("expert@mobiliteit.test").await;
    let (subject, file) = &cancelled[2];
    assert_eq!(subject, "Geannuleerd: Ronde tafel mobiliteit");
    for line in ["METHOD:CANCEL", "STATUS:CANCELLED", uid.as_str(), "SEQUENCE:2"] {
        assert!(file.contains(line), "{line} in {file}");
    }
    // A cancelled meeting's agenda is closed.
    let closed = agenda::place(
        store,
        &f.coordinator,
        id,
        AgendaSubject::Signal(walked(store, &f, "Laat", Phase::Retained).await),
        URL,
        chrono::Utc::now(),
    )
    .await;
    assert!(matches!(closed, Err(AppError::Invalid(_))), "{closed:?}");
}

/// An overdue line's lead is reminded once per due date; a line that is done is not.
async fn an_overdue_action_line_reminds_its_lead_once(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "herinnerstad").await;
    let (s1, s2) = (walked(store, &f, "Te laat A", Phase::Retained).await, walked(store, &f, "Te laat B", Phase::Retained).await);
    let b = bundle(store, &f, "Trage opvolging", &[s1, s2], Phase::Analysed).await;
    let m = meetings::plan(store, &f.coordinator, &meeting_form("Ronde tafel", "2027-03-11"), chrono::Utc::now()).await.unwrap();
    let item = agenda::place(store, &f.coordinator, m, AgendaSubject::Bundle(b), URL, chrono::Utc::now()).await.unwrap();
    let minutes = MinutesForm { decision: "campagne".into(), ..Default::default() };
    let campaign = decisions::record(store, &f.coordinator, item, 1, &minutes, URL, chrono::Utc::now()).await.unwrap().unwrap();
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let late = LineForm {
        title: "Overleg met de huisvesters".into(),
        lead: Some(f.processor.person.id),
        due_on: yesterday.clone(),
        ..Default::default()
    };
    campaigns::add_line(store, &f.coordinator, campaign, &late, chrono::Utc::now()).await.unwrap();
    let done = LineForm { title: "Al klaar".into(), status: "klaar".into(), ..late.clone() };
    campaigns::add_line(store, &f.coordinator, campaign, &done, chrono::Utc::now()).await.unwrap();

    let reminded = |mails: &[seinhuis::domain::Mail]| mails.iter().filter(|m| m.subject.starts_with("Actielijn over tijd")).count();
    assert_eq!(campaigns::remind_overdue_leads(store, URL, chrono::Utc::now()).await.unwrap(), 1);
    assert_eq!(campaigns::remind_overdue_leads(store, URL, chrono::Utc::now()).await.unwrap(), 0, "once");
    let mails = store.read().await.unwrap().outbox(f.tenant.id, 50).await.unwrap();
    assert_eq!(reminded(&mails), 1);
    let mail = mails.iter().find(|m| m.subject.starts_with("Actielijn over tijd")).unwrap();
    assert_eq!(
        (mail.to.as_str(), mail.subject.as_str()),
        (f.processor.person.email.as_str(), "Actielijn over tijd: Overleg met de huisvesters")
    );
}
