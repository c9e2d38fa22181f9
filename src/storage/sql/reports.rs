// Reports: dashboard aggregates, targets, publications, public summaries.
// Shared by both backends (see tx.rs). Every count is plain SQL that both
// databases answer alike; percentiles use ROW_NUMBER by nearest rank.

/// The WHERE clause of a report over `signals s`: $1 tenant, $2 start, $3
/// end. Domain ids are integers written into the text, never user strings.
fn report_filter(q: &ReportQuery) -> String {
    let mut f = "s.tenant_id = $1 AND s.created_at >= $2 AND s.created_at < $3".to_string();
    if let Some(domains) = &q.domains {
        if domains.is_empty() {
            f.push_str(" AND 1 = 0");
        } else {
            let ids: Vec<String> = domains.iter().map(|d| d.0.to_string()).collect();
            f.push_str(&format!(" AND s.policy_domain_id IN ({})", ids.join(", ")));
        }
    }
    f
}

fn dimension_sql(by: Dimension, filter: &str) -> String {
    match by {
        Dimension::Phase => format!("SELECT s.phase, COUNT(*) FROM signals s WHERE {filter} GROUP BY s.phase"),
        Dimension::PolicyDomain => format!(
            "SELECT COALESCE(d.name, ''), COUNT(*) FROM signals s LEFT JOIN policy_domains d ON d.id = s.policy_domain_id \
             WHERE {filter} GROUP BY d.id, d.name"
        ),
        Dimension::LifeDomain => format!(
            "SELECT l.code, COUNT(*) FROM signals s JOIN signal_life_domains l ON l.signal_id = s.id WHERE {filter} GROUP BY l.code"
        ),
        Dimension::TargetGroup => format!(
            "SELECT g.code, COUNT(*) FROM signals s JOIN signal_target_groups g ON g.signal_id = s.id WHERE {filter} GROUP BY g.code"
        ),
        Dimension::Sector => format!(
            "SELECT COALESCE(o.kind, ''), COUNT(*) FROM signals s LEFT JOIN organisations o ON o.id = s.organisation_id \
             WHERE {filter} GROUP BY o.kind"
        ),
        Dimension::District => format!("SELECT s.area, COUNT(*) FROM signals s WHERE {filter} GROUP BY s.area"),
        Dimension::Source => format!("SELECT s.source, COUNT(*) FROM signals s WHERE {filter} GROUP BY s.source"),
        // The reason and outcome of the event that brought the signal where it is now.
        Dimension::NotRetained => format!(
            "SELECT COALESCE(e.reason, ''), COUNT(*) FROM signals s JOIN signal_events e ON e.id = \
               (SELECT MAX(x.id) FROM signal_events x WHERE x.signal_id = s.id AND x.to_phase = 'not_retained') \
             WHERE {filter} AND s.phase = 'not_retained' GROUP BY e.reason"
        ),
        Dimension::Outcome => format!(
            "SELECT COALESCE(e.outcome, ''), COUNT(*) FROM signals s JOIN signal_events e ON e.id = \
               (SELECT MAX(x.id) FROM signal_events x WHERE x.signal_id = s.id AND x.to_phase = 'closed') \
             WHERE {filter} AND s.phase = 'closed' GROUP BY e.outcome"
        ),
    }
}

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
impl Reports for SqlTx {
    async fn count_by(&mut self, tenant: TenantId, query: &ReportQuery, by: Dimension) -> StoreResult<Vec<(String, i64)>> {
        let sql = dimension_sql(by, &report_filter(query));
        let rows: Vec<(Option<String>, i64)> =
            sqlx::query_as(&sql).bind(tenant).bind(query.start).bind(query.end).fetch_all(&mut *self.0).await?;
        Ok(rows.into_iter().map(|(k, n)| (k.unwrap_or_default(), n)).collect())
    }

