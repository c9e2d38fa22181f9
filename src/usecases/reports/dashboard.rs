//! The dashboard: the tallies of the signals received in a period,
//! turned into tables, protected for readers who may not read the signals
//! behind them, and weighed against the tenant's targets.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::reports::targets::Metric;
use crate::domain::reports::{Cell, Chart, Dashboard, DashboardPage, Period, ReportFilter, ReportScope, Row, SignalLine, Table};
use crate::domain::visibility::Reader;
use crate::domain::vocabulary::{LIFE_DOMAINS, NotRetainedReason, Outcome, TARGET_GROUPS, label_of};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Store, Tx};

use super::tallies;
use crate::domain::reports::tally::{Tallies, kind};

/// How many of the most-seen signals the dashboard lists.
const MOST_SEEN: usize = 10;

/// The dashboard for the caller and the filter.
pub async fn page(store: &dyn Store, caller: &TenantCaller, filter: ReportFilter, now: DateTime<Utc>) -> Result<DashboardPage, AppError> {
    let scope = super::scope(caller, filter.domain)?;
    let today = brussels::local(now).date();
    let (period, period_error) = match filter.period(today) {
        Ok(p) => (p, None),
        Err(e) => (Period::of(Default::default(), today, None, None).map_err(AppError::Invalid)?, Some(e)),
    };
    // Many signals changed since they were last counted: count them now
    // rather than correct for each one while reading.
    if store.read().await?.uncounted(caller.tenant.id).await?.len() > tallies::READ_CORRECTS_UP_TO {
        tallies::catch_up(store).await?;
    }
    let mut tx = store.read().await?;
    let all_domains = tx.policy_domains(caller.tenant.id).await?;
    // The domains this reader may filter on: all, or a regisseur's own.
    let own = ReportScope::of(&caller.membership, None).and_then(|s| s.domains);
    let domains: Vec<(PolicyDomainId, String)> =
        all_domains.iter().filter(|d| own.as_ref().is_none_or(|own| own.contains(&d.id))).map(|d| (d.id, d.name.clone())).collect();
    let scope_label = match &scope.domains {
        Some(ids) if ids.len() == 1 => all_domains.iter().find(|d| d.id == ids[0]).map(|d| d.name.clone()).unwrap_or_default(),
        Some(_) => "Jouw beleidsdomeinen".to_string(),
        None => "Alle beleidsdomeinen".to_string(),
    };
    let dashboard = figures(tx.as_mut(), caller.tenant.id, &scope, period, today, scope_label).await?;
    // The filter as applied: a regisseur's foreign domain falls back to its own.
    let filter = ReportFilter { domain: scope.domains.as_ref().filter(|d| d.len() == 1).map(|d| d[0]), ..filter };
    Ok(DashboardPage { dashboard, filter, domains, period_error })
}

