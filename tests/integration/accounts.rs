//! Invitations, password resets and administration over HTTP, on SQLite and
//! PostgreSQL, reading mails as they arrive at the test SMTP server.

use crate::common::{Backend, TestApp, new_client, spawn_app};
use crate::mailbox::{mailed_link, token_of};
use seinhuis::api::admin::people::PeoplePage;
use seinhuis::domain::{InvitationStatus, Role};

on_both_backends!(
    an_invited_person_sets_a_password_once_and_gets_their_role,
    invitations_can_be_resent_and_revoked,
    a_forgotten_password_is_reset_with_a_single_use_link,
    roles_change_and_the_last_coordinator_stays,
    organisations_ask_for_invitations_for_their_staff,
    every_write_lands_in_the_audit_log,
    one_query_finds_the_caller_as_the_separate_reads_do,
);

const COORDINATOR: &str = "ines.claeys@gent.example";

/// The invitation link in the newest mail to `to`.
async fn last_link(app: &TestApp, _coordinator: &reqwest::Client, to: &str) -> String {
    mailed_link(app, to, "/uitnodiging/").await
}

async fn people(app: &TestApp, coordinator: &reqwest::Client) -> PeoplePage {
    let (status, body) = app.call(coordinator, "beheer-mensen", &[("tenant", "gent")]).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

async fn an_invited_person_sets_a_password_once_and_gets_their_role(backend: Backend) {
    let app = spawn_app(backend).await;
    let coordinator = app.logged_in(COORDINATOR).await;
    let invite = [("tenant", "gent"), ("email", "Nieuw.Persoon@Voorbeeld.example"), ("name", "Nieuw Persoon"), ("role", "signaalgever")];
    let (status, body) = app.call(&coordinator, "uitnodigen", &invite).await;
    assert_eq!(status, 200, "{body}");
    // Inviting the same address again while it waits is refused, in Dutch.
    let (status, body) = app.call(&coordinator, "uitnodigen", &invite).await;
    assert_eq!(status, 422);
    assert!(body.contains("wacht al een uitnodiging"), "{body}");

    let link = last_link(&app, &coordinator, "nieuw.persoon@voorbeeld.example").await;
    assert!(link.starts_with("http://") && link.contains("/uitnodiging/"), "{link}");
    let token = token_of(&link).to_string();
    let newcomer = new_client();
    let (status, body) = app.call(&newcomer, "uitnodiging", &[("token", &token)]).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Stad Gent") && body.contains("\"role\":\"signaalgever\""), "{body}");

    // A weak password is refused and the link still works afterwards.
    let weak = [("token", token.as_str()), ("name", "Nieuw Persoon"), ("password", "kort"), ("repeat", "kort")];
    let (status, body) = app.call(&newcomer, "uitnodiging-aanvaarden", &weak).await;
    assert_eq!(status, 422);
    assert!(body.contains("minstens 10 tekens"), "{body}");
    let good = [
        ("token", token.as_str()),
        ("name", "Nieuw Persoon"),
        ("password", "een lange zin als wachtwoord"),
        ("repeat", "een lange zin als wachtwoord"),
    ];
    let (status, body) = app.call(&newcomer, "uitnodiging-aanvaarden", &good).await;
    assert_eq!(status, 200, "{body}");
    // Logged in as a signaalgever: intake yes, board no, Kortrijk no.
    assert_eq!(app.call(&newcomer, "signaleren", &[("tenant", "gent")]).await.0, 200);
    assert_eq!(app.call(&newcomer, "bord", &[("tenant", "gent")]).await.0, 403);
    assert_eq!(app.call(&newcomer, "signaleren", &[("tenant", "kortrijk")]).await.0, 403);
    // Single use.
    let (status, body) = app.call(&new_client(), "uitnodiging-aanvaarden", &good).await;
    assert_eq!(status, 422);
    assert!(body.contains("al gebruikt"), "{body}");
    // The address logs in with the chosen password (case-insensitively).
    let again = new_client();
    let (status, _) =
        app.call(&again, "aanmelden", &[("email", "NIEUW.persoon@voorbeeld.example"), ("password", "een lange zin als wachtwoord")]).await;
    assert_eq!(status, 200);
    let page = people(&app, &coordinator).await;
    let line = page.invitations.iter().find(|i| i.invitation.email == "nieuw.persoon@voorbeeld.example").unwrap();
    assert_eq!(line.status, InvitationStatus::Accepted);
    assert!(page.members.iter().any(|m| m.email == "nieuw.persoon@voorbeeld.example" && m.roles == vec![Role::Signaalgever]));
}

