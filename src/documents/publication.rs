//! The signalenbundel as `signalenbundel.typ` reads it: the
//! [`PublicationDoc`] with every figure already put into words.
//!
//! A [`Cell`] serialises externally tagged (`{"Count":12}`, `"Small"`,
//! `{"Days":3.5}` …). Taking that apart in typst would mean formatting the
//! numbers a second time (one decimal, a decimal comma), and the PDF could
//! then read differently from the page. So each cell reaches the template as
//! `{text, value}` from [`Cell::text`] and [`Cell::value`], and each row of a
//! chart with its bar's length already worked out.
//!
//! The shape (all strings unless noted):
//!
//! ```text
//! { tenant, title, period, intro, received, published,
//!   items: [{ kind, title, problem, analysis, done: [string], outcome,
//!             signals (number), organisations (number),
//!             sectors: [{ sector, count (number) }],
//!             actors: [{ organisation, engagement }] }],
//!   figures: [{ title, chart (bool), headers: [string], note,
//!               rows: [{ label, bar (number 0..=1 or null),
//!                        cells: [{ text, value (number or null) }] }] }],
//!   trekkers: [{ organisation, line, campaign, status }],
//!   worked_out: [string] }
//! ```
//!
//! In every figure, `headers` has one entry more than each row has cells
//! (the label column), padded with empty strings where the table was ragged.

use serde::Serialize;

use crate::domain::reports::figures::{Cell, Chart, Table};
use crate::domain::reports::publication::{PublicationDoc, PublicationItem, Trekker};

#[derive(Serialize)]
pub(super) struct PublicationView<'a> {
    tenant: &'a str,
    title: &'a str,
    period: &'a str,
    intro: &'a str,
    items: &'a [PublicationItem],
    received: &'a str,
    figures: Vec<FigureView<'a>>,
    trekkers: &'a [Trekker],
    worked_out: &'a [String],
    published: &'a str,
}

#[derive(Serialize)]
struct FigureView<'a> {
    title: &'a str,
    /// Whether a bar chart of the first column goes above the table.
    chart: bool,
    headers: Vec<&'a str>,
    rows: Vec<RowView<'a>>,
    note: &'a str,
}

#[derive(Serialize)]
struct RowView<'a> {
    label: &'a str,
    /// The first cell's bar as a share of the longest (0 to 1); none when
    /// that cell has no number (small, hidden or text).
    bar: Option<f64>,
    cells: Vec<CellView>,
}

#[derive(Serialize)]
struct CellView {
    text: String,
    value: Option<f64>,
}

/// The template's view of `doc`.
pub(super) fn view(doc: &PublicationDoc) -> PublicationView<'_> {
    // No `..`: a new field must be placed here (and in the template) or
    // left out on purpose.
    let PublicationDoc { tenant, title, period, intro, items, received, figures, trekkers, worked_out, published } = doc;
    PublicationView {
        tenant,
        title,
        period,
        intro,
        items,
        received,
        figures: figures.iter().map(figure).collect(),
        trekkers,
        worked_out,
        published,
    }
}

fn figure(table: &Table) -> FigureView<'_> {
    let width = table.rows.iter().map(|row| row.cells.len() + 1).chain([table.headers.len(), 1]).max().unwrap_or(1);
    let longest = table.max();
    let rows: Vec<RowView> = table
        .rows
        .iter()
        .map(|row| {
            let mut cells: Vec<CellView> = row.cells.iter().map(|cell| CellView { text: cell.text(), value: finite(cell) }).collect();
            cells.resize_with(width - 1, || CellView { text: String::new(), value: None });
            let bar = row.cells.first().and_then(finite).map(|value| if longest > 0.0 { (value / longest).clamp(0.0, 1.0) } else { 0.0 });
            RowView { label: &row.label, bar, cells }
        })
        .collect();
    let mut headers: Vec<&str> = table.headers.iter().map(String::as_str).collect();
    headers.resize(width, "");
    FigureView {
        title: &table.title,
        // A chart without a single bar would only repeat the table.
        chart: table.chart == Chart::Bars && rows.iter().any(|row| row.bar.is_some()),
        headers,
        rows,
        note: &table.note,
    }
}

/// The cell's number, if it is one a chart can draw.
fn finite(cell: &Cell) -> Option<f64> {
    cell.value().filter(|value| value.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reports::figures::Row;

    #[test]
    fn cells_become_text_and_bars_shares_of_the_longest() {
        let mut table = Table::counts("t", "T", "Wat", vec![("a".into(), 40), ("b".into(), 3), ("c".into(), 12), ("d".into(), 9)], true);
        table.protect(0, &[]);
        table.rows[0].cells.push(Cell::Percent(12.5));
        let view = figure(&table);
        assert!(view.chart);
        assert_eq!(view.headers, ["Wat", "Signalen", ""]);
        let texts: Vec<&str> = view.rows.iter().map(|r| r.cells[0].text.as_str()).collect();
        assert_eq!(texts, ["40", "< 5", "12", "verborgen"]);
        assert_eq!(view.rows.iter().map(|r| r.bar).collect::<Vec<_>>(), [Some(1.0), None, Some(0.3), None]);
        // Ragged rows are padded to the widest.
        assert_eq!(view.rows[0].cells[1].text, "12,5 %");
        assert_eq!(view.rows[1].cells.len(), 2);
        assert_eq!(view.rows[1].cells[1].text, "");
    }

    #[test]
    fn no_chart_without_a_number_to_draw() {
        let table = Table {
            key: "t".into(),
            title: "T".into(),
            headers: vec![],
            rows: vec![Row { label: "a".into(), cells: vec![Cell::Small, Cell::Text("x".into())] }],
            chart: Chart::Bars,
            note: String::new(),
        };
        let view = figure(&table);
        assert!(!view.chart);
        assert_eq!(view.headers, ["", "", ""]);
        let serialised = serde_json::to_value(&view).unwrap();
        assert_eq!(serialised["rows"][0]["cells"][0], serde_json::json!({ "text": "< 5", "value": null }));
    }
}
