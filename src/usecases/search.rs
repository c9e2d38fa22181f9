//! The board's free-text search: each signal's title and description as
//! Dutch stems in one table (`signal_stems`) that both databases query the
//! same way; the search text is stemmed with the same stemmer.

use crate::domain::{SignalId, TenantId};
use crate::error::AppError;
use crate::storage::{Store, Tx};

/// How many signals one backfill transaction indexes.
const BATCH: i64 = 500;

/// Reindex one signal's texts (after an edit or a redaction).
pub async fn index(tx: &mut dyn Tx, tenant: TenantId, signal: SignalId, title: &str, description: &str) -> Result<(), AppError> {
    tx.set_stems(tenant, signal, &signal_stems(title, description)).await?;
    Ok(())
}

/// Index the texts of a signal that has no stems yet: a new one, or one
/// made before search existed.
pub async fn index_new(tx: &mut dyn Tx, tenant: TenantId, signal: SignalId, title: &str, description: &str) -> Result<(), AppError> {
    tx.add_stems(tenant, signal, &signal_stems(title, description)).await?;
    Ok(())
}

fn signal_stems(title: &str, description: &str) -> Vec<String> {
    let stems = crate::text::stems(&format!("{title} {description}"));
    // A text of stopwords only has no stems: a marker, so the backfill skips it.
    if stems.is_empty() { vec![String::new()] } else { stems }
}

/// Index every signal that has no stems yet (made before search existed);
/// how many. Run at start.
pub async fn backfill(store: &dyn Store) -> Result<usize, AppError> {
    let mut done = 0;
    loop {
        let mut tx = store.write().await?;
        let batch = tx.unstemmed_signals(BATCH).await?;
        if batch.is_empty() {
            return Ok(done);
        }
        for (tenant, signal, title, description) in &batch {
            index_new(&mut *tx, *tenant, *signal, title, description).await?;
        }
        tx.commit().await?;
        done += batch.len();
    }
}

/// The stems a search text asks for.
pub fn stems_of(text: &str) -> Vec<String> {
    let mut stems = crate::text::stems(text);
    stems.sort();
    stems.dedup();
    stems
}
