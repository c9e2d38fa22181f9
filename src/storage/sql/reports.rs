// Reports: the dashboard's tallies, targets and the signal export. Shared
// by both backends (see tx.rs). Ids written into SQL text are our own typed
// integers, never user strings.

use crate::domain::reports::tally::{Counted, Grain, SignalState, Span, TallyKey};
use std::collections::{BTreeMap, HashMap};

/// Ids as a list for `IN (…)`, in chunks.
fn signal_chunks(ids: &[SignalId]) -> Vec<String> {
    chunks(&ids.iter().map(|s| s.0).collect::<Vec<_>>())
}

fn scope_list(scopes: &[i64]) -> String {
    if scopes.is_empty() { "NULL".to_string() } else { scopes.iter().map(i64::to_string).collect::<Vec<_>>().join(", ") }
}

#[async_trait]
impl Reports for SqlTx {
    async fn tallies(&mut self, tenant: TenantId, scopes: &[i64], span: Span) -> StoreResult<Vec<(String, String, i64)>> {
        let sql = format!(
            "SELECT tally, key, CAST(SUM(n) AS BIGINT) FROM report_tallies \
             WHERE tenant_id = $1 AND scope IN ({}) AND grain = $2 AND bucket BETWEEN $3 AND $4 GROUP BY tally, key",
            scope_list(scopes)
        );
        Ok(sqlx::query_as(&sql).bind(tenant).bind(span.grain.code()).bind(span.from).bind(span.to).fetch_all(&mut *self.0).await?)
    }

    async fn uncounted(&mut self, tenant: TenantId) -> StoreResult<Vec<SignalId>> {
        Ok(sqlx::query_scalar("SELECT signal_id FROM report_dirty WHERE tenant_id = $1").bind(tenant).fetch_all(&mut *self.0).await?)
    }

    async fn take_uncounted(&mut self, limit: i64) -> StoreResult<Vec<(TenantId, SignalId)>> {
        let sql = format!(
            "DELETE FROM report_dirty WHERE (tenant_id, signal_id) IN \
               (SELECT tenant_id, signal_id FROM report_dirty ORDER BY tenant_id, signal_id LIMIT {limit}) \
             RETURNING tenant_id, signal_id"
        );
        Ok(sqlx::query_as(&sql).fetch_all(&mut *self.0).await?)
    }

    async fn signal_states(&mut self, ids: &[SignalId]) -> StoreResult<HashMap<SignalId, SignalState>> {
        #[derive(sqlx::FromRow)]
        struct Base {
            id: SignalId,
            title: String,
            created_at: DateTime<Utc>,
            policy_domain_id: Option<PolicyDomainId>,
            phase: String,
            kind: Option<String>,
            area: String,
            source: String,
        }
        let mut states = HashMap::new();
        for list in signal_chunks(ids) {
            let rows: Vec<Base> = sqlx::query_as(&format!(
                "SELECT s.id, s.title, s.created_at, s.policy_domain_id, s.phase, o.kind, s.area, s.source \
                 FROM signals s LEFT JOIN organisations o ON o.id = s.organisation_id WHERE s.id IN ({list})"
            ))
            .fetch_all(&mut *self.0)
            .await?;
            for b in rows {
                let state = SignalState {
                    title: b.title,
                    received: b.created_at,
                    domain: b.policy_domain_id,
                    phase: b.phase,
                    sector: b.kind,
                    district: b.area,
                    source: b.source,
                    ..Default::default()
                };
                states.insert(b.id, state);
            }
            for (table, life) in [("signal_life_domains", true), ("signal_target_groups", false)] {
                let rows: Vec<(SignalId, String)> =
                    sqlx::query_as(&format!("SELECT signal_id, code FROM {table} WHERE signal_id IN ({list}) ORDER BY code"))
                        .fetch_all(&mut *self.0)
                        .await?;
                for (id, code) in rows {
                    if let Some(s) = states.get_mut(&id) {
                        if life { s.life_domains.push(code) } else { s.target_groups.push(code) }
                    }
                }
            }
            // The last event into each end phase carries the reason or outcome.
            let ends: Vec<(SignalId, String, Option<String>, Option<String>)> = sqlx::query_as(&format!(
                "SELECT signal_id, to_phase, reason, outcome FROM signal_events \
                 WHERE signal_id IN ({list}) AND to_phase IN ('not_retained', 'closed') ORDER BY id"
            ))
            .fetch_all(&mut *self.0)
            .await?;
            for (id, to, reason, outcome) in ends {
                if let Some(s) = states.get_mut(&id).filter(|s| s.phase == to) {
                    s.reason = reason;
                    s.outcome = outcome;
                }
            }
            let arrivals: Vec<(SignalId, String, DateTime<Utc>, i64)> = sqlx::query_as(&format!(
                "SELECT signal_id, phase, at, seconds FROM signal_arrivals WHERE signal_id IN ({list}) ORDER BY signal_id, phase"
            ))
            .fetch_all(&mut *self.0)
            .await?;
            for (id, phase, at, seconds) in arrivals {
                if let Some(s) = states.get_mut(&id) {
                    s.arrivals.push((phase, at, seconds));
                }
            }
            let seen: Vec<(SignalId, i64)> = sqlx::query_as(&format!(
                "SELECT x.signal_id, COUNT(DISTINCT x.org) FROM ( \
                   SELECT signal_id, organisation_id AS org FROM sightings WHERE signal_id IN ({list}) AND organisation_id IS NOT NULL \
                   UNION SELECT id, organisation_id FROM signals WHERE id IN ({list}) AND organisation_id IS NOT NULL \
                 ) x GROUP BY x.signal_id"
            ))
            .fetch_all(&mut *self.0)
            .await?;
            for (id, n) in seen {
                if let Some(s) = states.get_mut(&id) {
                    s.seen_by = n;
                }
            }
        }
        Ok(states)
    }

