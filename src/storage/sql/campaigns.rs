// Campaigns, their actors and action lines. Shared by both backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct LineRow {
    id: ActionLineId,
    campaign_id: CampaignId,
    title: String,
    lead_id: Option<PersonId>,
    lead_name: Option<String>,
    lead_organisation: Option<String>,
    due_on: Option<String>,
    status: String,
    progress: i64,
    weight: i64,
    version: i64,
}

impl LineRow {
    fn line(self) -> StoreResult<(CampaignId, ActionLine)> {
        let due_on = match self.due_on {
            Some(text) => Some(
                chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| StoreError::Corrupt { column: "action_lines.due_on", value: text })?,
            ),
            None => None,
        };
        Ok((
            self.campaign_id,
            ActionLine {
                id: self.id,
                title: self.title,
                lead: self.lead_id,
                lead_name: self.lead_name,
                lead_organisation: self.lead_organisation,
                due_on,
                status: decode("action_lines.status", &self.status, LineStatus::from_code)?,
                progress: self.progress.clamp(0, 100) as u8,
                weight: self.weight.clamp(1, 100) as u8,
                version: self.version,
            },
        ))
    }
}

const LINE_SELECT: &str = "SELECT l.id, l.campaign_id, l.title, l.lead_id, p.name AS lead_name, o.name AS lead_organisation, \
        l.due_on, l.status, l.progress, l.weight, l.version \
    FROM action_lines l LEFT JOIN people p ON p.id = l.lead_id \
    LEFT JOIN memberships m ON m.tenant_id = l.tenant_id AND m.person_id = l.lead_id \
    LEFT JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id";

#[derive(sqlx::FromRow)]
struct CampaignRow {
    id: CampaignId,
    title: String,
    problem: String,
    analysis: String,
    status: String,
    outcome: Option<String>,
    version: i64,
}

impl SqlTx {
    async fn campaigns_where(&mut self, tenant: TenantId, condition: &str, id: Option<CampaignId>) -> StoreResult<Vec<Campaign>> {
        let sql = format!(
            "SELECT id, title, problem, analysis, status, outcome, version FROM campaigns WHERE tenant_id = $1 {condition} \
             ORDER BY CASE WHEN status = 'lopend' THEN 0 ELSE 1 END, created_at DESC, id DESC"
        );
        let mut query = sqlx::query_as::<_, CampaignRow>(&sql).bind(tenant);
        if let Some(id) = id {
            query = query.bind(id);
        }
        let rows = query.fetch_all(&mut *self.0).await?;
        let mut campaigns = Vec::new();
        for row in rows {
            let lines: Vec<LineRow> = sqlx::query_as(&format!("{LINE_SELECT} WHERE l.tenant_id = $1 AND l.campaign_id = $2 ORDER BY l.id"))
                .bind(tenant)
                .bind(row.id)
                .fetch_all(&mut *self.0)
                .await?;
            let actors: Vec<(String, String)> = sqlx::query_as(
                "SELECT o.name, a.engagement FROM campaign_actors a JOIN organisations o ON o.tenant_id = a.tenant_id AND o.id = a.organisation_id \
                 WHERE a.tenant_id = $1 AND a.campaign_id = $2 ORDER BY o.name",
            )
            .bind(tenant)
            .bind(row.id)
            .fetch_all(&mut *self.0)
            .await?;
            let subjects: Vec<(Option<String>, Option<String>, i64)> = sqlx::query_as(
                "SELECT b.title, s.title, CASE WHEN c.bundle_id IS NOT NULL \
                    THEN (SELECT COUNT(*) FROM signals x WHERE x.bundle_id = c.bundle_id) ELSE 1 END \
                 FROM campaign_subjects c LEFT JOIN bundles b ON b.tenant_id = c.tenant_id AND b.id = c.bundle_id \
                 LEFT JOIN signals s ON s.tenant_id = c.tenant_id AND s.id = c.signal_id \
                 WHERE c.tenant_id = $1 AND c.campaign_id = $2",
            )
            .bind(tenant)
            .bind(row.id)
            .fetch_all(&mut *self.0)
            .await?;
            campaigns.push(Campaign {
                id: row.id,
                title: row.title,
                problem: row.problem,
                analysis: row.analysis,
                status: decode("campaigns.status", &row.status, CampaignStatus::from_code)?,
                outcome: decode_opt("campaigns.outcome", row.outcome, Outcome::from_code)?,
                subjects: subjects.iter().filter_map(|(b, s, _)| b.clone().or(s.clone())).collect(),
                signals: subjects.iter().map(|(_, _, n)| (*n).max(0) as u32).sum(),
                actors: actors.into_iter().map(|(organisation, engagement)| CampaignActor { organisation, engagement }).collect(),
                lines: lines.into_iter().map(|l| l.line().map(|(_, line)| line)).collect::<StoreResult<_>>()?,
                version: row.version,
            });
        }
        Ok(campaigns)
    }
}

