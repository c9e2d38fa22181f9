// Signals, their events and bundles. Shared by both backends (see tx.rs).

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: SignalId,
    title: String,
    phase: String,
    version: i64,
    policy_domain: Option<String>,
    organisation: Option<String>,
    sector: Option<String>,
    bundle_id: Option<BundleId>,
    bundle_title: Option<String>,
    bundle_version: Option<i64>,
    source: String,
    created_at: DateTime<Utc>,
    policy_domain_id: Option<PolicyDomainId>,
    organisation_id: Option<OrganisationId>,
    reporter_id: Option<PersonId>,
}

impl SummaryRow {
    fn summary(self) -> StoreResult<SignalSummary> {
        Ok(SignalSummary {
            id: self.id,
            title: self.title,
            phase: decode("signals.phase", &self.phase, Phase::from_code)?,
            version: self.version,
            policy_domain: self.policy_domain,
            organisation: self.organisation,
            sector: self.sector,
            bundle: self.bundle_id.map(|id| BundleRef {
                id,
                title: self.bundle_title.unwrap_or_default(),
                version: self.bundle_version.unwrap_or_default(),
            }),
            source: decode("signals.source", &self.source, Source::from_code)?,
            created_at: self.created_at,
            scope: SignalScope { policy_domain: self.policy_domain_id, organisation: self.organisation_id, reporter: self.reporter_id },
        })
    }
}

const SUMMARY_SELECT: &str = "SELECT s.id, s.title, s.phase, s.version, pd.name AS policy_domain, \
        o.name AS organisation, o.kind AS sector, s.bundle_id, b.title AS bundle_title, b.version AS bundle_version, s.source, s.created_at, \
        s.policy_domain_id, s.organisation_id, s.reporter_id \
    FROM signals s \
    LEFT JOIN policy_domains pd ON pd.id = s.policy_domain_id \
    LEFT JOIN organisations o ON o.id = s.organisation_id \
    LEFT JOIN bundles b ON b.id = s.bundle_id";

#[derive(sqlx::FromRow)]
struct DetailRow {
    description: String,
    area: String,
    frequency: String,
    since: String,
    people_estimate: Option<i64>,
    tried: String,
    idea: String,
    may_contact: bool,
    reporter_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: EventId,
    at: DateTime<Utc>,
    actor_name: Option<String>,
    kind: String,
    from_phase: Option<String>,
    to_phase: Option<String>,
    reason: Option<String>,
    duplicate_of: Option<SignalId>,
    outcome: Option<String>,
    message: Option<String>,
    note: Option<String>,
    subject_name: Option<String>,
    linked_signal_id: Option<SignalId>,
    meeting_title: Option<String>,
    meeting_at: Option<DateTime<Utc>>,
    campaign_title: Option<String>,
}

/// `Membership::processes` as a condition on `signals s`. The ids are numbers
/// from the database, written into the text (no user input reaches it).
fn processed_by_sql(processed: &crate::domain::board::ProcessedBy) -> String {
    if processed.everything {
        return "1 = 1".to_string();
    }
    let mut any = vec![];
    if !processed.domains.is_empty() {
        let ids: Vec<String> = processed.domains.iter().map(|d| d.0.to_string()).collect();
        any.push(format!("s.policy_domain_id IN ({})", ids.join(", ")));
    }
    if let Some(organisation) = processed.organisation {
        any.push(format!("s.organisation_id = {}", organisation.0));
    }
    if any.is_empty() { "1 = 0".to_string() } else { format!("({})", any.join(" OR ")) }
}

/// A value bound to a board filter's placeholder.
enum Bind {
    Text(String),
    Time(DateTime<Utc>),
}

/// Bind a filter's values, in order, after the query's own.
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut query = $query;
        for bind in $binds {
            query = match bind {
                Bind::Text(text) => query.bind(text),
                Bind::Time(time) => query.bind(time),
            };
        }
        query
    }};
}

