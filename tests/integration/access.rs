//! Authorisation, over HTTP, on SQLite and PostgreSQL.
//!
//! 1. Every server function is in the one access table (`domain::access`),
//!    and every caller without the right role is refused (401 or 403).
//! 2. Access per record: every function that takes a record id is called as
//!    every role with real ids of each kind (own, processed by me, another
//!    policy domain, another organisation, another tenant, withdrawn, not
//!    retained) and must give exactly the expected answer. The expectations
//!    are written here from the domain README, not taken from the app's code.
//!
//! A new server function fails this test until it is in both tables.

use std::collections::HashMap;

use crate::common::{Backend, TestApp, new_client, spawn_app};
use seinhuis::domain::access::{Audience, ROUTES, SERVER_FUNCTIONS, audience};
use seinhuis::domain::board::CardUpdate;
use seinhuis::domain::{Role, SignalId};
use seinhuis::server::live::ROUTE as LIVE;

on_both_backends!(
    every_server_function_refuses_callers_without_the_role,
    every_page_and_route_refuses_callers_without_the_role,
    every_record_answers_exactly_who_may_see_it
);

/// Callers: one per role in Gent, plus processors whose rights come from
/// their organisation or from two roles with domains of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Who {
    Anonymous,
    /// Signaalgever (Sofie Mertens).
    Giver,
    /// Signaalverwerker for welzijn, armoede, gezondheid, dak- en thuisloosheid, schulden.
    Processor,
    /// Signaalverwerker at De Kiem, which processes its own staff's signals (and jeugd…).
    OrgProcessor,
    /// Signaalverwerker for wonen and regisseur for welzijn.
    Mixed,
    Coordinator,
    /// Regisseur for wonen.
    Regisseur,
    Mandataris,
    Platform,
}

pub(crate) const CALLERS: &[(Who, Option<Role>, &str)] = &[
    (Who::Giver, Some(Role::Signaalgever), "sofie.mertens@deschakel.example"),
    (Who::Processor, Some(Role::Signaalverwerker), "bram.verhaeghe@gent.example"),
    (Who::OrgProcessor, Some(Role::Signaalverwerker), "nadia.elamrani@dekiem.example"),
    (Who::Mixed, Some(Role::Signaalverwerker), "joris.wuytack@gent.example"),
    (Who::Coordinator, Some(Role::Hoofdsignaalverwerker), "ines.claeys@gent.example"),
    (Who::Regisseur, Some(Role::Regisseur), "pieterjan.goossens@gent.example"),
    (Who::Mandataris, Some(Role::Mandataris), "hanne.vermeulen@gent.example"),
    (Who::Platform, Some(Role::PlatformBeheerder), "dries.wuyts@seinhuis.example"),
];

/// Gent's signals of each kind (and one of Kortrijk).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Record {
    /// Sofie's own, welzijn, Ingediend (made by the test).
    Own,
    /// Gezondheid, In screening: Bram's domain.
    Processed,
    /// Wonen, Geanalyseerd: Joris processes it, Pieter-Jan steers it.
    Wonen,
    /// Handicap, Ingediend, reported by De Kiem's staff: Nadia's by organisation.
    OtherOrganisation,
    /// Jeugd, Ingetrokken.
    Withdrawn,
    /// Wonen, Niet weerhouden.
    NotRetained,
    /// Kortrijk's, welzijn.
    OtherTenant,
}

const RECORDS: [Record; 7] =
    [Record::Own, Record::Processed, Record::Wonen, Record::OtherOrganisation, Record::Withdrawn, Record::NotRetained, Record::OtherTenant];

fn title(record: Record) -> &'static str {
    match record {
        Record::Own => "Geen opvang voor wie uit de gevangenis komt",
        Record::Processed => "Zwangere vrouwen zonder ziekteverzekering stellen prenatale zorg uit",
        Record::Wonen => "Overbewoonde en vochtige woningen bij nieuwkomersgezinnen",
        Record::OtherOrganisation => "Geen inclusieve kinderopvang voor kinderen met een beperking",
        Record::Withdrawn => "Avondbus naar het jeugdlokaal in Drongen geschrapt",
        Record::NotRetained => "Onvriendelijk onthaal aan het loket van een woonmaatschappij",
        Record::OtherTenant => "Geen betaalbare oppas voor een zorgbehoevende partner",
    }
}

/// Who may read each signal (domain README, "Who may do what"): the
/// hoofdsignaalverwerker, its processors, its reporter, the regisseur of its domain.
fn reads(who: Who, record: Record) -> bool {
    use {Record::*, Who::*};
    match record {
        OtherTenant => false,
        _ if who == Coordinator => true,
        Own => matches!(who, Giver | Processor | Mixed),
        Processed => who == Processor,
        Wonen | NotRetained => matches!(who, Mixed | Regisseur),
        OtherOrganisation | Withdrawn => who == OrgProcessor,
    }
}

/// Who may work each signal (move it): the hoofdsignaalverwerker and its processors.
fn works(who: Who, record: Record) -> bool {
    use {Record::*, Who::*};
    match record {
        OtherTenant => false,
        _ if who == Coordinator => true,
        Own | Processed => who == Processor,
        Wonen | NotRetained => who == Mixed,
        OtherOrganisation | Withdrawn => who == OrgProcessor,
    }
}

