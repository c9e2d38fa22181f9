//! Storage of people: log-in credentials, memberships, and who is calling.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::*;

/// A person as the log-in needs them.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub person: Person,
    pub password_hash: Option<String>,
}

#[async_trait]
pub trait People {
    async fn insert_person(
        &mut self,
        email: &str,
        name: &str,
        password_hash: Option<&str>,
        platform_admin: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<PersonId>;
    async fn person(&mut self, id: PersonId) -> StoreResult<Option<Person>>;
    async fn credentials(&mut self, email: &str) -> StoreResult<Option<Credentials>>;
    async fn insert_membership(
        &mut self,
        tenant: TenantId,
        person: PersonId,
        organisation: Option<OrganisationId>,
        roles: &[Role],
        domains: &[RoleDomain],
    ) -> StoreResult<MembershipId>;
    async fn memberships(&mut self, person: PersonId) -> StoreResult<Vec<Membership>>;
    /// Who is calling, in one query: the person, when their sessions were
    /// last ended, and their active memberships with roles, domains and
    /// tenants. What every request needs before anything else.
    async fn caller(&mut self, person: PersonId) -> StoreResult<Option<CallerRecord>>;
    /// The same, in the same one query, only while the log-in session with
    /// this id is stored and not expired: a request whose session's person is
    /// known needs no read of the session itself.
    async fn caller_in_session(&mut self, person: PersonId, session: &str) -> StoreResult<Option<CallerRecord>>;
}

/// A caller as one query finds them (see `People::caller`).
#[derive(Clone, Debug)]
pub struct CallerRecord {
    pub person: Person,
    pub sessions_valid_after: Option<DateTime<Utc>>,
    /// Each with its tenant.
    pub memberships: Vec<(Membership, Tenant)>,
}
