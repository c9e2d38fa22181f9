// Signalenbundels, partners' approvals and public summaries. Shared by
// both backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct PublicationRow {
    id: i64,
    title: String,
    period_from: chrono::NaiveDate,
    period_to: chrono::NaiveDate,
    intro: String,
    status: String,
    doc: Option<String>,
    version: i64,
    published_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct ApprovalDbRow {
    id: i64,
    tenant_id: TenantId,
    publication_id: i64,
    organisation_id: OrganisationId,
    name: String,
    contact: String,
    expires_at: DateTime<Utc>,
    answered_at: Option<DateTime<Utc>>,
    approved: Option<bool>,
    remark: String,
}

impl ApprovalDbRow {
    fn row(self) -> ApprovalRow {
        let answer = match (self.answered_at, self.approved) {
            (Some(_), Some(true)) => Answer::Approved,
            (Some(_), _) => Answer::ChangeAsked(self.remark),
            (None, _) => Answer::Waiting,
        };
        ApprovalRow {
            id: self.id,
            tenant: self.tenant_id,
            publication: self.publication_id,
            organisation: self.organisation_id,
            organisation_name: self.name,
            contact: self.contact,
            expires_at: self.expires_at,
            answer,
        }
    }
}

const APPROVAL_COLUMNS: &str = "a.id, a.tenant_id, a.publication_id, a.organisation_id, o.name, a.contact, a.expires_at, \
     a.answered_at, a.approved, a.remark FROM publication_approvals a JOIN organisations o ON o.id = a.organisation_id";

impl SqlTx {
    async fn publication_subjects(&mut self, tenant: TenantId, id: i64) -> StoreResult<Vec<AgendaSubject>> {
        let rows: Vec<(Option<BundleId>, Option<SignalId>)> = sqlx::query_as(
            "SELECT bundle_id, signal_id FROM publication_subjects WHERE tenant_id = $1 AND publication_id = $2 ORDER BY position",
        )
        .bind(tenant)
        .bind(id)
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows.into_iter().filter_map(|(b, s)| b.map(AgendaSubject::Bundle).or(s.map(AgendaSubject::Signal))).collect())
    }

    async fn replace_publication_subjects(&mut self, tenant: TenantId, id: i64, subjects: &[AgendaSubject]) -> StoreResult<()> {
        sqlx::query("DELETE FROM publication_subjects WHERE tenant_id = $1 AND publication_id = $2")
            .bind(tenant)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        for (position, subject) in subjects.iter().enumerate() {
            let (bundle, signal, _) = subject_columns(*subject);
            sqlx::query(
                "INSERT INTO publication_subjects (tenant_id, publication_id, position, bundle_id, signal_id) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(tenant)
            .bind(id)
            .bind(position as i64)
            .bind(bundle)
            .bind(signal)
            .execute(&mut *self.0)
            .await?;
        }
        Ok(())
    }

    async fn with_subjects(&mut self, tenant: TenantId, row: PublicationRow) -> StoreResult<Publication> {
        let subjects = self.publication_subjects(tenant, row.id).await?;
        Ok(Publication {
            id: row.id,
            title: row.title,
            from: row.period_from,
            to: row.period_to,
            intro: row.intro,
            status: decode("publications.status", &row.status, PublicationStatus::from_code)?,
            subjects,
            doc: row.doc,
            version: row.version,
            published_at: row.published_at,
        })
    }
}

const PUBLICATION_COLUMNS: &str =
    "SELECT id, title, period_from, period_to, intro, status, doc, version, published_at FROM publications";

