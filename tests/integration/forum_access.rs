//! Access per record for forum preparation, over HTTP, on SQLite and
//! PostgreSQL: every function on a meeting, agenda item, bottleneck,
//! campaign or action line, called as every role with real ids of Gent
//! (open and past meetings, items, a bottleneck, a campaign and its line)
//! and of Kortrijk. The expectations come from the domain README: preparers
//! (processors and regisseurs) prepare, mandatarissen read, invitees read
//! only their meeting's dossier, and nothing crosses a tenant.

use crate::access::{CALLERS, MEMBERS, Who, call, refused};
use crate::common::{Backend, TestApp, new_client, spawn_app};
use seinhuis::domain::forum::agenda::AgendaSubject;
use seinhuis::domain::forum::bottleneck::BottleneckStatus;
use seinhuis::domain::forum::bottleneck::CheckedBottleneck;
use seinhuis::domain::forum::meeting::MeetingStatus;
use seinhuis::domain::*;

on_both_backends!(every_forum_record_answers_exactly_who_may_see_it, refused_minutes_come_back_as_typed_without_javascript);

/// Functions on one forum record: left out of the role-only test in
/// `access.rs` and checked here, record by record.
pub const FORUM_RECORD_FUNCTIONS: &[&str] = &[
    "overleg",
    "overleg-wijzigen",
    "overleg-status",
    "overleg-uitnodigen",
    "overleg-uitnodiging-intrekken",
    "agendapunt-toevoegen",
    "agendapunt-wijzigen",
    "agendapunt-ordenen",
    "agendapunt-verwijderen",
    "agendapunt-naar-overleg",
    "verslag-opslaan",
    "verslag-versturen",
    "dossier",
    "knelpunt-opslaan",
    "knelpunt-koppelen",
    "beleidsdomein-opslaan",
    "actielijn-toevoegen",
    "actielijn-bijwerken",
    "campagne-actor",
    "campagne-afronden",
];

const PREPARERS: &[Who] = &[Who::Processor, Who::OrgProcessor, Who::Mixed, Who::Coordinator, Who::Regisseur];
const READERS: &[Who] = &[Who::Processor, Who::OrgProcessor, Who::Mixed, Who::Coordinator, Who::Regisseur, Who::Mandataris];

/// The records of one tenant the test calls with.
struct Records {
    coming: MeetingId,
    past: MeetingId,
    coming_item: AgendaItemId,
    past_item: AgendaItemId,
    bottleneck: BottleneckId,
    campaign: CampaignId,
    line: ActionLineId,
    domain: PolicyDomainId,
    organisation: OrganisationId,
    bundle: BundleId,
    person: PersonId,
}

async fn records(app: &TestApp, slug: &str) -> Records {
    let tenant = app.tenant_id(slug).await;
    let mut tx = app.db.store.write().await.unwrap();
    let meetings = tx.meetings(tenant).await.unwrap();
    let coming = meetings.iter().find(|m| m.status == MeetingStatus::Gepland).unwrap().id;
    let past = meetings.iter().find(|m| m.status == MeetingStatus::Afgelopen).unwrap().id;
    let coming_item = tx.agenda(tenant, coming).await.unwrap()[0].id;
    let past_item = tx.agenda(tenant, past).await.unwrap()[0].id;
    let domains = tx.policy_domains(tenant).await.unwrap();
    let wonen = domains.iter().find(|d| d.code == "wonen").unwrap().id;
    let owner = tx.teammates(tenant).await.unwrap()[0].membership.person;
    let checked = CheckedBottleneck {
        question: format!("Wie betaalt vervoer naar zorg in {slug}?"),
        domain: wonen,
        status: BottleneckStatus::Open,
        help: vec![],
    };
    let bottleneck = tx.insert_bottleneck(tenant, &checked, owner, chrono::Utc::now()).await.unwrap();
    let campaign = tx
        .campaigns(tenant)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.status == seinhuis::domain::forum::campaign::CampaignStatus::Lopend)
        .unwrap();
    let line = campaign.lines[0].id;
    let organisation = tx.organisations(tenant).await.unwrap()[0].id;
    let bundle = tx.bundles(tenant).await.unwrap()[0].id;
    tx.commit().await.unwrap();
    Records {
        coming,
        past,
        coming_item,
        past_item,
        bottleneck,
        campaign: campaign.id,
        line,
        domain: wonen,
        organisation,
        bundle,
        person: owner,
    }
}

