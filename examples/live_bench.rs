//! Benchmark: a move reaching 500 open boards. The real app on a loopback
//! port, with the demo data, on SQLite and (when a PostgreSQL server is
//! given) on PostgreSQL.
//!
//!     cargo run --release --features ssr --example live_bench [-- STREAMS MOVES [POSTGRES_URL]]
//!
//! POSTGRES_URL (else SEINHUIS_TEST_POSTGRES_URL) is an admin URL such as
//! `postgres://postgres@127.0.0.1:55432/postgres`: the benchmark makes a
//! database of its own there and drops it afterwards. Without either (or
//! with an empty one), only SQLite is measured.
//!
//! A signaalverwerker (Bram, Gent) opens STREAMS (500) streams to
//! `/gent/bord/live`; the hoofdsignaalverwerker then moves MOVES (50) new
//! gezondheid signals (Bram's domain) from Ingediend to In screening, one
//! after another, through the server function `signaal-verplaatsen`, each
//! once every stream has the previous one. For every (move, stream) pair it
//! measures the time from just before the move's request is sent to the
//! moment that stream has read the move's `change` event: publish-to-receive,
//! the commit, the feed (on PostgreSQL: NOTIFY and the listener), the
//! stream's filter and the bytes over loopback included.
//!
//! The server runs on a tokio runtime of its own (as its own process would);
//! the streams are read on another, in the same process, on the same cores,
//! so their reading is paid out of the same CPU. Results are recorded in
//! docs/benchmarks.md.

use std::time::{Duration, Instant};

use anyhow::{Context, bail, ensure};
use seinhuis::domain::SignalId;
use seinhuis::domain::live::BoardNews;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;

#[path = "common/demo.rs"]
mod demo;
#[path = "common/postgres.rs"]
mod postgres;
#[path = "common/sse.rs"]
mod sse;

const COORDINATOR: &str = "ines.claeys@gent.example";
const PROCESSOR: &str = "bram.verhaeghe@gent.example";
const GIVER: &str = "sofie.mertens@deschakel.example";
/// Moves made first and not counted: connections and caches warm up.
const WARM_UP: usize = 5;
/// How long all streams may take to hear one move before the run fails.
const DEADLINE: Duration = Duration::from_secs(10);

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let streams: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(500);
    let moves: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(50);
    let postgres = args.next().or_else(|| std::env::var("SEINHUIS_TEST_POSTGRES_URL").ok()).filter(|url| !url.is_empty());
    enough_files(streams)?;
    let server = tokio::runtime::Builder::new_multi_thread().enable_all().thread_name("server").build()?;
    let boards = tokio::runtime::Builder::new_multi_thread().enable_all().thread_name("boards").build()?;
    println!("{streams} streams, {moves} moves (after {WARM_UP} warm-up moves), {} cores", std::thread::available_parallelism()?);

    let dir = tempfile::tempdir()?;
    let sqlite = format!("sqlite://{}/bench.db", dir.path().display());
    run("SQLite", &sqlite, &server, &boards, streams, moves)?;
    if let Some(admin) = postgres {
        let url = server.block_on(postgres::create_database(&admin, "seinhuis_live_bench"))?;
        let result = run("PostgreSQL", &url, &server, &boards, streams, moves);
        server.block_on(postgres::drop_database(&admin, &url))?;
        result?;
    } else {
        println!("PostgreSQL: skipped (give an admin URL as the third argument or in SEINHUIS_TEST_POSTGRES_URL)");
    }
    // The servers' tasks (streams, listeners) end with their runtime.
    boards.shutdown_timeout(Duration::from_secs(1));
    server.shutdown_timeout(Duration::from_secs(1));
    Ok(())
}

/// Each stream holds a socket at both ends, in this one process.
fn enough_files(streams: usize) -> anyhow::Result<()> {
    let limits = std::fs::read_to_string("/proc/self/limits").unwrap_or_default();
    let soft = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .and_then(|l| l.split_whitespace().nth(3))
        .and_then(|n| n.parse::<usize>().ok());
    let needed = 2 * streams + 200;
    if let Some(soft) = soft
        && soft < needed
    {
        bail!("{streams} streams need about {needed} open files, the limit is {soft}: raise it first (ulimit -n {needed})");
    }
    Ok(())
}

