//! Dates as people in Belgium read them: Brussels time, day-month-year.

use chrono::{DateTime, Datelike, Timelike, Utc};

use crate::domain::brussels::offset as brussels_offset;

// Written out rather than with chrono's `format`: its format-string
// machinery weighs about 10 KB in the browser's bundle.

/// "22-11-2026 14:05"
pub fn date_time(at: DateTime<Utc>) -> String {
    let local = at + brussels_offset(at);
    format!("{} {:02}:{:02}", date_of(local), local.hour(), local.minute())
}

/// "22-11-2026"
pub fn date(at: DateTime<Utc>) -> String {
    date_of(at + brussels_offset(at))
}

fn date_of(local: DateTime<Utc>) -> String {
    format!("{:02}-{:02}-{:04}", local.day(), local.month(), local.year())
}

/// "donderdag 11 maart 2027"
pub fn long_date(at: DateTime<Utc>) -> String {
    const DAYS: [&str; 7] = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
    const MONTHS: [&str; 12] =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    let local = at + brussels_offset(at);
    format!(
        "{} {} {} {}",
        DAYS[local.weekday().num_days_from_monday() as usize],
        local.day(),
        MONTHS[local.month0() as usize],
        local.year()
    )
}

/// "14:00"
pub fn time(at: DateTime<Utc>) -> String {
    let local = at + brussels_offset(at);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// "vandaag", "1 dag", "12 dagen"
pub fn age(since: DateTime<Utc>, now: DateTime<Utc>) -> String {
    match (now - since).num_days() {
        d if d <= 0 => "vandaag".to_string(),
        1 => "1 dag".to_string(),
        d => format!("{d} dagen"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn summer_and_winter_time_in_brussels() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
        assert_eq!(date_time(winter), "15-01-2026 13:00");
        assert_eq!(date_time(summer), "15-07-2026 14:00");
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert_eq!(date_time(before), "29-03-2026 01:59");
        assert_eq!(date_time(after), "29-03-2026 03:00");
        let autumn = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert_eq!(date_time(autumn), "25-10-2026 02:00");
        assert_eq!(date(Utc.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).unwrap()), "01-01-2027");
    }

    #[test]
    fn ages_read_naturally() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        assert_eq!(age(now, now), "vandaag");
        assert_eq!(age(now - Duration::days(1), now), "1 dag");
        assert_eq!(age(now - Duration::days(30), now), "30 dagen");
    }
}
