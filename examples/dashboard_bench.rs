//! Benchmark: the reports dashboard of a tenant with 100,000 signals, on
//! SQLite (and on PostgreSQL when a server is given). What is timed is the
//! use case the dashboard page calls, `usecases::reports::dashboard::figures`,
//! in a read transaction of the store: every count, the lead times, the
//! most-seen signals, the arrivals against the targets and the protection of
//! small numbers.
//!
//!     cargo run --release --features ssr --example dashboard_bench [-- SIGNALS RENDERS [POSTGRES_URL]]
//!
//! Makes a new tenant (`usecases::tenants::create`, with the default policy
//! domains), 20 organisations of every kind, 14 districts and four targets,
//! then writes SIGNALS (100,000) signals straight into the database in a few
//! big transactions: received over the last two years, one to two life
//! domains and target groups each, a district for most, about 10 % from
//! citizens, the rest from the organisations (some far busier than others),
//! the policy domains unevenly used. Each signal goes along the lifecycle as
//! far as its age allows, with an event for every phase it reached and a row
//! in `signal_arrivals` for each (the dashboard's lead times are percentiles
//! of those), a reason when not retained, an outcome when closed, comments,
//! and sightings by other organisations for about 12 %. Bundles are not made:
//! the dashboard does not read them.
//!
//! The triggers note every signal; the benchmark counts them into the
//! tallies once (`tallies::catch_up`, timed), and checks that the tallies
//! say what a plain count of the signals says. Then RENDERS (200) times,
//! after 5 warm-ups, it opens a read transaction and calls `figures` for
//! "the last two years" as a mandataris sees it (every policy domain, small
//! numbers protected), as many times for the busiest policy domain alone,
//! and as many times again for every domain with 20 signals changed before
//! each render (the render corrects for them; they are counted after it,
//! as the server does every 30 seconds). It prints min, median, p95 and max.
//!
//! POSTGRES_URL (else SEINHUIS_TEST_POSTGRES_URL) is an admin URL such
//! as `postgres://postgres@127.0.0.1:55432/postgres`: the benchmark makes a
//! database of its own there and drops it afterwards. `DASHBOARD_BENCH_DB=
//! /tmp/dashboard.db` keeps the SQLite database there (the file must not
//! exist yet), to look at query plans. Results are recorded in
//! docs/benchmarks.md.

#[cfg(not(feature = "ssr"))]
fn main() {
    eprintln!("dashboard_bench needs the server: run it with --features ssr");
}

#[cfg(feature = "ssr")]
#[path = "common/demo.rs"]
mod demo;
#[cfg(feature = "ssr")]
#[path = "common/postgres.rs"]
mod postgres;

#[cfg(feature = "ssr")]
fn main() -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build()?.block_on(bench::main())
}

#[cfg(feature = "ssr")]
mod bench {
    use std::fmt::Write as _;

    use super::postgres;
    use std::str::FromStr;
    use std::time::Instant;

