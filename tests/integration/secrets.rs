//! No secret rests in the database, and the abuse limits hold (issue 8, items
//! 3 and 6), on SQLite and PostgreSQL. Masking of the request log is tested
//! beside its function (`server::http::masked_uri`).

use chrono::{Duration, Utc};
use sqlx::{Connection, Row};

use crate::common::{Backend, TestApp, new_client, spawn_app};
use crate::mailbox::{mailed_link, newest_mail, token_of};
use seinhuis::domain::NewAudit;
use seinhuis::storage::Backend as StoreBackend;

on_both_backends!(
    no_usable_link_rests_in_the_database,
    at_most_three_reset_mails_a_day,
    at_most_ten_invitation_requests_an_organisation_a_day,
    unconfirmed_citizen_reports_expire_and_are_forgotten,
    client_addresses_in_the_audit_log_are_blanked_after_ninety_days,
    a_password_reset_ends_the_other_sessions,
);

const COORDINATOR: &str = "ines.claeys@gent.example";
const PROCESSOR: &str = "bram.verhaeghe@gent.example";
const GIVER: &str = "sofie.mertens@deschakel.example";

/// Every row of these tables as text, all columns, as a stolen copy shows them.
async fn dump(app: &TestApp, tables: &[&str]) -> String {
    let mut text = String::new();
    for table in tables {
        let columns: Vec<String> = if app.db.store.backend() == StoreBackend::Postgres {
            let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
            sqlx::query_scalar("SELECT column_name::text FROM information_schema.columns WHERE table_name = $1")
                .bind(table)
                .fetch_all(&mut conn)
                .await
                .unwrap()
        } else {
            let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
            sqlx::query_scalar("SELECT name FROM pragma_table_info($1)").bind(table).fetch_all(&mut conn).await.unwrap()
        };
        assert!(!columns.is_empty(), "table {table}");
        let row = columns.iter().map(|c| format!("COALESCE(CAST({c} AS TEXT), '')")).collect::<Vec<_>>().join(" || '|' || ");
        let sql = format!("SELECT {row} FROM {table}");
        let rows: Vec<String> = if app.db.store.backend() == StoreBackend::Postgres {
            let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
            sqlx::query(&sql).fetch_all(&mut conn).await.unwrap().iter().map(|r| r.get(0)).collect()
        } else {
            let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
            sqlx::query(&sql).fetch_all(&mut conn).await.unwrap().iter().map(|r| r.get(0)).collect()
        };
        for row in rows {
            text.push_str(&format!("{table}: {row}\n"));
        }
    }
    text
}

async fn no_usable_link_rests_in_the_database(backend: Backend) {
    let app = spawn_app(backend).await;
    let coordinator = app.logged_in(COORDINATOR).await;
    let visitor = new_client();
    // An invitation, a password reset and a citizen's report, each with its mail.
    let invite = [("tenant", "gent"), ("email", "geheim@voorbeeld.example"), ("name", "Geheim Gehouden"), ("role", "signaalgever")];
    assert_eq!(app.call(&coordinator, "uitnodigen", &invite).await.0, 200);
    assert_eq!(app.call(&visitor, "wachtwoord-vergeten", &[("email", PROCESSOR)]).await.0, 200);
    let report = [
        ("tenant", "kortrijk"),
        ("email", "burger@voorbeeld.example"),
        ("title", "Geen zitbanken langs de Leie"),
        ("description", "Oudere wandelaars kunnen nergens rusten tussen de bruggen."),
        ("area", "Heule"),
    ];
    assert_eq!(app.call(&visitor, "burgermelding", &report).await.0, 200);

    // Before sending, the outbox holds placeholders, and the page shows them masked.
    let (status, page) = app.get(&coordinator, "/gent/beheer/uitgaande-mail").await;
    assert_eq!(status, 200);
    assert!(page.contains("/uitnodiging/…"), "{page}");
    assert!(!page.contains("{link:"), "{page}");

    // The mails as they arrive hold working links.
    let from = crate::mailbox::deliver(app.db.store.as_ref(), &crate::mailbox::link_key(&app)).await;
    let link = |to: &str, part: &str| {
        let mails = crate::mailbox::received(&from, to);
        mails.iter().find_map(|m| crate::mailbox::link_in(&m.body, part)).unwrap_or_else(|| panic!("no {part} link to {to}"))
    };
    let invitation = link("geheim@voorbeeld.example", "/uitnodiging/");
    let reset = link(PROCESSOR, "sleutel=");
    let confirm = link("burger@voorbeeld.example", "/signaleren/bevestigen/");
    let follow = link("burger@voorbeeld.example", "/kortrijk/volgen/");
    let tokens: Vec<String> = [&invitation, &reset, &confirm, &follow].iter().map(|l| token_of(l).to_string()).collect();
    assert!(tokens.iter().all(|t| t.len() == 64), "{tokens:?}");
    assert_eq!(app.call(&new_client(), "uitnodiging", &[("token", &tokens[0])]).await.0, 200, "the invitation opens");
    assert_eq!(app.call(&new_client(), "burgermelding-volgen", &[("token", &tokens[3])]).await.0, 200, "the follow link opens");

    // A copy of the database holds none of them, nor the links.
    let copy = dump(&app, &["outbox", "invitations", "password_resets", "citizen_reports", "audit_log"]).await;
    for token in &tokens {
        assert!(!copy.contains(token.as_str()), "token {token} rests in the database:\n{copy}");
    }
    for prefix in ["/uitnodiging/", "sleutel=", "/signaleren/bevestigen/", "/kortrijk/volgen/"] {
        for line in copy.lines().filter(|l| l.contains(prefix)) {
            assert!(line.contains(&format!("{prefix}{{link:")), "a link without placeholder: {line}");
        }
    }
    // Once sent, the page still masks the link.
    let (_, page) = app.get(&coordinator, "/gent/beheer/uitgaande-mail").await;
    assert!(page.contains("/uitnodiging/…") && !page.contains(tokens[0].as_str()), "{page}");
}

