//! CSV the way Flemish Excel opens it with a double click: UTF-8 with a BOM
//! (without it Excel reads the bytes as Windows-1252), `;` between fields
//! (the list separator of a Belgian locale, where `,` is the decimal comma)
//! and CRLF line ends.

use crate::domain::reports::{SignalLine, Table};

const BOM: &str = "\u{FEFF}";
const DELIMITER: char = ';';
const LINE_END: &str = "\r\n";

/// A figures table: its headers, then per row the label and each cell as
/// [`Cell::text`](crate::domain::reports::Cell::text) reads it ("< 5",
/// "verborgen", "12,5 %"), exactly as on the page.
pub fn table_csv(table: &Table) -> Vec<u8> {
    let mut csv = Writer::new();
    csv.record(table.headers.iter().map(String::as_str));
    for row in &table.rows {
        let texts: Vec<String> = row.cells.iter().map(|c| c.text()).collect();
        csv.record(std::iter::once(row.label.as_str()).chain(texts.iter().map(String::as_str)));
    }
    csv.finish()
}

/// The anonymised signal lines: [`SignalLine::HEADERS`], then one record per line.
pub fn signals_csv(lines: &[SignalLine]) -> Vec<u8> {
    let mut csv = Writer::new();
    csv.record(SignalLine::HEADERS);
    for line in lines {
        csv.record(line.cells().iter().map(String::as_str));
    }
    csv.finish()
}

/// Builds the file record by record.
struct Writer {
    out: String,
}

impl Writer {
    fn new() -> Self {
        Writer { out: BOM.to_string() }
    }

    fn record<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(DELIMITER);
            }
            self.field(field);
        }
        self.out.push_str(LINE_END);
    }

    /// One field: defused, then quoted when it has to be.
    fn field(&mut self, text: &str) {
        let guard = if starts_like_formula(text) { "'" } else { "" };
        if text.contains([DELIMITER, '"', '\r', '\n']) {
            self.out.push('"');
            self.out.push_str(guard);
            self.out.push_str(&text.replace('"', "\"\""));
            self.out.push('"');
        } else {
            self.out.push_str(guard);
            self.out.push_str(text);
        }
    }

    fn finish(self) -> Vec<u8> {
        self.out.into_bytes()
    }
}

/// Whether a spreadsheet would read the text as a formula (CSV injection):
/// such a field gets a leading `'`, so it shows as the text that was typed.
/// The figures we write ourselves never start like this (counts, days and
/// percentages are not negative), so only user text is affected, "-5" too.
fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}
