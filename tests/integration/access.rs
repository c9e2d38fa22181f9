//! The authorisation matrix: every server function × every role × own and
//! other tenant, over HTTP, on SQLite and PostgreSQL. The expected answer
//! comes from the one access table (`domain::access`); a server function
//! without an entry there, or without sample arguments here, fails the test.

use crate::common::{Backend, TestApp, new_client, spawn_app};
use seinhuis::domain::Role;
use seinhuis::domain::access::{Audience, SERVER_FUNCTIONS, audience};

on_both_backends!(every_server_function_authorises_every_caller);

/// Demo accounts of Gent, one per role, and the platform beheerder.
const PEOPLE: &[(Option<Role>, &str)] = &[
    (Some(Role::Signaalgever), "sofie.mertens@deschakel.example"),
    (Some(Role::Signaalverwerker), "bram.verhaeghe@gent.example"),
    (Some(Role::Hoofdsignaalverwerker), "ines.claeys@gent.example"),
    (Some(Role::Regisseur), "pieterjan.goossens@gent.example"),
    (Some(Role::Mandataris), "hanne.vermeulen@gent.example"),
    (Some(Role::PlatformBeheerder), "dries.wuyts@seinhuis.example"),
];

/// Arguments that get each function past decoding without changing much.
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
        "signaleren" | "bord" | "beheer-mensen" | "beheer-organisaties" | "beheer-instellingen" | "auditlog" | "uitgaande-mail" => vec![t],
        "signaal-indienen" => vec![t, s("title", ""), s("description", "")],
        "vergelijkbare-signalen" | "beleidsdomein-voorstel" => vec![t, s("text", "wachtlijst budgetbeheer")],
        "ik-zie-dit-ook" => vec![t, s("signal", "999999")],
        "mijn-signalen" | "burgerformulier" | "meldingen-instellen" => vec![t],
        "signaal-aanvullen" => vec![t, s("signal", "999999"), s("text", "aanvulling")],
        "signaal-intrekken" => vec![t, s("signal", "999999")],
        "burgermelding" => vec![t, s("email", "geen-adres"), s("title", ""), s("description", "")],
        "burgermelding-bevestigen" | "burgermelding-volgen" => vec![s("token", "0")],
        "signaal-verplaatsen" => vec![t, s("signal", "999999"), s("version", "1"), s("to", "in_screening")],
        "bundel-verplaatsen" => vec![t, s("bundle", "999999"), s("to", "analysed")],
        "signaal" => vec![t, s("id", "999999")],
        "uitnodiging-vragen" => vec![t, s("email", "geen-adres"), s("name", "")],
        "uitnodigen" => vec![t, s("email", "geen-adres"), s("name", "x"), s("role", "signaalgever")],
        "uitnodiging-opnieuw" | "uitnodiging-intrekken" | "uitnodigingsvraag-afhandelen" => vec![t, s("id", "999999")],
        "rollen-wijzigen" => vec![t, s("person", "999999")],
        "persoon-activeren" => vec![t, s("person", "999999"), s("active", "true")],
        "organisatie-opslaan" => vec![t, s("name", ""), s("kind", "vzw")],
        "instellingen-opslaan" => vec![t, s("name", "")],
        "gemeente-aanmaken" => {
            vec![s("slug", ""), s("name", ""), s("kind", "gemeente"), s("coordinator_email", ""), s("coordinator_name", "")]
        }
        other => panic!("add sample arguments for the new server function `{other}` to tests/access.rs"),
    }
}

async fn call(app: &TestApp, client: &reqwest::Client, endpoint: &str, args: &[(&'static str, String)]) -> (u16, String) {
    let form: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call(client, endpoint, &form).await
}

fn expected_allowed(audience: Audience, role: Option<Role>, own_tenant: bool) -> bool {
    match audience {
        Audience::Public => true,
        Audience::Platform => role == Some(Role::PlatformBeheerder),
        Audience::Tenant(roles) => own_tenant && role.is_some_and(|r| roles.contains(&r)),
    }
}

async fn every_server_function_authorises_every_caller(backend: Backend) {
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
    for (role, email) in PEOPLE {
        callers.push((*role, app.logged_in(email).await));
    }
    let mut checked = 0;
    for (endpoint, audience) in SERVER_FUNCTIONS {
        let tenants: &[(&str, bool)] = match audience {
            Audience::Tenant(_) => &[("gent", true), ("kortrijk", false)],
            _ => &[("gent", true)],
        };
        for (role, client) in &callers {
            for (tenant, own) in tenants {
                // Logging out would spoil the shared session: use a fresh one.
                let fresh;
                let client = if *endpoint == "afmelden" && role.is_some() {
                    let email = PEOPLE.iter().find(|(r, _)| r == role).unwrap().1;
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
                checked += 1;
            }
        }
    }
    assert!(checked >= SERVER_FUNCTIONS.len() * callers.len());
}
