//! Who is calling: log-in sessions, and the caller's right to call a server
//! function, looked up in the one table of `domain::access`. Every server
//! function starts here, before it reads anything.

use std::sync::Arc;

use chrono::Utc;
use tower_sessions::Session;

use super::state::AppState;
use crate::domain::access::{Audience, audience};
use crate::domain::{Membership, Person, PersonId, Role, Tenant};
use crate::error::AppError;
use crate::storage::CallerRecord;

const PERSON_KEY: &str = "person";
const LOGGED_IN_AT_KEY: &str = "logged_in_at";
/// When a request last wrote the session back (see `touch`).
const TOUCHED_AT_KEY: &str = "touched_at";

async fn session() -> Result<Session, AppError> {
    // No request any more: a page's resource still ran after its request's
    // owner was disposed (seen right after accepting an invitation; the page
    // itself was served whole). Nobody reads this answer: nothing to log.
    if leptos::prelude::use_context::<::http::request::Parts>().is_none() {
        return Err(AppError::Transport("de aanvraag werd afgebroken".into()));
    }
    leptos_axum::extract::<Session>().await.map_err(AppError::internal)
}

/// The caller's address, for the audit log and rate limits: the peer's, or,
/// when the peer is one of the `trusted-proxies`, the client it forwards for.
pub async fn client_ip() -> String {
    let Ok(peer) = leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>().await else {
        return String::new();
    };
    let peer = peer.0.ip();
    let Some(state) = leptos::prelude::use_context::<AppState>() else {
        return peer.to_string();
    };
    let proxies = &state.config.trusted_proxies;
    if !proxies.trusts(peer) {
        return peer.to_string();
    }
    let headers = leptos_axum::extract::<axum::http::HeaderMap>().await.unwrap_or_default();
    let forwarded: Vec<&str> = headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
    proxies.client_address(peer, &forwarded).to_string()
}

/// The logged-in person. Read from the database on every request, so a
/// deactivated account is out at once; sessions past their absolute lifetime
/// end, and so do sessions that started before the person's password was reset
/// (at or before `sessions_valid_after`, in whole seconds).
pub async fn current_person(state: &AppState) -> Result<Option<Person>, AppError> {
    Ok(current_caller(state).await?.map(|c| c.person))
}

/// Who is calling, looked up once per request: a page calls several server
/// functions while it renders, and each asks. Provided for every request
/// (`http::router`); a request without it (a stream) looks up each time.
#[derive(Clone, Default)]
pub struct CallerCache(Arc<tokio::sync::Mutex<Option<Option<CallerRecord>>>>);

impl CallerCache {
    /// Forget the caller (log-in and log-out change who it is).
    async fn forget() {
        if let Some(cache) = leptos::prelude::use_context::<CallerCache>() {
            *cache.0.lock().await = None;
        }
    }
}

/// The logged-in person with all their memberships, in one read of the
/// database per request (see `current_person` for when a session no longer
/// counts).
pub async fn current_caller(state: &AppState) -> Result<Option<CallerRecord>, AppError> {
    let Some(cache) = leptos::prelude::use_context::<CallerCache>() else {
        return look_up_caller(state).await;
    };
    // Held while looking up: the page's other server functions wait for this
    // answer instead of each reading it too.
    let mut slot = cache.0.lock().await;
    if let Some(known) = slot.as_ref() {
        return Ok(known.clone());
    }
    let found = look_up_caller(state).await?;
    *slot = Some(found.clone());
    Ok(found)
}

async fn look_up_caller(state: &AppState) -> Result<Option<CallerRecord>, AppError> {
    let session = session().await?;
    let max_age = state.config.sessions.absolute_hours * 3600;
    let valid = |record: &CallerRecord, logged_in_at: i64| {
        record.person.active
            && record.sessions_valid_after.is_none_or(|at| logged_in_at > at.timestamp())
            && Utc::now().timestamp() - logged_in_at < max_age
    };
    // A session seen before: one query reads the caller and checks that the
    // session is still stored and unexpired, without loading the session.
    if let Some(id) = session.id()
        && let Some(known) = state.known_sessions.get(&id)
    {
        // Bound first: the pooled connection goes back before `touch`, which
        // may load the session through the same pool (held across it, a burst
        // of touches could take every connection and wait for one more).
        let record = state.store.read_one().await?.caller_in_session(known.person, &id.to_string()).await?;
        match record {
            Some(record) if valid(&record, known.logged_in_at) => {
                let touched_at = touch(&session, known.touched_at, state.config.sessions.touch_seconds).await?;
                if touched_at != known.touched_at {
                    state.known_sessions.remember(id, Known { touched_at, ..known });
                }
                return Ok(Some(record));
            }
            // Ended, expired or no longer valid: the full check below ends it.
            _ => state.known_sessions.forget(&id),
        }
    }
    let Some(person) = session.get::<PersonId>(PERSON_KEY).await.map_err(AppError::internal)? else {
        return Ok(None);
    };
    let logged_in_at: i64 = session.get(LOGGED_IN_AT_KEY).await.map_err(AppError::internal)?.unwrap_or(0);
    let record = state.store.read_one().await?.caller(person).await?;
    match record {
        Some(record) if valid(&record, logged_in_at) => {
            let touched_at: i64 = session.get(TOUCHED_AT_KEY).await.map_err(AppError::internal)?.unwrap_or(0);
            let touched_at = touch(&session, touched_at, state.config.sessions.touch_seconds).await?;
            if let Some(id) = session.id() {
                state.known_sessions.remember(id, Known { person, logged_in_at, touched_at });
            }
            Ok(Some(record))
        }
        _ => {
            session.flush().await.map_err(AppError::internal)?;
            Ok(None)
        }
    }
}

