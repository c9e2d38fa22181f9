//! Column limits and the screening deadline, on SQLite and PostgreSQL: the
//! settings are stored and read back with the board; signals waiting in
//! Ingediend past the deadline cause exactly one reminder mail per processor
//! who processes them (one mail per person per run, listing them), never
//! again, none to people who do not process them, and no reporter's identity
//! in it; two runs at the same moment still remind once.

use chrono::{Duration, Utc};

use crate::common::{Backend, database, fixture};
use seinhuis::domain::limits::BoardLimits;
use seinhuis::domain::{Mail, NewSignal, Phase, PolicyDomainId, Role, RoleDomain, SignalId};
use seinhuis::storage::Store;
use seinhuis::usecases::reminders::send_screening_reminders;

on_both_backends!(overdue_signals_cause_one_reminder_per_processor_once);

const URL: &str = "https://seinhuis.test";

async fn submit_at(store: &dyn Store, f: &crate::common::Fixture, title: &str, domain: PolicyDomainId, days_ago: i64) -> SignalId {
    let signal = NewSignal {
        title: title.into(),
        description: format!("{title}: we zien dit steeds vaker bij verschillende gezinnen."),
        policy_domain: Some(domain),
        reporter: Some(f.giver.person.id),
        organisation: Some(f.organisation),
        ..NewSignal::default()
    };
    let mut tx = store.write().await.unwrap();
    let id = seinhuis::usecases::signals::submit(&mut *tx, f.tenant.id, &signal, Utc::now() - Duration::days(days_ago)).await.unwrap();
    tx.commit().await.unwrap();
    id
}

async fn outbox(store: &dyn Store, f: &crate::common::Fixture) -> Vec<Mail> {
    store.read().await.unwrap().outbox(f.tenant.id, 500).await.unwrap()
}

fn to<'a>(mails: &'a [Mail], email: &str) -> Vec<&'a Mail> {
    mails.iter().filter(|m| m.to == email).collect()
}

