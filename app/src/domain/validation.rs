//! Field validation shared by the browser (instant messages) and the server (authoritative).

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

#[cfg(test)]
mod tests {
    use super::*;

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
