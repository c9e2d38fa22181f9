//! The board's workbench (issue 12), over HTTP as real demo users, on SQLite
//! and PostgreSQL: comments that mention colleagues, assignment, questions to
//! the reporter and their answers, links, and the notifications and mails
//! they cause. The expectations follow the domain README ("Who may see whom",
//! "Who may do what"): the reporter never reads the team's own work nor a
//! processor's name; a regisseur reads and comments but never learns who
//! reported and never works the signal.

use crate::common::{Backend, TestApp, spawn_app};
use seinhuis::api::board::Board;
use seinhuis::api::follow::MySignals;
use seinhuis::api::signal::SignalPage;
use seinhuis::domain::board::CardUpdate;
use seinhuis::domain::workbench::{Colleague, NotificationKind, Waiting};
use seinhuis::domain::{EventKind, FollowedSignal, HistoryEntry, Mail, SignalId};

on_both_backends!(
    the_home_counts_what_waits_in_one_read,
    a_mention_tells_a_colleague_who_may_read_it_and_nobody_else,
    the_privacy_guard_checks_comments_unless_confirmed,
    assignment_goes_to_who_processes_it_and_filters_the_board,
    a_question_reaches_the_reporter_from_de_signaalverwerker,
    links_join_signals_each_reader_may_read,
    the_reporter_never_reads_the_teams_work,
    a_regisseur_reads_comments_but_does_not_work_the_signal,
    a_bulk_action_checks_each_card_and_says_why_not,
);

const COORDINATOR: &str = "ines.claeys@gent.example";
/// Signaalverwerker for welzijn, gezondheid, ….
const PROCESSOR: &str = "bram.verhaeghe@gent.example";
/// Signaalverwerker for wonen, regisseur for welzijn.
const MIXED: &str = "joris.wuytack@gent.example";
/// Regisseur for wonen.
const REGISSEUR: &str = "pieterjan.goossens@gent.example";
/// Signaalverwerker for jeugd, … and De Kiem's staff: not welzijn.
const OTHER_PROCESSOR: &str = "nadia.elamrani@dekiem.example";
/// Youssef Benali of Welzijnshuis De Overstap: reporter of SHELTER.
const REPORTER: &str = "youssef.benali@deoverstap.example";
const REPORTER_NAME: &str = "Youssef Benali";
const REPORTER_ORG: &str = "Welzijnshuis De Overstap";

/// Youssef's, welzijn, In screening, may be contacted: Bram and Ines work it,
/// Joris reads it as regisseur of welzijn.
const SHELTER: &str = "Geen slaapplek voor wie nog actief gebruikt";
/// Katrien's, gezondheid, In screening: Bram and Ines work it, Joris may not read it.
const PRENATAL: &str = "Zwangere vrouwen zonder ziekteverzekering stellen prenatale zorg uit";
/// Katrien's (Wijkgezondheidscentrum De Oever), wonen, Geanalyseerd: Joris
/// works it, Pieter-Jan steers it.
const HOUSING: &str = "Overbewoonde en vochtige woningen bij nieuwkomersgezinnen";

/// The names of the people who work Gent's signals: never for a reporter.
const PROCESSOR_NAMES: [&str; 3] = ["Bram Verhaeghe", "Ines Claeys", "Joris Wuytack"];

async fn signal(app: &TestApp, title: &str) -> SignalId {
    let gent = app.tenant_id("gent").await;
    let mut tx = app.db.store.read().await.unwrap();
    tx.signal_summaries(gent).await.unwrap().into_iter().find(|s| s.title == title).unwrap_or_else(|| panic!("no {title}")).id
}

/// The stored history, straight from the store (for "nothing was stored").
async fn history(app: &TestApp, id: SignalId) -> Vec<HistoryEntry> {
    let gent = app.tenant_id("gent").await;
    app.db.store.read().await.unwrap().history(gent, id).await.unwrap()
}

/// Every mail Gent queued, straight from the store.
async fn outbox(app: &TestApp) -> Vec<Mail> {
    let gent = app.tenant_id("gent").await;
    app.db.store.read().await.unwrap().outbox(gent, 10_000).await.unwrap()
}

async fn mails_to(app: &TestApp, to: &str) -> Vec<Mail> {
    outbox(app).await.into_iter().filter(|m| m.to == to).collect()
}

async fn page(app: &TestApp, client: &reqwest::Client, id: SignalId) -> (SignalPage, String) {
    let (status, body) = app.call(client, "signaal", &[("tenant", "gent"), ("id", &id.to_string())]).await;
    assert_eq!(status, 200, "{body}");
    (serde_json::from_str(&body).unwrap(), body)
}

async fn waiting(app: &TestApp, client: &reqwest::Client) -> (Waiting, String) {
    let (status, body) = app.call(client, "wat-wacht", &[("tenant", "gent")]).await;
    assert_eq!(status, 200, "{body}");
    (serde_json::from_str(&body).unwrap(), body)
}

