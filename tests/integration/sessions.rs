//! Log-in sessions over HTTP (issue 8, item 9): the idle and absolute timeouts
//! end a session on the server, log-in issues a new session id, and log-out
//! ends the session on the server, not just in the browser. Cookies are sent by
//! hand, as an attacker who kept an old cookie would.

use tower_sessions::cookie::time::{Duration, OffsetDateTime};

use crate::common::{Backend, TestApp, TestDb, spawn_app, spawn_app_with};

on_both_backends!(
    an_idle_session_ends,
    a_session_in_use_stays_alive,
    a_session_is_written_back_at_most_once_a_minute,
    a_session_ends_after_its_absolute_lifetime,
    log_in_issues_a_new_session_id,
    log_out_ends_the_session_on_the_server,
    many_requests_at_once_on_a_session_due_to_be_written_back_all_succeed,
);

const COOKIE: &str = "seinhuis_sessie";
const EMAIL: &str = "ines.claeys@gent.example";

/// The session id a response sets, if it sets one.
fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.strip_prefix(&format!("{COOKIE}=")))
        .map(|v| v.split(';').next().unwrap_or_default().to_string())
        .find(|v| !v.is_empty())
}

async fn post(app: &TestApp, endpoint: &str, cookie: Option<&str>, form: &[(&str, &str)], html: bool) -> reqwest::Response {
    post_to(&app.base, endpoint, cookie, form, html).await
}

/// `post`, to a server instance of choice.
async fn post_to(base: &str, endpoint: &str, cookie: Option<&str>, form: &[(&str, &str)], html: bool) -> reqwest::Response {
    // No cookie store: every cookie is sent on purpose.
    let mut request = crate::common::new_client().post(format!("{base}/api/{endpoint}")).header("Origin", base).form(form);
    if let Some(cookie) = cookie {
        request = request.header("Cookie", format!("{COOKIE}={cookie}"));
    }
    if html {
        request = request.header("Accept", "text/html");
    }
    request.send().await.unwrap()
}

/// Log in (with the session cookie the browser has, if any); the new session id.
async fn log_in(app: &TestApp, cookie: Option<&str>) -> String {
    let response = post(app, "aanmelden", cookie, &[("email", EMAIL), ("password", seinhuis::demo::DEMO_PASSWORD)], false).await;
    assert_eq!(response.status(), 200);
    session_cookie(&response).expect("log-in sets a session cookie")
}

/// Whom the server takes the holder of this cookie for.
async fn who(app: &TestApp, cookie: &str) -> Option<String> {
    who_at(&app.base, cookie).await
}

async fn who_at(base: &str, cookie: &str) -> Option<String> {
    let response = post_to(base, "wie-ben-ik", Some(cookie), &[], false).await;
    assert_eq!(response.status(), 200);
    let me: serde_json::Value = response.json().await.unwrap();
    me.get("email").and_then(|e| e.as_str()).map(str::to_string)
}

fn sessions_table(db: &TestDb) -> &'static str {
    if db.url.starts_with("sqlite:") { "tower_sessions" } else { "tower_sessions.session" }
}

/// When the stored session expires, or None if it is not stored.
async fn stored_expiry(db: &TestDb, id: &str) -> Option<OffsetDateTime> {
    use sqlx::Connection;
    let sql = format!("SELECT expiry_date FROM {} WHERE id = $1", sessions_table(db));
    if db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
        sqlx::query_scalar(&sql).bind(id).fetch_optional(&mut conn).await.unwrap()
    } else {
        let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::query_scalar(&sql).bind(id).fetch_optional(&mut conn).await.unwrap()
    }
}

