// Intake: texts for the similarity index, sightings, districts and the
// classifier's examples. Shared by both backends (see tx.rs).

#[async_trait]
impl Intake for SqlTx {
    async fn signal_texts_after(&mut self, tenant: TenantId, after: i64, limit: i64) -> StoreResult<Vec<(SignalId, String, String)>> {
        Ok(sqlx::query_as(
            "SELECT id, title, description FROM signals WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(tenant)
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *self.0)
        .await?)
    }

    async fn similar_cards(&mut self, tenant: TenantId, ids: &[SignalId]) -> StoreResult<Vec<SimilarSignal>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (0..ids.len()).map(|i| format!("${}", i + 2)).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT s.id, s.title, s.phase, \
                (SELECT COUNT(*) FROM (SELECT s.organisation_id AS o WHERE s.organisation_id IS NOT NULL \
                    UNION SELECT g.organisation_id FROM sightings g \
                    WHERE g.signal_id = s.id AND g.organisation_id IS NOT NULL) seen) AS organisations, \
                (SELECT COUNT(*) FROM sightings g WHERE g.signal_id = s.id) AS sightings \
             FROM signals s WHERE s.tenant_id = $1 AND s.id IN ({placeholders})"
        );
        let mut query = sqlx::query_as::<_, (SignalId, String, String, i64, i64)>(&sql).bind(tenant);
        for id in ids {
            query = query.bind(*id);
        }
        let rows = query.fetch_all(&mut *self.0).await?;
        // Keep the order of `ids` (best match first).
        let mut cards = Vec::with_capacity(rows.len());
        for id in ids {
            if let Some((id, title, phase, organisations, sightings)) = rows.iter().find(|r| r.0 == *id).cloned() {
                cards.push(SimilarSignal {
                    id,
                    title,
                    phase: decode("signals.phase", &phase, Phase::from_code)?,
                    organisations: organisations as u32,
                    sightings: sightings as u32,
                });
            }
        }
        Ok(cards)
    }

    async fn insert_sighting(&mut self, tenant: TenantId, signal: SignalId, organisation: Option<OrganisationId>, person: Option<PersonId>, note: &str, at: DateTime<Utc>) -> StoreResult<i64> {
        self.1.signal(tenant, signal);
        Ok(sqlx::query_scalar(
            "INSERT INTO sightings (tenant_id, signal_id, organisation_id, person_id, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(tenant)
        .bind(signal)
        .bind(organisation)
        .bind(person)
        .bind(note)
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn sightings(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<Sighting>> {
        let rows: Vec<(Option<String>, Option<String>, Option<String>, String, DateTime<Utc>)> = sqlx::query_as(
            "SELECT p.name, o.name, o.kind, g.note, g.created_at FROM sightings g \
             LEFT JOIN organisations o ON o.id = g.organisation_id LEFT JOIN people p ON p.id = g.person_id \
             WHERE g.tenant_id = $1 AND g.signal_id = $2 ORDER BY g.created_at, g.id",
        )
        .bind(tenant)
        .bind(signal)
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(person, organisation, sector, note, at)| Sighting { person, organisation, sector, note, at })
            .collect())
    }

    async fn districts(&mut self, tenant: TenantId) -> StoreResult<Vec<String>> {
        let text: String = sqlx::query_scalar("SELECT districts FROM tenants WHERE id = $1")
            .bind(tenant)
            .fetch_optional(&mut *self.0)
            .await?
            .unwrap_or_default();
        Ok(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect())
    }

    async fn set_districts(&mut self, tenant: TenantId, districts: &[String]) -> StoreResult<()> {
        sqlx::query("UPDATE tenants SET districts = $1 WHERE id = $2")
            .bind(districts.join("\n"))
            .bind(tenant)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn training_examples(&mut self, tenant: TenantId) -> StoreResult<Vec<(String, String)>> {
        let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(&format!(
            "SELECT s.title, s.description, s.tried, s.idea, pd.code FROM signals s \
             JOIN policy_domains pd ON pd.id = s.policy_domain_id \
             WHERE s.tenant_id = $1 AND s.phase IN ({SCREENED}) ORDER BY s.id"
        ))
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows.into_iter().map(|(t, d, tried, idea, code)| (format!("{t}\n{d}\n{tried}\n{idea}"), code)).collect())
    }

    async fn count_training_examples(&mut self, tenant: TenantId) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM signals WHERE tenant_id = $1 AND policy_domain_id IS NOT NULL AND phase IN ({SCREENED})"
        ))
        .bind(tenant)
        .fetch_one(&mut *self.0)
        .await?)
    }
}

/// Phases of signals a processor has screened and kept: their policy domain
/// was confirmed by someone who knows.
const SCREENED: &str = "'retained', 'bundled', 'analysed', 'scheduled', 'in_action', 'closed'";
