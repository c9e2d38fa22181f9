//! Documents for download: a meeting's dossier as PDF. The dossier is
//! compiled by the same use case as its page (anonymous by construction) and
//! laid out by typst in a blocking thread, so requests keep being served.

use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::auth::route_caller;
use super::state::AppState;
use crate::documents::{Template, render};
use crate::domain::MeetingId;
use crate::error::AppError;

pub const DOSSIER_PDF: &str = "/{tenant}/overleg/{id}/dossier.pdf";

/// `GET /{tenant}/overleg/{id}/dossier.pdf`: for whoever may read the dossier page.
pub async fn dossier_pdf(State(state): State<AppState>, Path((tenant, id)): Path<(String, i64)>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    match dossier(&state, parts, &tenant, MeetingId(id)).await {
        Ok(pdf) => {
            let mut response = pdf.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
            headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"dossier.pdf\""));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            response
        }
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, error.message()).into_response()
        }
    }
}

async fn dossier(state: &AppState, parts: http::request::Parts, tenant: &str, id: MeetingId) -> Result<Vec<u8>, AppError> {
    let caller = route_caller(state, parts, DOSSIER_PDF, tenant).await?;
    let dossier = crate::usecases::forum::dossier::compile(state.store.as_ref(), &caller, id, chrono::Utc::now()).await?;
    tokio::task::spawn_blocking(move || render(Template::Dossier, &dossier)).await.map_err(AppError::internal)?.map_err(AppError::internal)
}