#[async_trait]
impl Publications for SqlTx {
    async fn publishable(&mut self, tenant: TenantId) -> StoreResult<Vec<(AgendaSubject, String, String)>> {
        let bundles: Vec<(BundleId, String, String)> = sqlx::query_as(
            "SELECT id, title, phase FROM bundles WHERE tenant_id = $1 AND merged_into IS NULL \
             AND phase IN ('analysed', 'scheduled', 'in_action', 'closed') ORDER BY id DESC",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        let signals: Vec<(SignalId, String, String)> = sqlx::query_as(
            "SELECT id, title, phase FROM signals WHERE tenant_id = $1 AND bundle_id IS NULL \
             AND phase IN ('analysed', 'scheduled', 'in_action', 'closed') ORDER BY id DESC",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        Ok(bundles
            .into_iter()
            .map(|(id, t, p)| (AgendaSubject::Bundle(id), t, p))
            .chain(signals.into_iter().map(|(id, t, p)| (AgendaSubject::Signal(id), t, p)))
            .collect())
    }

    async fn insert_publication(&mut self, tenant: TenantId, draft: &PublicationDraft, at: DateTime<Utc>) -> StoreResult<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO publications (tenant_id, title, period_from, period_to, intro, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(tenant)
        .bind(&draft.title)
        .bind(draft.period.0)
        .bind(draft.period.1)
        .bind(&draft.intro)
        .bind(PublicationStatus::Draft.code())
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?;
        self.replace_publication_subjects(tenant, id, &draft.subjects).await?;
        Ok(id)
    }

    async fn update_publication(&mut self, tenant: TenantId, id: i64, version: i64, draft: &PublicationDraft) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE publications SET title = $1, period_from = $2, period_to = $3, intro = $4, version = version + 1 \
             WHERE tenant_id = $5 AND id = $6 AND version = $7 AND status = $8",
        )
        .bind(&draft.title)
        .bind(draft.period.0)
        .bind(draft.period.1)
        .bind(&draft.intro)
        .bind(tenant)
        .bind(id)
        .bind(version)
        .bind(PublicationStatus::Draft.code())
        .execute(&mut *self.0)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        self.replace_publication_subjects(tenant, id, &draft.subjects).await?;
        Ok(true)
    }

    async fn publications(&mut self, tenant: TenantId) -> StoreResult<Vec<Publication>> {
        let rows: Vec<PublicationRow> = sqlx::query_as(&format!("{PUBLICATION_COLUMNS} WHERE tenant_id = $1 ORDER BY period_to DESC, id DESC"))
            .bind(tenant)
            .fetch_all(&mut *self.0)
            .await?;
        let mut out = Vec::new();
        for row in rows {
            out.push(self.with_subjects(tenant, row).await?);
        }
        Ok(out)
    }

    async fn publication(&mut self, tenant: TenantId, id: i64) -> StoreResult<Option<Publication>> {
        let row: Option<PublicationRow> = sqlx::query_as(&format!("{PUBLICATION_COLUMNS} WHERE tenant_id = $1 AND id = $2"))
            .bind(tenant)
            .bind(id)
            .fetch_optional(&mut *self.0)
            .await?;
        match row {
            Some(row) => Ok(Some(self.with_subjects(tenant, row).await?)),
            None => Ok(None),
        }
    }