    async fn received(&mut self, tenant: TenantId, query: &ReportQuery) -> StoreResult<i64> {
        let sql = format!("SELECT COUNT(*) FROM signals s WHERE {}", report_filter(query));
        Ok(sqlx::query_scalar(&sql).bind(tenant).bind(query.start).bind(query.end).fetch_one(&mut *self.0).await?)
    }

    async fn lead_times(&mut self, tenant: TenantId, query: &ReportQuery) -> StoreResult<Vec<LeadTime>> {
        // Nearest rank: the value at rank ⌈p·n/100⌉, in integers as (p·n + 99) / 100.
        let sql = format!(
            "SELECT phase, n, seconds, rn FROM ( \
               SELECT a.phase, a.seconds, \
                      ROW_NUMBER() OVER (PARTITION BY a.phase ORDER BY a.seconds, a.signal_id) AS rn, \
                      COUNT(*) OVER (PARTITION BY a.phase) AS n \
               FROM signal_arrivals a JOIN signals s ON s.id = a.signal_id WHERE {} \
             ) t WHERE rn = (n * 50 + 99) / 100 OR rn = (n * 90 + 99) / 100",
            report_filter(query)
        );
        let rows: Vec<(String, i64, i64, i64)> =
            sqlx::query_as(&sql).bind(tenant).bind(query.start).bind(query.end).fetch_all(&mut *self.0).await?;
        let mut out: Vec<LeadTime> = Vec::new();
        for (phase, n, seconds, rn) in rows {
            let at = match out.iter().position(|l| l.phase == phase) {
                Some(i) => i,
                None => {
                    out.push(LeadTime { phase: phase.clone(), signals: n, median: 0, p90: 0 });
                    out.len() - 1
                }
            };
            if rn == (n * 50 + 99) / 100 {
                out[at].median = seconds;
            }
            if rn == (n * 90 + 99) / 100 {
                out[at].p90 = seconds;
            }
        }
        Ok(out)
    }

    async fn most_seen(&mut self, tenant: TenantId, query: &ReportQuery, limit: i64) -> StoreResult<Vec<(String, i64)>> {
        let sql = format!(
            "SELECT s.title, COUNT(DISTINCT x.org) AS n FROM signals s JOIN ( \
               SELECT signal_id, organisation_id AS org FROM sightings WHERE tenant_id = $1 AND organisation_id IS NOT NULL \
               UNION SELECT id, organisation_id FROM signals WHERE tenant_id = $1 AND organisation_id IS NOT NULL \
             ) x ON x.signal_id = s.id WHERE {} GROUP BY s.id, s.title ORDER BY n DESC, s.id LIMIT {limit}",
            report_filter(query)
        );
        Ok(sqlx::query_as(&sql).bind(tenant).bind(query.start).bind(query.end).fetch_all(&mut *self.0).await?)
    }

    async fn arrivals(&mut self, tenant: TenantId, query: &ReportQuery) -> StoreResult<Vec<(String, i64)>> {
        let domains = report_filter(&ReportQuery { start: query.start, end: query.end, domains: query.domains.clone() });
        // The same domain restriction, but on when the arrival happened.
        let filter = domains.replace("s.created_at >= $2 AND s.created_at < $3", "a.at >= $2 AND a.at < $3");
        let sql = format!(
            "SELECT a.phase, COUNT(*) FROM signal_arrivals a JOIN signals s ON s.id = a.signal_id WHERE {filter} GROUP BY a.phase"
        );
        Ok(sqlx::query_as(&sql).bind(tenant).bind(query.start).bind(query.end).fetch_all(&mut *self.0).await?)
    }

