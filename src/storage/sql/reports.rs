// Reports: dashboard aggregates, targets, publications, public summaries.
// Shared by both backends (see tx.rs). Every count is plain SQL that both
// databases answer alike; percentiles use ROW_NUMBER by nearest rank.

/// The WHERE clause of a report over `signals s`: $1 tenant, $2 start, $3
/// end, on the signal's submission. Domain ids are integers written into
/// the text, never user strings.
fn report_filter(q: &ReportQuery) -> String {
    report_filter_on(q, "s.created_at")
}

/// The same, with the period on another instant (`a.at`: an arrival).
fn report_filter_on(q: &ReportQuery, instant: &str) -> String {
    let mut f = format!("s.tenant_id = $1 AND {instant} >= $2 AND {instant} < $3");
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
        let sql = format!(
            "SELECT a.phase, COUNT(*) FROM signal_arrivals a JOIN signals s ON s.id = a.signal_id WHERE {} GROUP BY a.phase",
            report_filter_on(query, "a.at")
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
                        sector: l.sector.map(|k| crate::domain::vocabulary::label_of(ORGANISATION_KINDS, &k)).unwrap_or_default(),
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
}
