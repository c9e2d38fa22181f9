//! The app over HTTP, as a browser uses it: pages, server functions, log-in
//! and health, on SQLite and PostgreSQL.

use crate::common::{Backend, spawn_app};
use seinhuis::api::board::Board;
use seinhuis::domain::Phase;

const COORDINATOR: &str = "ines.claeys@gent.example";
const PROCESSOR: &str = "bram.verhaeghe@gent.example";
const GIVER: &str = "sofie.mertens@deschakel.example";

on_both_backends!(
    health_answers_while_the_database_does,
    pages_render_on_the_server,
    anonymous_callers_must_log_in,
    a_wrong_password_reveals_nothing,
    the_board_shows_what_a_processor_processes,
    a_signaalgever_gets_no_access_to_the_board,
    a_processor_moves_a_signal_through_the_server_function,
    bad_requests_get_a_plain_dutch_answer,
    logging_out_ends_the_session,
    the_intake_page_loads_its_own_precompressed_script,
);

async fn health_answers_while_the_database_does(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, body) = app.get(&app.client, "/health").await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    if backend == Backend::Postgres {
        // Take the database away under the running app.
        use sqlx::Connection;
        let name = app.db.url.rsplit('/').next().unwrap().to_string();
        let mut admin = sqlx::PgConnection::connect(&crate::common::postgres_admin_url()).await.unwrap();
        sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)")).execute(&mut admin).await.unwrap();
        let (status, _) = app.get(&app.client, "/health").await;
        assert_eq!(status, 503);
    }
}

async fn pages_render_on_the_server(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, home) = app.get(&app.client, "/").await;
    assert_eq!(status, 200);
    assert!(home.contains("lang=\"nl-BE\""));
    assert!(home.contains("Stad Gent") && home.contains("Stad Kortrijk"), "{home}");
    let (status, _) = app.get(&app.client, "/bestaat-niet/bord").await;
    assert_eq!(status, 401, "the board asks for a log-in before anything else");
    let client = app.logged_in(COORDINATOR).await;
    let (status, board) = app.get(&client, "/gent/bord").await;
    assert_eq!(status, 200);
    assert!(board.contains("data-phase=\"submitted\"") && board.contains("class=\"card\""));
    let (status, page) = app.get(&client, "/gent/signalen/1").await;
    assert_eq!(status, 200);
    assert!(page.contains("Historiek") && page.contains("Signaal ingediend"), "{page}");
}

async fn anonymous_callers_must_log_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, body) = app.call(&app.client, "bord", &[("tenant", "gent")]).await;
    assert_eq!(status, 401);
    assert!(body.contains("NotLoggedIn"), "{body}");
    let (status, page) = app.get(&app.client, "/gent/bord").await;
    assert_eq!(status, 401);
    assert!(page.contains("Meld je aan"), "{page}");
}

async fn a_wrong_password_reveals_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let known = app.call(&app.client, "aanmelden", &[("email", COORDINATOR), ("password", "fout")]).await;
    let unknown = app.call(&app.client, "aanmelden", &[("email", "niemand@gent.example"), ("password", "fout")]).await;
    assert_eq!(known.0, 422);
    assert_eq!(known, unknown, "same answer whether or not the address exists");
    assert!(known.1.contains("passen niet bij elkaar"), "{}", known.1);
}

async fn the_board_shows_what_a_processor_processes(backend: Backend) {
    let app = spawn_app(backend).await;
    let processor = app.logged_in(PROCESSOR).await;
    let (status, body) = app.call(&processor, "bord", &[("tenant", "gent")]).await;
    assert_eq!(status, 200, "{body}");
    let board: Board = serde_json::from_str(&body).unwrap();
    let domains = ["Welzijn", "Armoedebestrijding", "Gezondheid", "Dak- en thuisloosheid", "Inkomen en schuldhulp"];
    let cards: Vec<_> = board.columns.iter().flat_map(|c| &c.cards).collect();
    assert!(!cards.is_empty());
    for card in &cards {
        let domain = card.signal.policy_domain.as_deref().unwrap_or("");
        assert!(domains.contains(&domain), "{} ({domain}) is not this processor's", card.signal.title);
    }
    let coordinator = app.logged_in(COORDINATOR).await;
    let (_, body) = app.call(&coordinator, "bord", &[("tenant", "gent")]).await;
    let all: Board = serde_json::from_str(&body).unwrap();
    assert!(all.columns.iter().map(|c| c.cards.len()).sum::<usize>() > cards.len(), "the coordinator sees more");
    // Gent's processor has no business in Kortrijk.
    let (status, _) = app.call(&processor, "bord", &[("tenant", "kortrijk")]).await;
    assert_eq!(status, 403);
}

