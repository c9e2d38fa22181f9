//! How long a large signalenbundel takes to typeset, and how much memory it
//! needs.
//!
//! `cargo run --release --example publication_pdf_bench --features ssr [-- RUNS]`
//!
//! Builds a synthetic publication covering 1,000 signals: 100 bundles or
//! signals of 10 signals each (problems of about 700 characters, analyses of
//! about 1,500), 8 figure tables drawn as charts, 60 trekkers and 1,000
//! worked-out signal titles. Renders it RUNS times (default 5), with new
//! text every run, and prints min/median/max, the peak RSS, the PDF's size
//! and its page count.
//!
//! `PUBLICATION_PDF_OUT=/tmp/bundel.pdf` keeps the first PDF, to look at.

#[cfg(not(feature = "ssr"))]
fn main() {
    eprintln!("publication_pdf_bench needs the server: run it with --features ssr");
}

#[cfg(feature = "ssr")]
fn main() {
    bench::main();
}

#[cfg(feature = "ssr")]
#[path = "common/document_bench.rs"]
mod document_bench;

#[cfg(feature = "ssr")]
mod bench {
    use super::document_bench::{peak_rss, prose};
    use std::time::{Duration, Instant};

    use seinhuis::documents::{Template, render};
    use seinhuis::domain::forum::dossier::SectorCount;
    use seinhuis::domain::reports::figures::{Cell, Chart, Row, Table};
    use seinhuis::domain::reports::publication::{PartnerPart, PublicationDoc, PublicationItem, Trekker};

    const ITEMS: u32 = 100;
    const SIGNALS_PER_ITEM: u32 = 10;
    const TREKKERS: u32 = 60;

    const ORGANISATIONS: &[&str] = &[
        "OCMW Gent",
        "CAW Oost-Vlaanderen",
        "Huis van het Kind",
        "Wijkgezondheidscentrum De Kaai",
        "Samenlevingsopbouw",
        "Jeugdwerk Gent",
        "Kind en Gezin",
        "Vluchtelingenwerk",
        "Mutualiteit",
        "Sociaal Verhuurkantoor",
    ];

    /// A counts table over `labels`, protected like the dashboard's.
    fn counts(key: &str, title: &str, label: &str, labels: &[&str], seed: u32) -> Table {
        let rows = labels
            .iter()
            .enumerate()
            .map(|(i, name)| {
                // A few small counts, so the chart has "< 5" and hidden rows.
                let n = if i % 7 == 6 { 1 + (seed + i as u32) % 4 } else { 5 + (seed * 31 + i as u32 * 17) % 180 };
                (name.to_string(), u64::from(n))
            })
            .collect();
        let mut table = Table::counts(key, title, label, rows, false);
        table.protect(0, &[]);
        table
    }

