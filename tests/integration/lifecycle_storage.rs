//! The signal lifecycle through the real storage, on SQLite and PostgreSQL.

use crate::common::{Backend, database, fixture};
use seinhuis::domain::*;
use seinhuis::error::AppError;
use seinhuis::usecases::bundles;
use seinhuis::usecases::signals::{MoveRequest, move_signal};

/// Where mails to reporters link to.
const URL: &str = "http://seinhuis.test";

on_both_backends!(
    a_move_persists_with_its_event,
    a_stale_move_is_refused_and_changes_nothing,
    an_illegal_move_is_refused_in_dutch_and_changes_nothing,
    a_bundle_moves_with_all_its_signals,
    a_processor_only_moves_signals_it_processes,
    an_unfinished_transaction_leaves_nothing,
    a_transaction_dropped_while_it_begins_leaves_the_connections_usable,
    tenants_never_see_each_others_rows,
    reading_some_phases_reads_only_those_of_the_tenant,
    events_cannot_be_edited_or_deleted,
    demo_data_tells_believable_histories,
);

fn to(phase: Phase, signal: SignalId, version: i64) -> MoveRequest {
    MoveRequest { signal, version, to: phase, details: MoveDetails::default() }
}

async fn a_move_persists_with_its_event(backend: Backend) {
    let db = database(backend).await;
    let f = fixture(db.store.as_ref(), "gent").await;
    let id = f.submit(db.store.as_ref(), "Geen GGZ voor mensen in armoede", f.welzijn).await;

    let moved = move_signal(db.store.as_ref(), &f.processor, to(Phase::InScreening, id, 1), URL).await.unwrap();
    assert_eq!((moved.phase, moved.version), (Phase::InScreening, 2));

    let mut tx = db.store.read().await.unwrap();
    let stored = tx.signal_summary(f.tenant.id, id).await.unwrap().unwrap();
    assert_eq!(stored.phase, Phase::InScreening);
    let history = tx.history(f.tenant.id, id).await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].kind, EventKind::Submitted);
    assert_eq!(history[1].kind, EventKind::PhaseChanged);
    assert_eq!((history[1].from, history[1].to), (Some(Phase::Submitted), Some(Phase::InScreening)));
    assert_eq!(history[1].actor_name.as_deref(), Some("processor"));
}

async fn a_stale_move_is_refused_and_changes_nothing(backend: Backend) {
    let db = database(backend).await;
    let f = fixture(db.store.as_ref(), "gent").await;
    let id = f.submit(db.store.as_ref(), "Wachtlijst budgetbeheer", f.welzijn).await;
    // Two people saw version 1; the first one moves it.
    move_signal(db.store.as_ref(), &f.processor, to(Phase::InScreening, id, 1), URL).await.unwrap();
    let second = move_signal(db.store.as_ref(), &f.coordinator, to(Phase::InScreening, id, 1), URL).await;
    // The second hears what the first did.
    assert!(matches!(second.unwrap_err(), AppError::Changed(what) if what.starts_with("van ")));
    let history = db.store.read().await.unwrap().history(f.tenant.id, id).await.unwrap();
    assert_eq!(history.len(), 2, "only the first move was recorded");
}

async fn an_illegal_move_is_refused_in_dutch_and_changes_nothing(backend: Backend) {
    let db = database(backend).await;
    let f = fixture(db.store.as_ref(), "gent").await;
    let id = f.submit(db.store.as_ref(), "Schoolkosten stijgen", f.welzijn).await;
    let err = move_signal(db.store.as_ref(), &f.processor, to(Phase::Closed, id, 1), URL).await.unwrap_err();
    assert_eq!(err, AppError::Refused(Refusal::NoSuchMove { from: Phase::Submitted, to: Phase::Closed }));
    assert_eq!(err.message(), "Een signaal kan niet van ‘Ingediend’ naar ‘Afgerond’.");
    // A signaalgever may read her own signal, not screen it.
    let err = move_signal(db.store.as_ref(), &f.giver, to(Phase::InScreening, id, 1), URL).await.unwrap_err();
    assert_eq!(err, AppError::NoAccess);
    let mut tx = db.store.read().await.unwrap();
    assert_eq!(tx.signal_summary(f.tenant.id, id).await.unwrap().unwrap().version, 1);
    assert_eq!(tx.history(f.tenant.id, id).await.unwrap().len(), 1);
}

