//! The engine's own tests: real renders, the text read back from typst's layout.

use super::*;
use crate::domain::forum::dossier::{Dossier, DossierBottleneck, DossierItem, DossierMeeting, DossierSignal, DossierStep, SectorCount};
use crate::domain::reports::figures::{Cell, Chart, Row, Table};
use crate::domain::reports::publication::{PartnerPart, PublicationDoc, PublicationItem, Trekker};
use typst::layout::{Frame, FrameItem};
use typst::visualize::{Geometry, Paint};

/// Markup that would change the document if it were ever evaluated.
const HOSTILE: [&str; 8] = ["#set page(width: 1cm)", "*bold*", "$x^2$", "]", "@ref", "<label>", r"back\slash \n", "#{ panic() }"];

fn small_dossier() -> Dossier {
    Dossier {
        tenant: "Gent".into(),
        meeting: DossierMeeting {
            title: "Forum armoede".into(),
            kind: "Forum".into(),
            when: "donderdag 14 januari 2027, 14:00 tot 16:00".into(),
            place: "Stadhuis, zaal 2".into(),
            length_minutes: 120,
            agenda_minutes: 95,
        },
        items: vec![DossierItem {
            position: 1,
            kind: "Bundel".into(),
            title: "Energiefacturen bij budgetmeters".into(),
            duration_minutes: 30,
            presenter: "An, maatschappelijk werker".into(),
            question: "Wie neemt het voortouw?".into(),
            for_information: true,
            problem: "Gezinnen met een budgetmeter\nzitten vaker zonder stroom.\n\nTweede alinea.".into(),
            analysis: "Vooral in de winter → meer meldingen (€ 80 per maand).".into(),
            signals: vec![DossierSignal {
                number: "S-42".into(),
                title: "Meter leeg in het weekend".into(),
                description: "Opladen kan niet op zondag.".into(),
                phase: "Geanalyseerd".into(),
                area: "Gent-Noord".into(),
                frequency: "wekelijks".into(),
                since: String::new(),
                idea: "Noodkrediet".into(),
            }],
            organisations: 3,
            sectors: vec![SectorCount { sector: "OCMW".into(), count: 2 }],
            target_groups: vec!["Gezinnen".into(), "Alleenstaanden".into()],
            life_domains: vec!["Energie".into()],
            bottlenecks: vec![DossierBottleneck {
                question: "Kan het oplaadnet uitgebreid?".into(),
                domain: "Energie".into(),
                status: "Open".into(),
                regisseurs: vec!["Schepen van sociale zaken".into()],
            }],
            steps: vec![DossierStep { date: "12 maart 2026".into(), text: "S-42: Weerhouden → Gebundeld".into() }],
            campaigns: vec!["Warme winter (lopend)".into()],
        }],
        compiled: "3 december 2026, 15:40".into(),
    }
}

/// All text typst laid out, in reading order, with whitespace removed
/// (line breaks may fall anywhere).
fn laid_out_text(template: Template, data: &impl Serialize) -> (PagedDocument, String) {
    fn walk(frame: &Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, out),
                FrameItem::Text(text) => out.push_str(&text.text),
                _ => {}
            }
        }
    }
    let world = DocumentWorld::new(template, data_json(template, data).unwrap());
    let (document, warnings) = compile_document(&world).unwrap();
    assert!(warnings.is_empty(), "typst warned: {warnings:?}");
    let mut text = String::new();
    for page in document.pages() {
        walk(&page.frame, &mut text);
    }
    text.retain(|c| !c.is_whitespace());
    (document, text)
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_a4(document: &PagedDocument) {
    for page in document.pages() {
        let size = page.frame.size();
        assert!((size.x.to_pt() - 595.28).abs() < 0.1, "page width {:?}", size.x);
        assert!((size.y.to_pt() - 841.89).abs() < 0.1, "page height {:?}", size.y);
    }
}