/// Move the stored session's expiry, as if time had passed.
async fn set_stored_expiry(db: &TestDb, id: &str, at: OffsetDateTime) {
    use sqlx::Connection;
    let sql = format!("UPDATE {} SET expiry_date = $1 WHERE id = $2", sessions_table(db));
    let changed = if db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
        sqlx::query(&sql).bind(at).bind(id).execute(&mut conn).await.unwrap().rows_affected()
    } else {
        let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::query(&sql).bind(at).bind(id).execute(&mut conn).await.unwrap().rows_affected()
    };
    assert_eq!(changed, 1, "the session is stored");
}

/// Past its idle timeout, a session is over, though the browser still sends its cookie.
async fn an_idle_session_ends(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = log_in(&app, None).await;
    assert_eq!(who(&app, &cookie).await.as_deref(), Some(EMAIL));
    // The idle time has passed: the stored session expired a moment ago.
    set_stored_expiry(&app.db, &cookie, OffsetDateTime::now_utc() - Duration::seconds(1)).await;
    assert_eq!(who(&app, &cookie).await, None);
    assert_eq!(post(&app, "bord", Some(&cookie), &[("tenant", "gent")], false).await.status(), 401);
}

/// The idle timeout counts from the last request, also a server-function call
/// (an island), not from the log-in. (Written back on every request here; by
/// default at most once a minute, see the next test.)
async fn a_session_in_use_stays_alive(backend: Backend) {
    let app = spawn_app_with(backend, |config| config.sessions.touch_seconds = 0).await;
    let idle = Duration::minutes(idle_minutes(&app));
    let cookie = log_in(&app, None).await;
    // Almost idle for too long ...
    set_stored_expiry(&app.db, &cookie, OffsetDateTime::now_utc() + Duration::seconds(30)).await;
    // ... then a request: the session's idle time starts again.
    let response = post(&app, "bord", Some(&cookie), &[("tenant", "gent")], false).await;
    assert_eq!(response.status(), 200);
    let expiry = stored_expiry(&app.db, &cookie).await.expect("still stored");
    assert!(expiry > OffsetDateTime::now_utc() + idle - Duration::minutes(1), "expires at {expiry}, idle time {idle}");
    assert_eq!(who(&app, &cookie).await.as_deref(), Some(EMAIL));
}

/// A page or call within a minute of the last write-back reads the session
/// without writing it: a busy person does not make every request a write.
async fn a_session_is_written_back_at_most_once_a_minute(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = log_in(&app, None).await;
    // A marker the next requests would overwrite if they saved the session.
    let marker = OffsetDateTime::now_utc() + Duration::minutes(7);
    set_stored_expiry(&app.db, &cookie, marker).await;
    let response = post(&app, "bord", Some(&cookie), &[("tenant", "gent")], false).await;
    assert_eq!(response.status(), 200);
    assert_eq!(session_cookie(&response), None, "no new cookie: the session was not saved");
    assert_eq!(who(&app, &cookie).await.as_deref(), Some(EMAIL));
    let stored = stored_expiry(&app.db, &cookie).await.expect("still stored");
    assert!((stored - marker).abs() < Duration::seconds(1), "the session was written back: expires at {stored}, not {marker}");
}

/// However busy, a session ends its absolute lifetime after log-in (here: at once).
async fn a_session_ends_after_its_absolute_lifetime(backend: Backend) {
    let app = spawn_app_with(backend, |config| {
        config.rate_limit_per_minute = 10_000;
        config.sessions.absolute_hours = 0;
    })
    .await;
    let cookie = log_in(&app, None).await;
    assert!(stored_expiry(&app.db, &cookie).await.is_some(), "the log-in stored a session");
    assert_eq!(who(&app, &cookie).await, None);
    // Ended on the server: the stored session is gone.
    assert_eq!(stored_expiry(&app.db, &cookie).await, None);
    // The same flow within the lifetime stays logged in.
    let app = spawn_app(backend).await;
    let cookie = log_in(&app, None).await;
    assert_eq!(who(&app, &cookie).await.as_deref(), Some(EMAIL));
}