async fn every_forum_record_answers_exactly_who_may_see_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let gent = records(&app, "gent").await;
    let kortrijk = records(&app, "kortrijk").await;
    let gezondheid = app
        .db
        .strings(
            "SELECT CAST(id AS TEXT) FROM signals WHERE title = $1",
            &["Zwangere vrouwen zonder ziekteverzekering stellen prenatale zorg uit"],
        )
        .await[0]
        .clone();
    let mut clients = vec![(Who::Anonymous, new_client())];
    for (who, _, email) in CALLERS {
        clients.push((*who, app.logged_in(email).await));
    }
    let t = |s: &str| s.to_string();
    let form = |kind: &str| {
        vec![
            ("kind", t(kind)),
            ("title", t("Forum")),
            ("date", t("2027-03-11")),
            ("time", t("14:00")),
            ("length", t("120")),
            ("place", t("Stadhuis")),
        ]
    };
    // (endpoint, arguments, roles that may call it, what each of them gets)
    type Case = (&'static str, Vec<(&'static str, String)>, &'static [Who], fn(Who) -> u16);
    let id = |v: i64| v.to_string();
    let mut cases: Vec<Case> = vec![
        ("overleg", vec![("id", id(gent.coming.0))], READERS, |_| 200),
        ("overleg", vec![("id", id(kortrijk.coming.0))], READERS, |_| 404),
        // Anyone of Gent asks; the dossier is for preparers, mandatarissen and invitees only.
        ("dossier", vec![("id", id(gent.past.0))], MEMBERS, |who| if who == Who::Giver { 404 } else { 200 }),
        ("dossier", vec![("id", id(kortrijk.past.0))], MEMBERS, |_| 404),
        ("overleg-status", vec![("meeting", id(gent.coming.0)), ("status", t("voorbereid"))], PREPARERS, |_| 200),
        ("overleg-status", vec![("meeting", id(kortrijk.coming.0)), ("status", t("voorbereid"))], PREPARERS, |_| 404),
        ("overleg-uitnodigen", vec![("meeting", id(gent.coming.0)), ("name", t("Gastspreker")), ("role", t("spreker"))], PREPARERS, |_| {
            200
        }),
        (
            "overleg-uitnodigen",
            vec![("meeting", id(kortrijk.coming.0)), ("name", t("Gastspreker")), ("role", t("spreker"))],
            PREPARERS,
            |_| 404,
        ),
        // A person of another tenant is no invitee here.
        ("overleg-uitnodigen", vec![("meeting", id(gent.coming.0)), ("person", id(kortrijk.person.0))], PREPARERS, |_| 404),
        ("overleg-uitnodiging-intrekken", vec![("meeting", id(kortrijk.coming.0)), ("invitee", t("1"))], PREPARERS, |_| 404),
        // Already on the agenda: told so, to every preparer (its title is on the agenda they read).
        (
            "agendapunt-toevoegen",
            vec![("meeting", id(gent.coming.0)), ("subject", agenda_key(&app, "gent", gent.coming).await)],
            PREPARERS,
            |_| 422,
        ),
        (
            "agendapunt-toevoegen",
            vec![("meeting", id(gent.coming.0)), ("subject", AgendaSubject::Bundle(kortrijk.bundle).key())],
            PREPARERS,
            |_| 404,
        ),
        (
            "agendapunt-toevoegen",
            vec![("meeting", id(kortrijk.coming.0)), ("subject", AgendaSubject::Bundle(gent.bundle).key())],
            PREPARERS,
            |_| 404,
        ),
        // In screening: who reads it hears it cannot go on an agenda; nobody else learns it exists.
        ("agendapunt-toevoegen", vec![("meeting", id(gent.coming.0)), ("subject", format!("signaal-{gezondheid}"))], PREPARERS, |who| {
            if matches!(who, Who::Processor | Who::Coordinator) { 422 } else { 404 }
        }),
        ("agendapunt-wijzigen", vec![("item", id(gent.coming_item.0)), ("version", t("0")), ("duration", t("10"))], PREPARERS, |_| 409),
        ("agendapunt-wijzigen", vec![("item", id(gent.past_item.0)), ("version", t("0")), ("duration", t("10"))], PREPARERS, |_| 422),
        ("agendapunt-wijzigen", vec![("item", id(kortrijk.coming_item.0)), ("version", t("0")), ("duration", t("10"))], PREPARERS, |_| 404),
        ("agendapunt-ordenen", vec![("item", id(gent.coming_item.0)), ("index", t("0"))], PREPARERS, |_| 200),
        ("agendapunt-ordenen", vec![("item", id(kortrijk.coming_item.0)), ("index", t("0"))], PREPARERS, |_| 404),
        ("agendapunt-verwijderen", vec![("item", id(gent.past_item.0))], PREPARERS, |_| 422),
        ("agendapunt-verwijderen", vec![("item", id(kortrijk.coming_item.0))], PREPARERS, |_| 404),
        ("agendapunt-naar-overleg", vec![("item", id(gent.coming_item.0)), ("to", id(kortrijk.coming.0))], PREPARERS, |_| 404),
        ("agendapunt-naar-overleg", vec![("item", id(kortrijk.coming_item.0)), ("to", id(gent.coming.0))], PREPARERS, |_| 404),
        ("verslag-opslaan", vec![("item", id(gent.past_item.0)), ("version", t("0"))], PREPARERS, |_| 409),
        ("verslag-opslaan", vec![("item", id(kortrijk.past_item.0)), ("version", t("0"))], PREPARERS, |_| 404),
        ("verslag-versturen", vec![("meeting", id(gent.past.0))], PREPARERS, |_| 200),
        ("verslag-versturen", vec![("meeting", id(kortrijk.past.0))], PREPARERS, |_| 404),
        // Owned by the regisseurs of its domain (wonen: Pieter-Jan) and the coordinator.
        ("knelpunt-opslaan", bottleneck_form(gent.bottleneck, gent.domain), &[Who::Regisseur, Who::Mixed, Who::Coordinator], |who| {
            if who == Who::Mixed { 403 } else { 409 }
        }),
        (
            "knelpunt-opslaan",
            bottleneck_form(kortrijk.bottleneck, kortrijk.domain),
            &[Who::Regisseur, Who::Mixed, Who::Coordinator],
            |_| 404,
        ),
        // Linking a signal: only who reads it, and works it (or owns the bottleneck).
        (
            "knelpunt-koppelen",
            vec![("bottleneck", id(gent.bottleneck.0)), ("subject", format!("signaal-{gezondheid}"))],
            PREPARERS,
            |who| {
                if matches!(who, Who::Processor | Who::Coordinator) { 200 } else { 404 }
            },
        ),
        (
            "knelpunt-koppelen",
            vec![("bottleneck", id(kortrijk.bottleneck.0)), ("subject", format!("signaal-{gezondheid}"))],
            PREPARERS,
            |_| 404,
        ),
        ("beleidsdomein-opslaan", vec![("domain", id(kortrijk.domain.0)), ("name", t("Wonen"))], &[Who::Coordinator], |_| 404),
        (
            "actielijn-toevoegen",
            vec![("campaign", id(kortrijk.campaign.0)), ("title", t("Iets doen")), ("lead", id(gent.person.0))],
            PREPARERS,
            |_| 404,
        ),
        (
            "actielijn-toevoegen",
            vec![("campaign", id(gent.campaign.0)), ("title", t("Iets doen")), ("lead", id(kortrijk.person.0))],
            PREPARERS,
            |_| 422,
        ),
        // A line: preparers and its lead report on it; others of Gent hear nothing of it.
        ("actielijn-bijwerken", vec![("line", id(gent.line.0)), ("version", t("0")), ("progress", t("50"))], MEMBERS, |who| match who {
            Who::Giver => 404,
            Who::Mandataris => 403,
            _ => 409,
        }),
        ("actielijn-bijwerken", vec![("line", id(kortrijk.line.0)), ("version", t("0")), ("progress", t("50"))], MEMBERS, |_| 404),
        ("campagne-actor", vec![("campaign", id(gent.campaign.0)), ("organisation", id(kortrijk.organisation.0))], PREPARERS, |_| 404),
        ("campagne-actor", vec![("campaign", id(kortrijk.campaign.0)), ("organisation", id(gent.organisation.0))], PREPARERS, |_| 404),
        (
            "campagne-afronden",
            vec![("campaign", id(gent.campaign.0)), ("version", t("0")), ("outcome", t("opgelost")), ("message", t("Klaar."))],
            PREPARERS,
            |_| 409,
        ),
        (
            "campagne-afronden",
            vec![("campaign", id(kortrijk.campaign.0)), ("version", t("0")), ("outcome", t("opgelost")), ("message", t("Klaar."))],
            PREPARERS,
            |_| 404,
        ),
    ];
    let mut replan = vec![("meeting", id(gent.coming.0)), ("version", t("0"))];
    replan.extend(form("forum"));
    cases.push(("overleg-wijzigen", replan, PREPARERS, |_| 409));
    let mut replan = vec![("meeting", id(gent.past.0)), ("version", t("0"))];
    replan.extend(form("forum"));
    cases.push(("overleg-wijzigen", replan, PREPARERS, |_| 422));
    let mut replan = vec![("meeting", id(kortrijk.coming.0)), ("version", t("0"))];
    replan.extend(form("forum"));
    cases.push(("overleg-wijzigen", replan, PREPARERS, |_| 404));

    for endpoint in FORUM_RECORD_FUNCTIONS {
        assert!(cases.iter().any(|c| c.0 == *endpoint), "no case for {endpoint}");
    }
    for (endpoint, args, roles, answer) in &cases {
        let mut args = args.clone();
        args.insert(0, ("tenant", t("gent")));
        for (who, client) in &clients {
            let want = refused(*who, roles).unwrap_or_else(|| answer(*who));
            let (status, body) = call(&app, client, endpoint, &args).await;
            assert_eq!(status, want, "{endpoint} {args:?} as {who:?}: {body}");
            if status == 404 || status == 403 {
                assert!(!body.contains("Gastspreker") && !body.contains("Wie betaalt"), "{endpoint} as {who:?} told content: {body}");
            }
        }
    }
    // The pages say the same as their functions.
    for (who, client) in &clients {
        let page = |id: MeetingId| format!("/gent/overleg/{id}");
        let status = app.get(client, &page(gent.coming)).await.0;
        assert_eq!(status, refused(*who, READERS).unwrap_or(200), "meeting page as {who:?}");
        let status = app.get(client, &page(kortrijk.coming)).await.0;
        assert_eq!(status, refused(*who, READERS).unwrap_or(404), "Kortrijk's meeting page as {who:?}");
        let status = app.get(client, &format!("/gent/overleg/{}/dossier", gent.past)).await.0;
        assert_eq!(status, refused(*who, MEMBERS).unwrap_or(if *who == Who::Giver { 404 } else { 200 }), "dossier as {who:?}");
        let status = app.status(client, &format!("/gent/overleg/{}/live", gent.coming)).await;
        assert_eq!(status, refused(*who, PREPARERS).unwrap_or(200), "agenda stream as {who:?}");
        let status = app.status(client, &format!("/gent/overleg/{}/live", kortrijk.coming)).await;
        assert_eq!(status, refused(*who, PREPARERS).unwrap_or(404), "Kortrijk's agenda stream as {who:?}");
    }
    // An invitee with an account reads the dossier of their meeting, and nothing else.
    let coordinator = &clients.iter().find(|(w, _)| *w == Who::Coordinator).unwrap().1;
    let sofie = app.person_id("sofie.mertens@deschakel.example").await;
    let (status, body) =
        call(&app, coordinator, "overleg-uitnodigen", &[("tenant", t("gent")), ("meeting", id(gent.coming.0)), ("person", id(sofie.0))])
            .await;
    assert_eq!(status, 200, "{body}");
    let giver = &clients.iter().find(|(w, _)| *w == Who::Giver).unwrap().1;
    assert_eq!(app.get(giver, &format!("/gent/overleg/{}/dossier", gent.coming)).await.0, 200);
    assert_eq!(app.get(giver, &format!("/gent/overleg/{}/dossier", gent.past)).await.0, 404);
    assert_eq!(app.get(giver, &format!("/gent/overleg/{}", gent.coming)).await.0, 403);
}

