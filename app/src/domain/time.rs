//! Dates and times: stored in UTC, shown in the programme's time zone with Belgian formats.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::i18n::Lang;

/// The programme's time zone unless configured otherwise.
pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::Europe::Brussels;

/// Parses the IANA name of one of Klik's time zones: Europe's (`Europe/Brussels`) and `UTC`.
/// The browser's bundle holds only these (`CHRONO_TZ_TIMEZONE_FILTER` in the Makefile;
/// the world's table costs a buddy's phone about 100 KB of download), so the server accepts
/// no other: a programme elsewhere would see wrong times in the browser.
pub fn parse_time_zone(name: &str) -> Option<Tz> {
    let name = name.trim();
    if !(name.starts_with("Europe/") || name == "UTC") {
        return None;
    }
    name.parse().ok()
}

/// The calendar date in the programme's time zone at an instant.
pub fn local_date(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

/// The wall-clock time in the programme's time zone at an instant.
pub fn local_date_time(at: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    at.with_timezone(&tz).naive_local()
}

/// The instant of a wall-clock time in the programme's time zone. In the autumn's doubled
/// hour the first one counts; a time skipped in spring moves on by the hour that was skipped.
pub fn to_utc(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    match tz.from_local_datetime(&local).earliest() {
        Some(at) => at.with_timezone(&Utc),
        None => to_utc(local + chrono::Duration::hours(1), tz),
    }
}

/// A day and a time, for a phone: `vr 27 nov 14:30`, `Fri 27 Nov 14:30`.
pub fn format_day_time(at: NaiveDateTime, lang: Lang) -> String {
    let (t, date) = (lang.texts(), at.date());
    format!(
        "{} {} {} {}",
        t.weekdays_short[date.weekday().num_days_from_monday() as usize],
        date.day(),
        t.months_short[date.month0() as usize],
        at.format("%H:%M")
    )
}

/// Short Belgian date: `27/11/2026`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Long date with day and month names: `vrijdag 27 november 2026`, `Friday 27 November 2026`.
pub fn format_date_long(date: NaiveDate, lang: Lang) -> String {
    let t = lang.texts();
    format!(
        "{} {} {} {}",
        t.weekdays[date.weekday().num_days_from_monday() as usize],
        date.day(),
        t.months[date.month0() as usize],
        date.year()
    )
}

/// Short Belgian date and 24-hour time in the programme's time zone: `27/11/2026 14:05`.
pub fn format_date_time(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%d/%m/%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_round_trip_through_daylight_saving() {
        let tz = DEFAULT_TIME_ZONE;
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        // Winter: one hour ahead of UTC; summer: two.
        assert_eq!(
            to_utc(at("2026-11-27 14:30"), tz).to_rfc3339(),
            "2026-11-27T13:30:00+00:00"
        );
        assert_eq!(
            to_utc(at("2026-07-01 14:30"), tz).to_rfc3339(),
            "2026-07-01T12:30:00+00:00"
        );
        // 29 March 2026, 02:30 does not exist in Brussels: it becomes 03:30 summer time.
        assert_eq!(
            to_utc(at("2026-03-29 02:30"), tz).to_rfc3339(),
            "2026-03-29T01:30:00+00:00"
        );
        // 25 October 2026, 02:30 happens twice: the first (summer time) counts.
        assert_eq!(
            to_utc(at("2026-10-25 02:30"), tz).to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
        let local = at("2026-11-27 14:30");
        assert_eq!(local_date_time(to_utc(local, tz), tz), local);
        assert_eq!(format_day_time(local, Lang::Nl), "vr 27 nov 14:30");
        assert_eq!(format_day_time(local, Lang::En), "Fri 27 Nov 14:30");
        let march = at("2026-03-01 09:05");
        assert_eq!(format_day_time(march, Lang::Nl), "zo 1 mrt 09:05");
    }

    #[test]
    fn dates_use_the_belgian_order() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(format_date(date), "07/03/2026");
        assert_eq!(format_date_long(date, Lang::Nl), "zaterdag 7 maart 2026");
        assert_eq!(format_date_long(date, Lang::En), "Saturday 7 March 2026");
    }

    #[test]
    fn times_follow_summer_and_winter_time_in_brussels() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 13, 5, 0).unwrap();
        assert_eq!(
            format_date_time(winter, DEFAULT_TIME_ZONE),
            "15/01/2026 14:05"
        );
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 13, 5, 0).unwrap();
        assert_eq!(
            format_date_time(summer, DEFAULT_TIME_ZONE),
            "15/07/2026 15:05"
        );
        // The night the clocks go forward (29 March 2026, 02:00 becomes 03:00).
        let jump = Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap();
        assert_eq!(
            format_date_time(jump, DEFAULT_TIME_ZONE),
            "29/03/2026 03:30"
        );
    }

    #[test]
    fn the_local_date_changes_at_local_midnight() {
        let late = Utc.with_ymd_and_hms(2026, 11, 27, 23, 30, 0).unwrap();
        assert_eq!(
            local_date(late, DEFAULT_TIME_ZONE),
            NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
        );
        assert_eq!(local_date(late, chrono_tz::UTC), late.date_naive());
    }

    #[test]
    fn time_zones_are_parsed_by_name() {
        assert_eq!(
            parse_time_zone(" Europe/Brussels "),
            Some(DEFAULT_TIME_ZONE)
        );
        assert_eq!(parse_time_zone("Mars/Olympus"), None);
        assert_eq!(parse_time_zone("UTC"), Some(chrono_tz::UTC));
        assert_eq!(
            parse_time_zone("Europe/Amsterdam"),
            Some(chrono_tz::Europe::Amsterdam)
        );
        // A zone outside Europe: real, but not in the browser's table.
        assert_eq!(parse_time_zone("America/New_York"), None);
        assert_eq!(parse_time_zone("Europe/../America/New_York"), None);
    }
}
