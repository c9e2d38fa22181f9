//! Storage: one interface, a SQLite and a PostgreSQL implementation.
//!
//! A use case opens one transaction (`Store::write`), calls the repository
//! methods it needs and commits, so every write is all or nothing. The SQL is
//! written once (`sql/`) and compiled for each backend; the backend is chosen
//! from the database URL at start.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::*;

mod postgres;
mod sessions;
mod sqlite;

pub use sessions::SessionBackend;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unexpected value in column {column}: {value}")]
    Corrupt { column: &'static str, value: String },
    #[error("unsupported database URL (use sqlite://… or postgres://…): {0}")]
    UnsupportedUrl(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database behind Seinhuis.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    fn backend(&self) -> Backend;
    /// A transaction for reading.
    async fn read(&self) -> StoreResult<Box<dyn Tx>>;
    /// A transaction for a use case that writes. On SQLite writers take turns.
    async fn write(&self) -> StoreResult<Box<dyn Tx>>;
    /// Is the database reachable?
    async fn ping(&self) -> StoreResult<()>;
    /// Where log-in sessions are kept (the same database).
    fn sessions(&self) -> SessionBackend;
}

/// One open transaction. Dropping it without `commit` rolls it back.
#[async_trait]
pub trait Tx: Tenants + People + Signals + Send {
    async fn commit(self: Box<Self>) -> StoreResult<()>;
}

#[async_trait]
pub trait Tenants {
    async fn tenants(&mut self) -> StoreResult<Vec<Tenant>>;
    async fn tenant_by_slug(&mut self, slug: &str) -> StoreResult<Option<Tenant>>;
    async fn insert_tenant(&mut self, slug: &Slug, name: &str, kind: &str, at: DateTime<Utc>) -> StoreResult<TenantId>;
    async fn policy_domains(&mut self, tenant: TenantId) -> StoreResult<Vec<PolicyDomain>>;
    async fn insert_policy_domain(&mut self, tenant: TenantId, code: &str, name: &str) -> StoreResult<PolicyDomainId>;
    async fn organisations(&mut self, tenant: TenantId) -> StoreResult<Vec<Organisation>>;
    async fn insert_organisation(&mut self, tenant: TenantId, org: &NewOrganisation) -> StoreResult<OrganisationId>;
}

/// A person as the log-in needs them.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub person: Person,
    pub password_hash: Option<String>,
}

#[async_trait]
pub trait People {
    async fn insert_person(&mut self, email: &str, name: &str, password_hash: Option<&str>, platform_admin: bool, at: DateTime<Utc>) -> StoreResult<PersonId>;
    async fn person(&mut self, id: PersonId) -> StoreResult<Option<Person>>;
    async fn credentials(&mut self, email: &str) -> StoreResult<Option<Credentials>>;
    async fn insert_membership(
        &mut self,
        tenant: TenantId,
        person: PersonId,
        organisation: Option<OrganisationId>,
        roles: &[Role],
        policy_domains: &[PolicyDomainId],
    ) -> StoreResult<MembershipId>;
    async fn memberships(&mut self, person: PersonId) -> StoreResult<Vec<Membership>>;
}

#[async_trait]
pub trait Signals {
    async fn insert_signal(&mut self, tenant: TenantId, signal: &NewSignal, at: DateTime<Utc>) -> StoreResult<SignalId>;
    /// Every signal of the tenant, oldest first.
    async fn signal_summaries(&mut self, tenant: TenantId) -> StoreResult<Vec<SignalSummary>>;
    async fn signal_summary(&mut self, tenant: TenantId, id: SignalId) -> StoreResult<Option<SignalSummary>>;
    async fn signal_details(&mut self, tenant: TenantId, id: SignalId) -> StoreResult<Option<SignalDetails>>;
    async fn bundle_signals(&mut self, tenant: TenantId, bundle: BundleId) -> StoreResult<Vec<SignalSummary>>;
    /// Sets phase and bundle if the signal is still at `expected_version`;
    /// false when someone else changed it first.
    async fn update_phase(&mut self, tenant: TenantId, id: SignalId, expected_version: i64, phase: Phase, bundle: Option<BundleId>, at: DateTime<Utc>) -> StoreResult<bool>;
    async fn insert_event(&mut self, tenant: TenantId, signal: SignalId, actor: Option<PersonId>, at: DateTime<Utc>, event: &EventDraft) -> StoreResult<EventId>;
    /// The history of a signal, oldest first.
    async fn history(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<HistoryEntry>>;
    async fn bundle(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Option<BundleRef>>;
    async fn insert_bundle(&mut self, tenant: TenantId, title: &str, problem: &str, analysis: &str, at: DateTime<Utc>) -> StoreResult<BundleId>;
    async fn count_signals(&mut self, tenant: TenantId) -> StoreResult<i64>;
}

/// Open the database named by the URL, create it if needed, and migrate it.
pub async fn open(url: &str) -> StoreResult<std::sync::Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(std::sync::Arc::new(sqlite::SqliteStore::open(url).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(std::sync::Arc::new(postgres::PostgresStore::open(url).await?))
    } else {
        Err(StoreError::UnsupportedUrl(url.to_string()))
    }
}

/// Parse a code column into a domain value, or report corrupt data.
fn decode<T>(column: &'static str, value: &str, parse: impl Fn(&str) -> Option<T>) -> StoreResult<T> {
    parse(value).ok_or_else(|| StoreError::Corrupt { column, value: value.to_string() })
}

fn decode_opt<T>(column: &'static str, value: Option<String>, parse: impl Fn(&str) -> Option<T>) -> StoreResult<Option<T>> {
    value.map(|v| decode(column, &v, parse)).transpose()
}