#[async_trait]
impl Campaigns for SqlTx {    async fn insert_campaign(
        &mut self,
        tenant: TenantId,
        text: &CampaignForm,
        from_item: Option<AgendaItemId>,
        subjects: &[AgendaSubject],
        at: DateTime<Utc>,
    ) -> StoreResult<CampaignId> {
        let id: CampaignId = sqlx::query_scalar(
            "INSERT INTO campaigns (tenant_id, title, problem, analysis, status, agenda_item_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(tenant)
        .bind(&text.title)
        .bind(&text.problem)
        .bind(&text.analysis)
        .bind(CampaignStatus::Lopend.code())
        .bind(from_item)
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?;
        for subject in subjects {
            let (bundle, signal, _) = subject_columns(*subject);
            if bundle.is_none() && signal.is_none() {
                continue;
            }
            sqlx::query("INSERT INTO campaign_subjects (tenant_id, campaign_id, bundle_id, signal_id) VALUES ($1, $2, $3, $4)")
                .bind(tenant)
                .bind(id)
                .bind(bundle)
                .bind(signal)
                .execute(&mut *self.0)
                .await?;
        }
        Ok(id)
    }

    async fn campaigns(&mut self, tenant: TenantId) -> StoreResult<Vec<Campaign>> {
        self.campaigns_where(tenant, "", None).await
    }

    async fn campaign(&mut self, tenant: TenantId, id: CampaignId) -> StoreResult<Option<Campaign>> {
        Ok(self.campaigns_where(tenant, "AND id = $2", Some(id)).await?.pop())
    }

    async fn campaign_subjects(&mut self, tenant: TenantId, id: CampaignId) -> StoreResult<Vec<AgendaSubject>> {
        let rows: Vec<(Option<BundleId>, Option<SignalId>)> =
            sqlx::query_as("SELECT bundle_id, signal_id FROM campaign_subjects WHERE tenant_id = $1 AND campaign_id = $2")
                .bind(tenant)
                .bind(id)
                .fetch_all(&mut *self.0)
                .await?;
        Ok(rows.into_iter().filter_map(|(b, s)| b.map(AgendaSubject::Bundle).or(s.map(AgendaSubject::Signal))).collect())
    }

    async fn campaign_scopes(&mut self, tenant: TenantId, id: CampaignId) -> StoreResult<Vec<SignalScope>> {
        let rows: Vec<(Option<PolicyDomainId>, Option<OrganisationId>, Option<PersonId>)> = sqlx::query_as(
            "SELECT s.policy_domain_id, s.organisation_id, s.reporter_id FROM signals s JOIN campaign_subjects c \
                ON c.tenant_id = s.tenant_id AND (c.signal_id = s.id OR (s.bundle_id IS NOT NULL AND c.bundle_id = s.bundle_id)) \
             WHERE c.tenant_id = $1 AND c.campaign_id = $2",
        )
        .bind(tenant)
        .bind(id)
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows.into_iter().map(|(policy_domain, organisation, reporter)| SignalScope { policy_domain, organisation, reporter }).collect())
    }

    async fn campaigns_of(&mut self, tenant: TenantId, subject: AgendaSubject) -> StoreResult<Vec<(CampaignId, String, String)>> {
        let (bundle, signal, _) = subject_columns(subject);
        Ok(sqlx::query_as(
            "SELECT DISTINCT c.id, c.title, c.status FROM campaigns c JOIN campaign_subjects x ON x.tenant_id = c.tenant_id AND x.campaign_id = c.id \
             WHERE c.tenant_id = $1 AND (x.signal_id = $2 OR x.bundle_id = $3 \
                OR x.bundle_id = (SELECT s.bundle_id FROM signals s WHERE s.tenant_id = $1 AND s.id = $2)) ORDER BY c.id",
        )
        .bind(tenant)
        .bind(signal)
        .bind(bundle)
        .fetch_all(&mut *self.0)
        .await?)
    }