async fn overdue_signals_cause_one_reminder_per_processor_once(backend: Backend) {
    let db = database(backend).await;
    let store = db.store.as_ref();
    let f = fixture(store, "herinnering").await;
    // A second signaalverwerker, for wonen only.
    let wonen_email = "wonen@herinnering.example";
    {
        let mut tx = store.write().await.unwrap();
        let person = tx.insert_person(wonen_email, "Wonen Verwerker", None, false, Utc::now()).await.unwrap();
        tx.insert_membership(f.tenant.id, person, None, &[Role::Signaalverwerker], &RoleDomain::all(Role::Signaalverwerker, &[f.wonen]))
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let overdue_welzijn = submit_at(store, &f, "Wachtlijst budgetbegeleiding", f.welzijn, 20).await;
    let overdue_wonen = submit_at(store, &f, "Huurwaarborg onbetaalbaar", f.wonen, 15).await;
    let fresh_welzijn = submit_at(store, &f, "Geen opvang tijdens vakanties", f.welzijn, 2).await;

    // No deadline yet: no reminders.
    assert_eq!(send_screening_reminders(store, URL, Utc::now()).await.unwrap(), 0);

    // The coordinator sets a limit and a deadline; the board reads them back.
    let limits = BoardLimits { columns: vec![(Phase::Submitted, 1), (Phase::Retained, 40)], screening_days: Some(10) };
    seinhuis::usecases::admin::save_board_limits(store, &f.coordinator, &limits, Utc::now()).await.unwrap();
    assert_eq!(store.read().await.unwrap().board_limits(f.tenant.id).await.unwrap(), limits);
    let audit = db.strings("SELECT detail FROM audit_log WHERE action = 'bordlimieten-gewijzigd'", &[]).await;
    assert_eq!(audit, vec!["zachte limieten: Ingediend 1, Weerhouden 40; screeningstermijn: 10 dagen".to_string()]);

    let before = outbox(store, &f).await.len();
    // Two runs at once: each overdue signal is claimed by one of them only.
    let (a, b) = tokio::join!(send_screening_reminders(store, URL, Utc::now()), send_screening_reminders(store, URL, Utc::now()));
    assert_eq!(a.unwrap() + b.unwrap(), 3, "coordinator, welzijn's processor, wonen's processor");
    // And again later: nothing new.
    assert_eq!(send_screening_reminders(store, URL, Utc::now()).await.unwrap(), 0);

    let mails = outbox(store, &f).await;
    let reminders: Vec<Mail> = mails.into_iter().filter(|m| m.subject.contains("op screening")).collect();
    assert_eq!(reminders.len(), 3, "{reminders:#?}");
    assert_eq!(outbox(store, &f).await.len(), before + 3);
    let link = |id: SignalId| format!("{URL}/herinnering/signalen/{id}");

    // The coordinator processes everything: one mail, both signals.
    let coordinator = to(&reminders, &f.coordinator.person.email);
    assert_eq!(coordinator.len(), 1);
    assert_eq!(coordinator[0].subject, "2 signalen wachten op screening (Gemeente herinnering)");
    for needle in ["Wachtlijst budgetbegeleiding", "Huurwaarborg onbetaalbaar", &link(overdue_welzijn), &link(overdue_wonen)] {
        assert!(coordinator[0].body.contains(needle), "{needle} in {}", coordinator[0].body);
    }
    // Welzijn's processor: only the welzijn signal.
    let processor = to(&reminders, &f.processor.person.email);
    assert_eq!(processor.len(), 1);
    assert!(processor[0].body.contains(&link(overdue_welzijn)) && !processor[0].body.contains("Huurwaarborg"), "{}", processor[0].body);
    // Wonen's processor: only the wonen signal.
    let wonen = to(&reminders, wonen_email);
    assert_eq!(wonen.len(), 1);
    assert!(wonen[0].body.contains(&link(overdue_wonen)) && !wonen[0].body.contains("Wachtlijst"), "{}", wonen[0].body);
    // Not the reporter; and the fresh signal is in no mail.
    assert!(to(&reminders, &f.giver.person.email).is_empty());
    for mail in &reminders {
        assert!(!mail.body.contains("Geen opvang tijdens vakanties") && !mail.body.contains(&link(fresh_welzijn)));
        // No reporter's name, address or organisation.
        for identity in [f.giver.person.name.as_str(), f.giver.person.email.as_str(), "Welzijnshuis"] {
            assert!(!mail.body.contains(identity) && !mail.subject.contains(identity), "{identity} in {}", mail.body);
        }
    }

    // Twelve days on, the fresh signal is overdue too: one new mail each for
    // those who process it, about it alone.
    let later = Utc::now() + Duration::days(12);
    assert_eq!(send_screening_reminders(store, URL, later).await.unwrap(), 2);
    let mails = outbox(store, &f).await;
    let newest: Vec<&Mail> = mails.iter().filter(|m| m.body.contains(&link(fresh_welzijn))).collect();
    assert_eq!(newest.len(), 2);
    for mail in newest {
        assert_eq!(mail.subject, "1 signaal wacht op screening (Gemeente herinnering)");
        assert!(!mail.body.contains(&link(overdue_welzijn)), "{}", mail.body);
        assert!([f.coordinator.person.email.as_str(), f.processor.person.email.as_str()].contains(&mail.to.as_str()));
    }
    assert_eq!(send_screening_reminders(store, URL, later).await.unwrap(), 0);

    // A deadline taken away: nothing more, however late.
    seinhuis::usecases::admin::save_board_limits(store, &f.coordinator, &BoardLimits::default(), Utc::now()).await.unwrap();
    assert_eq!(store.read().await.unwrap().board_limits(f.tenant.id).await.unwrap(), BoardLimits::default());
    submit_at(store, &f, "Nog een oud signaal", f.welzijn, 400).await;
    assert_eq!(send_screening_reminders(store, URL, Utc::now()).await.unwrap(), 0);
}
