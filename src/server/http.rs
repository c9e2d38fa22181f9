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
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
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
        .with_expiry(Expiry::OnInactivity(tower_sessions::cookie::time::Duration::minutes(idle)))
        // Saved on every request, so the idle timeout counts from the last
        // request, not from the last change to the session (log-in).
        .with_always_save(true);
    let options = state.leptos_options.clone();
    // The icon needs its own route: `/{tenant}` would take it for a tenant.
    let site = std::path::Path::new(options.site_root.as_ref()).to_path_buf();
    let icon = ServeFile::new(site.join("favicon.svg"));
    // WASM, JS and CSS: a release build leaves .br and .gz files beside them,
    // compressed once at the best level (smaller than compressing per request).
    let bundles = ServeDir::new(site.join("pkg")).precompressed_br().precompressed_gzip();
    Router::new()
        .route("/health", get(health))
        .route_service("/favicon.svg", icon)
        .nest_service("/pkg", bundles)
        .leptos_routes_with_context(&state, routes, || {}, move || shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            {
                // The not-found page renders the header, which asks who is logged in.
                let state = state.clone();
                move || leptos::prelude::provide_context(state.clone())
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
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
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
    super::mail::spawn_sender(state.store.clone(), state.config.mail.clone());
    // Rate-limit windows that no longer count, every five minutes.
    let rate_limits = state.limits.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(300)).await;
            if let Err(e) = rate_limits.forget_old(chrono::Utc::now()).await {
                tracing::warn!(error = %e, "forgetting old rate-limit windows failed");
            }
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