/// The mails to this address waiting in the outbox (looked at, not claimed).
async fn waiting_for(app: &TestApp, to: &str) -> usize {
    let mut tx = app.db.store.write().await.unwrap();
    let mails = tx.claim_unsent_mail(1000, Utc::now()).await.unwrap();
    drop(tx); // rolled back
    mails.iter().filter(|m| m.to == to).count()
}

async fn at_most_three_reset_mails_a_day(backend: Backend) {
    let app = spawn_app(backend).await;
    let visitor = new_client();
    let unknown = app.call(&visitor, "wachtwoord-vergeten", &[("email", "niemand@gent.example")]).await;
    for _ in 0..5 {
        // The fourth and fifth requests get the same answer, and no mail.
        assert_eq!(app.call(&visitor, "wachtwoord-vergeten", &[("email", PROCESSOR)]).await, unknown);
    }
    assert_eq!(waiting_for(&app, PROCESSOR).await, 3);
    // A day later, one more may go.
    let later = Utc::now() + Duration::hours(25);
    seinhuis::usecases::accounts::request_reset(app.db.store.as_ref(), PROCESSOR, "http://h", 3, "127.0.0.1", later).await.unwrap();
    assert_eq!(waiting_for(&app, PROCESSOR).await, 4);
}

async fn at_most_ten_invitation_requests_an_organisation_a_day(backend: Backend) {
    let app = spawn_app(backend).await;
    let giver = app.logged_in(GIVER).await;
    for n in 0..10 {
        let email = format!("collega{n}@deschakel.example");
        let ask = [("tenant", "gent"), ("email", email.as_str()), ("name", "Een Collega"), ("note", "")];
        let (status, body) = app.call(&giver, "uitnodiging-vragen", &ask).await;
        assert_eq!(status, 200, "{body}");
    }
    let ask = [("tenant", "gent"), ("email", "collega10@deschakel.example"), ("name", "Een Collega"), ("note", "")];
    let (status, body) = app.call(&giver, "uitnodiging-vragen", &ask).await;
    assert_eq!(status, 422);
    assert!(body.contains("al 10 uitnodigingen") && body.contains("Probeer het morgen opnieuw"), "{body}");
}