async fn a_bundle_moves_with_all_its_signals(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "gent").await;
    let mut ids = vec![];
    for title in ["Wachtlijsten CGG", "Geen psycholoog in de buurt"] {
        let id = f.submit(store, title, f.welzijn).await;
        let mut version = 1;
        for phase in [Phase::InScreening, Phase::Retained] {
            let s = move_signal(store, &f.processor, MoveRequest { signal: id, version, to: phase, details: MoveDetails::default() }, URL)
                .await
                .unwrap();
            version = s.version;
        }
        ids.push(id);
    }
    let text = bundle::BundleText { title: "GGZ onbereikbaar".into(), lead_domain: Some(f.welzijn), ..Default::default() };
    let bundle = bundles::create(store, &f.processor, &ids, &text).await.unwrap();
    // One signal of a bundle cannot move alone.
    let alone = move_signal(store, &f.processor, to(Phase::Analysed, ids[0], 4), URL).await.unwrap_err();
    assert_eq!(alone, AppError::Refused(Refusal::MovesWithBundle));

    bundles::move_bundle(store, &f.processor, bundle, 1, Phase::Analysed, MoveDetails::default(), URL).await.unwrap();
    let mut tx = store.read().await.unwrap();
    let moved = tx.bundle_signals(f.tenant.id, bundle).await.unwrap();
    assert_eq!(moved.len(), 2);
    assert!(moved.iter().all(|s| s.phase == Phase::Analysed && s.bundle.as_ref().map(|b| b.id) == Some(bundle)));
    assert_eq!(tx.bundle_details(f.tenant.id, bundle).await.unwrap().unwrap().summary.phase, Phase::Analysed);
    for id in ids {
        let history = tx.history(f.tenant.id, id).await.unwrap();
        let last = history.last().unwrap();
        assert_eq!((last.from, last.to), (Some(Phase::Bundled), Some(Phase::Analysed)), "one event per signal");
    }
}

async fn a_processor_only_moves_signals_it_processes(backend: Backend) {
    let db = database(backend).await;
    let f = fixture(db.store.as_ref(), "gent").await;
    // The processor handles "welzijn"; this one is about "wonen".
    let id = f.submit(db.store.as_ref(), "Huurwaarborg onbetaalbaar", f.wonen).await;
    let err = move_signal(db.store.as_ref(), &f.processor, to(Phase::InScreening, id, 1), URL).await.unwrap_err();
    assert_eq!(err, AppError::NotFound);
    // The coordinator processes everything in the tenant.
    move_signal(db.store.as_ref(), &f.coordinator, to(Phase::InScreening, id, 1), URL).await.unwrap();
}

async fn an_unfinished_transaction_leaves_nothing(backend: Backend) {
    let db = database(backend).await;
    let f = fixture(db.store.as_ref(), "gent").await;
    {
        let mut tx = db.store.write().await.unwrap();
        let signal = NewSignal { title: "Half geschreven".into(), ..NewSignal::default() };
        seinhuis::usecases::signals::submit(&mut *tx, f.tenant.id, &signal, chrono::Utc::now()).await.unwrap();
        // Dropped without commit.
    }
    assert_eq!(db.store.read().await.unwrap().count_signals(f.tenant.id).await.unwrap(), 0);
}

async fn a_transaction_dropped_while_it_begins_leaves_the_connections_usable(backend: Backend) {
    use std::time::Duration;
    let db = database(backend).await;
    let store = db.store.as_ref();
    let gent = fixture(store, "gent").await;
    // Requests dropped at every moment of beginning a transaction (a browser
    // closed mid-submit). sqlx's own begin left the connection inside a
    // transaction nobody ended, and SQLite's one writer then refused all writes.
    for wait in 0..300u64 {
        let _ = tokio::time::timeout(Duration::from_micros(wait % 100), store.write()).await;
        let _ = tokio::time::timeout(Duration::from_micros(wait % 100), store.read()).await;
    }
    // Every connection still begins: writes go through and are read back.
    for n in 0..10 {
        let id = gent.submit(store, &format!("Na afgebroken verzoeken {n}"), gent.welzijn).await;
        assert!(store.read().await.unwrap().signal_summary(gent.tenant.id, id).await.unwrap().is_some());
    }
}

async fn tenants_never_see_each_others_rows(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let gent = fixture(store, "gent").await;
    let kortrijk = fixture(store, "kortrijk").await;
    let a = gent.submit(store, "Eenzaamheid bij ouderen", gent.welzijn).await;
    let b = kortrijk.submit(store, "Eenzaamheid bij ouderen", kortrijk.welzijn).await;

    let mut tx = store.read().await.unwrap();
    assert!(tx.signal_summary(kortrijk.tenant.id, a).await.unwrap().is_none());
    assert!(tx.signal_details(kortrijk.tenant.id, a).await.unwrap().is_none());
    assert!(tx.history(kortrijk.tenant.id, a).await.unwrap().is_empty());
    let seen: Vec<SignalId> = tx.signal_summaries(kortrijk.tenant.id).await.unwrap().iter().map(|s| s.id).collect();
    assert_eq!(seen, vec![b]);
    drop(tx);

    // Kortrijk's coordinator cannot move Gent's signal, even knowing its id.
    let err = move_signal(store, &kortrijk.coordinator, to(Phase::InScreening, a, 1), URL).await.unwrap_err();
    assert_eq!(err, AppError::NotFound);

    // And the schema refuses a signal pointing into another tenant's policy domain.
    let mut tx = store.write().await.unwrap();
    let foreign = NewSignal { title: "Vreemd domein".into(), policy_domain: Some(gent.welzijn), ..NewSignal::default() };
    assert!(tx.insert_signal(kortrijk.tenant.id, &foreign, chrono::Utc::now()).await.is_err());
}