async fn my_signal(app: &TestApp, client: &reqwest::Client, id: SignalId) -> (FollowedSignal, String) {
    let (status, body) = app.call(client, "mijn-signalen", &[("tenant", "gent")]).await;
    assert_eq!(status, 200, "{body}");
    let mine: MySignals = serde_json::from_str(&body).unwrap();
    (mine.signals.into_iter().find(|s| s.signal.id == id).expect("the reporter's own signal"), body)
}

async fn comment(app: &TestApp, client: &reqwest::Client, id: SignalId, text: &str, confirmed: bool) -> (u16, String) {
    let id = id.to_string();
    let mut form = vec![("tenant", "gent"), ("signal", id.as_str()), ("text", text)];
    if confirmed {
        form.push(("confirmed", "on"));
    }
    app.call(client, "opmerking-plaatsen", &form).await
}

async fn assign(app: &TestApp, client: &reqwest::Client, id: SignalId, person: &str) -> (u16, String) {
    app.call(client, "signaal-toewijzen", &[("tenant", "gent"), ("signal", &id.to_string()), ("person", person)]).await
}

async fn ask(app: &TestApp, client: &reqwest::Client, id: SignalId, text: &str) -> (u16, String) {
    app.call(client, "vraag-stellen", &[("tenant", "gent"), ("signal", &id.to_string()), ("text", text)]).await
}

async fn link(app: &TestApp, client: &reqwest::Client, id: SignalId, other: SignalId, remove: bool) -> (u16, String) {
    let (id, other) = (id.to_string(), other.to_string());
    let mut form = vec![("tenant", "gent"), ("signal", id.as_str()), ("other", other.as_str())];
    if remove {
        form.push(("remove", "on"));
    }
    app.call(client, "signalen-koppelen", &form).await
}

/// The ids of every card on the caller's board with this query.
async fn board_ids(app: &TestApp, client: &reqwest::Client, shown: &str) -> Vec<SignalId> {
    let (status, body) = app.call(client, "bord", &[("tenant", "gent"), ("shown", shown)]).await;
    assert_eq!(status, 200, "{body}");
    let board: Board = serde_json::from_str(&body).unwrap();
    let mut ids: Vec<SignalId> = board.columns.iter().flat_map(|c| c.cards.iter().map(|card| card.signal.id)).collect();
    let total: i64 = board.columns.iter().map(|c| c.total).sum();
    assert_eq!(ids.len() as i64, total, "the whole board fits on one page here");
    ids.sort();
    ids
}

async fn person(app: &TestApp, email: &str) -> String {
    app.person_id(email).await.to_string()
}

fn names(colleagues: &[Colleague]) -> Vec<&str> {
    let mut names: Vec<&str> = colleagues.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    names
}