/// Who steers each signal: the regisseur of its policy domain (Joris is
/// regisseur for welzijn, Pieter-Jan for wonen); they read it and comment.
fn steers(who: Who, record: Record) -> bool {
    use {Record::*, Who::*};
    match record {
        Own => who == Mixed,
        Wonen | NotRetained => who == Regisseur,
        Processed | OtherOrganisation | Withdrawn | OtherTenant => false,
    }
}

/// May this reader know who reported it ("Who may see whom")?
fn knows_reporter(who: Who, record: Record) -> bool {
    works(who, record) || (who == Who::Giver && record == Record::Own)
}

/// The statuses of a function open to `roles` for a caller outside them.
pub(crate) fn refused(who: Who, roles: &[Who]) -> Option<u16> {
    match who {
        Who::Anonymous => Some(401),
        who if !roles.contains(&who) => Some(403),
        _ => None,
    }
}

pub(crate) const MEMBERS: &[Who] =
    &[Who::Giver, Who::Processor, Who::OrgProcessor, Who::Mixed, Who::Coordinator, Who::Regisseur, Who::Mandataris];
const PROCESSORS: &[Who] = &[Who::Processor, Who::OrgProcessor, Who::Mixed, Who::Coordinator];
const BUNDLE_READERS: &[Who] = &[Who::Processor, Who::OrgProcessor, Who::Mixed, Who::Coordinator, Who::Regisseur];
/// A signal's team: processors, and regisseurs who comment.
const TEAM: &[Who] = &[Who::Processor, Who::OrgProcessor, Who::Mixed, Who::Coordinator, Who::Regisseur];

/// The exact answer to each per-signal function.
fn expected(endpoint: &str, who: Who, record: Record) -> u16 {
    let answer =
        |roles: &[Who], allowed: u16, otherwise: u16| refused(who, roles).unwrap_or(if allowed == 0 { otherwise } else { allowed });
    // Working it: `when` for those who work it, 403 for those who only read it.
    let worker = |when: u16| {
        if works(who, record) {
            when
        } else if reads(who, record) {
            403
        } else {
            0
        }
    };
    match endpoint {
        "signaal" => answer(MEMBERS, if reads(who, record) { 200 } else { 0 }, 404),
        // A live board's cards: every processor gets an answer for every id,
        // the card only for a signal they work (checked below).
        "bord-kaarten" => answer(PROCESSORS, 200, 200),
        // Sent with version 0: whoever may work it hears it changed since (409).
        "signaal-verplaatsen" => answer(
            PROCESSORS,
            if works(who, record) {
                409
            } else if reads(who, record) {
                403
            } else {
                0
            },
            404,
        ),
        // Only signals the similar-signals list could show.
        "ik-zie-dit-ook" => answer(
            &[Who::Giver],
            if matches!(record, Record::Withdrawn | Record::NotRetained | Record::OtherTenant) { 0 } else { 200 },
            404,
        ),
        "signaal-aanvullen" | "signaal-intrekken" => answer(&[Who::Giver], if record == Record::Own { 200 } else { 0 }, 404),
        // The passage sent is in no text: whoever may redact hears so (422).
        "persoonsgegevens-verwijderen" => answer(&[Who::Coordinator], if record == Record::OtherTenant { 0 } else { 422 }, 404),
        // Its team comments: those who work it and the regisseurs of its
        // domain. Whoever reads it only as its reporter may not (403), and
        // one who may not read it hears nothing of it (404).
        "opmerking-plaatsen" => answer(
            TEAM,
            if works(who, record) || steers(who, record) {
                200
            } else if reads(who, record) {
                403
            } else {
                0
            },
            404,
        ),
        // Assigned by those who work it (here to nobody, which nobody was).
        "signaal-toewijzen" => answer(PROCESSORS, worker(200), 404),
        // Asked by those who work it, when its reporter has an account and
        // allowed contact. Sofie's own was made by the test without "mag
        // gecontacteerd worden" (intake's default is "nee"): 422. Every demo
        // signal used here was reported by a signaalgever with an account who
        // said "ja" (`may_contact = true` in src/demo/data.toml).
        "vraag-stellen" => answer(PROCESSORS, worker(if record == Record::Own { 422 } else { 200 }), 404),
        // Linked to itself: whoever works it hears that is no link (422).
        "signalen-koppelen" => answer(PROCESSORS, worker(422), 404),
        // Edited from a form of version 0: whoever works it hears it changed since (409).
        "signaal-aanpassen" => answer(PROCESSORS, worker(409), 404),
        // Several cards at once: every processor gets a report for every id
        // (done only where they work it; checked below).
        "kaarten-samen" => answer(PROCESSORS, 200, 200),
        other => panic!("no expectation for {other}"),
    }
}

/// Functions acting on one signal, in the order they are tried (withdrawing last).
const SIGNAL_FUNCTIONS: &[&str] = &[
    "signaal",
    "bord-kaarten",
    "signaal-verplaatsen",
    "ik-zie-dit-ook",
    "persoonsgegevens-verwijderen",
    // The workbench, before Sofie withdraws her own (a comment, an empty
    // assignment and a question change no phase).
    "opmerking-plaatsen",
    "signaal-toewijzen",
    "vraag-stellen",
    "signalen-koppelen",
    "signaal-aanpassen",
    "kaarten-samen",
    "signaal-aanvullen",
    "signaal-intrekken",
];

