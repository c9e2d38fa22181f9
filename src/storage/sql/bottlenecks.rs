// Policy domains' own texts and policy bottlenecks. Shared by both backends (see tx.rs).

#[async_trait]
impl Bottlenecks for SqlTx {
    async fn update_domain(&mut self, tenant: TenantId, domain: PolicyDomainId, name: &str, body: &str) -> StoreResult<bool> {
        let done = sqlx::query("UPDATE policy_domains SET name = $1, body = $2 WHERE tenant_id = $3 AND id = $4")
            .bind(name)
            .bind(body)
            .bind(tenant)
            .bind(domain)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn insert_bottleneck(
        &mut self,
        tenant: TenantId,
        b: &CheckedBottleneck,
        owner: PersonId,
        at: DateTime<Utc>,
    ) -> StoreResult<BottleneckId> {
        let id: BottleneckId = sqlx::query_scalar(
            "INSERT INTO bottlenecks (tenant_id, policy_domain_id, owner_id, question, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(tenant)
        .bind(b.domain)
        .bind(owner)
        .bind(&b.question)
        .bind(b.status.code())
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?;
        self.set_help(tenant, id, &b.help).await?;
        Ok(id)
    }

    async fn update_bottleneck(&mut self, tenant: TenantId, id: BottleneckId, expected_version: i64, b: &CheckedBottleneck) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE bottlenecks SET policy_domain_id = $1, question = $2, status = $3, version = version + 1 \
             WHERE tenant_id = $4 AND id = $5 AND version = $6",
        )
        .bind(b.domain)
        .bind(&b.question)
        .bind(b.status.code())
        .bind(tenant)
        .bind(id)
        .bind(expected_version)
        .execute(&mut *self.0)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        self.set_help(tenant, id, &b.help).await?;
        Ok(true)
    }

    async fn bottlenecks(&mut self, tenant: TenantId) -> StoreResult<Vec<Bottleneck>> {
        let rows: Vec<(BottleneckId, String, PolicyDomainId, String, String, Option<String>, i64, i64)> = sqlx::query_as(
            "SELECT k.id, k.question, k.policy_domain_id, d.name, k.status, p.name, k.version, \
                (SELECT COUNT(DISTINCT s.id) FROM signals s JOIN bottleneck_links l \
                    ON l.signal_id = s.id OR (s.bundle_id IS NOT NULL AND l.bundle_id = s.bundle_id) \
                 WHERE l.bottleneck_id = k.id AND s.tenant_id = k.tenant_id) \
             FROM bottlenecks k JOIN policy_domains d ON d.tenant_id = k.tenant_id AND d.id = k.policy_domain_id \
             LEFT JOIN people p ON p.id = k.owner_id WHERE k.tenant_id = $1 ORDER BY d.name, k.id",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        let help: Vec<(BottleneckId, PolicyDomainId, String)> = sqlx::query_as(
            "SELECT h.bottleneck_id, d.id, d.name FROM bottleneck_help h JOIN policy_domains d ON d.tenant_id = h.tenant_id AND d.id = h.policy_domain_id \
             WHERE h.tenant_id = $1 ORDER BY d.name",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        rows.into_iter()
            .map(|(id, question, domain, domain_name, status, owner, version, signals)| {
                Ok(Bottleneck {
                    id,
                    question,
                    domain,
                    domain_name,
                    status: decode("bottlenecks.status", &status, BottleneckStatus::from_code)?,
                    owner,
                    help: help.iter().filter(|h| h.0 == id).map(|h| h.2.clone()).collect(),
                    help_ids: help.iter().filter(|h| h.0 == id).map(|h| h.1).collect(),
                    signals: signals.max(0) as u32,
                    version,
                    editable: false,
                })
            })
            .collect()
    }

    async fn link_bottleneck(&mut self, tenant: TenantId, id: BottleneckId, subject: AgendaSubject, at: DateTime<Utc>) -> StoreResult<bool> {
        let (bundle, signal, _) = subject_columns(subject);
        let exists: Option<i64> = sqlx::query_scalar(
            "SELECT bottleneck_id FROM bottleneck_links WHERE tenant_id = $1 AND bottleneck_id = $2 \
             AND (signal_id = $3 OR bundle_id = $4)",
        )
        .bind(tenant)
        .bind(id)
        .bind(signal)
        .bind(bundle)
        .fetch_optional(&mut *self.0)
        .await?;
        if exists.is_some() {
            return Ok(false);
        }
        sqlx::query("INSERT INTO bottleneck_links (tenant_id, bottleneck_id, signal_id, bundle_id, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(tenant)
            .bind(id)
            .bind(signal)
            .bind(bundle)
            .bind(at)
            .execute(&mut *self.0)
            .await?;
        Ok(true)
    }

    async fn unlink_bottleneck(&mut self, tenant: TenantId, id: BottleneckId, subject: AgendaSubject) -> StoreResult<bool> {
        let (bundle, signal, _) = subject_columns(subject);
        let done = sqlx::query(
            "DELETE FROM bottleneck_links WHERE tenant_id = $1 AND bottleneck_id = $2 AND (signal_id = $3 OR bundle_id = $4)",
        )
        .bind(tenant)
        .bind(id)
        .bind(signal)
        .bind(bundle)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn bottlenecks_of(&mut self, tenant: TenantId, subject: AgendaSubject) -> StoreResult<Vec<BottleneckId>> {
        let (bundle, signal, _) = subject_columns(subject);
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT l.bottleneck_id FROM bottleneck_links l WHERE l.tenant_id = $1 AND (l.signal_id = $2 OR l.bundle_id = $3 \
                OR l.bundle_id = (SELECT s.bundle_id FROM signals s WHERE s.tenant_id = $1 AND s.id = $2)) ORDER BY l.bottleneck_id",
        )
        .bind(tenant)
        .bind(signal)
        .bind(bundle)
        .fetch_all(&mut *self.0)
        .await?)
    }

    async fn signals_without_bottleneck(&mut self, tenant: TenantId) -> StoreResult<Vec<SignalSummary>> {
        let phases = crate::domain::forum::bottleneck::WANTS_BOTTLENECK.iter().map(|p| format!("'{}'", p.code())).collect::<Vec<_>>().join(", ");
        // Phase codes are our own constants, written into the text.
        self.summaries_where(
            &format!(
                "AND s.phase IN ({phases}) AND NOT EXISTS (SELECT 1 FROM bottleneck_links l WHERE l.tenant_id = s.tenant_id \
                    AND (l.signal_id = s.id OR (s.bundle_id IS NOT NULL AND l.bundle_id = s.bundle_id)))"
            ),
            tenant,
            None,
        )
        .await
    }
}

impl SqlTx {
    async fn set_help(&mut self, tenant: TenantId, id: BottleneckId, help: &[PolicyDomainId]) -> StoreResult<()> {
        sqlx::query("DELETE FROM bottleneck_help WHERE tenant_id = $1 AND bottleneck_id = $2").bind(tenant).bind(id).execute(&mut *self.0).await?;
        for domain in help {
            sqlx::query("INSERT INTO bottleneck_help (tenant_id, bottleneck_id, policy_domain_id) VALUES ($1, $2, $3)")
                .bind(tenant)
                .bind(id)
                .bind(domain)
                .execute(&mut *self.0)
                .await?;
        }
        Ok(())
    }
}
