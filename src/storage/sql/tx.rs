// Shared by both backends: compiled once with `Db = Sqlite` and once with
// `Db = Postgres` (see `include!` in sqlite.rs and postgres.rs). The SQL text is
// the same for both; SQLite accepts PostgreSQL's `$1` placeholders.

/// An open transaction, what it changed on the boards so far, and (on
/// SQLite) the feed it publishes its numbered change to after the commit.
pub struct SqlTx(Conn, Touched, Option<std::sync::Arc<ChangeFeed>>);

/// A transaction, or a connection for a read of one statement
/// (`Store::read_one`). Both are a connection to the statements.
enum Conn {
    Tx(sqlx::Transaction<'static, Db>),
    Single(sqlx::pool::PoolConnection<Db>),
}

impl std::ops::Deref for Conn {
    type Target = <Db as sqlx::Database>::Connection;
    fn deref(&self) -> &Self::Target {
        match self {
            Conn::Tx(tx) => tx,
            Conn::Single(connection) => connection,
        }
    }
}

impl std::ops::DerefMut for Conn {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Conn::Tx(tx) => tx,
            Conn::Single(connection) => connection,
        }
    }
}

impl SqlTx {
    /// Add codes (target groups, life domains) to a signal, in one statement.
    async fn add_codes(&mut self, table: &str, signal: i64, codes: &[String]) -> StoreResult<()> {
        if codes.is_empty() {
            return Ok(());
        }
        // `table` is one of our own table names, never input.
        let sql = format!("INSERT INTO {table} (signal_id, code) VALUES {}", rows_sharing(1, codes.len()));
        let mut query = sqlx::query(&sql).bind(signal);
        for code in codes {
            query = query.bind(code);
        }
        query.execute(&mut *self.0).await?;
        Ok(())
    }

    fn new(tx: sqlx::Transaction<'static, Db>, feed: Option<std::sync::Arc<ChangeFeed>>) -> Self {
        SqlTx(Conn::Tx(tx), Touched::default(), feed)
    }

    fn single(connection: sqlx::pool::PoolConnection<Db>) -> Self {
        SqlTx(Conn::Single(connection), Touched::default(), None)
    }

    /// Give what this transaction touched, per tenant, the next number of
    /// the tenant's counter, and write it down with the signals (their scopes
    /// as they are now). The counter row stays locked until the commit, so
    /// numbers commit in order.
    async fn number_changes(&mut self) -> StoreResult<Vec<BoardChange>> {
        let touched = std::mem::take(&mut self.1);
        let mut numbered = Vec::new();
        for (tenant, TenantTouched { signals, bundles, earlier, meetings, inserted }) in touched.0 {
            // A signal inserted here has the scope it was given (one statement
            // less in every intake's transaction); the others are read.
            let (known, unknown): (Vec<SignalId>, Vec<SignalId>) = signals.iter().partition(|id| inserted.contains_key(id));
            let mut changed: Vec<ChangedSignal> = known.iter().map(|id| inserted[id]).collect();
            let ids: Vec<i64> = unknown.iter().map(|s| s.0).collect();
            let in_bundles: Vec<i64> = bundles.iter().map(|b| b.0).collect();
            // Numbers from our own typed ids, written into the text.
            let conditions: Vec<String> = chunks(&ids)
                .into_iter()
                .map(|c| format!("id IN ({c})"))
                .chain(chunks(&in_bundles).into_iter().map(|c| format!("bundle_id IN ({c})")))
                .collect();
            for condition in conditions {
                // The tenant is checked here rather than in the SQL, so the ids
                // drive the search and not the tenant's whole index.
                let rows: Vec<(SignalId, TenantId, Option<PolicyDomainId>, Option<OrganisationId>)> =
                    sqlx::query_as(&format!("SELECT id, tenant_id, policy_domain_id, organisation_id FROM signals WHERE {condition}"))
                        .fetch_all(&mut *self.0)
                        .await?;
                let rows = rows.into_iter().filter(|row| row.1 == tenant).map(|(id, _, domain, organisation)| (id, domain, organisation));
                changed.extend(rows.into_iter().map(|(id, domain, organisation)| ChangedSignal { id, domain, organisation }));
            }
            // A signal whose scope changed is told under its old scope too,
            // so the boards it leaves hear of it.
            changed.extend(earlier);
            changed.sort_by_key(|s| (s.id, s.domain, s.organisation));
            changed.dedup();
            let signals =
                serde_json::to_string(&changed).map_err(|e| StoreError::Corrupt { column: "changes.signals", value: e.to_string() })?;
            let meetings: Vec<MeetingId> = meetings.into_iter().collect();
            let meetings_json =
                serde_json::to_string(&meetings).map_err(|e| StoreError::Corrupt { column: "changes.meetings", value: e.to_string() })?;
            // Numbered and written down in one round trip (each backend's `NUMBER_CHANGE`).
            let seq: i64 = sqlx::query_scalar(NUMBER_CHANGE)
                .bind(tenant)
                .bind(&signals)
                .bind(Utc::now())
                .bind(&meetings_json)
                .fetch_one(&mut *self.0)
                .await?;
            let change = BoardChange { tenant, seq, signals: changed, meetings };
            announce(&mut self.0, &change).await?;
            numbered.push(change);
        }
        Ok(numbered)
    }
}