/// Every figure of the dashboard for one scope and period, read from the
/// tallies (see `tallies::read`); `today` is the Brussels date.
pub async fn figures(
    tx: &mut dyn Tx,
    tenant: TenantId,
    scope: &ReportScope,
    period: Period,
    today: NaiveDate,
    scope_label: String,
) -> Result<Dashboard, AppError> {
    let (t, seen) = tallies::read(tx, tenant, scope.domains.as_deref(), period, today, MOST_SEEN).await?;
    let received = t.count(kind::RECEIVED, "");
    let mut tables = Vec::new();

    let by_phase = t.of(kind::PHASE);
    let count_of = |code: &str, rows: &[(String, i64)]| rows.iter().find(|(c, _)| c == code).map_or(0, |(_, n)| *n as u64);
    tables.push(Table::counts(
        "fase",
        "Signalen per fase",
        "Fase",
        Phase::ALL.iter().map(|p| (p.label().to_string(), count_of(p.code(), &by_phase))).collect(),
        true,
    ));
    let names = tx.policy_domains(tenant).await?;
    let domain_name = |id: &str| names.iter().find(|d| d.id.0.to_string() == id).map(|d| d.name.clone()).unwrap_or_default();
    let domain_rows = t.of(kind::DOMAIN).into_iter().map(|(id, n)| (domain_name(&id), n)).collect();
    tables.push(Table::counts(
        "beleidsdomein",
        "Signalen per beleidsdomein",
        "Beleidsdomein",
        named(domain_rows, "Nog geen beleidsdomein"),
        false,
    ));
    let mut table = Table::counts(
        "levensdomein",
        "Signalen per levensdomein",
        "Levensdomein",
        labelled(t.of(kind::LIFE_DOMAIN), |c| label_of(LIFE_DOMAINS, c)),
        false,
    );
    table.note = "Een signaal kan bij meer dan één levensdomein horen.".to_string();
    tables.push(table);
    let mut table = Table::counts(
        "doelgroep",
        "Signalen per doelgroep",
        "Doelgroep",
        labelled(t.of(kind::TARGET_GROUP), |c| label_of(TARGET_GROUPS, c)),
        false,
    );
    table.note = "Een signaal kan bij meer dan één doelgroep horen.".to_string();
    tables.push(table);
    tables.push(Table::counts(
        "sector",
        "Signalen per soort organisatie",
        "Soort organisatie",
        labelled(
            t.of(kind::SECTOR),
            |c| if c.is_empty() { "Burger (geen organisatie)".to_string() } else { label_of(ORGANISATION_KINDS, c) },
        ),
        false,
    ));
    tables.push(Table::counts(
        "wijk",
        "Signalen per wijk of deelgemeente",
        "Wijk of deelgemeente",
        named(t.of(kind::DISTRICT), "Niet opgegeven"),
        false,
    ));
    let sources = t.of(kind::SOURCE);
    tables.push(Table::counts(
        "burger-werker",
        "Burgers en werkers",
        "Gemeld door",
        vec![("Werkers".to_string(), count_of("worker", &sources)), ("Burgers".to_string(), count_of("citizen", &sources))],
        true,
    ));
    tables.push(lead_times(&t));
    let mut table = Table::counts(
        "niet-weerhouden",
        "Niet weerhouden, en waarom",
        "Reden",
        labelled(t.of(kind::NOT_RETAINED), |c| {
            NotRetainedReason::from_code(c).map_or_else(|| "Onbekend".to_string(), |r| r.label().to_string())
        }),
        false,
    );
    table.headers.push("Aandeel van alle signalen".to_string());
    for row in &mut table.rows {
        let n = row.cells[0].value().unwrap_or(0.0);
        row.cells.push(Cell::Percent(if received > 0 { n * 100.0 / received as f64 } else { 0.0 }));
    }
    tables.push(table);
    tables.push(Table::counts(
        "afloop",
        "Afgeronde signalen per afloop",
        "Afloop",
        labelled(t.of(kind::OUTCOME), |c| Outcome::from_code(c).map_or_else(|| "Onbekend".to_string(), |o| o.label().to_string())),
        false,
    ));
    let seen = seen.into_iter().map(|(_, title, n)| (title, n)).collect();
    let mut table =
        Table::counts("meest-gezien", "Signalen die de meeste organisaties zagen", "Signaal", labelled(seen, str::to_string), false);
    table.headers[1] = "Organisaties".to_string();
    tables.push(table);

    if scope.protected {
        for table in &mut tables {
            let follow: Vec<usize> = (1..table.headers.len() - 1).collect();
            table.protect(0, &follow);
        }
    }
    let targets = tx
        .targets(tenant)
        .await?
        .into_iter()
        .map(|target| {
            let reached = match target.metric {
                Metric::Received => received.max(0) as u64,
                Metric::Scheduled => t.count(kind::ARRIVED, Phase::Scheduled.code()).max(0) as u64,
                Metric::InAction => t.count(kind::ARRIVED, Phase::InAction.code()).max(0) as u64,
                Metric::Closed => t.count(kind::ARRIVED, Phase::Closed.code()).max(0) as u64,
            };
            target.weigh(&period, reached)
        })
        .collect();
    let received = if scope.protected { Cell::protected(received) } else { Cell::Count(received.max(0) as u64) };
    Ok(Dashboard { period, scope: scope_label, received, tables, targets, protected: scope.protected })
}

/// Lead time from Ingediend to the first arrival in each later phase.
fn lead_times(t: &Tallies) -> Table {
    let times = t.lead_times();
    let rows = Phase::ALL
        .iter()
        .filter(|p| **p != Phase::Submitted)
        .filter_map(|p| times.iter().find(|t| t.phase == p.code()).map(|t| (p, t)))
        .map(|(p, t)| Row {
            label: p.label().to_string(),
            cells: vec![Cell::Count(t.signals as u64), Cell::Days(t.median as f64), Cell::Days(t.p90 as f64)],
        })
        .collect();
    Table {
        key: "doorlooptijd".to_string(),
        title: "Doorlooptijd vanaf Ingediend".to_string(),
        headers: vec!["Eerst bereikt".into(), "Signalen".into(), "Mediaan (dagen)".into(), "90e percentiel (dagen)".into()],
        rows,
        chart: Chart::None,
        note: "Hele dagen tot een signaal een fase voor het eerst bereikte; percentielen volgens de dichtstbijzijnde rang.".to_string(),
    }
}

fn named(rows: Vec<(String, i64)>, blank: &str) -> Vec<(String, u64)> {
    labelled(rows, |name| if name.trim().is_empty() { blank.to_string() } else { name.to_string() })
}

fn labelled(rows: Vec<(String, i64)>, label: impl Fn(&str) -> String) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = Vec::new();
    for (code, n) in rows {
        let label = label(&code);
        // Two codes may share a label ("" and an unknown one): add them up.
        match out.iter_mut().find(|(l, _)| *l == label) {
            Some((_, total)) => *total += n.max(0) as u64,
            None => out.push((label, n.max(0) as u64)),
        }
    }
    out
}

/// The signals this member may read, one anonymised line each.
pub async fn signal_lines(store: &dyn Store, caller: &TenantCaller) -> Result<Vec<SignalLine>, AppError> {
    let rows = store.read().await?.export_rows(caller.tenant.id).await?;
    Ok(rows.into_iter().filter(|r| Reader::of(&caller.membership, caller.person.id, &r.scope).is_some()).map(|r| r.line).collect())
}
