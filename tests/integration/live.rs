//! The live board's stream (`/{tenant}/bord/live`, Server-Sent Events), over
//! HTTP against the real router, on SQLite and PostgreSQL: the numbered
//! changes a move makes, what each person hears of them, resyncs, who may
//! open a stream, and (PostgreSQL) news across two server instances.
//!
//! Nothing here waits for "nothing to come": a stream that must not hear of
//! a change is shown to hear the next thing that is due to it, first.

use std::time::Duration;

use crate::common::{Backend, TestApp, new_client, spawn_app};
use seinhuis::domain::SignalId;
use seinhuis::domain::live::{BoardNews, ChangedSignal, RESYNC};
use seinhuis::server::live::CHANGE;

#[path = "../../examples/common/sse.rs"]
mod sse;
use sse::{Message, SseReader};

const COORDINATOR: &str = "ines.claeys@gent.example";
/// Signaalverwerker for welzijn, armoede, gezondheid, dak- en thuisloosheid, schulden.
const PROCESSOR: &str = "bram.verhaeghe@gent.example";
/// Signaalverwerker for wonen (and regisseur for welzijn).
const WONEN_PROCESSOR: &str = "joris.wuytack@gent.example";
const GIVER: &str = "sofie.mertens@deschakel.example";
const REGISSEUR: &str = "pieterjan.goossens@gent.example";
const PLATFORM: &str = "dries.wuyts@seinhuis.example";
/// Signaalverwerker in Gent (ouderen, handicap), signaalgever in Kortrijk.
const TWO_TENANTS: &str = "samira.ouali@geheugenenzorg.example";
const KORTRIJK_COORDINATOR: &str = "wouter.vanneste@kortrijk.example";
const KORTRIJK_GIVER: &str = "mehmet.aydin@dekouter.example";

/// How long a stream may take to bring a message before the test fails.
const WAIT: Duration = Duration::from_secs(5);

on_both_backends!(
    a_move_reaches_an_open_board_as_the_next_number,
    each_board_hears_only_of_the_signals_it_processes,
    a_board_that_missed_a_number_resyncs_first,
    only_the_tenants_processors_open_its_stream,
    a_signal_put_in_another_domain_leaves_one_board_and_reaches_the_other,
    a_new_signal_reaches_the_boards_of_its_domain_with_its_scope,
);

/// The app, with (on PostgreSQL) its listener connected: a stream opened
/// before that would hear the connect's resync first.
async fn live_app(backend: Backend) -> TestApp {
    let app = spawn_app(backend).await;
    if backend == Backend::Postgres {
        wait_for_listeners(&app, 1).await;
    }
    app
}

/// An open board stream.
struct Board(SseReader);

async fn open(client: &reqwest::Client, base: &str, path: &str, last_event_id: Option<i64>) -> Board {
    let mut request = client.get(format!("{base}{path}"));
    if let Some(id) = last_event_id {
        request = request.header("Last-Event-ID", id.to_string());
    }
    let response = tokio::time::timeout(WAIT, request.send()).await.expect("the stream answers").unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert_eq!(kind, "text/event-stream", "{path}");
    Board(SseReader::new(response))
}

impl Board {
    async fn next(&mut self) -> Message {
        tokio::time::timeout(WAIT, self.0.next()).await.expect("a message within 5 s").unwrap().expect("the stream stays open")
    }
}

/// `event: change` with this number, telling of these signals.
fn change(seq: i64, signals: &[SignalId]) -> Message {
    let news = BoardNews { seq, signals: signals.to_vec() };
    Message { id: Some(seq.to_string()), event: Some(CHANGE.into()), data: Some(serde_json::to_string(&news).unwrap()) }
}

/// Only the number: a change of none of this board's signals.
fn number_only(seq: i64) -> Message {
    Message { id: Some(seq.to_string()), event: None, data: None }
}

fn resync(seq: i64) -> Message {
    Message { id: Some(seq.to_string()), event: Some(RESYNC.into()), data: Some("{}".into()) }
}

