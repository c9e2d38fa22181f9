//! The security baseline over HTTP: cross-site writes refused, security
//! headers on every page, rate limits and growing delays on log-in.

use crate::common::{Backend, spawn_app, spawn_app_with};

on_both_backends!(
    cross_site_writes_are_refused,
    every_page_carries_the_security_headers,
    the_eleventh_bad_password_in_a_minute_gets_429,
    repeated_failures_slow_down_one_address,
    a_deactivated_person_is_out_at_once,
    log_in_never_sends_the_browser_to_another_site,
    behind_a_trusted_proxy_each_client_has_its_own_limit,
    an_untrusted_peer_cannot_choose_its_address,
    two_server_instances_share_one_limit,
    rate_limit_keys_are_stored_hashed,
    rate_limits_in_the_database_keep_their_rhythm,
);

async fn cross_site_writes_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let form = [("email", "ines.claeys@gent.example"), ("password", seinhuis::demo::DEMO_PASSWORD)];
    let url = format!("{}/api/aanmelden", app.base);
    let from_elsewhere = app.client.post(&url).header("Origin", "https://kwaadaardig.example").form(&form).send().await.unwrap();
    assert_eq!(from_elsewhere.status(), 403);
    assert!(from_elsewhere.text().await.unwrap().contains("andere website"));
    let fetch_metadata = app.client.post(&url).header("Sec-Fetch-Site", "cross-site").form(&form).send().await.unwrap();
    assert_eq!(fetch_metadata.status(), 403);
    // The same request from our own pages goes through.
    let same_site = app.client.post(&url).header("Sec-Fetch-Site", "same-origin").form(&form).send().await.unwrap();
    assert_eq!(same_site.status(), 200);
    let with_origin = app.client.post(&url).header("Origin", &app.base).form(&form).send().await.unwrap();
    assert_eq!(with_origin.status(), 200);
}

async fn every_page_carries_the_security_headers(backend: Backend) {
    let app = spawn_app(backend).await;
    let coordinator = app.logged_in("ines.claeys@gent.example").await;
    for path in ["/", "/aanmelden", "/gent", "/gent/bord", "/gent/signalen/1", "/wachtwoord-vergeten", "/bestaat/niet/hier"] {
        let response = coordinator.get(format!("{}{path}", app.base)).send().await.unwrap();
        let (status, headers) = (response.status(), response.headers().clone());
        let html = response.text().await.unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"), "{path} is a page, not {status}: {}", html.chars().take(300).collect::<String>());
        let header = |name: &str| headers.get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        let csp = header("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        // Every inline script carries the nonce of this response's policy.
        let nonce =
            csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).unwrap_or_else(|| panic!("{path}: no nonce in {csp}"));
        let scripts = html.matches("<script").count();
        let with_nonce = html.matches(&format!("nonce=\"{nonce}\"")).count();
        assert!(scripts > 0 && with_nonce >= scripts, "{path}: {with_nonce} of {scripts} scripts carry the nonce");
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header("referrer-policy"), "same-origin", "{path}");
        assert_eq!(header("x-frame-options"), "DENY", "{path}");
    }
    // Not a page: still no framing, no sniffing.
    let json = app.call(&app.client, "gemeenten", &[]).await;
    assert_eq!(json.0, 200);
    let response = app.client.get(format!("{}/health", app.base)).send().await.unwrap();
    assert_eq!(response.headers()["content-security-policy"], "default-src 'none'; frame-ancestors 'none'");
}

async fn the_eleventh_bad_password_in_a_minute_gets_429(backend: Backend) {
    let app = spawn_app_with(backend, |_| {}).await; // the configured limit: 10 a minute
    for attempt in 1..=10 {
        let email = format!("persoon{attempt}@gent.example");
        let (status, _) = app.call(&app.client, "aanmelden", &[("email", &email), ("password", "fout")]).await;
        assert_eq!(status, 422, "attempt {attempt} is an ordinary wrong password");
    }
    let (status, body) = app.call(&app.client, "aanmelden", &[("email", "persoon11@gent.example"), ("password", "fout")]).await;
    assert_eq!(status, 429);
    assert!(body.contains("TooManyRequests"), "{body}");
    assert_eq!(seinhuis::error::AppError::TooManyRequests.message(), "Te veel pogingen na elkaar. Wacht even en probeer het dan opnieuw.");
}

