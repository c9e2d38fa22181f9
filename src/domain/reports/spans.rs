//! Which stored buckets add up to a report's period: whole months where
//! they fit, days at the edges (see `tally`).

use chrono::{Datelike, NaiveDate};

use super::period::Period;

/// How finely a stored tally is bucketed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grain {
    Day,
    Month,
}

impl Grain {
    pub const fn code(self) -> i64 {
        match self {
            Grain::Day => 0,
            Grain::Month => 1,
        }
    }

    /// The bucket a day falls in: days since the common era, or months.
    pub fn bucket(self, day: NaiveDate) -> i64 {
        match self {
            Grain::Day => day.num_days_from_ce() as i64,
            Grain::Month => day.year() as i64 * 12 + day.month0() as i64,
        }
    }
}

/// A run of buckets to add (`sign` 1) or take away (-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub grain: Grain,
    pub from: i64,
    pub to: i64,
    pub sign: i64,
}

/// The spans that add up to a period: whole months where they fit, else
/// days; a month of which only a few days fall outside is counted whole,
/// those days taken away again. No mark lies after `today`, so days after
/// it never need taking away.
pub fn spans(period: Period, today: NaiveDate) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut push = |grain: Grain, from: NaiveDate, to: NaiveDate, sign: i64| {
        let (from, to) = (grain.bucket(from), grain.bucket(to));
        match out.iter_mut().rev().find(|s| s.grain == grain && s.sign == sign) {
            Some(last) if last.to + 1 == from => last.to = to,
            _ => out.push(Span { grain, from, to, sign }),
        }
    };
    let mut start = NaiveDate::from_ymd_opt(period.from.year(), period.from.month(), 1).expect("first of the month");
    while start <= period.to {
        let end = start.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).expect("last of the month");
        let (lo, hi) = (start.max(period.from), end.min(period.to));
        let before = (start < lo).then(|| (start, lo.pred_opt().expect("a day before")));
        let after = (hi < end && hi < today).then(|| (hi.succ_opt().expect("a day after"), end.min(today)));
        let count = |span: Option<(NaiveDate, NaiveDate)>| span.map_or(0, |(a, b)| (b - a).num_days() + 1);
        let outside = count(before) + count(after);
        if outside == 0 {
            push(Grain::Month, start, start, 1);
        } else if outside + 1 < count(Some((lo, hi))) {
            push(Grain::Month, start, start, 1);
            for (a, b) in before.into_iter().chain(after) {
                push(Grain::Day, a, b, -1);
            }
        } else {
            push(Grain::Day, lo, hi, 1);
        }
        start = end.succ_opt().expect("next month");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn days(a: NaiveDate, b: NaiveDate, sign: i64) -> Span {
        Span { grain: Grain::Day, from: Grain::Day.bucket(a), to: Grain::Day.bucket(b), sign }
    }

    fn months(a: NaiveDate, b: NaiveDate) -> Span {
        Span { grain: Grain::Month, from: Grain::Month.bucket(a), to: Grain::Month.bucket(b), sign: 1 }
    }

    #[test]
    fn whole_months_are_read_as_months() {
        let half = Period { from: d(2026, 7, 1), to: d(2026, 12, 31) };
        assert_eq!(spans(half, d(2026, 12, 3)), [months(d(2026, 7, 1), d(2026, 12, 1))]);
    }

    #[test]
    fn the_last_two_years_take_a_few_days_away() {
        // 4 December 2024 up to today, 3 December 2026: December 2024 whole
        // minus its first three days; December 2026 holds nothing after today.
        let two = Period { from: d(2024, 12, 4), to: d(2026, 12, 3) };
        assert_eq!(spans(two, d(2026, 12, 3)), [months(d(2024, 12, 1), d(2026, 12, 1)), days(d(2024, 12, 1), d(2024, 12, 3), -1)]);
    }

    #[test]
    fn short_edges_are_read_as_days() {
        let p = Period { from: d(2026, 1, 28), to: d(2026, 3, 10) };
        assert_eq!(
            spans(p, d(2026, 12, 3)),
            [days(d(2026, 1, 28), d(2026, 1, 31), 1), months(d(2026, 2, 1), d(2026, 2, 1)), days(d(2026, 3, 1), d(2026, 3, 10), 1)]
        );
        let one_day = Period { from: d(2026, 3, 5), to: d(2026, 3, 5) };
        assert_eq!(spans(one_day, d(2026, 12, 3)), [days(d(2026, 3, 5), d(2026, 3, 5), 1)]);
        let most_of_march = Period { from: d(2026, 3, 2), to: d(2026, 3, 30) };
        assert_eq!(
            spans(most_of_march, d(2026, 12, 3)),
            [months(d(2026, 3, 1), d(2026, 3, 1)), days(d(2026, 3, 1), d(2026, 3, 1), -1), days(d(2026, 3, 31), d(2026, 3, 31), -1)]
        );
    }
}
