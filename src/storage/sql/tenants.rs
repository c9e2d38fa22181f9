// Tenants, policy domains, organisations. Shared by both backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct TenantRow {
    id: TenantId,
    slug: String,
    name: String,
    kind: String,
    citizen_intake: bool,
}

impl From<TenantRow> for Tenant {
    fn from(r: TenantRow) -> Self {
        Tenant { id: r.id, slug: r.slug, name: r.name, kind: r.kind, citizen_intake: r.citizen_intake }
    }
}

#[async_trait]
impl Tenants for SqlTx {
    async fn tenants(&mut self) -> StoreResult<Vec<Tenant>> {
        let rows: Vec<TenantRow> =
            sqlx::query_as("SELECT id, slug, name, kind, citizen_intake FROM tenants ORDER BY name").fetch_all(&mut *self.0).await?;
        Ok(rows.into_iter().map(Tenant::from).collect())
    }

    async fn tenant_by_slug(&mut self, slug: &str) -> StoreResult<Option<Tenant>> {
        let row: Option<TenantRow> = sqlx::query_as("SELECT id, slug, name, kind, citizen_intake FROM tenants WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(Tenant::from))
    }

    async fn insert_tenant(&mut self, slug: &Slug, name: &str, kind: &str, at: DateTime<Utc>) -> StoreResult<TenantId> {
        let id = sqlx::query_scalar("INSERT INTO tenants (slug, name, kind, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(slug.as_str())
            .bind(name)
            .bind(kind)
            .bind(at)
            .fetch_one(&mut *self.0)
            .await?;
        Ok(TenantId(id))
    }

    async fn policy_domains(&mut self, tenant: TenantId) -> StoreResult<Vec<PolicyDomain>> {
        let rows: Vec<(PolicyDomainId, String, String, String)> =
            sqlx::query_as("SELECT id, code, name, body FROM policy_domains WHERE tenant_id = $1 ORDER BY name")
                .bind(tenant)
                .fetch_all(&mut *self.0)
                .await?;
        Ok(rows.into_iter().map(|(id, code, name, body)| PolicyDomain { id, code, name, body }).collect())
    }

    async fn insert_policy_domain(&mut self, tenant: TenantId, code: &str, name: &str) -> StoreResult<PolicyDomainId> {
        let id = sqlx::query_scalar("INSERT INTO policy_domains (tenant_id, code, name) VALUES ($1, $2, $3) RETURNING id")
            .bind(tenant)
            .bind(code)
            .bind(name)
            .fetch_one(&mut *self.0)
            .await?;
        Ok(PolicyDomainId(id))
    }

    async fn organisations(&mut self, tenant: TenantId) -> StoreResult<Vec<Organisation>> {
        let rows: Vec<(OrganisationId, String, String, bool, bool, String)> = sqlx::query_as(
            "SELECT id, name, kind, processes_own_signals, territory_mandate, contact_email FROM organisations \
             WHERE tenant_id = $1 ORDER BY name",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, kind, processes_own_signals, territory_mandate, contact_email)| Organisation {
                id,
                name,
                kind,
                processes_own_signals,
                territory_mandate,
                contact_email,
            })
            .collect())
    }

    async fn insert_organisation(&mut self, tenant: TenantId, org: &NewOrganisation) -> StoreResult<OrganisationId> {
        let id = sqlx::query_scalar(
            "INSERT INTO organisations (tenant_id, name, kind, processes_own_signals, territory_mandate, contact_email) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(tenant)
        .bind(&org.name)
        .bind(&org.kind)
        .bind(org.processes_own_signals)
        .bind(org.territory_mandate)
        .bind(&org.contact_email)
        .fetch_one(&mut *self.0)
        .await?;
        Ok(OrganisationId(id))
    }

    async fn update_organisation(&mut self, tenant: TenantId, id: OrganisationId, org: &NewOrganisation) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE organisations SET name = $1, kind = $2, processes_own_signals = $3, territory_mandate = $4, \
             contact_email = $7 WHERE tenant_id = $5 AND id = $6",
        )
        .bind(&org.name)
        .bind(&org.kind)
        .bind(org.processes_own_signals)
        .bind(org.territory_mandate)
        .bind(tenant)
        .bind(id)
        .bind(&org.contact_email)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn update_tenant(&mut self, tenant: TenantId, name: &str, citizen_intake: bool) -> StoreResult<()> {
        sqlx::query("UPDATE tenants SET name = $1, citizen_intake = $2 WHERE id = $3")
            .bind(name)
            .bind(citizen_intake)
            .bind(tenant)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn lock_tenant(&mut self, tenant: TenantId) -> StoreResult<()> {
        sqlx::query(&format!("SELECT id FROM tenants WHERE id = $1{ROW_LOCK}")).bind(tenant).fetch_optional(&mut *self.0).await?;
        Ok(())
    }
}
