//! The dashboard: counts in SQL over the signals received in a period,
//! turned into tables, protected for readers who may not read the signals
//! behind them, and weighed against the tenant's targets.

use chrono::{DateTime, Utc};

use crate::domain::reports::targets::Metric;
use crate::domain::reports::{Cell, Chart, Dashboard, DashboardPage, Period, ReportFilter, ReportScope, Row, SignalLine, Table};
use crate::domain::visibility::Reader;
use crate::domain::vocabulary::{LIFE_DOMAINS, NotRetainedReason, Outcome, TARGET_GROUPS, label_of};
use crate::domain::*;
use crate::error::AppError;
use crate::server::auth::TenantCaller;
use crate::storage::{Dimension, ReportQuery, Store, Tx};

const DAY: f64 = 86_400.0;

/// The dashboard for the caller and the filter.
pub async fn page(store: &dyn Store, caller: &TenantCaller, filter: ReportFilter, now: DateTime<Utc>) -> Result<DashboardPage, AppError> {
    let scope = super::scope(caller, filter.domain)?;
    let today = brussels::local(now).date();
    let (period, period_error) = match filter.period(today) {
        Ok(p) => (p, None),
        Err(e) => (Period::of(Default::default(), today, None, None).map_err(AppError::Invalid)?, Some(e)),
    };
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
    let dashboard = figures(tx.as_mut(), caller.tenant.id, &scope, period, scope_label).await?;
    // The filter as applied: a regisseur's foreign domain falls back to its own.
    let filter = ReportFilter { domain: scope.domains.as_ref().filter(|d| d.len() == 1).map(|d| d[0]), ..filter };
    Ok(DashboardPage { dashboard, filter, domains, period_error })
}

