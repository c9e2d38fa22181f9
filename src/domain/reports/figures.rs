//! The dashboard's figures as tables, and the small-number rule that
//! protects them (domain README, "Who may see whom"): figures under 5 are
//! shown as "< 5" to people who may not read the signals behind them, and a
//! second cell of the same column is hidden too, so the hidden one cannot be
//! worked out from a total. Zero rows are left out, so "under 5" means 1–4.

use serde::{Deserialize, Serialize};

use super::period::Period;
use super::targets::TargetResult;

/// Below this, a count is small.
pub const SMALL: u64 = 5;

/// One figure as it may be shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Count(u64),
    /// A number of days (lead times), one decimal.
    Days(f64),
    /// A share in percent, one decimal.
    Percent(f64),
    /// A count under 5, shown to an outsider as "< 5".
    Small,
    /// Hidden so that a small one cannot be worked out, or a percentile of
    /// too few signals.
    Hidden,
    Text(String),
}

impl Cell {
    /// How the figure reads on the page and in exports.
    pub fn text(&self) -> String {
        match self {
            Cell::Count(n) => n.to_string(),
            Cell::Days(d) if d.fract() == 0.0 => format!("{d:.0}"),
            Cell::Days(d) => format!("{d:.1}").replace('.', ","),
            Cell::Percent(p) => format!("{p:.1} %").replace('.', ","),
            Cell::Small => "< 5".to_string(),
            Cell::Hidden => "verborgen".to_string(),
            Cell::Text(t) => t.clone(),
        }
    }

    /// A lone count as an outsider may read it: "< 5" when small.
    pub fn protected(n: i64) -> Cell {
        let n = n.max(0) as u64;
        if n > 0 && n < SMALL { Cell::Small } else { Cell::Count(n) }
    }