async fn a_mention_tells_a_colleague_who_may_read_it_and_nobody_else(backend: Backend) {
    let app = spawn_app(backend).await;
    let (bram, joris, nadia) = (app.logged_in(PROCESSOR).await, app.logged_in(MIXED).await, app.logged_in(OTHER_PROCESSOR).await);
    let shelter = signal(&app, SHELTER).await;
    assert!(waiting(&app, &joris).await.0.notifications.is_empty(), "the demo has no notifications");
    assert!(mails_to(&app, MIXED).await.is_empty());

    // Bram's panel offers whom he may mention: the others who may read it.
    let (shown, _) = page(&app, &bram, shelter).await;
    let work = shown.work.expect("the team's panel");
    assert!(work.may_work);
    let mentionable = names(&work.mentionable);
    assert!(mentionable.contains(&"Joris Wuytack") && mentionable.contains(&"Ines Claeys"), "{mentionable:?}");
    assert!(!mentionable.contains(&"Bram Verhaeghe"), "not oneself: {mentionable:?}");
    assert!(!mentionable.contains(&"Nadia El Amrani") && !mentionable.contains(&"Pieter-Jan Goossens"), "{mentionable:?}");
    assert!(!mentionable.contains(&REPORTER_NAME), "the reporter is no colleague: {mentionable:?}");

    // Mentioning someone who may not read it is refused, and nothing is stored.
    let before = (history(&app, shelter).await.len(), outbox(&app).await.len());
    for (who, text) in [
        ("Nadia", "@Nadia El Amrani weet jij hoe het in jouw wijk zit?"),
        ("Pieter-Jan", "@Pieter-Jan Goossens is dit iets voor wonen?"),
        // Kortrijk's processor for welzijn: another tenant.
        ("Charlotte", "@Charlotte Depuydt zien jullie dit ook?"),
        // The reporter may read it, but is no colleague.
        ("Youssef", "@Youssef Benali klopt dit nog?"),
    ] {
        let (status, body) = comment(&app, &bram, shelter, text, false).await;
        assert_eq!(status, 422, "mentioning {who}: {body}");
        assert!(body.contains(&format!("‘@{who}")), "the refusal names the mention: {body}");
        assert!(body.contains("niemand die dit signaal mag lezen"), "in Dutch: {body}");
    }
    assert_eq!((history(&app, shelter).await.len(), outbox(&app).await.len()), before, "a refused comment stores nothing");
    assert!(waiting(&app, &nadia).await.0.notifications.is_empty());

    // A mention of a colleague who reads it (as regisseur of welzijn).
    let text = "@Joris Wuytack kan jij dit meenemen naar het overleg over de nachtopvang?";
    let (status, body) = comment(&app, &bram, shelter, text, false).await;
    assert_eq!(status, 200, "{body}");
    let stored = history(&app, shelter).await;
    assert_eq!(stored.len(), before.0 + 1);
    let last = stored.last().unwrap();
    assert_eq!((last.kind, last.note.as_deref(), last.actor_name.as_deref()), (EventKind::Commented, Some(text), Some("Bram Verhaeghe")));

    // Joris hears it in Seinhuis…
    let (seen, _) = waiting(&app, &joris).await;
    assert_eq!(seen.notifications.len(), 1, "{seen:?}");
    let n = &seen.notifications[0];
    assert_eq!((n.kind, n.signal, n.read), (NotificationKind::Mentioned, shelter, false));
    assert_eq!(n.actor_name.as_deref(), Some("Bram Verhaeghe"));
    assert_eq!(n.title, SHELTER);
    // …and by exactly one mail, naming the signal but not who reported it nor the comment.
    let mails = mails_to(&app, MIXED).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    let mail = &mails[0];
    let all = format!("{}\n{}", mail.subject, mail.body);
    assert!(all.contains(&format!("signaal {shelter}")) && mail.body.contains(SHELTER), "{all}");
    assert!(mail.body.contains(&format!("/gent/signalen/{shelter}")), "a link to the signal: {all}");
    for secret in [REPORTER_NAME, REPORTER_ORG, text, "nachtopvang"] {
        assert!(!all.contains(secret), "the mail tells {secret}: {all}");
    }
    // Nobody else was told: not the author, not the coordinator who was not mentioned.
    assert!(waiting(&app, &bram).await.0.notifications.is_empty());
    assert!(waiting(&app, &app.logged_in(COORDINATOR).await).await.0.notifications.is_empty());
    assert_eq!(outbox(&app).await.len(), before.1 + 1, "one mail in all");

    // Joris reads the comment on the signal's page; opening it reads the notification.
    let (shown, _) = page(&app, &joris, shelter).await;
    assert!(shown.history.iter().any(|e| e.kind == EventKind::Commented && e.note.as_deref() == Some(text)), "{:?}", shown.history);
    let (seen, _) = waiting(&app, &joris).await;
    assert_eq!(seen.notifications.len(), 1);
    assert!(seen.notifications[0].read, "opening the signal marks it read");

    // Mentioning the same colleague twice tells them once.
    let (status, body) = comment(&app, &bram, shelter, "@Joris Wuytack nog eens, @joris wuytack: wat denk je?", false).await;
    assert_eq!(status, 200, "{body}");
    let (seen, _) = waiting(&app, &joris).await;
    assert_eq!(seen.notifications.len(), 2);
    assert_eq!(mails_to(&app, MIXED).await.len(), 2);
}

async fn the_privacy_guard_checks_comments_unless_confirmed(backend: Backend) {
    let app = spawn_app(backend).await;
    let bram = app.logged_in(PROCESSOR).await;
    let shelter = signal(&app, SHELTER).await;
    let before = history(&app, shelter).await.len();

    let text = "De begeleider belde de cliënt op 0470 12 34 56 en die bevestigt het.";
    let (status, body) = comment(&app, &bram, shelter, text, false).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("telefoonnummer") && body.contains("0470 12 34 56"), "the Dutch reason names the passage: {body}");
    assert_eq!(history(&app, shelter).await.len(), before, "nothing stored");
    // An empty comment is refused too.
    let (status, body) = comment(&app, &bram, shelter, "   ", false).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Schrijf je opmerking"), "{body}");
    assert_eq!(history(&app, shelter).await.len(), before, "nothing stored");

    // Confirmed as no client data: stored as typed.
    let (status, body) = comment(&app, &bram, shelter, text, true).await;
    assert_eq!(status, 200, "{body}");
    let stored = history(&app, shelter).await;
    assert_eq!(stored.len(), before + 1);
    assert_eq!((stored[before].kind, stored[before].note.as_deref()), (EventKind::Commented, Some(text)));
    // A mentioned colleague's name is no client data.
    let (status, body) = comment(&app, &bram, shelter, "@Joris Wuytack dit is voor jou.", false).await;
    assert_eq!(status, 200, "{body}");
}