async fn seq(app: &TestApp, slug: &str) -> i64 {
    let tenant = app.tenant_id(slug).await;
    app.db.store.read().await.unwrap().change_seq(tenant).await.unwrap()
}

async fn version(app: &TestApp, slug: &str, signal: SignalId) -> i64 {
    let tenant = app.tenant_id(slug).await;
    app.db.store.read().await.unwrap().signal_summary(tenant, signal).await.unwrap().unwrap().version
}

/// Move a signal from Ingediend to In screening through the server function, as the board does.
async fn to_screening(app: &TestApp, client: &reqwest::Client, slug: &str, signal: SignalId, version: i64) -> (u16, String) {
    let (signal, version) = (signal.to_string(), version.to_string());
    app.call(client, "signaal-verplaatsen", &[("tenant", slug), ("signal", &signal), ("version", &version), ("to", "in_screening")]).await
}

async fn moved(app: &TestApp, client: &reqwest::Client, slug: &str, signal: SignalId) {
    let (status, body) = to_screening(app, client, slug, signal, version(app, slug, signal).await).await;
    assert_eq!(status, 200, "move of {signal}: {body}");
}

/// Two new signals of Gent, Ingediend: one in gezondheid, one in wonen.
async fn gezondheid_and_wonen(app: &TestApp) -> (SignalId, SignalId) {
    let gezondheid = app
        .submit_as(
            GIVER,
            "gent",
            "gezondheid",
            "Wachtlijst voor tandzorg in het wijkgezondheidscentrum",
            "Wie een laag inkomen heeft, wacht maanden op een afspraak bij de tandarts en stelt zorg uit.",
        )
        .await;
    let wonen = app
        .submit_as(
            GIVER,
            "gent",
            "wonen",
            "Huurders wachten maanden op herstellingen",
            "Verhuurders laten vochtproblemen en kapotte verwarming liggen; huurders durven niet te klagen.",
        )
        .await;
    (gezondheid, wonen)
}

/// A move through the server function reaches an open board as `change`
/// with the next number and the moved signal; each committed transaction
/// takes exactly one number, written down in `changes` with the signal's
/// scope; a refused move takes none and tells nothing.
async fn a_move_reaches_an_open_board_as_the_next_number(backend: Backend) {
    let app = live_app(backend).await;
    let (first, second) = gezondheid_and_wonen(&app).await;
    let coordinator = app.logged_in(COORDINATOR).await;
    let before = seq(&app, "gent").await;
    assert!(before > 0, "the demo data and the two new signals were numbered");
    let mut board = open(&coordinator, &app.base, "/gent/bord/live", None).await;

    let old = version(&app, "gent", first).await;
    moved(&app, &coordinator, "gent", first).await;
    assert_eq!(board.next().await, change(before + 1, &[first]));

    // The same move again is stale (409): rolled back, no number, no news.
    let (status, body) = to_screening(&app, &coordinator, "gent", first, old).await;
    assert_eq!(status, 409, "{body}");
    moved(&app, &coordinator, "gent", second).await;
    assert_eq!(board.next().await, change(before + 2, &[second]), "the next committed move has the very next number");
    assert_eq!(seq(&app, "gent").await, before + 2);

    // Each number is written down with the signal as it is after the change.
    let gent = app.tenant_id("gent").await;
    let mut tx = app.db.store.read().await.unwrap();
    for (seq, signal) in [(before + 1, first), (before + 2, second)] {
        let scope = tx.signal_summary(gent, signal).await.unwrap().unwrap().scope;
        let written = tx.change(gent, seq).await.unwrap().unwrap_or_else(|| panic!("no changes row for {seq}"));
        let want = ChangedSignal { id: signal, domain: scope.policy_domain, organisation: scope.organisation };
        assert_eq!((written.tenant, written.seq, written.signals), (gent, seq, vec![want]));
        assert!(want.domain.is_some() && want.organisation.is_some());
    }
    assert!(tx.change(gent, before + 3).await.unwrap().is_none());
}