    async fn record_arrival(&mut self, tenant: TenantId, signal: SignalId, phase: &str, at: DateTime<Utc>) -> StoreResult<()> {
        let submitted: Option<DateTime<Utc>> = sqlx::query_scalar("SELECT created_at FROM signals WHERE tenant_id = $1 AND id = $2")
            .bind(tenant)
            .bind(signal)
            .fetch_optional(&mut *self.0)
            .await?;
        let Some(submitted) = submitted else { return Ok(()) };
        sqlx::query(
            "INSERT INTO signal_arrivals (tenant_id, signal_id, phase, at, seconds) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (signal_id, phase) DO NOTHING",
        )
        .bind(tenant)
        .bind(signal)
        .bind(phase)
        .bind(at)
        .bind((at - submitted).num_seconds().max(0))
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn targets(&mut self, tenant: TenantId) -> StoreResult<Vec<Target>> {
        let rows: Vec<(String, i64)> = sqlx::query_as("SELECT metric, per_year FROM report_targets WHERE tenant_id = $1")
            .bind(tenant)
            .fetch_all(&mut *self.0)
            .await?;
        let mut targets = Vec::new();
        for (metric, per_year) in rows {
            targets.push(Target {
                metric: decode("report_targets.metric", &metric, Metric::from_code)?,
                per_year: per_year.clamp(0, u32::MAX as i64) as u32,
            });
        }
        targets.sort_by_key(|t| Metric::ALL.iter().position(|m| *m == t.metric));
        Ok(targets)
    }

    async fn set_targets(&mut self, tenant: TenantId, targets: &[Target]) -> StoreResult<()> {
        sqlx::query("DELETE FROM report_targets WHERE tenant_id = $1").bind(tenant).execute(&mut *self.0).await?;
        for t in targets {
            sqlx::query("INSERT INTO report_targets (tenant_id, metric, per_year) VALUES ($1, $2, $3)")
                .bind(tenant)
                .bind(t.metric.code())
                .bind(t.per_year as i64)
                .execute(&mut *self.0)
                .await?;
        }
        Ok(())
    }

    async fn export_rows(&mut self, tenant: TenantId) -> StoreResult<Vec<ExportRow>> {
        #[derive(sqlx::FromRow)]
        struct Line {
            id: SignalId,
            title: String,
            description: String,
            phase: String,
            policy_domain_id: Option<PolicyDomainId>,
            domain: Option<String>,
            organisation_id: Option<OrganisationId>,
            reporter_id: Option<PersonId>,
            sector: Option<String>,
            area: String,
            source: String,
            created_at: DateTime<Utc>,
            bundle: Option<String>,
        }
        let lines: Vec<Line> = sqlx::query_as(
            "SELECT s.id, s.title, s.description, s.phase, s.policy_domain_id, d.name AS domain, s.organisation_id, \
                    s.reporter_id, o.kind AS sector, s.area, s.source, s.created_at, b.title AS bundle \
             FROM signals s LEFT JOIN policy_domains d ON d.id = s.policy_domain_id \
                  LEFT JOIN organisations o ON o.id = s.organisation_id LEFT JOIN bundles b ON b.id = s.bundle_id \
             WHERE s.tenant_id = $1 ORDER BY s.id",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        let mut tags: std::collections::HashMap<(SignalId, bool), Vec<String>> = Default::default();
        for (table, life) in [("signal_life_domains", true), ("signal_target_groups", false)] {
            let rows: Vec<(SignalId, String)> = sqlx::query_as(&format!(
                "SELECT t.signal_id, t.code FROM {table} t JOIN signals s ON s.id = t.signal_id WHERE s.tenant_id = $1 ORDER BY t.code"
            ))
            .bind(tenant)
            .fetch_all(&mut *self.0)
            .await?;
            for (signal, code) in rows {
                tags.entry((signal, life)).or_default().push(code);
            }
        }
        let ends: Vec<(SignalId, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT e.signal_id, e.reason, e.outcome FROM signal_events e JOIN signals s ON s.id = e.signal_id \
             WHERE s.tenant_id = $1 AND e.to_phase = s.phase AND (e.reason IS NOT NULL OR e.outcome IS NOT NULL) ORDER BY e.id",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        let mut end_of = std::collections::HashMap::new();
        for (signal, reason, outcome) in ends {
            let text = outcome
                .as_deref()
                .and_then(Outcome::from_code)
                .map(|o| o.label().to_string())
                .or_else(|| reason.as_deref().and_then(NotRetainedReason::from_code).map(|r| r.label().to_string()));
            if let Some(text) = text {
                end_of.insert(signal, text);
            }
        }
        let orgs: Vec<(SignalId, i64)> = sqlx::query_as(
            "SELECT x.signal_id, COUNT(DISTINCT x.org) FROM ( \
               SELECT signal_id, organisation_id AS org FROM sightings WHERE tenant_id = $1 AND organisation_id IS NOT NULL \
               UNION SELECT id, organisation_id FROM signals WHERE tenant_id = $1 AND organisation_id IS NOT NULL) x GROUP BY x.signal_id",
        )
        .bind(tenant)
        .fetch_all(&mut *self.0)
        .await?;
        let orgs: std::collections::HashMap<SignalId, i64> = orgs.into_iter().collect();
        let labels = |codes: Option<&Vec<String>>, terms: &[crate::domain::vocabulary::Term]| {
            codes.map(|c| c.iter().map(|c| crate::domain::vocabulary::label_of(terms, c)).collect::<Vec<_>>().join(", ")).unwrap_or_default()
        };
        Ok(lines
            .into_iter()
            .map(|l| {
                let phase = Phase::from_code(&l.phase).map(|p| p.label().to_string()).unwrap_or_else(|| l.phase.clone());
                ExportRow {
                    scope: SignalScope { policy_domain: l.policy_domain_id, organisation: l.organisation_id, reporter: l.reporter_id },
                    line: crate::domain::reports::SignalLine {
                        id: l.id.0,
                        title: l.title,
                        description: l.description,
                        phase,
                        policy_domain: l.domain.unwrap_or_default(),
                        life_domains: labels(tags.get(&(l.id, true)), crate::domain::vocabulary::LIFE_DOMAINS),
                        target_groups: labels(tags.get(&(l.id, false)), crate::domain::vocabulary::TARGET_GROUPS),
                        sector: l.sector.map(|k| organisation_kind_label(&k)).unwrap_or_default(),
                        district: l.area,
                        source: if l.source == "citizen" { "Burger".to_string() } else { "Werker".to_string() },
                        submitted: crate::domain::brussels::local(l.created_at).date().to_string(),
                        bundle: l.bundle.unwrap_or_default(),
                        outcome: end_of.remove(&l.id).unwrap_or_default(),
                        organisations: orgs.get(&l.id).copied().unwrap_or(0) as u32,
                    },
                }
            })
            .collect())
    }

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
    ) -> StoreResult<i64> {
        // A new request replaces an earlier one for the same partner.
        sqlx::query("DELETE FROM publication_approvals WHERE tenant_id = $1 AND publication_id = $2 AND organisation_id = $3")
            .bind(tenant)
            .bind(publication)
            .bind(organisation)
            .execute(&mut *self.0)
            .await?;
        // The hash of a token nobody has, until the link is made for the mail.
        let unknown = crate::server::passwords::token_hash(&crate::server::passwords::new_token());
        Ok(sqlx::query_scalar(
            "INSERT INTO publication_approvals (tenant_id, publication_id, organisation_id, contact, token_hash, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(tenant)
        .bind(publication)
        .bind(organisation)
        .bind(contact)
        .bind(unknown)
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
            PublicKind::Decision => "SELECT i.id, COALESCE(b.title, s.title, k.question), i.public_summary, m.title FROM agenda_items i \
                 JOIN meetings m ON m.tenant_id = i.tenant_id AND m.id = i.meeting_id \
                 LEFT JOIN bundles b ON b.id = i.bundle_id LEFT JOIN signals s ON s.id = i.signal_id \
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

fn organisation_kind_label(code: &str) -> String {
    ORGANISATION_KINDS.iter().find(|(c, _)| *c == code).map(|(_, l)| l.to_string()).unwrap_or_else(|| code.to_string())
}
