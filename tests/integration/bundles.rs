//! Bundles through the real storage, on SQLite and PostgreSQL: every step
//! is an event for the bundle and for each signal it touches, and two people
//! changing the same bundle or signal from one version end with one change.

use crate::common::{Backend, Fixture, database, fixture};
use seinhuis::domain::bundle::{BundleEventKind, BundleText};
use seinhuis::domain::*;
use seinhuis::error::AppError;
use seinhuis::storage::Store;
use seinhuis::usecases::bundles;
use seinhuis::usecases::signals::{MoveRequest, move_signal};

const URL: &str = "http://seinhuis.test";

on_both_backends!(
    a_bundle_is_made_edited_moved_split_and_merged,
    two_moves_of_one_bundle_from_one_version_apply_exactly_one,
    two_moves_of_one_signal_from_one_version_apply_exactly_one,
    alike_retained_signals_are_suggested_as_one_bundle,
);

/// A welzijn signal walked to Weerhouden by the processor.
async fn retained(store: &dyn Store, f: &Fixture, title: &str) -> SignalId {
    let id = f.submit(store, title, f.welzijn).await;
    let mut version = 1;
    for to in [Phase::InScreening, Phase::Retained] {
        let moved = move_signal(store, &f.processor, MoveRequest { signal: id, version, to, details: MoveDetails::default() }, URL).await;
        version = moved.unwrap().version;
    }
    id
}

fn text(title: &str, lead: PolicyDomainId) -> BundleText {
    BundleText { title: title.into(), problem: "Wie arm is, wacht langer.".into(), lead_domain: Some(lead), ..Default::default() }
}

async fn a_bundle_is_made_edited_moved_split_and_merged(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "gent").await;
    let (s1, s2, s3) = (
        retained(store, &f, "Wachtlijst CGG").await,
        retained(store, &f, "Geen psycholoog").await,
        retained(store, &f, "Te dure therapie").await,
    );
    let t = f.tenant.id;

    // Made from two retained signals: both Gebundeld, one event each.
    let a = bundles::create(store, &f.processor, &[s1, s2], &text("GGZ onbereikbaar", f.welzijn)).await.unwrap();
    {
        let mut tx = store.read().await.unwrap();
        for s in [s1, s2] {
            let summary = tx.signal_summary(t, s).await.unwrap().unwrap();
            assert_eq!((summary.phase, summary.bundle.map(|b| b.id)), (Phase::Bundled, Some(a)));
            assert_eq!(tx.history(t, s).await.unwrap().last().unwrap().kind, EventKind::JoinedBundle);
        }
        let kinds: Vec<_> = tx.bundle_history(t, a).await.unwrap().into_iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [BundleEventKind::Created, BundleEventKind::SignalAdded, BundleEventKind::SignalAdded]);
    }
    // A processor of another domain may not make a bundle led by welzijn... nor anybody one of an unknown signal.
    let someone_elses = bundles::create(store, &f.giver, &[s3], &text("Niet van mij", f.welzijn)).await.unwrap_err();
    assert_eq!(someone_elses, AppError::NoAccess);

    // The privacy guard reads the analysis: refused until confirmed, and nothing changes meanwhile.
    let phone = BundleText { analysis: "Het onthaal: 09 210 10 10.".into(), ..text("GGZ", f.welzijn) };
    let refused = bundles::edit(store, &f.processor, a, 1, &phone).await.unwrap_err();
    assert!(matches!(&refused, AppError::Refused(Refusal::PersonalData { passage, .. }) if passage == "09 210 10 10"), "{refused:?}");
    // Edited, then moved: both signals move with it.
    bundles::edit(store, &f.processor, a, 1, &BundleText { analysis: "Vier organisaties zien het.".into(), ..text("GGZ", f.welzijn) })
        .await
        .unwrap();
    bundles::move_bundle(store, &f.processor, a, 2, Phase::Analysed, MoveDetails::default(), URL).await.unwrap();
    // A change based on what someone saw before that is refused, saying what happened.
    let stale = bundles::edit(store, &f.processor, a, 2, &text("Oud", f.welzijn)).await.unwrap_err();
    assert!(matches!(&stale, AppError::Changed(what) if what.contains("geanalyseerd")), "{stale:?}");

    // Split out of an analysed bundle: keeps Geanalyseerd on its own.
    bundles::split(store, &f.processor, a, 3, s2, "Hoort bij jeugd").await.unwrap();
    {
        let mut tx = store.read().await.unwrap();
        let alone = tx.signal_summary(t, s2).await.unwrap().unwrap();
        assert_eq!((alone.phase, alone.bundle), (Phase::Analysed, None));
        let left = tx.history(t, s2).await.unwrap().pop().unwrap();
        assert_eq!((left.kind, left.note.as_deref()), (EventKind::LeftBundle, Some("Hoort bij jeugd")));
    }
    // The last signal never leaves: merge the bundle away instead.
    let last = bundles::split(store, &f.processor, a, 4, s1, "").await.unwrap_err();
    assert_eq!(last, AppError::Refused(Refusal::LastSignal));

    // Another bundle merged in: its signal takes this bundle's phase; it points here.
    let b = bundles::create(store, &f.processor, &[s3], &text("Therapie", f.welzijn)).await.unwrap();
    bundles::merge(store, &f.processor, a, 4, b).await.unwrap();
    let mut tx = store.read().await.unwrap();
    let moved = tx.signal_summary(t, s3).await.unwrap().unwrap();
    assert_eq!((moved.phase, moved.bundle.map(|b| b.id)), (Phase::Analysed, Some(a)));
    let gone = tx.bundle_details(t, b).await.unwrap().unwrap().summary;
    assert_eq!(gone.merged_into, Some(a));
    assert_eq!(tx.bundle_history(t, b).await.unwrap().pop().unwrap().kind, BundleEventKind::MergedInto);
    let kept = tx.bundle_details(t, a).await.unwrap().unwrap();
    assert_eq!((kept.summary.signals, kept.summary.phase), (2, Phase::Analysed));
    assert_eq!(kept.analysis, "Vier organisaties zien het.");
    assert_eq!(tx.bundle_history(t, a).await.unwrap().pop().unwrap().kind, BundleEventKind::MergedIn);
    // A merged bundle takes no more steps.
    drop(tx);
    let after = bundles::edit(store, &f.processor, b, gone.version, &text("Toch", f.welzijn)).await.unwrap_err();
    assert_eq!(after, AppError::Refused(Refusal::BundleMerged));
}