/// Change a session in use when it was last touched (`touched_at`, in
/// milliseconds) `every` seconds ago or more: a changed session is saved with
/// a new idle deadline (and cookie). When it was touched last, now.
async fn touch(session: &Session, touched_at: i64, every: i64) -> Result<i64, AppError> {
    // In milliseconds: the session counts as changed only when the value does.
    let now = Utc::now().timestamp_millis();
    if now - touched_at < every * 1000 {
        return Ok(touched_at);
    }
    session.insert(TOUCHED_AT_KEY, now).await.map_err(AppError::internal)?;
    Ok(now)
}

/// What this server instance knows of a log-in session it has seen.
#[derive(Clone, Copy, Debug)]
struct Known {
    person: PersonId,
    logged_in_at: i64,
    touched_at: i64,
}

/// Whose each log-in session seen by this instance is. A session's person
/// never changes (a log-in gets a new id), so this is never wrong about whose
/// it is; whether it still counts (stored, unexpired, its person active) is
/// read with the caller on every request (`People::caller_in_session`), so a
/// log-out on another instance counts here at once. Holds ids only, no
/// session data; forgotten as a whole when it grows past `KNOWN_SESSIONS`.
#[derive(Default)]
pub struct KnownSessions(std::sync::Mutex<std::collections::HashMap<tower_sessions::session::Id, Known>>);

/// More sessions than a server instance serves in its idle time.
const KNOWN_SESSIONS: usize = 10_000;

impl KnownSessions {
    fn get(&self, id: &tower_sessions::session::Id) -> Option<Known> {
        self.0.lock().ok()?.get(id).copied()
    }

    fn remember(&self, id: tower_sessions::session::Id, known: Known) {
        if let Ok(mut sessions) = self.0.lock() {
            if sessions.len() >= KNOWN_SESSIONS {
                sessions.clear();
            }
            sessions.insert(id, known);
        }
    }

    fn forget(&self, id: &tower_sessions::session::Id) {
        if let Ok(mut sessions) = self.0.lock() {
            sessions.remove(id);
        }
    }
}

/// A caller inside one tenant, allowed to call the server function at hand.
pub struct TenantCaller {
    pub person: Person,
    pub tenant: Tenant,
    pub membership: Membership,
    pub ip: String,
}

impl TenantCaller {
    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.membership.has(*r))
    }
}

fn audience_of(endpoint: &str) -> Result<Audience, AppError> {
    // A server function missing from the table is a programming error: deny.
    audience(endpoint).ok_or_else(|| AppError::internal(format!("server function {endpoint} has no access rule")))
}

/// Authorise a server function open to everyone (it is still in the table).
pub fn public(endpoint: &str) -> Result<(), AppError> {
    match audience_of(endpoint)? {
        Audience::Public => Ok(()),
        other => Err(AppError::internal(format!("{endpoint} is {other:?}, not public"))),
    }
}

/// Authorise a tenant's server function: the caller must be logged in and hold
/// one of the roles the table gives this function in the addressed tenant.
pub async fn in_tenant(state: &AppState, endpoint: &str, slug: &str) -> Result<TenantCaller, AppError> {
    let Audience::Tenant(roles) = audience_of(endpoint)? else {
        return Err(AppError::internal(format!("{endpoint} is not a tenant function")));
    };
    member_with(state, roles, slug).await
}

/// Authorise a plain route of a tenant (a stream), by its path in the table.
pub async fn in_tenant_route(state: &AppState, route: &str, slug: &str) -> Result<TenantCaller, AppError> {
    let Some(Audience::Tenant(roles)) = crate::domain::access::route_audience(route) else {
        return Err(AppError::internal(format!("{route} is not a tenant route")));
    };
    member_with(state, roles, slug).await
}

/// The caller of a plain route (a stream, a download), authorised as any
/// server function is: the session, read inside a Leptos owner.
pub async fn route_caller(state: &AppState, parts: http::request::Parts, route: &str, slug: &str) -> Result<TenantCaller, AppError> {
    use leptos::prelude::provide_context;
    use leptos::reactive::computed::ScopedFuture;
    let owner = leptos::reactive::owner::Owner::new();
    owner
        .with(|| {
            provide_context(parts);
            provide_context(state.clone());
            ScopedFuture::new(in_tenant_route(state, route, slug))
        })
        .await
}