async fn reading_some_phases_reads_only_those_of_the_tenant(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let gent = fixture(store, "gent").await;
    let kortrijk = fixture(store, "kortrijk").await;
    let waiting = gent.submit(store, "Wachtlijst voor de opvang", gent.welzijn).await;
    let screened = gent.submit(store, "Geen GGZ voor mensen in armoede", gent.welzijn).await;
    let elsewhere = kortrijk.submit(store, "Eenzaamheid bij ouderen", kortrijk.welzijn).await;
    move_signal(store, &gent.processor, to(Phase::InScreening, screened, 1), URL).await.unwrap();

    let mut tx = store.read().await.unwrap();
    let ids = |summaries: Vec<SignalSummary>| summaries.into_iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids(tx.signal_summaries_in(gent.tenant.id, &[Phase::InScreening]).await.unwrap()), vec![screened]);
    assert_eq!(ids(tx.signal_summaries_in(gent.tenant.id, &[Phase::Submitted]).await.unwrap()), vec![waiting]);
    assert_eq!(
        ids(tx.signal_summaries_in(gent.tenant.id, &[Phase::Submitted, Phase::InScreening]).await.unwrap()),
        vec![waiting, screened],
        "oldest first"
    );
    assert_eq!(ids(tx.signal_summaries_in(kortrijk.tenant.id, &[Phase::Submitted, Phase::InScreening]).await.unwrap()), vec![elsewhere]);
    assert!(tx.signal_summaries_in(gent.tenant.id, &[Phase::Retained]).await.unwrap().is_empty());
    assert!(tx.signal_summaries_in(gent.tenant.id, &[]).await.unwrap().is_empty());
}

async fn events_cannot_be_edited_or_deleted(backend: Backend) {
    use sqlx::Connection;
    let db = database(backend).await;
    let f = fixture(db.store.as_ref(), "gent").await;
    f.submit(db.store.as_ref(), "Geen vervoer naar de dagopvang", f.welzijn).await;
    let (update, delete) = match backend {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
            let u = sqlx::query("UPDATE signal_events SET note = 'x'").execute(&mut c).await;
            let d = sqlx::query("DELETE FROM signal_events").execute(&mut c).await;
            (u.map(|_| ()), d.map(|_| ()))
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(&db.url).await.unwrap();
            let u = sqlx::query("UPDATE signal_events SET note = 'x'").execute(&mut c).await;
            let d = sqlx::query("DELETE FROM signal_events").execute(&mut c).await;
            (u.map(|_| ()), d.map(|_| ()))
        }
    };
    assert!(update.unwrap_err().to_string().contains("append-only"));
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

async fn demo_data_tells_believable_histories(backend: Backend) {
    let db = database(backend).await;
    assert!(seinhuis::demo::load_if_empty(db.store.as_ref()).await.unwrap());
    assert!(!seinhuis::demo::load_if_empty(db.store.as_ref()).await.unwrap(), "loads only into an empty database");
    let mut tx = db.store.read().await.unwrap();
    let tenants = tx.tenants().await.unwrap();
    assert_eq!(tenants.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(), vec!["gent", "kortrijk"]);
    let mut total = 0;
    let mut phases = std::collections::BTreeSet::new();
    for tenant in &tenants {
        for s in tx.signal_summaries(tenant.id).await.unwrap() {
            total += 1;
            phases.insert(s.phase);
            let history = tx.history(tenant.id, s.id).await.unwrap();
            assert_eq!(history[0].kind, EventKind::Submitted, "{}", s.title);
            // Each event starts where the previous one ended, and ends in the current phase.
            for pair in history.windows(2) {
                assert_eq!(pair[1].from, pair[0].to, "{}", s.title);
                assert!(pair[1].at >= pair[0].at, "{}", s.title);
            }
            assert_eq!(history.last().unwrap().to, Some(s.phase), "{}", s.title);
            if s.phase == Phase::Closed {
                let path: Vec<Phase> = history.iter().filter_map(|e| e.to).collect();
                for p in [Phase::InScreening, Phase::Retained, Phase::Bundled, Phase::Analysed, Phase::Scheduled] {
                    assert!(path.contains(&p), "{} skipped {p:?}", s.title);
                }
                assert!(history.last().unwrap().message.is_some());
            }
            if s.phase.is_bundled_stage() {
                assert!(s.bundle.is_some(), "{}", s.title);
            }
        }
    }
    assert!((55..=65).contains(&total), "about sixty demo signals, got {total}");
    assert_eq!(phases.len(), Phase::ALL.len(), "every phase is shown: {phases:?}");
}
