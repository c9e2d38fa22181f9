//! Workbooks written with `rust_xlsxwriter`, in memory.
//!
//! Every piece of text goes in with `write_string*`, never with `write`,
//! so a title like "=SUM(A1)" stays text and never becomes a formula.
//! Figures go in as numbers with a number format, so Excel can sum and
//! sort them; what the small-number rule hid ("< 5", "verborgen") stays
//! text and is never a number anyone can add up.

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::domain::reports::publication::{PublicationDoc, PublicationItem};
use crate::domain::reports::{Cell, SignalLine, Table};

/// The longest text a cell may hold, in UTF-16 units (an Excel limit).
const MAX_TEXT: usize = 32_767;
/// The longest sheet name, in UTF-16 units (an Excel limit).
const MAX_SHEET_NAME: usize = 31;
/// Columns are fitted to their content, but no wider than this (pixels);
/// longer text wraps or is cut off on screen.
const MAX_COLUMN_PIXELS: u32 = 360;
/// Sheet names Excel keeps for itself (compared in lower case).
const RESERVED_SHEET_NAMES: [&str; 1] = ["history"];

/// The dashboard's tables as a workbook. Sheets, in order: "Over" (the
/// `title` line and which tab holds which table), then one sheet per table,
/// in the order given, named after its title (cut to Excel's rules and made
/// unique with " (2)", " (3)", …).
pub fn tables_xlsx(title: &str, tables: &[&Table]) -> Result<Vec<u8>, String> {
    write_tables(title, tables).map_err(failed)
}

fn write_tables(title: &str, tables: &[&Table]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new(title);
    let over = book.claim("Over");
    let names: Vec<String> = tables.iter().map(|t| book.claim(&t.title)).collect();

    let (sheet, f) = book.add(over)?;
    header(sheet, f, 2, &["Tabblad", "Tabel"])?;
    for (i, (name, table)) in names.iter().zip(tables).enumerate() {
        let r = row_num(i + 3)?;
        sheet.write_string(r, 0, name.as_str())?;
        sheet.write_string(r, 1, clip(&table.title))?;
    }
    sheet.set_autofit_max_width(MAX_COLUMN_PIXELS).autofit();
    // After the fit, so the long title line does not widen column A.
    sheet.write_string_with_format(0, 0, clip(title), &f.title)?;

    for (name, table) in names.into_iter().zip(tables) {
        let (sheet, f) = book.add(name)?;
        write_table(sheet, f, table)?;
    }
    book.finish()
}

/// The anonymised signal lines as one sheet "Signalen": the columns of
/// [`SignalLine::HEADERS`], the number and the count of organisations as
/// numbers, the header row frozen and filterable.
pub fn signals_xlsx(lines: &[SignalLine]) -> Result<Vec<u8>, String> {
    write_signals(lines).map_err(failed)
}

fn write_signals(lines: &[SignalLine]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new("Signalen");
    let (sheet, f) = book.sheet("Signalen")?;
    header(sheet, f, 0, &SignalLine::HEADERS)?;
    let last = SignalLine::HEADERS.len() - 1;
    for (i, line) in lines.iter().enumerate() {
        let r = row_num(i + 1)?;
        // The number and the organisations as numbers, the rest as text.
        for (c, text) in line.cells().iter().enumerate().take(last).skip(1) {
            sheet.write_string(r, col_num(c)?, clip(text))?;
        }
        sheet.write_number_with_format(r, 0, line.id as f64, &f.count)?;
        sheet.write_number_with_format(r, col_num(last)?, f64::from(line.organisations), &f.count)?;
    }
    list_sheet(sheet, lines.len(), SignalLine::HEADERS.len())?;
    book.finish()
}

/// The signalenbundel as a workbook. Sheets, in order: "Over" (title,
/// municipality and period, signals received, publication date and the
/// introduction), "Signalen en bundels" (one row per item), "Trekkers",
/// "Uitgewerkte signalen", then one sheet per figures table as in
/// [`tables_xlsx`].
pub fn publication_xlsx(doc: &PublicationDoc) -> Result<Vec<u8>, String> {
    write_publication(doc).map_err(failed)
}