/// Per record, with real ids: Bram processes gezondheid, not wonen; Joris
/// wonen, not gezondheid; the hoofdsignaalverwerker both. A board hears the
/// id of a signal it processes, and only the number of a change of another;
/// Kortrijk's board hears nothing of Gent's changes.
async fn each_board_hears_only_of_the_signals_it_processes(backend: Backend) {
    let app = live_app(backend).await;
    let (gezondheid, wonen) = gezondheid_and_wonen(&app).await;
    let kortrijks = app
        .submit_as(
            KORTRIJK_GIVER,
            "kortrijk",
            "welzijn",
            "Geen vervoer naar de dagopvang in de deelgemeenten",
            "Wie niet meer zelf rijdt, geraakt niet tot bij de dagopvang; het aangepast vervoer is volzet.",
        )
        .await;
    let (bram, joris, ines) = (app.logged_in(PROCESSOR).await, app.logged_in(WONEN_PROCESSOR).await, app.logged_in(COORDINATOR).await);
    let wouter = app.logged_in(KORTRIJK_COORDINATOR).await;
    let (gent, kortrijk) = (seq(&app, "gent").await, seq(&app, "kortrijk").await);
    let mut bram_board = open(&bram, &app.base, "/gent/bord/live", None).await;
    let mut joris_board = open(&joris, &app.base, "/gent/bord/live", None).await;
    let mut ines_board = open(&ines, &app.base, "/gent/bord/live", None).await;
    let mut kortrijk_board = open(&wouter, &app.base, "/kortrijk/bord/live", None).await;

    moved(&app, &ines, "gent", gezondheid).await;
    moved(&app, &ines, "gent", wonen).await;
    assert_eq!(bram_board.next().await, change(gent + 1, &[gezondheid]), "Bram processes gezondheid");
    assert_eq!(bram_board.next().await, number_only(gent + 2), "Bram does not process wonen: only the number");
    assert_eq!(joris_board.next().await, number_only(gent + 1), "Joris does not process gezondheid");
    assert_eq!(joris_board.next().await, change(gent + 2, &[wonen]), "Joris processes wonen");
    assert_eq!(ines_board.next().await, change(gent + 1, &[gezondheid]));
    assert_eq!(ines_board.next().await, change(gent + 2, &[wonen]));

    // Kortrijk's first message is Kortrijk's own next change: nothing of Gent's came before it.
    moved(&app, &wouter, "kortrijk", kortrijks).await;
    assert_eq!(kortrijk_board.next().await, change(kortrijk + 1, &[kortrijks]));
    assert_eq!(seq(&app, "gent").await, gent + 2, "Kortrijk's change is numbered in Kortrijk only");
}

/// Editing a signal's policy domain is told to the boards of its old domain
/// (so the card leaves) and of its new one (so it arrives), and the card
/// itself follows: gone for the old domain's processor, there for the new.
async fn a_signal_put_in_another_domain_leaves_one_board_and_reaches_the_other(backend: Backend) {
    let app = live_app(backend).await;
    let (gezondheid, _) = gezondheid_and_wonen(&app).await;
    let gent_id = app.tenant_id("gent").await;
    let wonen_domain =
        app.db.store.read().await.unwrap().policy_domains(gent_id).await.unwrap().into_iter().find(|d| d.code == "wonen").unwrap().id;
    let (bram, joris, ines) = (app.logged_in(PROCESSOR).await, app.logged_in(WONEN_PROCESSOR).await, app.logged_in(COORDINATOR).await);
    let gent = seq(&app, "gent").await;
    let mut bram_board = open(&bram, &app.base, "/gent/bord/live", None).await;
    let mut joris_board = open(&joris, &app.base, "/gent/bord/live", None).await;

    let (signal, version, domain) = (gezondheid.to_string(), version(&app, "gent", gezondheid).await.to_string(), wonen_domain.to_string());
    let args = [
        ("tenant", "gent"),
        ("signal", signal.as_str()),
        ("version", version.as_str()),
        ("title", "Wachtlijst voor tandzorg in het wijkgezondheidscentrum"),
        ("policy_domain", domain.as_str()),
    ];
    let (status, body) = app.call(&ines, "signaal-aanpassen", &args).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(bram_board.next().await, change(gent + 1, &[gezondheid]), "Bram's board hears that its card left");
    assert_eq!(joris_board.next().await, change(gent + 1, &[gezondheid]), "Joris's board hears of its new card");
    let card = |client: reqwest::Client| {
        let (app, signal) = (&app, signal.clone());
        async move {
            let (status, body) = app.call(&client, "bord-kaarten", &[("tenant", "gent"), ("signals[0]", signal.as_str())]).await;
            assert_eq!(status, 200, "{body}");
            let cards: Vec<seinhuis::domain::board::CardUpdate> = serde_json::from_str(&body).unwrap();
            cards[0].card.is_some()
        }
    };
    assert!(!card(bram).await, "Bram no longer processes it");
    assert!(card(joris).await, "Joris processes it now");
    let history = app.db.store.read().await.unwrap().history(gent_id, gezondheid).await.unwrap();
    let edited = history.iter().find(|e| e.kind == seinhuis::domain::EventKind::Edited).expect("an Edited event");
    assert_eq!(edited.note.as_deref(), Some("Aangepast: beleidsdomein."));
}

