//! The exports read back: CSV as text, workbooks unzipped and their XML searched.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use super::*;
use crate::domain::forum::dossier::SectorCount;
use crate::domain::reports::publication::{PartnerPart, PublicationDoc, PublicationItem, Trekker};
use crate::domain::reports::{Cell, Chart, Row, SignalLine, Table};

const BOM: &str = "\u{FEFF}";

fn table() -> Table {
    Table {
        key: "fase".into(),
        title: "Signalen per fase".into(),
        headers: vec!["Fase".into(), "Signalen".into(), "Doorlooptijd".into(), "Aandeel".into()],
        rows: vec![
            Row { label: "Geanalyseerd".into(), cells: vec![Cell::Count(40), Cell::Days(2.5), Cell::Percent(12.5)] },
            Row { label: "In actie".into(), cells: vec![Cell::Small, Cell::Hidden, Cell::Hidden] },
            Row { label: "=SUM(A1)".into(), cells: vec![Cell::Hidden, Cell::Text("-5".into()), Cell::Text("@x".into())] },
        ],
        chart: Chart::Bars,
        note: "Aantallen onder 5 staan als \"< 5\".".into(),
    }
}

fn line(id: i64, title: &str) -> SignalLine {
    SignalLine {
        id,
        title: title.into(),
        description: "Twee regels;\nmet \"aanhalingstekens\".".into(),
        phase: "Geanalyseerd".into(),
        sector: "CAW".into(),
        submitted: "2026-03-14".into(),
        organisations: 3,
        ..Default::default()
    }
}

fn csv_text(bytes: Vec<u8>) -> String {
    let text = String::from_utf8(bytes).expect("CSV is UTF-8");
    text.strip_prefix(BOM).expect("CSV starts with a BOM").to_string()
}

/// Every XML part of a workbook, by path.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("an XLSX is a zip");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("zip entry");
        let name = file.name().expect("entry name").to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut text = String::new();
            file.read_to_string(&mut text).expect("XML part is UTF-8");
            parts.insert(name, text);
        }
    }
    parts
}

/// The sheet names in workbook order.
fn sheet_names(parts: &BTreeMap<String, String>) -> Vec<String> {
    let workbook = &parts["xl/workbook.xml"];
    workbook.split("<sheet name=\"").skip(1).map(|s| s.split('"').next().unwrap().replace("&amp;", "&")).collect()
}

fn sheet(parts: &BTreeMap<String, String>, n: usize) -> &str {
    parts.get(&format!("xl/worksheets/sheet{n}.xml")).unwrap_or_else(|| panic!("sheet{n}.xml"))
}

/// A cell as stored: a number, a (shared) string, or nothing.
#[derive(Debug, PartialEq)]
enum Stored {
    Number(f64),
    Text(String),
    Empty,
}

fn unescape(xml: &str) -> String {
    xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// The cell at `reference` ("B2") of sheet `n`.
fn cell(parts: &BTreeMap<String, String>, n: usize, reference: &str) -> Stored {
    let xml = sheet(parts, n);
    let Some(start) = xml.find(&format!("<c r=\"{reference}\"")) else { return Stored::Empty };
    let rest = &xml[start..];
    let open_end = rest.find('>').unwrap();
    if rest[..open_end].ends_with('/') {
        return Stored::Empty;
    }
    let element = &rest[..rest.find("</c>").unwrap()];
    let value = element.split("<v>").nth(1).and_then(|v| v.split("</v>").next()).unwrap_or_default();
    if element[..open_end].contains("t=\"s\"") {
        let strings = &parts["xl/sharedStrings.xml"];
        let si = strings.split("<si>").nth(1 + value.parse::<usize>().unwrap()).unwrap();
        let text = si.split('>').nth(1).unwrap().split("</t").next().unwrap();
        Stored::Text(unescape(text))
    } else {
        Stored::Number(value.parse().unwrap())
    }
}

fn text(s: &str) -> Stored {
    Stored::Text(s.to_string())
}

fn no_formulas(parts: &BTreeMap<String, String>) {
    for (path, xml) in parts.iter().filter(|(p, _)| p.starts_with("xl/worksheets/")) {
        assert!(!xml.contains("<f>") && !xml.contains("<f "), "{path} holds a formula");
    }
}

#[test]
fn table_csv_is_for_flemish_excel() {
    let text = csv_text(table_csv(&table()));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines.len(), 5, "header, three rows, then the final CRLF: {text:?}");
    assert_eq!(lines[0], "Fase;Signalen;Doorlooptijd;Aandeel");
    assert_eq!(lines[1], "Geanalyseerd;40;2,5;12,5 %");
    assert_eq!(lines[2], "In actie;< 5;verborgen;verborgen");
    assert_eq!(lines[3], "'=SUM(A1);verborgen;'-5;'@x");
    assert_eq!(lines[4], "");
    assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF line ends");
}

