//! Column limits and the screening deadline of a tenant's board: a soft limit
//! per column (a column holding more is marked, nothing is refused), and how
//! many days a signal may wait in Ingediend before it is marked and its
//! processors get one reminder.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::Phase;

/// The largest soft limit of a column.
pub const MAX_COLUMN_LIMIT: u32 = 10_000;
/// The longest screening deadline, in days.
pub const MAX_SCREENING_DAYS: u32 = 365;

/// The phases whose column may have a soft limit: the working columns.
/// Afgerond, Niet weerhouden and Ingetrokken only grow, so they have none.
pub fn limited_phases() -> impl Iterator<Item = Phase> {
    Phase::ALL.into_iter().filter(|p| !p.is_side_branch() && *p != Phase::Closed)
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardLimits {
    /// Soft limits per phase; a phase not listed has none.
    pub columns: Vec<(Phase, u32)>,
    /// Days a signal may stay Ingediend; None: no deadline.
    pub screening_days: Option<u32>,
}

impl BoardLimits {
    /// The soft limit of this column, if it has one.
    pub fn limit(&self, phase: Phase) -> Option<u32> {
        self.columns.iter().find(|(p, _)| *p == phase).map(|(_, n)| *n)
    }

    /// The limit this column is over, holding `count` signals (at the limit is fine).
    pub fn over_limit(&self, phase: Phase, count: i64) -> Option<u32> {
        self.limit(phase).filter(|limit| count > i64::from(*limit))
    }

    /// The moment before which a signal submitted is overdue now.
    pub fn screening_cutoff(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.screening_days.map(|days| now - Duration::days(i64::from(days)))
    }

    /// How many whole days a signal in `phase`, submitted at `created_at`,
    /// has waited for screening, when that is longer than the deadline.
    pub fn overdue_days(&self, phase: Phase, created_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<i64> {
        let cutoff = self.screening_cutoff(now)?;
        (phase == Phase::Submitted && created_at < cutoff).then(|| (now - created_at).num_days())
    }

    /// The settings form's fields as typed: per phase a number or nothing,
    /// and the deadline in days or nothing. A Dutch message for the first mistake.
    pub fn parse<'a>(columns: impl IntoIterator<Item = (Phase, &'a str)>, screening_days: &str) -> Result<BoardLimits, String> {
        let mut limits = BoardLimits::default();
        for (phase, typed) in columns {
            if !limited_phases().any(|p| p == phase) {
                continue;
            }
            let what = format!("De zachte limiet van ‘{}’", phase.label());
            if let Some(n) = whole_number(typed, &what, MAX_COLUMN_LIMIT)? {
                limits.columns.push((phase, n));
            }
        }
        limits.screening_days = whole_number(screening_days, "De screeningstermijn", MAX_SCREENING_DAYS)?;
        Ok(limits)
    }
}

/// Empty: None; otherwise a whole number from 1 to `max`.
fn whole_number(typed: &str, what: &str, max: u32) -> Result<Option<u32>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match typed.parse::<u64>() {
        Ok(n) if n >= 1 && n <= u64::from(max) => Ok(Some(n as u32)),
        _ => Err(format!("{what} moet een heel getal van 1 tot {max} zijn, of leeg (geen). Je typte ‘{typed}’.")),
    }
}

/// "Boven de limiet van 10", for a column over its limit.
pub fn over_limit_text(limit: u32) -> String {
    format!("Boven de limiet van {limit}")
}

/// "Wacht al 12 dagen op screening", for an overdue card.
pub fn overdue_text(days: i64) -> String {
    if days == 1 { "Wacht al 1 dag op screening".into() } else { format!("Wacht al {days} dagen op screening") }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn a_column_is_over_its_limit_only_when_it_holds_more() {
        let limits = BoardLimits { columns: vec![(Phase::Submitted, 10)], screening_days: None };
        assert_eq!(limits.over_limit(Phase::Submitted, 9), None);
        assert_eq!(limits.over_limit(Phase::Submitted, 10), None);
        assert_eq!(limits.over_limit(Phase::Submitted, 11), Some(10));
        // No limit, never over.
        assert_eq!(limits.over_limit(Phase::InScreening, 5000), None);
        assert_eq!(over_limit_text(10), "Boven de limiet van 10");
    }

    #[test]
    fn a_signal_is_overdue_when_it_waited_longer_than_the_deadline_in_ingediend() {
        let limits = BoardLimits { columns: vec![], screening_days: Some(10) };
        let now = at(20, 12);
        assert_eq!(limits.overdue_days(Phase::Submitted, at(10, 13), now), None, "9 days and 23 hours");
        assert_eq!(limits.overdue_days(Phase::Submitted, at(10, 12), now), None, "exactly the deadline");
        assert_eq!(limits.overdue_days(Phase::Submitted, at(10, 11), now), Some(10));
        assert_eq!(limits.overdue_days(Phase::Submitted, at(8, 9), now), Some(12));
        // Only Ingediend waits for screening.
        assert_eq!(limits.overdue_days(Phase::InScreening, at(1, 9), now), None);
        // Without a deadline nothing is overdue.
        assert_eq!(BoardLimits::default().overdue_days(Phase::Submitted, at(1, 9), now), None);
        assert_eq!(overdue_text(12), "Wacht al 12 dagen op screening");
        assert_eq!(overdue_text(1), "Wacht al 1 dag op screening");
    }

    #[test]
    fn the_form_takes_positive_whole_numbers_or_nothing() {
        let parsed = BoardLimits::parse([(Phase::Submitted, " 10 "), (Phase::InScreening, ""), (Phase::Retained, "3")], "14").unwrap();
        assert_eq!(parsed, BoardLimits { columns: vec![(Phase::Submitted, 10), (Phase::Retained, 3)], screening_days: Some(14) });
        assert_eq!(BoardLimits::parse([], "").unwrap(), BoardLimits::default());
        // Columns without limits are ignored.
        assert_eq!(BoardLimits::parse([(Phase::Closed, "5"), (Phase::Withdrawn, "x")], "").unwrap(), BoardLimits::default());
        for bad in ["0", "-3", "2,5", "tien", "10001"] {
            let error = BoardLimits::parse([(Phase::Submitted, bad)], "").unwrap_err();
            assert!(error.starts_with("De zachte limiet van ‘Ingediend’ moet een heel getal van 1 tot 10000 zijn"), "{bad}: {error}");
        }
        for bad in ["0", "366", "1.5"] {
            let error = BoardLimits::parse([], bad).unwrap_err();
            assert!(error.starts_with("De screeningstermijn moet een heel getal van 1 tot 365 zijn"), "{bad}: {error}");
        }
        assert!(!limited_phases().any(|p| matches!(p, Phase::Closed | Phase::NotRetained | Phase::Withdrawn)));
        assert_eq!(limited_phases().count(), 7);
    }
}