/// Functions on one question to a reporter: checked question by question.
const QUESTION_FUNCTIONS: &[&str] = &["vraag-beantwoorden"];

/// Functions acting on one record of the tenant's administration or one
/// bundle: called by their audience with a record of Gent and one of Kortrijk.
const ADMIN_RECORD_FUNCTIONS: &[&str] = &[
    "bundel",
    "bundel-bewerken",
    "bundel-signaal-toevoegen",
    "bundel-signaal-eruit",
    "bundels-samenvoegen",
    "bundel-verplaatsen",
    "uitnodiging-opnieuw",
    "uitnodiging-intrekken",
    "uitnodigingsvraag-afhandelen",
    "rollen-wijzigen",
    "persoon-activeren",
    "organisatie-opslaan",
];

/// Arguments that get each function without a record id past decoding.
fn sample(endpoint: &str, tenant: &str) -> Vec<(&'static str, String)> {
    let t = ("tenant", tenant.to_string());
    let s = |k: &'static str, v: &str| (k, v.to_string());
    match endpoint {
        "wie-ben-ik" | "afmelden" | "gemeenten" | "platform-gemeenten" | "terugkoppeling" => vec![],
        "aanmelden" => vec![s("email", &format!("niemand-{}@matrix.example", rand::random::<u32>())), s("password", "fout")],
        "wachtwoord-vergeten" => vec![s("email", "niemand@matrix.example")],
        "wachtwoord-instellen" => vec![s("token", "0"), s("password", "x"), s("repeat", "x")],
        "uitnodiging" | "uitnodiging-aanvaarden" => vec![s("token", "0")],
        "gemeente" => vec![s("slug", tenant)],
        "signaleren"
        | "bord"
        | "beheer-mensen"
        | "beheer-organisaties"
        | "beheer-instellingen"
        | "auditlog"
        | "uitgaande-mail"
        | "wat-wacht" => vec![t],
        "signaal-indienen" => vec![t, s("title", ""), s("description", "")],
        "vergelijkbare-signalen" | "beleidsdomein-voorstel" => vec![t, s("text", "wachtlijst budgetbeheer")],
        "mijn-signalen" | "burgerformulier" | "meldingen-instellen" | "bundels" => vec![t],
        "bundel-maken" => vec![t, s("title", "")],
        "burgermelding" => vec![t, s("email", "geen-adres"), s("title", ""), s("description", "")],
        "burgermelding-bevestigen" | "burgermelding-volgen" => vec![s("token", "0")],
        "uitnodiging-vragen" => vec![t, s("email", "geen-adres"), s("name", "")],
        "uitnodigen" => vec![t, s("email", "geen-adres"), s("name", "x"), s("role", "signaalgever")],
        "instellingen-opslaan" => vec![t, s("name", "")],
        "bordlimieten-opslaan" => vec![t, s("screening_days", "geen getal")],
        // No action chosen: refused before any card is looked at (its cards
        // are checked one by one by the use case, not here).
        "kaarten-samen" => vec![t, s("signals[0]", "1"), s("action", "")],
        "signaal-aanpassen" => vec![t, s("signal", "1"), s("version", "0"), s("title", "")],
        "overleggen" | "knelpunten" | "campagnes" | "signalenbundels" | "publiek-beheer" => vec![t],
        "rapporten" => vec![t, s("periode", "twee-jaar")],
        "publiek" => vec![s("tenant", tenant)],
        // Refused as no number where allowed; nothing is saved.
        "doelen-opslaan" => vec![t, s("actieplan", "veel")],
        "publieke-tekst-opslaan" => vec![t, s("text", "Wat we met signalen doen.")],
        // Refused as incomplete where allowed; no meeting is made.
        "overleg-plannen" => vec![t, s("kind", ""), s("title", ""), s("date", ""), s("time", ""), s("length", "")],
        "gemeente-aanmaken" => {
            vec![s("slug", ""), s("name", ""), s("kind", "gemeente"), s("coordinator_email", ""), s("coordinator_name", "")]
        }
        other => panic!("add sample arguments for the new server function `{other}` to tests/integration/access.rs"),
    }
}

fn expected_allowed(audience: Audience, role: Option<Role>, own_tenant: bool) -> bool {
    match audience {
        Audience::Public => true,
        Audience::Platform => role == Some(Role::PlatformBeheerder),
        Audience::Tenant(roles) => own_tenant && role.is_some_and(|r| roles.contains(&r)),
    }
}

pub(crate) async fn call(app: &TestApp, client: &reqwest::Client, endpoint: &str, args: &[(&str, String)]) -> (u16, String) {
    let form: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call(client, endpoint, &form).await
}

