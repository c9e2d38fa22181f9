// Invitations, password resets, log-in failures and tenant members.
// Shared by both backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct InvitationRow {
    id: i64,
    tenant_id: TenantId,
    email: String,
    name: String,
    role: String,
    organisation_id: Option<OrganisationId>,
    policy_domains: String,
    created_at: DateTime<Utc>,
    sent_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    accepted_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

impl InvitationRow {
    fn invitation(self) -> StoreResult<Invitation> {
        Ok(Invitation {
            id: self.id,
            tenant: self.tenant_id,
            email: self.email,
            name: self.name,
            role: decode("invitations.role", &self.role, Role::from_code)?,
            organisation: self.organisation_id,
            policy_domains: self
                .policy_domains
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| decode("invitations.policy_domains", s, |v| v.parse().ok()))
                .collect::<StoreResult<_>>()?,
            created_at: self.created_at,
            sent_at: self.sent_at,
            expires_at: self.expires_at,
            accepted_at: self.accepted_at,
            revoked_at: self.revoked_at,
        })
    }
}

const INVITATION_COLUMNS: &str = "id, tenant_id, email, name, role, organisation_id, policy_domains, \
    created_at, sent_at, expires_at, accepted_at, revoked_at";

#[async_trait]
impl Accounts for SqlTx {
    async fn members(&mut self, tenant: TenantId) -> StoreResult<Vec<Member>> {
        let rows: Vec<(PersonId, String, String, bool, Option<String>, i64)> = sqlx::query_as(
            "SELECT p.id, p.name, p.email, m.active, o.name, m.id \
             FROM memberships m JOIN people p ON p.id = m.person_id \
             LEFT JOIN organisations o ON o.id = m.organisation_id \
             WHERE m.tenant_id = $1 ORDER BY p.name",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        let mut members = Vec::with_capacity(rows.len());
        for (person, name, email, active, organisation, membership) in rows {
            let codes: Vec<String> = sqlx::query_scalar("SELECT role FROM membership_roles WHERE membership_id = $1")
                .bind(membership)
                .fetch_all(&mut *self.0)
                .await?;
            let mut roles = codes.iter().map(|c| decode("membership_roles.role", c, Role::from_code)).collect::<StoreResult<Vec<_>>>()?;
            roles.sort();
            let domains = role_domains(self, membership).await?;
            members.push(Member { person, name, email, active, organisation, roles, domains });
        }
        Ok(members)
    }

    async fn set_roles(&mut self, tenant: TenantId, person: PersonId, roles: &[Role], domains: &[RoleDomain]) -> StoreResult<bool> {
        let membership: Option<i64> = sqlx::query_scalar("SELECT id FROM memberships WHERE tenant_id = $1 AND person_id = $2")
            .bind(tenant)
            .bind(person)
            .fetch_optional(&mut *self.0)
            .await?;
        let Some(membership) = membership else { return Ok(false) };
        sqlx::query("DELETE FROM membership_roles WHERE membership_id = $1").bind(membership).execute(&mut *self.0).await?;
        sqlx::query("DELETE FROM membership_role_domains WHERE membership_id = $1").bind(membership).execute(&mut *self.0).await?;
        for role in roles {
            sqlx::query("INSERT INTO membership_roles (membership_id, role) VALUES ($1, $2)")
                .bind(membership)
                .bind(role.code())
                .execute(&mut *self.0)
                .await?;
        }
        insert_role_domains(self, tenant, membership, domains).await?;
        Ok(true)
    }

    async fn set_member_active(&mut self, tenant: TenantId, person: PersonId, active: bool) -> StoreResult<bool> {
        let done = sqlx::query("UPDATE memberships SET active = $1 WHERE tenant_id = $2 AND person_id = $3")
            .bind(active)
            .bind(tenant)
            .bind(person)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn set_person_active(&mut self, person: PersonId, active: bool, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("UPDATE people SET active = $1, deactivated_at = $2 WHERE id = $3")
            .bind(active)
            .bind((!active).then_some(at))
            .bind(person)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn set_password(&mut self, person: PersonId, hash: &str) -> StoreResult<()> {
        sqlx::query("UPDATE people SET password_hash = $1 WHERE id = $2").bind(hash).bind(person).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn set_platform_admin(&mut self, person: PersonId) -> StoreResult<()> {
        sqlx::query("UPDATE people SET platform_admin = $1 WHERE id = $2").bind(true).bind(person).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn insert_invitation(&mut self, i: &Invitation, token_hash: &str, invited_by: Option<PersonId>) -> StoreResult<i64> {
        let domains = i.policy_domains.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(",");
        Ok(sqlx::query_scalar(
            "INSERT INTO invitations (tenant_id, email, name, role, organisation_id, policy_domains, token_hash, \
                invited_by, created_at, sent_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(i.tenant)
        .bind(&i.email)
        .bind(&i.name)
        .bind(i.role.code())
        .bind(i.organisation)
        .bind(domains)
        .bind(token_hash)
        .bind(invited_by)
        .bind(i.created_at)
        .bind(i.sent_at)
        .bind(i.expires_at)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn invitations(&mut self, tenant: TenantId) -> StoreResult<Vec<Invitation>> {
        let rows: Vec<InvitationRow> =
            sqlx::query_as(&format!("SELECT {INVITATION_COLUMNS} FROM invitations WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC"))
                .bind(tenant)
                .fetch_all(&mut *self.0)
                .await?;
        rows.into_iter().map(InvitationRow::invitation).collect()
    }

    async fn invitation(&mut self, tenant: TenantId, id: i64) -> StoreResult<Option<Invitation>> {
        let row: Option<InvitationRow> =
            sqlx::query_as(&format!("SELECT {INVITATION_COLUMNS} FROM invitations WHERE tenant_id = $1 AND id = $2"))
                .bind(tenant)
                .bind(id)
                .fetch_optional(&mut *self.0)
                .await?;
        row.map(InvitationRow::invitation).transpose()
    }

    async fn invitation_by_token(&mut self, token_hash: &str) -> StoreResult<Option<Invitation>> {
        let row: Option<InvitationRow> = sqlx::query_as(&format!("SELECT {INVITATION_COLUMNS} FROM invitations WHERE token_hash = $1"))
            .bind(token_hash)
            .fetch_optional(&mut *self.0)
            .await?;
        row.map(InvitationRow::invitation).transpose()
    }

    async fn renew_invitation(
        &mut self,
        tenant: TenantId,
        id: i64,
        token_hash: &str,
        sent_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE invitations SET token_hash = $1, sent_at = $2, expires_at = $3 \
             WHERE tenant_id = $4 AND id = $5 AND accepted_at IS NULL AND revoked_at IS NULL",
        )
        .bind(token_hash)
        .bind(sent_at)
        .bind(expires_at)
        .bind(tenant)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn revoke_invitation(&mut self, tenant: TenantId, id: i64, at: DateTime<Utc>) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE invitations SET revoked_at = $1 WHERE tenant_id = $2 AND id = $3 AND accepted_at IS NULL AND revoked_at IS NULL",
        )
        .bind(at)
        .bind(tenant)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn accept_invitation(&mut self, id: i64, at: DateTime<Utc>) -> StoreResult<bool> {
        // Single use: only the first acceptance of a live invitation counts.
        let done = sqlx::query(
            "UPDATE invitations SET accepted_at = $1 \
             WHERE id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1",
        )
        .bind(at)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

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
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO invitation_requests (tenant_id, organisation_id, requested_by, email, name, role, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(tenant)
        .bind(organisation)
        .bind(by)
        .bind(email)
        .bind(name)
        .bind(role.code())
        .bind(note)
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn invitation_requests(&mut self, tenant: TenantId) -> StoreResult<Vec<InvitationRequest>> {
        let rows: Vec<(i64, OrganisationId, String, String, String, String, String, String, DateTime<Utc>)> = sqlx::query_as(
            "SELECT r.id, r.organisation_id, o.name, p.name, r.email, r.name, r.role, r.note, r.created_at \
             FROM invitation_requests r JOIN organisations o ON o.id = r.organisation_id \
             JOIN people p ON p.id = r.requested_by \
             WHERE r.tenant_id = $1 AND r.handled_at IS NULL ORDER BY r.created_at",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        rows.into_iter()
            .map(|(id, organisation_id, organisation, requested_by, email, name, role, note, created_at)| {
                Ok(InvitationRequest {
                    id,
                    organisation_id,
                    organisation,
                    requested_by,
                    email,
                    name,
                    role: decode("invitation_requests.role", &role, Role::from_code)?,
                    note,
                    created_at,
                })
            })
            .collect()
    }

    async fn handle_invitation_request(&mut self, tenant: TenantId, id: i64, at: DateTime<Utc>) -> StoreResult<bool> {
        let done = sqlx::query("UPDATE invitation_requests SET handled_at = $1 WHERE tenant_id = $2 AND id = $3 AND handled_at IS NULL")
            .bind(at)
            .bind(tenant)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn insert_password_reset(
        &mut self,
        person: PersonId,
        token_hash: &str,
        at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO password_resets (person_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(person)
        .bind(token_hash)
        .bind(at)
        .bind(expires_at)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn use_password_reset(&mut self, token_hash: &str, at: DateTime<Utc>) -> StoreResult<Option<PersonId>> {
        Ok(sqlx::query_scalar(
            "UPDATE password_resets SET used_at = $1 \
             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING person_id",
        )
        .bind(at)
        .bind(token_hash)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    async fn claim_login_attempt(&mut self, email: &str, now: DateTime<Utc>) -> StoreResult<Option<i64>> {
        Ok(sqlx::query_scalar(
            "INSERT INTO login_failures (email, failures, last_failure_at) VALUES ($1, 1, $2) \
             ON CONFLICT (email) DO UPDATE SET failures = login_failures.failures + 1, last_failure_at = $2 \
             WHERE login_failures.locked_until IS NULL OR login_failures.locked_until <= $2 \
             RETURNING failures",
        )
        .bind(email)
        .bind(now)
        .fetch_optional(&mut *self.0)
        .await?)
    }

    async fn lock_login(&mut self, email: &str, until: Option<DateTime<Utc>>) -> StoreResult<()> {
        sqlx::query("UPDATE login_failures SET locked_until = $2 WHERE email = $1").bind(email).bind(until).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn close_expired_invitations(&mut self, tenant: TenantId, email: &str, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "UPDATE invitations SET revoked_at = $3 \
             WHERE tenant_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= $3",
        )
        .bind(tenant)
        .bind(email)
        .bind(now)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn clear_login_failures(&mut self, email: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_failures WHERE email = $1").bind(email).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn password_resets_since(&mut self, person: PersonId, since: DateTime<Utc>) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM password_resets WHERE person_id = $1 AND created_at >= $2")
            .bind(person)
            .bind(since)
            .fetch_one(&mut *self.0)
            .await?)
    }

    async fn invitation_requests_since(
        &mut self,
        tenant: TenantId,
        organisation: OrganisationId,
        since: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM invitation_requests WHERE tenant_id = $1 AND organisation_id = $2 AND created_at >= $3",
        )
        .bind(tenant)
        .bind(organisation)
        .bind(since)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn end_sessions(&mut self, person: PersonId, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("UPDATE people SET sessions_valid_after = $1 WHERE id = $2").bind(at).bind(person).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn sessions_valid_after(&mut self, person: PersonId) -> StoreResult<Option<DateTime<Utc>>> {
        let at: Option<Option<DateTime<Utc>>> =
            sqlx::query_scalar("SELECT sessions_valid_after FROM people WHERE id = $1").bind(person).fetch_optional(&mut *self.0).await?;
        Ok(at.flatten())
    }
}