#[test]
fn small_dossier_renders_a_pdf() {
    let (pdf, warnings) = render_with_warnings(Template::Dossier, &small_dossier()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(warnings.is_empty(), "typst warned: {warnings:?}");
    let (document, text) = laid_out_text(Template::Dossier, &small_dossier());
    assert_a4(&document);
    for expected in [
        "Dossier: Forum armoede",
        "1. Energiefacturen bij budgetmeters",
        "Ter informatie.",
        "Probleemstelling",
        "S-42 · Meter leeg in het weekend",
        "Gezien door",
        "OCMW (2)",
        "Beleidsknelpunten",
        "Weerhouden → Gebundeld",
        "Warme winter (lopend)",
        "pagina 1 van",
    ] {
        assert!(text.contains(&squeeze(expected)), "missing {expected:?} in {text}");
    }
    // Empty sections are left out.
    assert!(!text.contains("Sinds"));
}

#[test]
fn empty_dossier_renders() {
    let pdf = render(Template::Dossier, &Dossier::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn hostile_text_shows_literally() {
    let mut dossier = small_dossier();
    let hostile = HOSTILE.join(" ");
    dossier.tenant = hostile.clone();
    dossier.meeting.title = hostile.clone();
    let item = &mut dossier.items[0];
    item.title = hostile.clone();
    item.presenter = hostile.clone();
    item.question = hostile.clone();
    item.problem = hostile.clone();
    item.signals[0].title = hostile.clone();
    item.signals[0].description = hostile.clone();
    item.signals[0].idea = hostile.clone();
    item.target_groups = HOSTILE.iter().map(|s| s.to_string()).collect();
    item.bottlenecks[0].question = hostile.clone();
    item.steps[0].text = hostile.clone();
    item.campaigns = vec![hostile.clone()];

    let pdf = render(Template::Dossier, &dossier).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let (document, text) = laid_out_text(Template::Dossier, &dossier);
    // `#set page(width: 1cm)` did not take effect.
    assert_a4(&document);
    assert!(document.pages().len() <= 4, "{} pages", document.pages().len());
    for piece in HOSTILE {
        assert!(text.contains(&squeeze(piece)), "{piece:?} not shown literally");
    }
    // The full string, in order, at least once per field it was put in.
    assert!(text.matches(&squeeze(&hostile)).count() >= 10, "{text}");
}

#[test]
fn characters_the_fonts_lack_still_render() {
    let mut dossier = small_dossier();
    dossier.items[0].title = "Energie 😀 能源 طاقة".into();
    let (pdf, warnings) = render_with_warnings(Template::Dossier, &dossier).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(warnings.iter().any(|w| w.starts_with("written without PDF/UA-1")), "{warnings:?}");
}

fn minutes() -> serde_json::Value {
    serde_json::json!({
        "tenant": "Gent",
        "meeting": {
            "title": "Forum armoede",
            "kind": "Forum",
            "when": "donderdag 14 januari 2027, 14:00 tot 16:00",
            "place": "Stadhuis",
        },
        "present": ["An (OCMW)", "Bart (CAW)"],
        "items": [{
            "position": 1,
            "title": "Energiefacturen",
            "conclusions": "Het probleem is herkend.\n\nVerder te bekijken.",
            "problem_definition": "Budgetmeters *leeg* #set page(width: 1cm)",
            "commitments": "CAW telt de gevallen.",
            "decision": "Naar de werkgroep energie.",
        }, {
            "position": 2,
            "title": "Varia",
            "conclusions": "",
            "problem_definition": "",
            "commitments": "",
            "decision": "",
        }],
        "compiled": "3 december 2026, 15:40",
    })
}

#[test]
fn minutes_render() {
    let (pdf, warnings) = render_with_warnings(Template::Minutes, &minutes()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(warnings.is_empty(), "typst warned: {warnings:?}");
    let (document, text) = laid_out_text(Template::Minutes, &minutes());
    assert_a4(&document);
    for expected in
        ["Verslag: Forum armoede", "1. Energiefacturen", "Budgetmeters *leeg* #set page(width: 1cm)", "CAW telt de gevallen.", "2. Varia"]
    {
        assert!(text.contains(&squeeze(expected)), "missing {expected:?} in {text}");
    }
}

#[test]
fn wrong_data_is_an_error_not_a_panic() {
    let error = render(Template::Minutes, &serde_json::json!({ "tenant": 1 })).unwrap_err();
    assert!(matches!(error, DocumentError::Template { .. }), "{error}");
    assert!(error.to_string().contains("/minutes.typ"), "{error}");
}

fn small_publication() -> PublicationDoc {
    let mut by_sector = Table::counts(
        "sector",
        "Signalen per sector",
        "Sector",
        vec![("Welzijn".into(), 40), ("Huisartsen".into(), 3), ("Onderwijs".into(), 12), ("Jeugdwerk".into(), 9)],
        false,
    );
    by_sector.protect(0, &[]);
    let lead_times = Table {
        key: "doorlooptijd".into(),
        title: "Doorlooptijd tot analyse".into(),
        headers: vec!["Beleidsdomein".into(), "Mediaan (dagen)".into(), "Aandeel".into()],
        rows: vec![
            Row { label: "Wonen".into(), cells: vec![Cell::Days(3.5), Cell::Percent(12.5)] },
            Row { label: "Energie".into(), cells: vec![Cell::Days(7.0), Cell::Text("n.v.t.".into())] },
        ],
        chart: Chart::Bars,
        note: "Mediaan van de signalen die geanalyseerd zijn.".into(),
    };
    PublicationDoc {
        tenant: "Gent".into(),
        title: "Signalenbundel 2025–2026".into(),
        period: "1 januari 2025 tot en met 31 december 2026".into(),
        intro: "Dit is de eerste signalenbundel.\n\nTweede alinea van de inleiding.".into(),
        items: vec![
            PublicationItem {
                kind: "Bundel".into(),
                title: "Energiefacturen bij budgetmeters".into(),
                problem: "Gezinnen met een budgetmeter\nzitten vaker zonder stroom.".into(),
                analysis: "Vooral in de winter → meer meldingen (€ 80 per maand).".into(),
                done: vec!["Besproken op het forum armoede".into(), String::new(), "Campagne Warme winter".into()],
                outcome: "In actie".into(),
                signals: 12,
                organisations: 7,
                sectors: vec![SectorCount { sector: "OCMW".into(), count: 2 }],
                actors: vec![PartnerPart { organisation: "CAW Oost-Vlaanderen".into(), engagement: "telt de gevallen".into() }],
            },
            PublicationItem { kind: "Signaal".into(), title: "Wachtlijst kinderopvang".into(), signals: 1, ..Default::default() },
        ],
        received: "Signalen ontvangen: 48".into(),
        figures: vec![by_sector, lead_times],
        trekkers: vec![Trekker {
            organisation: "OCMW Gent".into(),
            line: "Noodkrediet voor budgetmeters".into(),
            campaign: "Warme winter".into(),
            status: "Loopt, 40 %".into(),
        }],
        worked_out: vec!["Meter leeg in het weekend".into(), "Geen plaats in de opvang".into()],
        published: "3 december 2026".into(),
    }
}

/// The widths (pt) of the chart's bars, in reading order.
fn bar_widths(document: &PagedDocument) -> Vec<f64> {
    fn walk(frame: &Frame, out: &mut Vec<f64>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, out),
                FrameItem::Shape(shape, _) => {
                    if let (Geometry::Rect(size), Some(Paint::Solid(color))) = (&shape.geometry, &shape.fill)
                        && color.to_hex() == "#2e75b6"
                    {
                        out.push(size.x.to_pt());
                    }
                }
                _ => {}
            }
        }
    }
    let mut widths = Vec::new();
    for page in document.pages() {
        walk(&page.frame, &mut widths);
    }
    widths
}

#[test]
fn publication_renders_a_pdf() {
    let doc = small_publication();
    let (pdf, warnings) = render_with_warnings(Template::Publication, &doc).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(warnings.is_empty(), "typst warned: {warnings:?}");
    let (document, text) = laid_out_text(Template::Publication, &doc);
    assert_a4(&document);
    for expected in [
        "Gent",
        "Signalenbundel 2025–2026",
        "1 januari 2025 tot en met 31 december 2026",
        "Gepubliceerd op 3 december 2026",
        "Inhoud",
        "Inleiding",
        "Tweede alinea van de inleiding.",
        "Cijfers",
        "Signalen ontvangen: 48",
        "Signalen per sector",
        "Doorlooptijd tot analyse",
        "Mediaan (dagen)",
        "12,5 %",
        "n.v.t.",
        "Mediaan van de signalen die geanalyseerd zijn.",
        "Bundels en signalen",
        "Bundel: Energiefacturen bij budgetmeters",
        "Probleemstelling",
        "Wat er gebeurde",
        "Campagne Warme winter",
        "Uitkomst",
        "12 signalen van 7 organisaties.",
        "OCMW (2)",
        "CAW Oost-Vlaanderen: telt de gevallen",
        "Signaal: Wachtlijst kinderopvang",
        "1 signaal.",
        "Trekkers",
        "Noodkrediet voor budgetmeters",
        "Loopt, 40 %",
        "Uitgewerkte signalen",
        "2 signalen zijn in actie gekomen of afgerond.",
        "Geen plaats in de opvang",
        "pagina 2 van",
    ] {
        assert!(text.contains(&squeeze(expected)), "missing {expected:?} in {text}");
    }
    // Each label and figure shows twice: in the chart and in the table.
    for twice in ["Welzijn40", "Huisartsen<5", "Onderwijs12", "Jeugdwerkverborgen", "Wonen3,5", "Energie7"] {
        assert!(text.matches(twice).count() >= 2, "{twice:?} not in both chart and table: {text}");
    }
    // The cover has no footer; empty sections are left out.
    assert!(!text.contains("pagina1van"));
    assert!(!text.contains("Concept"));
    assert_eq!(text.matches("Analyse").count(), 1, "only the first item has an analysis");
    // Bars only for numbers, as long as their share of the longest:
    // 40 and 12 (< 5 and verborgen get none), then 3.5 and 7.0 days.
    let widths = bar_widths(&document);
    assert_eq!(widths.len(), 4, "{widths:?}");
    assert!((widths[1] / widths[0] - 12.0 / 40.0).abs() < 0.01, "{widths:?}");
    assert!((widths[2] / widths[3] - 0.5).abs() < 0.01, "{widths:?}");
    assert!((widths[0] - widths[3]).abs() < 0.01, "the longest bars fill the same width: {widths:?}");
}

#[test]
fn draft_publication_says_concept() {
    let doc = PublicationDoc { published: String::new(), ..small_publication() };
    let (_, text) = laid_out_text(Template::Publication, &doc);
    assert!(text.contains("Concept"));
    assert!(!text.contains("Gepubliceerd"));
}

#[test]
fn empty_publication_renders() {
    let (pdf, warnings) = render_with_warnings(Template::Publication, &PublicationDoc::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(warnings.is_empty(), "typst warned: {warnings:?}");
    let (document, text) = laid_out_text(Template::Publication, &PublicationDoc::default());
    assert_eq!(document.pages().len(), 2);
    assert!(text.contains("Dezesignalenbundelisnogleeg."), "{text}");
}

#[test]
fn hostile_text_in_a_publication_shows_literally() {
    let hostile = HOSTILE.join(" ");
    let mut doc = small_publication();
    doc.tenant = hostile.clone();
    doc.title = hostile.clone();
    doc.period = hostile.clone();
    doc.intro = hostile.clone();
    doc.received = hostile.clone();
    doc.published = hostile.clone();
    let item = &mut doc.items[0];
    item.kind = hostile.clone();
    item.title = hostile.clone();
    item.problem = hostile.clone();
    item.analysis = hostile.clone();
    item.done = vec![hostile.clone()];
    item.outcome = hostile.clone();
    item.sectors[0].sector = hostile.clone();
    item.actors[0] = PartnerPart { organisation: hostile.clone(), engagement: hostile.clone() };
    let figure = &mut doc.figures[1];
    figure.title = hostile.clone();
    figure.headers[0] = hostile.clone();
    figure.note = hostile.clone();
    figure.rows[0].label = hostile.clone();
    figure.rows[1].cells[1] = Cell::Text(hostile.clone());
    doc.trekkers[0] = Trekker { organisation: hostile.clone(), line: hostile.clone(), campaign: hostile.clone(), status: hostile.clone() };
    doc.worked_out = vec![hostile.clone()];

    let pdf = render(Template::Publication, &doc).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let (document, text) = laid_out_text(Template::Publication, &doc);
    // `#set page(width: 1cm)` did not take effect.
    assert_a4(&document);
    assert!(document.pages().len() <= 10, "{} pages", document.pages().len());
    for piece in HOSTILE {
        assert!(text.contains(&squeeze(piece)), "{piece:?} not shown literally");
    }
    assert!(text.matches(&squeeze(&hostile)).count() >= 20, "{text}");
}

#[test]
fn a_publication_with_characters_the_fonts_lack_still_renders() {
    let mut doc = small_publication();
    doc.items[0].title = "Energie 😀 能源 طاقة".into();
    let (pdf, warnings) = render_with_warnings(Template::Publication, &doc).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(warnings.iter().any(|w| w.starts_with("written without PDF/UA-1")), "{warnings:?}");
}

#[test]
fn a_publication_needs_publication_data() {
    let error = render(Template::Publication, &serde_json::json!({ "tenant": "Gent" })).unwrap_err();
    assert!(matches!(error, DocumentError::Data(_)), "{error}");
}
