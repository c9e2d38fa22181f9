//! Report downloads: the dashboard's tables (XLSX, CSV per table), the
//! signals a member may read (anonymised), and signalenbundels (PDF, XLSX).
//! Each is made by the same use case as its page, so it holds the same
//! figures and the same protections.

use axum::extract::{Path, Query, Request, State};
use axum::response::Response;

use super::auth::route_caller;
use super::documents::{PDF, Ready, answer, typeset};
use super::state::AppState;
use crate::documents::Template;
use crate::domain::reports::ReportFilter;
use crate::error::AppError;
use crate::exports;

pub const TABLES_XLSX: &str = "/{tenant}/rapporten/tabellen.xlsx";
pub const TABLE_CSV: &str = "/{tenant}/rapporten/tabel.csv";
pub const SIGNALS_XLSX: &str = "/{tenant}/rapporten/signalen.xlsx";
pub const SIGNALS_CSV: &str = "/{tenant}/rapporten/signalen.csv";
pub const PUBLICATION_PDF: &str = "/{tenant}/signalenbundels/{id}/signalenbundel.pdf";
pub const PUBLICATION_XLSX: &str = "/{tenant}/signalenbundels/{id}/signalenbundel.xlsx";
pub const PUBLIC_PUBLICATION_PDF: &str = "/{tenant}/publiek/signalenbundels/{id}/signalenbundel.pdf";

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv; charset=utf-8";

/// The dashboard's filter as the page's URL carries it, plus the table.
#[derive(serde::Deserialize, Default)]
pub struct ReportQuery {
    periode: Option<String>,
    van: Option<String>,
    tot: Option<String>,
    domein: Option<String>,
    tabel: Option<String>,
}

impl ReportQuery {
    fn filter(&self) -> ReportFilter {
        ReportFilter::parse(self.periode.as_deref(), self.van.as_deref(), self.tot.as_deref(), self.domein.as_deref())
    }
}

async fn dashboard(
    state: &AppState,
    request: Request,
    route: &str,
    tenant: &str,
    query: &ReportQuery,
) -> Result<crate::domain::reports::DashboardPage, AppError> {
    let (parts, _) = request.into_parts();
    let caller = route_caller(state, parts, route, tenant).await?;
    crate::usecases::reports::dashboard::page(state.store.as_ref(), &caller, query.filter(), chrono::Utc::now()).await
}

/// `GET /{tenant}/rapporten/tabellen.xlsx?…`: every table of the dashboard, one sheet each.
pub async fn tables_xlsx(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
    Query(query): Query<ReportQuery>,
    request: Request,
) -> Response {
    let file = async {
        let page = dashboard(&state, request, TABLES_XLSX, &tenant, &query).await?;
        let d = &page.dashboard;
        let title = format!("Signalen {}, {} ({}): {} ontvangen", tenant, d.period.label(), d.scope, d.received.text());
        exports::tables_xlsx(&title, &d.tables.iter().collect::<Vec<_>>()).map_err(AppError::internal)
    };
    answer(file.await, "rapport.xlsx", XLSX, Ready::default())
}

/// `GET /{tenant}/rapporten/tabel.csv?tabel=fase&…`: one table for Flemish
/// Excel (without `tabel`, the first: signals per phase).
pub async fn table_csv(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
    Query(query): Query<ReportQuery>,
    request: Request,
) -> Response {
    let file = async {
        let page = dashboard(&state, request, TABLE_CSV, &tenant, &query).await?;
        let table = match query.tabel.as_deref() {
            Some(key) => page.dashboard.table(key).ok_or(AppError::NotFound)?,
            None => page.dashboard.tables.first().ok_or(AppError::NotFound)?,
        };
        Ok(exports::table_csv(table))
    };
    answer(file.await, "tabel.csv", CSV, Ready::default())
}

async fn lines(state: &AppState, request: Request, route: &str, tenant: &str) -> Result<Vec<crate::domain::reports::SignalLine>, AppError> {
    let (parts, _) = request.into_parts();
    let caller = route_caller(state, parts, route, tenant).await?;
    crate::usecases::reports::dashboard::signal_lines(state.store.as_ref(), &caller).await
}

/// `GET /{tenant}/rapporten/signalen.xlsx`: the signals this member may read.
pub async fn signals_xlsx(State(state): State<AppState>, Path(tenant): Path<String>, request: Request) -> Response {
    let file = async { exports::signals_xlsx(&lines(&state, request, SIGNALS_XLSX, &tenant).await?).map_err(AppError::internal) };
    answer(file.await, "signalen.xlsx", XLSX, Ready::default())
}

/// `GET /{tenant}/rapporten/signalen.csv`: the same, for Flemish Excel.
pub async fn signals_csv(State(state): State<AppState>, Path(tenant): Path<String>, request: Request) -> Response {
    let file = async { Ok(exports::signals_csv(&lines(&state, request, SIGNALS_CSV, &tenant).await?)) };
    answer(file.await, "signalen.csv", CSV, Ready::default())
}

async fn publication(
    state: &AppState,
    request: Request,
    route: &str,
    tenant: &str,
    id: i64,
) -> Result<crate::domain::reports::publication::PublicationDoc, AppError> {
    let (parts, _) = request.into_parts();
    let caller = route_caller(state, parts, route, tenant).await?;
    crate::usecases::reports::publications::readable(state.store.as_ref(), &caller, id, chrono::Utc::now()).await
}

/// `GET /{tenant}/signalenbundels/{id}/signalenbundel.pdf`: a draft or a published one, for its readers.
pub async fn publication_pdf(
    State(state): State<AppState>,
    Path((tenant, id)): Path<(String, i64)>,
    Query(ready): Query<Ready>,
    request: Request,
) -> Response {
    let file = async { typeset(Template::Publication, publication(&state, request, PUBLICATION_PDF, &tenant, id).await?).await };
    answer(file.await, "signalenbundel.pdf", PDF, ready)
}

/// `GET /{tenant}/signalenbundels/{id}/signalenbundel.xlsx`.
pub async fn publication_xlsx(State(state): State<AppState>, Path((tenant, id)): Path<(String, i64)>, request: Request) -> Response {
    let file = async {
        exports::publication_xlsx(&publication(&state, request, PUBLICATION_XLSX, &tenant, id).await?).map_err(AppError::internal)
    };
    answer(file.await, "signalenbundel.xlsx", XLSX, Ready::default())
}

/// `GET /{tenant}/publiek/signalenbundels/{id}/signalenbundel.pdf`: a published one, for anyone.
pub async fn public_publication_pdf(
    State(state): State<AppState>,
    Path((tenant, id)): Path<(String, i64)>,
    Query(ready): Query<Ready>,
) -> Response {
    let file = async {
        let tenant = state.store.read_one().await?.tenant_by_slug(&tenant).await?.ok_or(AppError::NotFound)?;
        let doc = crate::usecases::reports::publications::published(state.store.as_ref(), &tenant, id).await?;
        typeset(Template::Publication, doc).await
    };
    answer(file.await, "signalenbundel.pdf", PDF, ready)
}