fn write_publication(doc: &PublicationDoc) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new(&doc.title);

    let (sheet, f) = book.sheet("Over")?;
    sheet.set_column_width(0, 100)?;
    let place = [doc.tenant.as_str(), doc.period.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" – ");
    let published = if doc.published.is_empty() { "Concept".to_string() } else { format!("Gepubliceerd op {}", doc.published) };
    sheet.write_string_with_format(0, 0, clip(&doc.title), &f.title)?;
    let mut r = 1;
    for line in [place.as_str(), doc.received.as_str(), published.as_str()] {
        if !line.is_empty() {
            sheet.write_string(r, 0, clip(line))?;
            r += 1;
        }
    }
    r += 1;
    // One row per paragraph: blank lines part them, as on the page.
    let intro = doc.intro.replace("\r\n", "\n");
    for paragraph in intro.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        sheet.write_string_with_format(r, 0, clip(paragraph), &f.wrap)?;
        r += 1;
    }

    let (sheet, f) = book.sheet("Signalen en bundels")?;
    const ITEM_HEADERS: [&str; 10] =
        ["Soort", "Titel", "Probleem", "Analyse", "Wat er gebeurde", "Afloop", "Signalen", "Organisaties", "Sectoren", "Partners"];
    header(sheet, f, 0, &ITEM_HEADERS)?;
    for (i, item) in doc.items.iter().enumerate() {
        write_item(sheet, f, row_num(i + 1)?, item)?;
    }
    list_sheet(sheet, doc.items.len(), ITEM_HEADERS.len())?;

    let (sheet, f) = book.sheet("Trekkers")?;
    const TREKKER_HEADERS: [&str; 4] = ["Organisatie", "Actielijn", "Campagne", "Stand van zaken"];
    header(sheet, f, 0, &TREKKER_HEADERS)?;
    for (i, t) in doc.trekkers.iter().enumerate() {
        let r = row_num(i + 1)?;
        for (c, text) in [&t.organisation, &t.line, &t.campaign, &t.status].into_iter().enumerate() {
            sheet.write_string_with_format(r, col_num(c)?, clip(text), &f.wrap)?;
        }
    }
    list_sheet(sheet, doc.trekkers.len(), TREKKER_HEADERS.len())?;

    let (sheet, f) = book.sheet("Uitgewerkte signalen")?;
    header(sheet, f, 0, &["Titel"])?;
    for (i, title) in doc.worked_out.iter().enumerate() {
        sheet.write_string_with_format(row_num(i + 1)?, 0, clip(title), &f.wrap)?;
    }
    list_sheet(sheet, doc.worked_out.len(), 1)?;

    for table in &doc.figures {
        let (sheet, f) = book.sheet(&table.title)?;
        write_table(sheet, f, table)?;
    }
    book.finish()
}

/// One selected bundle or signal as a row; long text wraps.
fn write_item(sheet: &mut Worksheet, f: &Formats, r: u32, item: &PublicationItem) -> Result<(), XlsxError> {
    let sectors = item.sectors.iter().map(|s| format!("{} ({})", s.sector, s.count)).collect::<Vec<_>>().join(", ");
    let partners = item
        .actors
        .iter()
        .map(|a| if a.engagement.is_empty() { a.organisation.clone() } else { format!("{}: {}", a.organisation, a.engagement) })
        .collect::<Vec<_>>()
        .join("\n");
    let done = item.done.join("\n");
    for (c, text) in [&item.kind, &item.title, &item.problem, &item.analysis, &done, &item.outcome].into_iter().enumerate() {
        sheet.write_string_with_format(r, col_num(c)?, clip(text), &f.wrap)?;
    }
    sheet.write_number_with_format(r, 6, f64::from(item.signals), &f.count)?;
    sheet.write_number_with_format(r, 7, f64::from(item.organisations), &f.count)?;
    sheet.write_string_with_format(r, 8, clip(&sectors), &f.wrap)?;
    sheet.write_string_with_format(r, 9, clip(&partners), &f.wrap)?;
    Ok(())
}

/// One figures table from the top of its sheet: the headers in bold, a row
/// per table row (label, then its cells), and the note, if any, one row below.
fn write_table(sheet: &mut Worksheet, f: &Formats, table: &Table) -> Result<(), XlsxError> {
    header(sheet, f, 0, &table.headers)?;
    for (i, row) in table.rows.iter().enumerate() {
        let r = row_num(i + 1)?;
        sheet.write_string(r, 0, clip(&row.label))?;
        for (c, cell) in row.cells.iter().enumerate() {
            write_cell(sheet, f, r, col_num(c + 1)?, cell)?;
        }
    }
    sheet.set_autofit_max_width(MAX_COLUMN_PIXELS).autofit();
    // After the fit: the note runs on over the empty cells beside it.
    if !table.note.is_empty() {
        sheet.write_string_with_format(row_num(table.rows.len() + 2)?, 0, clip(&table.note), &f.note)?;
    }
    Ok(())
}

/// A figure as a number Excel can compute with, or as the text that stands
/// in for it. A percentage is stored as a fraction (40 % as 0.4) with a
/// percent format, which is what Excel calls a percentage.
fn write_cell(sheet: &mut Worksheet, f: &Formats, r: u32, c: u16, cell: &Cell) -> Result<(), XlsxError> {
    match cell {
        Cell::Count(n) => sheet.write_number_with_format(r, c, *n as f64, &f.count)?,
        Cell::Days(d) if d.is_finite() => sheet.write_number_with_format(r, c, *d, &f.days)?,
        Cell::Percent(p) if p.is_finite() => sheet.write_number_with_format(r, c, *p / 100.0, &f.percent)?,
        Cell::Small | Cell::Hidden => sheet.write_string_with_format(r, c, cell.text(), &f.stand_in)?,
        Cell::Text(t) => sheet.write_string(r, c, clip(t))?,
        // A figure that is not a number (NaN): its text, never a broken cell.
        Cell::Days(_) | Cell::Percent(_) => sheet.write_string_with_format(r, c, cell.text(), &f.stand_in)?,
    };
    Ok(())
}

