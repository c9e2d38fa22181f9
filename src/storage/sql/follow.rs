// Following up signals: a reporter's own signals, their mail preference,
// and citizens' reports with their confirmation and follow links.
// Shared by both backends (see tx.rs).

#[async_trait]
impl Follow for SqlTx {
    async fn reported_by(&mut self, tenant: TenantId, person: PersonId) -> StoreResult<Vec<SignalSummary>> {
        self.summaries_where("AND s.reporter_id = $2", tenant, Some(person.0)).await
    }

    async fn reporter_contact(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Option<(String, bool)>> {
        // A worker's account, or else the citizen's confirmed address (always told).
        let worker: Option<(String, bool)> = sqlx::query_as(
            "SELECT p.email, p.notify_phase_changes FROM signals s JOIN people p ON p.id = s.reporter_id \
             WHERE s.tenant_id = $1 AND s.id = $2 AND p.active",
        )
        .bind(tenant)
        .bind(signal)
        .fetch_optional(&mut *self.0)
        .await?;
        if worker.is_some() {
            return Ok(worker);
        }
        let citizen: Option<String> =
            sqlx::query_scalar("SELECT email FROM citizen_reports WHERE tenant_id = $1 AND signal_id = $2")
                .bind(tenant)
                .bind(signal)
                .fetch_optional(&mut *self.0)
                .await?;
        Ok(citizen.map(|email| (email, true)))
    }

    async fn notify_phase_changes(&mut self, person: PersonId) -> StoreResult<bool> {
        Ok(sqlx::query_scalar("SELECT notify_phase_changes FROM people WHERE id = $1")
            .bind(person)
            .fetch_optional(&mut *self.0)
            .await?
            .unwrap_or(false))
    }

    async fn set_notify_phase_changes(&mut self, person: PersonId, on: bool) -> StoreResult<()> {
        sqlx::query("UPDATE people SET notify_phase_changes = $1 WHERE id = $2")
            .bind(on)
            .bind(person)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn insert_citizen_report(
        &mut self,
        tenant: TenantId,
        report: &CitizenReport,
        confirm_hash: &str,
        follow_hash: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO citizen_reports (tenant_id, email, title, description, area, confirm_hash, follow_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(tenant)
        .bind(&report.email)
        .bind(&report.title)
        .bind(&report.description)
        .bind(&report.area)
        .bind(confirm_hash)
        .bind(follow_hash)
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn confirm_citizen_report(
        &mut self,
        confirm_hash: &str,
        made_after: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> StoreResult<Option<(TenantId, i64, CitizenReport)>> {
        let row: Option<(TenantId, i64, String, String, String, String)> = sqlx::query_as(
            "UPDATE citizen_reports SET confirmed_at = $2 \
             WHERE confirm_hash = $1 AND confirmed_at IS NULL AND created_at > $3 \
             RETURNING tenant_id, id, email, title, description, area",
        )
        .bind(confirm_hash)
        .bind(at)
        .bind(made_after)
        .fetch_optional(&mut *self.0)
        .await?;
        Ok(row.map(|(tenant, id, email, title, description, area)| (tenant, id, CitizenReport { email, title, description, area })))
    }

    async fn link_citizen_report(&mut self, report: i64, signal: SignalId) -> StoreResult<()> {
        sqlx::query("UPDATE citizen_reports SET signal_id = $1 WHERE id = $2")
            .bind(signal)
            .bind(report)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn delete_unconfirmed_citizen_reports(&mut self, before: DateTime<Utc>) -> StoreResult<u64> {
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM citizen_reports WHERE confirmed_at IS NULL AND signal_id IS NULL AND created_at < $1")
                .bind(before)
                .fetch_all(&mut *self.0)
                .await?;
        for id in &ids {
            // The confirmation mail holds the address too: it goes with the report.
            let links = format!("% confirm:{id} %");
            sqlx::query("DELETE FROM outbox WHERE ' ' || links || ' ' LIKE $1").bind(links).execute(&mut *self.0).await?;
            sqlx::query("DELETE FROM citizen_reports WHERE id = $1 AND confirmed_at IS NULL").bind(id).execute(&mut *self.0).await?;
        }
        Ok(ids.len() as u64)
    }

    async fn citizen_signal(&mut self, follow_hash: &str) -> StoreResult<Option<(TenantId, Option<SignalId>)>> {
        Ok(sqlx::query_as("SELECT tenant_id, signal_id FROM citizen_reports WHERE follow_hash = $1")
            .bind(follow_hash)
            .fetch_optional(&mut *self.0)
            .await?)
    }
}
