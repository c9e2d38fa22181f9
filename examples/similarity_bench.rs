//! Benchmark: "similar signals" lookups for a tenant with 100,000 signals, on
//! SQLite, through the same use case the intake form calls.
//!
//!     cargo run --release --features ssr --example similarity_bench [-- SIGNALS LOOKUPS]
//!
//! Signals are made by recombining sentences of the demo signals, so the
//! vocabulary is realistic; queries are demo descriptions cut at random
//! lengths, as while typing. Results are recorded in docs/benchmarks.md.

use std::time::Instant;

use chrono::Utc;
use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};
use seinhuis::domain::NewSignal;
use seinhuis::text::similarity::SimilarityIndex;
use seinhuis::usecases::intake::similar;

#[path = "common/demo.rs"]
mod demo;
use demo::Demo;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let signals: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(100_000);
    let lookups: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(1_000);
    let demo = Demo::load()?;
    let sentences: Vec<&str> =
        demo.signal.iter().flat_map(|s| s.description.split_inclusive(['.', '?', '!'])).map(str::trim).filter(|s| s.len() > 20).collect();
    let mut rng = StdRng::seed_from_u64(7);

    let dir = tempfile::tempdir()?;
    let store = seinhuis::storage::open(&format!("sqlite://{}/bench.db", dir.path().display())).await?;
    let started = Instant::now();
    let tenant = {
        let mut tx = store.write().await?;
        let tenant = seinhuis::usecases::tenants::create(&mut *tx, "bench", "Benchgemeente", "gemeente")
            .await
            .map_err(|e| anyhow::anyhow!(e.message()))?;
        for _ in 0..signals {
            let title = &demo.signal.choose(&mut rng).expect("demo signals").title;
            let count = rng.gen_range(3..=7);
            let description = (0..count).map(|_| *sentences.choose(&mut rng).expect("sentences")).collect::<Vec<_>>().join(" ");
            let signal = NewSignal { title: title.clone(), description, ..NewSignal::default() };
            tx.insert_signal(tenant, &signal, Utc::now()).await?;
        }
        tx.commit().await?;
        tenant
    };
    println!("inserted {signals} signals in {:.1} s", started.elapsed().as_secs_f64());

    let index = SimilarityIndex::default();
    let started = Instant::now();
    seinhuis::usecases::intake::top_up(store.as_ref(), &index, tenant).await.map_err(|e| anyhow::anyhow!(e.message()))?;
    println!("built the index of {signals} signals in {:.2} s (first lookup after a start)", started.elapsed().as_secs_f64());

    let mut times = Vec::with_capacity(lookups);
    let mut found = 0;
    for _ in 0..lookups {
        let words: Vec<&str> = demo.signal.choose(&mut rng).expect("demo").description.split_whitespace().collect();
        let cut = rng.gen_range(5..=words.len().max(6)).min(words.len());
        let query = words[..cut].join(" ");
        let started = Instant::now();
        let result = similar(store.as_ref(), &index, tenant, &query).await.map_err(|e| anyhow::anyhow!(e.message()))?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        found += result.len();
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1).min(times.len() - 1)];
    println!(
        "{lookups} lookups: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {:.1} results on average",
        at(0.50),
        at(0.95),
        at(0.99),
        times[times.len() - 1],
        found as f64 / lookups as f64
    );
    Ok(())
}
