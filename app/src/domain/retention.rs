//! Keeping nothing longer than needed (GDPR art. 5(1)(e)): how long each kind of data stays,
//! when a record falls due, and a coordinator's hold on one case. Pure: the settings form,
//! the due page and the daily job use the same rules.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::people::FieldProblem;
use super::privacy::PersonKind;
use super::validation::{Problem, date, number};

/// How long Klik keeps each kind of data; the admins set them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retention {
    /// A closed participant's record, from the day it was closed.
    pub participant_months: u32,
    /// A candidate volunteer who was not approved, from the decision.
    pub candidate_months: u32,
    /// A buddy who stopped, from the day they stopped.
    pub buddy_months: u32,
    /// A check-in's note, from the activity.
    pub checkin_note_months: u32,
    /// A mail's address, subject and text, from its sending.
    pub mail_body_days: u32,
    /// A row of the audit log, from when it was written.
    pub audit_log_months: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            participant_months: 24,
            candidate_months: 6,
            buddy_months: 24,
            checkin_note_months: 12,
            mail_body_days: 30,
            audit_log_months: 60,
        }
    }
}

/// The longest any period may be set to: ten years.
pub const MAX_MONTHS: i64 = 120;
/// The audit log is kept at least a year: it is the answer to "who looked at my file?".
pub const MIN_AUDIT_MONTHS: i64 = 12;
pub const MAX_MAIL_DAYS: i64 = 365;

/// The settings form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionForm {
    pub participant_months: String,
    pub candidate_months: String,
    pub buddy_months: String,
    pub checkin_note_months: String,
    pub mail_body_days: String,
    pub audit_log_months: String,
}

impl RetentionForm {
    pub fn from_settings(r: &Retention) -> Self {
        RetentionForm {
            participant_months: r.participant_months.to_string(),
            candidate_months: r.candidate_months.to_string(),
            buddy_months: r.buddy_months.to_string(),
            checkin_note_months: r.checkin_note_months.to_string(),
            mail_body_days: r.mail_body_days.to_string(),
            audit_log_months: r.audit_log_months.to_string(),
        }
    }

    /// Whole numbers: months 1–120 (the audit log 12–120), mail days 1–365. Zero is refused:
    /// "keep nothing" would erase records the day they close.
    pub fn check(&self) -> Result<Retention, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut whole = |field: &str, value: &str, min: i64, max: i64| {
            number(value, min, max)
                .map(|n| n as u32)
                .map_err(|p| problems.push((field.to_owned(), p)))
                .unwrap_or_default()
        };
        let r = Retention {
            participant_months: whole(
                "participant_months",
                &self.participant_months,
                1,
                MAX_MONTHS,
            ),
            candidate_months: whole("candidate_months", &self.candidate_months, 1, MAX_MONTHS),
            buddy_months: whole("buddy_months", &self.buddy_months, 1, MAX_MONTHS),
            checkin_note_months: whole(
                "checkin_note_months",
                &self.checkin_note_months,
                1,
                MAX_MONTHS,
            ),
            mail_body_days: whole("mail_body_days", &self.mail_body_days, 1, MAX_MAIL_DAYS),
            audit_log_months: whole(
                "audit_log_months",
                &self.audit_log_months,
                MIN_AUDIT_MONTHS,
                MAX_MONTHS,
            ),
        };
        if problems.is_empty() {
            Ok(r)
        } else {
            Err(problems)
        }
    }
}

crate::coded! {
    /// Which period a record falls under.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RetentionCategory {
        ClosedParticipant = "closed_participant",
        Candidate = "candidate",
        StoppedBuddy = "stopped_buddy",
    }
}

impl RetentionCategory {
    pub fn months(self, r: &Retention) -> u32 {
        match self {
            RetentionCategory::ClosedParticipant => r.participant_months,
            RetentionCategory::Candidate => r.candidate_months,
            RetentionCategory::StoppedBuddy => r.buddy_months,
        }
    }

    pub fn kind(self) -> PersonKind {
        match self {
            RetentionCategory::ClosedParticipant => PersonKind::Participant,
            RetentionCategory::Candidate | RetentionCategory::StoppedBuddy => PersonKind::Buddy,
        }
    }
}

/// `months` after `since`; the last day of a shorter month when the day does not exist.
pub fn months_after(since: NaiveDate, months: u32) -> NaiveDate {
    since
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

crate::coded! {
    /// Why a coordinator holds a record back from the retention job; a code, so that the
    /// reason holds no personal data.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum HoldReason {
        /// The person may come back soon (a pause, a move).
        MayReturn = "may_return",
        /// A complaint, a dispute or a question from an authority needs the record.
        Dispute = "dispute",
        /// The person asked to keep it a while longer.
        PersonAsked = "person_asked",
    }
}

/// The longest a hold may run: a year from today, then it must be chosen again.
pub const MAX_HOLD_MONTHS: u32 = 12;

/// The hold form: until when, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HoldForm {
    pub until: String,
    pub reason: String,
}