async fn repeated_failures_slow_down_one_address(backend: Backend) {
    use seinhuis::usecases::accounts::delay_after;
    assert_eq!(delay_after(4), chrono::Duration::zero());
    assert_eq!(delay_after(5), chrono::Duration::seconds(2));
    assert_eq!(delay_after(7), chrono::Duration::seconds(8));
    assert_eq!(delay_after(40), chrono::Duration::seconds(900));
    let app = spawn_app(backend).await;
    let email = "ines.claeys@gent.example";
    for _ in 0..5 {
        let (status, _) = app.call(&app.client, "aanmelden", &[("email", email), ("password", "fout")]).await;
        assert_eq!(status, 422);
    }
    // Now even the right password has to wait, and an unknown address behaves the same.
    let (status, _) = app.call(&app.client, "aanmelden", &[("email", email), ("password", seinhuis::demo::DEMO_PASSWORD)]).await;
    assert_eq!(status, 429);
    for _ in 0..5 {
        app.call(&app.client, "aanmelden", &[("email", "onbekend@gent.example"), ("password", "fout")]).await;
    }
    let (status, _) = app.call(&app.client, "aanmelden", &[("email", "onbekend@gent.example"), ("password", "fout")]).await;
    assert_eq!(status, 429);
}

async fn a_deactivated_person_is_out_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let processor = app.logged_in("bram.verhaeghe@gent.example").await;
    assert_eq!(app.call(&processor, "bord", &[("tenant", "gent")]).await.0, 200);
    let coordinator = app.logged_in("ines.claeys@gent.example").await;
    let (_, body) = app.call(&coordinator, "beheer-mensen", &[("tenant", "gent")]).await;
    let page: seinhuis::api::admin::people::PeoplePage = serde_json::from_str(&body).unwrap();
    let bram = page.members.iter().find(|m| m.email == "bram.verhaeghe@gent.example").unwrap().person;
    let id = bram.to_string();
    let (status, body) = app.call(&coordinator, "persoon-activeren", &[("tenant", "gent"), ("person", &id), ("active", "false")]).await;
    assert_eq!(status, 200, "{body}");
    // The very next request of his open session is refused.
    assert_eq!(app.call(&processor, "bord", &[("tenant", "gent")]).await.0, 401);
    let again = app
        .call(
            &crate::common::new_client(),
            "aanmelden",
            &[("email", "bram.verhaeghe@gent.example"), ("password", seinhuis::demo::DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(again.0, 422, "a deactivated person cannot log in");
    // Reactivated, he is back.
    app.call(&coordinator, "persoon-activeren", &[("tenant", "gent"), ("person", &id), ("active", "true")]).await;
    let client = app.logged_in("bram.verhaeghe@gent.example").await;
    assert_eq!(app.call(&client, "bord", &[("tenant", "gent")]).await.0, 200);
}

/// Known ways to leave the site through `volgende` (item 4 of issue 8): each
/// log-in lands on `/`, never on another origin.
async fn log_in_never_sends_the_browser_to_another_site(backend: Backend) {
    let app = spawn_app(backend).await;
    let bypasses = [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/ /evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "//evil.example",
        "/%2F/evil.example",
        "/%2f/evil.example",
        "/%5C/evil.example",
        "/%09/evil.example",
        "/%0a/evil.example",
        "/%0D/evil.example",
        "/%252F/evil.example",
        "https://evil.example",
        "https:evil.example",
        "javascript:alert(1)",
    ];
    let email = "ines.claeys@gent.example";
    for next in bypasses.iter().copied().chain(["/gent/bord"]) {
        let expected = if next == "/gent/bord" { "/gent/bord" } else { "/" };
        // A plain form post (no JavaScript): a real redirect.
        let client = crate::common::new_client();
        let response = client
            .post(format!("{}/api/aanmelden", app.base))
            .header("Origin", &app.base)
            .header("Accept", "text/html")
            .form(&[("email", email), ("password", seinhuis::demo::DEMO_PASSWORD), ("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 302, "{next:?}");
        assert_eq!(response.headers()["location"], expected, "form post with next={next:?}");
        // Through the server-function client: the Location header it follows.
        let (status, location) = {
            let response = client
                .post(format!("{}/api/aanmelden", app.base))
                .header("Origin", &app.base)
                .form(&[("email", email), ("password", seinhuis::demo::DEMO_PASSWORD), ("next", next)])
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), response.headers().get("location").map(|v| v.to_str().unwrap().to_string()))
        };
        assert_eq!(status, 200, "{next:?}");
        assert_eq!(location.as_deref(), Some(expected), "server-function call with next={next:?}");
    }
    // The log-in page does not even put such a value in its form.
    let (status, html) = app.get(&app.client, "/aanmelden?volgende=%2F%09%2Fevil.example").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"name="next" value="/""#), "the form's next is home");
    assert!(!html.contains("evil.example"));
}

/// A failed log-in as `email`, sent with this `X-Forwarded-For` (if any), to
/// the instance at `base`; the status.
async fn bad_log_in(base: &str, email: &str, forwarded_for: Option<&str>) -> u16 {
    let mut request = crate::common::new_client()
        .post(format!("{base}/api/aanmelden"))
        .header("Origin", base)
        .form(&[("email", email), ("password", "fout")]);
    if let Some(address) = forwarded_for {
        request = request.header("X-Forwarded-For", address);
    }
    request.send().await.unwrap().status().as_u16()
}

/// The client addresses the audit log holds for log-ins of this account.
async fn audited_addresses(app: &crate::common::TestApp, action: &str, email: &str) -> Vec<String> {
    app.db.strings("SELECT ip FROM audit_log WHERE action = $1 AND object_id = $2 ORDER BY id", &[action, email]).await
}

/// Item 5 of issue 8: behind the proxy everyone shared the proxy's address.
async fn behind_a_trusted_proxy_each_client_has_its_own_limit(backend: Backend) {
    use seinhuis::server::proxy::TrustedProxies;
    // The configured limit (10 a minute), and the test client's peer address as the proxy.
    let app = spawn_app_with(backend, |config| config.trusted_proxies = TrustedProxies::parse_list("127.0.0.1").unwrap()).await;
    for attempt in 1..=10 {
        let email = format!("persoon{attempt}@gent.example");
        assert_eq!(bad_log_in(&app.base, &email, Some("203.0.113.1")).await, 422, "attempt {attempt}");
    }
    assert_eq!(bad_log_in(&app.base, "persoon11@gent.example", Some("203.0.113.1")).await, 429);
    // Another client behind the same proxy has a limit of its own.
    assert_eq!(bad_log_in(&app.base, "persoon12@gent.example", Some("203.0.113.2")).await, 422);
    // A client that writes the header itself gets no fresh limit: the proxy
    // appends the address it saw, and only that one is believed.
    assert_eq!(bad_log_in(&app.base, "persoon13@gent.example", Some("198.51.100.9, 203.0.113.1")).await, 429);
    // The audit log names the client, not the proxy.
    assert_eq!(audited_addresses(&app, "aanmelden-mislukt", "persoon1@gent.example").await, ["203.0.113.1"]);
    assert_eq!(audited_addresses(&app, "aanmelden-mislukt", "persoon12@gent.example").await, ["203.0.113.2"]);
    let response = crate::common::new_client()
        .post(format!("{}/api/aanmelden", app.base))
        .header("Origin", &app.base)
        .header("X-Forwarded-For", "203.0.113.3")
        .form(&[("email", "ines.claeys@gent.example"), ("password", seinhuis::demo::DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(audited_addresses(&app, "aangemeld", "ines.claeys@gent.example").await, ["203.0.113.3"]);
}

async fn an_untrusted_peer_cannot_choose_its_address(backend: Backend) {
    let app = spawn_app_with(backend, |_| {}).await; // trusts no proxy: the default
    for attempt in 1..=10 {
        let email = format!("persoon{attempt}@gent.example");
        let forwarded = format!("203.0.113.{attempt}");
        assert_eq!(bad_log_in(&app.base, &email, Some(&forwarded)).await, 422, "attempt {attempt}");
    }
    // A new address in the header every time does not buy another attempt.
    assert_eq!(bad_log_in(&app.base, "persoon11@gent.example", Some("203.0.113.11")).await, 429);
    assert_eq!(audited_addresses(&app, "aanmelden-mislukt", "persoon1@gent.example").await, ["127.0.0.1"]);
}

/// Two server instances on one database (PostgreSQL in production) count the
/// same attempts: ten across both, and the eleventh is refused on either.
async fn two_server_instances_share_one_limit(backend: Backend) {
    let app = spawn_app_with(backend, |_| {}).await;
    let other = app.spawn_instance(|_| {}).await;
    for attempt in 1..=10 {
        let base = if attempt % 2 == 0 { &other } else { &app.base };
        let email = format!("persoon{attempt}@gent.example");
        assert_eq!(bad_log_in(base, &email, None).await, 422, "attempt {attempt}");
    }
    assert_eq!(bad_log_in(&other, "persoon11@gent.example", None).await, 429);
    assert_eq!(bad_log_in(&app.base, "persoon12@gent.example", None).await, 429);
}

/// The counters keep no e-mail or client address, only their hashes.
async fn rate_limit_keys_are_stored_hashed(backend: Backend) {
    let app = spawn_app_with(backend, |_| {}).await;
    assert_eq!(bad_log_in(&app.base, "persoon1@gent.example", None).await, 422);
    let keys = app.db.strings("SELECT key_hash FROM rate_limits WHERE door = 'aanmelden'", &[]).await;
    assert_eq!(keys.len(), 2, "one counter for the address, one for the e-mail address");
    for key in keys {
        assert_eq!(key.len(), 64, "{key}");
        assert!(key.chars().all(|c| c.is_ascii_hexdigit()), "{key}");
    }
}

/// The limiter's arithmetic in the database, with a clock of our own: ten at
/// once, then one more every six seconds; refusals use up nothing; each key
/// and door counts apart; a forgotten key starts afresh.
async fn rate_limits_in_the_database_keep_their_rhythm(backend: Backend) {
    use seinhuis::server::limits::{Door, Limits};
    let db = crate::common::database(backend).await;
    let limits = Limits::new(db.store.clone(), 10);
    let start = chrono::Utc::now();
    let at = |ms: i64| start + chrono::Duration::milliseconds(ms);
    for attempt in 1..=10 {
        assert!(limits.check_at(Door::Login, &["ip:a"], at(0)).await.is_ok(), "attempt {attempt}");
    }
    for ms in [0, 3_000, 5_999] {
        assert!(limits.check_at(Door::Login, &["ip:a"], at(ms)).await.is_err(), "refused at {ms} ms");
    }
    assert!(limits.check_at(Door::Login, &["ip:a"], at(6_000)).await.is_ok(), "one more after six seconds");
    assert!(limits.check_at(Door::Login, &["ip:a"], at(6_000)).await.is_err());
    // Another key, another door: their own buckets. One full key refuses the request.
    assert!(limits.check_at(Door::Login, &["ip:b"], at(6_000)).await.is_ok());
    assert!(limits.check_at(Door::PasswordReset, &["ip:a"], at(6_000)).await.is_ok());
    assert!(limits.check_at(Door::Login, &["ip:b", "ip:a"], at(6_000)).await.is_err());
    // A quiet minute later the key is forgotten, and has ten again.
    assert!(limits.forget_old(at(72_000)).await.unwrap() >= 2);
    for attempt in 1..=10 {
        assert!(limits.check_at(Door::Login, &["ip:a"], at(72_000)).await.is_ok(), "attempt {attempt} after a quiet minute");
    }
    assert!(limits.check_at(Door::Login, &["ip:a"], at(72_000)).await.is_err());
}
