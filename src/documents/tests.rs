//! The engine's own tests: real renders, the text read back from typst's layout.

use super::*;
use crate::domain::forum::dossier::{Dossier, DossierBottleneck, DossierItem, DossierMeeting, DossierSignal, DossierStep, SectorCount};
use typst::layout::{Frame, FrameItem};

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
    let world = DocumentWorld::new(template, serde_json::to_vec(data).unwrap());
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