async fn assignment_goes_to_who_processes_it_and_filters_the_board(backend: Backend) {
    let app = spawn_app(backend).await;
    let (ines, bram) = (app.logged_in(COORDINATOR).await, app.logged_in(PROCESSOR).await);
    let (shelter, prenatal) = (signal(&app, SHELTER).await, signal(&app, PRENATAL).await);
    assert!(board_ids(&app, &bram, "toegewezen=mij").await.is_empty(), "the demo assigns nothing");

    // Who may get it: those who process it, never a reader or a stranger.
    let (shown, _) = page(&app, &ines, shelter).await;
    let work = shown.work.unwrap();
    let assignable = names(&work.assignable);
    assert!(assignable.contains(&"Bram Verhaeghe") && assignable.contains(&"Ines Claeys"), "{assignable:?}");
    assert!(!assignable.contains(&"Joris Wuytack") && !assignable.contains(&"Nadia El Amrani"), "{assignable:?}");

    let before = (history(&app, shelter).await.len(), outbox(&app).await.len());
    for email in [OTHER_PROCESSOR, MIXED, REGISSEUR, REPORTER, "charlotte.depuydt@kortrijk.example"] {
        let (status, body) = assign(&app, &ines, shelter, &person(&app, email).await).await;
        assert_eq!(status, 422, "assigning to {email}: {body}");
        assert!(body.contains("verwerkt dit signaal niet"), "{body}");
    }
    assert_eq!((history(&app, shelter).await.len(), outbox(&app).await.len()), before, "nothing stored");
    assert!(waiting(&app, &app.logged_in(OTHER_PROCESSOR).await).await.0.notifications.is_empty());

    // To Bram, who processes it.
    let (status, body) = assign(&app, &ines, shelter, &person(&app, PROCESSOR).await).await;
    assert_eq!(status, 200, "{body}");
    let assignee: Option<Colleague> = serde_json::from_str(&body).unwrap();
    assert_eq!(assignee.map(|c| c.name).as_deref(), Some("Bram Verhaeghe"));
    // The card says so.
    let (status, body) = app.call(&bram, "bord-kaarten", &[("tenant", "gent"), ("signals[0]", &shelter.to_string())]).await;
    assert_eq!(status, 200, "{body}");
    let cards: Vec<CardUpdate> = serde_json::from_str(&body).unwrap();
    assert_eq!(cards[0].card.as_ref().unwrap().facts.assignee.as_deref(), Some("Bram Verhaeghe"));
    // The history has it: who, to whom.
    let (shown, _) = page(&app, &ines, shelter).await;
    let event = shown.history.iter().find(|e| e.kind == EventKind::Assigned).expect("an Assigned event");
    assert_eq!((event.actor_name.as_deref(), event.subject_name.as_deref()), (Some("Ines Claeys"), Some("Bram Verhaeghe")));
    assert_eq!(shown.work.unwrap().assignee.map(|c| c.name).as_deref(), Some("Bram Verhaeghe"));
    // Bram is told, in Seinhuis and by one mail.
    let (seen, _) = waiting(&app, &bram).await;
    assert_eq!(seen.notifications.len(), 1, "{seen:?}");
    let n = &seen.notifications[0];
    assert_eq!((n.kind, n.signal, n.actor_name.as_deref()), (NotificationKind::Assigned, shelter, Some("Ines Claeys")));
    assert_eq!(seen.mine.iter().map(|s| s.id).collect::<Vec<_>>(), vec![shelter], "his cards to work");
    let mails = mails_to(&app, PROCESSOR).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].subject.contains(&shelter.to_string()) && mails[0].body.contains(SHELTER), "{:?}", mails[0]);
    assert!(!mails[0].body.contains(REPORTER_NAME) && !mails[0].body.contains(REPORTER_ORG), "{:?}", mails[0]);

    // Bram takes another himself: no notification, no mail to himself.
    let (status, body) = assign(&app, &bram, prenatal, &person(&app, PROCESSOR).await).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(waiting(&app, &bram).await.0.notifications.len(), 1);
    assert_eq!(mails_to(&app, PROCESSOR).await.len(), 1);

    // "Aan mij toegewezen": exactly his, for him; none for Ines.
    let mut mine = vec![shelter, prenatal];
    mine.sort();
    assert_eq!(board_ids(&app, &bram, "toegewezen=mij").await, mine);
    assert!(board_ids(&app, &bram, "").await.len() > 2, "without the filter, the whole board");
    assert!(board_ids(&app, &ines, "toegewezen=mij").await.is_empty());

    // Given to nobody: off his list, off the card.
    let (status, body) = assign(&app, &ines, shelter, "").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.trim(), "null");
    assert_eq!(board_ids(&app, &bram, "toegewezen=mij").await, vec![prenatal]);
    let (_, body) = app.call(&bram, "bord-kaarten", &[("tenant", "gent"), ("signals[0]", &shelter.to_string())]).await;
    let cards: Vec<CardUpdate> = serde_json::from_str(&body).unwrap();
    assert_eq!(cards[0].card.as_ref().unwrap().facts.assignee, None);
    assert_eq!(history(&app, shelter).await.iter().filter(|e| e.kind == EventKind::Assigned).count(), 2);
}