async fn every_server_function_refuses_callers_without_the_role(backend: Backend) {
    // Every registered server function has a rule, and every rule a function.
    let registered: Vec<String> =
        leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.trim_start_matches("/api/").to_string()).collect();
    for endpoint in &registered {
        assert!(audience(endpoint).is_some(), "server function `{endpoint}` has no entry in domain::access::SERVER_FUNCTIONS");
    }
    for (endpoint, _) in SERVER_FUNCTIONS {
        assert!(registered.iter().any(|r| r == endpoint), "access rule for `{endpoint}`, which is no server function");
    }

    let app = spawn_app(backend).await;
    let mut callers = vec![(None, new_client())];
    for (_, role, email) in CALLERS.iter().filter(|(who, ..)| *who != Who::OrgProcessor && *who != Who::Mixed) {
        callers.push((*role, app.logged_in(email).await));
    }
    for (endpoint, audience) in SERVER_FUNCTIONS {
        // Functions on one record are checked exactly, record by record, below.
        if SIGNAL_FUNCTIONS.contains(endpoint)
            || ADMIN_RECORD_FUNCTIONS.contains(endpoint)
            || QUESTION_FUNCTIONS.contains(endpoint)
            || crate::forum_access::FORUM_RECORD_FUNCTIONS.contains(endpoint)
            || crate::reports::REPORT_RECORD_FUNCTIONS.contains(endpoint)
        {
            continue;
        }
        let tenants: &[(&str, bool)] = match audience {
            Audience::Tenant(_) => &[("gent", true), ("kortrijk", false)],
            _ => &[("gent", true)],
        };
        for (role, client) in &callers {
            for (tenant, own) in tenants {
                // Logging out would spoil the shared session: use a fresh one.
                let fresh;
                let client = if *endpoint == "afmelden" && role.is_some() {
                    let email = CALLERS.iter().find(|(_, r, _)| r == role).unwrap().2;
                    fresh = app.logged_in(email).await;
                    &fresh
                } else {
                    client
                };
                let (status, body) = call(&app, client, endpoint, &sample(endpoint, tenant)).await;
                let case = format!("{endpoint} as {role:?} in {tenant}: {status} {body}");
                if expected_allowed(*audience, *role, *own) {
                    assert!(status != 401 && status != 403 && status < 500, "should be allowed: {case}");
                } else if role.is_none() {
                    assert_eq!(status, 401, "anonymous must log in: {case}");
                } else {
                    assert_eq!(status, 403, "should be denied: {case}");
                }
            }
        }
    }
}

/// Pages about one record, checked record by record below.
const RECORD_PAGES: &[&str] = &[
    "/{tenant}/signalen/{id}",
    "/{tenant}/bundels/{id}",
    "/{tenant}/overleg/{id}",
    "/{tenant}/overleg/{id}/live",
    "/{tenant}/overleg/{id}/dossier",
    "/{tenant}/overleg/{id}/dossier.pdf",
    "/{tenant}/overleg/{id}/verslag.pdf",
];

async fn every_page_and_route_refuses_callers_without_the_role(backend: Backend) {
    // Every page of the app is in the table (the plain routes are called below).
    let pages: Vec<String> = leptos_axum::generate_route_list(seinhuis::app::App).iter().map(|r| r.path().to_string()).collect();
    for page in &pages {
        assert!(ROUTES.iter().any(|(path, _)| path == page), "page `{page}` has no entry in domain::access::ROUTES");
    }
    let app = spawn_app(backend).await;
    let mut callers = vec![(None, new_client())];
    for (_, role, email) in CALLERS.iter().filter(|(who, ..)| *who != Who::OrgProcessor && *who != Who::Mixed) {
        callers.push((*role, app.logged_in(email).await));
    }
    // Where a tenant switched the citizens' form on, anyone gets it at intake.
    let mut citizens_welcome = Vec::new();
    for tenant in app.db.store.read().await.unwrap().tenants().await.unwrap() {
        if tenant.citizen_intake {
            citizens_welcome.push(tenant.slug);
        }
    }
    assert!(citizens_welcome.iter().any(|t| t == "kortrijk") && !citizens_welcome.iter().any(|t| t == "gent"), "demo switches");
    for (route, audience) in ROUTES.iter().filter(|(r, _)| !RECORD_PAGES.contains(r)) {
        assert!(
            route.starts_with("/pkg")
                || ["/health", "/favicon.svg", LIVE].contains(route)
                || [".pdf", ".xlsx", ".csv"].iter().any(|download| route.ends_with(download))
                || pages.iter().any(|p| p == route),
            "{route} is routed"
        );
        let tenants: &[(&str, bool)] = if route.contains("{tenant}") { &[("gent", true), ("kortrijk", false)] } else { &[("gent", true)] };
        for (role, client) in &callers {
            for (tenant, own) in tenants {
                let path = route
                    .replace("{tenant}", tenant)
                    .replace("{token}", "onbekende-sleutel")
                    .replace("{id}", "1")
                    .replace("{*file}", "seinhuis.css");
                let status = if *route == LIVE { app.status(client, &path).await } else { app.get(client, &path).await.0 };
                let case = format!("{path} as {role:?}: {status}");
                let citizens_form = *route == "/{tenant}/signaleren" && citizens_welcome.iter().any(|t| t == tenant);
                if expected_allowed(*audience, *role, *own) || citizens_form {
                    assert!(status != 401 && status != 403 && status < 500, "should open: {case}");
                    if matches!(audience, Audience::Tenant(_) | Audience::Platform) {
                        assert_eq!(status, 200, "{case}");
                    }
                } else if role.is_none() {
                    assert_eq!(status, 401, "anonymous must log in: {case}");
                } else {
                    assert_eq!(status, 403, "should be refused: {case}");
                }
            }
        }
    }
}

/// Ids looked up in the database, by title or name.
struct Ids {
    signals: HashMap<Record, SignalId>,
    /// (reporter's name, reporter's organisation) per signal.
    reporters: HashMap<Record, (String, String)>,
}