fn bottleneck_form(id: BottleneckId, domain: PolicyDomainId) -> Vec<(&'static str, String)> {
    vec![
        ("bottleneck", id.0.to_string()),
        ("version", "0".into()),
        ("question", "Wie betaalt vervoer?".into()),
        ("domain", domain.0.to_string()),
    ]
}

/// The key of the first item of a meeting's agenda.
async fn agenda_key(app: &TestApp, slug: &str, meeting: MeetingId) -> String {
    let tenant = app.tenant_id(slug).await;
    app.db.store.read().await.unwrap().agenda(tenant, meeting).await.unwrap()[0].subject.key()
}

/// A plain form post of minutes the privacy guard refuses: the meeting page
/// comes back with the message and everything that was typed.
async fn refused_minutes_come_back_as_typed_without_javascript(backend: Backend) {
    let app = spawn_app(backend).await;
    let gent = records(&app, "gent").await;
    let client = app.logged_in("ines.claeys@gent.example").await;
    let typed = "Mevrouw Peeters belde op 0475 12 34 56 over haar huur.";
    let form = [
        ("tenant", "gent".to_string()),
        ("item", gent.coming_item.0.to_string()),
        ("version", "1".to_string()),
        ("conclusions", typed.to_string()),
        ("commitments", "Het OCMW telt de dossiers.".to_string()),
    ];
    let response = client
        .post(format!("{}/api/verslag-opslaan", app.base))
        .header("Origin", &app.base)
        .header("Referer", format!("{}/gent/overleg/{}", app.base, gent.coming))
        .header("Accept", "text/html")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    let (status, page) = app.get(&client, &format!("/gent/overleg/{}", gent.coming)).await;
    assert_eq!(status, 200);
    assert!(page.contains("0475 12 34 56"), "the typed conclusions come back");
    assert!(page.contains("Het OCMW telt de dossiers."), "and the commitments");
    // Only once: the next visit shows what is saved.
    let (_, again) = app.get(&client, &format!("/gent/overleg/{}", gent.coming)).await;
    assert!(!again.contains("0475 12 34 56"));
}