/// A board opened with a number other than the tenant's current one
/// (`Last-Event-ID` from a reconnecting browser, else `?seq=` from the
/// rendered page) is told to reload first; with the current one it is not.
async fn a_board_that_missed_a_number_resyncs_first(backend: Backend) {
    let app = live_app(backend).await;
    let (first, second) = gezondheid_and_wonen(&app).await;
    let ines = app.logged_in(COORDINATOR).await;
    let current = seq(&app, "gent").await;

    let plain = "/gent/bord/live".to_string();
    let page_at = |seq: i64| format!("/gent/bord/live?seq={seq}");
    for (path, last_event_id) in [
        (plain.clone(), Some(current - 1)),
        (plain.clone(), Some(current + 5)),
        (page_at(current - 1), None),
        // The header wins over the page's number.
        (page_at(current), Some(current - 1)),
    ] {
        let mut board = open(&ines, &app.base, &path, last_event_id).await;
        assert_eq!(board.next().await, resync(current), "{path} with Last-Event-ID {last_event_id:?}");
    }

    let mut by_header = open(&ines, &app.base, &plain, Some(current)).await;
    let mut by_page = open(&ines, &app.base, &page_at(current), None).await;
    let mut header_wins = open(&ines, &app.base, &page_at(current - 1), Some(current)).await;
    moved(&app, &ines, "gent", first).await;
    for board in [&mut by_header, &mut by_page, &mut header_wins] {
        assert_eq!(board.next().await, change(current + 1, &[first]), "no resync before the change");
    }
    // Opened at the old number after the move: it missed one.
    let mut late = open(&ines, &app.base, &plain, Some(current)).await;
    moved(&app, &ines, "gent", second).await;
    assert_eq!(late.next().await, resync(current + 1));
    assert_eq!(late.next().await, change(current + 2, &[second]), "and goes on from there");
}

/// Only processors of the tenant open its stream: 401 without a log-in, 403
/// for a signaalgever, a regisseur, the platform beheerder and a member of
/// another tenant (also one who processes in their own tenant).
async fn only_the_tenants_processors_open_its_stream(backend: Backend) {
    let app = live_app(backend).await;
    assert_eq!(app.status(&new_client(), "/gent/bord/live").await, 401);
    for (email, path) in [
        (GIVER, "/gent/bord/live"),
        (REGISSEUR, "/gent/bord/live"),
        (PLATFORM, "/gent/bord/live"),
        (PROCESSOR, "/kortrijk/bord/live"),
        (KORTRIJK_COORDINATOR, "/gent/bord/live"),
        // Samira processes in Gent and reports in Kortrijk.
        (TWO_TENANTS, "/kortrijk/bord/live"),
        (COORDINATOR, "/bestaat-niet/bord/live"),
    ] {
        let client = app.logged_in(email).await;
        assert_eq!(app.status(&client, path).await, 403, "{email} on {path}");
    }
    for (email, path) in [(COORDINATOR, "/gent/bord/live"), (TWO_TENANTS, "/gent/bord/live"), (KORTRIJK_COORDINATOR, "/kortrijk/bord/live")]
    {
        let client = app.logged_in(email).await;
        open(&client, &app.base, path, None).await;
    }
}

