//! The period a report covers, chosen in the URL, in Europe/Brussels days.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::super::brussels;
use crate::domain::PolicyDomainId;

/// What the person chose; the dates follow from today.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodChoice {
    /// This half year: 1 January – 30 June or 1 July – 31 December.
    #[default]
    HalfYear,
    /// This calendar year.
    Year,
    /// The last two years, up to and including today.
    TwoYears,
    /// From – to, both days included.
    Custom,
}

impl PeriodChoice {
    pub const ALL: [PeriodChoice; 4] = [PeriodChoice::HalfYear, PeriodChoice::Year, PeriodChoice::TwoYears, PeriodChoice::Custom];

    pub const fn code(self) -> &'static str {
        match self {
            PeriodChoice::HalfYear => "halfjaar",
            PeriodChoice::Year => "jaar",
            PeriodChoice::TwoYears => "twee-jaar",
            PeriodChoice::Custom => "eigen",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            PeriodChoice::HalfYear => "Dit halfjaar",
            PeriodChoice::Year => "Dit jaar",
            PeriodChoice::TwoYears => "De laatste twee jaar",
            PeriodChoice::Custom => "Van – tot",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A span of whole days in Brussels time, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The period a choice means on `today` (a Brussels date).
    pub fn of(choice: PeriodChoice, today: NaiveDate, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Period, String> {
        let year = today.year();
        let day = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("a real day");
        Ok(match choice {
            PeriodChoice::HalfYear if today.month() <= 6 => Period { from: day(1, 1), to: day(6, 30) },
            PeriodChoice::HalfYear => Period { from: day(7, 1), to: day(12, 31) },
            PeriodChoice::Year => Period { from: day(1, 1), to: day(12, 31) },
            PeriodChoice::TwoYears => {
                let from = today.checked_sub_months(Months::new(24)).and_then(|d| d.succ_opt()).unwrap_or(today);
                Period { from, to: today }
            }
            PeriodChoice::Custom => match (from, to) {
                (Some(from), Some(to)) if from <= to => Period { from, to },
                (Some(_), Some(_)) => return Err("De begindatum valt na de einddatum.".to_string()),
                _ => return Err("Kies een begin- en een einddatum.".to_string()),
            },
        })
    }

    /// The instants it spans: Brussels midnight of `from` up to (not
    /// including) Brussels midnight after `to`.
    pub fn bounds(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = brussels::from_local(self.from.and_hms_opt(0, 0, 0).expect("midnight"));
        let after = self.to.succ_opt().unwrap_or(self.to);
        (start, brussels::from_local(after.and_hms_opt(0, 0, 0).expect("midnight")))
    }

    /// How many days it spans.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// "1 januari 2026 tot en met 30 juni 2026".
    pub fn label(&self) -> String {
        format!("{} tot en met {}", dutch_day(self.from), dutch_day(self.to))
    }
}

/// "1 januari 2026".
pub fn dutch_day(day: NaiveDate) -> String {
    const MONTHS: [&str; 12] =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    format!("{} {} {}", day.day(), MONTHS[day.month0() as usize], day.year())
}

/// The dashboard's filters, as they stand in the URL
/// (`?periode=jaar&domein=3`, `?periode=eigen&van=2026-01-01&tot=2026-03-31`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFilter {
    pub choice: PeriodChoice,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// One policy domain, or all the caller may see.
    pub domain: Option<PolicyDomainId>,
}

impl ReportFilter {
    /// Reads the query string's values; unknown values fall back to the defaults.
    pub fn parse(periode: Option<&str>, van: Option<&str>, tot: Option<&str>, domein: Option<&str>) -> ReportFilter {
        let date = |v: Option<&str>| v.and_then(|v| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok());
        ReportFilter {
            choice: periode.and_then(PeriodChoice::from_code).unwrap_or_default(),
            from: date(van),
            to: date(tot),
            domain: domein.and_then(|d| d.trim().parse::<i64>().ok()).map(PolicyDomainId),
        }
    }

    /// The query string that reproduces this filter (without `?`).
    pub fn query(&self) -> String {
        let mut parts = vec![format!("periode={}", self.choice.code())];
        if self.choice == PeriodChoice::Custom {
            if let Some(from) = self.from {
                parts.push(format!("van={from}"));
            }
            if let Some(to) = self.to {
                parts.push(format!("tot={to}"));
            }
        }
        if let Some(domain) = self.domain {
            parts.push(format!("domein={}", domain.0));
        }
        parts.join("&")
    }

    /// The period on `today`, or why the chosen dates make none.
    pub fn period(&self, today: NaiveDate) -> Result<Period, String> {
        Period::of(self.choice, today, self.from, self.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_follow_from_today() {
        let today = d(2026, 12, 3);
        assert_eq!(Period::of(PeriodChoice::HalfYear, today, None, None).unwrap(), Period { from: d(2026, 7, 1), to: d(2026, 12, 31) });
        assert_eq!(Period::of(PeriodChoice::HalfYear, d(2026, 6, 30), None, None).unwrap().from, d(2026, 1, 1));
        assert_eq!(Period::of(PeriodChoice::Year, today, None, None).unwrap(), Period { from: d(2026, 1, 1), to: d(2026, 12, 31) });
        let two = Period::of(PeriodChoice::TwoYears, today, None, None).unwrap();
        assert_eq!(two, Period { from: d(2024, 12, 4), to: today });
        assert_eq!(two.days(), 730);
        assert!(Period::of(PeriodChoice::Custom, today, Some(d(2026, 2, 1)), Some(d(2026, 1, 1))).is_err());
        assert!(Period::of(PeriodChoice::Custom, today, None, Some(d(2026, 1, 1))).is_err());
    }

    #[test]
    fn bounds_are_brussels_midnights() {
        // Winter: UTC+1, summer: UTC+2.
        let p = Period { from: d(2026, 1, 1), to: d(2026, 6, 30) };
        let (start, end) = p.bounds();
        assert_eq!(start.to_rfc3339(), "2025-12-31T23:00:00+00:00");
        assert_eq!(end.to_rfc3339(), "2026-06-30T22:00:00+00:00");
    }

    #[test]
    fn the_filter_round_trips_through_the_url() {
        let f = ReportFilter::parse(Some("eigen"), Some("2026-01-01"), Some("2026-03-31"), Some("4"));
        assert_eq!(f.query(), "periode=eigen&van=2026-01-01&tot=2026-03-31&domein=4");
        assert_eq!(ReportFilter::parse(Some("onzin"), None, None, Some("x")), ReportFilter::default());
        assert_eq!(Period { from: d(2026, 1, 1), to: d(2026, 6, 30) }.label(), "1 januari 2026 tot en met 30 juni 2026");
    }
}
