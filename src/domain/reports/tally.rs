//! The dashboard's pre-counted figures. Each signal leaves marks (its phase,
//! its life domains, when it first reached each phase, …) on the Brussels day
//! it was received, or for an arrival the day it arrived. The storage keeps
//! each signal's marks and adds them up per day and per month, per policy
//! domain and for all; a period is then read as a few month and day spans
//! instead of every signal. Pure: what a signal marks, which spans cover a
//! period, and the lead-time percentiles of a histogram.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::period::Period;
pub use super::spans::{Grain, Span, spans};
use crate::domain::{PolicyDomainId, brussels};

/// Tallies, each counted per key.
pub mod kind {
    /// Key "": every signal received.
    pub const RECEIVED: &str = "received";
    /// Key: the current phase code.
    pub const PHASE: &str = "phase";
    /// Key: the policy domain's id ("" without one).
    pub const DOMAIN: &str = "domain";
    pub const LIFE_DOMAIN: &str = "life";
    pub const TARGET_GROUP: &str = "group";
    /// Key: the reporting organisation's kind ("" for citizens).
    pub const SECTOR: &str = "sector";
    /// Key: the district as given ("" when not).
    pub const DISTRICT: &str = "district";
    /// Key: "worker" or "citizen".
    pub const SOURCE: &str = "source";
    /// Key: why, of the signals now Niet weerhouden.
    pub const NOT_RETAINED: &str = "reason";
    /// Key: how it ended, of the signals now Afgerond.
    pub const OUTCOME: &str = "outcome";
    /// Key "phase:days": whole days from submission to the first arrival.
    pub const LEAD: &str = "lead";
    /// Key: the phase, on the day it was first reached (for the targets).
    pub const ARRIVED: &str = "arrived";
}

/// Everything about a signal that the dashboard counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignalState {
    /// Shown in the most-seen list; never counted.
    pub title: String,
    pub received: DateTime<Utc>,
    pub domain: Option<PolicyDomainId>,
    pub phase: String,
    pub sector: Option<String>,
    pub district: String,
    pub source: String,
    pub life_domains: Vec<String>,
    pub target_groups: Vec<String>,
    /// The reason or outcome of the event that brought it to its phase.
    pub reason: Option<String>,
    pub outcome: Option<String>,
    /// First arrivals: phase, when, seconds after submission.
    pub arrivals: Vec<(String, DateTime<Utc>, i64)>,
    /// How many organisations saw it (the reporter's and sightings).
    pub seen_by: i64,
}

/// One mark a signal leaves on a day.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mark {
    #[serde(rename = "d")]
    pub day: NaiveDate,
    #[serde(rename = "t")]
    pub tally: String,
    #[serde(rename = "k")]
    pub key: String,
}

const DAY_SECONDS: i64 = 86_400;

/// The Brussels day of an instant.
pub fn day_of(at: DateTime<Utc>) -> NaiveDate {
    brussels::local(at).date()
}

/// What a signal in this state marks.
pub fn marks(s: &SignalState) -> Vec<Mark> {
    let day = day_of(s.received);
    let mark = |tally: &str, key: &str| Mark { day, tally: tally.to_string(), key: key.to_string() };
    let mut out = vec![
        mark(kind::RECEIVED, ""),
        mark(kind::PHASE, &s.phase),
        mark(kind::DOMAIN, &s.domain.map(|d| d.0.to_string()).unwrap_or_default()),
        mark(kind::SECTOR, s.sector.as_deref().unwrap_or("")),
        mark(kind::DISTRICT, &s.district),
        mark(kind::SOURCE, &s.source),
    ];
    out.extend(s.life_domains.iter().map(|c| mark(kind::LIFE_DOMAIN, c)));
    out.extend(s.target_groups.iter().map(|c| mark(kind::TARGET_GROUP, c)));
    if s.phase == crate::domain::Phase::NotRetained.code() {
        out.push(mark(kind::NOT_RETAINED, s.reason.as_deref().unwrap_or("")));
    }
    if s.phase == crate::domain::Phase::Closed.code() {
        out.push(mark(kind::OUTCOME, s.outcome.as_deref().unwrap_or("")));
    }
    for (phase, at, seconds) in &s.arrivals {
        out.push(mark(kind::LEAD, &format!("{phase}:{}", seconds.max(&0) / DAY_SECONDS)));
        out.push(Mark { day: day_of(*at), tally: kind::ARRIVED.to_string(), key: phase.clone() });
    }
    out.sort();
    out
}