async fn two_moves_of_one_bundle_from_one_version_apply_exactly_one(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "gent").await;
    let ids = [retained(store, &f, "Wachtlijst CGG").await, retained(store, &f, "Geen psycholoog").await];
    let a = bundles::create(store, &f.processor, &ids, &text("GGZ onbereikbaar", f.welzijn)).await.unwrap();
    // Two people, one screen each, both saw version 1 and move it at once.
    let (first, second) = tokio::join!(
        bundles::move_bundle(store, &f.processor, a, 1, Phase::Analysed, MoveDetails::default(), URL),
        bundles::move_bundle(store, &f.coordinator, a, 1, Phase::Analysed, MoveDetails::default(), URL),
    );
    let results = [first, second];
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "{results:?}");
    assert!(results.iter().any(|r| matches!(r, Err(AppError::Changed(_) | AppError::Stale))), "{results:?}");
    let mut tx = store.read().await.unwrap();
    assert_eq!(tx.bundle_details(f.tenant.id, a).await.unwrap().unwrap().summary.version, 2);
    for id in ids {
        let moves = tx.history(f.tenant.id, id).await.unwrap().into_iter().filter(|e| e.to == Some(Phase::Analysed)).count();
        assert_eq!(moves, 1, "each signal moved once");
    }
    let moves = tx.bundle_history(f.tenant.id, a).await.unwrap().into_iter().filter(|e| e.kind == BundleEventKind::PhaseChanged).count();
    assert_eq!(moves, 1);
}

async fn two_moves_of_one_signal_from_one_version_apply_exactly_one(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "gent").await;
    let id = f.submit(store, "Wachtlijst CGG", f.welzijn).await;
    let request = || MoveRequest { signal: id, version: 1, to: Phase::InScreening, details: MoveDetails::default() };
    let (first, second) =
        tokio::join!(move_signal(store, &f.processor, request(), URL), move_signal(store, &f.coordinator, request(), URL));
    let results = [first.map(|s| s.version), second.map(|s| s.version)];
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "{results:?}");
    assert!(results.iter().any(|r| matches!(r, Err(AppError::Changed(what)) if what.contains("in screening"))), "{results:?}");
    let history = store.read().await.unwrap().history(f.tenant.id, id).await.unwrap();
    assert_eq!(history.iter().filter(|e| e.to == Some(Phase::InScreening)).count(), 1);
}

/// On the demo data, the two retained signals about lonely older people are
/// suggested as one bundle; signals about other problems are not added.
async fn alike_retained_signals_are_suggested_as_one_bundle(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    seinhuis::demo::load_if_empty(store).await.unwrap();
    let gent = store.read().await.unwrap().tenant_by_slug("gent").await.unwrap().unwrap();
    let candidates: Vec<SignalSummary> = store
        .read()
        .await
        .unwrap()
        .signal_summaries(gent.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.phase == Phase::Retained && s.bundle.is_none())
        .collect();
    assert_eq!(candidates.len(), 5, "the demo's retained signals in no bundle");
    let index = seinhuis::text::similarity::SimilarityIndex::default();
    let groups = bundles::suggestions(store, &index, gent.id, &candidates).await.unwrap();
    let titles: Vec<Vec<&str>> = groups.iter().map(|g| g.iter().map(|s| s.title.as_str()).collect()).collect();
    let ouderen = groups.iter().find(|g| g.iter().any(|s| s.title.contains("eenzame ouderen"))).expect("a group about older people");
    assert!(ouderen.iter().any(|s| s.title.contains("komen hun flat niet meer uit")), "{titles:?}");
    assert_eq!(ouderen.len(), 2, "{titles:?}");
}
