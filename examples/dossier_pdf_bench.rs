//! How long a large dossier takes to typeset, and how much memory it needs.
//!
//! `cargo run --release --example dossier_pdf_bench --features ssr [-- RUNS]`
//!
//! Builds a synthetic dossier of 10 agenda items with 200 signals in total
//! (descriptions of about 600 characters, analyses of about 1500), renders it
//! RUNS times (default 5) and prints min/median/max and the peak RSS.

use std::time::{Duration, Instant};

use seinhuis::documents::{Template, render};
use seinhuis::domain::forum::dossier::{Dossier, DossierBottleneck, DossierItem, DossierMeeting, DossierSignal, DossierStep, SectorCount};

const ITEMS: u32 = 10;
const SIGNALS_PER_ITEM: u32 = 20;

#[path = "common/document_bench.rs"]
mod document_bench;
use document_bench::{peak_rss, prose};

/// The synthetic dossier; `variant` changes every text in it.
fn dossier(variant: u32) -> Dossier {
    let prose = |seed: u32, chars: usize| prose(seed.wrapping_add(variant.wrapping_mul(100_003)), chars);
    let items = (1..=ITEMS)
        .map(|position| DossierItem {
            position,
            kind: ["Bundel", "Signaal", "Knelpunt"][position as usize % 3].into(),
            title: format!("Agendapunt {position}: {}", prose(position, 50)),
            duration_minutes: 15,
            presenter: "An Peeters, maatschappelijk werker (OCMW)".into(),
            question: prose(position + 100, 250),
            for_information: position % 4 == 0,
            problem: prose(position + 200, 700),
            analysis: prose(position + 300, 1500),
            signals: (1..=SIGNALS_PER_ITEM)
                .map(|n| {
                    let seed = position * 1000 + n;
                    DossierSignal {
                        number: format!("S-{seed}"),
                        title: prose(seed, 60),
                        description: prose(seed + 7, 600),
                        phase: "Geanalyseerd".into(),
                        area: "Gent-Noord".into(),
                        frequency: if n % 2 == 0 { "wekelijks".into() } else { String::new() },
                        since: "voorjaar 2026".into(),
                        idea: if n % 3 == 0 { prose(seed + 9, 150) } else { String::new() },
                    }
                })
                .collect(),
            organisations: 7,
            sectors: vec![
                SectorCount { sector: "OCMW".into(), count: 3 },
                SectorCount { sector: "Welzijn".into(), count: 2 },
                SectorCount { sector: "Onderwijs".into(), count: 2 },
            ],
            target_groups: vec!["Gezinnen met kinderen".into(), "Alleenstaanden".into()],
            life_domains: vec!["Energie".into(), "Wonen".into()],
            bottlenecks: (0..3)
                .map(|n| DossierBottleneck {
                    question: prose(position * 10 + n, 160),
                    domain: "Energie".into(),
                    status: "Open".into(),
                    regisseurs: vec!["Schepen van sociale zaken".into()],
                })
                .collect(),
            steps: (1..=5)
                .map(|n| DossierStep {
                    date: format!("{n} maart 2026"),
                    text: format!("S-{}: Weerhouden → Gebundeld", position * 1000 + n),
                })
                .collect(),
            campaigns: vec!["Warme winter (lopend)".into()],
        })
        .collect();
    Dossier {
        tenant: "Gent".into(),
        meeting: DossierMeeting {
            title: "Forum armoede en energie".into(),
            kind: "Forum".into(),
            when: "donderdag 14 januari 2027, 14:00 tot 16:00".into(),
            place: "Stadhuis, zaal Bernard".into(),
            length_minutes: 120,
            agenda_minutes: 150,
        },
        items,
        compiled: "3 december 2026, 15:40".into(),
    }
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|arg| arg.parse().ok()).unwrap_or(5).max(1);
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut size = 0;
    for run in 1..=runs {
        let dossier = dossier(run as u32);
        let start = Instant::now();
        let pdf = render(Template::Dossier, &dossier).expect("the dossier renders");
        let elapsed = start.elapsed();
        size = pdf.len();
        println!("run {run}: {elapsed:.2?}, {} KiB, peak RSS so far {}", size / 1024, peak_rss());
        times.push(elapsed);
        // DOSSIER_PDF_OUT=/tmp/dossier.pdf keeps the first PDF, to look at.
        if run == 1
            && let Some(path) = std::env::var_os("DOSSIER_PDF_OUT")
        {
            std::fs::write(&path, &pdf).expect("write the PDF");
        }
    }
    times.sort();
    println!(
        "{ITEMS} items, {} signals, {} KiB PDF, {runs} runs: min {:.2?}, median {:.2?}, max {:.2?}; peak RSS {}",
        ITEMS * SIGNALS_PER_ITEM,
        size / 1024,
        times[0],
        times[runs / 2],
        times[runs - 1],
        peak_rss(),
    );
}
