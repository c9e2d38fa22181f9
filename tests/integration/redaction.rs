//! Redaction: the hoofdsignaalverwerker removes personal data that slipped
//! into a signal's texts; the passage is gone from the database, a redaction
//! event says who and when, never what. On SQLite and PostgreSQL.

use crate::common::{Backend, database, fixture};
use chrono::Utc;
use seinhuis::domain::*;
use seinhuis::error::AppError;
use seinhuis::text::similarity::SimilarityIndex;
use seinhuis::usecases::redaction::redact;

on_both_backends!(a_redacted_passage_is_gone_and_the_history_says_who_and_when);

const NAME: &str = "Mevrouw Vandersteen uit de Kerkstraat";

async fn a_redacted_passage_is_gone_and_the_history_says_who_and_when(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "gent").await;
    let id = f.submit(store, "Geen plaats in de opvang", f.welzijn).await;
    // The name slipped into the description and into a message of the history.
    {
        let mut tx = store.write().await.unwrap();
        let event = EventDraft::note(EventKind::InformationAdded, Some(format!("Het gaat onder meer om {NAME}.")), None);
        tx.insert_event(f.tenant.id, id, Some(f.giver.person.id), Utc::now(), &event).await.unwrap();
        tx.commit().await.unwrap();
    }
    let index = SimilarityIndex::default();

    // Only the hoofdsignaalverwerker; a passage that is not there is refused.
    assert_eq!(redact(store, &index, &f.processor, id, NAME, Utc::now()).await.unwrap_err(), AppError::NoAccess);
    let missing = redact(store, &index, &f.coordinator, id, "Meneer Nergens", Utc::now()).await.unwrap_err();
    assert!(matches!(missing, AppError::Invalid(ref m) if m.contains("staat nergens")), "{missing:?}");

    let changed = redact(store, &index, &f.coordinator, id, NAME, Utc::now()).await.unwrap();
    assert_eq!(changed, 1, "one event message (the description did not hold it)");
    let mut tx = store.read().await.unwrap();
    let history = tx.history(f.tenant.id, id).await.unwrap();
    assert_eq!(history[1].message.as_deref(), Some("Het gaat onder meer om [verwijderd]."));
    let last = history.last().unwrap();
    assert_eq!(last.kind, EventKind::Redacted);
    assert_eq!(last.actor_name.as_deref(), Some("coordinator"));
    assert!(last.message.is_none() && last.note.is_none(), "the event never says what");
    let audit = tx
        .audit_log(
            f.tenant.id,
            &seinhuis::storage::AuditFilter {
                action: "persoonsgegevens-verwijderd".into(),
                person: String::new(),
                from: Utc::now() - chrono::Duration::hours(1),
                until: Utc::now() + chrono::Duration::hours(1),
                limit: 10,
            },
        )
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(!format!("{audit:?}").contains("Vandersteen"));
    drop(tx);

    // The text of the signal itself: title and description.
    let changed = redact(store, &index, &f.coordinator, id, "verschillende gezinnen", Utc::now()).await.unwrap();
    assert_eq!(changed, 1);
    let details = store.read().await.unwrap().signal_details(f.tenant.id, id).await.unwrap().unwrap();
    assert!(details.description.contains("[verwijderd]") && !details.description.contains("verschillende gezinnen"));

    // Nowhere in the database any more, whatever column.
    let dump = dump(&db.url, backend).await;
    assert!(!dump.contains("Vandersteen"), "the passage still rests in the database");
    assert!(!dump.contains("verschillende gezinnen"));
}

/// Every text of the tables a signal's words reach.
async fn dump(url: &str, backend: Backend) -> String {
    use sqlx::Connection;
    let sql = "SELECT COALESCE(title, '') || description || area || tried || idea FROM signals \
               UNION ALL SELECT COALESCE(message, '') || COALESCE(note, '') FROM signal_events \
               UNION ALL SELECT detail FROM audit_log";
    let rows: Vec<String> = match backend {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
            sqlx::query_scalar(sql).fetch_all(&mut c).await.unwrap()
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query_scalar(sql).fetch_all(&mut c).await.unwrap()
        }
    };
    rows.join("\n")
}