    async fn counted(&mut self, ids: &[SignalId]) -> StoreResult<HashMap<SignalId, Counted>> {
        let mut out = HashMap::new();
        for list in signal_chunks(ids) {
            let rows: Vec<(SignalId, i64, Option<PolicyDomainId>, i64, String)> = sqlx::query_as(&format!(
                "SELECT signal_id, day, policy_domain_id, seen_by, marks FROM report_facts WHERE signal_id IN ({list})"
            ))
            .fetch_all(&mut *self.0)
            .await?;
            for (id, day, domain, seen_by, marks) in rows {
                let day = chrono::NaiveDate::from_num_days_from_ce_opt(day as i32)
                    .ok_or_else(|| StoreError::Corrupt { column: "report_facts.day", value: day.to_string() })?;
                let marks = serde_json::from_str(&marks).map_err(|e| StoreError::Corrupt { column: "report_facts.marks", value: e.to_string() })?;
                out.insert(id, Counted { day, domain, seen_by, marks });
            }
        }
        Ok(out)
    }

    async fn save_counted(&mut self, tenant: TenantId, signal: SignalId, counted: Option<&Counted>) -> StoreResult<()> {
        let Some(c) = counted else {
            sqlx::query("DELETE FROM report_facts WHERE signal_id = $1").bind(signal).execute(&mut *self.0).await?;
            return Ok(());
        };
        let marks = serde_json::to_string(&c.marks).map_err(|e| StoreError::Corrupt { column: "report_facts.marks", value: e.to_string() })?;
        sqlx::query(
            "INSERT INTO report_facts (signal_id, tenant_id, day, policy_domain_id, seen_by, marks) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (signal_id) DO UPDATE SET day = excluded.day, policy_domain_id = excluded.policy_domain_id, \
               seen_by = excluded.seen_by, marks = excluded.marks",
        )
        .bind(signal)
        .bind(tenant)
        .bind(Grain::Day.bucket(c.day))
        .bind(c.domain)
        .bind(c.seen_by)
        .bind(marks)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn add_tallies(&mut self, tenant: TenantId, deltas: &BTreeMap<TallyKey, i64>) -> StoreResult<()> {
        // In key order, so concurrent writers lock rows in the same order.
        let rows: Vec<(&TallyKey, &i64)> = deltas.iter().collect();
        for chunk in rows.chunks(400) {
            let mut sql = String::from("INSERT INTO report_tallies (tenant_id, scope, grain, bucket, tally, key, n) VALUES ");
            for i in 0..chunk.len() {
                let b = i * 6;
                sql.push_str(&format!(
                    "{}($1, ${}, ${}, ${}, ${}, ${}, ${})",
                    if i == 0 { "" } else { ", " },
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5,
                    b + 6,
                    b + 7
                ));
            }
            sql.push_str(
                " ON CONFLICT (tenant_id, scope, grain, bucket, tally, key) DO UPDATE SET n = report_tallies.n + excluded.n",
            );
            let mut q = sqlx::query(&sql).bind(tenant);
            for (k, n) in chunk {
                q = q.bind(k.scope).bind(k.grain.code()).bind(k.bucket).bind(k.tally.as_str()).bind(k.key.as_str()).bind(**n);
            }
            q.execute(&mut *self.0).await?;
        }
        Ok(())
    }

    async fn most_seen(
        &mut self,
        tenant: TenantId,
        days: (i64, i64),
        domains: Option<&[PolicyDomainId]>,
        limit: i64,
    ) -> StoreResult<Vec<Seen>> {
        let domain_filter = match domains {
            None => String::new(),
            Some(ds) => format!(" AND f.policy_domain_id IN ({})", scope_list(&ds.iter().map(|d| d.0).collect::<Vec<_>>())),
        };
        let sql = format!(
            "SELECT f.signal_id, s.title, f.seen_by FROM report_facts f JOIN signals s ON s.id = f.signal_id \
             WHERE f.tenant_id = $1 AND f.seen_by > 0 AND f.day BETWEEN $2 AND $3{domain_filter} \
             ORDER BY f.seen_by DESC, f.signal_id LIMIT {limit}"
        );
        Ok(sqlx::query_as(&sql).bind(tenant).bind(days.0).bind(days.1).fetch_all(&mut *self.0).await?)
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