async fn look_up(app: &TestApp) -> Ids {
    let (gent, kortrijk) = (app.tenant_id("gent").await, app.tenant_id("kortrijk").await);
    // Sofie's own signal, Ingediend, in welzijn.
    let description = "Mensen die vrijkomen staan zonder woning en zonder uitkering op straat.";
    app.submit_as("sofie.mertens@deschakel.example", "gent", "welzijn", title(Record::Own), description).await;

    let mut tx = app.db.store.read().await.unwrap();
    let mut signals = HashMap::new();
    let mut reporters = HashMap::new();
    for record in RECORDS {
        let tenant = if record == Record::OtherTenant { kortrijk } else { gent };
        let summary = tx
            .signal_summaries(tenant)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.title == title(record))
            .unwrap_or_else(|| panic!("no signal {}", title(record)));
        let reporter = tx.person(summary.scope.reporter.unwrap()).await.unwrap().unwrap().name;
        reporters.insert(record, (reporter, summary.organisation.clone().unwrap()));
        signals.insert(record, summary.id);
    }
    Ids { signals, reporters }
}

fn signal_args(endpoint: &str, id: SignalId) -> Vec<(&'static str, String)> {
    let mut args = vec![("tenant", "gent".to_string())];
    let id = id.to_string();
    match endpoint {
        "signaal" => args.push(("id", id)),
        "bord-kaarten" => args.push(("signals[0]", id)),
        "signaal-verplaatsen" => args.extend([("signal", id), ("version", "0".into()), ("to", "in_screening".into())]),
        "ik-zie-dit-ook" | "signaal-intrekken" => args.push(("signal", id)),
        "signaal-aanvullen" => args.extend([("signal", id), ("text", "Het gaat ook over mensen zonder papieren.".into())]),
        "persoonsgegevens-verwijderen" => args.extend([("signal", id), ("passage", "een passage die nergens staat".into())]),
        "opmerking-plaatsen" => args.extend([("signal", id), ("text", "Graag een blik hierop.".into())]),
        "signaal-toewijzen" => args.extend([("signal", id), ("person", String::new())]),
        "vraag-stellen" => args.extend([("signal", id), ("text", "Hoe vaak zie je dit ongeveer?".into())]),
        "signalen-koppelen" => args.extend([("signal", id.clone()), ("other", id)]),
        "signaal-aanpassen" => args.extend([("signal", id), ("version", "0".into()), ("title", "Een andere titel".into())]),
        // Assigned to nobody, which nobody was: done without a change where allowed.
        "kaarten-samen" => args.extend([("signals[0]", id), ("action", "toewijzen".into()), ("person", String::new())]),
        other => panic!("no arguments for {other}"),
    }
    args
}

async fn every_record_answers_exactly_who_may_see_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let ids = look_up(&app).await;
    let mut clients = vec![(Who::Anonymous, new_client())];
    for (who, _, email) in CALLERS {
        clients.push((*who, app.logged_in(email).await));
    }

    // Each function on each signal, as each caller.
    for endpoint in SIGNAL_FUNCTIONS {
        for record in RECORDS {
            for (who, client) in &clients {
                let (status, body) = call(&app, client, endpoint, &signal_args(endpoint, ids.signals[&record])).await;
                let want = expected(endpoint, *who, record);
                assert_eq!(status, want, "{endpoint} on {record:?} as {who:?}: {body}");
                // What a reader gets never names a reporter they may not know.
                let (reporter, organisation) = &ids.reporters[&record];
                if status == 200 && *endpoint == "signaal" {
                    assert!(body.contains(title(record)), "{record:?} as {who:?}: the signal itself");
                    let known = knows_reporter(*who, record);
                    assert_eq!(body.contains(reporter.as_str()), known, "{record:?} as {who:?}: reporter's name shown = {known}? {body}");
                    assert_eq!(body.contains(organisation.as_str()), known, "{record:?} as {who:?}: reporter's organisation? {body}");
                }
                if status != 200 {
                    assert!(!body.contains(title(record)), "{endpoint} refused {record:?} to {who:?}, yet told its title: {body}");
                }
                if status == 200 && *endpoint == "kaarten-samen" {
                    let report: seinhuis::domain::bulk::BulkReport = serde_json::from_str(&body).unwrap();
                    let done = report.done.iter().any(|(id, _)| *id == ids.signals[&record]);
                    assert_eq!(done, works(*who, record), "kaarten-samen: {record:?} as {who:?}: done exactly when they work it: {body}");
                    assert_eq!(done, report.refused.is_empty(), "kaarten-samen: {record:?} as {who:?}: one answer per card: {body}");
                    assert_eq!(
                        body.contains(title(record)),
                        reads(*who, record),
                        "kaarten-samen: {record:?} as {who:?}: the title only for who may read it: {body}"
                    );
                }
                if status == 200 && *endpoint == "bord-kaarten" {
                    let cards: Vec<CardUpdate> = serde_json::from_str(&body).unwrap();
                    assert_eq!(cards.len(), 1, "{record:?} as {who:?}: {body}");
                    assert_eq!(cards[0].id, ids.signals[&record]);
                    let card = cards[0].card.as_ref().map(|c| c.signal.title.as_str());
                    let want = works(*who, record).then(|| title(record));
                    assert_eq!(card, want, "bord-kaarten: {record:?} as {who:?}: the card exactly when they process it");
                    if want.is_none() {
                        assert!(!body.contains(title(record)), "bord-kaarten told {who:?} the title of {record:?}: {body}");
                    }
                }
            }
        }
    }

    // A live board asks for several cards at once: each answered as alone, in order.
    let keys: Vec<String> = (0..RECORDS.len()).map(|i| format!("signals[{i}]")).collect();
    let mut all = vec![("tenant", "gent".to_string())];
    all.extend(keys.iter().zip(RECORDS).map(|(key, record)| (key.as_str(), ids.signals[&record].to_string())));
    for (who, client) in clients.iter().filter(|(who, _)| PROCESSORS.contains(who)) {
        let (status, body) = call(&app, client, "bord-kaarten", &all).await;
        assert_eq!(status, 200, "{who:?}: {body}");
        let cards: Vec<CardUpdate> = serde_json::from_str(&body).unwrap();
        let got: Vec<_> = cards.iter().map(|c| (c.id, c.card.is_some())).collect();
        let want: Vec<_> = RECORDS.iter().map(|r| (ids.signals[r], works(*who, *r))).collect();
        assert_eq!(got, want, "bord-kaarten with every record as {who:?}");
    }

    // The signal's page tells the same, rendered on the server.
    for record in RECORDS {
        for (who, client) in &clients {
            let (status, page) = app.get(client, &format!("/gent/signalen/{}", ids.signals[&record])).await;
            assert_eq!(status, expected("signaal", *who, record), "page of {record:?} as {who:?}");
            assert_eq!(page.contains(title(record)), reads(*who, record), "page of {record:?} as {who:?}: {page}");
            let (reporter, _) = &ids.reporters[&record];
            if reads(*who, record) && !knows_reporter(*who, record) {
                assert!(!page.contains(reporter.as_str()), "page of {record:?} as {who:?} names the reporter");
            }
        }
    }

    workbench_calls_stored_exactly_what_was_allowed(&app, &clients, &ids).await;
    links_never_reach_a_signal_one_does_not_process(&app, &clients, &ids).await;
    questions_are_answered_only_by_their_reporter(&app, &clients, &ids).await;
    admin_records_stay_in_their_tenant(&app, &clients).await;
}