/// Wait until this many listeners of the app's database have run LISTEN,
/// and a moment more for their resync to pass.
async fn wait_for_listeners(app: &TestApp, count: i64) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
    let started = std::time::Instant::now();
    loop {
        let listening: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
             AND application_name = $1 AND state = 'idle' AND query LIKE 'LISTEN%'",
        )
        .bind(seinhuis::storage::LISTENER_NAME)
        .fetch_one(&mut conn)
        .await
        .unwrap();
        if listening == count {
            break;
        }
        assert!(started.elapsed() < WAIT, "{listening} of {count} listeners after 5 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
}

/// PostgreSQL, two server instances on one database: a move made through
/// one reaches a board open on the other. When the listeners' connections
/// are killed, that board is told to reload, and once the listener is back
/// the next move reaches it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_two_instances_share_the_news_and_a_lost_listener_resyncs() {
    use sqlx::Connection;
    let app = spawn_app(Backend::Postgres).await;
    let other = app.spawn_instance(|_| {}).await;
    wait_for_listeners(&app, 2).await;
    let (first, second) = gezondheid_and_wonen(&app).await;
    // Sessions live in the database: one log-in holds on both instances.
    let ines = app.logged_in(COORDINATOR).await;
    let before = seq(&app, "gent").await;
    let mut board = open(&ines, &other, "/gent/bord/live", None).await;

    moved(&app, &ines, "gent", first).await;
    assert_eq!(board.next().await, change(before + 1, &[first]), "a move on instance 1 reaches a board on instance 2");

    let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
    let killed: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
    )
    .bind(seinhuis::storage::LISTENER_NAME)
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert_eq!(killed, [true, true], "both instances' listeners");
    assert_eq!(board.next().await, resync(before + 1), "the board hears it may have missed changes");

    wait_for_listeners(&app, 2).await;
    moved(&app, &ines, "gent", second).await;
    // Another resync may come first (the listener's reconnect says it too).
    loop {
        let message = board.next().await;
        if message == resync(before + 1) {
            continue;
        }
        assert_eq!(message, change(before + 2, &[second]), "after the reconnect a move reaches the board again");
        break;
    }
}

/// A signal sent in is told to the boards that process it, and only to
/// them. Its change is written down with the scope it was given at the
/// insert (not read again at the commit): the same as the database holds.
async fn a_new_signal_reaches_the_boards_of_its_domain_with_its_scope(backend: Backend) {
    let app = live_app(backend).await;
    let (bram, joris) = (app.logged_in(PROCESSOR).await, app.logged_in(WONEN_PROCESSOR).await);
    let gent = seq(&app, "gent").await;
    let mut bram_board = open(&bram, &app.base, "/gent/bord/live", None).await;
    let mut joris_board = open(&joris, &app.base, "/gent/bord/live", None).await;
    let (gezondheid, wonen) = gezondheid_and_wonen(&app).await;
    assert_eq!(bram_board.next().await, change(gent + 1, &[gezondheid]), "Bram processes gezondheid");
    assert_eq!(bram_board.next().await, number_only(gent + 2), "Bram does not process wonen");
    assert_eq!(joris_board.next().await, number_only(gent + 1), "Joris does not process gezondheid");
    assert_eq!(joris_board.next().await, change(gent + 2, &[wonen]), "Joris processes wonen");

    let tenant = app.tenant_id("gent").await;
    let mut tx = app.db.store.read().await.unwrap();
    for (number, signal) in [(gent + 1, gezondheid), (gent + 2, wonen)] {
        let stored = tx.signal_summary(tenant, signal).await.unwrap().unwrap().scope;
        let written = tx.change(tenant, number).await.unwrap().expect("the change is written down");
        assert!(stored.policy_domain.is_some() && stored.organisation.is_some(), "{stored:?}");
        let scope = ChangedSignal { id: signal, domain: stored.policy_domain, organisation: stored.organisation };
        assert_eq!(written.signals, vec![scope]);
    }
}
