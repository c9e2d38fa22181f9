//! Similar signals: an in-memory BM25 index of each tenant's signal texts
//! (Dutch stems of title and description). Kept per server instance and
//! topped up from the database before each lookup, so signals written by
//! another instance show up too.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use super::stems;
use crate::domain::{SignalId, TenantId};

/// BM25 parameters (the usual defaults).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// The title says more than a sentence of the description.
const TITLE_WEIGHT: u16 = 3;

#[derive(Default)]
pub struct TenantIndex {
    /// Highest signal id indexed: newer ones are fetched before a lookup.
    pub max_id: i64,
    ids: Vec<SignalId>,
    lengths: Vec<f32>,
    total_length: f64,
    postings: HashMap<String, Vec<(u32, u16)>>,
}

impl TenantIndex {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Add one signal's text.
    pub fn add(&mut self, id: SignalId, title: &str, description: &str) {
        let doc = self.ids.len() as u32;
        let mut counts: HashMap<String, u16> = HashMap::new();
        for stem in stems(title) {
            *counts.entry(stem).or_default() += TITLE_WEIGHT;
        }
        for stem in stems(description) {
            *counts.entry(stem).or_default() += 1;
        }
        let length: u32 = counts.values().map(|c| u32::from(*c)).sum();
        for (stem, count) in counts {
            self.postings.entry(stem).or_default().push((doc, count));
        }
        self.ids.push(id);
        self.lengths.push(length as f32);
        self.total_length += f64::from(length);
        self.max_id = self.max_id.max(id.0);
    }

    /// The best-matching signals for a text, best first, with their scores.
    pub fn search(&self, text: &str, limit: usize) -> Vec<(SignalId, f32)> {
        let n = self.ids.len();
        if n == 0 {
            return Vec::new();
        }
        let mut query: Vec<String> = stems(text);
        query.sort();
        query.dedup();
        let average = (self.total_length / n as f64) as f32;
        // Dense scores: cheaper than a map when common words touch many signals.
        let mut scores = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        for stem in &query {
            let Some(postings) = self.postings.get(stem) else { continue };
            let df = postings.len() as f32;
            let idf = ((n as f32 - df + 0.5) / (df + 0.5) + 1.0).ln();
            // Words in most signals say little and cost much: skip them.
            if df > n as f32 * 0.5 && n > 20 {
                continue;
            }
            for &(doc, tf) in postings {
                let tf = f32::from(tf);
                let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * self.lengths[doc as usize] / average));
                let score = &mut scores[doc as usize];
                if *score == 0.0 {
                    touched.push(doc);
                }
                *score += idf * norm;
            }
        }
        let mut ranked: Vec<(u32, f32)> = touched.into_iter().map(|doc| (doc, scores[doc as usize])).collect();
        let limit = limit.min(ranked.len());
        if limit == 0 {
            return Vec::new();
        }
        ranked.select_nth_unstable_by(limit - 1, |a, b| b.1.total_cmp(&a.1));
        ranked.truncate(limit);
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked.into_iter().map(|(doc, score)| (self.ids[doc as usize], score)).collect()
    }
}

/// The indexes of all tenants of this server instance.
#[derive(Default)]
pub struct SimilarityIndex {
    tenants: Mutex<HashMap<TenantId, Arc<RwLock<TenantIndex>>>>,
}

impl SimilarityIndex {
    /// The index of one tenant (empty until topped up).
    pub fn tenant(&self, tenant: TenantId) -> Arc<RwLock<TenantIndex>> {
        self.tenants.lock().expect("index lock").entry(tenant).or_default().clone()
    }

    /// Drop a tenant's index (after a redaction), so it is built anew from the database.
    pub fn forget(&self, tenant: TenantId) {
        self.tenants.lock().expect("index lock").remove(&tenant);
    }
}
