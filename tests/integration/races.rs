//! Rules that read, check and write hold under concurrent requests: on
//! PostgreSQL (row locks, a unique index, one-statement claims) and on SQLite.

use crate::common::{Backend, TestApp, spawn_app};
use seinhuis::domain::{PersonId, Role};

on_both_backends!(
    concurrent_guesses_for_one_address_take_turns,
    two_coordinators_cannot_remove_each_other_at_once,
    one_open_invitation_per_address_however_many_are_sent_at_once
);

const COORDINATOR: &str = "ines.claeys@gent.example";
const PROCESSOR: &str = "bram.verhaeghe@gent.example";

async fn concurrent_guesses_for_one_address_take_turns(backend: Backend) {
    let app = spawn_app(backend).await;
    let guess = |app: &TestApp| {
        let client = crate::common::new_client();
        let (base, origin) = (app.base.clone(), app.base.clone());
        async move {
            let form = [("email", COORDINATOR), ("password", "niet-het-wachtwoord")];
            let response = client.post(format!("{base}/api/aanmelden")).header("Origin", origin).form(&form).send().await.unwrap();
            response.status().as_u16()
        }
    };
    // Four failures cost nothing yet.
    for _ in 0..4 {
        assert_eq!(guess(&app).await, 422);
    }
    // The fifth fails too and makes the next wait: of eight guesses sent at
    // once, exactly one is checked; the others are told to wait.
    let statuses = futures_join(8, || guess(&app)).await;
    assert_eq!(statuses.iter().filter(|s| **s == 422).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 7, "{statuses:?}");
}

async fn two_coordinators_cannot_remove_each_other_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let gent = app.db.store.read().await.unwrap().tenant_by_slug("gent").await.unwrap().unwrap().id;
    let id = |email: &'static str| {
        let store = app.db.store.clone();
        async move { store.read().await.unwrap().credentials(email).await.unwrap().unwrap().person.id }
    };
    let (ines, bram) = (id(COORDINATOR).await, id(PROCESSOR).await);
    for round in 0..5 {
        for person in [ines, bram] {
            let mut tx = app.db.store.write().await.unwrap();
            tx.set_roles(gent, person, &[Role::Hoofdsignaalverwerker], &[]).await.unwrap();
            tx.commit().await.unwrap();
        }
        let (a, b) = (app.logged_in(COORDINATOR).await, app.logged_in(PROCESSOR).await);
        let demote = |client: reqwest::Client, other: PersonId| {
            let (base, origin) = (app.base.clone(), app.base.clone());
            async move {
                let form = [("tenant", "gent".to_string()), ("person", other.to_string()), ("roles[0]", "signaalverwerker".to_string())];
                client
                    .post(format!("{base}/api/rollen-wijzigen"))
                    .header("Origin", origin)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            }
        };
        let (first, second) = tokio::join!(demote(a, bram), demote(b, ines));
        let mut statuses = [first, second];
        statuses.sort();
        // The loser is refused by the rule (422), or, when it came in after
        // the winner committed, as no longer a coordinator (403).
        assert!(statuses[0] == 200 && matches!(statuses[1], 403 | 422), "round {round}: one demotion wins: {statuses:?}");
        let members = app.db.store.read().await.unwrap().members(gent).await.unwrap();
        let coordinators = members.iter().filter(|m| m.active && m.roles.contains(&Role::Hoofdsignaalverwerker)).count();
        assert_eq!(coordinators, 1, "round {round}");
    }
}

async fn one_open_invitation_per_address_however_many_are_sent_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.logged_in(COORDINATOR).await;
    let invite = || {
        let (client, base, origin) = (client.clone(), app.base.clone(), app.base.clone());
        async move {
            let form =
                [("tenant", "gent"), ("email", "dubbel@voorbeeld.example"), ("name", "Dubbel Uitgenodigd"), ("role", "signaalgever")];
            client.post(format!("{base}/api/uitnodigen")).header("Origin", origin).form(&form).send().await.unwrap().status().as_u16()
        }
    };
    let statuses = futures_join(6, invite).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 422).count(), 5, "{statuses:?}");
    let gent = app.db.store.read().await.unwrap().tenant_by_slug("gent").await.unwrap().unwrap().id;
    let open = app.db.store.read().await.unwrap().invitations(gent).await.unwrap();
    assert_eq!(open.iter().filter(|i| i.email == "dubbel@voorbeeld.example").count(), 1);
}

/// Run `n` requests at the same moment, each on its own task.
async fn futures_join<F, Fut>(n: usize, make: F) -> Vec<u16>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = u16> + Send + 'static,
{
    let tasks: Vec<_> = (0..n).map(|_| tokio::spawn(make())).collect();
    let mut statuses = Vec::with_capacity(n);
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    statuses
}
