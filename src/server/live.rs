//! Live streams (Server-Sent Events) of the tenant's numbered changes: the
//! board's, each change narrowed to the signals this person processes, and
//! a meeting agenda's, passing on the changes that name that meeting. The
//! event id is the change's number; a browser that reconnects sends the last
//! one it saw (`Last-Event-ID`), and is told to reload when it missed any.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::Stream;
use serde::Deserialize;
use tokio::sync::broadcast::Receiver;
use tokio::sync::broadcast::error::RecvError;

use super::auth::{TenantCaller, route_caller};
use super::state::AppState;
use crate::domain::access::{PREPARERS, PROCESSORS};
use crate::domain::board::ProcessedBy;
use crate::domain::live::{BoardChange, BoardNews, Next, RESYNC, next};
use crate::domain::{MeetingId, PersonId, TenantId};
use crate::error::AppError;
use crate::storage::{FeedItem, Store};

pub const ROUTE: &str = "/{tenant}/bord/live";
pub const AGENDA_ROUTE: &str = "/{tenant}/overleg/{id}/live";
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
    stream(state, tenant, ROUTE, None, since, request).await
}

/// `GET /{tenant}/overleg/{id}/live?seq=N`: the stream for one meeting's agenda.
pub async fn agenda_stream(
    State(state): State<AppState>,
    Path((tenant, id)): Path<(String, i64)>,
    Query(since): Query<Since>,
    request: Request,
) -> Response {
    stream(state, tenant, AGENDA_ROUTE, Some(MeetingId(id)), since, request).await
}

async fn stream(state: AppState, tenant: String, route: &str, meeting: Option<MeetingId>, since: Since, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let last_event_id = parts.headers.get("last-event-id").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<i64>().ok());
    let caller = match route_caller(&state, parts, route, &tenant).await {
        Ok(caller) => caller,
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return (status, error.message()).into_response();
        }
    };
    let lens = match meeting {
        None => Lens::Board(ProcessedBy::of(&caller.membership)),
        Some(id) => {
            // A meeting of another tenant is not found, as on its page.
            match state.store.read().await {
                Ok(mut tx) => match tx.meeting(caller.tenant.id, id).await {
                    Ok(Some(_)) => Lens::Agenda(id),
                    Ok(None) => return (StatusCode::NOT_FOUND, AppError::NotFound.message()).into_response(),
                    Err(error) => return (StatusCode::INTERNAL_SERVER_ERROR, AppError::from(error).message()).into_response(),
                },
                Err(error) => return (StatusCode::INTERNAL_SERVER_ERROR, AppError::from(error).message()).into_response(),
            }
        }
    };
    match open(state.store.clone(), &caller, lens, last_event_id.or(since.seq)).await {
        Ok(stream) => {
            let mut response = Sse::new(stream).keep_alive(KeepAlive::default()).into_response();
            // Behind nginx: pass each event on at once.
            response.headers_mut().insert("x-accel-buffering", HeaderValue::from_static("no"));
            response
        }
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.message()).into_response(),
    }
}

/// What one stream passes on.
#[derive(Clone)]
enum Lens {
    /// A board: the changed signals this person processes.
    Board(ProcessedBy),
    /// A meeting's agenda: that the meeting changed.
    Agenda(MeetingId),
}

/// One open stream.
struct Board {
    store: Arc<dyn Store>,
    changes: Receiver<FeedItem>,
    tenant: TenantId,
    slug: String,
    person: PersonId,
    lens: Lens,
    /// The last change number passed on (or skipped as none of ours).
    last: i64,
    ready: VecDeque<Event>,
    recheck: tokio::time::Interval,
}

/// Subscribe first, then read the current number: nothing falls in between.
async fn open(
    store: Arc<dyn Store>,
    caller: &TenantCaller,
    lens: Lens,
    seen: Option<i64>,
) -> Result<impl Stream<Item = Result<Event, Infallible>> + use<>, AppError> {
    let changes = store.feed().subscribe();
    let current = store.read_one().await?.change_seq(caller.tenant.id).await?;
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
        lens,
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
                _ = self.recheck.tick() => match self.still_allowed().await {
                    Some(lens) => self.lens = lens,
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
                let id = change.seq.to_string();
                let signals = match &self.lens {
                    Lens::Board(processed) => {
                        let mut signals = change.signals.iter().filter(|s| processed.matches(&s.scope())).map(|s| s.id).collect::<Vec<_>>();
                        // A signal that changed scope comes twice (before and after).
                        signals.dedup();
                        signals
                    }
                    // The agenda reloads as a whole; it needs no signal ids.
                    Lens::Agenda(meeting) if change.meetings.contains(meeting) => {
                        return Some(
                            Event::default()
                                .event(CHANGE)
                                .id(id)
                                .data(serde_json::to_string(&BoardNews { seq: change.seq, signals: vec![] }).unwrap_or_default()),
                        );
                    }
                    Lens::Agenda(_) => Vec::new(),
                };
                if signals.is_empty() {
                    // Only the number: the browser keeps it as its last event id.
                    return Some(Event::default().id(id).comment(""));
                }
                let news = BoardNews { seq: change.seq, signals };
                Some(Event::default().event(CHANGE).id(id).data(serde_json::to_string(&news).unwrap_or_default()))
            }
        }
    }

    /// What the person may follow now, if they are still active and still a
    /// processor (a board) or a preparer (an agenda) in this tenant; roles and
    /// domains may have changed. None ends the stream. A database that does
    /// not answer changes nothing.
    async fn still_allowed(&self) -> Option<Lens> {
        let Ok(mut tx) = self.store.read().await else { return Some(self.lens.clone()) };
        let Ok(caller) = tx.caller(self.person).await else {
            return Some(self.lens.clone());
        };
        let caller = caller?;
        let (person, memberships) = (Some(caller.person), caller.memberships.into_iter().map(|(m, _)| m));
        let roles = match self.lens {
            Lens::Board(_) => PROCESSORS,
            Lens::Agenda(_) => PREPARERS,
        };
        let membership = memberships.into_iter().find(|m| m.tenant_slug == self.slug && roles.iter().any(|r| m.has(*r)))?;
        person.filter(|p| p.active)?;
        Some(match &self.lens {
            Lens::Board(_) => Lens::Board(ProcessedBy::of(&membership)),
            agenda => agenda.clone(),
        })
    }
}