/// The callers who got 200 from a function on a record, by the expectations.
fn allowed(endpoint: &str, record: Record, clients: &[(Who, reqwest::Client)]) -> usize {
    clients.iter().filter(|(who, _)| expected(endpoint, *who, record) == 200).count()
}

/// A refused comment or question leaves no trace: each signal holds one
/// comment and one question per caller who was let through, and its
/// reporter reads none of the comments.
async fn workbench_calls_stored_exactly_what_was_allowed(app: &TestApp, clients: &[(Who, reqwest::Client)], ids: &Ids) {
    use seinhuis::domain::EventKind;
    for record in RECORDS {
        let tenant = app.tenant_id(if record == Record::OtherTenant { "kortrijk" } else { "gent" }).await;
        let history = app.db.store.read().await.unwrap().history(tenant, ids.signals[&record]).await.unwrap();
        let count = |kind: EventKind| history.iter().filter(|e| e.kind == kind).count();
        assert_eq!(count(EventKind::Commented), allowed("opmerking-plaatsen", record, clients), "comments on {record:?}");
        assert_eq!(count(EventKind::QuestionAsked), allowed("vraag-stellen", record, clients), "questions on {record:?}");
        // Assigning to nobody what nobody had changes nothing; a signal is never linked to itself.
        assert_eq!(count(EventKind::Assigned) + count(EventKind::Linked), 0, "{record:?}");
    }
    // Sofie's timeline of her own: no comment, no name of the team.
    let sofie = &clients.iter().find(|(w, _)| *w == Who::Giver).unwrap().1;
    let (status, body) = call(app, sofie, "mijn-signalen", &[("tenant", "gent".to_string())]).await;
    assert_eq!(status, 200, "{body}");
    for secret in ["Graag een blik hierop.", "Joris Wuytack", "Ines Claeys", "Bram Verhaeghe"] {
        assert!(!body.contains(secret), "Sofie reads {secret}: {body}");
    }
}

/// A processor links a signal they work only to another they work: one
/// of another tenant, of a domain they do not process, or none at all get
/// the same refusal, which never tells the other's title.
async fn links_never_reach_a_signal_one_does_not_process(app: &TestApp, clients: &[(Who, reqwest::Client)], ids: &Ids) {
    let bram = &clients.iter().find(|(w, _)| *w == Who::Processor).unwrap().1;
    let mut answers = Vec::new();
    for (other, title) in [
        (ids.signals[&Record::OtherTenant], Some(title(Record::OtherTenant))),
        (ids.signals[&Record::Wonen], Some(title(Record::Wonen))),
        (ids.signals[&Record::OtherOrganisation], Some(title(Record::OtherOrganisation))),
        (SignalId(987_654), None),
    ] {
        let args = [("tenant", "gent".to_string()), ("signal", ids.signals[&Record::Processed].to_string()), ("other", other.to_string())];
        let (status, body) = call(app, bram, "signalen-koppelen", &args).await;
        assert_eq!(status, 422, "linking to {other}: {body}");
        if let Some(title) = title {
            assert!(!body.contains(title), "the refusal tells the other's title: {body}");
        }
        answers.push(body.replace(&other.to_string(), "N"));
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]), "one answer for all: {answers:?}");
    let gent = app.tenant_id("gent").await;
    let history = app.db.store.read().await.unwrap().history(gent, ids.signals[&Record::Processed]).await.unwrap();
    assert!(history.iter().all(|e| e.kind != seinhuis::domain::EventKind::Linked), "nothing linked");
}

