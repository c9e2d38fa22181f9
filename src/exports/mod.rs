//! Downloads of the dashboard, the signal lines and the signalenbundel, as
//! CSV and as Excel workbooks (server only).
//!
//! CSV ([`table_csv`], [`signals_csv`]) is written for Flemish Excel: UTF-8
//! with a BOM, `;` between fields, CRLF line ends, and every field that a
//! spreadsheet would read as a formula defused with a leading `'`. Figures
//! are written as the page shows them ([`Cell::text`]), so "< 5" and
//! "verborgen" stay what they are.
//!
//! The workbooks ([`tables_xlsx`], [`signals_xlsx`], [`publication_xlsx`])
//! are built in memory with `rust_xlsxwriter`: figures as real numbers with
//! a number format, text always as text (never a formula), one sheet per
//! table. Building one is synchronous CPU work (zip compression included):
//! for long signal lists, call it inside `tokio::task::spawn_blocking`.
//!
//! [`Cell::text`]: crate::domain::reports::Cell::text

mod csv;
mod xlsx;

pub use csv::{signals_csv, table_csv};
pub use xlsx::{publication_xlsx, signals_xlsx, tables_xlsx};

#[cfg(test)]
mod tests;
