//! Server-only plumbing: configuration, state, HTTP, and who is calling.

pub mod auth;
pub mod config;
pub mod documents;
pub mod http;
pub mod limits;
pub mod live;
pub mod mail;
pub mod passwords;
pub mod proxy;
pub mod reports;
pub mod security;
pub mod state;

pub use state::{AppState, app_state};

use crate::error::AppError;

/// Run a server function's body and, when it fails, answer with the HTTP
/// status that fits (403, 409, …) instead of a blanket 500. Plain HTML form
/// posts keep leptos' redirect back to the form.
pub async fn answer<T>(body: impl Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if is_plain_form_post() {
        // The browser is sent back to the form's page: tell it there what happened.
        let feedback = match &result {
            // A function that sends the browser elsewhere (log-in) says nothing generic.
            Ok(_) if redirects_elsewhere() => None,
            Ok(_) => crate::api::feedback::Feedback::done(),
            Err(AppError::Form(_)) => None, // the form shows its own errors
            Err(error) => Some(crate::api::feedback::Feedback { ok: false, message: error.message() }),
        };
        if let Some(feedback) = feedback {
            auth::set_feedback(feedback).await?;
        }
    }
    if let Err(error) = &result {
        // Called over HTTP, the status tells the caller; while a page renders,
        // the page decides (it may recover, e.g. the citizens' form).
        if !is_plain_form_post()
            && called_over_http()
            && let (Some(response), Ok(status)) =
                (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), ::http::StatusCode::from_u16(error.status()))
        {
            response.set_status(status);
        }
    }
    result
}

/// Is this request a call of the server function itself (not a page render)?
fn called_over_http() -> bool {
    leptos::prelude::use_context::<::http::request::Parts>().is_some_and(|parts| parts.uri.path().starts_with("/api/"))
}

/// Did the function already choose where the browser goes next?
fn redirects_elsewhere() -> bool {
    leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        .is_some_and(|r| r.0.read().map(|parts| parts.headers.contains_key(::http::header::LOCATION)).unwrap_or(false))
}

/// Was this request a plain HTML form post (no JavaScript)? Then the browser
/// expects a page or a redirect, not JSON.
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<::http::request::Parts>().is_some_and(|parts| {
        // Server functions also run while a page renders (a GET): not a form post.
        parts.method == ::http::Method::POST
            && parts.headers.get(::http::header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
    })
}