/// Questions on Sofie's own signal, on another reporter's in Gent and on
/// one in Kortrijk: only Sofie answers, and only her own.
async fn questions_are_answered_only_by_their_reporter(app: &TestApp, clients: &[(Who, reqwest::Client)], ids: &Ids) {
    let (gent, kortrijk) = (app.tenant_id("gent").await, app.tenant_id("kortrijk").await);
    // Sofie's own test signal may not be asked about (no consent): one of
    // her demo signals may (`may_contact = true`).
    let sofies = {
        let mut tx = app.db.store.read().await.unwrap();
        let title = "Maandenlange wachttijd in de geestelijke gezondheidszorg voor leefloners";
        tx.signal_summaries(gent).await.unwrap().into_iter().find(|s| s.title == title).unwrap().id
    };
    let coordinator = &clients.iter().find(|(w, _)| *w == Who::Coordinator).unwrap().1;
    let kortrijk_coordinator = app.logged_in("wouter.vanneste@kortrijk.example").await;
    let asked = [
        (coordinator, "gent", sofies, "Is de wachttijd intussen korter geworden?"),
        (coordinator, "gent", ids.signals[&Record::Processed], "Hoeveel vrouwen zagen jullie dit jaar?"),
        (&kortrijk_coordinator, "kortrijk", ids.signals[&Record::OtherTenant], "Kunnen jullie leden het respijtpunt vinden?"),
    ];
    let mut questions = Vec::new();
    for (client, tenant, signal, text) in asked {
        let args = [("tenant", tenant.to_string()), ("signal", signal.to_string()), ("text", text.to_string())];
        let (status, body) = call(app, client, "vraag-stellen", &args).await;
        assert_eq!(status, 200, "asking on {signal} in {tenant}: {body}");
        let t = if tenant == "gent" { gent } else { kortrijk };
        let stored = app.db.store.read().await.unwrap().questions(t, signal).await.unwrap();
        let question = stored.into_iter().find(|q| q.question == text).expect("the question is stored");
        questions.push((question.id, signal == sofies, text));
    }

    let answer = "Nog altijd drie maanden.";
    for (id, own, text) in &questions {
        for (who, client) in clients {
            let args = [("tenant", "gent".to_string()), ("question", id.to_string()), ("text", answer.to_string())];
            let (status, body) = call(app, client, "vraag-beantwoorden", &args).await;
            let want = refused(*who, &[Who::Giver]).unwrap_or(if *own { 200 } else { 404 });
            assert_eq!(status, want, "vraag-beantwoorden on {text:?} as {who:?}: {body}");
            if status != 200 {
                assert!(!body.contains(text), "a refusal tells the question: {body}");
            }
        }
    }
    // Only Sofie's was answered; once only.
    let answers = [
        app.db.store.read().await.unwrap().question(gent, questions[0].0).await.unwrap().unwrap().0.answer,
        app.db.store.read().await.unwrap().question(gent, questions[1].0).await.unwrap().unwrap().0.answer,
        app.db.store.read().await.unwrap().question(kortrijk, questions[2].0).await.unwrap().unwrap().0.answer,
    ];
    assert_eq!(answers, [Some(answer.to_string()), None, None]);
    let sofie = &clients.iter().find(|(w, _)| *w == Who::Giver).unwrap().1;
    let args = [("tenant", "gent".to_string()), ("question", questions[0].0.to_string()), ("text", "Nog iets.".to_string())];
    assert_eq!(call(app, sofie, "vraag-beantwoorden", &args).await.0, 422, "answered already");
}

