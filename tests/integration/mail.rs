//! Mail leaves through a real SMTP server on loopback (aiosmtpd, started by
//! `make test`), and stays in the outbox when delivery fails.

use crate::common::{Backend, database};
use chrono::Utc;
use seinhuis::server::mail::{MailConfig, SmtpTls, deliver_pending};
use seinhuis::server::passwords::LinkKey;
use seinhuis::storage::Store;

fn key() -> LinkKey {
    LinkKey::new("a test key of at least thirty-two characters").unwrap()
}

on_both_backends!(mail_is_delivered_over_smtp, undeliverable_mail_stays_in_the_outbox);

fn smtp() -> (String, u16) {
    let address = std::env::var("SEINHUIS_TEST_SMTP")
        .expect("SEINHUIS_TEST_SMTP is not set: run `make test`, which starts an SMTP server (aiosmtpd)");
    let (host, port) = address.rsplit_once(':').expect("host:port");
    (host.to_string(), port.parse().expect("a port"))
}

fn config(host: &str, port: u16) -> MailConfig {
    MailConfig {
        from: "Seinhuis <no-reply@seinhuis.example>".into(),
        smtp_host: Some(host.into()),
        smtp_port: Some(port),
        smtp_tls: SmtpTls::None,
        ..MailConfig::default()
    }
}

async fn unsent(store: &dyn Store) -> usize {
    let mut tx = store.write().await.unwrap();
    tx.claim_unsent_mail(100, Utc::now()).await.unwrap().len() // rolled back on drop
}

async fn mail_is_delivered_over_smtp(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    seinhuis::demo::load_if_empty(store).await.unwrap();
    let recipient = format!("ontvanger-{}@voorbeeld.example", rand::random::<u32>());
    let mut tx = store.write().await.unwrap();
    tx.insert_person(&recipient, "Ontvanger", None, false, Utc::now()).await.unwrap();
    tx.commit().await.unwrap();
    seinhuis::usecases::accounts::request_reset(store, &recipient, "http://127.0.0.1:3000", 3, "127.0.0.1", Utc::now()).await.unwrap();
    assert_eq!(unsent(store).await, 1);

    let (host, port) = smtp();
    assert_eq!(deliver_pending(store, &config(&host, port), &key()).await.unwrap(), 1);
    assert_eq!(unsent(store).await, 0, "marked as sent");

    let maildir = std::path::PathBuf::from(std::env::var("SEINHUIS_TEST_MAILDIR").expect("SEINHUIS_TEST_MAILDIR"));
    let delivered: Vec<String> = std::fs::read_dir(maildir.join("new"))
        .expect("the SMTP server's mailbox")
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .filter(|m| m.contains(&recipient))
        .collect();
    assert_eq!(delivered.len(), 1, "one mail arrived for {recipient}");
    let mail = &delivered[0];
    assert!(mail.contains("Subject: Een nieuw wachtwoord voor Seinhuis"), "{mail}");
    assert!(mail.contains("From: Seinhuis <no-reply@seinhuis.example>"), "{mail}");
    let body = crate::mailbox::decode_body(mail);
    let link = crate::mailbox::link_in(&body, "/wachtwoord-vergeten?sleutel=").expect("a link");
    let token = crate::mailbox::token_of(&link);
    assert!(token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit()), "the token is filled in: {body}");
    assert!(!body.contains("{link:"), "{body}");
}

async fn undeliverable_mail_stays_in_the_outbox(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let mut tx = store.write().await.unwrap();
    tx.queue_mail(None, "iemand@voorbeeld.example", "Onderwerp", "Tekst", Utc::now()).await.unwrap();
    tx.commit().await.unwrap();
    // Nothing listens on port 9 of loopback.
    assert_eq!(deliver_pending(store, &config("127.0.0.1", 9), &key()).await.unwrap(), 0);
    assert_eq!(unsent(store).await, 1, "still waiting, to be retried");
    // Without SMTP settings nothing is attempted.
    assert_eq!(deliver_pending(store, &MailConfig::default(), &key()).await.unwrap(), 0);
}