    async fn set_publication_status(
        &mut self,
        tenant: TenantId,
        id: i64,
        status: PublicationStatus,
        doc: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let published = (status == PublicationStatus::Published).then_some(at);
        let done = sqlx::query(
            "UPDATE publications SET status = $1, doc = COALESCE($2, doc), published_at = COALESCE($3, published_at), \
                    version = version + 1 WHERE tenant_id = $4 AND id = $5 AND status <> $6",
        )
        .bind(status.code())
        .bind(doc)
        .bind(published)
        .bind(tenant)
        .bind(id)
        .bind(PublicationStatus::Published.code())
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn insert_approval(
        &mut self,
        tenant: TenantId,
        publication: i64,
        organisation: OrganisationId,
        contact: &str,
        expires_at: DateTime<Utc>,
        unknown_hash: &str,
    ) -> StoreResult<i64> {
        // A new request replaces an earlier one for the same partner.
        sqlx::query("DELETE FROM publication_approvals WHERE tenant_id = $1 AND publication_id = $2 AND organisation_id = $3")
            .bind(tenant)
            .bind(publication)
            .bind(organisation)
            .execute(&mut *self.0)
            .await?;
        Ok(sqlx::query_scalar(
            "INSERT INTO publication_approvals (tenant_id, publication_id, organisation_id, contact, token_hash, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(tenant)
        .bind(publication)
        .bind(organisation)
        .bind(contact)
        .bind(unknown_hash)
        .bind(expires_at)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn approvals(&mut self, tenant: TenantId, publication: i64) -> StoreResult<Vec<ApprovalRow>> {
        let rows: Vec<ApprovalDbRow> =
            sqlx::query_as(&format!("SELECT {APPROVAL_COLUMNS} WHERE a.tenant_id = $1 AND a.publication_id = $2 ORDER BY o.name"))
                .bind(tenant)
                .bind(publication)
                .fetch_all(&mut *self.0)
                .await?;
        Ok(rows.into_iter().map(ApprovalDbRow::row).collect())
    }

    async fn approval_by_token(&mut self, token_hash: &str) -> StoreResult<Option<ApprovalRow>> {
        let row: Option<ApprovalDbRow> = sqlx::query_as(&format!("SELECT {APPROVAL_COLUMNS} WHERE a.token_hash = $1"))
            .bind(token_hash)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(ApprovalDbRow::row))
    }

    async fn answer_approval(&mut self, id: i64, answer: &Answer, at: DateTime<Utc>) -> StoreResult<bool> {
        let (approved, remark) = match answer {
            Answer::Approved => (true, String::new()),
            Answer::ChangeAsked(remark) => (false, remark.clone()),
            Answer::Waiting => return Ok(false),
        };
        let done = sqlx::query(
            "UPDATE publication_approvals SET answered_at = $1, approved = $2, remark = $3 WHERE id = $4 AND answered_at IS NULL",
        )
        .bind(at)
        .bind(approved)
        .bind(remark)
        .bind(id)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn set_public_text(&mut self, tenant: TenantId, text: &str) -> StoreResult<()> {
        sqlx::query("UPDATE tenants SET public_text = $1 WHERE id = $2").bind(text).bind(tenant).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn public_text(&mut self, tenant: TenantId) -> StoreResult<String> {
        Ok(sqlx::query_scalar("SELECT public_text FROM tenants WHERE id = $1").bind(tenant).fetch_one(&mut *self.0).await?)
    }

    async fn set_public_summary(&mut self, tenant: TenantId, kind: PublicKind, id: i64, summary: &str) -> StoreResult<bool> {
        let table = match kind {
            PublicKind::Signal => "signals",
            PublicKind::Campaign => "campaigns",
            PublicKind::Decision => "agenda_items",
        };
        let done = sqlx::query(&format!("UPDATE {table} SET public_summary = $1 WHERE tenant_id = $2 AND id = $3"))
            .bind(summary)
            .bind(tenant)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn public_items(&mut self, tenant: TenantId, kind: PublicKind, only_public: bool) -> StoreResult<Vec<PublicItem>> {
        let sql = match kind {
            PublicKind::Signal => "SELECT s.id, s.title, s.public_summary, s.phase FROM signals s \
                 WHERE s.tenant_id = $1 AND (s.public_summary <> '' OR ($2 = 0 AND s.phase IN ('scheduled', 'in_action', 'closed'))) \
                 ORDER BY s.updated_at DESC",
            PublicKind::Campaign => "SELECT c.id, c.title, c.public_summary, c.status FROM campaigns c \
                 WHERE c.tenant_id = $1 AND (c.public_summary <> '' OR $2 = 0) ORDER BY c.created_at DESC",
            PublicKind::Decision => "SELECT i.id, COALESCE(b.title, k.question, 'Een signaal'), i.public_summary, m.title FROM agenda_items i \
                 JOIN meetings m ON m.tenant_id = i.tenant_id AND m.id = i.meeting_id \
                 LEFT JOIN bundles b ON b.id = i.bundle_id \
                 LEFT JOIN bottlenecks k ON k.id = i.bottleneck_id \
                 WHERE i.tenant_id = $1 AND (i.public_summary <> '' OR ($2 = 0 AND i.decision IS NOT NULL)) \
                 ORDER BY m.starts_at DESC, i.position",
        };
        let rows: Vec<(i64, String, String, String)> =
            sqlx::query_as(sql).bind(tenant).bind(if only_public { 1i64 } else { 0 }).fetch_all(&mut *self.0).await?;
        Ok(rows
            .into_iter()
            .map(|(id, title, summary, context)| {
                let context = match kind {
                    PublicKind::Signal => format!("Signaal, {}", Phase::from_code(&context).map(|p| p.label()).unwrap_or("?")),
                    PublicKind::Campaign => format!(
                        "Campagne, {}",
                        crate::domain::forum::campaign::CampaignStatus::from_code(&context).map(|s| s.label()).unwrap_or("?").to_lowercase()
                    ),
                    PublicKind::Decision => format!("Beslist op {context}"),
                };
                PublicItem { id, title, summary, context }
            })
            .collect())
    }
}
