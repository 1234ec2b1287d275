//! The admins' settings for a new participant's first steps: the days within which an intake
//! is planned, the weeks after which a referral is followed up, the months after which a
//! catalogue entry needs checking, and the phone number printed on the take-home sheet.

use serde::{Deserialize, Serialize};

use super::people::FieldProblem;
use super::validation::{number, text};

/// Longest phone number (with spaces and a short label).
pub const PHONE_MAX: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FirstSteps {
    pub intake_days: u32,
    pub follow_up_weeks: u32,
    pub check_months: u32,
    /// The programme's phone number for participants; blank: not printed.
    pub phone: String,
    /// Months without intervision after which an active buddy is flagged.
    pub intervision_months: u32,
    /// Hours a place from an event's waiting list is held for confirmation (0: none asked).
    pub offer_hours: u32,
}

impl Default for FirstSteps {
    fn default() -> Self {
        FirstSteps {
            intake_days: super::registration::DEFAULT_INTAKE_DAYS as u32,
            follow_up_weeks: super::referral::DEFAULT_FOLLOW_UP_WEEKS,
            check_months: super::stepping_stone::DEFAULT_CHECK_MONTHS,
            phone: String::new(),
            intervision_months: super::event::DEFAULT_INTERVISION_MONTHS,
            offer_hours: super::event::DEFAULT_OFFER_HOURS,
        }
    }
}

/// The settings form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FirstStepsForm {
    pub intake_days: String,
    pub follow_up_weeks: String,
    pub check_months: String,
    pub phone: String,
    /// Blank: the default.
    pub intervision_months: String,
    /// Blank: the default.
    pub offer_hours: String,
}

impl FirstStepsForm {
    pub fn from_settings(s: &FirstSteps) -> Self {
        FirstStepsForm {
            intake_days: s.intake_days.to_string(),
            follow_up_weeks: s.follow_up_weeks.to_string(),
            check_months: s.check_months.to_string(),
            phone: s.phone.clone(),
            intervision_months: s.intervision_months.to_string(),
            offer_hours: s.offer_hours.to_string(),
        }
    }

    /// Days 1–60, weeks 1–26, months 1–36, a phone number of at most [`PHONE_MAX`] characters,
    /// months without intervision 1–24, hours to confirm a place 0–168 (blank: the defaults).
    pub fn check(&self) -> Result<FirstSteps, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut whole = |field: &str, value: &str, max: i64| {
            number(value, 1, max)
                .map(|n| n as u32)
                .map_err(|p| problems.push((field.to_owned(), p)))
                .unwrap_or_default()
        };
        let intake_days = whole("intake_days", &self.intake_days, 60);
        let follow_up_weeks = whole("follow_up_weeks", &self.follow_up_weeks, 26);
        let check_months = whole("check_months", &self.check_months, 36);
        let intervision_months = match self.intervision_months.trim() {
            "" => super::event::DEFAULT_INTERVISION_MONTHS,
            v => whole("intervision_months", v, 24),
        };
        let offer_hours = match self.offer_hours.trim() {
            "" => super::event::DEFAULT_OFFER_HOURS,
            v => number(v, 0, 168)
                .map(|n| n as u32)
                .map_err(|p| problems.push(("offer_hours".to_owned(), p)))
                .unwrap_or_default(),
        };
        let phone = text(&self.phone, 0, PHONE_MAX)
            .map_err(|p| problems.push(("phone".to_owned(), p)))
            .unwrap_or_default();
        if problems.is_empty() {
            Ok(FirstSteps {
                intake_days,
                follow_up_weeks,
                check_months,
                phone,
                intervision_months,
                offer_hours,
            })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_are_whole_numbers_in_their_ranges() {
        let form = |d: &str, w: &str, m: &str| FirstStepsForm {
            intake_days: d.into(),
            follow_up_weeks: w.into(),
            check_months: m.into(),
            phone: " 015 00 00 00 ".into(),
            intervision_months: String::new(),
            offer_hours: String::new(),
        };
        let ok = form("10", "3", "6").check().unwrap();
        assert_eq!(
            ok,
            FirstSteps {
                phone: "015 00 00 00".into(),
                ..FirstSteps::default()
            }
        );
        assert_eq!(FirstStepsForm::from_settings(&ok).check(), Ok(ok));
        let fields = |f: FirstStepsForm| -> Vec<String> {
            f.check().unwrap_err().into_iter().map(|(f, _)| f).collect()
        };
        assert_eq!(
            fields(form("0", "27", "x")),
            ["intake_days", "follow_up_weeks", "check_months"]
        );
        assert_eq!(
            fields(form("", "-1", "37")),
            ["intake_days", "follow_up_weeks", "check_months"]
        );
        let long = FirstStepsForm {
            phone: "1".repeat(PHONE_MAX + 1),
            ..form("1", "1", "1")
        };
        assert_eq!(fields(long), ["phone"]);
        let intervision = |m: &str| FirstStepsForm {
            intervision_months: m.into(),
            ..form("1", "1", "1")
        };
        assert_eq!(intervision("12").check().unwrap().intervision_months, 12);
        assert_eq!(fields(intervision("0")), ["intervision_months"]);
        assert_eq!(fields(intervision("25")), ["intervision_months"]);
        let offer = |h: &str| FirstStepsForm {
            offer_hours: h.into(),
            ..form("1", "1", "1")
        };
        assert_eq!(
            offer("0").check().unwrap().offer_hours,
            0,
            "0: no confirmation"
        );
        assert_eq!(offer("").check().unwrap().offer_hours, 48);
        assert_eq!(fields(offer("169")), ["offer_hours"]);
        assert_eq!(fields(offer("-1")), ["offer_hours"]);
    }
}
