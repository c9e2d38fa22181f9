//! The board's filters and free-text search run in SQL, on both databases,
//! and select exactly what the same rule selects in Rust over every signal.

use chrono::{Duration, Utc};
use seinhuis::domain::board::ProcessedBy;
use seinhuis::domain::{Phase, SignalDetails, Source};
use seinhuis::storage::BoardSelection;

use crate::common::*;

on_both_backends!(filters_and_search_select_what_the_rule_selects, old_signals_are_indexed_by_the_backfill);

/// Every signal of Gent the selection picks, over all columns.
async fn selected(tx: &mut Box<dyn seinhuis::storage::Tx>, tenant: seinhuis::domain::TenantId, selection: &BoardSelection) -> Vec<i64> {
    let columns: Vec<_> = Phase::ALL.into_iter().map(|phase| (phase, 1000)).collect();
    let mut ids: Vec<i64> = tx.board_columns(tenant, selection, &columns).await.unwrap().into_iter().map(|s| s.id.0).collect();
    ids.sort();
    ids
}

async fn filters_and_search_select_what_the_rule_selects(backend: Backend) {
    let db = database(backend).await;
    seinhuis::demo::load_if_empty(db.store.as_ref()).await.unwrap();
    let mut tx = db.store.read().await.unwrap();
    let gent = tx.tenant_by_slug("gent").await.unwrap().unwrap();
    let mut details: Vec<SignalDetails> = Vec::new();
    for s in tx.signal_summaries(gent.id).await.unwrap() {
        details.push(tx.signal_details(gent.id, s.id).await.unwrap().unwrap());
    }
    let kinds: std::collections::HashMap<String, String> =
        tx.organisations(gent.id).await.unwrap().into_iter().map(|o| (o.name, o.kind)).collect();
    let all = BoardSelection::processed_by(ProcessedBy { everything: true, ..ProcessedBy::default() });
    let expect = |keep: &dyn Fn(&SignalDetails) -> bool| {
        let mut ids: Vec<i64> = details.iter().filter(|d| keep(d)).map(|d| d.summary.id.0).collect();
        ids.sort();
        ids
    };
    let mut cases = 0;

    // Free text: every stem of the search in the title or description.
    for text in ["nachtopvang", "wachtlijsten psychologische hulp", "jongeren 18 jaar", "eenzaamheid ouderen"] {
        let stems = seinhuis::usecases::search::stems_of(text);
        let want = expect(&|d| {
            let own = seinhuis::text::stems(&format!("{} {}", d.summary.title, d.description));
            stems.iter().all(|s| own.contains(s))
        });
        let got = selected(&mut tx, gent.id, &BoardSelection { stems, ..all.clone() }).await;
        assert_eq!(got, want, "search {text}");
        cases += usize::from(!want.is_empty());
    }
    // Target group and life domain.
    for group in ["ouderen", "kinderen-jongeren", "armoede"] {
        let want = expect(&|d| d.target_groups.iter().any(|g| g == group));
        assert_eq!(selected(&mut tx, gent.id, &BoardSelection { target_group: Some(group.into()), ..all.clone() }).await, want, "{group}");
        cases += usize::from(!want.is_empty());
    }
    for domain in ["wonen", "zorg-gezondheid"] {
        let want = expect(&|d| d.life_domains.iter().any(|l| l == domain));
        assert_eq!(selected(&mut tx, gent.id, &BoardSelection { life_domain: Some(domain.into()), ..all.clone() }).await, want, "{domain}");
        cases += usize::from(!want.is_empty());
    }
    // The reporter's organisation's kind, or a kind that saw it too.
    for kind in ["caw", "huis-van-het-kind"] {
        let mut want = Vec::new();
        for d in &details {
            let own = d.summary.organisation.as_ref().and_then(|o| kinds.get(o)).is_some_and(|k| k == kind);
            let seen = tx.sightings(gent.id, d.summary.id).await.unwrap().iter().any(|s| s.sector.as_deref() == Some(kind));
            if own || seen {
                want.push(d.summary.id.0);
            }
        }
        want.sort();
        assert_eq!(selected(&mut tx, gent.id, &BoardSelection { sector: Some(kind.into()), ..all.clone() }).await, want, "{kind}");
        cases += usize::from(!want.is_empty());
    }
    // Citizen or worker, age, policy domain, and several at once.
    let want = expect(&|d| d.summary.source == Source::Worker);
    assert_eq!(selected(&mut tx, gent.id, &BoardSelection { source: Some(Source::Worker), ..all.clone() }).await, want);
    let before = Utc::now() - Duration::days(30);
    let want = expect(&|d| d.summary.created_at < before);
    assert_eq!(selected(&mut tx, gent.id, &BoardSelection { created_before: Some(before), ..all.clone() }).await, want);
    cases += usize::from(!want.is_empty());
    let welzijn = tx.policy_domains(gent.id).await.unwrap().into_iter().find(|d| d.code == "welzijn").unwrap();
    let want =
        expect(&|d| d.summary.policy_domain.as_deref() == Some(welzijn.name.as_str()) && d.target_groups.iter().any(|g| g == "ouderen"));
    let both = BoardSelection { policy_domain: Some(welzijn.id), target_group: Some("ouderen".into()), ..all.clone() };
    assert_eq!(selected(&mut tx, gent.id, &both).await, want);
    // Counts and the live board's check agree with the columns.
    let counts: i64 = tx.board_counts(gent.id, &both).await.unwrap().iter().map(|(_, n)| n).sum();
    assert_eq!(counts, want.len() as i64);
    let every: Vec<_> = details.iter().map(|d| d.summary.id).collect();
    let mut matching: Vec<i64> = tx.board_matching(gent.id, &both, &every).await.unwrap().into_iter().map(|id| id.0).collect();
    matching.sort();
    assert_eq!(matching, want);
    assert!(cases >= 8, "the demo data exercises most filters: {cases}");
}

async fn old_signals_are_indexed_by_the_backfill(backend: Backend) {
    let db = database(backend).await;
    seinhuis::demo::load_if_empty(db.store.as_ref()).await.unwrap();
    let search = |text: &str| BoardSelection {
        stems: seinhuis::usecases::search::stems_of(text),
        ..BoardSelection::processed_by(ProcessedBy { everything: true, ..ProcessedBy::default() })
    };
    let mut tx = db.store.write().await.unwrap();
    let gent = tx.tenant_by_slug("gent").await.unwrap().unwrap();
    let first = tx.signal_summaries(gent.id).await.unwrap().remove(0);
    let word = seinhuis::text::words(&first.title).find(|w| w.chars().count() > 5).unwrap();
    assert!(selected(&mut tx, gent.id, &search(&word)).await.contains(&first.id.0));
    // Stems lost (as for signals made before search existed) are found again by the backfill.
    tx.set_stems(gent.id, first.id, &[]).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = db.store.read().await.unwrap();
    assert!(!selected(&mut tx, gent.id, &search(&word)).await.contains(&first.id.0));
    drop(tx);
    assert!(seinhuis::usecases::search::backfill(db.store.as_ref()).await.unwrap() >= 1);
    assert_eq!(seinhuis::usecases::search::backfill(db.store.as_ref()).await.unwrap(), 0, "once");
    let mut tx = db.store.read().await.unwrap();
    assert!(selected(&mut tx, gent.id, &search(&word)).await.contains(&first.id.0));
}