async fn a_question_reaches_the_reporter_from_de_signaalverwerker(backend: Backend) {
    let app = spawn_app(backend).await;
    let (bram, youssef, sofie) =
        (app.logged_in(PROCESSOR).await, app.logged_in(REPORTER).await, app.logged_in("sofie.mertens@deschakel.example").await);
    let shelter = signal(&app, SHELTER).await;
    assert!(waiting(&app, &youssef).await.0.questions.is_empty());
    let mails_before = mails_to(&app, REPORTER).await.len();

    let question = "Over hoeveel mensen per week gaat het ongeveer, en in welke buurten?";
    let (status, body) = ask(&app, &bram, shelter, question).await;
    assert_eq!(status, 200, "{body}");

    // In Mijn signalen: from "de signaalverwerker", never Bram's name.
    let (followed, body) = my_signal(&app, &youssef, shelter).await;
    let asked = followed.timeline.iter().find(|e| e.kind == EventKind::QuestionAsked).expect("the question in the timeline");
    assert_eq!(asked.actor_name.as_deref(), Some("de signaalverwerker"));
    assert_eq!(asked.message.as_deref(), Some(question));
    for name in PROCESSOR_NAMES {
        assert!(!body.contains(name), "Mijn signalen names {name}: {body}");
    }
    // By mail, to the reporter's address, without a processor's name.
    let mails = mails_to(&app, REPORTER).await;
    assert_eq!(mails.len(), mails_before + 1, "{mails:?}");
    let mail = mails.iter().find(|m| m.body.contains(question)).expect("the question's mail");
    assert!(mail.body.contains("/gent/mijn-signalen"), "{}", mail.body);
    assert!(!mail.body.contains("Bram"), "{}", mail.body);
    // What waits for him: the open question.
    let (seen, body) = waiting(&app, &youssef).await;
    assert_eq!(seen.questions.len(), 1, "{seen:?}");
    let open = &seen.questions[0];
    assert_eq!((open.signal, open.question.as_str(), open.answer.as_deref()), (shelter, question, None));
    assert_eq!(open.asked_by.as_deref(), Some("de signaalverwerker"));
    assert!(!body.contains("Bram"), "{body}");
    // Nobody else's question.
    assert!(waiting(&app, &sofie).await.0.questions.is_empty());
    let id = open.id.to_string();

    // Another signaalgever cannot answer it, nor may a processor answer for him.
    let answer_form = |text: &'static str| [("tenant", "gent"), ("question", id.as_str()), ("text", text)];
    let (status, body) = app.call(&sofie, "vraag-beantwoorden", &answer_form("Ik weet het niet.")).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = app.call(&bram, "vraag-beantwoorden", &answer_form("Ik weet het niet.")).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(waiting(&app, &youssef).await.0.questions.len(), 1, "still open");

    // He answers, once.
    let answer = "Een tiental per week, vooral rond het station.";
    let (status, body) = app.call(&youssef, "vraag-beantwoorden", &answer_form(answer)).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app.call(&youssef, "vraag-beantwoorden", &answer_form("Toch eerder twintig.")).await;
    assert_eq!(status, 422, "a second answer: {body}");
    assert!(body.contains("al beantwoord"), "{body}");
    assert!(waiting(&app, &youssef).await.0.questions.is_empty(), "answered: no longer waiting");
    let (followed, _) = my_signal(&app, &youssef, shelter).await;
    let answered = followed.timeline.iter().find(|e| e.kind == EventKind::QuestionAnswered).expect("his answer in his timeline");
    assert_eq!(answered.message.as_deref(), Some(answer));

    // Bram reads the answer beside the signal, and is told.
    let (shown, _) = page(&app, &bram, shelter).await;
    let questions = shown.work.unwrap().questions;
    assert_eq!(questions.len(), 1);
    assert_eq!((questions[0].question.as_str(), questions[0].answer.as_deref()), (question, Some(answer)));
    assert_eq!(questions[0].asked_by.as_deref(), Some("Bram Verhaeghe"));
    assert!(questions[0].answered_at.is_some());
    let (seen, _) = waiting(&app, &bram).await;
    let told: Vec<_> = seen.notifications.iter().map(|n| (n.kind, n.signal)).collect();
    assert_eq!(told, vec![(NotificationKind::Answered, shelter)]);
    assert_eq!(seen.notifications[0].actor_name, None, "the reporter is never named");
    let mails = mails_to(&app, PROCESSOR).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].body.contains(SHELTER) && !mails[0].body.contains(answer) && !mails[0].body.contains(REPORTER_NAME), "{:?}", mails[0]);

    // A reporter who did not allow contact is not asked (intake's default is "nee").
    let private = app
        .submit_as("sofie.mertens@deschakel.example", "gent", "welzijn", "Geen opvang na de gevangenis", "Wie vrijkomt, staat op straat.")
        .await;
    let (shown, _) = page(&app, &bram, private).await;
    assert!(shown.work.unwrap().no_question.is_some_and(|why| why.contains("niet gecontacteerd")));
    let sofie_mails = mails_to(&app, "sofie.mertens@deschakel.example").await.len();
    let (status, body) = ask(&app, &bram, private, "Mogen we je bellen?").await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("niet gecontacteerd"), "{body}");
    assert_eq!(mails_to(&app, "sofie.mertens@deschakel.example").await.len(), sofie_mails);
    assert!(waiting(&app, &sofie).await.0.questions.is_empty());
    // A question with a phone number waits for confirmation too.
    let (status, body) = ask(&app, &bram, shelter, "Kan ik de man bellen op 0470 12 34 56?").await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("telefoonnummer"), "{body}");
    assert!(waiting(&app, &youssef).await.0.questions.is_empty());
}

