//! Server-only plumbing: configuration, state, HTTP, and who is calling.

pub mod auth;
pub mod config;
pub mod http;
pub mod limits;
pub mod mail;
pub mod passwords;
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
            Ok(_) => crate::api::feedback::Feedback::done(),
            Err(AppError::Form(_)) => None, // the form shows its own errors
            Err(error) => Some(crate::api::feedback::Feedback { ok: false, message: error.message() }),
        };
        if let Some(feedback) = feedback {
            auth::set_feedback(feedback).await?;
        }
    }
    if let Err(error) = &result {
        if !is_plain_form_post() {
            if let (Some(response), Ok(status)) = (
                leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
                ::http::StatusCode::from_u16(error.status()),
            ) {
                response.set_status(status);
            }
        }
    }
    result
}

/// Was this request a plain HTML form post (no JavaScript)? Then the browser
/// expects a page or a redirect, not JSON.
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<::http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(::http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}