    use anyhow::{Context, anyhow, ensure};
    use chrono::{DateTime, Duration, SecondsFormat, Timelike, Utc};
    use rand::distributions::WeightedIndex;
    use rand::prelude::Distribution;
    use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};
    use seinhuis::domain::reports::targets::{Metric, Target};
    use seinhuis::domain::reports::{Cell, Dashboard, Period, PeriodChoice, ReportScope};
    use seinhuis::domain::vocabulary::{LIFE_DOMAINS, NotRetainedReason, Outcome, TARGET_GROUPS};
    use seinhuis::domain::{
        Membership, MembershipId, NewOrganisation, OrganisationId, PersonId, Phase, PolicyDomainId, Role, TenantId, brussels,
    };
    use seinhuis::storage::Store;
    use seinhuis::usecases::reports::dashboard::figures;
    use seinhuis::usecases::reports::tallies::catch_up;
    use sqlx::Connection;

    use super::demo::Demo;

    /// Renders made first and not counted: connections and caches warm up.
    const WARM_UP: usize = 5;
    /// Signals changed before each render of the busy run.
    const CHANGED: usize = 20;
    /// Signals written per statement.
    const BLOCK: usize = 500;
    /// Signals written per transaction.
    const PER_TRANSACTION: usize = 25_000;

    /// The tenant's organisations: name, kind, how busy (relative).
    const ORGANISATIONS: &[(&str, &str, u32)] = &[
        ("Stad Benchstad – Dienst Welzijn", "stad", 6),
        ("Sociaal Huis Benchstad", "ocmw", 14),
        ("Sociaal Huis – Schuldbemiddeling", "ocmw", 8),
        ("CAW Oost-Vlaanderen", "caw", 12),
        ("CAW – Onthaal Benchstad", "caw", 6),
        ("Jeugdwerk De Branding vzw", "jeugdwerk", 4),
        ("Jeugdhuis 't Kruispunt", "jeugdwerk", 2),
        ("Huis van het Kind Noord", "huis-van-het-kind", 5),
        ("Huis van het Kind Zuid", "huis-van-het-kind", 4),
        ("Wijkgezondheidscentrum De Kaai", "wgc", 7),
        ("Wijkgezondheidscentrum Botermarkt", "wgc", 5),
        ("Samenlevingsopbouw Benchstad", "vzw", 6),
        ("Vluchtelingenwerk Benchstad", "vzw", 3),
        ("Welzijnsschakel De Brug", "vzw", 3),
        ("Sociaal Verhuurkantoor", "vzw", 4),
        ("Basisschool De Regenboog", "onderwijs", 3),
        ("Centrum voor Leerlingenbegeleiding", "onderwijs", 4),
        ("Thuiszorg Plus", "zorg", 3),
        ("Ziekenfonds Benchstad", "zorg", 4),
        ("Psychiatrisch Centrum Sint-Jan", "zorg", 2),
    ];

    const DISTRICTS: &[&str] = &[
        "Binnenstad",
        "Brugse Poort",
        "Dampoort",
        "Ledeberg",
        "Nieuw Gent",
        "Rabot",
        "Sluizeken",
        "Wondelgem",
        "Gentbrugge",
        "Sint-Amandsberg",
        "Mariakerke",
        "Oostakker",
        "Zwijnaarde",
        "Drongen",
    ];

    /// Where a signal ends up when it is old enough, and how often.
    const ENDS: &[(Phase, u32)] = &[
        (Phase::Submitted, 4),
        (Phase::Withdrawn, 2),
        (Phase::InScreening, 6),
        (Phase::NotRetained, 16),
        (Phase::Retained, 10),
        (Phase::Bundled, 8),
        (Phase::Analysed, 10),
        (Phase::Scheduled, 10),
        (Phase::InAction, 14),
        (Phase::Closed, 20),
    ];

    const COMMENTS: &[&str] = &[
        "Nagevraagd bij de dienst.",
        "Zelfde probleem gemeld op het wijkoverleg.",
        "Wacht op cijfers van het OCMW.",
        "Besproken met de regisseur.",
        "Signaalgever gebeld: bevestigt dat het nog speelt.",
    ];

    pub async fn main() -> anyhow::Result<()> {
        let mut args = std::env::args().skip(1);
        let signals: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(100_000);
        let renders: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(200).max(1);
        let postgres = args.next().or_else(|| std::env::var("SEINHUIS_TEST_POSTGRES_URL").ok()).filter(|url| !url.is_empty());
        println!(
            "{signals} signals, {renders} renders (after {WARM_UP} warm-ups), {} cores",
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );

        let dir = tempfile::tempdir()?;
        let sqlite = match std::env::var("DASHBOARD_BENCH_DB") {
            Ok(path) if !path.is_empty() => {
                ensure!(!std::path::Path::new(&path).exists(), "DASHBOARD_BENCH_DB: {path} exists already");
                format!("sqlite://{path}")
            }
            _ => format!("sqlite://{}/bench.db", dir.path().display()),
        };
        run("SQLite", &sqlite, signals, renders).await?;
        if let Some(admin) = postgres {
            let url = postgres::create_database(&admin, "seinhuis_dashboard_bench").await?;
            let result = run("PostgreSQL", &url, signals, renders).await;
            postgres::drop_database(&admin, &url).await?;
            result?;
        } else {
            println!("PostgreSQL: skipped (give an admin URL as the third argument or in SEINHUIS_TEST_POSTGRES_URL)");
        }
        Ok(())
    }

    fn app_error(e: seinhuis::error::AppError) -> anyhow::Error {
        anyhow!(e.message())
    }

    /// One database: the tenant, the signals, the renders.
    async fn run(name: &str, url: &str, signals: usize, renders: usize) -> anyhow::Result<()> {
        let store = seinhuis::storage::open(url).await?;
        let now = Utc::now().with_nanosecond(0).context("a whole second")?;
        let today = brussels::local(now).date();
        let period = Period::of(PeriodChoice::TwoYears, today, None, None).map_err(|e| anyhow!(e))?;
        let tenant = set_up(store.as_ref()).await?;
        let started = Instant::now();
        let rows = seed(url, &tenant, signals, period, now).await?;
        println!("{name}: wrote {rows} in {:.1} s", started.elapsed().as_secs_f64());
        // The triggers noted every signal; count them all once, as the
        // server does after this migration or an import.
        let started = Instant::now();
        let counted = catch_up(store.as_ref()).await.map_err(app_error)?;
        let mut db = Db::connect(url).await?;
        let file = db.scalar("SELECT COUNT(*) FROM report_tallies").await?;
        println!("{name}: counted {counted} signals into {file} stored tallies in {:.1} s", started.elapsed().as_secs_f64());

        // What a mandataris who steers no policy domain gets: every figure
        // protected, for all domains or the one chosen.
        let mandataris = Membership {
            id: MembershipId(0),
            person: PersonId(0),
            tenant: tenant.id,
            tenant_slug: "benchstad".into(),
            tenant_name: "Benchstad".into(),
            organisation: None,
            organisation_processes_own: false,
            organisation_territory_mandate: false,
            roles: vec![Role::Mandataris],
            domains: Vec::new(),
        };
        let all = ReportScope::of(&mandataris, None).context("a mandataris reads reports")?;
        ensure!(all.protected && all.domains.is_none(), "scope of a mandataris: {all:?}");
        let (busiest, busiest_name) = tenant.domains[0].clone();
        let one = ReportScope::of(&mandataris, Some(busiest)).context("a mandataris reads reports")?;
        // The tallies hold what a plain count of the signals says.
        let (start, end) = period.bounds();
        let plain = db
            .scalar(&format!(
                "SELECT COUNT(*) FROM signals WHERE tenant_id = {} AND created_at >= {} AND created_at < {}",
                tenant.id.0,
                instant(start),
                instant(end)
            ))
            .await?;
        let open = ReportScope { domains: None, protected: false };
        let mut tx = store.read().await?;
        let dashboard = figures(tx.as_mut(), tenant.id, &open, period, today, String::new()).await.map_err(app_error)?;
        drop(tx);
        ensure!(dashboard.received == Cell::Count(plain as u64), "tallies say {:?}, a plain count {plain}", dashboard.received);

        let quiet = Changes { db: None, per_render: 0 };
        measure(name, store.as_ref(), tenant.id, &all, period, today, "Alle beleidsdomeinen", renders, quiet).await?;
        let quiet = Changes { db: None, per_render: 0 };
        measure(name, store.as_ref(), tenant.id, &one, period, today, &busiest_name, renders, quiet).await?;
        // A busy morning: before each render CHANGED signals get another
        // district, so the render corrects for them, then they are counted.
        let busy = Changes { db: Some((db, signals as i64)), per_render: CHANGED };
        measure(name, store.as_ref(), tenant.id, &all, period, today, "Alle beleidsdomeinen", renders, busy).await?;
        Ok(())
    }

    /// The tenant as the seeding needs it: its policy domains (busiest
    /// first) with their names, organisations with their weights.
    struct Tenant {
        id: TenantId,
        domains: Vec<(PolicyDomainId, String)>,
        organisations: Vec<(OrganisationId, u32)>,
    }

    async fn set_up(store: &dyn Store) -> anyhow::Result<Tenant> {
        let mut tx = store.write().await?;
        let id = seinhuis::usecases::tenants::create(tx.as_mut(), "benchstad", "Benchstad", "gemeente").await.map_err(app_error)?;
        let mut organisations = Vec::new();
        for (name, kind, weight) in ORGANISATIONS {
            let org = NewOrganisation { name: name.to_string(), kind: kind.to_string(), ..NewOrganisation::default() };
            organisations.push((tx.insert_organisation(id, &org).await?, *weight));
        }
        tx.set_districts(id, &DISTRICTS.iter().map(|d| d.to_string()).collect::<Vec<_>>()).await?;
        let targets = [(Metric::Received, 40_000), (Metric::Scheduled, 6_000), (Metric::InAction, 5_000), (Metric::Closed, 8_000)];
        tx.set_targets(id, &targets.map(|(metric, per_year)| Target { metric, per_year })).await?;
        let domains = tx.policy_domains(id).await?.into_iter().map(|d| (d.id, d.name)).collect();
        tx.commit().await?;
        Ok(Tenant { id, domains, organisations })
    }

    /// A connection of its own to the store's database, for writing rows
    /// as SQL text: the same text on both databases.
    enum Db {
        Sqlite(sqlx::SqliteConnection),
        Postgres(sqlx::PgConnection),
    }

    impl Db {
        async fn connect(url: &str) -> anyhow::Result<Db> {
            Ok(if url.starts_with("sqlite:") {
                let options =
                    sqlx::sqlite::SqliteConnectOptions::from_str(url)?.foreign_keys(true).busy_timeout(std::time::Duration::from_secs(10));
                Db::Sqlite(sqlx::SqliteConnection::connect_with(&options).await?)
            } else {
                Db::Postgres(sqlx::PgConnection::connect(url).await?)
            })
        }

        async fn run(&mut self, sql: &str) -> anyhow::Result<()> {
            match self {
                Db::Sqlite(c) => sqlx::raw_sql(sql).execute(c).await.map(drop)?,
                Db::Postgres(c) => sqlx::raw_sql(sql).execute(c).await.map(drop)?,
            }
            Ok(())
        }

        async fn scalar(&mut self, sql: &str) -> anyhow::Result<i64> {
            Ok(match self {
                Db::Sqlite(c) => sqlx::query_scalar::<_, i64>(sql).fetch_one(c).await?,
                Db::Postgres(c) => sqlx::query_scalar::<_, i64>(sql).fetch_one(c).await?,
            })
        }

        /// Our own ids for the signals: PostgreSQL's are identity columns.
        fn own_ids(&self) -> &'static str {
            match self {
                Db::Sqlite(_) => "",
                Db::Postgres(_) => " OVERRIDING SYSTEM VALUE",
            }
        }
    }

    /// A text as an SQL literal.
    fn text(s: &str) -> String {
        format!("'{}'", s.replace('\'', "''"))
    }

    /// An instant as an SQL literal, as sqlx binds a `DateTime<Utc>` on
    /// SQLite (where the dashboard compares the text).
    fn instant(at: DateTime<Utc>) -> String {
        format!("'{}'", at.to_rfc3339_opts(SecondsFormat::AutoSi, false))
    }

    fn id_or_null(id: Option<i64>) -> String {
        id.map_or_else(|| "NULL".to_string(), |id| id.to_string())
    }

    /// Rows of one table, written as one statement.
    struct Rows {
        head: String,
        values: String,
        count: usize,
    }

    impl Rows {
        fn new(head: &str) -> Rows {
            Rows { head: head.to_string(), values: String::new(), count: 0 }
        }

        fn push(&mut self, row: std::fmt::Arguments<'_>) {
            self.values.push_str(if self.count == 0 { "(" } else { ",\n(" });
            self.values.write_fmt(row).expect("writing to a string");
            self.values.push(')');
            self.count += 1;
        }

        /// Write the rows gathered so far; how many there were.
        async fn flush(&mut self, db: &mut Db) -> anyhow::Result<usize> {
            let count = std::mem::take(&mut self.count);
            if count > 0 {
                let values = std::mem::take(&mut self.values);
                db.run(&format!("{} VALUES {values}", self.head)).await?;
            }
            Ok(count)
        }
    }

    /// How long after the step before a signal reaches `phase`: a random
    /// number of days between two bounds, short ones more likely.
    fn delay(rng: &mut StdRng, phase: Phase) -> Duration {
        let (low, high) = match phase {
            Phase::InScreening => (0.05, 10.0),
            Phase::NotRetained | Phase::Retained => (0.5, 30.0),
            Phase::Bundled => (2.0, 60.0),
            Phase::Analysed => (5.0, 90.0),
            Phase::Scheduled | Phase::InAction => (7.0, 120.0),
            Phase::Closed => (30.0, 300.0),
            Phase::Withdrawn => (0.02, 5.0),
            Phase::Submitted => (0.0, 0.0),
        };
        let u: f64 = rng.r#gen();
        Duration::seconds(((low + (high - low) * u * u) * 86_400.0) as i64)
    }

    /// The phases a signal passes on its way to `end`, after Ingediend.
    fn path(end: Phase, via_bundle: bool) -> Vec<Phase> {
        match end {
            Phase::Submitted => Vec::new(),
            Phase::Withdrawn => vec![Phase::Withdrawn],
            Phase::InScreening => vec![Phase::InScreening],
            Phase::NotRetained => vec![Phase::InScreening, Phase::NotRetained],
            _ => {
                let mut path = Vec::new();
                for phase in
                    [Phase::InScreening, Phase::Retained, Phase::Bundled, Phase::Analysed, Phase::Scheduled, Phase::InAction, Phase::Closed]
                {
                    if phase == Phase::Bundled && !via_bundle && end != Phase::Bundled {
                        continue;
                    }
                    path.push(phase);
                    if phase == end {
                        break;
                    }
                }
                path
            }
        }
    }

    /// One event of a signal, before it is written.
    struct Event {
        at: DateTime<Utc>,
        kind: &'static str,
        from: Option<Phase>,
        to: Option<Phase>,
        reason: Option<&'static str>,
        outcome: Option<&'static str>,
        message: Option<&'static str>,
        note: Option<&'static str>,
    }

    impl Event {
        fn plain(at: DateTime<Utc>, kind: &'static str) -> Event {
            Event { at, kind, from: None, to: None, reason: None, outcome: None, message: None, note: None }
        }
    }

    /// Write `count` signals of the tenant, received in `period` up to `now`.
    async fn seed(url: &str, tenant: &Tenant, count: usize, period: Period, now: DateTime<Utc>) -> anyhow::Result<String> {
        let demo = Demo::load()?;
        let mut rng = StdRng::seed_from_u64(11);
        let mut db = Db::connect(url).await?;
        let t = tenant.id.0;
        let (start, _) = period.bounds();
        let first = start + Duration::hours(1);
        let span = (now - Duration::hours(1) - first).num_seconds();
        ensure!(span > 0, "an empty period");
        // Zipf-like: the first domain is the busiest; about 3 % have none yet.
        let domain_of = WeightedIndex::new((0..tenant.domains.len()).map(|i| 100.0 / (i as f64 + 2.0)))?;
        let organisation_of = WeightedIndex::new(tenant.organisations.iter().map(|(_, w)| *w))?;
        let end_of = WeightedIndex::new(ENDS.iter().map(|(_, w)| *w))?;
        let reason_of = WeightedIndex::new([3, 8, 4, 6, 5, 4])?;
        let first_id = db.scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM signals").await?;

        let mut signals = Rows::new(&format!(
            "INSERT INTO signals (id, tenant_id, title, description, policy_domain_id, area, source, organisation_id, phase, \
             version, created_at, updated_at){}",
            db.own_ids()
        ));
        let mut life = Rows::new("INSERT INTO signal_life_domains (signal_id, code)");
        let mut groups = Rows::new("INSERT INTO signal_target_groups (signal_id, code)");
        let mut events =
            Rows::new("INSERT INTO signal_events (tenant_id, signal_id, at, kind, from_phase, to_phase, reason, outcome, message, note)");
        let mut arrivals = Rows::new("INSERT INTO signal_arrivals (tenant_id, signal_id, phase, at, seconds)");
        let mut sightings = Rows::new("INSERT INTO sightings (tenant_id, signal_id, organisation_id, note, created_at)");
        let mut written = [0usize; 6];

        db.run("BEGIN").await?;
        for n in 0..count {
            let id = first_id + n as i64;
            let created = first + Duration::seconds(rng.gen_range(0..span));
            let demo_text = demo.signal.choose(&mut rng).context("demo signals")?;
            let domain = (!rng.gen_bool(0.03)).then(|| tenant.domains[domain_of.sample(&mut rng)].0.0);
            let citizen = rng.gen_bool(0.10);
            let organisation = (!citizen).then(|| tenant.organisations[organisation_of.sample(&mut rng)].0.0);
            let area = if rng.gen_bool(0.15) { "" } else { DISTRICTS.choose(&mut rng).copied().unwrap_or_default() };

            // Along the lifecycle as far as its age allows.
            let mut timeline = vec![Event { to: Some(Phase::Submitted), ..Event::plain(created, "submitted") }];
            let (mut phase, mut at) = (Phase::Submitted, created);
            for next in path(ENDS[end_of.sample(&mut rng)].0, rng.gen_bool(0.7)) {
                let reached = at + delay(&mut rng, next);
                if reached > now {
                    break;
                }
                let kind = match next {
                    Phase::Bundled => "joined_bundle",
                    Phase::Withdrawn => "withdrawn",
                    _ => "phase_changed",
                };
                let mut event = Event { from: Some(phase), to: Some(next), ..Event::plain(reached, kind) };
                if next == Phase::NotRetained {
                    event.reason = Some(NotRetainedReason::ALL[reason_of.sample(&mut rng)].code());
                    event.message = Some("Dank voor het signaal. We nemen het niet verder op, om de reden hierboven.");
                }
                if next == Phase::Closed {
                    event.outcome = Outcome::ALL.choose(&mut rng).map(|o| o.code());
                    event.message = Some("Het signaal is afgerond: zie de afloop.");
                }
                timeline.push(event);
                (phase, at) = (next, reached);
            }
            let version = timeline.len() as i64;
            let updated = at;
            // Comments and sightings somewhere in its life so far.
            let life_span = (now - created).num_seconds().max(1);
            let comments = if rng.gen_bool(0.4) { rng.gen_range(1..=2) } else { 0 };
            for _ in 0..comments {
                let when = created + Duration::seconds(rng.gen_range(0..life_span));
                timeline.push(Event { note: COMMENTS.choose(&mut rng).copied(), ..Event::plain(when, "commented") });
            }
            if rng.gen_bool(0.12) {
                let mut others: Vec<i64> = tenant.organisations.iter().map(|(o, _)| o.0).filter(|o| Some(*o) != organisation).collect();
                others.shuffle(&mut rng);
                for other in others.into_iter().take(rng.gen_range(1..=4)) {
                    let when = created + Duration::seconds(rng.gen_range(0..life_span));
                    sightings.push(format_args!("{t}, {id}, {other}, '', {}", instant(when)));
                    timeline.push(Event::plain(when, "sighted"));
                }
            }
            timeline.sort_by_key(|e| e.at);

            signals.push(format_args!(
                "{id}, {t}, {}, {}, {}, {}, '{}', {}, '{}', {version}, {}, {}",
                text(&demo_text.title),
                text(&demo_text.description),
                id_or_null(domain),
                text(area),
                if citizen { "citizen" } else { "worker" },
                id_or_null(organisation),
                phase.code(),
                instant(created),
                instant(updated),
            ));
            for (rows, terms) in [(&mut life, LIFE_DOMAINS), (&mut groups, TARGET_GROUPS)] {
                let k = rng.gen_range(1..=2);
                for (code, _) in terms.choose_multiple(&mut rng, k) {
                    rows.push(format_args!("{id}, '{code}'"));
                }
            }
            for e in &timeline {
                let opt = |s: Option<&str>| s.map_or_else(|| "NULL".to_string(), text);
                events.push(format_args!(
                    "{t}, {id}, {}, '{}', {}, {}, {}, {}, {}, {}",
                    instant(e.at),
                    e.kind,
                    opt(e.from.map(Phase::code)),
                    opt(e.to.map(Phase::code)),
                    opt(e.reason),
                    opt(e.outcome),
                    opt(e.message),
                    opt(e.note),
                ));
                if let Some(to) = e.to.filter(|p| *p != Phase::Submitted) {
                    arrivals.push(format_args!("{t}, {id}, '{}', {}, {}", to.code(), instant(e.at), (e.at - created).num_seconds()));
                }
            }

            if (n + 1) % BLOCK == 0 || n + 1 == count {
                // Parents first: the foreign keys are checked at once.
                for (i, rows) in [&mut signals, &mut life, &mut groups, &mut events, &mut arrivals, &mut sightings].into_iter().enumerate()
                {
                    written[i] += rows.flush(&mut db).await?;
                }
            }
            if (n + 1) % PER_TRANSACTION == 0 && n + 1 < count {
                db.run("COMMIT").await?;
                db.run("BEGIN").await?;
            }
        }
        db.run("COMMIT").await?;
        if matches!(db, Db::Postgres(_)) {
            // What autovacuum does soon after a load this size.
            db.run("ANALYZE").await?;
        }
        let [signals, life, groups, events, arrivals, sightings] = written;
        Ok(format!(
            "{signals} signals, {life} life domains, {groups} target groups, {events} events, {arrivals} arrivals, {sightings} sightings"
        ))
    }

    /// Signals changed before each render (none when `db` is `None`).
    struct Changes {
        db: Option<(Db, i64)>,
        per_render: usize,
    }

    /// Time `renders` dashboards for one scope, after the warm-ups.
    #[allow(clippy::too_many_arguments)]
    async fn measure(
        name: &str,
        store: &dyn Store,
        tenant: TenantId,
        scope: &ReportScope,
        period: Period,
        today: chrono::NaiveDate,
        label: &str,
        renders: usize,
        mut changes: Changes,
    ) -> anyhow::Result<()> {
        let render = || async {
            let mut tx = store.read().await?;
            figures(tx.as_mut(), tenant, scope, period, today, label.to_string()).await.map_err(app_error)
        };
        let mut rng = StdRng::seed_from_u64(7);
        let mut times = Vec::with_capacity(renders);
        let mut counting = Vec::with_capacity(renders);
        let mut dashboard: Option<Dashboard> = None;
        for i in 0..WARM_UP + renders {
            if let Some((db, signals)) = &mut changes.db {
                let ids: Vec<String> = (0..changes.per_render).map(|_| rng.gen_range(1..=*signals).to_string()).collect();
                let area = text(&format!("Wijk {}", rng.gen_range(1..=14)));
                db.run(&format!("UPDATE signals SET area = {area} WHERE tenant_id = {} AND id IN ({})", tenant.0, ids.join(", "))).await?;
            }
            let started = Instant::now();
            dashboard = Some(render().await?);
            if i >= WARM_UP {
                times.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            if changes.db.is_some() {
                let started = Instant::now();
                catch_up(store).await.map_err(app_error)?;
                counting.push(started.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let dashboard = dashboard.context("a render")?;
        times.sort_by(f64::total_cmp);
        let at = |p: f64| times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1).min(times.len() - 1)];
        let received = match &dashboard.received {
            Cell::Count(n) => n.to_string(),
            other => format!("{other:?}"),
        };
        let lead_times = dashboard
            .tables
            .iter()
            .find(|t| t.key == "doorlooptijd")
            .map_or(0, |t| t.rows.iter().filter_map(|r| r.cells.first().and_then(Cell::value)).map(|n| n as u64).sum::<u64>());
        if !counting.is_empty() {
            counting.sort_by(f64::total_cmp);
            println!(
                "{name}: {} signals changed before each render; counting them afterwards: median {:.2} ms, max {:.2} ms",
                changes.per_render,
                counting[counting.len() / 2],
                counting[counting.len() - 1]
            );
        }
        println!(
            "{name}, {label} ({}, protected: {}, {} changed before each): {renders} renders of figures(): min {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms; \
             received {received}, {} tables, lead times over {lead_times} arrivals, {} targets",
            period_text(period),
            dashboard.protected,
            changes.per_render,
            times[0],
            at(0.50),
            at(0.95),
            times[times.len() - 1],
            dashboard.tables.len(),
            dashboard.targets.len(),
        );
        Ok(())
    }

    fn period_text(period: Period) -> String {
        let (start, end) = period.bounds();
        format!("{} to {}", brussels::local(start).date(), brussels::local(end).date().pred_opt().unwrap_or_default())
    }
}
