// Column limits, the screening deadline and its reminders. Shared by both
// backends (see tx.rs).

#[async_trait]
impl BoardLimitsStore for SqlTx {
    async fn board_limits(&mut self, tenant: TenantId) -> StoreResult<crate::domain::limits::BoardLimits> {
        let rows: Vec<(String, i32)> =
            sqlx::query_as("SELECT phase, soft_limit FROM column_limits WHERE tenant_id = $1").bind(tenant).fetch_all(&mut *self.0).await?;
        let days: Option<i32> =
            sqlx::query_scalar("SELECT screening_days FROM tenants WHERE id = $1").bind(tenant).fetch_optional(&mut *self.0).await?.flatten();
        let mut columns = Vec::new();
        for (phase, limit) in rows {
            columns.push((decode("column_limits.phase", &phase, Phase::from_code)?, limit.max(1) as u32));
        }
        // In board order.
        columns.sort_by_key(|(phase, _)| Phase::ALL.iter().position(|p| p == phase));
        Ok(crate::domain::limits::BoardLimits { columns, screening_days: days.map(|d| d.max(1) as u32) })
    }

    async fn set_board_limits(&mut self, tenant: TenantId, limits: &crate::domain::limits::BoardLimits) -> StoreResult<()> {
        sqlx::query("DELETE FROM column_limits WHERE tenant_id = $1").bind(tenant).execute(&mut *self.0).await?;
        for (phase, limit) in &limits.columns {
            sqlx::query("INSERT INTO column_limits (tenant_id, phase, soft_limit) VALUES ($1, $2, $3)")
                .bind(tenant)
                .bind(phase.code())
                .bind(*limit as i32)
                .execute(&mut *self.0)
                .await?;
        }
        sqlx::query("UPDATE tenants SET screening_days = $1 WHERE id = $2")
            .bind(limits.screening_days.map(|d| d as i32))
            .bind(tenant)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn tenants_with_screening_deadline(&mut self) -> StoreResult<Vec<(Tenant, crate::domain::limits::BoardLimits)>> {
        let rows: Vec<TenantRow> = sqlx::query_as(
            "SELECT id, slug, name, kind, citizen_intake FROM tenants WHERE screening_days IS NOT NULL ORDER BY id",
        )
        .fetch_all(&mut *self.0)
        .await?;
        let mut found = Vec::with_capacity(rows.len());
        for row in rows {
            let tenant = Tenant::from(row);
            let limits = self.board_limits(tenant.id).await?;
            found.push((tenant, limits));
        }
        Ok(found)
    }

    async fn claim_screening_reminders(&mut self, tenant: TenantId, cutoff: DateTime<Utc>, at: DateTime<Utc>) -> StoreResult<Vec<SignalId>> {
        // One statement: a signal another transaction claimed (committed or
        // not yet) is skipped by the primary key, never claimed twice. In id
        // order, so two claims at once wait for each other, never deadlock.
        let mut ids: Vec<SignalId> = sqlx::query_scalar(
            "INSERT INTO screening_reminders (signal_id, tenant_id, sent_at) \
             SELECT s.id, s.tenant_id, $3 FROM signals s \
             WHERE s.tenant_id = $1 AND s.phase = $4 AND s.created_at < $2 \
             AND NOT EXISTS (SELECT 1 FROM screening_reminders r WHERE r.signal_id = s.id) \
             ORDER BY s.id \
             ON CONFLICT (signal_id) DO NOTHING RETURNING signal_id",
        )
        .bind(tenant)
        .bind(cutoff)
        .bind(at)
        .bind(Phase::Submitted.code())
        .fetch_all(&mut *self.0)
        .await?;
        ids.sort();
        Ok(ids)
    }
}
