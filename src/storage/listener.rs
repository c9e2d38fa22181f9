//! PostgreSQL across server instances: each instance LISTENs on one channel
//! and passes every numbered change on to its own streams, its own changes
//! included (so there is one path, and one order: the commit order).
//!
//! Notifications sent while the listener is away are lost, so after any
//! reconnect every stream resyncs. sqlx sets no TCP keepalive, so a
//! half-open connection would look quiet forever: the listener sends itself a
//! heartbeat and rebuilds the connection when it does not come back.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgConnectOptions, PgListener, PgPool, PgPoolOptions};

use super::{ChangeFeed, StoreResult};
use crate::domain::TenantId;
use crate::domain::live::{BoardChange, ChangedSignal};

pub const CHANNEL: &str = "seinhuis_changes";
/// The listener's connection shows under this name in `pg_stat_activity`.
pub const LISTENER_NAME: &str = "seinhuis-listener";
/// PostgreSQL refuses payloads from 8000 bytes.
const MAX_PAYLOAD: usize = 7900;
const HEARTBEAT: Duration = Duration::from_secs(30);
/// How long a heartbeat may take to come back before the connection is rebuilt.
const HEARTBEAT_TIMEOUT: Duration = Duration::from_secs(10);
const FIRST_RETRY: Duration = Duration::from_millis(100);
const LAST_RETRY: Duration = Duration::from_secs(10);

#[derive(Serialize, Deserialize)]
struct Payload {
    tenant: TenantId,
    seq: i64,
    /// Left out when they would not fit; the listener reads them then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signals: Option<Vec<ChangedSignal>>,
    /// Meetings whose agenda changed (a few ids at most).
    #[serde(default)]
    meetings: Vec<crate::domain::MeetingId>,
}

/// The notification for a change: `{tenant, seq, signals}`, or without the
/// signals when that is too long for PostgreSQL.
pub fn payload(change: &BoardChange) -> String {
    let full = Payload { tenant: change.tenant, seq: change.seq, signals: Some(change.signals.clone()), meetings: change.meetings.clone() };
    let text = serde_json::to_string(&full).unwrap_or_default();
    if text.len() <= MAX_PAYLOAD {
        return text;
    }
    serde_json::to_string(&Payload { signals: None, ..full }).unwrap_or_default()
}

/// Start this instance's listener; it runs as long as the process.
pub fn spawn(url: &str, pool: PgPool, feed: Arc<ChangeFeed>) -> StoreResult<()> {
    let options = PgConnectOptions::from_str(url)?.application_name(LISTENER_NAME);
    tokio::spawn(async move {
        let mut retry = FIRST_RETRY;
        loop {
            match listen(&options, &pool, &feed, &mut retry).await {
                Ok(()) => tracing::warn!("the database listener lost its connection; reconnecting"),
                Err(e) => tracing::warn!("the database listener stopped ({e}); reconnecting in {retry:?}"),
            }
            // Whatever was notified meanwhile is lost: every stream reloads.
            feed.resync();
            tokio::time::sleep(retry).await;
            retry = (retry * 2).min(LAST_RETRY);
        }
    });
    Ok(())
}

/// Listen until the connection is lost (Ok) or fails (Err).
async fn listen(options: &PgConnectOptions, pool: &PgPool, feed: &ChangeFeed, retry: &mut Duration) -> Result<(), sqlx::Error> {
    // Its own one-connection pool, so the connection carries our name.
    let own = PgPoolOptions::new().max_connections(1).connect_with(options.clone()).await?;
    let mut listener = PgListener::connect_with(&own).await?;
    listener.listen(CHANNEL).await?;
    // Connected: what happened before is unknown to the streams of a reconnect.
    feed.resync();
    *retry = FIRST_RETRY;
    let beat = format!("heartbeat:{}", rand::random::<u64>());
    let mut heartbeat = tokio::time::interval(HEARTBEAT);
    heartbeat.tick().await;
    let mut waiting_since: Option<tokio::time::Instant> = None;
    loop {
        let overdue = waiting_since.map(|at| at + HEARTBEAT_TIMEOUT);
        tokio::select! {
            received = listener.try_recv() => {
                // None: the connection was lost (sqlx would reconnect quietly; we resync).
                let Some(notification) = received? else { return Ok(()) };
                let text = notification.payload();
                if text == beat {
                    waiting_since = None;
                } else if let Ok(payload) = serde_json::from_str::<Payload>(text) {
                    publish(pool, feed, payload).await?;
                }
            }
            _ = heartbeat.tick(), if waiting_since.is_none() => {
                sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(&beat).execute(pool).await?;
                waiting_since = Some(tokio::time::Instant::now());
            }
            _ = sleep_until(overdue), if overdue.is_some() => {
                return Err(sqlx::Error::Protocol("no heartbeat came back".into()));
            }
        }
    }
}

async fn sleep_until(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

async fn publish(pool: &PgPool, feed: &ChangeFeed, payload: Payload) -> Result<(), sqlx::Error> {
    let signals = match payload.signals {
        Some(signals) => signals,
        None => {
            let text: Option<String> = sqlx::query_scalar("SELECT signals FROM changes WHERE tenant_id = $1 AND seq = $2")
                .bind(payload.tenant)
                .bind(payload.seq)
                .fetch_optional(pool)
                .await?;
            text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
        }
    };
    feed.publish(BoardChange { tenant: payload.tenant, seq: payload.seq, signals, meetings: payload.meetings });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SignalId;

    #[test]
    fn a_payload_carries_the_signals_only_when_they_fit() {
        let one = ChangedSignal { id: SignalId(7), domain: None, organisation: None };
        let small = BoardChange { tenant: TenantId(1), seq: 3, signals: vec![one], meetings: vec![] };
        let back: Payload = serde_json::from_str(&payload(&small)).unwrap();
        assert_eq!((back.tenant, back.seq, back.signals), (TenantId(1), 3, Some(vec![one])));
        let big = BoardChange { signals: vec![one; 2000], ..small };
        let text = payload(&big);
        assert!(text.len() <= MAX_PAYLOAD);
        let back: Payload = serde_json::from_str(&text).unwrap();
        assert_eq!((back.seq, back.signals), (3, None));
    }
}