impl HoldForm {
    /// A date after today and at most [`MAX_HOLD_MONTHS`] ahead, and a reason from the list.
    pub fn check(&self, today: NaiveDate) -> Result<(NaiveDate, HoldReason), Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let until = match date(&self.until) {
            Ok(d) if d > today && d <= months_after(today, MAX_HOLD_MONTHS) => Some(d),
            Ok(_) => {
                problems.push(("until".to_owned(), Problem::Invalid));
                None
            }
            Err(p) => {
                problems.push(("until".to_owned(), p));
                None
            }
        };
        let reason = match HoldReason::from_code(self.reason.trim()) {
            Some(r) => Some(r),
            None => {
                let p = if self.reason.trim().is_empty() {
                    Problem::Required
                } else {
                    Problem::Invalid
                };
                problems.push(("reason".to_owned(), p));
                None
            }
        };
        match (until, reason) {
            (Some(u), Some(r)) if problems.is_empty() => Ok((u, r)),
            _ => Err(problems),
        }
    }
}

/// One record and when it falls due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueCase {
    pub category: RetentionCategory,
    pub id: i32,
    pub name: String,
    /// The day the period started (closing, decision, stopping).
    pub since: NaiveDate,
    pub due_on: NaiveDate,
    pub held_until: Option<NaiveDate>,
    pub hold_reason: Option<HoldReason>,
    /// The record's version when read: the job erases only what it read.
    pub version: i32,
}

impl DueCase {
    /// The day the job will anonymise it: the due day, or the day after a hold ends.
    pub fn erased_from(&self) -> NaiveDate {
        match self.held_until {
            Some(h) if h >= self.due_on => h.succ_opt().unwrap_or(h),
            _ => self.due_on,
        }
    }

    /// Whether the job anonymises it on `today`.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.erased_from() <= today
    }
}

/// What one run of the daily job did (the log on the retention page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunLog {
    pub day: NaiveDate,
    pub started_at: chrono::DateTime<chrono::Utc>,
    /// Missing while the run is under way (or when it was stopped: the next day's run
    /// finishes its work).
    pub finished_at: Option<chrono::DateTime<chrono::Utc>>,
    pub participants: u32,
    pub buddies: u32,
    pub checkin_notes: u32,
    pub mail_bodies: u32,
    pub audit_rows: u32,
}

/// The cutoff for data kept `months` from a moment: what started before it is due.
pub fn cutoff_months(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_defaults_pass_their_own_check() {
        let r = Retention::default();
        assert_eq!(RetentionForm::from_settings(&r).check(), Ok(r));
    }

    #[test]
    fn zero_negative_huge_and_text_are_refused_at_their_field() {
        let ok = RetentionForm::from_settings(&Retention::default());
        for (bad, problem) in [
            (
                "0",
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_MONTHS,
                },
            ),
            (
                "-1",
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_MONTHS,
                },
            ),
            (
                "120000",
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_MONTHS,
                },
            ),
            ("twee jaar", Problem::Invalid),
            ("", Problem::Required),
        ] {
            let form = RetentionForm {
                participant_months: bad.into(),
                ..ok.clone()
            };
            assert_eq!(
                form.check(),
                Err(vec![("participant_months".to_owned(), problem)]),
                "{bad:?}"
            );
        }
        let short_audit = RetentionForm {
            audit_log_months: "3".into(),
            ..ok.clone()
        };
        assert!(short_audit.check().is_err());
        let long_mail = RetentionForm {
            mail_body_days: "366".into(),
            ..ok
        };
        assert!(long_mail.check().is_err());
    }

    #[test]
    fn months_after_keeps_to_the_calendar() {
        assert_eq!(months_after(day(2024, 1, 31), 1), day(2024, 2, 29));
        assert_eq!(months_after(day(2024, 2, 29), 12), day(2025, 2, 28));
        assert_eq!(months_after(day(2026, 12, 6), 24), day(2028, 12, 6));
        assert_eq!(cutoff_months(day(2026, 3, 31), 1), day(2026, 2, 28));
    }

    #[test]
    fn a_hold_moves_the_day_past_its_end() {
        let mut case = DueCase {
            category: RetentionCategory::ClosedParticipant,
            id: 1,
            name: "X".into(),
            since: day(2024, 1, 1),
            due_on: day(2026, 1, 1),
            held_until: None,
            hold_reason: None,
            version: 1,
        };
        assert!(case.is_due(day(2026, 1, 1)));
        assert!(!case.is_due(day(2025, 12, 31)));
        case.held_until = Some(day(2026, 3, 1));
        assert_eq!(case.erased_from(), day(2026, 3, 2));
        assert!(!case.is_due(day(2026, 3, 1)));
        assert!(case.is_due(day(2026, 3, 2)));
        // A hold that ended before the due day changes nothing.
        case.held_until = Some(day(2025, 6, 1));
        assert_eq!(case.erased_from(), day(2026, 1, 1));
    }

    #[test]
    fn a_hold_is_for_a_later_day_within_a_year_with_a_reason() {
        let today = day(2026, 12, 6);
        let form = |until: &str, reason: &str| HoldForm {
            until: until.into(),
            reason: reason.into(),
        };
        assert_eq!(
            form("2027-03-01", "dispute").check(today),
            Ok((day(2027, 3, 1), HoldReason::Dispute))
        );
        for bad in ["2026-12-06", "2020-01-01", "2028-01-01"] {
            assert_eq!(
                form(bad, "dispute").check(today),
                Err(vec![("until".to_owned(), Problem::Invalid)]),
                "{bad}"
            );
        }
        assert!(form("morgen", "dispute").check(today).is_err());
        assert_eq!(
            form("2027-03-01", "").check(today),
            Err(vec![("reason".to_owned(), Problem::Required)])
        );
        assert_eq!(
            form("2027-03-01", "<b>").check(today),
            Err(vec![("reason".to_owned(), Problem::Invalid)])
        );
    }
}