#[test]
fn csv_quotes_what_needs_it_and_defuses_formulas() {
    let mut t = table();
    t.headers = vec!["Wat; waar".into(), "Aantal".into()];
    t.rows = vec![
        Row { label: "zegt \"ja\"".into(), cells: vec![Cell::Count(7)] },
        Row { label: "twee\nregels".into(), cells: vec![Cell::Text("terug\rloop".into())] },
        Row { label: "=A1;B1".into(), cells: vec![Cell::Text("+32 9 000".into())] },
        Row { label: "\tgetabt".into(), cells: vec![Cell::Text("\rx".into())] },
    ];
    let text = csv_text(table_csv(&t));
    assert_eq!(
        text,
        "\"Wat; waar\";Aantal\r\n\
         \"zegt \"\"ja\"\"\";7\r\n\
         \"twee\nregels\";\"terug\rloop\"\r\n\
         \"'=A1;B1\";'+32 9 000\r\n\
         '\tgetabt;\"'\rx\"\r\n"
    );
}

#[test]
fn signals_csv_has_the_headers_and_one_record_per_line() {
    let text = csv_text(signals_csv(&[line(17, "=HYPERLINK(\"http://x\")"), line(18, "Huur")]));
    assert!(text.starts_with(&format!("{}\r\n", SignalLine::HEADERS.join(";"))));
    assert!(text.contains("\r\n17;\"'=HYPERLINK(\"\"http://x\"\")\";\"Twee regels;\nmet \"\"aanhalingstekens\"\".\";Geanalyseerd;"));
    assert!(text.contains("\r\n18;Huur;"));
    assert!(text.contains(";2026-03-14;;;3\r\n"), "{text:?}");
    assert!(text.ends_with("\r\n"));
    // Empty: just the header.
    assert_eq!(csv_text(signals_csv(&[])), format!("{}\r\n", SignalLine::HEADERS.join(";")));
}

#[test]
fn tables_xlsx_holds_the_figures_as_numbers_and_the_rest_as_text() {
    let t = table();
    let bytes = tables_xlsx("Gent – signalen 2025 tot en met 2026", &[&t]).unwrap();
    let parts = unzip(&bytes);
    assert!(parts.contains_key("xl/workbook.xml"));
    assert_eq!(sheet_names(&parts), ["Over", "Signalen per fase"]);

    // Over: the title line, then which tab holds which table.
    assert_eq!(cell(&parts, 1, "A1"), text("Gent – signalen 2025 tot en met 2026"));
    assert_eq!(cell(&parts, 1, "A3"), text("Tabblad"));
    assert_eq!(cell(&parts, 1, "A4"), text("Signalen per fase"));
    assert_eq!(cell(&parts, 1, "B4"), text("Signalen per fase"));

    assert_eq!(cell(&parts, 2, "A1"), text("Fase"));
    assert_eq!(cell(&parts, 2, "D1"), text("Aandeel"));
    assert_eq!(cell(&parts, 2, "A2"), text("Geanalyseerd"));
    assert_eq!(cell(&parts, 2, "B2"), Stored::Number(40.0), "a count is a number");
    assert_eq!(cell(&parts, 2, "C2"), Stored::Number(2.5), "days are a number");
    assert_eq!(cell(&parts, 2, "D2"), Stored::Number(0.125), "a percentage is a fraction");
    assert_eq!(cell(&parts, 2, "B3"), text("< 5"));
    assert_eq!(cell(&parts, 2, "C3"), text("verborgen"));
    assert_eq!(cell(&parts, 2, "A4"), text("=SUM(A1)"), "text, not a formula, and no CSV guard");
    assert_eq!(cell(&parts, 2, "C4"), text("-5"));
    assert_eq!(cell(&parts, 2, "A5"), Stored::Empty);
    assert_eq!(cell(&parts, 2, "A6"), text("Aantallen onder 5 staan als \"< 5\"."), "the note under the table");
    let styles = &parts["xl/styles.xml"];
    assert!(styles.contains("formatCode=\"0.0\"") && styles.contains("formatCode=\"0.0%\""), "{styles}");
    assert!(styles.contains("<b/>"), "a bold header");
    no_formulas(&parts);
}

#[test]
fn sheet_names_follow_excel_rules() {
    let mut tables: Vec<Table> = [
        "Doorlooptijd [dagen]: p50/p90?",
        "Een heel lange titel die veel langer is dan eenendertig tekens",
        "Een heel lange titel die veel langer is dan eenendertig tekens",
        "'Over'",
        "",
        "History",
    ]
    .into_iter()
    .map(|title| Table { title: title.into(), ..table() })
    .collect();
    tables.push(Table { title: "signalen per fase".into(), ..table() });
    tables.push(Table { title: "Signalen per fase".into(), ..table() });
    let refs: Vec<&Table> = tables.iter().collect();
    let parts = unzip(&tables_xlsx("Titel", &refs).unwrap());
    let names = sheet_names(&parts);
    assert_eq!(
        names,
        [
            "Over",
            "Doorlooptijd dagen p50-p90",
            "Een heel lange titel die veel l",
            "Een heel lange titel die ve (2)",
            "Over (2)",
            "Tabel",
            "History (2)",
            "signalen per fase",
            "Signalen per fase (2)",
        ]
    );
    assert!(names.iter().all(|n| n.chars().count() <= 31));
}