async fn links_join_signals_each_reader_may_read(backend: Backend) {
    let app = spawn_app(backend).await;
    let (bram, joris) = (app.logged_in(PROCESSOR).await, app.logged_in(MIXED).await);
    let (shelter, prenatal, housing) = (signal(&app, SHELTER).await, signal(&app, PRENATAL).await, signal(&app, HOUSING).await);

    let (status, body) = link(&app, &bram, shelter, prenatal, false).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = link(&app, &bram, prenatal, shelter, false).await;
    assert_eq!(status, 422, "linked already, either way round: {body}");
    assert!(body.contains("al gekoppeld"), "{body}");
    // Both sides show it, and both histories say so.
    for (this, that, title) in [(shelter, prenatal, PRENATAL), (prenatal, shelter, SHELTER)] {
        let (shown, _) = page(&app, &bram, this).await;
        let links = shown.work.unwrap().links;
        assert_eq!(links.iter().map(|l| (l.id, l.title.as_str())).collect::<Vec<_>>(), vec![(that, title)]);
        let linked: Vec<_> = history(&app, this).await.into_iter().filter(|e| e.kind == EventKind::Linked).map(|e| e.linked).collect();
        assert_eq!(linked, vec![Some(that)]);
    }
    // Joris reads the shelter signal (regisseur of welzijn), not the prenatal one:
    // he does not see that link, nor its title.
    let (shown, body) = page(&app, &joris, shelter).await;
    assert!(shown.work.unwrap().links.is_empty());
    assert!(!body.contains(PRENATAL), "{body}");

    // Bram cannot link to a signal he does not process, and hears the same
    // as for one that does not exist.
    let (status, refused) = link(&app, &bram, shelter, housing, false).await;
    assert_eq!(status, 422, "{refused}");
    assert!(!refused.contains(HOUSING), "{refused}");
    let (status, missing) = link(&app, &bram, shelter, SignalId(999_999), false).await;
    assert_eq!(status, 422);
    assert_eq!(refused.replace(&housing.to_string(), "N"), missing.replace("999999", "N"));

    // Undone.
    let (status, body) = link(&app, &bram, shelter, prenatal, true).await;
    assert_eq!(status, 200, "{body}");
    assert!(page(&app, &bram, prenatal).await.0.work.unwrap().links.is_empty());
    assert!(history(&app, prenatal).await.iter().any(|e| e.kind == EventKind::Unlinked && e.linked == Some(shelter)));
    let (status, _) = link(&app, &bram, shelter, prenatal, true).await;
    assert_eq!(status, 422, "no link to undo");
}

async fn the_reporter_never_reads_the_teams_work(backend: Backend) {
    let app = spawn_app(backend).await;
    let (ines, bram, youssef) = (app.logged_in(COORDINATOR).await, app.logged_in(PROCESSOR).await, app.logged_in(REPORTER).await);
    let (shelter, prenatal) = (signal(&app, SHELTER).await, signal(&app, PRENATAL).await);

    let remark = "@Joris Wuytack intern: volgens mij hoort dit bij de bundel over dakloosheid.";
    assert_eq!(comment(&app, &bram, shelter, remark, false).await.0, 200);
    assert_eq!(assign(&app, &ines, shelter, &app.person_id(PROCESSOR).await.to_string()).await.0, 200);
    assert_eq!(link(&app, &bram, shelter, prenatal, false).await.0, 200);
    assert_eq!(ask(&app, &bram, shelter, "Sinds wanneer zie je dit?").await.0, 200);
    // The team reads all of it.
    let stored: Vec<EventKind> = history(&app, shelter).await.iter().map(|e| e.kind).collect();
    for kind in [EventKind::Commented, EventKind::Assigned, EventKind::Linked, EventKind::QuestionAsked] {
        assert!(stored.contains(&kind), "{kind:?} stored: {stored:?}");
    }

    // Mijn signalen: the question, but no comment, assignment or link, and no names.
    let (followed, body) = my_signal(&app, &youssef, shelter).await;
    assert!(followed.timeline.iter().all(|e| !e.kind.is_internal()), "{:?}", followed.timeline);
    assert!(followed.timeline.iter().any(|e| e.kind == EventKind::QuestionAsked));
    assert!(followed.timeline.iter().all(|e| e.note.is_none() && e.subject_name.as_deref().is_none_or(|s| s == "de signaalverwerker")));
    for secret in PROCESSOR_NAMES.iter().copied().chain([remark, "dakloosheid", PRENATAL]) {
        assert!(!body.contains(secret), "Mijn signalen tells {secret}: {body}");
    }
    // The signal's own page, as its reporter: no panel, nothing of the team's work.
    let (shown, body) = page(&app, &youssef, shelter).await;
    assert!(shown.work.is_none(), "the reporter gets no workbench");
    assert!(shown.history.iter().all(|e| !e.kind.is_internal()), "{:?}", shown.history);
    for secret in PROCESSOR_NAMES.iter().copied().chain([remark, "dakloosheid", PRENATAL]) {
        assert!(!body.contains(secret), "the signal's page tells its reporter {secret}: {body}");
    }
    // Nor what waits for him.
    let (_, body) = waiting(&app, &youssef).await;
    for secret in PROCESSOR_NAMES {
        assert!(!body.contains(secret), "{secret}: {body}");
    }
}