async fn unconfirmed_citizen_reports_expire_and_are_forgotten(backend: Backend) {
    let app = spawn_app(backend).await;
    let visitor = new_client();
    let report = |email: &'static str| {
        [
            ("tenant", "kortrijk"),
            ("email", email),
            ("title", "Geen fietsenstalling aan het station"),
            ("description", "Pendelaars laten hun fiets aan de gevels staan, voetgangers kunnen er niet door."),
            ("area", "Heule"),
        ]
    };
    assert_eq!(app.call(&visitor, "burgermelding", &report("vergeten@voorbeeld.example")).await.0, 200);
    let mail = newest_mail(&app, "vergeten@voorbeeld.example").await;
    let confirm = crate::mailbox::link_in(&mail.body, "/signaleren/bevestigen/").unwrap();
    assert!(mail.body.contains("binnen 48 uur"), "{}", mail.body);
    let store = app.db.store.as_ref();
    let (hours, later) = (48, Utc::now() + Duration::hours(49));

    // After 48 hours the link is refused ...
    let refused = seinhuis::usecases::citizen::confirm(store, token_of(&confirm), hours, "127.0.0.1", later).await;
    assert!(matches!(refused, Err(seinhuis::error::AppError::Invalid(_))), "{refused:?}");
    // ... and the hourly clean-up deletes the report, its address and its mail.
    assert_eq!(seinhuis::usecases::citizen::forget_unconfirmed(store, hours, Utc::now()).await.unwrap(), 0, "not yet");
    assert_eq!(seinhuis::usecases::citizen::forget_unconfirmed(store, hours, later).await.unwrap(), 1);
    let copy = dump(&app, &["citizen_reports", "outbox"]).await;
    assert!(!copy.contains("vergeten@voorbeeld.example"), "{copy}");

    // A confirmed report stays.
    assert_eq!(app.call(&visitor, "burgermelding", &report("bevestigd@voorbeeld.example")).await.0, 200);
    let mail = newest_mail(&app, "bevestigd@voorbeeld.example").await;
    let confirm = crate::mailbox::link_in(&mail.body, "/signaleren/bevestigen/").unwrap();
    assert_eq!(app.call(&visitor, "burgermelding-bevestigen", &[("token", token_of(&confirm))]).await.0, 200);
    let much_later = Utc::now() + Duration::days(30);
    assert_eq!(seinhuis::usecases::citizen::forget_unconfirmed(store, hours, much_later).await.unwrap(), 0);
    assert!(dump(&app, &["citizen_reports"]).await.contains("bevestigd@voorbeeld.example"));
}

async fn client_addresses_in_the_audit_log_are_blanked_after_ninety_days(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.db.store.as_ref();
    let entry = |detail: &str| NewAudit {
        action: "test",
        object_type: "test",
        object_id: "1".into(),
        detail: detail.into(),
        ip: "203.0.113.7".into(),
        ..NewAudit::default()
    };
    let mut tx = store.write().await.unwrap();
    tx.audit(&entry("oud"), Utc::now() - Duration::days(91)).await.unwrap();
    tx.audit(&entry("recent"), Utc::now() - Duration::days(89)).await.unwrap();
    tx.commit().await.unwrap();

    assert_eq!(seinhuis::usecases::accounts::blank_old_addresses(store, 90, Utc::now()).await.unwrap(), 1);
    let copy = dump(&app, &["audit_log"]).await;
    let line = |detail: &str| copy.lines().find(|l| l.contains(&format!("|{detail}|"))).unwrap().to_string();
    assert!(!line("oud").contains("203.0.113.7"), "{copy}");
    assert!(line("recent").contains("203.0.113.7"), "{copy}");

    // Still append-only otherwise: no other change, no deletion, no new address.
    for sql in [
        "UPDATE audit_log SET detail = 'anders' WHERE detail = 'oud'",
        "UPDATE audit_log SET ip = '198.51.100.1' WHERE detail = 'oud'",
        "UPDATE audit_log SET ip = '', detail = 'anders' WHERE detail = 'recent'",
        "DELETE FROM audit_log WHERE detail = 'oud'",
    ] {
        let refused = if backend == Backend::Postgres {
            let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
            sqlx::query(sql).execute(&mut conn).await.is_err()
        } else {
            let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
            sqlx::query(sql).execute(&mut conn).await.is_err()
        };
        assert!(refused, "allowed: {sql}");
    }
}

async fn a_password_reset_ends_the_other_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let (laptop, phone) = (app.logged_in(PROCESSOR).await, app.logged_in(PROCESSOR).await);
    assert_eq!(app.call(&laptop, "bord", &[("tenant", "gent")]).await.0, 200);
    assert_eq!(app.call(&phone, "bord", &[("tenant", "gent")]).await.0, 200);

    let visitor = new_client();
    assert_eq!(app.call(&visitor, "wachtwoord-vergeten", &[("email", PROCESSOR)]).await.0, 200);
    let link = mailed_link(&app, PROCESSOR, "sleutel=").await;
    let new_password = [("token", token_of(&link)), ("password", "een nieuw wachtwoord"), ("repeat", "een nieuw wachtwoord")];
    assert_eq!(app.call(&visitor, "wachtwoord-instellen", &new_password).await.0, 200);

    // Every session from before the reset has ended.
    assert_eq!(app.call(&laptop, "bord", &[("tenant", "gent")]).await.0, 401);
    assert_eq!(app.call(&phone, "bord", &[("tenant", "gent")]).await.0, 401);
    // A log-in with the new password works (sessions are compared in whole seconds).
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let again = new_client();
    let form = [("email", PROCESSOR), ("password", "een nieuw wachtwoord")];
    assert_eq!(app.call(&again, "aanmelden", &form).await.0, 200);
    assert_eq!(app.call(&again, "bord", &[("tenant", "gent")]).await.0, 200);
}