async fn invitations_can_be_resent_and_revoked(backend: Backend) {
    let app = spawn_app(backend).await;
    let coordinator = app.logged_in(COORDINATOR).await;
    let form = [("tenant", "gent"), ("email", "wacht@voorbeeld.example"), ("name", "Wacht Even"), ("role", "mandataris")];
    assert_eq!(app.call(&coordinator, "uitnodigen", &form).await.0, 200);
    let first = last_link(&app, &coordinator, "wacht@voorbeeld.example").await;
    let id = people(&app, &coordinator)
        .await
        .invitations
        .iter()
        .find(|i| i.invitation.email == "wacht@voorbeeld.example")
        .unwrap()
        .invitation
        .id
        .to_string();
    assert_eq!(app.call(&coordinator, "uitnodiging-opnieuw", &[("tenant", "gent"), ("id", &id)]).await.0, 200);
    let second = last_link(&app, &coordinator, "wacht@voorbeeld.example").await;
    assert_ne!(first, second, "a resent invitation has a new link");
    assert_eq!(app.call(&new_client(), "uitnodiging", &[("token", token_of(&first))]).await.0, 404, "the old link is dead");
    assert_eq!(app.call(&new_client(), "uitnodiging", &[("token", token_of(&second))]).await.0, 200);
    assert_eq!(app.call(&coordinator, "uitnodiging-intrekken", &[("tenant", "gent"), ("id", &id)]).await.0, 200);
    let (status, body) = app.call(&new_client(), "uitnodiging", &[("token", token_of(&second))]).await;
    assert_eq!(status, 422);
    assert!(body.contains("ingetrokken"), "{body}");
}

async fn a_forgotten_password_is_reset_with_a_single_use_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let visitor = new_client();
    // Known and unknown addresses get the same answer.
    let known = app.call(&visitor, "wachtwoord-vergeten", &[("email", "bram.verhaeghe@gent.example")]).await;
    let unknown = app.call(&visitor, "wachtwoord-vergeten", &[("email", "niemand@gent.example")]).await;
    assert_eq!(known, unknown);
    assert_eq!(known.0, 200);
    // Reset mails have no tenant; read the outbox table directly.
    let mails = {
        let mut tx = app.db.store.write().await.unwrap();
        let mails = tx.claim_unsent_mail(100, chrono::Utc::now()).await.unwrap();
        drop(tx); // roll back: only looking
        mails
    };
    assert!(mails.iter().any(|m| m.to == "bram.verhaeghe@gent.example"), "a reset mail");
    assert!(!mails.iter().any(|m| m.to == "niemand@gent.example"));
    let link = mailed_link(&app, "bram.verhaeghe@gent.example", "sleutel=").await;
    let token = token_of(&link);
    let new_password = [("token", token), ("password", "mijn nieuwe wachtwoord"), ("repeat", "mijn nieuwe wachtwoord")];
    let (status, body) = app.call(&visitor, "wachtwoord-instellen", &new_password).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = app.call(&visitor, "wachtwoord-instellen", &new_password).await;
    assert_eq!(status, 422, "the link works once");
    let old = app
        .call(&new_client(), "aanmelden", &[("email", "bram.verhaeghe@gent.example"), ("password", seinhuis::demo::DEMO_PASSWORD)])
        .await;
    assert_eq!(old.0, 422);
    let new =
        app.call(&new_client(), "aanmelden", &[("email", "bram.verhaeghe@gent.example"), ("password", "mijn nieuwe wachtwoord")]).await;
    assert_eq!(new.0, 200);
}

async fn roles_change_and_the_last_coordinator_stays(backend: Backend) {
    let app = spawn_app(backend).await;
    let coordinator = app.logged_in(COORDINATOR).await;
    let page = people(&app, &coordinator).await;
    let me = page.me.to_string();
    let (status, body) =
        app.call(&coordinator, "rollen-wijzigen", &[("tenant", "gent"), ("person", &me), ("roles[0]", "signaalgever")]).await;
    assert_eq!(status, 422);
    assert!(body.contains("minstens één hoofdsignaalverwerker"), "{body}");
    let giver = page.members.iter().find(|m| m.email == "sofie.mertens@deschakel.example").unwrap().person.to_string();
    let domain = |code: &str| page.policy_domains.iter().find(|d| d.code == code).unwrap().id;
    let (welzijn, wonen) = (domain("welzijn").to_string(), domain("wonen").to_string());
    // A domain ticked for a role she does not get (regisseur) is not kept.
    let form = [
        ("tenant", "gent"),
        ("person", giver.as_str()),
        ("roles[0]", "signaalgever"),
        ("roles[1]", "signaalverwerker"),
        ("processor_domains[0]", welzijn.as_str()),
        ("regisseur_domains[0]", wonen.as_str()),
    ];
    let (status, body) = app.call(&coordinator, "rollen-wijzigen", &form).await;
    assert_eq!(status, 200, "{body}");
    let person = seinhuis::domain::PersonId(giver.parse().unwrap());
    let membership = app.db.store.read().await.unwrap().memberships(person).await.unwrap().remove(0);
    use seinhuis::domain::{Role, RoleDomain};
    assert_eq!(membership.domains, vec![RoleDomain::new(Role::Signaalverwerker, domain("welzijn"))]);
    let sofie = app.logged_in("sofie.mertens@deschakel.example").await;
    assert_eq!(app.call(&sofie, "bord", &[("tenant", "gent")]).await.0, 200, "now she processes signals");
}

