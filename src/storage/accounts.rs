//! Storage of accounts: members of a tenant, invitations, password resets
//! and ended sessions.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::*;

#[async_trait]
pub trait Accounts {
    /// Everyone with a membership in the tenant.
    async fn members(&mut self, tenant: TenantId) -> StoreResult<Vec<Member>>;
    /// Replace a member's roles and policy domains; false if not a member.
    async fn set_roles(&mut self, tenant: TenantId, person: PersonId, roles: &[Role], domains: &[RoleDomain]) -> StoreResult<bool>;
    /// (De)activate a person's membership in one tenant; false if not a member.
    async fn set_member_active(&mut self, tenant: TenantId, person: PersonId, active: bool) -> StoreResult<bool>;
    /// (De)activate an account everywhere: an inactive person's sessions end.
    async fn set_person_active(&mut self, person: PersonId, active: bool, at: DateTime<Utc>) -> StoreResult<()>;
    async fn set_password(&mut self, person: PersonId, hash: &str) -> StoreResult<()>;
    async fn set_platform_admin(&mut self, person: PersonId) -> StoreResult<()>;
    async fn insert_invitation(&mut self, invitation: &Invitation, token_hash: &str, invited_by: Option<PersonId>) -> StoreResult<i64>;
    async fn invitations(&mut self, tenant: TenantId) -> StoreResult<Vec<Invitation>>;
    async fn invitation(&mut self, tenant: TenantId, id: i64) -> StoreResult<Option<Invitation>>;
    async fn invitation_by_token(&mut self, token_hash: &str) -> StoreResult<Option<Invitation>>;
    /// A new link and a new expiry for a pending invitation.
    async fn renew_invitation(
        &mut self,
        tenant: TenantId,
        id: i64,
        token_hash: &str,
        sent_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<bool>;
    async fn revoke_invitation(&mut self, tenant: TenantId, id: i64, at: DateTime<Utc>) -> StoreResult<bool>;
    /// Close this address's expired, never used invitations, so a new one may be sent.
    async fn close_expired_invitations(&mut self, tenant: TenantId, email: &str, now: DateTime<Utc>) -> StoreResult<()>;
    /// Mark a live invitation used; false if it was used, revoked or expired.
    async fn accept_invitation(&mut self, id: i64, at: DateTime<Utc>) -> StoreResult<bool>;
    #[allow(clippy::too_many_arguments)]
    async fn insert_invitation_request(
        &mut self,
        tenant: TenantId,
        organisation: OrganisationId,
        by: PersonId,
        email: &str,
        name: &str,
        role: Role,
        note: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// Requests not yet handled.
    async fn invitation_requests(&mut self, tenant: TenantId) -> StoreResult<Vec<InvitationRequest>>;
    async fn handle_invitation_request(&mut self, tenant: TenantId, id: i64, at: DateTime<Utc>) -> StoreResult<bool>;
    async fn insert_password_reset(
        &mut self,
        person: PersonId,
        token_hash: &str,
        at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// Use a live reset link once; the person it belongs to.
    async fn use_password_reset(&mut self, token_hash: &str, at: DateTime<Utc>) -> StoreResult<Option<PersonId>>;
    /// Take a turn to try a password for this address, counted as failed until
    /// `clear_login_failures`: the count with this attempt, or None while the
    /// address must wait. One statement, so concurrent attempts cannot share a turn.
    async fn claim_login_attempt(&mut self, email: &str, now: DateTime<Utc>) -> StoreResult<Option<i64>>;
    /// The next attempt for this address waits until then (None: need not wait).
    async fn lock_login(&mut self, email: &str, until: Option<DateTime<Utc>>) -> StoreResult<()>;
    async fn clear_login_failures(&mut self, email: &str) -> StoreResult<()>;
    /// Reset links made for this person since then (for the daily limit).
    async fn password_resets_since(&mut self, person: PersonId, since: DateTime<Utc>) -> StoreResult<i64>;
    /// Invitation requests by this organisation since then (for the daily limit).
    async fn invitation_requests_since(&mut self, tenant: TenantId, organisation: OrganisationId, since: DateTime<Utc>)
    -> StoreResult<i64>;
    /// End every session of this person that started at or before `at`.
    async fn end_sessions(&mut self, person: PersonId, at: DateTime<Utc>) -> StoreResult<()>;
    /// Sessions that started at or before this moment have ended.
    async fn sessions_valid_after(&mut self, person: PersonId) -> StoreResult<Option<DateTime<Utc>>>;
}
