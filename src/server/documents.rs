//! Documents for download: a meeting's dossier and minutes as PDF. Each is
//! compiled by the same use case as its page (anonymous by construction) and
//! laid out by typst in a blocking thread, so requests keep being served.
//! A `?klaar=…` token comes back as a cookie when the file is ready, so the
//! page can say "being made" until then.

use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::auth::route_caller;
use super::state::AppState;
use crate::documents::{Template, render};
use crate::domain::MeetingId;
use crate::error::AppError;

pub const DOSSIER_PDF: &str = "/{tenant}/overleg/{id}/dossier.pdf";
pub const MINUTES_PDF: &str = "/{tenant}/overleg/{id}/verslag.pdf";
/// The cookie that says a download is ready (carries the page's own token, no secret).
pub const READY_COOKIE: &str = "seinhuis-pdf-klaar";

#[derive(serde::Deserialize, Default)]
pub struct Ready {
    klaar: Option<String>,
}

/// `GET /{tenant}/overleg/{id}/dossier.pdf`: for whoever may read the dossier page.
pub async fn dossier_pdf(
    State(state): State<AppState>,
    Path((tenant, id)): Path<(String, i64)>,
    Query(ready): Query<Ready>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let pdf = async {
        let caller = route_caller(&state, parts, DOSSIER_PDF, &tenant).await?;
        let dossier = crate::usecases::forum::dossier::compile(state.store.as_ref(), &caller, MeetingId(id), chrono::Utc::now()).await?;
        typeset(Template::Dossier, dossier).await
    };
    answer(pdf.await, "dossier.pdf", PDF, ready)
}

/// `GET /{tenant}/overleg/{id}/verslag.pdf`: the minutes, for whoever may read the dossier.
pub async fn minutes_pdf(
    State(state): State<AppState>,
    Path((tenant, id)): Path<(String, i64)>,
    Query(ready): Query<Ready>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let pdf = async {
        let caller = route_caller(&state, parts, MINUTES_PDF, &tenant).await?;
        let minutes = crate::usecases::forum::dossier::minutes(state.store.as_ref(), &caller, MeetingId(id), chrono::Utc::now()).await?;
        typeset(Template::Minutes, minutes).await
    };
    answer(pdf.await, "verslag.pdf", PDF, ready)
}

pub(super) async fn typeset<T: serde::Serialize + Send + 'static>(template: Template, data: T) -> Result<Vec<u8>, AppError> {
    tokio::task::spawn_blocking(move || render(template, &data)).await.map_err(AppError::internal)?.map_err(AppError::internal)
}

pub(super) const PDF: &str = "application/pdf";

/// A file for download, or the error's status and Dutch message.
pub(super) fn answer(file: Result<Vec<u8>, AppError>, name: &'static str, content_type: &'static str, ready: Ready) -> Response {
    match file {
        Ok(file) => {
            let mut response = file.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            if let Ok(disposition) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                headers.insert(header::CONTENT_DISPOSITION, disposition);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            // Only a short token of letters and digits comes back.
            if let Some(token) = ready.klaar.filter(|t| !t.is_empty() && t.len() <= 32 && t.chars().all(|c| c.is_ascii_alphanumeric()))
                && let Ok(cookie) = HeaderValue::from_str(&format!("{READY_COOKIE}={token}; Path=/; Max-Age=60; SameSite=Strict"))
            {
                headers.insert(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, error.message()).into_response()
        }
    }
}