#[test]
fn signals_xlsx_is_one_filterable_sheet() {
    let bytes = signals_xlsx(&[line(17, "=1+1"), line(18, "Huur")]).unwrap();
    let parts = unzip(&bytes);
    assert_eq!(sheet_names(&parts), ["Signalen"]);
    assert_eq!(cell(&parts, 1, "A1"), text("Nummer"));
    assert_eq!(cell(&parts, 1, "N1"), text("Organisaties"));
    assert_eq!(cell(&parts, 1, "A2"), Stored::Number(17.0), "the id is a number");
    assert_eq!(cell(&parts, 1, "B2"), text("=1+1"));
    assert_eq!(cell(&parts, 1, "K2"), text("2026-03-14"));
    assert_eq!(cell(&parts, 1, "N2"), Stored::Number(3.0), "organisations are a number");
    assert_eq!(cell(&parts, 1, "A3"), Stored::Number(18.0));
    let xml = sheet(&parts, 1);
    assert!(xml.contains("ySplit=\"1\""), "header frozen");
    assert!(xml.contains("<autoFilter ref=\"A1:N3\""), "a filter over the header and the lines: {xml}");
    no_formulas(&parts);
    // No lines: the header alone still makes a valid workbook.
    assert_eq!(sheet_names(&unzip(&signals_xlsx(&[]).unwrap())), ["Signalen"]);
}

#[test]
fn publication_xlsx_has_its_sheets_in_order() {
    let doc = PublicationDoc {
        tenant: "Gent".into(),
        title: "Signalenbundel 2025–2026".into(),
        period: "1 januari 2025 tot en met 31 december 2026".into(),
        intro: "Eerste alinea.\r\n\r\nTweede alinea.".into(),
        items: vec![PublicationItem {
            kind: "Bundel".into(),
            title: "Energiefacturen".into(),
            problem: "Budgetmeters".into(),
            analysis: "Vooral in de winter.".into(),
            done: vec!["Besproken op het forum".into(), "Campagne gestart".into()],
            outcome: "In actie".into(),
            signals: 12,
            organisations: 4,
            sectors: vec![SectorCount { sector: "CAW".into(), count: 3 }],
            actors: vec![PartnerPart { organisation: "OCMW".into(), engagement: "Trekt de campagne".into() }],
        }],
        received: "Signalen ontvangen: 48".into(),
        figures: vec![table(), Table { title: "Trekkers".into(), ..table() }],
        trekkers: vec![Trekker {
            organisation: "CAW".into(),
            line: "Energie".into(),
            campaign: "Warm".into(),
            status: "Loopt, 40 %".into(),
        }],
        worked_out: vec!["Huurwaarborg".into()],
        published: String::new(),
    };
    let parts = unzip(&publication_xlsx(&doc).unwrap());
    assert_eq!(
        sheet_names(&parts),
        ["Over", "Signalen en bundels", "Trekkers", "Uitgewerkte signalen", "Signalen per fase", "Trekkers (2)"]
    );
    assert_eq!(cell(&parts, 1, "A1"), text("Signalenbundel 2025–2026"));
    assert_eq!(cell(&parts, 1, "A2"), text("Gent – 1 januari 2025 tot en met 31 december 2026"));
    assert_eq!(cell(&parts, 1, "A3"), text("Signalen ontvangen: 48"));
    assert_eq!(cell(&parts, 1, "A4"), text("Concept"));
    assert_eq!(cell(&parts, 1, "A6"), text("Eerste alinea."));
    assert_eq!(cell(&parts, 1, "A7"), text("Tweede alinea."));

    assert_eq!(cell(&parts, 2, "A1"), text("Soort"));
    assert_eq!(cell(&parts, 2, "B2"), text("Energiefacturen"));
    assert_eq!(cell(&parts, 2, "E2"), text("Besproken op het forum\nCampagne gestart"));
    assert_eq!(cell(&parts, 2, "F2"), text("In actie"));
    assert_eq!(cell(&parts, 2, "G2"), Stored::Number(12.0), "signals are a number");
    assert_eq!(cell(&parts, 2, "H2"), Stored::Number(4.0), "organisations are a number");
    assert_eq!(cell(&parts, 2, "I2"), text("CAW (3)"));
    assert_eq!(cell(&parts, 2, "J2"), text("OCMW: Trekt de campagne"));

    assert_eq!(cell(&parts, 3, "A2"), text("CAW"));
    assert_eq!(cell(&parts, 3, "D2"), text("Loopt, 40 %"));
    assert_eq!(cell(&parts, 4, "A2"), text("Huurwaarborg"));
    assert_eq!(cell(&parts, 5, "B2"), Stored::Number(40.0), "the figures as in the tables export");
    assert_eq!(cell(&parts, 6, "B3"), text("< 5"));
    no_formulas(&parts);
}
