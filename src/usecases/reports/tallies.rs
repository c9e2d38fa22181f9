//! The dashboard's tallies: counting the signals the database noted as
//! changed, and reading a period's figures (corrected for signals not
//! counted yet, so they are never stale).

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use crate::domain::reports::Period;
use crate::domain::reports::tally::{ALL_DOMAINS, Counted, Grain, Tallies, TallyKey, difference, in_scope, spans};
use crate::domain::*;
use crate::error::AppError;
use crate::storage::{Seen, Store, Tx};

/// Signals counted per transaction.
const BATCH: i64 = 1000;

/// Above this many uncounted signals a reader counts them first rather
/// than correcting for each.
pub const READ_CORRECTS_UP_TO: usize = 500;

/// Counts every signal noted as changed, of every tenant, in batches of a
/// transaction each. Several servers may do this at once: each takes its
/// own signals off the list. Returns how many were counted.
pub async fn catch_up(store: &dyn Store) -> Result<usize, AppError> {
    // One catch-up at a time in this process: readers that find many signals
    // uncounted at once (a busy morning) wait for the first one's count
    // instead of each queueing a write of its own.
    static RUNNING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _turn = RUNNING.lock().await;
    let mut total = 0;
    loop {
        let mut tx = store.write().await?;
        let taken = tx.take_uncounted(BATCH).await?;
        if taken.is_empty() {
            return Ok(total);
        }
        let ids: Vec<SignalId> = taken.iter().map(|(_, s)| *s).collect();
        let states = tx.signal_states(&ids).await?;
        let old = tx.counted(&ids).await?;
        let mut deltas: BTreeMap<TenantId, BTreeMap<TallyKey, i64>> = BTreeMap::new();
        for (tenant, id) in &taken {
            let new = states.get(id).map(Counted::of);
            difference(old.get(id), new.as_ref(), deltas.entry(*tenant).or_default());
            tx.save_counted(*tenant, *id, new.as_ref()).await?;
        }
        for (tenant, deltas) in &deltas {
            tx.add_tallies(*tenant, deltas).await?;
        }
        tx.commit().await?;
        total += taken.len();
        if (taken.len() as i64) < BATCH {
            return Ok(total);
        }
    }
}

/// A period's tallies for these domains (`None`: all), and its `limit`
/// most-seen signals.
pub async fn read(
    tx: &mut dyn Tx,
    tenant: TenantId,
    domains: Option<&[PolicyDomainId]>,
    period: Period,
    today: NaiveDate,
    limit: usize,
) -> Result<(Tallies, Vec<Seen>), AppError> {
    let scopes: Vec<i64> = domains.map_or(vec![ALL_DOMAINS], |ds| ds.iter().map(|d| d.0).collect());
    let mut tallies = Tallies::default();
    for span in spans(period, today) {
        for (tally, key, n) in tx.tallies(tenant, &scopes, span).await? {
            tallies.add(&tally, &key, n * span.sign);
        }
    }
    let uncounted = tx.uncounted(tenant).await?;
    let days = (Grain::Day.bucket(period.from), Grain::Day.bucket(period.to));
    let mut seen = tx.most_seen(tenant, days, domains, (limit + uncounted.len()) as i64).await?;
    if !uncounted.is_empty() {
        let states = tx.signal_states(&uncounted).await?;
        let old = tx.counted(&uncounted).await?;
        let skip: HashSet<SignalId> = uncounted.iter().copied().collect();
        seen.retain(|(id, _, _)| !skip.contains(id));
        for id in &uncounted {
            let state = states.get(id);
            let new = state.map(Counted::of);
            tallies.correct(old.get(id), new.as_ref(), period, domains);
            if let (Some(state), Some(new)) = (state, &new) {
                let within = new.day >= period.from && new.day <= period.to && in_scope(new.domain, domains);
                if within && new.seen_by > 0 {
                    seen.push((*id, state.title.clone(), new.seen_by));
                }
            }
        }
        seen.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    }
    seen.truncate(limit);
    Ok((tallies, seen))
}