async fn a_regisseur_reads_comments_but_does_not_work_the_signal(backend: Backend) {
    let app = spawn_app(backend).await;
    let (joris, pieterjan) = (app.logged_in(MIXED).await, app.logged_in(REGISSEUR).await);
    let (housing, shelter) = (signal(&app, HOUSING).await, signal(&app, SHELTER).await);

    // Joris works the wonen signal; he mentions its regisseur and takes it.
    let remark = "@Pieter-Jan Goossens past dit in jouw knelpunt over woningkwaliteit?";
    let (status, body) = comment(&app, &joris, housing, remark, false).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(assign(&app, &joris, housing, &app.person_id(MIXED).await.to_string()).await.0, 200);
    let (seen, _) = waiting(&app, &pieterjan).await;
    assert_eq!(seen.notifications.iter().map(|n| (n.kind, n.signal)).collect::<Vec<_>>(), vec![(NotificationKind::Mentioned, housing)]);
    assert!(seen.mine.is_empty(), "a regisseur has no cards");

    // Pieter-Jan reads the comment, not who reported it; he may not work it.
    let (shown, body) = page(&app, &pieterjan, housing).await;
    assert!(shown.history.iter().any(|e| e.kind == EventKind::Commented && e.note.as_deref() == Some(remark)), "{:?}", shown.history);
    let work = shown.work.expect("the team's panel, to comment");
    assert!(!work.may_work);
    assert!(work.assignable.is_empty(), "{:?}", work.assignable);
    for secret in ["Katrien Desmet", "Wijkgezondheidscentrum De Oever", "katrien.desmet"] {
        assert!(!body.contains(secret), "a regisseur reads {secret}: {body}");
    }
    // He comments; the rest is not his.
    let (status, body) = comment(&app, &pieterjan, housing, "Ja, ik neem het mee naar het regisseursoverleg.", false).await;
    assert_eq!(status, 200, "{body}");
    for (what, (status, body)) in [
        ("assign", assign(&app, &pieterjan, housing, "").await),
        ("ask", ask(&app, &pieterjan, housing, "Hoe vaak zie je dit?").await),
        ("link", link(&app, &pieterjan, housing, shelter, false).await),
    ] {
        assert_eq!(status, 403, "a regisseur may not {what}: {body}");
    }

    // Joris is a regisseur for welzijn: the same on Youssef's signal.
    let (shown, body) = page(&app, &joris, shelter).await;
    let work = shown.work.expect("the team's panel");
    assert!(!work.may_work && work.assignable.is_empty());
    assert!(!body.contains(REPORTER_NAME) && !body.contains(REPORTER_ORG), "{body}");
    let (status, body) = comment(&app, &joris, shelter, "Ook bij wonen zien we dit.", false).await;
    assert_eq!(status, 200, "{body}");
    for (what, (status, body)) in [
        ("assign", assign(&app, &joris, shelter, &app.person_id(MIXED).await.to_string()).await),
        ("ask", ask(&app, &joris, shelter, "Hoe vaak zie je dit?").await),
        ("link", link(&app, &joris, shelter, housing, false).await),
    ] {
        assert_eq!(status, 403, "Joris may not {what} a welzijn signal: {body}");
    }
    // After Youssef answers a question, the regisseur still does not read his name.
    let bram = app.logged_in(PROCESSOR).await;
    assert_eq!(ask(&app, &bram, shelter, "Sinds wanneer zie je dit?").await.0, 200);
    let youssef = app.logged_in(REPORTER).await;
    let id = waiting(&app, &youssef).await.0.questions[0].id.to_string();
    let (status, body) =
        app.call(&youssef, "vraag-beantwoorden", &[("tenant", "gent"), ("question", &id), ("text", "Sinds de winter.")]).await;
    assert_eq!(status, 200, "{body}");
    let (shown, body) = page(&app, &joris, shelter).await;
    let answered = shown.history.iter().find(|e| e.kind == EventKind::QuestionAnswered).expect("the answer in the history");
    assert_eq!(answered.actor_name, None, "the reporter's name");
    assert!(!body.contains(REPORTER_NAME) && !body.contains(REPORTER_ORG), "{body}");
}

