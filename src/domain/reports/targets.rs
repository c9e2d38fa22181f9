//! The tenant's own targets ("minstens 2 signalen jaarlijks uitgewerkt",
//! seed 002), set by the hoofdsignaalverwerker per year and weighed against
//! what happened in the chosen period.

use serde::{Deserialize, Serialize};

use super::period::Period;

/// What a target counts. Each is a signal reaching a phase in the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Metric {
    /// Signals received.
    Received,
    /// Signals put on the agenda of a meeting (first arrival in Geagendeerd).
    Scheduled,
    /// Signals worked out in an action plan (first arrival in In actie).
    InAction,
    /// Signals closed (first arrival in Afgerond).
    Closed,
}

impl Metric {
    pub const ALL: [Metric; 4] = [Metric::Received, Metric::Scheduled, Metric::InAction, Metric::Closed];

    pub const fn code(self) -> &'static str {
        match self {
            Metric::Received => "ontvangen",
            Metric::Scheduled => "geagendeerd",
            Metric::InAction => "actieplan",
            Metric::Closed => "afgerond",
        }
    }

    pub fn from_code(code: &str) -> Option<Metric> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    /// "signalen per jaar uitgewerkt in een actieplan".
    pub const fn label(self) -> &'static str {
        match self {
            Metric::Received => "signalen ontvangen",
            Metric::Scheduled => "signalen geagendeerd op een overleg",
            Metric::InAction => "signalen uitgewerkt in een actieplan",
            Metric::Closed => "signalen afgerond",
        }
    }
}

/// A target as set: at least `per_year` of `metric` a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub metric: Metric,
    pub per_year: u32,
}

/// A target weighed against one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetResult {
    pub metric: Metric,
    pub per_year: u32,
    /// The target scaled to the period's length, rounded up.
    pub expected: u32,
    pub reached: u64,
    pub met: bool,
    /// "Minstens 2 signalen uitgewerkt in een actieplan per jaar: 3 van de 1 in deze periode."
    pub sentence: String,
}

impl Target {
    /// Weighs the target: a year's target over a half year expects half.
    pub fn weigh(&self, period: &Period, reached: u64) -> TargetResult {
        let expected = ((self.per_year as i64 * period.days()) as f64 / 365.0).ceil().max(0.0) as u32;
        let met = reached >= expected as u64;
        let sentence = format!(
            "Doel: minstens {} {} per jaar, dus {} in deze periode. Gehaald: {}{}",
            self.per_year,
            self.metric.label(),
            expected,
            reached,
            if met { " (behaald)." } else { " (nog niet behaald)." }
        );
        TargetResult { metric: self.metric, per_year: self.per_year, expected, reached, met, sentence }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_yearly_target_scales_to_the_period() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let half = Period { from: d(1, 1), to: d(6, 30) };
        let r = Target { metric: Metric::InAction, per_year: 2 }.weigh(&half, 1);
        assert_eq!((r.expected, r.met), (1, true));
        let year = Period { from: d(1, 1), to: d(12, 31) };
        let r = Target { metric: Metric::InAction, per_year: 2 }.weigh(&year, 1);
        assert_eq!((r.expected, r.met), (2, false));
        assert!(r.sentence.contains("nog niet behaald"));
    }
}
