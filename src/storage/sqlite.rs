//! SQLite, the embedded default: WAL, foreign keys on, and one writer
//! connection so write transactions take turns instead of failing as busy.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use super::*;
use crate::domain::forum::agenda::{AgendaItem, AgendaSubject, Decision, ItemDetails, Minutes};
use crate::domain::forum::bottleneck::{Bottleneck, BottleneckStatus, CheckedBottleneck};
use crate::domain::forum::campaign::{ActionLine, Actor as CampaignActor, Campaign, CampaignForm, CampaignStatus, CheckedLine, LineStatus};
use crate::domain::forum::candidates::Candidate;
use crate::domain::forum::meeting::{Invitee, Meeting, MeetingKind, MeetingPlan, MeetingStatus, NewInvitee};
use crate::domain::reports::publication::{Answer, PublicationStatus};
use crate::domain::reports::targets::{Metric, Target};
use crate::domain::workbench::{Colleague, LinkedSignal, Notification, NotificationKind, Question, SignalEdit};

type Db = sqlx::Sqlite;
/// SQLite has no row locks: its writers take turns for the whole database.
const ROW_LOCK: &str = "";
/// A log-in session (`$2`, its id) is stored and not expired. tower-sessions
/// keeps SQLite's expiry as text; `datetime` reads it as its own deletion does.
const SESSION_ALIVE: &str = "EXISTS (SELECT 1 FROM tower_sessions WHERE id = $2 AND datetime(expiry_date) > datetime('now'))";
/// The tenant's next change number, written down with the change: two
/// statements in one call, so one round trip to the writer's thread (sqlx
/// runs each statement of the text in turn, `$n` the same value in each).
/// SQLite has no writes inside `WITH`.
const NUMBER_CHANGE: &str = "INSERT INTO change_counters (tenant_id, seq) VALUES ($1, 1) \
     ON CONFLICT (tenant_id) DO UPDATE SET seq = change_counters.seq + 1; \
     INSERT INTO changes (tenant_id, seq, signals, at, meetings) \
     SELECT $1, seq, $2, $3, $4 FROM change_counters WHERE tenant_id = $1 RETURNING seq";

pub struct SqliteStore {
    readers: SqlitePool,
    writer: SqlitePool,
    feed: std::sync::Arc<ChangeFeed>,
}

impl SqliteStore {
    pub async fn open(url: &str) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        if let Some(dir) = options.get_filename().parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
        }
        // A connection to a local file does not go stale: no test query
        // (a round trip to the connection's thread) before each transaction.
        let writer = SqlitePoolOptions::new().max_connections(1).test_before_acquire(false).connect_with(options.clone()).await?;
        sqlx::migrate!("migrations/sqlite").run(&writer).await?;
        let readers = SqlitePoolOptions::new().max_connections(8).test_before_acquire(false).connect_with(options).await?;
        let store = SqliteStore { readers, writer, feed: Default::default() };
        store.sessions().migrate().await?;
        Ok(store)
    }
}

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    async fn read(&self) -> StoreResult<Box<dyn Tx>> {
        let readers = self.readers.clone();
        Ok(Box::new(SqlTx::new(begin_detached(async move { readers.begin().await }).await?, None)))
    }

    async fn read_one(&self) -> StoreResult<Box<dyn Tx>> {
        Ok(Box::new(SqlTx::single(self.readers.acquire().await?)))
    }

    async fn write(&self) -> StoreResult<Box<dyn Tx>> {
        // IMMEDIATE: the write lock is taken at the start. A deferred
        // transaction that reads first and then writes fails at once with
        // SQLITE_BUSY_SNAPSHOT (517, no busy wait) when another connection
        // (the sessions' saves) committed in between: seen in CI as a lost
        // signal submit. Writers take turns, so their changes are also
        // published in their numbers' order.
        let writer = self.writer.clone();
        let begun = begin_detached(async move { writer.begin_with("BEGIN IMMEDIATE").await }).await?;
        Ok(Box::new(SqlTx::new(begun, Some(self.feed.clone()))))
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.readers).await?;
        Ok(())
    }

    async fn optimize(&self) -> StoreResult<()> {
        // Without statistics the planner guesses, and its guesses get worse as
        // a tenant grows. 0x10002: also tables never analysed; the limit keeps
        // each analysis to a sample of rows.
        sqlx::query("PRAGMA analysis_limit = 400").execute(&self.writer).await?;
        sqlx::query("PRAGMA optimize = 0x10002").execute(&self.writer).await?;
        Ok(())
    }

    fn feed(&self) -> &ChangeFeed {
        &self.feed
    }

    fn sessions(&self) -> SessionBackend {
        SessionBackend::Sqlite(tower_sessions_sqlx_store::SqliteStore::new(self.readers.clone()))
    }
}

/// One process serves SQLite: the transaction publishes after its commit.
async fn announce(_: &mut Conn, _: &BoardChange) -> StoreResult<()> {
    Ok(())
}

include!("sql/tx.rs");
include!("sql/tenants.rs");
include!("sql/people.rs");
include!("sql/signals.rs");
include!("sql/bundles.rs");
include!("sql/accounts.rs");
include!("sql/records.rs");
include!("sql/intake.rs");
include!("sql/follow.rs");
include!("sql/limits.rs");
include!("sql/board_limits.rs");
include!("sql/workbench.rs");
include!("sql/meetings.rs");
include!("sql/agendas.rs");
include!("sql/candidates.rs");
include!("sql/bottlenecks.rs");
include!("sql/campaigns.rs");
include!("sql/reports.rs");
include!("sql/publications.rs");
