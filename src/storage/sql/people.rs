// People and memberships. Shared by both backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: PersonId,
    email: String,
    name: String,
    platform_admin: bool,
    active: bool,
    password_hash: Option<String>,
}

impl PersonRow {
    fn person(self) -> (Person, Option<String>) {
        let person = Person { id: self.id, email: self.email, name: self.name, platform_admin: self.platform_admin, active: self.active };
        (person, self.password_hash)
    }
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    id: MembershipId,
    tenant_id: TenantId,
    slug: String,
    tenant_name: String,
    organisation_id: Option<OrganisationId>,
    processes_own: Option<bool>,
    territory_mandate: Option<bool>,
    person_id: PersonId,
    name: String,
    email: String,
}

const PERSON_COLUMNS: &str = "id, email, name, platform_admin, active, password_hash";

#[async_trait]
impl People for SqlTx {
    async fn insert_person(
        &mut self,
        email: &str,
        name: &str,
        password_hash: Option<&str>,
        platform_admin: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<PersonId> {
        let id = sqlx::query_scalar(
            "INSERT INTO people (email, name, password_hash, platform_admin, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(email.trim().to_lowercase())
        .bind(name)
        .bind(password_hash)
        .bind(platform_admin)
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?;
        Ok(PersonId(id))
    }

    async fn person(&mut self, id: PersonId) -> StoreResult<Option<Person>> {
        let row: Option<PersonRow> =
            sqlx::query_as(&format!("SELECT {PERSON_COLUMNS} FROM people WHERE id = $1")).bind(id).fetch_optional(&mut *self.0).await?;
        Ok(row.map(|r| r.person().0))
    }

    async fn credentials(&mut self, email: &str) -> StoreResult<Option<Credentials>> {
        let row: Option<PersonRow> = sqlx::query_as(&format!("SELECT {PERSON_COLUMNS} FROM people WHERE email = $1"))
            .bind(email.trim().to_lowercase())
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(|r| {
            let (person, password_hash) = r.person();
            Credentials { person, password_hash }
        }))
    }

    async fn insert_membership(
        &mut self,
        tenant: TenantId,
        person: PersonId,
        organisation: Option<OrganisationId>,
        roles: &[Role],
        domains: &[RoleDomain],
    ) -> StoreResult<MembershipId> {
        let id: i64 =
            sqlx::query_scalar("INSERT INTO memberships (tenant_id, person_id, organisation_id) VALUES ($1, $2, $3) RETURNING id")
                .bind(tenant)
                .bind(person)
                .bind(organisation)
                .fetch_one(&mut *self.0)
                .await?;
        for role in roles {
            sqlx::query("INSERT INTO membership_roles (membership_id, role) VALUES ($1, $2)")
                .bind(id)
                .bind(role.code())
                .execute(&mut *self.0)
                .await?;
        }
        insert_role_domains(self, tenant, id, domains).await?;
        Ok(MembershipId(id))
    }

    async fn caller(&mut self, person: PersonId) -> StoreResult<Option<CallerRecord>> {
        let lines = self.caller_lines(person, None).await?;
        caller_record(lines)
    }

    async fn caller_in_session(&mut self, person: PersonId, session: &str) -> StoreResult<Option<CallerRecord>> {
        let lines = self.caller_lines(person, Some(session)).await?;
        caller_record(lines)
    }

    async fn memberships(&mut self, person: PersonId) -> StoreResult<Vec<Membership>> {
        let rows = load_memberships(self, "m.person_id = $1", person.0).await?;
        Ok(rows.into_iter().map(|(membership, _, _)| membership).collect())
    }
}

impl SqlTx {
    /// The lines of `People::caller`; with a session id, only while that
    /// session is stored and unexpired (each backend's `SESSION_ALIVE`).
    async fn caller_lines(&mut self, person: PersonId, session: Option<&str>) -> StoreResult<Vec<CallerLine>> {
        let condition = if session.is_some() { format!(" AND {SESSION_ALIVE}") } else { String::new() };
        // Roles and role domains come as one list of (role, domain) pairs
        // beside each membership: a role without domains once with NULL.
        let sql = format!(
            "SELECT p.id, p.email, p.name, p.platform_admin, p.active, p.sessions_valid_after, \
                    m.id AS membership_id, m.tenant_id, t.slug, t.name AS tenant_name, t.kind AS tenant_kind, t.citizen_intake, \
                    m.organisation_id, o.processes_own_signals AS processes_own, o.territory_mandate, \
                    x.role, x.domain_role, x.domain \
             FROM people p \
             LEFT JOIN memberships m ON m.person_id = p.id AND m.active \
             LEFT JOIN tenants t ON t.id = m.tenant_id \
             LEFT JOIN organisations o ON o.id = m.organisation_id \
             LEFT JOIN ( \
               SELECT membership_id, role, NULL AS domain_role, NULL AS domain FROM membership_roles \
               UNION ALL SELECT membership_id, NULL, role, policy_domain_id FROM membership_role_domains \
             ) x ON x.membership_id = m.id \
             WHERE p.id = $1{condition} ORDER BY t.name, m.id, x.role, x.domain_role, x.domain"
        );
        let mut query = sqlx::query_as(&sql).bind(person);
        if let Some(session) = session {
            query = query.bind(session);
        }
        Ok(query.fetch_all(&mut *self.0).await?)
    }
}

/// One line of `People::caller`: the person, and per membership, role and
/// role domain what the joins give (`NULL` where there is none).
#[derive(sqlx::FromRow)]
struct CallerLine {
    id: PersonId,
    email: String,
    name: String,
    platform_admin: bool,
    active: bool,
    sessions_valid_after: Option<DateTime<Utc>>,
    membership_id: Option<MembershipId>,
    tenant_id: Option<TenantId>,
    slug: Option<String>,
    tenant_name: Option<String>,
    tenant_kind: Option<String>,
    citizen_intake: Option<bool>,
    organisation_id: Option<OrganisationId>,
    processes_own: Option<bool>,
    territory_mandate: Option<bool>,
    role: Option<String>,
    domain_role: Option<String>,
    domain: Option<PolicyDomainId>,
}

/// Folds the lines of one caller, in the query's order, into the record.
fn caller_record(lines: Vec<CallerLine>) -> StoreResult<Option<CallerRecord>> {
    let Some(first) = lines.first() else { return Ok(None) };
    let person =
        Person { id: first.id, email: first.email.clone(), name: first.name.clone(), platform_admin: first.platform_admin, active: first.active };
    let mut record = CallerRecord { person, sessions_valid_after: first.sessions_valid_after, memberships: Vec::new() };
    for line in lines {
        let (Some(id), Some(tenant_id)) = (line.membership_id, line.tenant_id) else { continue };
        if record.memberships.last().is_none_or(|(m, _)| m.id != id) {
            let tenant = Tenant {
                id: tenant_id,
                slug: line.slug.clone().unwrap_or_default(),
                name: line.tenant_name.clone().unwrap_or_default(),
                kind: line.tenant_kind.clone().unwrap_or_default(),
                citizen_intake: line.citizen_intake.unwrap_or(false),
            };
            let membership = Membership {
                id,
                person: record.person.id,
                tenant: tenant_id,
                tenant_slug: tenant.slug.clone(),
                tenant_name: tenant.name.clone(),
                organisation: line.organisation_id,
                organisation_processes_own: line.processes_own.unwrap_or(false),
                organisation_territory_mandate: line.territory_mandate.unwrap_or(false),
                roles: Vec::new(),
                domains: Vec::new(),
            };
            record.memberships.push((membership, tenant));
        }
        let (membership, _) = record.memberships.last_mut().expect("pushed above");
        if let Some(code) = &line.role {
            let role = decode("membership_roles.role", code, Role::from_code)?;
            if !membership.roles.contains(&role) {
                membership.roles.push(role);
            }
        }
        if let (Some(code), Some(domain)) = (&line.domain_role, line.domain) {
            let held = RoleDomain::new(decode("membership_role_domains.role", code, Role::from_code)?, domain);
            if !membership.domains.contains(&held) {
                membership.domains.push(held);
            }
        }
    }
    Ok(Some(record))
}

/// Active memberships matching `condition` (on `memberships m` and `people p`,
/// with one bound number), by tenant name then person name, with each
/// person's name and e-mail address.
async fn load_memberships(tx: &mut SqlTx, condition: &str, value: i64) -> StoreResult<Vec<(Membership, String, String)>> {
    let rows: Vec<MembershipRow> = sqlx::query_as(&format!(
        "SELECT m.id, m.tenant_id, t.slug, t.name AS tenant_name, m.organisation_id, \
                o.processes_own_signals AS processes_own, o.territory_mandate, m.person_id, p.name, p.email \
         FROM memberships m \
         JOIN tenants t ON t.id = m.tenant_id \
         JOIN people p ON p.id = m.person_id \
         LEFT JOIN organisations o ON o.id = m.organisation_id \
         WHERE {condition} AND m.active ORDER BY t.name, p.name"
    ))
    .bind(value)
    .fetch_all(&mut *tx.0)
    .await?;
    let mut memberships = Vec::with_capacity(rows.len());
    for row in rows {
        let role_codes: Vec<String> = sqlx::query_scalar("SELECT role FROM membership_roles WHERE membership_id = $1 ORDER BY role")
            .bind(row.id)
            .fetch_all(&mut *tx.0)
            .await?;
        let roles = role_codes.iter().map(|c| decode("membership_roles.role", c, Role::from_code)).collect::<StoreResult<Vec<_>>>()?;
        let domains = role_domains(tx, row.id.0).await?;
        let membership = Membership {
            id: row.id,
            person: row.person_id,
            tenant: row.tenant_id,
            tenant_slug: row.slug,
            tenant_name: row.tenant_name,
            organisation: row.organisation_id,
            organisation_processes_own: row.processes_own.unwrap_or(false),
            organisation_territory_mandate: row.territory_mandate.unwrap_or(false),
            roles,
            domains,
        };
        memberships.push((membership, row.name, row.email));
    }
    Ok(memberships)
}

/// The policy domains of one membership, each with the role that holds it.
async fn role_domains(tx: &mut SqlTx, membership: i64) -> StoreResult<Vec<RoleDomain>> {
    let rows: Vec<(String, PolicyDomainId)> = sqlx::query_as(
        "SELECT role, policy_domain_id FROM membership_role_domains WHERE membership_id = $1 ORDER BY role, policy_domain_id",
    )
    .bind(membership)
    .fetch_all(&mut *tx.0)
    .await?;
    rows.into_iter()
        .map(|(role, domain)| Ok(RoleDomain::new(decode("membership_role_domains.role", &role, Role::from_code)?, domain)))
        .collect()
}

async fn insert_role_domains(tx: &mut SqlTx, tenant: TenantId, membership: i64, domains: &[RoleDomain]) -> StoreResult<()> {
    for d in domains {
        sqlx::query("INSERT INTO membership_role_domains (tenant_id, membership_id, role, policy_domain_id) VALUES ($1, $2, $3, $4)")
            .bind(tenant)
            .bind(membership)
            .bind(d.role.code())
            .bind(d.domain)
            .execute(&mut *tx.0)
            .await?;
    }
    Ok(())
}
