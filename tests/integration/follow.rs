//! Following one's own signals (Mijn signalen) and citizens' reports, over
//! HTTP on SQLite and PostgreSQL: timelines without internal notes, adding
//! information, withdrawing, mails on phase changes, the citizen's form with
//! its switch, honeypot, confirmation and rate limit.

use crate::common::{Backend, TestApp, new_client, spawn_app, spawn_app_with};
use seinhuis::api::admin::tenant::OutboxPage;
use seinhuis::api::follow::MySignals;
use seinhuis::domain::{EventKind, Phase, SignalSummary, Source};

on_both_backends!(
    a_signaalgever_follows_adds_and_withdraws,
    citizens_report_only_where_switched_on,
    citizens_are_rate_limited,
    line_breaks_count_as_one_character_as_while_typing,
);

const GIVER: &str = "sofie.mertens@deschakel.example";
const COORDINATOR: &str = "ines.claeys@gent.example";

async fn my_signals(app: &TestApp, client: &reqwest::Client) -> MySignals {
    let (status, body) = app.call(client, "mijn-signalen", &[("tenant", "gent")]).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

async fn outbox(app: &TestApp, tenant: &str) -> OutboxPage {
    let coordinator = app.logged_in(if tenant == "gent" { COORDINATOR } else { "wouter.vanneste@kortrijk.example" }).await;
    let (status, body) = app.call(&coordinator, "uitgaande-mail", &[("tenant", tenant)]).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// Send a complete signal as the signaalgever; returns its number.
async fn submit(app: &TestApp, client: &reqwest::Client, title: &str) -> i64 {
    let form = [
        ("tenant", "gent"),
        ("title", title),
        ("description", "Gezinnen met een laag inkomen wachten maanden op een afspraak bij de tandarts."),
        ("target_groups[0]", "armoede"),
        ("life_domains[0]", "zorg-gezondheid"),
        ("area", "Hele gemeente"),
        ("frequency", "wekelijks"),
        ("may_contact", "ja"),
        ("beyond_one_person", "ja"),
        ("recurs", "ja"),
        ("structural", "ja"),
    ];
    let (status, body) = app.call(client, "signaal-indienen", &form).await;
    assert_eq!(status, 200, "{body}");
    body.trim().parse().unwrap()
}

async fn move_to(app: &TestApp, client: &reqwest::Client, signal: &SignalSummary, to: &str, message: &str, note: &str) {
    let id = signal.id.0.to_string();
    let version = signal.version.to_string();
    let form = [("tenant", "gent"), ("signal", &id), ("version", &version), ("to", to), ("message", message), ("note", note)];
    let (status, body) = app.call(client, "signaal-verplaatsen", &form).await;
    assert_eq!(status, 200, "{body}");
}

async fn a_signaalgever_follows_adds_and_withdraws(backend: Backend) {
    let app = spawn_app(backend).await;
    let giver = app.logged_in(GIVER).await;
    let coordinator = app.logged_in(COORDINATOR).await;
    let demo_count = my_signals(&app, &giver).await.signals.len();
    assert!(demo_count > 0, "the demo signaalgever has signals");

    let first = submit(&app, &giver, "Geen tandzorg voor gezinnen in armoede").await;
    let second = submit(&app, &giver, "Geen tandzorg na de zomer").await;
    let mine = my_signals(&app, &giver).await;
    assert_eq!(mine.signals.len(), demo_count + 2);
    assert!(mine.notify, "mails are on by default");
    let find = |mine: &MySignals, id: i64| mine.signals.iter().find(|s| s.signal.id.0 == id).cloned().unwrap();
    let followed = find(&mine, first);
    assert!(followed.may_add_information && followed.may_withdraw);

    // Information added before screening shows in the timeline.
    let (status, body) = app
        .call(
            &giver,
            "signaal-aanvullen",
            &[("tenant", "gent"), ("signal", &first.to_string()), ("text", "Ook jongeren zonder ziekteverzekering.")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // Personal data is refused, nothing is stored.
    let (status, body) = app
        .call(
            &giver,
            "signaal-aanvullen",
            &[("tenant", "gent"), ("signal", &first.to_string()), ("text", "Mail naar jan.peeters@voorbeeld.example")],
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("e-mailadres"), "{body}");

    // A phase change with a message and an internal note: the reporter gets a mail
    // and sees the message, never the note.
    move_to(&app, &coordinator, &followed.signal, "in_screening", "We bekijken dit deze week.", "intern: eerst budget nakijken").await;
    let mine = my_signals(&app, &giver).await;
    let followed = find(&mine, first);
    assert_eq!(followed.signal.phase, Phase::InScreening);
    assert!(!followed.may_withdraw, "only while Ingediend");
    let kinds: Vec<EventKind> = followed.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec![EventKind::Submitted, EventKind::InformationAdded, EventKind::PhaseChanged]);
    // No internal note; the processor is "de signaalverwerker", never a name.
    assert!(followed.timeline.iter().all(|e| e.note.is_none()));
    assert_eq!(followed.timeline[2].actor_name.as_deref(), Some("de signaalverwerker"));
    assert_eq!(followed.timeline[2].message.as_deref(), Some("We bekijken dit deze week."));
    let mails = outbox(&app, "gent").await.mails;
    let mail = mails.iter().find(|m| m.to == GIVER && m.subject.contains("In screening")).expect("a mail to the reporter");
    assert!(mail.body.contains("We bekijken dit deze week.") && !mail.body.contains("intern"), "{}", mail.body);
    assert!(mail.body.contains("/gent/mijn-signalen"));

    // Switched off: no more mails.
    let (status, _) = app.call(&giver, "meldingen-instellen", &[("tenant", "gent")]).await;
    assert_eq!(status, 200);
    assert!(!my_signals(&app, &giver).await.notify);
    let before = outbox(&app, "gent").await.mails.len();
    let mine = my_signals(&app, &giver).await;
    move_to(&app, &coordinator, &find(&mine, second).signal, "in_screening", "", "").await;
    assert_eq!(outbox(&app, "gent").await.mails.len(), before);

    // Withdrawing: only one's own signal, only while Ingediend.
    let third = submit(&app, &giver, "Geen tandzorg in de winter").await;
    let id = third.to_string();
    let other = app.logged_in("youssef.benali@deoverstap.example").await;
    let (status, _) = app.call(&other, "signaal-intrekken", &[("tenant", "gent"), ("signal", &id)]).await;
    assert_eq!(status, 404, "someone else's signal is not found");
    let (status, body) = app.call(&giver, "signaal-intrekken", &[("tenant", "gent"), ("signal", &id)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(find(&my_signals(&app, &giver).await, third).signal.phase, Phase::Withdrawn);
    let (status, _) = app.call(&giver, "signaal-intrekken", &[("tenant", "gent"), ("signal", &first.to_string())]).await;
    assert_ne!(status, 200, "a screened signal cannot be withdrawn");
}

/// The link in a mail body that contains `part`.
fn link(body: &str, part: &str) -> String {
    body.split_whitespace().find(|w| w.contains(part)).unwrap().to_string()
}

async fn citizens_report_only_where_switched_on(backend: Backend) {
    let app = spawn_app(backend).await;
    let visitor = new_client();
    let report = |tenant: &'static str, website: &'static str| {
        [
            ("tenant", tenant),
            ("email", "buur@voorbeeld.example"),
            ("title", "Geen bankautomaat meer in Heule"),
            ("description", "Oudere buren moeten met de bus naar het centrum om geld af te halen."),
            ("area", "Heule"),
            ("website", website),
        ]
    };
    // Gent has no citizens' form.
    let (status, _) = app.call(&visitor, "burgerformulier", &[("tenant", "gent")]).await;
    assert_eq!(status, 404);
    let (status, _) = app.call(&visitor, "burgermelding", &report("gent", "")).await;
    assert_eq!(status, 404);
    let (status, page) = app.get(&visitor, "/gent/signaleren").await;
    assert_eq!(status, 401);
    assert!(!page.contains("Je e-mailadres"));
    // Kortrijk has, on the same address as the workers' form.
    let (status, page) = app.get(&visitor, "/kortrijk/signaleren").await;
    assert_eq!(status, 200);
    assert!(page.contains("Een probleem melden bij") && page.contains("Stad Kortrijk") && page.contains("Je e-mailadres"), "{page}");

    // The honeypot: a filled-in hidden field stores nothing.
    let mails_before = outbox(&app, "kortrijk").await.mails.len();
    let (status, _) = app.call(&visitor, "burgermelding", &report("kortrijk", "http://spam.example")).await;
    assert_eq!(status, 200);
    assert_eq!(outbox(&app, "kortrijk").await.mails.len(), mails_before);

    // A real report waits for its confirmation: not on the board yet.
    let (status, body) = app.call(&visitor, "burgermelding", &report("kortrijk", "")).await;
    assert_eq!(status, 200, "{body}");
    assert!(outbox(&app, "kortrijk").await.mails.iter().any(|m| m.to == "buur@voorbeeld.example"));
    let mail = crate::mailbox::newest_mail(&app, "buur@voorbeeld.example").await;
    let coordinator = app.logged_in("wouter.vanneste@kortrijk.example").await;
    let (_, board) = app.get(&coordinator, "/kortrijk/bord").await;
    assert!(!board.contains("Geen bankautomaat meer in Heule"));
    let follow = link(&mail.body, "/kortrijk/volgen/");
    let follow_token = follow.rsplit('/').next().unwrap().to_string();
    let (status, body) = app.call(&visitor, "burgermelding-volgen", &[("token", &follow_token)]).await;
    assert_eq!(status, 200);
    assert!(body.contains("\"signal\":null"), "{body}");

    // Confirmed: on the board as Ingediend, marked as a citizen's.
    let confirm = link(&mail.body, "/signaleren/bevestigen/");
    let token = confirm.rsplit('/').next().unwrap().to_string();
    let (status, body) = app.call(&visitor, "burgermelding-bevestigen", &[("token", &token)]).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = app.call(&visitor, "burgermelding-bevestigen", &[("token", &token)]).await;
    assert_eq!(status, 422, "a confirmation link works once");
    let (_, board) = app.get(&coordinator, "/kortrijk/bord").await;
    let card = board.split("<article class=\"card\"").find(|c| c.contains("Geen bankautomaat meer in Heule")).expect("on the board");
    assert!(card.contains(">burger<"), "{card}");
    let (status, body) = app.call(&visitor, "burgermelding-volgen", &[("token", &follow_token)]).await;
    assert_eq!(status, 200);
    let followed: seinhuis::domain::CitizenFollow = serde_json::from_str(&body).unwrap();
    let (signal, timeline) = followed.signal.unwrap();
    assert_eq!((signal.phase, signal.source), (Phase::Submitted, Source::Citizen));
    assert_eq!(timeline.len(), 1);
}

async fn citizens_are_rate_limited(backend: Backend) {
    let app = spawn_app_with(backend, |_| {}).await;
    let visitor = new_client();
    let limit = seinhuis::server::limits::CITIZEN_REPORTS_PER_HOUR;
    let form = [("tenant", "kortrijk"), ("email", "geen-adres"), ("title", ""), ("description", "")];
    for _ in 0..limit {
        let (status, _) = app.call(&visitor, "burgermelding", &form).await;
        assert_eq!(status, 422);
    }
    let (status, body) = app.call(&visitor, "burgermelding", &form).await;
    assert_eq!(status, 429);
    assert!(body.contains("TooManyRequests"), "{body}");
}

/// A browser sends a text area's line breaks as CRLF but counts each as one
/// character while typing: a text the form accepted must not be refused.
async fn line_breaks_count_as_one_character_as_while_typing(backend: Backend) {
    let app = spawn_app(backend).await;
    let giver = app.logged_in(GIVER).await;
    // 125 lines of 40 characters as typed: 5,000, the limit; 5,125 with CRLF.
    let description = format!("{}\r\n", "w".repeat(39)).repeat(125);
    let form = [
        ("tenant", "gent"),
        ("title", "Lange beschrijving met veel regels"),
        ("description", description.as_str()),
        ("target_groups[0]", "armoede"),
        ("area", "Hele gemeente"),
        ("frequency", "wekelijks"),
        ("may_contact", "nee"),
        ("beyond_one_person", "ja"),
        ("recurs", "ja"),
        ("structural", "ja"),
    ];
    let (status, body) = app.call(&giver, "signaal-indienen", &form).await;
    assert_eq!(status, 200, "{body}");
    let over = format!("{description}w");
    let form: Vec<_> = form.iter().map(|&(k, v)| (k, if k == "description" { over.as_str() } else { v })).collect();
    let (status, body) = app.call(&giver, "signaal-indienen", &form).await;
    assert_eq!(status, 422, "one character over the limit is refused: {body}");
    assert!(body.contains("hoogstens 5000 tekens"), "{body}");
}