/// Ids as comma-separated text, a few hundred at a time.
fn chunks(ids: &[i64]) -> Vec<String> {
    ids.chunks(500).map(|c| c.iter().map(i64::to_string).collect::<Vec<_>>().join(",")).collect()
}

/// `VALUES` rows for one statement that writes many rows: each row starts
/// with the same `shared` parameters ($1 …) and ends with one of its own,
/// e.g. `($1, $2), ($1, $3)`. One statement instead of one per row.
fn rows_sharing(shared: usize, rows: usize) -> String {
    let first: Vec<String> = (1..=shared).map(|i| format!("${i}")).collect();
    (0..rows).map(|row| format!("({}, ${})", first.join(", "), shared + 1 + row)).collect::<Vec<_>>().join(", ")
}

/// Signals and bundles a transaction changed, per tenant.
#[derive(Default)]
struct Touched(std::collections::BTreeMap<TenantId, TenantTouched>);

#[derive(Default)]
struct TenantTouched {
    signals: std::collections::BTreeSet<SignalId>,
    bundles: std::collections::BTreeSet<BundleId>,
    /// Scopes signals had before this transaction changed them.
    earlier: Vec<ChangedSignal>,
    /// Scopes of signals this transaction inserted and did not change since:
    /// known, so the commit need not read them again.
    inserted: std::collections::BTreeMap<SignalId, ChangedSignal>,
    /// Meetings whose agenda or plan changed.
    meetings: std::collections::BTreeSet<MeetingId>,
}

impl Touched {
    fn signal(&mut self, tenant: TenantId, signal: SignalId) {
        self.0.entry(tenant).or_default().signals.insert(signal);
    }

    /// Every signal of the bundle, as it is at the commit.
    fn bundle(&mut self, tenant: TenantId, bundle: BundleId) {
        self.0.entry(tenant).or_default().bundles.insert(bundle);
    }

    fn meeting(&mut self, tenant: TenantId, meeting: MeetingId) {
        self.0.entry(tenant).or_default().meetings.insert(meeting);
    }

    /// The signal's scope before a change of it.
    fn earlier(&mut self, tenant: TenantId, signal: ChangedSignal) {
        let touched = self.0.entry(tenant).or_default();
        touched.signals.insert(signal.id);
        touched.inserted.remove(&signal.id);
        touched.earlier.push(signal);
    }

    /// A signal this transaction inserted, with the scope it was given.
    fn inserted(&mut self, tenant: TenantId, signal: ChangedSignal) {
        self.0.entry(tenant).or_default().inserted.insert(signal.id, signal);
    }
}

#[async_trait]
impl Tx for SqlTx {
    async fn commit(mut self: Box<Self>) -> StoreResult<()> {
        let numbered = match self.0 {
            Conn::Tx(_) => self.number_changes().await?,
            // A read of one statement: nothing to commit. A write through it
            // is a bug that must not pass unnoticed.
            Conn::Single(_) => {
                assert!(self.1.0.is_empty(), "a write through Store::read_one");
                Vec::new()
            }
        };
        let SqlTx(connection, _, feed) = *self;
        if let Conn::Tx(tx) = connection {
            tx.commit().await?;
        }
        if let Some(feed) = feed {
            for change in numbered {
                feed.publish(change);
            }
        }
        Ok(())
    }
}

#[async_trait]
impl Changes for SqlTx {
    async fn change_seq(&mut self, tenant: TenantId) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("SELECT seq FROM change_counters WHERE tenant_id = $1")
            .bind(tenant)
            .fetch_optional(&mut *self.0)
            .await?
            .unwrap_or(0))
    }

    async fn change(&mut self, tenant: TenantId, seq: i64) -> StoreResult<Option<BoardChange>> {
        let row: Option<(String, String)> = sqlx::query_as("SELECT signals, meetings FROM changes WHERE tenant_id = $1 AND seq = $2")
            .bind(tenant)
            .bind(seq)
            .fetch_optional(&mut *self.0)
            .await?;
        row.map(|(s, m)| {
            let signals = serde_json::from_str(&s).map_err(|_| StoreError::Corrupt { column: "changes.signals", value: s })?;
            let meetings = serde_json::from_str(&m).map_err(|_| StoreError::Corrupt { column: "changes.meetings", value: m })?;
            Ok(BoardChange { tenant, seq, signals, meetings })
        })
        .transpose()
    }

    async fn forget_changes(&mut self, before: DateTime<Utc>) -> StoreResult<u64> {
        Ok(sqlx::query("DELETE FROM changes WHERE at < $1").bind(before).execute(&mut *self.0).await?.rows_affected())
    }
}