    async fn close_campaign(&mut self, tenant: TenantId, id: CampaignId, expected_version: i64, outcome: Outcome, at: DateTime<Utc>) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE campaigns SET status = $1, outcome = $2, closed_at = $3, version = version + 1 \
             WHERE tenant_id = $4 AND id = $5 AND version = $6 AND status = 'lopend'",
        )
        .bind(CampaignStatus::Afgerond.code())
        .bind(outcome.code())
        .bind(at)
        .bind(tenant)
        .bind(id)
        .bind(expected_version)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn set_actor(&mut self, tenant: TenantId, id: CampaignId, organisation: OrganisationId, engagement: &str) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO campaign_actors (tenant_id, campaign_id, organisation_id, engagement) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (campaign_id, organisation_id) DO UPDATE SET engagement = excluded.engagement",
        )
        .bind(tenant)
        .bind(id)
        .bind(organisation)
        .bind(engagement)
        .execute(&mut *self.0)
        .await?;
        sqlx::query("UPDATE campaigns SET version = version + 1 WHERE tenant_id = $1 AND id = $2").bind(tenant).bind(id).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn insert_line(&mut self, tenant: TenantId, id: CampaignId, line: &CheckedLine) -> StoreResult<ActionLineId> {
        let line_id = sqlx::query_scalar(
            "INSERT INTO action_lines (tenant_id, campaign_id, title, lead_id, due_on, status, progress, weight) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(tenant)
        .bind(id)
        .bind(&line.title)
        .bind(line.lead)
        .bind(line.due_on.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(line.status.code())
        .bind(i64::from(line.progress))
        .bind(i64::from(line.weight))
        .fetch_one(&mut *self.0)
        .await?;
        Ok(line_id)
    }

    async fn update_line(&mut self, tenant: TenantId, line: ActionLineId, expected_version: i64, update: &CheckedLine) -> StoreResult<bool> {
        // A new due date earns a new reminder.
        let done = sqlx::query(
            "UPDATE action_lines SET title = $1, lead_id = $2, due_on = $3, status = $4, progress = $5, weight = $6, \
                reminded_at = CASE WHEN due_on = $3 THEN reminded_at ELSE NULL END, version = version + 1 \
             WHERE tenant_id = $7 AND id = $8 AND version = $9",
        )
        .bind(&update.title)
        .bind(update.lead)
        .bind(update.due_on.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(update.status.code())
        .bind(i64::from(update.progress))
        .bind(i64::from(update.weight))
        .bind(tenant)
        .bind(line)
        .bind(expected_version)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn line_campaign(&mut self, tenant: TenantId, line: ActionLineId) -> StoreResult<Option<CampaignId>> {
        Ok(sqlx::query_scalar("SELECT campaign_id FROM action_lines WHERE tenant_id = $1 AND id = $2")
            .bind(tenant)
            .bind(line)
            .fetch_optional(&mut *self.0)
            .await?)
    }

    async fn lines_led_by(&mut self, tenant: TenantId, person: PersonId) -> StoreResult<Vec<(CampaignId, String, ActionLine)>> {
        let rows: Vec<LineRow> = sqlx::query_as(&format!(
            "{LINE_SELECT} JOIN campaigns c ON c.tenant_id = l.tenant_id AND c.id = l.campaign_id \
             WHERE l.tenant_id = $1 AND l.lead_id = $2 AND c.status = 'lopend' ORDER BY l.due_on, l.id"
        ))
        .bind(tenant)
        .bind(person)
        .fetch_all(&mut *self.0)
        .await?;
        let mut out = Vec::new();
        for row in rows {
            let (campaign, line) = row.line()?;
            let title: String =
                sqlx::query_scalar("SELECT title FROM campaigns WHERE tenant_id = $1 AND id = $2").bind(tenant).bind(campaign).fetch_one(&mut *self.0).await?;
            out.push((campaign, title, line));
        }
        Ok(out)
    }

    async fn overdue_lines(&mut self, today: chrono::NaiveDate) -> StoreResult<Vec<OverdueLine>> {
        let rows: Vec<(TenantId, ActionLineId, String, String, String, String)> = sqlx::query_as(
            "SELECT l.tenant_id, l.id, l.title, c.title, l.due_on, p.email FROM action_lines l \
             JOIN campaigns c ON c.tenant_id = l.tenant_id AND c.id = l.campaign_id \
             JOIN people p ON p.id = l.lead_id \
             WHERE c.status = 'lopend' AND l.status IN ('gepland', 'bezig') AND l.due_on < $1 AND l.reminded_at IS NULL AND p.active \
             ORDER BY l.id",
        )
        .bind(today.format("%Y-%m-%d").to_string())
        .fetch_all(&mut *self.0)
        .await?;
        rows.into_iter()
            .map(|(tenant, line, title, campaign, due_on, lead_email)| {
                Ok(OverdueLine {
                    tenant,
                    line,
                    title,
                    campaign,
                    due_on: chrono::NaiveDate::parse_from_str(&due_on, "%Y-%m-%d")
                        .map_err(|_| StoreError::Corrupt { column: "action_lines.due_on", value: due_on })?,
                    lead_email,
                })
            })
            .collect()
    }

    async fn mark_line_reminded(&mut self, line: ActionLineId, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("UPDATE action_lines SET reminded_at = $1 WHERE id = $2").bind(at).bind(line).execute(&mut *self.0).await?;
        Ok(())
    }
}
