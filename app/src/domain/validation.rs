//! Field validation shared by the browser (instant messages) and the server (authoritative).

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// What is wrong with one field; the interface words it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    OutOfRange {
        min: i64,
        max: i64,
    },
    Invalid,
    /// A password that is common or easy to guess.
    Guessable,
    /// Unique value already used by another record (an e-mail address).
    AlreadyUsed,
}

/// Trims a free-text field and checks its length in characters (not bytes).
pub fn text(value: &str, min: usize, max: usize) -> Result<String, Problem> {
    let trimmed = value.trim();
    let len = trimmed.chars().count();
    if len == 0 && min > 0 {
        Err(Problem::Required)
    } else if len < min {
        Err(Problem::TooShort { min })
    } else if len > max {
        Err(Problem::TooLong { max })
    } else {
        Ok(trimmed.to_owned())
    }
}

/// Checks that a whole number lies within `min..=max`.
pub fn in_range(value: i64, min: i64, max: i64) -> Result<i64, Problem> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Problem::OutOfRange { min, max })
    }
}

/// How date fields (`<input type="date">`) send a date, and how forms show one.
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// A date as a date field sends it; blank is `None`.
pub fn optional_date(value: &str) -> Result<Option<NaiveDate>, Problem> {
    match value.trim() {
        "" => Ok(None),
        v => NaiveDate::parse_from_str(v, DATE_FORMAT)
            .map(Some)
            .map_err(|_| Problem::Invalid),
    }
}

/// A date that must be given.
pub fn date(value: &str) -> Result<NaiveDate, Problem> {
    optional_date(value)?.ok_or(Problem::Required)
}

/// A date of something that already happened: blank means `today`, a later date is invalid.
pub fn date_until(value: &str, today: NaiveDate) -> Result<NaiveDate, Problem> {
    match optional_date(value)? {
        None => Ok(today),
        Some(d) if d <= today => Ok(d),
        Some(_) => Err(Problem::Invalid),
    }
}

/// A time of day as a time field sends it (`14:30`, or with seconds); must be given.
pub fn time(value: &str) -> Result<NaiveTime, Problem> {
    match value.trim() {
        "" => Err(Problem::Required),
        v => NaiveTime::parse_from_str(v, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(v, "%H:%M:%S"))
            .map_err(|_| Problem::Invalid),
    }
}

/// A whole number typed into a field, within `min..=max`.
pub fn number(value: &str, min: i64, max: i64) -> Result<i64, Problem> {
    match value.trim() {
        "" => Err(Problem::Required),
        v => in_range(v.parse::<i64>().map_err(|_| Problem::Invalid)?, min, max),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, DATE_FORMAT).unwrap()
    }

    #[test]
    fn dates_are_iso_and_blank_is_none() {
        assert_eq!(optional_date(" 2026-03-01 "), Ok(Some(day("2026-03-01"))));
        assert_eq!(optional_date(""), Ok(None));
        assert_eq!(optional_date("01/03/2026"), Err(Problem::Invalid));
        assert_eq!(optional_date("2026-02-30"), Err(Problem::Invalid));
        assert_eq!(date("  "), Err(Problem::Required));
        assert_eq!(date("2026-03-01"), Ok(day("2026-03-01")));
    }

    #[test]
    fn a_date_until_today_defaults_to_today_and_refuses_the_future() {
        let today = day("2026-12-05");
        assert_eq!(date_until("", today), Ok(today));
        assert_eq!(date_until("2026-12-05", today), Ok(today));
        assert_eq!(date_until("2026-12-06", today), Err(Problem::Invalid));
        assert_eq!(date_until("gisteren", today), Err(Problem::Invalid));
    }

    #[test]
    fn times_take_minutes_or_seconds() {
        assert_eq!(
            time("14:30"),
            Ok(NaiveTime::from_hms_opt(14, 30, 0).unwrap())
        );
        assert_eq!(
            time("14:30:15"),
            Ok(NaiveTime::from_hms_opt(14, 30, 15).unwrap())
        );
        assert_eq!(time(""), Err(Problem::Required));
        assert_eq!(time("25:00"), Err(Problem::Invalid));
    }

    #[test]
    fn numbers_are_whole_and_in_range() {
        assert_eq!(number(" 7 ", 0, 60), Ok(7));
        assert_eq!(number("", 0, 60), Err(Problem::Required));
        assert_eq!(number("7.5", 0, 60), Err(Problem::Invalid));
        assert_eq!(
            number("61", 0, 60),
            Err(Problem::OutOfRange { min: 0, max: 60 })
        );
        assert_eq!(number("99999999999999999999", 0, 60), Err(Problem::Invalid));
    }

    #[test]
    fn text_is_trimmed_and_counted_in_characters() {
        assert_eq!(text("  Mechelen ", 1, 64), Ok("Mechelen".into()));
        assert_eq!(text("éé", 1, 2), Ok("éé".into()));
        assert_eq!(text("ééé", 1, 2), Err(Problem::TooLong { max: 2 }));
    }

    #[test]
    fn empty_text_is_required_only_when_a_minimum_is_set() {
        assert_eq!(text("   ", 1, 10), Err(Problem::Required));
        assert_eq!(text("", 0, 10), Ok(String::new()));
        assert_eq!(text("ab", 3, 10), Err(Problem::TooShort { min: 3 }));
    }

    #[test]
    fn range_bounds_are_inclusive() {
        assert_eq!(in_range(1, 1, 5), Ok(1));
        assert_eq!(in_range(5, 1, 5), Ok(5));
        assert_eq!(
            in_range(6, 1, 5),
            Err(Problem::OutOfRange { min: 1, max: 5 })
        );
        assert_eq!(
            in_range(-1, 0, 5),
            Err(Problem::OutOfRange { min: 0, max: 5 })
        );
    }
}