/// What a board selects, as a condition on `signals s`, with its values
/// bound from placeholder `$first` on (what people type never reaches the text).
fn selection_sql(selection: &BoardSelection, first: usize) -> (String, Vec<Bind>) {
    let mut conditions = vec![processed_by_sql(&selection.processed)];
    let mut binds = Vec::new();
    let next = |bind: Bind, binds: &mut Vec<Bind>| {
        binds.push(bind);
        format!("${}", first + binds.len() - 1)
    };
    if let Some(domain) = selection.policy_domain {
        conditions.push(format!("s.policy_domain_id = {}", domain.0));
    }
    if let Some(code) = &selection.life_domain {
        let p = next(Bind::Text(code.clone()), &mut binds);
        conditions.push(format!("EXISTS (SELECT 1 FROM signal_life_domains l WHERE l.signal_id = s.id AND l.code = {p})"));
    }
    if let Some(code) = &selection.target_group {
        let p = next(Bind::Text(code.clone()), &mut binds);
        conditions.push(format!("EXISTS (SELECT 1 FROM signal_target_groups g WHERE g.signal_id = s.id AND g.code = {p})"));
    }
    if let Some(kind) = &selection.sector {
        let p = next(Bind::Text(kind.clone()), &mut binds);
        conditions.push(format!(
            "(EXISTS (SELECT 1 FROM organisations o WHERE o.id = s.organisation_id AND o.kind = {p}) \
              OR EXISTS (SELECT 1 FROM sightings g JOIN organisations o ON o.id = g.organisation_id \
                         WHERE g.signal_id = s.id AND o.kind = {p}))"
        ));
    }
    if let Some(source) = selection.source {
        conditions.push(format!("s.source = '{}'", source.code()));
    }
    if let Some(person) = selection.assignee {
        conditions.push(format!("s.assignee_id = {}", person.0));
    }
    if let Some(before) = selection.created_before {
        let p = next(Bind::Time(before), &mut binds);
        conditions.push(format!("s.created_at < {p}"));
    }
    for stem in &selection.stems {
        let p = next(Bind::Text(stem.clone()), &mut binds);
        conditions
            .push(format!("EXISTS (SELECT 1 FROM signal_stems t WHERE t.tenant_id = s.tenant_id AND t.signal_id = s.id AND t.stem = {p})"));
    }
    (conditions.join(" AND "), binds)
}

impl SqlTx {
    async fn summaries_where(&mut self, condition: &str, tenant: TenantId, id: Option<i64>) -> StoreResult<Vec<SignalSummary>> {
        let sql = format!("{SUMMARY_SELECT} WHERE s.tenant_id = $1 {condition} ORDER BY s.created_at, s.id");
        let mut query = sqlx::query_as::<_, SummaryRow>(&sql).bind(tenant);
        if let Some(id) = id {
            query = query.bind(id);
        }
        query.fetch_all(&mut *self.0).await?.into_iter().map(SummaryRow::summary).collect()
    }

    async fn codes(&mut self, table: &str, signal: SignalId) -> StoreResult<Vec<String>> {
        let sql = format!("SELECT code FROM {table} WHERE signal_id = $1 ORDER BY code");
        Ok(sqlx::query_scalar(&sql).bind(signal).fetch_all(&mut *self.0).await?)
    }
}