/// Every figure of the dashboard for one scope and period.
pub async fn figures(
    tx: &mut dyn Tx,
    tenant: TenantId,
    scope: &ReportScope,
    period: Period,
    scope_label: String,
) -> Result<Dashboard, AppError> {
    let (start, end) = period.bounds();
    let q = ReportQuery { start, end, domains: scope.domains.clone() };
    let received = tx.received(tenant, &q).await?;
    let mut tables = Vec::new();

    let by_phase = tx.count_by(tenant, &q, Dimension::Phase).await?;
    let count_of = |code: &str, rows: &[(String, i64)]| rows.iter().find(|(c, _)| c == code).map_or(0, |(_, n)| *n as u64);
    tables.push(Table::counts(
        "fase",
        "Signalen per fase",
        "Fase",
        Phase::ALL.iter().map(|p| (p.label().to_string(), count_of(p.code(), &by_phase))).collect(),
        true,
    ));
    let domain_rows = tx.count_by(tenant, &q, Dimension::PolicyDomain).await?;
    tables.push(Table::counts(
        "beleidsdomein",
        "Signalen per beleidsdomein",
        "Beleidsdomein",
        named(domain_rows, "Nog geen beleidsdomein"),
        false,
    ));
    let life = tx.count_by(tenant, &q, Dimension::LifeDomain).await?;
    let mut t =
        Table::counts("levensdomein", "Signalen per levensdomein", "Levensdomein", labelled(life, |c| label_of(LIFE_DOMAINS, c)), false);
    t.note = "Een signaal kan bij meer dan één levensdomein horen.".to_string();
    tables.push(t);
    let groups = tx.count_by(tenant, &q, Dimension::TargetGroup).await?;
    let mut t = Table::counts("doelgroep", "Signalen per doelgroep", "Doelgroep", labelled(groups, |c| label_of(TARGET_GROUPS, c)), false);
    t.note = "Een signaal kan bij meer dan één doelgroep horen.".to_string();
    tables.push(t);
    let sectors = tx.count_by(tenant, &q, Dimension::Sector).await?;
    tables.push(Table::counts(
        "sector",
        "Signalen per soort organisatie",
        "Soort organisatie",
        labelled(sectors, |c| if c.is_empty() { "Burger (geen organisatie)".to_string() } else { label_of(ORGANISATION_KINDS, c) }),
        false,
    ));
    let districts = tx.count_by(tenant, &q, Dimension::District).await?;
    tables.push(Table::counts(
        "wijk",
        "Signalen per wijk of deelgemeente",
        "Wijk of deelgemeente",
        named(districts, "Niet opgegeven"),
        false,
    ));
    let sources = tx.count_by(tenant, &q, Dimension::Source).await?;
    tables.push(Table::counts(
        "burger-werker",
        "Burgers en werkers",
        "Gemeld door",
        vec![("Werkers".to_string(), count_of("worker", &sources)), ("Burgers".to_string(), count_of("citizen", &sources))],
        true,
    ));
    tables.push(lead_times(tx, tenant, &q).await?);
    let reasons = tx.count_by(tenant, &q, Dimension::NotRetained).await?;
    let mut t = Table::counts(
        "niet-weerhouden",
        "Niet weerhouden, en waarom",
        "Reden",
        labelled(reasons, |c| NotRetainedReason::from_code(c).map_or_else(|| "Onbekend".to_string(), |r| r.label().to_string())),
        false,
    );
    t.headers.push("Aandeel van alle signalen".to_string());
    for row in &mut t.rows {
        let n = row.cells[0].value().unwrap_or(0.0);
        row.cells.push(Cell::Percent(if received > 0 { n * 100.0 / received as f64 } else { 0.0 }));
    }
    tables.push(t);
    let outcomes = tx.count_by(tenant, &q, Dimension::Outcome).await?;
    tables.push(Table::counts(
        "afloop",
        "Afgeronde signalen per afloop",
        "Afloop",
        labelled(outcomes, |c| Outcome::from_code(c).map_or_else(|| "Onbekend".to_string(), |o| o.label().to_string())),
        false,
    ));
    let seen = tx.most_seen(tenant, &q, 10).await?;
    let mut t =
        Table::counts("meest-gezien", "Signalen die de meeste organisaties zagen", "Signaal", labelled(seen, str::to_string), false);
    t.headers[1] = "Organisaties".to_string();
    tables.push(t);

    if scope.protected {
        for table in &mut tables {
            let follow: Vec<usize> = (1..table.headers.len() - 1).collect();
            table.protect(0, &follow);
        }
    }
    let arrivals = tx.arrivals(tenant, &q).await?;
    let targets = tx
        .targets(tenant)
        .await?
        .into_iter()
        .map(|t| {
            let reached = match t.metric {
                Metric::Received => received as u64,
                Metric::Scheduled => count_of(Phase::Scheduled.code(), &arrivals),
                Metric::InAction => count_of(Phase::InAction.code(), &arrivals),
                Metric::Closed => count_of(Phase::Closed.code(), &arrivals),
            };
            t.weigh(&period, reached)
        })
        .collect();
    let received = if scope.protected { Cell::protected(received) } else { Cell::Count(received.max(0) as u64) };
    Ok(Dashboard { period, scope: scope_label, received, tables, targets, protected: scope.protected })
}

/// Lead time from Ingediend to the first arrival in each later phase.
async fn lead_times(tx: &mut dyn Tx, tenant: TenantId, q: &ReportQuery) -> Result<Table, AppError> {
    let times = tx.lead_times(tenant, q).await?;
    let rows = Phase::ALL
        .iter()
        .filter(|p| **p != Phase::Submitted)
        .filter_map(|p| times.iter().find(|t| t.phase == p.code()).map(|t| (p, t)))
        .map(|(p, t)| Row {
            label: p.label().to_string(),
            cells: vec![Cell::Count(t.signals as u64), Cell::Days(t.median as f64 / DAY), Cell::Days(t.p90 as f64 / DAY)],
        })
        .collect();
    Ok(Table {
        key: "doorlooptijd".to_string(),
        title: "Doorlooptijd vanaf Ingediend".to_string(),
        headers: vec!["Eerst bereikt".into(), "Signalen".into(), "Mediaan (dagen)".into(), "90e percentiel (dagen)".into()],
        rows,
        chart: Chart::None,
        note: "Dagen tot een signaal een fase voor het eerst bereikte; percentielen volgens de dichtstbijzijnde rang.".to_string(),
    })
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
