//! PostgreSQL, for deployments with several server instances.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};

use super::*;
use crate::domain::forum::agenda::{AgendaItem, AgendaSubject, Decision, ItemDetails, Minutes};
use crate::domain::forum::bottleneck::{Bottleneck, BottleneckStatus, CheckedBottleneck};
use crate::domain::forum::campaign::{ActionLine, Actor as CampaignActor, Campaign, CampaignForm, CampaignStatus, CheckedLine, LineStatus};
use crate::domain::forum::candidates::Candidate;
use crate::domain::forum::meeting::{Invitee, Meeting, MeetingKind, MeetingPlan, MeetingStatus, NewInvitee};
use crate::domain::reports::publication::{Answer, PublicationStatus};
use crate::domain::reports::targets::{Metric, Target};
use crate::domain::workbench::{Colleague, LinkedSignal, Notification, NotificationKind, Question, SignalEdit};

type Db = sqlx::Postgres;
/// Reads that decide a write lock their rows until the transaction ends.
const ROW_LOCK: &str = " FOR UPDATE";
/// A log-in session (`$2`, its id) is stored and not expired (tower-sessions' table).
const SESSION_ALIVE: &str = "EXISTS (SELECT 1 FROM tower_sessions.session WHERE id = $2 AND expiry_date > now())";
/// The tenant's next change number, written down with the change: one
/// statement, one round trip. The counter's row stays locked until the
/// commit, so numbers commit in order.
const NUMBER_CHANGE: &str = "WITH counter AS ( \
       INSERT INTO change_counters (tenant_id, seq) VALUES ($1, 1) \
       ON CONFLICT (tenant_id) DO UPDATE SET seq = change_counters.seq + 1 RETURNING seq) \
     INSERT INTO changes (tenant_id, seq, signals, at, meetings) SELECT $1, seq, $2, $3, $4 FROM counter RETURNING seq";

pub struct PostgresStore {
    pool: PgPool,
    feed: std::sync::Arc<ChangeFeed>,
}

impl PostgresStore {
    pub async fn open(url: &str) -> StoreResult<Self> {
        let pool = PgPoolOptions::new().max_connections(16).acquire_timeout(Duration::from_secs(10)).connect(url).await?;
        sqlx::migrate!("migrations/postgres").run(&pool).await?;
        let feed = std::sync::Arc::new(ChangeFeed::default());
        super::listener::spawn(url, pool.clone(), feed.clone())?;
        let store = PostgresStore { pool, feed };
        store.sessions().migrate().await?;
        Ok(store)
    }
}

#[async_trait]
impl Store for PostgresStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    async fn read(&self) -> StoreResult<Box<dyn Tx>> {
        let pool = self.pool.clone();
        Ok(Box::new(SqlTx::new(begin_detached(async move { pool.begin().await }).await?, None)))
    }

    async fn read_one(&self) -> StoreResult<Box<dyn Tx>> {
        Ok(Box::new(SqlTx::single(self.pool.acquire().await?)))
    }

    async fn write(&self) -> StoreResult<Box<dyn Tx>> {
        let pool = self.pool.clone();
        Ok(Box::new(SqlTx::new(begin_detached(async move { pool.begin().await }).await?, None)))
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn optimize(&self) -> StoreResult<()> {
        Ok(())
    }

    fn feed(&self) -> &ChangeFeed {
        &self.feed
    }

    fn sessions(&self) -> SessionBackend {
        SessionBackend::Postgres(tower_sessions_sqlx_store::PostgresStore::new(self.pool.clone()))
    }
}

/// Tell every server instance's listener (`listener.rs`), at the commit.
/// The payload carries the signals when they fit; else the listener reads them.
async fn announce(tx: &mut Conn, change: &BoardChange) -> StoreResult<()> {
    let payload = super::listener::payload(change);
    sqlx::query("SELECT pg_notify($1, $2)").bind(super::listener::CHANNEL).bind(payload).execute(&mut **tx).await?;
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