async fn a_signaalgever_gets_no_access_to_the_board(backend: Backend) {
    let app = spawn_app(backend).await;
    let giver = app.logged_in(GIVER).await;
    let (status, body) = app.call(&giver, "bord", &[("tenant", "gent")]).await;
    assert_eq!(status, 403);
    assert!(body.contains("NoAccess"));
    let (status, page) = app.get(&giver, "/gent/bord").await;
    assert_eq!(status, 403);
    assert!(page.contains("Geen toegang"));
}

async fn a_processor_moves_a_signal_through_the_server_function(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.logged_in(COORDINATOR).await;
    let (_, body) = app.call(&client, "bord", &[("tenant", "gent")]).await;
    let board: Board = serde_json::from_str(&body).unwrap();
    let card = &board.columns.iter().find(|c| c.phase == Phase::Submitted).unwrap().cards[0];
    let (id, version) = (card.signal.id.0.to_string(), card.signal.version.to_string());

    let illegal = [("tenant", "gent"), ("signal", id.as_str()), ("version", version.as_str()), ("to", "analysed")];
    let (status, body) = app.call(&client, "signaal-verplaatsen", &illegal).await;
    assert_eq!(status, 409);
    assert!(body.contains("NoSuchMove"), "{body}");

    let legal = [("tenant", "gent"), ("signal", id.as_str()), ("version", version.as_str()), ("to", "in_screening")];
    let (status, body) = app.call(&client, "signaal-verplaatsen", &legal).await;
    assert_eq!(status, 200, "{body}");
    // The same request again is stale: the version moved on, and the answer says what happened.
    let (status, body) = app.call(&client, "signaal-verplaatsen", &legal).await;
    assert_eq!(status, 409);
    assert!(body.contains("Changed") && body.contains("van ingediend naar in screening"), "{body}");

    let (status, page) = app.get(&client, &format!("/gent/signalen/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Van Ingediend naar In screening"), "{page}");
}

async fn bad_requests_get_a_plain_dutch_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.logged_in(COORDINATOR).await;
    let (status, body) =
        app.call(&client, "signaal-verplaatsen", &[("tenant", "gent"), ("signal", "1"), ("version", "1"), ("to", "nergens")]).await;
    assert_eq!(status, 422);
    assert!(body.contains("Kies naar welke fase"), "{body}");
    let (status, body) = app.call(&client, "signaal-verplaatsen", &[("tenant", "gent"), ("signal", "geen-getal")]).await;
    // Arguments that cannot be read never reach our code, so leptos answers 500;
    // the browser still gets the plain message, not the parser's.
    assert!(status >= 400, "{body}");
    assert!(body.contains("onvolledig of ongeldig"), "{body}");
    assert!(!body.to_lowercase().contains("serde") && !body.contains("invalid digit"), "internals leaked: {body}");
}

async fn logging_out_ends_the_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.logged_in(COORDINATOR).await;
    let (status, _) = app.call(&client, "bord", &[("tenant", "gent")]).await;
    assert_eq!(status, 200);
    app.call(&client, "afmelden", &[]).await;
    let (status, _) = app.call(&client, "bord", &[("tenant", "gent")]).await;
    assert_eq!(status, 401);
}

async fn the_intake_page_loads_its_own_precompressed_script(backend: Backend) {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/intake.js"), "export default function init() {}").unwrap();
    std::fs::write(site.path().join("pkg/intake.js.br"), b"compressed once, at build time").unwrap();
    let root = site.path().to_str().unwrap().to_string();
    let app = crate::common::spawn_app_with(backend, move |config| config.leptos.site_root = root.into()).await;

    let fetch = |encoding: &'static str| {
        let request = app.client.get(format!("{}/pkg/intake.js", app.base)).header("Accept-Encoding", encoding).send();
        async move {
            let response = request.await.unwrap();
            let used = response.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_string());
            (response.status().as_u16(), used, response.text().await.unwrap())
        }
    };
    assert_eq!(fetch("br").await, (200, Some("br".into()), "compressed once, at build time".into()));
    assert_eq!(fetch("identity").await, (200, None, "export default function init() {}".into()));

    // The intake form loads the small script; other pages the islands bundle.
    let giver = app.logged_in(GIVER).await;
    let (status, intake) = app.get(&giver, "/gent/signaleren").await;
    assert_eq!(status, 200);
    assert!(intake.contains("/pkg/intake.js") && !intake.contains("/pkg/seinhuis.js"), "{intake}");
    let (_, mine) = app.get(&giver, "/gent/mijn-signalen").await;
    assert!(mine.contains("/pkg/seinhuis.js") && !mine.contains("/pkg/intake.js"));
}
