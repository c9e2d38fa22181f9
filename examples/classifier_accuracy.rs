//! How well the policy-domain suggestion does on the demo signals:
//! leave-one-out (train on all but one, predict that one) per tenant, for the
//! learned classifier, its top two, the keyword fallback alone, and the
//! blended suggestion the intake form shows (which may also stay silent).
//!
//!     cargo run --release --features ssr --example classifier_accuracy

use seinhuis::text::classifier::{Classifier, keyword_suggestion, suggest};
use seinhuis::text::keywords::KEYWORDS;
use serde::Deserialize;

#[derive(Deserialize)]
struct Data {
    signal: Vec<Signal>,
}

#[derive(Deserialize)]
struct Signal {
    tenant: String,
    title: String,
    description: String,
    policy_domain: String,
}

fn main() {
    let data: Data =
        toml::from_str(&std::fs::read_to_string("src/demo/data.toml").expect("run from the repository root")).expect("demo data parses");
    let texts: Vec<(String, &str, &str)> =
        data.signal.iter().map(|s| (format!("{}\n{}", s.title, s.description), s.policy_domain.as_str(), s.tenant.as_str())).collect();
    let all: Vec<&str> = KEYWORDS.iter().map(|(code, _)| *code).collect();
    let (mut learned, mut top2, mut keywords, mut abstained) = (0, 0, 0, 0);
    let (mut shown, mut shown_right) = (0, 0);
    for (i, (text, code, tenant)) in texts.iter().enumerate() {
        // Only the same tenant's other signals: a tenant learns from its own.
        let rest =
            texts.iter().enumerate().filter(|(j, (_, _, t))| *j != i && t == tenant).map(|(_, (text, code, _))| (text.as_str(), *code));
        let classifier = Classifier::train(rest);
        let ranking = classifier.ranking(text);
        learned += usize::from(ranking.first().is_some_and(|(c, _)| c == code));
        top2 += usize::from(ranking.iter().take(2).any(|(c, _)| c == code));
        if let Some(s) = suggest(&classifier, text, &all) {
            shown += 1;
            shown_right += usize::from(s.code == *code);
        }
        match keyword_suggestion(text) {
            Some(s) => keywords += usize::from(s.code == *code),
            None => abstained += 1,
        }
    }
    let n = texts.len();
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!("{n} demo signals, leave-one-out within each tenant");
    println!("learned classifier, top 1: {learned}/{n} = {:.0}%", pct(learned));
    println!("learned classifier, top 2: {top2}/{n} = {:.0}%", pct(top2));
    println!("keywords alone:            {keywords}/{n} = {:.0}% (no suggestion for {abstained})", pct(keywords));
    println!(
        "shown on the form (blend): {shown_right}/{n} = {:.0}% right; shown for {shown}, right in {:.0}% of those",
        pct(shown_right),
        100.0 * shown_right as f64 / shown.max(1) as f64
    );
}