    /// The number a chart draws; none for what is hidden.
    pub fn value(&self) -> Option<f64> {
        match self {
            Cell::Count(n) => Some(*n as f64),
            Cell::Days(d) | Cell::Percent(d) => Some(*d),
            Cell::Small | Cell::Hidden | Cell::Text(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub label: String,
    pub cells: Vec<Cell>,
}

/// How a table is drawn beside its figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Chart {
    /// Horizontal bars of the first column.
    Bars,
    /// No chart: the table says it all.
    None,
}

/// One table of the dashboard; `key` names it in exports (`?tabel=fase`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub key: String,
    pub title: String,
    /// The header of the label column, then one per cell.
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    pub chart: Chart,
    /// A line under the table (what counts, what was hidden).
    pub note: String,
}

impl Table {
    /// A two-column table of counts, zero rows left out, largest first
    /// unless `keep_order`.
    pub fn counts(key: &str, title: &str, label: &str, rows: Vec<(String, u64)>, keep_order: bool) -> Table {
        let mut rows: Vec<(String, u64)> = rows.into_iter().filter(|(_, n)| *n > 0).collect();
        if !keep_order {
            rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        Table {
            key: key.to_string(),
            title: title.to_string(),
            headers: vec![label.to_string(), "Signalen".to_string()],
            rows: rows.into_iter().map(|(label, n)| Row { label, cells: vec![Cell::Count(n)] }).collect(),
            chart: Chart::Bars,
            note: String::new(),
        }
    }

    /// Applies the small-number rule to the count column `col`; the cells
    /// in `follow` (percentiles, shares) of a protected row are hidden with it.
    pub fn protect(&mut self, col: usize, follow: &[usize]) {
        let mut small = 0;
        for row in &mut self.rows {
            if let Some(cell) = row.cells.get_mut(col)
                && matches!(cell, Cell::Count(n) if *n > 0 && *n < SMALL)
            {
                *cell = Cell::Small;
                small += 1;
            }
        }
        if small == 1 {
            // The smallest shown count goes too, so no total gives the small one away.
            let second = self
                .rows
                .iter()
                .enumerate()
                .filter_map(|(i, r)| match r.cells.get(col) {
                    Some(Cell::Count(n)) => Some((i, *n)),
                    _ => None,
                })
                .min_by_key(|(_, n)| *n);
            if let Some((i, _)) = second {
                self.rows[i].cells[col] = Cell::Hidden;
            }
        }
        for row in &mut self.rows {
            if matches!(row.cells.get(col), Some(Cell::Small | Cell::Hidden)) {
                for &f in follow {
                    if let Some(cell) = row.cells.get_mut(f) {
                        *cell = Cell::Hidden;
                    }
                }
            }
        }
        if small > 0 && self.note.is_empty() {
            self.note = "Aantallen onder 5 staan als \"< 5\"; waar nodig is nog een cijfer verborgen, zodat je ze niet kunt terugrekenen."
                .to_string();
        }
    }

    /// The largest value a chart of the first column draws.
    pub fn max(&self) -> f64 {
        self.rows.iter().filter_map(|r| r.cells.first().and_then(Cell::value)).fold(0.0, f64::max)
    }
}

/// Nearest-rank percentile (`p` in 1..=100) of sorted values: the value at
/// rank ⌈p·n/100⌉. The storage computes the same rank in SQL.
pub fn nearest_rank(sorted: &[f64], p: u32) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p as usize * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

/// The whole dashboard for one filter, as the page, the exports and the
/// signalenbundel read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub period: Period,
    /// "Alle beleidsdomeinen" or the chosen one.
    pub scope: String,
    /// Signals received in the period.
    pub received: Cell,
    pub tables: Vec<Table>,
    pub targets: Vec<TargetResult>,
    /// Whether small numbers were hidden for this reader.
    pub protected: bool,
}

impl Dashboard {
    pub fn table(&self, key: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(counts: &[u64]) -> Table {
        Table::counts("t", "T", "Wat", counts.iter().enumerate().map(|(i, n)| (format!("r{i}"), *n)).collect(), true)
    }

    fn texts(t: &Table) -> Vec<String> {
        t.rows.iter().map(|r| r.cells[0].text()).collect()
    }

    #[test]
    fn one_small_count_takes_the_next_smallest_with_it() {
        let mut t = table(&[40, 3, 12, 9]);
        t.protect(0, &[]);
        assert_eq!(texts(&t), ["40", "< 5", "12", "verborgen"]);
        assert!(!t.note.is_empty());
    }

    #[test]
    fn two_small_counts_already_hide_each_other() {
        let mut t = table(&[40, 3, 1, 9]);
        t.protect(0, &[]);
        assert_eq!(texts(&t), ["40", "< 5", "< 5", "9"]);
    }

    #[test]
    fn zero_rows_are_left_out_and_large_counts_stay() {
        let mut t = table(&[0, 5, 7]);
        t.protect(0, &[]);
        assert_eq!(texts(&t), ["5", "7"]);
        assert!(t.note.is_empty());
    }

    #[test]
    fn percentiles_of_a_protected_row_are_hidden() {
        let mut t = table(&[2, 30, 8]);
        for r in &mut t.rows {
            r.cells.push(Cell::Days(4.5));
        }
        t.protect(0, &[1]);
        assert_eq!(t.rows[0].cells, [Cell::Small, Cell::Hidden]);
        assert_eq!(t.rows[2].cells, [Cell::Hidden, Cell::Hidden]);
        assert_eq!(t.rows[1].cells, [Cell::Count(30), Cell::Days(4.5)]);
    }

    #[test]
    fn nearest_rank_is_the_ceiling_rank() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        assert_eq!(nearest_rank(&v, 50), Some(5.0));
        assert_eq!(nearest_rank(&v, 90), Some(9.0));
        assert_eq!(nearest_rank(&[7.0], 90), Some(7.0));
        assert_eq!(nearest_rank(&[1.0, 2.0, 3.0], 50), Some(2.0));
        assert_eq!(nearest_rank(&[], 50), None);
        assert_eq!(Cell::Days(2.25).text(), "2,2");
    }
}
