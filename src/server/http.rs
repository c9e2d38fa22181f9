//! The HTTP server: pages, server functions, static files, health, sessions
//! and request logging.

use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::get;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use tracing::Level;

use super::state::AppState;
use crate::app::{App, shell};

/// Largest request body we accept: forms and JSON, never uploads.
const BODY_LIMIT_BYTES: usize = 256 * 1024;
/// A request that takes longer than this is cut off (408).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let idle = state.config.sessions.idle_minutes;
    let sessions = SessionManagerLayer::new(state.store.sessions())
        .with_name("seinhuis_sessie")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.config.https)
        // Saved when changed: `auth::current_caller` touches a session in
        // use once a minute, so its idle time counts from the last request.
        .with_expiry(Expiry::OnInactivity(tower_sessions::cookie::time::Duration::minutes(idle)));
    let options = state.leptos_options.clone();
    // The icon needs its own route: `/{tenant}` would take it for a tenant.
    let site = std::path::Path::new(options.site_root.as_ref()).to_path_buf();
    let icon = ServeFile::new(site.join("favicon.svg"));
    // WASM, JS and CSS: a release build leaves .br and .gz files beside them,
    // compressed once at the best level (smaller than compressing per request).
    let bundles = ServeDir::new(site.join("pkg")).precompressed_br().precompressed_gzip();
    Router::new()
        .route("/health", get(health))
        .route(super::live::ROUTE, get(super::live::board_stream))
        .route(super::live::AGENDA_ROUTE, get(super::live::agenda_stream))
        .route(super::documents::DOSSIER_PDF, get(super::documents::dossier_pdf))
        .route(super::documents::MINUTES_PDF, get(super::documents::minutes_pdf))
        .route(super::reports::TABLES_XLSX, get(super::reports::tables_xlsx))
        .route(super::reports::TABLE_CSV, get(super::reports::table_csv))
        .route(super::reports::SIGNALS_XLSX, get(super::reports::signals_xlsx))
        .route(super::reports::SIGNALS_CSV, get(super::reports::signals_csv))
        .route(super::reports::PUBLICATION_PDF, get(super::reports::publication_pdf))
        .route(super::reports::PUBLICATION_XLSX, get(super::reports::publication_xlsx))
        .route(super::reports::PUBLIC_PUBLICATION_PDF, get(super::reports::public_publication_pdf))
        .route_service("/favicon.svg", icon)
        .nest_service("/pkg", bundles)
        // Each request (a page, or a server function called over HTTP) gets its own caller cache.
        .leptos_routes_with_context(
            &state,
            routes,
            || leptos::prelude::provide_context(super::auth::CallerCache::default()),
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            {
                // The not-found page renders the header, which asks who is logged in.
                let state = state.clone();
                move || {
                    leptos::prelude::provide_context(state.clone());
                    leptos::prelude::provide_context(super::auth::CallerCache::default());
                }
            },
            shell,
        ))
        .layer(sessions)
        .layer(middleware::from_fn(super::security::same_origin_writes))
        .layer(middleware::from_fn_with_state(state.clone(), super::security::security_headers))
        // Brotli (or gzip) for pages, and bundles without a compressed copy: phones on slow networks.
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &axum::http::Request<axum::body::Body>| {
                    let uri = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
                    tracing::info_span!("request", method = %request.method(), uri = %masked_uri(uri))
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

/// Path segments that come right before a token: `/uitnodiging/{token}`,
/// `/{tenant}/signaleren/bevestigen/{token}`, `/{tenant}/volgen/{token}`.
const BEFORE_TOKEN: [&str; 3] = ["uitnodiging", "bevestigen", "volgen"];
/// Query parameters whose value is a secret (`/wachtwoord-vergeten?sleutel=`).
const SECRET_PARAMETERS: [&str; 3] = ["sleutel", "token", "password"];
/// Query parameters that carry a path of the site (after log-in: `volgende`).
const PATH_PARAMETERS: [&str; 2] = ["volgende", "next"];
const MASK: &str = "…";

/// A request's path and query as the log keeps them: tokens of links and
/// secret query values become `…`. Anything that merely looks like a token
/// (a long run of letters and digits) is masked too.
pub fn masked_uri(uri: &str) -> String {
    let (path, query) = match uri.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (uri, None),
    };
    let mut segments: Vec<String> = Vec::new();
    let mut after_marker = false;
    for segment in path.split('/') {
        let marker = BEFORE_TOKEN.contains(&percent_decode(segment).to_lowercase().as_str());
        segments.push(if (after_marker && !segment.is_empty()) || looks_like_token(segment) { MASK.into() } else { segment.into() });
        after_marker = marker;
    }
    let mut masked = segments.join("/");
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                let plain = percent_decode(name).to_lowercase();
                let value = if SECRET_PARAMETERS.contains(&plain.as_str()) && !value.is_empty() {
                    MASK.to_string()
                } else if PATH_PARAMETERS.contains(&plain.as_str()) {
                    let decoded = percent_decode(value);
                    let inner = masked_uri(&decoded);
                    if inner == decoded { value.to_string() } else { inner }
                } else if looks_like_token(value) {
                    MASK.to_string()
                } else {
                    value.to_string()
                };
                if pair.contains('=') { format!("{name}={value}") } else { value }
            })
            .collect();
        masked.push('?');
        masked.push_str(&pairs.join("&"));
    }
    masked
}