/// The header row `r`, in bold.
fn header<S: AsRef<str>>(sheet: &mut Worksheet, f: &Formats, r: u32, headers: &[S]) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(r, col_num(c)?, clip(h.as_ref()), &f.header)?;
    }
    Ok(())
}

/// Finishes a list with its header in row 0 and `rows` rows under it:
/// columns fitted, the header frozen, a filter on every column.
fn list_sheet(sheet: &mut Worksheet, rows: usize, columns: usize) -> Result<(), XlsxError> {
    sheet.set_autofit_max_width(MAX_COLUMN_PIXELS).autofit();
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row_num(rows)?, col_num(columns.max(1) - 1)?)?;
    Ok(())
}

/// The cell formats, made once per workbook.
struct Formats {
    title: Format,
    header: Format,
    wrap: Format,
    count: Format,
    days: Format,
    percent: Format,
    /// "< 5" and "verborgen": right-aligned, under the numbers.
    stand_in: Format,
    note: Format,
}

impl Formats {
    fn new() -> Self {
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: top.clone().set_bold(),
            wrap: top.clone().set_text_wrap(),
            count: top.clone().set_num_format("0"),
            days: top.clone().set_num_format("0.0"),
            percent: top.clone().set_num_format("0.0%"),
            stand_in: top.clone().set_align(FormatAlign::Right),
            note: Format::new().set_italic(),
        }
    }
}

/// A workbook being written, with the sheet names already taken.
struct Book {
    workbook: Workbook,
    /// Lower case: Excel compares sheet names without regard to case.
    taken: Vec<String>,
    formats: Formats,
}

impl Book {
    fn new(title: &str) -> Self {
        let mut workbook = Workbook::new();
        if !title.is_empty() {
            workbook.set_properties(&DocProperties::new().set_title(title));
        }
        Book { workbook, taken: RESERVED_SHEET_NAMES.iter().map(|n| n.to_string()).collect(), formats: Formats::new() }
    }

    /// Reserves a valid, unique sheet name as close to `wanted` as may be.
    fn claim(&mut self, wanted: &str) -> String {
        let name = unique_sheet_name(wanted, &self.taken);
        self.taken.push(name.to_lowercase());
        name
    }

    /// Adds a sheet under a name from [`Book::claim`].
    fn add(&mut self, name: String) -> Result<(&mut Worksheet, &Formats), XlsxError> {
        let sheet = self.workbook.add_worksheet();
        sheet.set_name(name)?;
        Ok((sheet, &self.formats))
    }

    /// Adds a sheet named as close to `wanted` as may be.
    fn sheet(&mut self, wanted: &str) -> Result<(&mut Worksheet, &Formats), XlsxError> {
        let name = self.claim(wanted);
        self.add(name)
    }

    fn finish(mut self) -> Result<Vec<u8>, XlsxError> {
        self.workbook.save_to_buffer()
    }
}

/// A sheet name Excel accepts: `[]:*?/\` and control characters replaced,
/// no apostrophe at either end, at most 31 characters, not blank, and
/// unlike every name in `taken` (lower case): a clash gets " (2)", " (3)", …
fn unique_sheet_name(wanted: &str, taken: &[String]) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| match c {
            '/' | '\\' => '-',
            '[' | ']' | ':' | '*' | '?' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let tidy = |s: &str| s.trim_matches(|c: char| c == '\'' || c.is_whitespace()).to_string();
    let mut base = tidy(cut_utf16(&tidy(&cleaned), MAX_SHEET_NAME));
    if base.is_empty() {
        base = "Tabel".to_string();
    }
    let free = |name: &str| !taken.contains(&name.to_lowercase());
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| {
            let suffix = format!(" ({n})");
            format!("{}{suffix}", tidy(cut_utf16(&base, MAX_SHEET_NAME - suffix.len())))
        })
        .find(|name| free(name))
        .expect("some suffix is free")
}

/// The longest start of `text` that is at most `max` UTF-16 units long.
fn cut_utf16(text: &str, max: usize) -> &str {
    let mut units = 0;
    for (i, ch) in text.char_indices() {
        units += ch.len_utf16();
        if units > max {
            return &text[..i];
        }
    }
    text
}

/// Text cut to what a cell can hold, so one overlong description does not
/// fail the whole export.
fn clip(text: &str) -> &str {
    cut_utf16(text, MAX_TEXT)
}

fn row_num(i: usize) -> Result<u32, XlsxError> {
    u32::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

fn col_num(i: usize) -> Result<u16, XlsxError> {
    u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The error as the public functions report it.
fn failed(e: XlsxError) -> String {
    format!("Excel-bestand maken mislukt: {e}")
}
