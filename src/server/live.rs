//! The board's live stream (Server-Sent Events): the tenant's numbered
//! changes, each narrowed to the signals this person processes. The event id
//! is the change's number; a browser that reconnects sends the last one it
//! saw (`Last-Event-ID`), and is told to reload when it missed any.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::Stream;
use leptos::prelude::provide_context;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;
use serde::Deserialize;
use tokio::sync::broadcast::Receiver;
use tokio::sync::broadcast::error::RecvError;

use super::auth::{TenantCaller, in_tenant_route};
use super::state::AppState;
use crate::domain::access::PROCESSORS;
use crate::domain::board::ProcessedBy;
use crate::domain::live::{BoardChange, BoardNews, Next, RESYNC, next};
use crate::domain::{PersonId, TenantId};
use crate::error::AppError;
use crate::storage::{FeedItem, Store};

pub const ROUTE: &str = "/{tenant}/bord/live";
/// The stream's event name for changed cards.
pub const CHANGE: &str = "change";
/// How often an open stream checks what its person may still see.
const RECHECK: Duration = Duration::from_secs(60);
/// How long the signals of a numbered change are kept (streams need only the
/// latest; a board that is further behind reloads).
const KEEP_CHANGES: chrono::Duration = chrono::Duration::days(1);

/// Forget the signals of changes older than a day; how many.
pub async fn forget_old_changes(store: &dyn Store, now: chrono::DateTime<chrono::Utc>) -> Result<u64, AppError> {
    let mut tx = store.write().await?;
    let forgotten = tx.forget_changes(now - KEEP_CHANGES).await?;
    tx.commit().await?;
    Ok(forgotten)
}

#[derive(Deserialize)]
pub struct Since {
    /// The change number the board was rendered at.
    seq: Option<i64>,
}

/// `GET /{tenant}/bord/live?seq=N`: the stream for one board.
pub async fn board_stream(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
    Query(since): Query<Since>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let last_event_id = parts.headers.get("last-event-id").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<i64>().ok());
    // Authorised as any server function is: the session, in a Leptos owner.
    let owner = Owner::new();
    let caller = owner
        .with(|| {
            provide_context(parts);
            provide_context(state.clone());
            ScopedFuture::new(in_tenant_route(&state, ROUTE, &tenant))
        })
        .await;
    let caller = match caller {
        Ok(caller) => caller,
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return (status, error.message()).into_response();
        }
    };
    match open(state.store.clone(), &caller, last_event_id.or(since.seq)).await {
        Ok(stream) => {
            let mut response = Sse::new(stream).keep_alive(KeepAlive::default()).into_response();
            // Behind nginx: pass each event on at once.
            response.headers_mut().insert("x-accel-buffering", HeaderValue::from_static("no"));
            response
        }
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.message()).into_response(),
    }
}

/// One open stream.
struct Board {
    store: Arc<dyn Store>,
    changes: Receiver<FeedItem>,
    tenant: TenantId,
    slug: String,
    person: PersonId,
    processed: ProcessedBy,
    /// The last change number passed on (or skipped as none of ours).
    last: i64,
    ready: VecDeque<Event>,
    recheck: tokio::time::Interval,
}

/// Subscribe first, then read the current number: nothing falls in between.
async fn open(
    store: Arc<dyn Store>,
    caller: &TenantCaller,
    seen: Option<i64>,
) -> Result<impl Stream<Item = Result<Event, Infallible>> + use<>, AppError> {
    let changes = store.feed().subscribe();
    let current = store.read().await?.change_seq(caller.tenant.id).await?;
    let mut ready = VecDeque::new();
    // A board rendered (or last told) at another number reloads.
    if seen.is_some_and(|seen| seen != current) {
        ready.push_back(resync(current));
    }
    let mut recheck = tokio::time::interval(RECHECK);
    recheck.reset();
    let board = Board {
        store,
        changes,
        tenant: caller.tenant.id,
        slug: caller.tenant.slug.to_string(),
        person: caller.person.id,
        processed: ProcessedBy::of(&caller.membership),
        last: current,
        ready,
        recheck,
    };
    Ok(futures::stream::unfold(board, |mut board| async move {
        let event = board.next_event().await?;
        Some((Ok(event), board))
    }))
}

fn resync(seq: i64) -> Event {
    Event::default().event(RESYNC).id(seq.to_string()).data("{}")
}

impl Board {
    /// The next event for this board; None ends the stream.
    async fn next_event(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Some(event);
            }
            tokio::select! {
                item = self.changes.recv() => match item {
                    Ok(FeedItem::Change(change)) if change.tenant == self.tenant => {
                        if let Some(event) = self.pass_on(&change) {
                            return Some(event);
                        }
                    }
                    Ok(FeedItem::Change(_)) => {}
                    // Changes were missed here, or by this instance's listener.
                    Ok(FeedItem::Resync) | Err(RecvError::Lagged(_)) => {
                        if let Ok(mut tx) = self.store.read().await
                            && let Ok(seq) = tx.change_seq(self.tenant).await
                        {
                            self.last = self.last.max(seq);
                        }
                        return Some(resync(self.last));
                    }
                    Err(RecvError::Closed) => return None,
                },
                _ = self.recheck.tick() => match self.still_processes().await {
                    Some(processed) => self.processed = processed,
                    None => return None,
                },
            }
        }
    }

    /// The event for a change of this tenant, if any is due.
    fn pass_on(&mut self, change: &BoardChange) -> Option<Event> {
        match next(self.last, change.seq) {
            Next::Old => None,
            Next::Gap => {
                self.last = change.seq;
                Some(resync(change.seq))
            }
            Next::InOrder => {
                self.last = change.seq;
                let mut signals = change.signals.iter().filter(|s| self.processed.matches(&s.scope())).map(|s| s.id).collect::<Vec<_>>();
                // A signal that changed scope comes twice (before and after).
                signals.dedup();
                let id = change.seq.to_string();
                if signals.is_empty() {
                    // Only the number: the browser keeps it as its last event id.
                    return Some(Event::default().id(id).comment(""));
                }
                let news = BoardNews { seq: change.seq, signals };
                Some(Event::default().event(CHANGE).id(id).data(serde_json::to_string(&news).unwrap_or_default()))
            }
        }
    }

    /// What the person processes now, if they are still active and still a
    /// processor in this tenant (roles and domains may have changed); None
    /// ends the stream. A database that does not answer changes nothing.
    async fn still_processes(&self) -> Option<ProcessedBy> {
        let Ok(mut tx) = self.store.read().await else { return Some(self.processed.clone()) };
        let (Ok(person), Ok(memberships)) = (tx.person(self.person).await, tx.memberships(self.person).await) else {
            return Some(self.processed.clone());
        };
        let membership = memberships.into_iter().find(|m| m.tenant_slug == self.slug && PROCESSORS.iter().any(|r| m.has(*r)))?;
        person.filter(|p| p.active).map(|_| ProcessedBy::of(&membership))
    }
}