/// Twenty or more letters, digits, `-` or `_` with at least one digit: the
/// shape of a token, never of a word or a slug.
fn looks_like_token(text: &str) -> bool {
    let text = percent_decode(text);
    text.chars().count() >= 20
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && text.chars().any(|c| c.is_ascii_digit())
}

/// `%2F` → `/`, `+` → space; invalid escapes stay as they are.
fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(&text.replace('+', " ")).decode_utf8_lossy().into_owned()
}

/// 200 when the database answers, 503 when it does not.
async fn health(State(state): State<AppState>) -> impl IntoResponse {
    match tokio::time::timeout(Duration::from_secs(2), state.store.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ok"),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database timeout"),
    }
}

/// Serve until Ctrl-C or SIGTERM.
pub async fn serve(state: AppState) -> anyhow::Result<()> {
    let addr = state.leptos_options.site_addr;
    super::mail::spawn_sender(state.store.clone(), state.config.mail.clone(), state.config.link_key.clone());
    // Forget what is no longer needed: unconfirmed citizens' reports with their
    // address, old client addresses in the audit log, and the live boards'
    // old changes. Remind processors of signals waiting for screening past
    // their tenant's deadline, and leads of action lines past their due date.
    // Keep the query planner's statistics current. Hourly, from the start.
    let (store, limits, public_url) = (state.store.clone(), state.config.limits.clone(), state.config.public_url.clone());
    tokio::spawn(async move {
        let mut hourly = tokio::time::interval(Duration::from_secs(3600));
        loop {
            hourly.tick().await;
            let now = chrono::Utc::now();
            match crate::usecases::citizen::forget_unconfirmed(store.as_ref(), limits.citizen_confirm_hours, now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reports = n, "deleted unconfirmed citizens' reports"),
                Err(e) => tracing::warn!(error = %e.message(), "deleting unconfirmed citizens' reports failed"),
            }
            match crate::usecases::accounts::blank_old_addresses(store.as_ref(), limits.audit_address_days, now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(entries = n, "blanked old client addresses in the audit log"),
                Err(e) => tracing::warn!(error = %e.message(), "blanking old client addresses failed"),
            }
            match crate::server::live::forget_old_changes(store.as_ref(), now).await {
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e.message(), "forgetting the live boards' old changes failed"),
            }
            match crate::usecases::reminders::send_screening_reminders(store.as_ref(), &public_url, now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(mails = n, "queued screening reminders"),
                Err(e) => tracing::warn!(error = %e.message(), "queueing screening reminders failed"),
            }
            if let Err(e) = store.optimize().await {
                tracing::warn!(error = %e, "updating the query planner's statistics failed");
            }
            match crate::usecases::campaigns::remind_overdue_leads(store.as_ref(), &public_url, now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(mails = n, "queued reminders of overdue action lines"),
                Err(e) => tracing::warn!(error = %e.message(), "queueing reminders of overdue action lines failed"),
            }
        }
    });
    // Rate-limit keys whose bucket is empty again, every five minutes.
    let rate_limits = state.limits.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(300)).await;
            if let Err(e) = rate_limits.forget_old(chrono::Utc::now()).await {
                tracing::warn!(error = %e, "forgetting old rate-limit keys failed");
            }
        }
    });
    // Count the signals changed since the dashboard's tallies were last
    // brought up to date (readers correct for them meanwhile), every 30 s.
    let store = state.store.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(30));
        loop {
            every.tick().await;
            if let Err(e) = crate::usecases::reports::tallies::catch_up(store.as_ref()).await {
                tracing::warn!(error = %e.message(), "counting changed signals for the dashboard failed");
            }
        }
    });
    // Signals made before search existed get their stems.
    let store = state.store.clone();
    tokio::spawn(async move {
        match crate::usecases::search::backfill(store.as_ref()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(signals = n, "indexed signals for search"),
            Err(e) => tracing::warn!(error = %e.message(), "indexing signals for search failed"),
        }
    });
    // Build the similarity indexes now, not on the first keystroke.
    let (store, similarity) = (state.store.clone(), state.similarity.clone());
    tokio::spawn(async move {
        let tenants = match store.read().await {
            Ok(mut tx) => tx.tenants().await.unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        for tenant in tenants {
            if let Err(e) = crate::usecases::intake::top_up(store.as_ref(), &similarity, tenant.id).await {
                tracing::warn!(error = %e.message(), "building the similarity index failed");
            }
        }
    });
    let expired = state.store.sessions();
    tokio::spawn(async move {
        use tower_sessions::ExpiredDeletion;
        if let Err(e) = expired.continuously_delete_expired(Duration::from_secs(600)).await {
            tracing::warn!(error = %e, "stopped deleting expired sessions");
        }
    });
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("Seinhuis luistert op http://{addr}");
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

#[cfg(test)]
mod tests {
    use super::masked_uri;

    const TOKEN: &str = "3f9a0c2e7b1d4a5f8e6c9b0a1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e";

    #[test]
    fn every_secret_route_is_masked() {
        for (uri, masked) in [
            (format!("/uitnodiging/{TOKEN}"), "/uitnodiging/…".to_string()),
            (format!("/gent/signaleren/bevestigen/{TOKEN}"), "/gent/signaleren/bevestigen/…".into()),
            (format!("/kortrijk/volgen/{TOKEN}"), "/kortrijk/volgen/…".into()),
            (format!("/wachtwoord-vergeten?sleutel={TOKEN}"), "/wachtwoord-vergeten?sleutel=…".into()),
            (format!("/wachtwoord-vergeten?x=1&sleutel={TOKEN}&y=2"), "/wachtwoord-vergeten?x=1&sleutel=…&y=2".into()),
            (format!("/aanmelden?volgende=/uitnodiging/{TOKEN}"), "/aanmelden?volgende=/uitnodiging/…".into()),
            (format!("/aanmelden?volgende=%2Fuitnodiging%2F{TOKEN}"), "/aanmelden?volgende=/uitnodiging/…".into()),
            // Short or odd tokens after a marker, encoded markers, and anything token-shaped.
            ("/uitnodiging/abc".into(), "/uitnodiging/…".into()),
            (format!("/%75itnodiging/{TOKEN}"), "/%75itnodiging/…".into()),
            (format!("/iets/{TOKEN}/verder"), "/iets/…/verder".into()),
            (format!("/pagina?code={TOKEN}"), "/pagina?code=…".into()),
            ("/aanmelden?password=geheim".into(), "/aanmelden?password=…".into()),
        ] {
            assert_eq!(masked_uri(&uri), masked, "{uri}");
            assert!(!masked_uri(&uri).contains(TOKEN));
        }
    }

    #[test]
    fn ordinary_addresses_stay_readable() {
        for uri in [
            "/",
            "/gent/bord",
            "/gent/signalen/12",
            "/gent/signaleren/verstuurd/3",
            "/wachtwoord-vergeten",
            "/aanmelden?volgende=/gent/beheer/mensen",
            "/aanmelden?volgende=%2Fgent%2Fbord",
            "/aanmelden?afgemeld=1",
            "/api/uitnodiging-aanvaarden",
            "/pkg/seinhuis_bg.wasm",
            "/uitnodiging/",
        ] {
            assert_eq!(masked_uri(uri), uri);
        }
    }
}
