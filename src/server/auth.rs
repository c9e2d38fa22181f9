//! Who is calling: log-in sessions, passwords, and the caller's membership in
//! the tenant they address. Every server function starts here.

use chrono::Utc;
use tower_sessions::Session;

use super::state::AppState;
use crate::domain::{Membership, Person, PersonId, Role, Tenant};
use crate::error::AppError;

const PERSON_KEY: &str = "person";
const LOGGED_IN_AT_KEY: &str = "logged_in_at";

async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(AppError::internal)
}

/// The logged-in person. Read from the database on every request, so a
/// deactivated account is out at once; sessions past their absolute lifetime end.
pub async fn current_person(state: &AppState) -> Result<Option<Person>, AppError> {
    let session = session().await?;
    let Some(id) = session.get::<PersonId>(PERSON_KEY).await.map_err(AppError::internal)? else {
        return Ok(None);
    };
    let logged_in_at: i64 = session.get(LOGGED_IN_AT_KEY).await.map_err(AppError::internal)?.unwrap_or(0);
    let max_age = state.config.sessions.absolute_hours * 3600;
    let person = state.store.read().await?.person(id).await?;
    match person {
        Some(person) if person.active && Utc::now().timestamp() - logged_in_at < max_age => Ok(Some(person)),
        _ => {
            session.flush().await.map_err(AppError::internal)?;
            Ok(None)
        }
    }
}

/// A logged-in caller with their memberships.
pub struct Caller {
    pub person: Person,
    pub memberships: Vec<Membership>,
}

pub async fn caller(state: &AppState) -> Result<Caller, AppError> {
    let person = current_person(state).await?.ok_or(AppError::NotLoggedIn)?;
    let memberships = state.store.read().await?.memberships(person.id).await?;
    Ok(Caller { person, memberships })
}

/// A caller inside one tenant.
pub struct TenantCaller {
    pub person: Person,
    pub tenant: Tenant,
    pub membership: Membership,
}

impl TenantCaller {
    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.membership.has(*r))
    }
}

/// The caller's membership in the tenant with this slug; refused unless they
/// hold one of `roles` there. Checked before anything of the tenant is read.
pub async fn in_tenant(state: &AppState, slug: &str, roles: &[Role]) -> Result<TenantCaller, AppError> {
    let Caller { person, memberships } = caller(state).await?;
    let membership = memberships
        .into_iter()
        .find(|m| m.tenant_slug == slug)
        .ok_or(AppError::NoAccess)?;
    let tenant = state.store.read().await?.tenant_by_slug(slug).await?.ok_or(AppError::NotFound)?;
    let caller = TenantCaller { person, tenant, membership };
    if caller.has_any(roles) { Ok(caller) } else { Err(AppError::NoAccess) }
}

/// Check e-mail and password and start a fresh session. The message never
/// tells whether the address exists.
pub async fn log_in(state: &AppState, email: &str, password: &str) -> Result<Person, AppError> {
    let wrong = || AppError::Invalid("Dit e-mailadres en wachtwoord passen niet bij elkaar.".into());
    let credentials = state.store.read().await?.credentials(email).await?;
    let (person, hash) = match credentials {
        Some(c) if c.person.active && c.password_hash.is_some() => (Some(c.person), c.password_hash),
        // Verify against a throw-away hash anyway, so timing tells nothing.
        _ => (None, None),
    };
    let ok = verify_password(password.to_string(), hash).await?;
    let person = person.filter(|_| ok).ok_or_else(wrong)?;
    let session = session().await?;
    session.cycle_id().await.map_err(AppError::internal)?;
    session.insert(PERSON_KEY, person.id).await.map_err(AppError::internal)?;
    session.insert(LOGGED_IN_AT_KEY, Utc::now().timestamp()).await.map_err(AppError::internal)?;
    Ok(person)
}

pub async fn log_out() -> Result<(), AppError> {
    session().await?.flush().await.map_err(AppError::internal)
}

/// Hash a password with Argon2id (the crate's recommended parameters).
pub fn hash_password(password: &str) -> Result<String, AppError> {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(AppError::internal)
}

async fn verify_password(password: String, hash: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.to_string());
        let parsed = PasswordHash::new(&hash).map_err(AppError::internal)?;
        let matches = argon2::Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        Ok(known && matches)
    })
    .await
    .map_err(AppError::internal)?
}

/// Argon2id hash of a random string nobody knows, used when the e-mail is unknown.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2Vpbmh1aXNkdW1teQ$Vx0fo0mFP/Yi2Jq1P1DlGjdWcFmm+Y0ZqyZ7QwP5Ws4";