async fn member_with(state: &AppState, roles: &[Role], slug: &str) -> Result<TenantCaller, AppError> {
    let record = current_caller(state).await?.ok_or(AppError::NotLoggedIn)?;
    let (membership, tenant) = record.memberships.into_iter().find(|(m, _)| m.tenant_slug == slug).ok_or(AppError::NoAccess)?;
    if !roles.iter().any(|r| membership.has(*r)) {
        return Err(AppError::NoAccess);
    }
    Ok(TenantCaller { person: record.person, tenant, membership, ip: client_ip().await })
}

/// Authorise a platform function: only the platform beheerder.
pub async fn platform(state: &AppState, endpoint: &str) -> Result<Person, AppError> {
    if audience_of(endpoint)? != Audience::Platform {
        return Err(AppError::internal(format!("{endpoint} is not a platform function")));
    }
    let person = current_person(state).await?.ok_or(AppError::NotLoggedIn)?;
    if person.platform_admin { Ok(person) } else { Err(AppError::NoAccess) }
}

/// Start a fresh session for this person (a new session id: no fixation).
pub async fn start_session(person: &Person) -> Result<(), AppError> {
    CallerCache::forget().await;
    let session = session().await?;
    forget_known(&session);
    session.cycle_id().await.map_err(AppError::internal)?;
    session.insert(PERSON_KEY, person.id).await.map_err(AppError::internal)?;
    session.insert(LOGGED_IN_AT_KEY, Utc::now().timestamp()).await.map_err(AppError::internal)?;
    session.insert(TOUCHED_AT_KEY, Utc::now().timestamp_millis()).await.map_err(AppError::internal)?;
    Ok(())
}

pub async fn end_session() -> Result<(), AppError> {
    CallerCache::forget().await;
    let session = session().await?;
    forget_known(&session);
    session.flush().await.map_err(AppError::internal)
}

/// This instance forgets the session (its row goes, or its id changes).
fn forget_known(session: &Session) {
    if let (Some(id), Some(state)) = (session.id(), leptos::prelude::use_context::<AppState>()) {
        state.known_sessions.forget(&id);
    }
}

/// Keep a value in the session for the next page only (a form returned
/// without JavaScript, with its errors).
pub async fn set_flash<T: serde::Serialize>(key: &str, value: &T) -> Result<(), AppError> {
    session().await?.insert(key, value).await.map_err(AppError::internal)?;
    mark_flash();
    Ok(())
}

/// A cookie that says a flash may wait in the session. Pages look for their
/// flash only when the browser sends it, so the many pages after which
/// nothing waits need not load the session for it. Its value is no secret.
const FLASH_COOKIE: &str = "seinhuis_melding";
/// Long enough for the page the browser is sent back to.
const FLASH_SECONDS: i64 = 600;

fn mark_flash() {
    use tower_sessions::cookie::{Cookie, SameSite, time::Duration};
    let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() else { return };
    let secure = leptos::prelude::use_context::<AppState>().is_some_and(|state| state.config.https);
    let cookie = Cookie::build((FLASH_COOKIE, "1"))
        .path("/")
        .max_age(Duration::seconds(FLASH_SECONDS))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build();
    if let Ok(value) = ::http::HeaderValue::from_str(&cookie.to_string()) {
        response.append_header(::http::header::SET_COOKIE, value);
    }
}

/// Did the browser send the cookie of `mark_flash`?
fn flash_marked() -> bool {
    use tower_sessions::cookie::Cookie;
    leptos::prelude::use_context::<::http::request::Parts>().is_some_and(|parts| {
        let sent = parts.headers.get_all(::http::header::COOKIE).iter().filter_map(|v| v.to_str().ok());
        sent.flat_map(Cookie::split_parse).any(|cookie| cookie.is_ok_and(|c| c.name() == FLASH_COOKIE))
    })
}

/// Take (and forget) what `set_flash` kept. Looked at first: removing marks
/// the session changed, and a changed session is written back to the
/// database, which most pages (each asks for its flash) must not cost.
pub async fn take_flash<T: serde::de::DeserializeOwned>(key: &str) -> Result<Option<T>, AppError> {
    if !flash_marked() {
        return Ok(None);
    }
    let session = session().await?;
    let kept: Option<serde_json::Value> = session.get(key).await.map_err(AppError::internal)?;
    if kept.is_none() {
        return Ok(None);
    }
    session.remove(key).await.map_err(AppError::internal)
}

const FEEDBACK_KEY: &str = "form_feedback";

/// What the next page tells about the form just sent (unless a message was
/// set already, e.g. a specific success text).
pub async fn set_feedback(feedback: crate::api::feedback::Feedback) -> Result<(), AppError> {
    let session = session().await?;
    let existing: Option<crate::api::feedback::Feedback> = session.get(FEEDBACK_KEY).await.map_err(AppError::internal)?;
    if existing.is_none() || !feedback.ok {
        session.insert(FEEDBACK_KEY, feedback).await.map_err(AppError::internal)?;
        mark_flash();
    }
    Ok(())
}

pub async fn take_feedback() -> Result<Option<crate::api::feedback::Feedback>, AppError> {
    take_flash(FEEDBACK_KEY).await
}
