//! A table of figures with its chart: horizontal bars drawn as SVG on the
//! server (attributes only: the CSP forbids inline styles), a `<title>` per
//! bar, and the same figures as a table for screen readers and for copying.

use leptos::prelude::*;

use crate::domain::reports::{Chart, Table};

/// Width of the bar area in SVG units; labels sit in the table beside it.
const BAR_WIDTH: f64 = 300.0;
const ROW: f64 = 22.0;

#[component]
pub fn FigureTable(table: Table, #[prop(optional)] csv: Option<String>) -> impl IntoView {
    let id = format!("tabel-{}", table.key);
    let chart = (table.chart == Chart::Bars && table.max() > 0.0).then(|| bars(&table));
    let headers = table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let cells = r.cells.iter().map(|c| view! { <td class="num">{c.text()}</td> }).collect_view();
            view! { <tr><th scope="row">{r.label.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let empty = table.rows.is_empty();
    view! {
        <section class="figure" aria-labelledby=id.clone() data-table=table.key.clone()>
            <h3 id=id.clone()>{table.title.clone()}</h3>
            {chart}
            {if empty {
                view! { <p class="muted">"Geen signalen in deze periode."</p> }.into_any()
            } else {
                view! {
                    <table class="figures">
                        <thead><tr>{headers}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            }}
            {(!table.note.is_empty()).then(|| view! { <p class="hint">{table.note.clone()}</p> })}
            {csv.map(|href| view! { <p><a href=href download>"Deze tabel als CSV"</a></p> })}
        </section>
    }
}

/// The bars of the first column; a hidden figure gets no bar, only its text.
fn bars(table: &Table) -> impl IntoView + use<> {
    let max = table.max();
    let height = ROW * table.rows.len() as f64;
    let label_width = 190.0;
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let cell = r.cells.first().cloned();
            let value = cell.as_ref().and_then(|c| c.value()).unwrap_or(0.0);
            let text = cell.map(|c| c.text()).unwrap_or_default();
            let y = i as f64 * ROW;
            let width = (value / max * BAR_WIDTH).max(if value > 0.0 { 1.0 } else { 0.0 });
            let label: String = r.label.chars().take(28).collect();
            view! {
                <g>
                    <title>{format!("{}: {}", r.label, text)}</title>
                    <text x="0" y=y + 15.0 class="chart-label">{label}</text>
                    <rect x=label_width y=y + 3.0 width=format!("{width:.1}") height=ROW - 6.0 class="chart-bar"/>
                    <text x=label_width + width + 4.0 y=y + 15.0 class="chart-value">{text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" role="img" aria-label=format!("Staafdiagram: {} (dezelfde cijfers staan in de tabel)", table.title)
            viewBox=format!("0 0 {} {height}", label_width + BAR_WIDTH + 60.0) preserveAspectRatio="xMinYMin meet">
            {rows}
        </svg>
    }
}