/// Bundles, invitations, requests, people and organisations: the
/// hoofdsignaalverwerker reaches Gent's, never Kortrijk's, whatever the id.
async fn admin_records_stay_in_their_tenant(app: &TestApp, clients: &[(Who, reqwest::Client)]) {
    let client = |who: Who| &clients.iter().find(|(w, _)| *w == who).unwrap().1;
    let (gent, kortrijk) = (app.tenant_id("gent").await, app.tenant_id("kortrijk").await);
    let kortrijk_coordinator = app.logged_in("wouter.vanneste@kortrijk.example").await;
    let kortrijk_giver = app.logged_in("mehmet.aydin@dekouter.example").await;

    // An invitation and an invitation request in each tenant.
    for (c, tenant) in [(client(Who::Coordinator), "gent"), (&kortrijk_coordinator, "kortrijk")] {
        let email = format!("nieuw@{tenant}.example");
        let args = [("tenant", tenant.to_string()), ("email", email), ("name", "Nieuwe Collega".into()), ("role", "signaalgever".into())];
        assert_eq!(call(app, c, "uitnodigen", &args).await.0, 200);
    }
    for (c, tenant) in [(client(Who::Giver), "gent"), (&kortrijk_giver, "kortrijk")] {
        let args = [("tenant", tenant.to_string()), ("email", format!("collega@{tenant}.example")), ("name", "Collega".into())];
        assert_eq!(call(app, c, "uitnodiging-vragen", &args).await.0, 200);
    }
    let mut tx = app.db.store.read().await.unwrap();
    let invitation = |list: Vec<seinhuis::domain::Invitation>| list.into_iter().find(|i| i.email.starts_with("nieuw@")).unwrap().id;
    let invitations = [invitation(tx.invitations(gent).await.unwrap()), invitation(tx.invitations(kortrijk).await.unwrap())];
    let requests = [tx.invitation_requests(gent).await.unwrap()[0].id, tx.invitation_requests(kortrijk).await.unwrap()[0].id];
    let bundle = |list: Vec<seinhuis::domain::SignalSummary>, title: &str| {
        list.into_iter().find_map(|s| s.bundle.filter(|b| b.title.contains(title)).map(|b| b.id.0)).unwrap()
    };
    let bundles = [
        bundle(tx.signal_summaries(gent).await.unwrap(), "Nieuwkomers"),
        bundle(tx.signal_summaries(kortrijk).await.unwrap(), "budgetbeheer"),
    ];
    let org = |list: Vec<seinhuis::domain::Organisation>| list.into_iter().next().unwrap();
    let orgs = [org(tx.organisations(gent).await.unwrap()), org(tx.organisations(kortrijk).await.unwrap())];
    drop(tx);
    let people = [app.person_id("hanne.vermeulen@gent.example").await.0, app.person_id("filip.deprez@kortrijk.example").await.0];

    for (i, expect) in [(0, 200), (1, 404)] {
        let t = ("tenant", "gent".to_string());
        let cases: Vec<(&str, Vec<(&str, String)>)> = vec![
            ("uitnodiging-opnieuw", vec![t.clone(), ("id", invitations[i].to_string())]),
            ("uitnodiging-intrekken", vec![t.clone(), ("id", invitations[i].to_string())]),
            ("uitnodigingsvraag-afhandelen", vec![t.clone(), ("id", requests[i].to_string())]),
            ("rollen-wijzigen", vec![t.clone(), ("person", people[i].to_string()), ("roles[0]", "mandataris".into())]),
            ("persoon-activeren", vec![t.clone(), ("person", people[i].to_string()), ("active", "true".into())]),
            (
                "organisatie-opslaan",
                vec![t.clone(), ("id", orgs[i].id.to_string()), ("name", orgs[i].name.clone()), ("kind", orgs[i].kind.clone())],
            ),
        ];
        for (endpoint, args) in &cases {
            let (status, body) = call(app, client(Who::Coordinator), endpoint, args).await;
            assert_eq!(status, expect, "{endpoint} on a record of {} as Gent's coordinator: {body}", ["Gent", "Kortrijk"][i]);
            // Nobody else in Gent may touch them at all.
            for (who, c) in clients.iter().filter(|(w, _)| *w != Who::Coordinator) {
                let (status, body) = call(app, c, endpoint, args).await;
                assert_eq!(status, refused(*who, &[]).unwrap(), "{endpoint} as {who:?}: {body}");
            }
        }
    }

    // A bundle: Gent's "huurmarkt" holds a diversiteit (its lead domain), a
    // migratie and a wonen signal. Changes are sent with a version nobody saw
    // (0), so whoever may make them hears "changed meanwhile" (409) and
    // nothing changes; who may not hears 403 or 404.
    for (who, c) in clients {
        for (i, bundle) in bundles.iter().enumerate() {
            let t = ("tenant", "gent".to_string());
            let b = ("bundle", bundle.to_string());
            let id = ("id", bundle.to_string());
            let v = ("version", "0".to_string());
            let read = call(app, c, "bundel", &[t.clone(), id]).await;
            let want = refused(*who, BUNDLE_READERS).unwrap_or(match (who, i) {
                (_, 1) => 404,
                // Joris works its wonen signal, the regisseur reads it.
                (Who::Coordinator | Who::Mixed | Who::Regisseur, _) => 200,
                _ => 404,
            });
            assert_eq!(read.0, want, "bundel {} as {who:?}: {}", ["Gent", "Kortrijk"][i], read.1);
            // Its page answers the same, rendered on the server.
            let (status, _) = app.get(c, &format!("/gent/bundels/{bundle}")).await;
            assert_eq!(status, want, "/gent/bundels/{bundle} as {who:?}");
            let cases: Vec<(&str, Vec<(&str, String)>)> = vec![
                ("bundel-bewerken", vec![t.clone(), b.clone(), v.clone(), ("title", "Nieuwe titel".into())]),
                ("bundel-signaal-toevoegen", vec![t.clone(), b.clone(), v.clone(), ("signal", "1".into())]),
                ("bundel-signaal-eruit", vec![t.clone(), b.clone(), v.clone(), ("signal", "1".into())]),
                ("bundels-samenvoegen", vec![t.clone(), b.clone(), v.clone(), ("other", bundle.to_string())]),
                ("bundel-verplaatsen", vec![t.clone(), b.clone(), v.clone(), ("to", "scheduled".into())]),
            ];
            for (endpoint, args) in &cases {
                let (status, body) = call(app, c, endpoint, args).await;
                let want = refused(*who, PROCESSORS).unwrap_or(match (who, i) {
                    (_, 1) => 404,
                    (Who::Coordinator, _) => 409,
                    // Joris sees it through its wonen signal but does not lead it.
                    (Who::Mixed, _) => 403,
                    _ => 404,
                });
                assert_eq!(status, want, "{endpoint} {} as {who:?}: {body}", ["Gent", "Kortrijk"][i]);
            }
        }
    }
}
