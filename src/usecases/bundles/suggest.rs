//! Suggested bundles: retained signals in no bundle whose texts are alike.

use crate::domain::*;
use crate::error::AppError;
use crate::storage::Store;

/// How alike two signals must be to be suggested as one bundle: each finds
/// the other (BM25, the intake's engine) with at least this share of the
/// score its text gets against itself. Tuned on the demo data (2026-12-03):
/// the two signals about lonely older people score 0.11 and 0.107 each way,
/// unrelated pairs 0.07 or less.
const SUGGEST_SHARE: f32 = 0.09;

/// Suggested bundles: groups of `candidates` (retained, in no bundle) whose
/// texts are alike, largest first. A signal is in at most one group.
pub async fn suggestions(
    store: &dyn Store,
    index: &crate::text::similarity::SimilarityIndex,
    tenant: TenantId,
    candidates: &[SignalSummary],
) -> Result<Vec<Vec<SignalSummary>>, AppError> {
    if candidates.len() < 2 {
        return Ok(Vec::new());
    }
    crate::usecases::intake::top_up(store, index, tenant).await?;
    let mut texts = Vec::with_capacity(candidates.len());
    {
        let mut tx = store.read().await?;
        for c in candidates {
            let details = tx.signal_details(tenant, c.id).await?.ok_or(AppError::NotFound)?;
            texts.push(format!("{}\n{}", c.title, details.description));
        }
    }
    // Each candidate's group, joined whenever two are alike (union-find).
    let mut group: Vec<usize> = (0..candidates.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    // How much of its own score each text gives each other candidate.
    let n = candidates.len();
    let mut share = vec![0f32; n * n];
    {
        let tenant_index = index.tenant(tenant);
        let readable = tenant_index.read().expect("index lock");
        for (i, text) in texts.iter().enumerate() {
            let hits = readable.search(text, 20);
            let own = hits.iter().find(|(id, _)| *id == candidates[i].id).map(|(_, s)| *s).unwrap_or(0.0);
            for (hit, score) in hits {
                if let Some(j) = candidates.iter().position(|c| c.id == hit)
                    && own > 0.0
                {
                    share[i * n + j] = score / own;
                }
            }
        }
    }
    for i in 0..n {
        for j in (i + 1)..n {
            if share[i * n + j] >= SUGGEST_SHARE && share[j * n + i] >= SUGGEST_SHARE {
                let (a, b) = (root(&mut group, i), root(&mut group, j));
                group[a] = b;
            }
        }
    }
    let mut groups: Vec<Vec<SignalSummary>> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    for (i, candidate) in candidates.iter().enumerate() {
        let r = root(&mut group, i);
        match roots.iter().position(|x| *x == r) {
            Some(k) => groups[k].push(candidate.clone()),
            None => {
                roots.push(r);
                groups.push(vec![candidate.clone()]);
            }
        }
    }
    groups.retain(|g| g.len() > 1);
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    Ok(groups)
}