#[async_trait]
impl Signals for SqlTx {
    async fn insert_signal(&mut self, tenant: TenantId, s: &NewSignal, at: DateTime<Utc>) -> StoreResult<SignalId> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO signals (tenant_id, title, description, policy_domain_id, area, frequency, since, \
                people_estimate, tried, idea, may_contact, source, reporter_id, organisation_id, phase, \
                created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id",
        )
        .bind(tenant)
        .bind(&s.title)
        .bind(&s.description)
        .bind(s.policy_domain)
        .bind(&s.area)
        .bind(&s.frequency)
        .bind(&s.since)
        .bind(s.people_estimate)
        .bind(&s.tried)
        .bind(&s.idea)
        .bind(s.may_contact)
        .bind(s.source.code())
        .bind(s.reporter)
        .bind(s.organisation)
        .bind(Phase::Submitted.code())
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?;
        for (table, codes) in [("signal_target_groups", &s.target_groups), ("signal_life_domains", &s.life_domains)] {
            self.add_codes(table, id, codes).await?;
        }
        self.1.inserted(tenant, ChangedSignal { id: SignalId(id), domain: s.policy_domain, organisation: s.organisation });
        Ok(SignalId(id))
    }

    async fn signal_summaries(&mut self, tenant: TenantId) -> StoreResult<Vec<SignalSummary>> {
        self.summaries_where("", tenant, None).await
    }

    async fn signal_summaries_in(&mut self, tenant: TenantId, phases: &[Phase]) -> StoreResult<Vec<SignalSummary>> {
        if phases.is_empty() {
            return Ok(Vec::new());
        }
        // Our own phase codes, written into the text.
        let codes = phases.iter().map(|p| format!("'{}'", p.code())).collect::<Vec<_>>().join(",");
        self.summaries_where(&format!("AND s.phase IN ({codes})"), tenant, None).await
    }

    async fn board_columns(
        &mut self,
        tenant: TenantId,
        selection: &BoardSelection,
        columns: &[(Phase, i64)],
    ) -> StoreResult<Vec<SignalSummary>> {
        if columns.is_empty() {
            return Ok(Vec::new());
        }
        // One statement for the whole board (each statement is a round trip
        // to the database): per column its oldest cards, each part limited
        // on its own so it can walk the (tenant, phase, created_at) index.
        let (condition, binds) = selection_sql(selection, 2);
        let limits = 2 + binds.len();
        // Phase codes are our own constants, written into the text.
        let parts: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, (phase, _))| {
                format!(
                    "SELECT * FROM ({SUMMARY_SELECT} WHERE s.tenant_id = $1 AND s.phase = '{}' AND {condition} \
                     ORDER BY s.created_at, s.id LIMIT ${}) AS c{i}",
                    phase.code(),
                    limits + i
                )
            })
            .collect();
        let sql = parts.join(" UNION ALL ");
        let mut query = bind_all!(sqlx::query_as::<_, SummaryRow>(&sql).bind(tenant), binds);
        for (_, limit) in columns {
            query = query.bind(*limit);
        }
        let mut cards = query.fetch_all(&mut *self.0).await?.into_iter().map(SummaryRow::summary).collect::<StoreResult<Vec<_>>>()?;
        // UNION ALL promises no order: the board's columns in their order,
        // each oldest first.
        let column = |phase: Phase| columns.iter().position(|(p, _)| *p == phase);
        cards.sort_by_key(|s| (column(s.phase), s.created_at, s.id));
        Ok(cards)
    }

    async fn board_counts(&mut self, tenant: TenantId, selection: &BoardSelection) -> StoreResult<Vec<(Phase, i64)>> {
        let (condition, binds) = selection_sql(selection, 2);
        let sql = format!("SELECT s.phase, COUNT(*) FROM signals s WHERE s.tenant_id = $1 AND {condition} GROUP BY s.phase");
        let query = sqlx::query_as::<_, (String, i64)>(&sql).bind(tenant);
        let rows = bind_all!(query, binds).fetch_all(&mut *self.0).await?;
        rows.into_iter().map(|(phase, n)| Ok((decode("signals.phase", &phase, Phase::from_code)?, n))).collect()
    }

    async fn board_matching(&mut self, tenant: TenantId, selection: &BoardSelection, ids: &[SignalId]) -> StoreResult<Vec<SignalId>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let (condition, binds) = selection_sql(selection, 2);
        // Numbers from our own typed ids, written into the text.
        let list = ids.iter().map(|id| id.0.to_string()).collect::<Vec<_>>().join(",");
        let sql = format!("SELECT s.id FROM signals s WHERE s.tenant_id = $1 AND s.id IN ({list}) AND {condition}");
        let query = sqlx::query_scalar::<_, SignalId>(&sql).bind(tenant);
        Ok(bind_all!(query, binds).fetch_all(&mut *self.0).await?)
    }

    async fn set_stems(&mut self, tenant: TenantId, signal: SignalId, stems: &[String]) -> StoreResult<()> {
        // By the signal alone: with the tenant too, SQLite chose the
        // (tenant, stem) index and read all the tenant's stems (13 ms per
        // intake at 3,000 signals). A signal's stems share its tenant (the
        // foreign key), and the insert below fails for another tenant's.
        sqlx::query("DELETE FROM signal_stems WHERE signal_id = $1").bind(signal).execute(&mut *self.0).await?;
        self.add_stems(tenant, signal, stems).await
    }

    async fn add_stems(&mut self, tenant: TenantId, signal: SignalId, stems: &[String]) -> StoreResult<()> {
        let mut unique: Vec<&String> = stems.iter().collect();
        unique.sort();
        unique.dedup();
        for part in unique.chunks(500) {
            let sql = format!("INSERT INTO signal_stems (tenant_id, signal_id, stem) VALUES {}", rows_sharing(2, part.len()));
            let mut query = sqlx::query(&sql).bind(tenant).bind(signal);
            for stem in part {
                query = query.bind(*stem);
            }
            query.execute(&mut *self.0).await?;
        }
        Ok(())
    }

    async fn unstemmed_signals(&mut self, limit: i64) -> StoreResult<Vec<(TenantId, SignalId, String, String)>> {
        Ok(sqlx::query_as(
            "SELECT s.tenant_id, s.id, s.title, s.description FROM signals s \
             WHERE NOT EXISTS (SELECT 1 FROM signal_stems t WHERE t.signal_id = s.id) ORDER BY s.id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&mut *self.0)
        .await?)
    }

    async fn signal_summary(&mut self, tenant: TenantId, id: SignalId) -> StoreResult<Option<SignalSummary>> {
        Ok(self.summaries_where("AND s.id = $2", tenant, Some(id.0)).await?.pop())
    }

    async fn card_facts(&mut self, tenant: TenantId, ids: &[SignalId]) -> StoreResult<Vec<(SignalId, crate::domain::board::CardFacts)>> {
        use std::collections::BTreeMap;
        let mut facts: BTreeMap<SignalId, (crate::domain::board::CardFacts, Vec<OrganisationId>)> =
            ids.iter().map(|id| (*id, Default::default())).collect();
        let all: Vec<i64> = ids.iter().map(|id| id.0).collect();
        for list in chunks(&all) {
            // Numbers from our own typed ids, written into the text.
            let groups: Vec<(SignalId, String)> = sqlx::query_as(&format!(
                "SELECT t.signal_id, t.code FROM signal_target_groups t JOIN signals s ON s.id = t.signal_id \
                 WHERE s.tenant_id = $1 AND t.signal_id IN ({list}) ORDER BY t.code"
            ))
            .bind(tenant)
            .fetch_all(&mut *self.0)
            .await?;
            for (id, code) in groups {
                facts.entry(id).or_default().0.target_groups.push(code);
            }
            let seen: Vec<(SignalId, OrganisationId, String)> = sqlx::query_as(&format!(
                // The tenant is checked on the organisation, so the ids (not
                // the tenant's whole index) drive the search of `signals`.
                "SELECT s.id, o.id, o.kind FROM signals s JOIN organisations o ON o.id = s.organisation_id \
                 WHERE o.tenant_id = $1 AND s.id IN ({list}) \
                 UNION SELECT g.signal_id, o.id, o.kind FROM sightings g JOIN organisations o ON o.id = g.organisation_id \
                 WHERE g.tenant_id = $1 AND g.signal_id IN ({list})"
            ))
            .bind(tenant)
            .fetch_all(&mut *self.0)
            .await?;
            let assigned: Vec<(SignalId, TenantId, String)> = sqlx::query_as(&format!(
                "SELECT s.id, s.tenant_id, p.name FROM signals s JOIN people p ON p.id = s.assignee_id WHERE s.id IN ({list})"
            ))
            .fetch_all(&mut *self.0)
            .await?;
            for (id, _, name) in assigned.into_iter().filter(|row| row.1 == tenant) {
                facts.entry(id).or_default().0.assignee = Some(name);
            }
            for (id, organisation, sector) in seen {
                let (card, organisations) = facts.entry(id).or_default();
                if !organisations.contains(&organisation) {
                    organisations.push(organisation);
                }
                if !card.sectors.contains(&sector) {
                    card.sectors.push(sector);
                }
            }
        }
        Ok(facts
            .into_iter()
            .map(|(id, (mut card, organisations))| {
                card.organisations = organisations.len() as u32;
                card.sectors.sort();
                (id, card)
            })
            .collect())
    }

    async fn signal_details(&mut self, tenant: TenantId, id: SignalId) -> StoreResult<Option<SignalDetails>> {
        let Some(summary) = self.signal_summary(tenant, id).await? else {
            return Ok(None);
        };
        let row: DetailRow = sqlx::query_as(
            "SELECT s.description, s.area, s.frequency, s.since, s.people_estimate, s.tried, s.idea, \
                    s.may_contact, p.name AS reporter_name \
             FROM signals s LEFT JOIN people p ON p.id = s.reporter_id \
             WHERE s.tenant_id = $1 AND s.id = $2",
        )
        .bind(tenant)
        .bind(id)
        .fetch_one(&mut *self.0)
        .await?;
        Ok(Some(SignalDetails {
            summary,
            description: row.description,
            area: row.area,
            frequency: row.frequency,
            since: row.since,
            people_estimate: row.people_estimate,
            tried: row.tried,
            idea: row.idea,
            may_contact: row.may_contact,
            target_groups: self.codes("signal_target_groups", id).await?,
            life_domains: self.codes("signal_life_domains", id).await?,
            reporter_name: row.reporter_name,
        }))
    }

    async fn bundle_signals(&mut self, tenant: TenantId, bundle: BundleId) -> StoreResult<Vec<SignalSummary>> {
        self.summaries_where("AND s.bundle_id = $2", tenant, Some(bundle.0)).await
    }

    async fn update_phase(
        &mut self,
        tenant: TenantId,
        id: SignalId,
        expected_version: i64,
        phase: Phase,
        bundle: Option<BundleId>,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE signals SET phase = $1, bundle_id = $2, version = version + 1, updated_at = $3 \
             WHERE tenant_id = $4 AND id = $5 AND version = $6",
        )
        .bind(phase.code())
        .bind(bundle)
        .bind(at)
        .bind(tenant)
        .bind(id)
        .bind(expected_version)
        .execute(&mut *self.0)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn insert_event(
        &mut self,
        tenant: TenantId,
        signal: SignalId,
        actor: Option<PersonId>,
        at: DateTime<Utc>,
        e: &EventDraft,
    ) -> StoreResult<EventId> {
        self.1.signal(tenant, signal);
        let id = sqlx::query_scalar(
            "INSERT INTO signal_events (tenant_id, signal_id, at, actor_id, kind, from_phase, to_phase, \
                reason, duplicate_of, outcome, message, note, subject_id, linked_signal_id, meeting_id, campaign_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
        )
        .bind(tenant)
        .bind(signal)
        .bind(at)
        .bind(actor)
        .bind(e.kind.code())
        .bind(e.from.map(Phase::code))
        .bind(e.to.map(Phase::code))
        .bind(e.reason.map(NotRetainedReason::code))
        .bind(e.duplicate_of)
        .bind(e.outcome.map(Outcome::code))
        .bind(&e.message)
        .bind(&e.note)
        .bind(e.subject)
        .bind(e.linked)
        .bind(e.carrier.and_then(Carrier::meeting))
        .bind(e.carrier.and_then(Carrier::campaign))
        .fetch_one(&mut *self.0)
        .await?;
        // The first arrival in each phase feeds the dashboard's lead times.
        if let Some(to) = e.to.filter(|p| *p != Phase::Submitted) {
            self.record_arrival(tenant, signal, to.code(), at).await?;
        }
        Ok(EventId(id))
    }

    async fn history(&mut self, tenant: TenantId, signal: SignalId) -> StoreResult<Vec<HistoryEntry>> {
        let rows: Vec<EventRow> = sqlx::query_as(
            "SELECT e.id, e.at, p.name AS actor_name, e.kind, e.from_phase, e.to_phase, e.reason, \
                    e.duplicate_of, e.outcome, e.message, e.note, sp.name AS subject_name, e.linked_signal_id, \
                    m.title AS meeting_title, m.starts_at AS meeting_at, c.title AS campaign_title \
             FROM signal_events e LEFT JOIN people p ON p.id = e.actor_id LEFT JOIN people sp ON sp.id = e.subject_id \
                  LEFT JOIN meetings m ON m.tenant_id = e.tenant_id AND m.id = e.meeting_id \
                  LEFT JOIN campaigns c ON c.tenant_id = e.tenant_id AND c.id = e.campaign_id \
             WHERE e.tenant_id = $1 AND e.signal_id = $2 ORDER BY e.at, e.id",
        )
        .bind(tenant)
        .bind(signal)
        .fetch_all(&mut *self.0)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(HistoryEntry {
                    id: r.id,
                    at: r.at,
                    actor_name: r.actor_name,
                    kind: decode("signal_events.kind", &r.kind, EventKind::from_code)?,
                    from: decode_opt("signal_events.from_phase", r.from_phase, Phase::from_code)?,
                    to: decode_opt("signal_events.to_phase", r.to_phase, Phase::from_code)?,
                    reason: decode_opt("signal_events.reason", r.reason, NotRetainedReason::from_code)?,
                    duplicate_of: r.duplicate_of,
                    outcome: decode_opt("signal_events.outcome", r.outcome, Outcome::from_code)?,
                    message: r.message,
                    note: r.note,
                    subject_name: r.subject_name,
                    linked: r.linked_signal_id,
                    carrier: match (r.meeting_title, r.meeting_at, r.campaign_title) {
                        (Some(title), Some(at), _) => Some(format!("{title} ({})", crate::domain::forum::meeting::dutch_date(at))),
                        (_, _, Some(title)) => Some(title),
                        _ => None,
                    },
                })
            })
            .collect()
    }

    async fn bundle(&mut self, tenant: TenantId, id: BundleId) -> StoreResult<Option<BundleRef>> {
        let row: Option<(String, i64)> = sqlx::query_as("SELECT title, version FROM bundles WHERE tenant_id = $1 AND id = $2")
            .bind(tenant)
            .bind(id)
            .fetch_optional(&mut *self.0)
            .await?;
        Ok(row.map(|(title, version)| BundleRef { id, title, version }))
    }

    async fn count_signals(&mut self, tenant: TenantId) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM signals WHERE tenant_id = $1").bind(tenant).fetch_one(&mut *self.0).await?)
    }

    async fn redact(&mut self, tenant: TenantId, signal: SignalId, passage: &str, at: DateTime<Utc>) -> StoreResult<u64> {
        use crate::domain::redaction::REDACTED;
        self.1.signal(tenant, signal);
        // Each statement touches only rows where the passage stands.
        let texts = |columns: &[&str]| -> (String, String) {
            let set = columns.iter().map(|c| format!("{c} = REPLACE({c}, $3, $4)")).collect::<Vec<_>>().join(", ");
            let any =
                columns.iter().map(|c| format!("REPLACE(COALESCE({c}, ''), $3, '') <> COALESCE({c}, '')")).collect::<Vec<_>>().join(" OR ");
            (set, any)
        };
        let statements = [
            ("signals", "tenant_id = $1 AND id = $2", vec!["title", "description", "area", "frequency", "since", "tried", "idea"]),
            ("signal_events", "tenant_id = $1 AND signal_id = $2", vec!["message", "note"]),
            ("sightings", "tenant_id = $1 AND signal_id = $2", vec!["note"]),
            ("signal_questions", "tenant_id = $1 AND signal_id = $2", vec!["question", "answer"]),
            ("citizen_reports", "tenant_id = $1 AND signal_id = $2", vec!["title", "description", "area"]),
            ("outbox", "tenant_id = $1 AND $2 = $2", vec!["subject", "body"]),
        ];
        let mut changed = 0;
        for (table, scope, columns) in statements {
            let (set, any) = texts(&columns);
            let sql = format!("UPDATE {table} SET {set} WHERE {scope} AND ({any})");
            changed +=
                sqlx::query(&sql).bind(tenant).bind(signal).bind(passage).bind(REDACTED).execute(&mut *self.0).await?.rows_affected();
        }
        // A redaction is a change: forms opened before it are out of date.
        sqlx::query("UPDATE signals SET version = version + 1, updated_at = $3 WHERE tenant_id = $1 AND id = $2")
            .bind(tenant)
            .bind(signal)
            .bind(at)
            .execute(&mut *self.0)
            .await?;
        Ok(changed)
    }
}