/// The scope a stored tally counts for: every domain, or one.
pub const ALL_DOMAINS: i64 = 0;

/// Where a signal's marks are added: each grain, for all domains and for
/// its own.
pub fn scopes_of(domain: Option<PolicyDomainId>) -> Vec<i64> {
    let mut scopes = vec![ALL_DOMAINS];
    scopes.extend(domain.map(|d| d.0));
    scopes
}

/// Whether a signal in `domain` counts when reading `domains` (`None`: all).
pub fn in_scope(domain: Option<PolicyDomainId>, domains: Option<&[PolicyDomainId]>) -> bool {
    domains.is_none_or(|ds| domain.is_some_and(|d| ds.contains(&d)))
}

/// Summed tallies: (tally, key) → number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tallies(pub HashMap<(String, String), i64>);

impl Tallies {
    pub fn add(&mut self, tally: &str, key: &str, n: i64) {
        *self.0.entry((tally.to_string(), key.to_string())).or_default() += n;
    }

    /// The keys of one tally with their numbers, zeros left out, by key.
    pub fn of(&self, tally: &str) -> Vec<(String, i64)> {
        let mut rows: Vec<(String, i64)> =
            self.0.iter().filter(|((t, _), n)| t == tally && **n != 0).map(|((_, k), n)| (k.clone(), *n)).collect();
        rows.sort();
        rows
    }

    pub fn count(&self, tally: &str, key: &str) -> i64 {
        self.0.get(&(tally.to_string(), key.to_string())).copied().unwrap_or(0)
    }

    /// Corrects tallies read from storage for a signal not counted yet:
    /// what it was counted as goes, what it is now comes, within the period
    /// and the domains read (`None`: all).
    pub fn correct(&mut self, old: Option<&Counted>, new: Option<&Counted>, period: Period, domains: Option<&[PolicyDomainId]>) {
        for (counted, sign) in [(old, -1), (new, 1)] {
            let Some(c) = counted.filter(|c| in_scope(c.domain, domains)) else { continue };
            for mark in c.marks.iter().filter(|m| m.day >= period.from && m.day <= period.to) {
                self.add(&mark.tally, &mark.key, sign);
            }
        }
    }

    /// Lead times per phase: signals, and the nearest-rank median and 90th
    /// percentile in whole days.
    pub fn lead_times(&self) -> Vec<LeadTime> {
        let mut by_phase: HashMap<String, Vec<(i64, i64)>> = HashMap::new();
        for (phase_days, n) in self.of(kind::LEAD) {
            let Some((phase, days)) = phase_days.rsplit_once(':') else { continue };
            let Ok(days) = days.parse::<i64>() else { continue };
            by_phase.entry(phase.to_string()).or_default().push((days, n));
        }
        let mut out: Vec<LeadTime> = by_phase
            .into_iter()
            .map(|(phase, mut histogram)| {
                histogram.sort();
                let signals: i64 = histogram.iter().map(|(_, n)| n).sum();
                let at_rank = |p: i64| {
                    let rank = ((p * signals + 99) / 100).max(1);
                    let mut seen = 0;
                    histogram
                        .iter()
                        .find(|(_, n)| {
                            seen += n;
                            seen >= rank
                        })
                        .map_or(0, |(days, _)| *days)
                };
                LeadTime { median: at_rank(50), p90: at_rank(90), phase, signals }
            })
            .collect();
        out.sort_by(|a, b| a.phase.cmp(&b.phase));
        out
    }
}

