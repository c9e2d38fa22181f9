//! Benchmark: the board page of a tenant with 10,000 signals, on SQLite,
//! rendered by the real app (the same route, server function and SQL the
//! browser gets), over loopback HTTP.
//!
//!     cargo run --release --features ssr --example board_bench [-- SIGNALS RENDERS]
//!
//! Loads the demo data, adds SIGNALS signals to Gent spread over every phase,
//! policy domain and organisation, then times RENDERS renders of `/gent/bord`
//! for the hoofdsignaalverwerker (every signal) and for a signaalverwerker (the
//! signals of their domains), and reports the page's HTML size. Results are
//! recorded in docs/benchmarks.md.

use std::time::Instant;

use chrono::Utc;
use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};
use seinhuis::domain::{NewSignal, Phase};

#[path = "common/demo.rs"]
mod demo;
use demo::Demo;

const COORDINATOR: &str = "ines.claeys@gent.example";
const PROCESSOR: &str = "bram.verhaeghe@gent.example";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let signals: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(10_000);
    let renders: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(200);
    let demo = Demo::load()?;
    let mut rng = StdRng::seed_from_u64(7);
    let app_error = |e: seinhuis::error::AppError| anyhow::anyhow!(e.message());

    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}/bench.db", dir.path().display());
    let store = seinhuis::storage::open(&url).await?;
    seinhuis::demo::load_if_empty(store.as_ref()).await.map_err(app_error)?;
    let started = Instant::now();
    {
        let mut tx = store.write().await?;
        let gent = tx.tenant_by_slug("gent").await?.ok_or_else(|| anyhow::anyhow!("no demo tenant gent"))?.id;
        let domains = tx.policy_domains(gent).await?;
        let organisations = tx.organisations(gent).await?;
        for _ in 0..signals {
            let demo = demo.signal.choose(&mut rng).expect("demo signals");
            let signal = NewSignal {
                title: demo.title.clone(),
                description: demo.description.clone(),
                policy_domain: domains.choose(&mut rng).map(|d| d.id),
                organisation: organisations.choose(&mut rng).map(|o| o.id),
                ..NewSignal::default()
            };
            let id = tx.insert_signal(gent, &signal, Utc::now() - chrono::Duration::minutes(rng.gen_range(0..500_000))).await?;
            let phase = *Phase::ALL.choose(&mut rng).expect("phases");
            // A new signal is at version 1.
            if phase != Phase::Submitted {
                anyhow::ensure!(tx.update_phase(gent, id, 1, phase, None, Utc::now()).await?, "phase of {id}");
            }
        }
        tx.commit().await?;
    }
    println!("added {signals} signals to Gent in {:.1} s", started.elapsed().as_secs_f64());

    // The real app on a loopback port, as `seinhuis serve` runs it.
    use seinhuis::server::{AppState, config::Config, http::router};
    let config = Config::load(std::path::Path::new("Leptos.toml"), Some(url.clone()))?;
    let state = AppState::new(store.clone(), config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });

    for email in [COORDINATOR, PROCESSOR] {
        let client = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build()?;
        let login = client
            .post(format!("{base}/api/aanmelden"))
            .header("Origin", &base)
            .form(&[("email", email), ("password", seinhuis::demo::DEMO_PASSWORD)])
            .send()
            .await?;
        anyhow::ensure!(login.status().is_success(), "log-in as {email}: {}", login.status());
        let page = |client: reqwest::Client, base: String| async move {
            let response = client.get(format!("{base}/gent/bord")).send().await?;
            anyhow::ensure!(response.status().is_success(), "board: {}", response.status());
            Ok::<String, anyhow::Error>(response.text().await?)
        };
        // Warm up: connections, caches.
        for _ in 0..10 {
            page(client.clone(), base.clone()).await?;
        }
        let mut times = Vec::with_capacity(renders);
        let mut html = String::new();
        for _ in 0..renders {
            let started = Instant::now();
            html = page(client.clone(), base.clone()).await?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let at = |p: f64| times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1).min(times.len() - 1)];
        if let Ok(path) = std::env::var("BOARD_BENCH_HTML") {
            std::fs::write(format!("{path}.{email}.html"), &html)?;
        }
        let cards = html.matches("class=\"card\"").count();
        let total: usize = html
            .split("class=\"count\"")
            .skip(1)
            .filter_map(|rest| rest.split('>').nth(1).and_then(|n| n.split('<').next()).and_then(|n| n.parse::<usize>().ok()))
            .sum();
        println!(
            "{email}: {renders} renders of /gent/bord: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms; \
             {cards} cards of {total} signals shown, HTML {:.1} KB",
            at(0.50),
            at(0.95),
            at(0.99),
            times[times.len() - 1],
            html.len() as f64 / 1024.0,
        );
    }
    Ok(())
}