async fn organisations_ask_for_invitations_for_their_staff(backend: Backend) {
    let app = spawn_app(backend).await;
    let giver = app.logged_in("sofie.mertens@deschakel.example").await;
    let ask = [("tenant", "gent"), ("email", "collega@deschakel.example"), ("name", "Een Collega"), ("note", "Nieuwe straathoekwerker")];
    let (status, body) = app.call(&giver, "uitnodiging-vragen", &ask).await;
    assert_eq!(status, 200, "{body}");
    let coordinator = app.logged_in(COORDINATOR).await;
    let page = people(&app, &coordinator).await;
    let request = page.requests.iter().find(|r| r.email == "collega@deschakel.example").expect("the request is listed");
    assert_eq!(request.requested_by, "Sofie Mertens");
    // The coordinator was told by mail.
    let (_, body) = app.call(&coordinator, "uitgaande-mail", &[("tenant", "gent")]).await;
    assert!(body.contains("collega@deschakel.example"));
    let id = request.id.to_string();
    assert_eq!(app.call(&coordinator, "uitnodigingsvraag-afhandelen", &[("tenant", "gent"), ("id", &id), ("invite", "on")]).await.0, 200);
    let page = people(&app, &coordinator).await;
    assert!(page.requests.is_empty());
    let invitation = page.invitations.iter().find(|i| i.invitation.email == "collega@deschakel.example").expect("invited");
    assert_eq!(invitation.organisation.as_deref(), Some(request.organisation.as_str()));
}

async fn every_write_lands_in_the_audit_log(backend: Backend) {
    let app = spawn_app(backend).await;
    let coordinator = app.logged_in(COORDINATOR).await;
    app.call(&coordinator, "organisatie-opslaan", &[("tenant", "gent"), ("name", "Buurtwerk Het Anker"), ("kind", "vzw")]).await;
    app.call(&coordinator, "instellingen-opslaan", &[("tenant", "gent"), ("name", "Stad Gent"), ("citizen_intake", "on")]).await;
    let (status, body) = app.call(&coordinator, "auditlog", &[("tenant", "gent")]).await;
    assert_eq!(status, 200, "{body}");
    let log: seinhuis::api::admin::tenant::AuditPage = serde_json::from_str(&body).unwrap();
    let actions: Vec<&str> = log.entries.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.starts_with(&["instellingen-gewijzigd", "organisatie-opgeslagen"]), "{actions:?}");
    let entry = &log.entries[0];
    assert_eq!(entry.person.as_deref(), Some("Ines Claeys"));
    assert_eq!(entry.ip, "127.0.0.1");
    // Filter by action and by a day.
    let today = chrono::Utc::now().format("%d-%m-%Y").to_string();
    let (_, body) = app.call(&coordinator, "auditlog", &[("tenant", "gent"), ("action", "organisatie-opgeslagen"), ("from", &today)]).await;
    let filtered: seinhuis::api::admin::tenant::AuditPage = serde_json::from_str(&body).unwrap();
    assert_eq!(filtered.entries.len(), 1);
    let (status, body) = app.call(&coordinator, "auditlog", &[("tenant", "gent"), ("from", "gisteren")]).await;
    assert_eq!(status, 422);
    assert!(body.contains("dag-maand-jaar"), "{body}");
    // Kortrijk's log does not show Gent's writes.
    let kortrijk = app.logged_in("wouter.vanneste@kortrijk.example").await;
    let (_, body) = app.call(&kortrijk, "auditlog", &[("tenant", "kortrijk")]).await;
    assert!(!body.contains("Het Anker"));
}

/// Every request finds its caller in one query (`People::caller`): the same
/// person, memberships, roles, domains and tenants as the separate reads.
async fn one_query_finds_the_caller_as_the_separate_reads_do(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut tx = app.db.store.read().await.unwrap();
    // A processor in one domain and regisseur in another; a coordinator; a giver.
    for email in ["joris.wuytack@gent.example", "ines.claeys@gent.example", "sofie.mertens@deschakel.example"] {
        let person = tx.credentials(email).await.unwrap().expect("a demo person").person;
        let record = tx.caller(person.id).await.unwrap().expect("found");
        assert_eq!(record.person, person);
        let memberships = tx.memberships(person.id).await.unwrap();
        assert!(!memberships.is_empty());
        assert!(memberships.iter().any(|m| !m.roles.is_empty()));
        assert_eq!(record.memberships.iter().map(|(m, _)| m.clone()).collect::<Vec<_>>(), memberships, "{email}");
        for (m, tenant) in &record.memberships {
            assert_eq!(Some(tenant.clone()), tx.tenant_by_slug(&m.tenant_slug).await.unwrap());
        }
    }
    let joris = tx.credentials("joris.wuytack@gent.example").await.unwrap().unwrap().person;
    let record = tx.caller(joris.id).await.unwrap().unwrap();
    assert!(record.memberships[0].0.domains.len() >= 2, "a domain as processor and one as regisseur");
}
