//! Europe/Brussels time, for dates people read and meetings they plan:
//! UTC+1, and UTC+2 from the last Sunday of March to the last Sunday of
//! October, switching at 01:00 UTC (the EU summer-time rule). Written out
//! rather than with a time-zone database, which would weigh on the browser.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};

/// How far Brussels is ahead of UTC at this moment.
pub fn offset(at: DateTime<Utc>) -> Duration {
    let last_sunday = |month: u32| {
        let first_next =
            if month == 12 { NaiveDate::from_ymd_opt(at.year() + 1, 1, 1) } else { NaiveDate::from_ymd_opt(at.year(), month + 1, 1) }
                .expect("valid date");
        let mut day = first_next.pred_opt().expect("valid date");
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().expect("valid date");
        }
        Utc.from_utc_datetime(&day.and_hms_opt(1, 0, 0).expect("valid time"))
    };
    if at >= last_sunday(3) && at < last_sunday(10) { Duration::hours(2) } else { Duration::hours(1) }
}

/// The wall-clock time in Brussels.
pub fn local(at: DateTime<Utc>) -> NaiveDateTime {
    (at + offset(at)).naive_utc()
}

/// The moment a Brussels wall-clock time names; in the hour skipped in
/// spring, the moment just after it; in the hour repeated in autumn, the first.
pub fn from_local(local: NaiveDateTime) -> DateTime<Utc> {
    let as_utc = Utc.from_utc_datetime(&local);
    for hours in [2, 1] {
        let candidate = as_utc - Duration::hours(hours);
        if offset(candidate) == Duration::hours(hours) {
            return candidate;
        }
    }
    as_utc - Duration::hours(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_clock_times_round_trip_across_summer_time() {
        let winter = NaiveDate::from_ymd_opt(2027, 1, 14).unwrap().and_hms_opt(14, 0, 0).unwrap();
        let summer = NaiveDate::from_ymd_opt(2027, 6, 14).unwrap().and_hms_opt(14, 0, 0).unwrap();
        assert_eq!(from_local(winter), Utc.with_ymd_and_hms(2027, 1, 14, 13, 0, 0).unwrap());
        assert_eq!(from_local(summer), Utc.with_ymd_and_hms(2027, 6, 14, 12, 0, 0).unwrap());
        assert_eq!(local(from_local(winter)), winter);
        assert_eq!(local(from_local(summer)), summer);
        // 2027-10-31 02:30 happens twice: the first (summer time) is taken.
        let twice = NaiveDate::from_ymd_opt(2027, 10, 31).unwrap().and_hms_opt(2, 30, 0).unwrap();
        assert_eq!(from_local(twice), Utc.with_ymd_and_hms(2027, 10, 31, 0, 30, 0).unwrap());
    }
}
