//! Storage: one interface, a SQLite and a PostgreSQL implementation.
//!
//! A use case opens one transaction (`Store::write`), calls the repository
//! methods it needs and commits, so every write is all or nothing. The SQL is
//! written once (`sql/`) and compiled for each backend; the backend is chosen
//! from the database URL at start.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::live::{BoardChange, ChangedSignal};
use crate::domain::*;

mod accounts;
mod bottlenecks;
mod bundles;
mod campaigns;
mod feed;
mod forum;
mod intake;
mod listener;
mod people;
mod postgres;
mod publications;
mod records;
mod reports;
mod sessions;
mod signals;
mod sqlite;
mod workbench;

pub use accounts::Accounts;
pub use bottlenecks::Bottlenecks;
pub use bundles::{BundleUpdate, Bundles};
pub use campaigns::{Campaigns, OverdueLine};
pub use feed::{ChangeFeed, FeedItem};
pub use forum::{Agendas, InviteeContact, Meetings, ScopedCandidate};
pub use intake::{Follow, Intake};
pub use listener::LISTENER_NAME;
pub use people::{CallerRecord, Credentials, People};
pub use publications::{ApprovalRow, PublicItem, PublicKind, Publication, PublicationDraft, Publications};
pub use records::{AuditFilter, LinkKind, Records};
pub use reports::{ExportRow, Reports, Seen};
pub use sessions::SessionBackend;
pub use signals::{BoardSelection, Signals};
pub use workbench::{Teammate, Workbench};

/// A file a mail carries: its name, MIME type and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

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

/// Begin a transaction in a task of its own. sqlx's `begin` is not
/// cancel-safe: a request dropped after `BEGIN` reached the connection but
/// before the transaction's guard existed (a browser closed mid-submit, the
/// end of a load run) left that pooled connection inside a transaction
/// nobody would end. On SQLite's one writer, every later write then failed.
/// A spawned begin runs to its end; when nobody waits for it any more, its
/// transaction is dropped, and so rolled back.
pub(crate) async fn begin_detached<T: Send + 'static>(
    begin: impl Future<Output = Result<T, sqlx::Error>> + Send + 'static,
) -> StoreResult<T> {
    match tokio::spawn(begin).await {
        Ok(begun) => Ok(begun?),
        Err(failed) if failed.is_panic() => std::panic::resume_unwind(failed.into_panic()),
        Err(_) => Err(StoreError::Database(sqlx::Error::PoolClosed)),
    }
}

impl StoreError {
    /// A unique constraint refused the write (e.g. a second open invitation).
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Database(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()))
    }
}

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
    /// A connection for a read of one statement, outside a transaction: one
    /// statement sees one state of the database anyway, and a transaction
    /// would cost two more round trips (`BEGIN`, `ROLLBACK`) on every page.
    /// Never for writes, nor for reads of several statements that must agree.
    async fn read_one(&self) -> StoreResult<Box<dyn Tx>>;
    /// A transaction for a use case that writes. On SQLite writers take turns.
    async fn write(&self) -> StoreResult<Box<dyn Tx>>;
    /// Is the database reachable?
    async fn ping(&self) -> StoreResult<()>;
    /// Keep the query planner's statistics current (SQLite's `PRAGMA
    /// optimize`; PostgreSQL's autovacuum does this itself). Run at start
    /// and hourly.
    async fn optimize(&self) -> StoreResult<()>;
    /// Where log-in sessions are kept (the same database).
    fn sessions(&self) -> SessionBackend;
    /// The numbered changes of the tenants' boards, as they commit (from any
    /// server instance, on PostgreSQL).
    fn feed(&self) -> &ChangeFeed;
}

/// One open transaction. Dropping it without `commit` rolls it back.
#[async_trait]
pub trait Tx:
    Tenants
    + People
    + Signals
    + Bundles
    + Accounts
    + Records
    + Intake
    + Follow
    + RateLimits
    + Changes
    + BoardLimitsStore
    + Workbench
    + Meetings
    + Agendas
    + Bottlenecks
    + Campaigns
    + Reports
    + Publications
    + Send
{
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
    async fn update_organisation(&mut self, tenant: TenantId, id: OrganisationId, org: &NewOrganisation) -> StoreResult<bool>;
    async fn update_tenant(&mut self, tenant: TenantId, name: &str, citizen_intake: bool) -> StoreResult<()>;
    /// Writers that check a rule over the tenant's people (at least one
    /// hoofdsignaalverwerker) take turns per tenant until they commit.
    async fn lock_tenant(&mut self, tenant: TenantId) -> StoreResult<()>;
}

/// Column limits, the screening deadline, and the reminders it caused.
#[async_trait]
pub trait BoardLimitsStore {
    async fn board_limits(&mut self, tenant: TenantId) -> StoreResult<crate::domain::limits::BoardLimits>;
    async fn set_board_limits(&mut self, tenant: TenantId, limits: &crate::domain::limits::BoardLimits) -> StoreResult<()>;
    /// Tenants with a screening deadline, and their limits.
    async fn tenants_with_screening_deadline(&mut self) -> StoreResult<Vec<(Tenant, crate::domain::limits::BoardLimits)>>;
    /// Claim the reminder of every signal of the tenant still Ingediend and
    /// submitted before `cutoff` whose reminder was not claimed yet: the
    /// signals this transaction reminds of (a concurrent claim of the same
    /// signal waits for this one and then claims nothing).
    async fn claim_screening_reminders(&mut self, tenant: TenantId, cutoff: DateTime<Utc>, at: DateTime<Utc>)
    -> StoreResult<Vec<SignalId>>;
}

/// Rate limits shared by every server instance on the database: per door and
/// key, the theoretical arrival time of the next attempt (GCRA, as a leaky
/// bucket). Keys arrive hashed: no address is stored.
#[async_trait]
pub trait RateLimits {
    /// Let one attempt of `key` at `door` through, at `now_ms` (Unix
    /// milliseconds), if that keeps the key's arrival time at most
    /// `tolerance_ms` ahead of now; each attempt moves it `interval_ms` on.
    /// A refused attempt changes nothing. One atomic statement: concurrent
    /// attempts each take their own turn.
    async fn take_attempt(&mut self, door: &str, key: &str, now_ms: i64, interval_ms: i64, tolerance_ms: i64) -> StoreResult<bool>;
    /// Forget keys whose arrival time has passed (their bucket is empty again); how many.
    async fn forget_attempts(&mut self, now_ms: i64) -> StoreResult<u64>;
}

/// The live boards' numbered changes (written by every transaction's commit).
#[async_trait]
pub trait Changes {
    /// The tenant's latest change number (0 before any change).
    async fn change_seq(&mut self, tenant: TenantId) -> StoreResult<i64>;
    async fn change(&mut self, tenant: TenantId, seq: i64) -> StoreResult<Option<crate::domain::live::BoardChange>>;
    /// Forget the signals of changes older than `before` (streams need only
    /// recent ones); how many. The counters stay.
    async fn forget_changes(&mut self, before: DateTime<Utc>) -> StoreResult<u64>;
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