    fn figures(variant: u32) -> Vec<Table> {
        let lead_times = Table {
            key: "doorlooptijd".into(),
            title: "Doorlooptijd per beleidsdomein".into(),
            headers: vec!["Beleidsdomein".into(), "Mediaan (dagen)".into(), "90e percentiel (dagen)".into(), "Afgerond".into()],
            rows: ["Wonen", "Energie", "Werk", "Onderwijs", "Gezondheid", "Mobiliteit", "Vrije tijd", "Welzijn"]
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let i = i as f64 + f64::from(variant % 3);
                    Row {
                        label: name.to_string(),
                        cells: if i as u32 % 5 == 4 {
                            vec![Cell::Hidden, Cell::Hidden, Cell::Percent(10.0 + i)]
                        } else {
                            vec![Cell::Days(3.5 + i * 2.25), Cell::Days(12.0 + i * 4.5), Cell::Percent(35.0 + i * 6.1)]
                        },
                    }
                })
                .collect(),
            chart: Chart::Bars,
            note: "Dagen van ontvangst tot analyse; bij te weinig signalen is de doorlooptijd verborgen.".into(),
        };
        vec![
            counts(
                "fase",
                "Signalen per fase",
                "Fase",
                &["Ontvangen", "Weerhouden", "Geanalyseerd", "Gebundeld", "In actie", "Afgerond", "Niet weerhouden"],
                variant,
            ),
            counts(
                "domein",
                "Signalen per beleidsdomein",
                "Beleidsdomein",
                &[
                    "Wonen",
                    "Energie",
                    "Werk",
                    "Onderwijs",
                    "Gezondheid",
                    "Mobiliteit",
                    "Vrije tijd",
                    "Welzijn",
                    "Armoede",
                    "Digitalisering",
                ],
                variant + 1,
            ),
            counts("sector", "Signalen per sector", "Sector", ORGANISATIONS, variant + 2),
            counts(
                "gebied",
                "Signalen per gebied",
                "Gebied",
                &[
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
                ],
                variant + 3,
            ),
            counts(
                "doelgroep",
                "Signalen per doelgroep",
                "Doelgroep",
                &["Gezinnen met kinderen", "Alleenstaanden", "Jongeren", "Ouderen", "Nieuwkomers", "Mensen met een beperking", "Studenten"],
                variant + 4,
            ),
            counts(
                "levensdomein",
                "Signalen per levensdomein",
                "Levensdomein",
                &["Inkomen", "Huisvesting", "Energie", "Gezondheid", "Onderwijs", "Werk", "Vrije tijd", "Mobiliteit", "Justitie"],
                variant + 5,
            ),
            counts(
                "maand",
                "Signalen per kwartaal",
                "Kwartaal",
                &["2025 K1", "2025 K2", "2025 K3", "2025 K4", "2026 K1", "2026 K2", "2026 K3", "2026 K4"],
                variant + 6,
            ),
            lead_times,
        ]
    }

    /// The synthetic publication; `variant` changes every text in it.
    fn publication(variant: u32) -> PublicationDoc {
        let prose = |seed: u32, chars: usize| prose(seed.wrapping_add(variant.wrapping_mul(100_003)), chars);
        let organisation = |n: u32| ORGANISATIONS[n as usize % ORGANISATIONS.len()].to_string();
        let items = (1..=ITEMS)
            .map(|n| PublicationItem {
                kind: if n % 3 == 0 { "Signaal".into() } else { "Bundel".into() },
                title: prose(n, 60),
                problem: format!("{}\n\n{}", prose(n + 200, 350), prose(n + 250, 350)),
                analysis: format!("{}\n\n{}\n\n{}", prose(n + 300, 500), prose(n + 350, 500), prose(n + 400, 500)),
                done: vec![
                    format!("Besproken op het forum armoede van {} maart 2026", 1 + n % 28),
                    format!("Beslissing: {}", prose(n + 500, 120)),
                    "Campagne Warme winter (lopend)".into(),
                ],
                outcome: if n % 2 == 0 { "In actie".into() } else { prose(n + 600, 200) },
                signals: SIGNALS_PER_ITEM,
                organisations: 3 + n % 5,
                sectors: vec![
                    SectorCount { sector: "OCMW".into(), count: 4 },
                    SectorCount { sector: "Welzijn".into(), count: 3 },
                    SectorCount { sector: "Onderwijs".into(), count: 3 },
                ],
                actors: (0..1 + n % 3)
                    .map(|a| PartnerPart { organisation: organisation(n + a), engagement: prose(n * 10 + a, 120) })
                    .collect(),
            })
            .collect();
        PublicationDoc {
            tenant: "Gent".into(),
            title: "Signalenbundel 2025–2026".into(),
            period: "1 januari 2025 tot en met 31 december 2026".into(),
            intro: (0..4).map(|p| prose(700 + p, 400)).collect::<Vec<_>>().join("\n\n"),
            items,
            received: format!("Signalen ontvangen: {}", ITEMS * SIGNALS_PER_ITEM),
            figures: figures(variant),
            trekkers: (1..=TREKKERS)
                .map(|n| Trekker {
                    organisation: organisation(n),
                    line: prose(800 + n, 70),
                    campaign: if n % 4 == 0 { String::new() } else { "Warme winter".into() },
                    status: if n % 5 == 0 { "Klaar".into() } else { format!("Loopt, {} %", 10 * (n % 10)) },
                })
                .collect(),
            worked_out: (1..=ITEMS * SIGNALS_PER_ITEM).map(|n| format!("S-{n}: {}", prose(10_000 + n, 55))).collect(),
            published: "3 december 2026".into(),
        }
    }

    /// The number of page objects in the PDF (typst writes them
    /// uncompressed, as `/Type/Page`; the tree's root is `/Type/Pages`).
    fn pages(pdf: &[u8]) -> usize {
        pdf.windows(11).filter(|window| window.starts_with(b"/Type/Page") && window[10] != b's').count()
    }

    pub fn main() {
        let runs: usize = std::env::args().nth(1).and_then(|arg| arg.parse().ok()).unwrap_or(5).max(1);
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        let (mut size, mut page_count) = (0, 0);
        for run in 1..=runs {
            let doc = publication(run as u32);
            let start = Instant::now();
            let pdf = render(Template::Publication, &doc).expect("the publication renders");
            let elapsed = start.elapsed();
            size = pdf.len();
            page_count = pages(&pdf);
            println!("run {run}: {elapsed:.2?}, {page_count} pages, {} KiB, peak RSS so far {}", size / 1024, peak_rss());
            times.push(elapsed);
            if run == 1
                && let Some(path) = std::env::var_os("PUBLICATION_PDF_OUT")
            {
                std::fs::write(&path, &pdf).expect("write the PDF");
            }
        }
        times.sort();
        println!(
            "{ITEMS} items, {} signals, {page_count} pages, {size} bytes ({} KiB) PDF, {runs} runs: min {:.2?}, median {:.2?}, max {:.2?}; peak RSS {}",
            ITEMS * SIGNALS_PER_ITEM,
            size / 1024,
            times[0],
            times[runs / 2],
            times[runs - 1],
            peak_rss(),
        );
    }
}
