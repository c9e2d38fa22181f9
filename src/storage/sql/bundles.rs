// Bundles and their history. Shared by both backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct BundleRow {
    id: BundleId,
    title: String,
    phase: String,
    version: i64,
    lead_domain_id: Option<PolicyDomainId>,
    lead_domain: Option<String>,
    merged_into: Option<BundleId>,
    updated_at: DateTime<Utc>,
    signals: i64,
    organisations: i64,
    problem: String,
    analysis: String,
}

impl BundleRow {
    fn details(self, sectors: Vec<String>) -> StoreResult<bundle::BundleDetails> {
        Ok(bundle::BundleDetails {
            summary: bundle::BundleSummary {
                id: self.id,
                title: self.title,
                phase: decode("bundles.phase", &self.phase, Phase::from_code)?,
                version: self.version,
                lead_domain: self.lead_domain,
                lead_domain_id: self.lead_domain_id,
                signals: self.signals,
                organisations: self.organisations,
                sectors,
                merged_into: self.merged_into,
                updated_at: self.updated_at,
            },
            problem: self.problem,
            analysis: self.analysis,
        })
    }
}

/// The organisations behind a bundle's signals: their reporters' and those
/// that said "ik zie dit ook".
const BUNDLE_ORGANISATIONS: &str = "SELECT s.bundle_id, s.organisation_id FROM signals s \
        WHERE s.tenant_id = $1 AND s.bundle_id IS NOT NULL AND s.organisation_id IS NOT NULL \
    UNION SELECT s.bundle_id, g.organisation_id FROM sightings g JOIN signals s ON s.id = g.signal_id \
        WHERE s.tenant_id = $1 AND s.bundle_id IS NOT NULL AND g.organisation_id IS NOT NULL";

impl SqlTx {
    async fn bundle_rows(&mut self, tenant: TenantId, id: Option<BundleId>) -> StoreResult<Vec<bundle::BundleDetails>> {
        let rows: Vec<BundleRow> = sqlx::query_as(&format!(
            "SELECT b.id, b.title, b.phase, b.version, b.lead_domain_id, pd.name AS lead_domain, b.merged_into, \
                    COALESCE(b.updated_at, b.created_at) AS updated_at, b.problem, b.analysis, \
                    (SELECT COUNT(*) FROM signals s WHERE s.bundle_id = b.id) AS signals, \
                    (SELECT COUNT(*) FROM ({BUNDLE_ORGANISATIONS}) o WHERE o.bundle_id = b.id) AS organisations \
             FROM bundles b LEFT JOIN policy_domains pd ON pd.id = b.lead_domain_id \
             WHERE b.tenant_id = $1 AND ($2 IS NULL OR b.id = $2) \
             ORDER BY COALESCE(b.updated_at, b.created_at) DESC, b.id DESC"
        ))
        .bind(tenant)
        .bind(id)
        .fetch_all(&mut *self.0)
        .await?;
        let sectors: Vec<(BundleId, String)> = sqlx::query_as(&format!(
            "SELECT DISTINCT o.bundle_id, org.kind FROM ({BUNDLE_ORGANISATIONS}) o \
             JOIN organisations org ON org.id = o.organisation_id ORDER BY org.kind"
        ))
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        rows.into_iter()
            .map(|row| {
                let own = sectors.iter().filter(|(b, _)| *b == row.id).map(|(_, kind)| kind.clone()).collect();
                row.details(own)
            })
            .collect()
    }
}

#[async_trait]
impl Bundles for SqlTx {
    async fn bundles(&mut self, tenant: TenantId) -> StoreResult<Vec<bundle::BundleSummary>> {
        Ok(self.bundle_rows(tenant, None).await?.into_iter().map(|d| d.summary).collect())
    }