/// Several cards at once (`kaarten-samen`), as Bram: each card is checked on
/// its own; the report says which were done and, for the others, why not,
/// naming only signals he may read.
async fn a_bulk_action_checks_each_card_and_says_why_not(backend: Backend) {
    use seinhuis::domain::Phase;
    use seinhuis::domain::bulk::BulkReport;
    let app = spawn_app(backend).await;
    let bram = app.logged_in(PROCESSOR).await;
    let (shelter, prenatal, housing) = (signal(&app, SHELTER).await, signal(&app, PRENATAL).await, signal(&app, HOUSING).await);
    let fresh = app
        .submit_as(
            REPORTER,
            "gent",
            "welzijn",
            "Geen tolk bij het OCMW-loket",
            "Anderstaligen komen terug zonder dat ze begrepen wat ze moeten doen.",
        )
        .await;
    let bulk = |ids: Vec<SignalId>, fields: Vec<(&'static str, String)>| {
        let (app, bram) = (&app, &bram);
        async move {
            let keys: Vec<String> = (0..ids.len()).map(|i| format!("signals[{i}]")).collect();
            let mut form: Vec<(&str, String)> = vec![("tenant", "gent".into())];
            form.extend(keys.iter().zip(&ids).map(|(k, id)| (k.as_str(), id.to_string())));
            form.extend(fields);
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let (status, body) = app.call(bram, "kaarten-samen", &pairs).await;
            assert_eq!(status, 200, "{body}");
            (serde_json::from_str::<BulkReport>(&body).unwrap(), body)
        }
    };
    let done = |r: &BulkReport| r.done.iter().map(|(id, _)| *id).collect::<Vec<_>>();
    let refused = |r: &BulkReport| r.refused.iter().map(|(id, _, _)| *id).collect::<Vec<_>>();

    // Move: the two In screening go to Weerhouden; Ingediend may not skip
    // screening; the wonen signal Bram may not read is "not found", untitled.
    let (report, body) =
        bulk(vec![shelter, prenatal, fresh, housing], vec![("action", "verplaatsen".into()), ("to", "retained".into())]).await;
    assert_eq!(done(&report), vec![shelter, prenatal], "{body}");
    assert_eq!(refused(&report), vec![housing, fresh], "{body}");
    assert!(!body.contains(HOUSING), "a signal Bram may not read stays unnamed: {body}");
    let why_fresh = &report.refused.iter().find(|(id, _, _)| *id == fresh).unwrap().2;
    assert!(why_fresh.contains("Ingediend"), "the lifecycle's Dutch reason: {why_fresh}");
    let gent = app.tenant_id("gent").await;
    let phase = |id: SignalId| {
        let app = &app;
        async move { app.db.store.read().await.unwrap().signal_summary(gent, id).await.unwrap().unwrap().phase }
    };
    assert_eq!(phase(shelter).await, Phase::Retained);
    assert_eq!(phase(prenatal).await, Phase::Retained);
    assert_eq!(phase(fresh).await, Phase::Submitted, "a refused card did not move");

    // Assign to Nadia, who processes none of them: refused card by card, nothing stored.
    let nadia = person(&app, OTHER_PROCESSOR).await;
    let (report, body) = bulk(vec![shelter, prenatal], vec![("action", "toewijzen".into()), ("person", nadia)]).await;
    assert!(report.done.is_empty(), "{body}");
    assert_eq!(refused(&report), vec![shelter, prenatal], "{body}");
    assert!(!history(&app, shelter).await.iter().any(|e| e.kind == EventKind::Assigned));

    // Bundle: the two retained join one new bundle; the Ingediend one may not.
    let (report, body) =
        bulk(vec![shelter, prenatal, fresh], vec![("action", "bundelen".into()), ("title", "Geen drempelloze opvang".into())]).await;
    assert_eq!(done(&report), vec![shelter, prenatal], "{body}");
    assert_eq!(refused(&report), vec![fresh], "{body}");
    let bundle = report.bundle.expect("a bundle was made");
    let mut tx = app.db.store.read().await.unwrap();
    let mut members: Vec<SignalId> = tx.bundle_signals(gent, bundle).await.unwrap().into_iter().map(|s| s.id).collect();
    members.sort();
    let mut want = vec![shelter, prenatal];
    want.sort();
    assert_eq!(members, want);
}

/// Every member of Gent's home: a processor's signals to screen are their
/// board's first two columns, others get none; the coming meetings are those
/// the person is invited to, by name or through their organisation.
async fn the_home_counts_what_waits_in_one_read(backend: Backend) {
    use seinhuis::domain::Phase;
    let app = spawn_app(backend).await;
    let gent = app.tenant_id("gent").await;
    let mut tx = app.db.store.read().await.unwrap();
    let (members, meetings) = (tx.members(gent).await.unwrap(), tx.meetings(gent).await.unwrap());
    let (mut processors, mut invited) = (0, 0);
    for member in members.iter().filter(|m| m.active) {
        let client = app.logged_in(&member.email).await;
        let (home, _) = waiting(&app, &client).await;
        if member.roles.iter().any(|r| seinhuis::domain::access::PROCESSORS.contains(r)) {
            let (status, body) = app.call(&client, "bord", &[("tenant", "gent")]).await;
            assert_eq!(status, 200, "{body}");
            let board: Board = serde_json::from_str(&body).unwrap();
            let total = |phase| board.columns.iter().find(|c| c.phase == phase).map_or(0, |c| c.total);
            assert_eq!(home.to_screen, Some((total(Phase::Submitted), total(Phase::InScreening))), "{}", member.email);
            processors += 1;
        } else {
            assert_eq!(home.to_screen, None, "{} processes nothing", member.email);
        }
        let mut expected = Vec::new();
        for meeting in meetings.iter().filter(|m| m.status.is_open() && m.starts_at >= chrono::Utc::now()) {
            if tx.is_invited(gent, meeting.id, member.person).await.unwrap() {
                expected.push((meeting.id, meeting.name()));
            }
        }
        invited += expected.len();
        assert_eq!(home.meetings, expected, "{}", member.email);
    }
    assert!(processors >= 3 && invited >= 1, "the demo has processors ({processors}) and invitations ({invited})");
}