/// One database: the app with the demo data and the signals to move, the
/// streams, the moves, and the figures.
fn run(name: &str, url: &str, server: &Runtime, boards: &Runtime, streams: usize, moves: usize) -> anyhow::Result<()> {
    let (base, signals) = server.block_on(start(url, WARM_UP + moves))?;
    let figures = boards.block_on(measure(&base, &signals, streams))?;
    figures.print(name, streams, moves);
    Ok(())
}

/// The app on a loopback port, as `seinhuis serve` runs it, over a new
/// database with the demo data and `count` new gezondheid signals of Gent
/// (Ingediend, at version 1).
async fn start(url: &str, count: usize) -> anyhow::Result<(String, Vec<(SignalId, i64)>)> {
    use seinhuis::server::{AppState, config::Config, http::router};
    let app_error = |e: seinhuis::error::AppError| anyhow::anyhow!(e.message());
    let store = seinhuis::storage::open(url).await?;
    seinhuis::demo::load_if_empty(store.as_ref()).await.map_err(app_error)?;
    let demo = demo::Demo::load()?;
    let mut signals = Vec::with_capacity(count);
    {
        let mut tx = store.write().await?;
        let gent = tx.tenant_by_slug("gent").await?.context("no demo tenant gent")?.id;
        let gezondheid = tx.policy_domains(gent).await?.into_iter().find(|d| d.code == "gezondheid").context("gezondheid")?.id;
        let sofie = tx.credentials(GIVER).await?.context("demo signaalgever")?.person.id;
        let organisation = tx.memberships(sofie).await?.into_iter().find(|m| m.tenant == gent).context("membership")?.organisation;
        for i in 0..count {
            let text = &demo.signal[i % demo.signal.len()];
            let signal = seinhuis::domain::NewSignal {
                title: text.title.clone(),
                description: text.description.clone(),
                policy_domain: Some(gezondheid),
                reporter: Some(sofie),
                organisation,
                ..Default::default()
            };
            let id = seinhuis::usecases::signals::submit(&mut *tx, gent, &signal, chrono::Utc::now()).await.map_err(app_error)?;
            signals.push(id);
        }
        tx.commit().await?;
    }
    let mut tx = store.read().await?;
    let gent = tx.tenant_by_slug("gent").await?.context("gent")?.id;
    let mut versioned = Vec::with_capacity(count);
    for id in signals {
        versioned.push((id, tx.signal_summary(gent, id).await?.context("new signal")?.version));
    }
    drop(tx);
    let config = Config::load(std::path::Path::new("Leptos.toml"), Some(url.to_string()))?;
    let state = AppState::new(store, config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok((base, versioned))
}

async fn log_in(base: &str, email: &str) -> anyhow::Result<reqwest::Client> {
    let client = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build()?;
    let response = client
        .post(format!("{base}/api/aanmelden"))
        .header("Origin", base)
        .form(&[("email", email), ("password", seinhuis::demo::DEMO_PASSWORD)])
        .send()
        .await?;
    ensure!(response.status().is_success(), "log-in as {email}: {}", response.status());
    Ok(client)
}

/// What a stream read: a change with this number, at this moment; or a resync.
enum Heard {
    Change { stream: usize, seq: i64, signals: Vec<SignalId>, at: Instant },
    Resync { stream: usize },
}

struct Figures {
    /// Publish-to-receive of every (move, stream) pair, in ms.
    latencies: Vec<f64>,
    /// Per move: until the first of the streams had it, in ms.
    first: Vec<f64>,
    /// Per move: until the last of the streams had it, in ms.
    last: Vec<f64>,
    /// Per move: the move request's own round trip, in ms.
    requests: Vec<f64>,
    open: Duration,
}

async fn measure(base: &str, signals: &[(SignalId, i64)], streams: usize) -> anyhow::Result<Figures> {
    let mut readers = Vec::new();
    let figures = measure_with(base, signals, streams, &mut readers).await;
    // Close the streams: the next database's run starts with none open.
    for reader in readers {
        reader.abort();
    }
    figures
}

async fn measure_with(
    base: &str,
    signals: &[(SignalId, i64)],
    streams: usize,
    readers: &mut Vec<tokio::task::JoinHandle<()>>,
) -> anyhow::Result<Figures> {
    let processor = log_in(base, PROCESSOR).await?;
    let coordinator = log_in(base, COORDINATOR).await?;
    let (heard, mut hearing) = mpsc::unbounded_channel();
    let opened = Instant::now();
    for stream in 0..streams {
        let response = processor.get(format!("{base}/gent/bord/live")).send().await?;
        ensure!(response.status().is_success(), "stream {stream}: {}", response.status());
        let heard = heard.clone();
        readers.push(tokio::spawn(async move {
            let mut reader = sse::SseReader::new(response);
            while let Ok(Some(message)) = reader.next().await {
                let at = Instant::now();
                let item = match message.event.as_deref() {
                    Some("change") => {
                        let news: BoardNews = serde_json::from_str(message.data.as_deref().unwrap_or_default()).unwrap_or_default();
                        Heard::Change { stream, seq: news.seq, signals: news.signals, at }
                    }
                    Some("resync") => Heard::Resync { stream },
                    _ => continue,
                };
                if heard.send(item).is_err() {
                    break;
                }
            }
        }));
    }
    let open = opened.elapsed();
    drop(heard);

    let mut figures = Figures { latencies: Vec::new(), first: Vec::new(), last: Vec::new(), requests: Vec::new(), open };
    let mut seq = None;
    for (i, (signal, version)) in signals.iter().enumerate() {
        let (id, version) = (signal.to_string(), version.to_string());
        let form = [("tenant", "gent"), ("signal", id.as_str()), ("version", version.as_str()), ("to", "in_screening")];
        let sent = Instant::now();
        let response = coordinator.post(format!("{base}/api/signaal-verplaatsen")).header("Origin", base).form(&form).send().await?;
        let status = response.status();
        let body = response.text().await?;
        let request = sent.elapsed();
        ensure!(status.is_success(), "move of {signal}: {status} {body}");
        // Every stream hears this move once, with the next number.
        let mut got = vec![false; streams];
        let (mut first, mut last) = (Duration::MAX, Duration::ZERO);
        let mut pairs = Vec::with_capacity(streams);
        let deadline = tokio::time::Instant::now() + DEADLINE;
        while pairs.len() < streams {
            let Ok(Some(item)) = tokio::time::timeout_at(deadline, hearing.recv()).await else {
                bail!("move {i}: {} of {streams} streams heard it within {DEADLINE:?}", pairs.len());
            };
            match item {
                Heard::Change { stream, seq: number, signals, at } => {
                    let expected = *seq.get_or_insert(number);
                    ensure!(number == expected, "stream {stream} heard number {number}, expected {expected}");
                    ensure!(signals == [*signal], "stream {stream} heard {signals:?} for the move of {signal}");
                    ensure!(!std::mem::replace(&mut got[stream], true), "stream {stream} heard number {number} twice");
                    let latency = at.duration_since(sent);
                    first = first.min(latency);
                    last = last.max(latency);
                    pairs.push(latency.as_secs_f64() * 1000.0);
                }
                Heard::Resync { stream } => bail!("stream {stream} was told to resync (it missed a change)"),
            }
        }
        seq = seq.map(|s| s + 1);
        if i >= WARM_UP {
            figures.latencies.extend(pairs);
            figures.first.push(first.as_secs_f64() * 1000.0);
            figures.last.push(last.as_secs_f64() * 1000.0);
            figures.requests.push(request.as_secs_f64() * 1000.0);
        }
    }
    Ok(figures)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1).min(sorted.len() - 1)]
}

fn summary(values: &mut [f64]) -> String {
    values.sort_by(f64::total_cmp);
    format!(
        "p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        percentile(values, 0.50),
        percentile(values, 0.95),
        percentile(values, 0.99),
        values[values.len() - 1]
    )
}

impl Figures {
    fn print(mut self, name: &str, streams: usize, moves: usize) {
        println!("{name}: opened {streams} streams in {:.2} s", self.open.as_secs_f64());
        println!("{name}: publish-to-receive, {} (move, stream) pairs: {}", self.latencies.len(), summary(&mut self.latencies));
        println!("{name}: the first of {streams} streams, per move ({moves}): {}", summary(&mut self.first));
        println!("{name}: the last of {streams} streams, per move ({moves}): {}", summary(&mut self.last));
        println!("{name}: the move request's round trip ({moves}): {}", summary(&mut self.requests));
    }
}