    async fn bundle_details(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Option<bundle::BundleDetails>> {
        Ok(self.bundle_rows(tenant, Some(id)).await?.pop())
    }

    async fn lock_bundle(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<()> {
        sqlx::query(&format!("SELECT id FROM bundles WHERE tenant_id = $1 AND id = $2{ROW_LOCK}"))
            .bind(tenant)
            .bind(id)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn create_bundle(&mut self, tenant: TenantId, text: &bundle::BundleText, at: DateTime<Utc>) -> StoreResult<BundleId> {
        let id = sqlx::query_scalar(
            "INSERT INTO bundles (tenant_id, title, problem, analysis, lead_domain_id, phase, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(tenant)
        .bind(&text.title)
        .bind(&text.problem)
        .bind(&text.analysis)
        .bind(text.lead_domain)
        .bind(Phase::Bundled.code())
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?;
        Ok(BundleId(id))
    }

    async fn update_bundle(
        &mut self,
        tenant: TenantId,
        id: BundleId,
        expected_version: i64,
        update: BundleUpdate<'_>,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let text = update.text;
        let done = sqlx::query(
            "UPDATE bundles SET title = COALESCE($1, title), problem = COALESCE($2, problem), \
                analysis = COALESCE($3, analysis), \
                lead_domain_id = CASE WHEN $4 THEN $5 ELSE lead_domain_id END, \
                phase = COALESCE($6, phase), merged_into = COALESCE($7, merged_into), \
                version = version + 1, updated_at = $8 \
             WHERE tenant_id = $9 AND id = $10 AND version = $11",
        )
        .bind(text.map(|t| t.title.as_str()))
        .bind(text.map(|t| t.problem.as_str()))
        .bind(text.map(|t| t.analysis.as_str()))
        .bind(text.is_some())
        .bind(text.and_then(|t| t.lead_domain))
        .bind(update.phase.map(Phase::code))
        .bind(update.merged_into)
        .bind(at)
        .bind(tenant)
        .bind(id)
        .bind(expected_version)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn insert_bundle_event(
        &mut self,
        tenant: TenantId,
        bundle: BundleId,
        actor: Option<PersonId>,
        at: DateTime<Utc>,
        e: &bundle::BundleEventDraft,
    ) -> StoreResult<()> {
        self.1.bundle(tenant, bundle);
        sqlx::query(
            "INSERT INTO bundle_events (tenant_id, bundle_id, at, actor_id, kind, signal_id, other_bundle_id, \
                from_phase, to_phase, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(tenant)
        .bind(bundle)
        .bind(at)
        .bind(actor)
        .bind(e.kind.code())
        .bind(e.signal)
        .bind(e.other_bundle)
        .bind(e.from.map(Phase::code))
        .bind(e.to.map(Phase::code))
        .bind(&e.note)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn bundle_history(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Vec<bundle::BundleHistoryEntry>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            at: DateTime<Utc>,
            actor_name: Option<String>,
            kind: String,
            signal_id: Option<SignalId>,
            other_bundle_id: Option<BundleId>,
            from_phase: Option<String>,
            to_phase: Option<String>,
            note: Option<String>,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT e.at, p.name AS actor_name, e.kind, e.signal_id, e.other_bundle_id, e.from_phase, e.to_phase, e.note \
             FROM bundle_events e LEFT JOIN people p ON p.id = e.actor_id \
             WHERE e.tenant_id = $1 AND e.bundle_id = $2 ORDER BY e.at, e.id",
        )
        .bind(tenant)
        .bind(id)
        .fetch_all(&mut *self.0)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(bundle::BundleHistoryEntry {
                    at: r.at,
                    actor_name: r.actor_name,
                    kind: decode("bundle_events.kind", &r.kind, bundle::BundleEventKind::from_code)?,
                    signal: r.signal_id,
                    other_bundle: r.other_bundle_id,
                    from: decode_opt("bundle_events.from_phase", r.from_phase, Phase::from_code)?,
                    to: decode_opt("bundle_events.to_phase", r.to_phase, Phase::from_code)?,
                    note: r.note,
                })
            })
            .collect()
    }
}