/// A signal as counted: its marks and what the most-seen list needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counted {
    pub day: NaiveDate,
    pub domain: Option<PolicyDomainId>,
    pub seen_by: i64,
    pub marks: Vec<Mark>,
}

impl Counted {
    pub fn of(state: &SignalState) -> Counted {
        Counted { day: day_of(state.received), domain: state.domain, seen_by: state.seen_by, marks: marks(state) }
    }
}

/// A stored tally's address.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TallyKey {
    pub scope: i64,
    pub grain: Grain,
    pub bucket: i64,
    pub tally: String,
    pub key: String,
}

/// What changes in the stored tallies when a signal counted as `old` is
/// counted as `new` (either may be nothing).
pub fn difference(old: Option<&Counted>, new: Option<&Counted>, into: &mut std::collections::BTreeMap<TallyKey, i64>) {
    for (counted, sign) in [(old, -1), (new, 1)] {
        let Some(c) = counted else { continue };
        for scope in scopes_of(c.domain) {
            for mark in &c.marks {
                for grain in [Grain::Day, Grain::Month] {
                    let key = TallyKey { scope, grain, bucket: grain.bucket(mark.day), tally: mark.tally.clone(), key: mark.key.clone() };
                    *into.entry(key).or_default() += sign;
                }
            }
        }
    }
    into.retain(|_, n| *n != 0);
}

/// Lead time to one phase, in whole days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadTime {
    pub phase: String,
    pub signals: i64,
    pub median: i64,
    pub p90: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_signal_marks_its_day_and_its_arrivals() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let s = SignalState {
            title: "Wachtlijst".into(),
            // 00:30 in Brussels on 1 January.
            received: at("2025-12-31T23:30:00Z"),
            domain: Some(PolicyDomainId(4)),
            phase: "not_retained".into(),
            sector: Some("ocmw".into()),
            district: "Ledeberg".into(),
            source: "worker".into(),
            life_domains: vec!["wonen".into()],
            target_groups: vec![],
            reason: Some("klacht".into()),
            outcome: None,
            arrivals: vec![("screening".into(), at("2026-01-03T10:00:00Z"), 2 * 86_400 + 3600 * 10 + 1800)],
            seen_by: 1,
        };
        let marks = marks(&s);
        let has = |day: NaiveDate, t: &str, k: &str| marks.contains(&Mark { day, tally: t.into(), key: k.into() });
        assert!(has(d(2026, 1, 1), kind::RECEIVED, ""));
        assert!(has(d(2026, 1, 1), kind::DOMAIN, "4"));
        assert!(has(d(2026, 1, 1), kind::NOT_RETAINED, "klacht"));
        assert!(has(d(2026, 1, 1), kind::LEAD, "screening:2"));
        assert!(has(d(2026, 1, 3), kind::ARRIVED, "screening"));
        assert!(!marks.iter().any(|m| m.tally == kind::OUTCOME));
        assert_eq!(scopes_of(s.domain), [ALL_DOMAINS, 4]);
    }

    #[test]
    fn lead_times_are_nearest_rank_over_the_histogram() {
        let mut t = Tallies::default();
        // 1, 2, 3, 4, 5, 10 days: median rank 3 → 3, p90 rank 6 → 10.
        for days in [1, 2, 3, 4, 5, 10] {
            t.add(kind::LEAD, &format!("screening:{days}"), 1);
        }
        t.add(kind::LEAD, "closed:7", 3);
        t.add(kind::LEAD, "closed:9", 0);
        let lead = t.lead_times();
        assert_eq!(lead[0], LeadTime { phase: "closed".into(), signals: 3, median: 7, p90: 7 });
        assert_eq!(lead[1], LeadTime { phase: "screening".into(), signals: 6, median: 3, p90: 10 });
    }
}