/// No session fixation: a session id from before log-in is not logged in after it.
async fn log_in_issues_a_new_session_id(backend: Backend) {
    let app = spawn_app(backend).await;
    // A visitor's session before logging in (a form post that failed keeps
    // its feedback there), as an attacker could have planted it.
    let failed = post(&app, "aanmelden", None, &[("email", EMAIL), ("password", "fout")], true).await;
    let before = session_cookie(&failed).expect("a session before log-in");
    assert!(stored_expiry(&app.db, &before).await.is_some());
    let after = log_in(&app, Some(&before)).await;
    assert_ne!(before, after, "log-in issues a new session id");
    assert_eq!(who(&app, &after).await.as_deref(), Some(EMAIL));
    assert_eq!(who(&app, &before).await, None, "the id from before log-in is not logged in");
    assert_eq!(stored_expiry(&app.db, &before).await, None, "the old session is gone");
}

/// After `afmelden` the old cookie opens nothing: the session is deleted on the server.
async fn log_out_ends_the_session_on_the_server(backend: Backend) {
    let app = spawn_app(backend).await;
    let cookie = log_in(&app, None).await;
    assert_eq!(who(&app, &cookie).await.as_deref(), Some(EMAIL));
    let response = post(&app, "afmelden", Some(&cookie), &[], false).await;
    assert_eq!(response.status(), 200);
    assert_eq!(stored_expiry(&app.db, &cookie).await, None, "the session row is gone");
    assert_eq!(who(&app, &cookie).await, None, "the old cookie is not logged in");
    assert_eq!(post(&app, "bord", Some(&cookie), &[("tenant", "gent")], false).await.status(), 401);
}

/// More requests at once than the pool has connections, each on a known
/// session due to be written back: none may hold its connection while it
/// loads the session (through the same pool), or they wait on each other.
async fn many_requests_at_once_on_a_session_due_to_be_written_back_all_succeed(backend: Backend) {
    let app = spawn_app_with(backend, |config| config.sessions.touch_seconds = 0).await;
    let cookie = log_in(&app, None).await;
    assert_eq!(who(&app, &cookie).await.as_deref(), Some(EMAIL), "now known to the instance");
    // Waiting on each other, they would fail when the pool gives up waiting.
    let answers = futures::future::join_all((0..40).map(|_| who(&app, &cookie))).await;
    assert!(answers.iter().all(|a| a.as_deref() == Some(EMAIL)), "{answers:?}");
}

/// PostgreSQL, two server instances on one database. An instance that has
/// seen a session knows whose it is and reads no session for it; a log-out on
/// the other instance, and an expiry, still count there at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_session_ended_on_one_instance_ends_on_the_other_at_once() {
    let app = spawn_app(Backend::Postgres).await;
    let other = app.spawn_instance(|_| {}).await;
    for ending in ["log-out", "expiry"] {
        let cookie = log_in(&app, None).await;
        // Seen twice on the other instance: the second time it knew the session.
        assert_eq!(who_at(&other, &cookie).await.as_deref(), Some(EMAIL));
        assert_eq!(who_at(&other, &cookie).await.as_deref(), Some(EMAIL));
        if ending == "log-out" {
            assert_eq!(post(&app, "afmelden", Some(&cookie), &[], false).await.status(), 200);
        } else {
            set_stored_expiry(&app.db, &cookie, OffsetDateTime::now_utc() - Duration::seconds(1)).await;
        }
        assert_eq!(who_at(&other, &cookie).await, None, "after the {ending}, the other instance");
        assert_eq!(post_to(&other, "bord", Some(&cookie), &[("tenant", "gent")], false).await.status(), 401, "{ending}");
    }
}

/// The idle timeout the test app runs with (Leptos.toml).
fn idle_minutes(app: &TestApp) -> i64 {
    seinhuis::server::config::Config::load(std::path::Path::new("Leptos.toml"), Some(app.db.url.clone())).unwrap().sessions.idle_minutes
}
