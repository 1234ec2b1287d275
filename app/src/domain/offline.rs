//! Answers a buddy gives without network: kept on the phone, sent when the network is back.
//!
//! The rules are pure so that the browser (which keeps and sends) and the tests share them:
//! which answers wait, in what order they go, what the activity looks like meanwhile, what
//! a refusal takes with it, and how long to wait before trying again.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::domain::activity::{ActivityStatus, CancelForm, CheckInForm};
use crate::domain::activity_view::ActivityView;
use crate::domain::people::FieldProblem;
use crate::error::AppError;

pub const CONFIRM: &str = "confirm";
pub const CANCEL: &str = "cancel";
pub const CHECK_IN: &str = "check_in";

/// What the buddy answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum Answer {
    Confirm,
    Cancel { form: CancelForm },
    CheckIn { form: CheckInForm },
}

impl Answer {
    /// The same checks the server makes on the form, so that a mistake shows at once and
    /// not after the network came back.
    pub fn check(&self) -> Result<(), Vec<FieldProblem>> {
        match self {
            Answer::Confirm => Ok(()),
            Answer::Cancel { form } => form.check().map(|_| ()),
            Answer::CheckIn { form } => form.check().map(|_| ()),
        }
    }

    /// The answer's name, as the server scopes its key (`activity::answer_key`).
    pub fn name(&self) -> &'static str {
        match self {
            Answer::Confirm => CONFIRM,
            Answer::Cancel { .. } => CANCEL,
            Answer::CheckIn { .. } => CHECK_IN,
        }
    }

    /// What the buddy typed, to show again when the answer was refused.
    pub fn typed(&self) -> Option<String> {
        let text = match self {
            Answer::Confirm => return None,
            Answer::Cancel { form } => &form.reason,
            Answer::CheckIn { form } => &form.note,
        };
        (!text.trim().is_empty()).then(|| text.clone())
    }
}

/// One answer kept on the phone, with what it needs to be sent and to be shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptAnswer {
    pub activity_id: i32,
    /// The version of the activity the answer was given on.
    pub version: i32,
    /// The page's answer key: a retry is applied once (see `activity::answer_key`).
    pub key: Option<String>,
    /// The activity's kind and time, to name it while it waits.
    pub kind: String,
    pub starts_at: NaiveDateTime,
    #[serde(flatten)]
    pub answer: Answer,
}

/// An answer the server refused, kept until the buddy has read why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedAnswer {
    pub kept: KeptAnswer,
    pub error: AppError,
}

/// A server function's input (made in `api`) that can wait on the phone: the buddy's answers.
pub trait KeepsOffline {
    /// The answer's name, as in `domain::offline::Answer::name`.
    const ANSWER: &'static str;
    /// The answer to `about` as it is kept.
    fn kept(&self, about: &ActivityView) -> KeptAnswer;
}

/// What the phone holds: answers waiting to be sent (oldest first) and refused ones.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfflineAnswers {
    /// The account that gave them.
    pub owner: Option<i32>,
    pub waiting: Vec<KeptAnswer>,
    pub refused: Vec<RefusedAnswer>,
    /// Failed tries since the last answer went through: sets the wait before the next.
    pub attempts: u32,
    /// Why the last try failed, while answers wait (a session that ended asks the buddy to
    /// sign in again).
    pub last_error: Option<AppError>,
}

/// How an activity looks with the answers that wait for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expected {
    pub status: ActivityStatus,
    pub checked_in: bool,
    /// The version the activity will have once they are applied: a later answer is given
    /// on that one (a check-in after a confirmation that waits).
    pub version: i32,
}

/// Whether an answer that failed this way can be sent again later: the network or the
/// database was away, or the session ended (it goes once the buddy signed in again).
pub fn worth_retrying(error: &AppError) -> bool {
    matches!(
        error,
        AppError::Unreachable | AppError::Unavailable | AppError::Unauthenticated
    )
}

/// The shortest and the longest wait between two tries.
pub const FIRST_WAIT_MS: u32 = 2_000;
pub const LONGEST_WAIT_MS: u32 = 5 * 60_000;

/// The wait before the next try after `attempts` failed ones: doubling, at most five
/// minutes (the `online` event does not wait).
pub fn backoff_ms(attempts: u32) -> u32 {
    FIRST_WAIT_MS
        .saturating_mul(2u32.saturating_pow(attempts.saturating_sub(1)))
        .min(LONGEST_WAIT_MS)
}

impl OfflineAnswers {
    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty() && self.refused.is_empty()
    }

    /// Keeps an answer of `owner` (when known). Given again (a second tap, a changed note)
    /// it replaces the one that waits for the same activity, so each answer is sent once,
    /// with its last content.
    pub fn keep(&mut self, owner: Option<i32>, kept: KeptAnswer) {
        if let Some(owner) = owner {
            self.belongs_to(owner);
        }
        let name = kept.answer.name();
        match self
            .waiting
            .iter_mut()
            .find(|w| w.activity_id == kept.activity_id && w.answer.name() == name)
        {
            Some(waiting) => *waiting = kept,
            None => self.waiting.push(kept),
        }
    }

    /// Answers left by another account on this phone are not this one's to see or send.
    pub fn belongs_to(&mut self, user: i32) {
        if self.owner != Some(user) {
            *self = OfflineAnswers {
                owner: Some(user),
                ..OfflineAnswers::default()
            };
        }
    }

    /// Whether answer `name` waits for activity `id`.
    pub fn waits(&self, id: i32, name: &str) -> bool {
        self.waiting
            .iter()
            .any(|w| w.activity_id == id && w.answer.name() == name)
    }

    /// The activity as it will be once the answers that wait for it are applied.
    pub fn expected(
        &self,
        activity_id: i32,
        status: ActivityStatus,
        checked_in: bool,
        version: i32,
    ) -> Expected {
        self.waiting
            .iter()
            .filter(|w| w.activity_id == activity_id)
            .fold(
                Expected {
                    status,
                    checked_in,
                    version,
                },
                |e, w| match w.answer {
                    Answer::Confirm => Expected {
                        status: ActivityStatus::Done,
                        version: e.version + 1,
                        ..e
                    },
                    Answer::Cancel { .. } => Expected {
                        status: ActivityStatus::Cancelled,
                        version: e.version + 1,
                        ..e
                    },
                    Answer::CheckIn { .. } => Expected {
                        checked_in: true,
                        version: e.version + 1,
                        ..e
                    },
                },
            )
    }

    /// The answer to send next.
    pub fn next(&self) -> Option<&KeptAnswer> {
        self.waiting.first()
    }

    /// Records how sending the first waiting answer went. Sent: it goes. Worth retrying:
    /// it stays first and the wait grows. Refused: it moves to the refused ones, and so do
    /// the answers that wait for the same activity, as they were given on top of it.
    pub fn settle(&mut self, outcome: Result<(), AppError>) {
        if self.waiting.is_empty() {
            return;
        }
        match outcome {
            Ok(()) => {
                self.waiting.remove(0);
                self.attempts = 0;
                self.last_error = None;
            }
            Err(error) if worth_retrying(&error) => {
                self.attempts = self.attempts.saturating_add(1);
                self.last_error = Some(error);
            }
            Err(error) => {
                let first = self.waiting.remove(0);
                let id = first.activity_id;
                let (with_it, rest): (Vec<_>, Vec<_>) =
                    self.waiting.drain(..).partition(|w| w.activity_id == id);
                self.waiting = rest;
                self.refused
                    .extend(
                        std::iter::once(first)
                            .chain(with_it)
                            .map(|kept| RefusedAnswer {
                                kept,
                                error: error.clone(),
                            }),
                    );
                self.attempts = 0;
                self.last_error = None;
            }
        }
    }

    /// The buddy must sign in again before what waits can go.
    pub fn needs_sign_in(&self) -> bool {
        !self.waiting.is_empty() && self.last_error == Some(AppError::Unauthenticated)
    }

    /// The buddy has read why these were refused.
    pub fn dismiss_refused(&mut self) {
        self.refused.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::Problem;

    fn kept(activity_id: i32, version: i32, answer: Answer) -> KeptAnswer {
        KeptAnswer {
            activity_id,
            version,
            key: Some("k".repeat(43)),
            kind: "Wandelen".into(),
            starts_at: chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
                .unwrap()
                .and_hms_opt(14, 0, 0)
                .unwrap(),
            answer,
        }
    }

    fn check_in(mood: &str, note: &str) -> Answer {
        Answer::CheckIn {
            form: CheckInForm {
                mood: mood.into(),
                note: note.into(),
            },
        }
    }

    #[test]
    fn an_answer_given_again_replaces_the_one_that_waits() {
        let mut phone = OfflineAnswers::default();
        phone.keep(Some(7), kept(1, 3, Answer::Confirm));
        phone.keep(Some(7), kept(1, 4, check_in("4", "fijn")));
        phone.keep(Some(7), kept(1, 4, check_in("5", "heel fijn")));
        phone.keep(Some(7), kept(1, 3, Answer::Confirm));
        phone.keep(Some(7), kept(2, 1, Answer::Confirm));
        assert_eq!(
            phone.waiting,
            vec![
                kept(1, 3, Answer::Confirm),
                kept(1, 4, check_in("5", "heel fijn")),
                kept(2, 1, Answer::Confirm),
            ]
        );
    }

    #[test]
    fn the_activity_looks_as_it_will_once_the_answers_are_applied() {
        let mut phone = OfflineAnswers::default();
        let planned = (ActivityStatus::Planned, false, 3);
        let before = phone.expected(1, planned.0, planned.1, planned.2);
        assert_eq!(
            before,
            Expected {
                status: ActivityStatus::Planned,
                checked_in: false,
                version: 3
            }
        );
        phone.keep(Some(7), kept(1, 3, Answer::Confirm));
        let confirmed = phone.expected(1, planned.0, planned.1, planned.2);
        assert_eq!(confirmed.status, ActivityStatus::Done);
        // The check-in is given on the version the confirmation will make.
        assert_eq!(confirmed.version, 4);
        phone.keep(Some(7), kept(1, confirmed.version, check_in("4", "")));
        let done = phone.expected(1, planned.0, planned.1, planned.2);
        assert!(done.checked_in);
        assert_eq!(done.version, 5);
        // Another activity is untouched.
        assert_eq!(phone.expected(2, planned.0, planned.1, 7).version, 7);
        let cancel = Answer::Cancel {
            form: CancelForm {
                reason: "ziek".into(),
            },
        };
        phone.keep(Some(7), kept(2, 7, cancel));
        assert_eq!(
            phone.expected(2, planned.0, planned.1, 7).status,
            ActivityStatus::Cancelled
        );
    }

    #[test]
    fn another_account_on_the_phone_does_not_see_or_send_what_was_left() {
        let mut phone = OfflineAnswers::default();
        phone.keep(Some(7), kept(1, 3, Answer::Confirm));
        // Not known who (no network to ask): kept for the same account.
        phone.keep(None, kept(2, 1, Answer::Confirm));
        assert_eq!(phone.waiting.len(), 2);
        assert!(phone.waits(1, CONFIRM) && !phone.waits(1, CHECK_IN));
        phone.belongs_to(7);
        assert_eq!(phone.waiting.len(), 2);
        phone.belongs_to(8);
        assert!(phone.is_empty());
        phone.keep(Some(9), kept(3, 1, Answer::Confirm));
        assert_eq!(phone.owner, Some(9));
        assert_eq!(phone.waiting.len(), 1);
    }

    #[test]
    fn answers_go_in_order_and_a_sent_one_goes_away() {
        let mut phone = OfflineAnswers::default();
        phone.keep(Some(7), kept(1, 3, Answer::Confirm));
        phone.keep(Some(7), kept(1, 4, check_in("4", "")));
        assert_eq!(phone.next().map(|k| k.version), Some(3));
        phone.settle(Err(AppError::Unreachable));
        phone.settle(Err(AppError::Unreachable));
        assert_eq!(phone.attempts, 2);
        assert_eq!(phone.waiting.len(), 2, "nothing lost while away");
        assert_eq!(phone.last_error, Some(AppError::Unreachable));
        assert!(!phone.needs_sign_in());
        // The session ended meanwhile: the answers wait for the buddy to sign in again.
        phone.settle(Err(AppError::Unauthenticated));
        assert!(phone.needs_sign_in());
        assert_eq!(phone.waiting.len(), 2);
        phone.settle(Ok(()));
        assert!(!phone.needs_sign_in());
        assert_eq!(phone.attempts, 0);
        assert_eq!(phone.next().map(|k| k.version), Some(4));
        phone.settle(Ok(()));
        assert!(phone.is_empty());
        // Nothing waits: settling changes nothing.
        phone.settle(Ok(()));
        assert!(phone.is_empty());
    }

    #[test]
    fn a_refusal_takes_the_answers_given_on_top_of_it() {
        let mut phone = OfflineAnswers::default();
        phone.keep(Some(7), kept(1, 3, Answer::Confirm));
        phone.keep(Some(7), kept(2, 1, Answer::Confirm));
        phone.keep(Some(7), kept(1, 4, check_in("4", "we wandelden")));
        phone.settle(Err(AppError::Conflict));
        assert_eq!(phone.waiting, vec![kept(2, 1, Answer::Confirm)]);
        assert_eq!(phone.refused.len(), 2);
        assert!(phone.refused.iter().all(|r| r.error == AppError::Conflict));
        // What the buddy typed is still there to read.
        assert_eq!(phone.refused[1].kept.answer, check_in("4", "we wandelden"));
        phone.dismiss_refused();
        assert!(phone.refused.is_empty());
        assert_eq!(phone.waiting.len(), 1);
    }

    #[test]
    fn only_a_missing_network_database_or_session_is_worth_retrying() {
        assert!(worth_retrying(&AppError::Unreachable));
        assert!(worth_retrying(&AppError::Unavailable));
        assert!(worth_retrying(&AppError::Unauthenticated));
        for error in [
            AppError::Conflict,
            AppError::Forbidden,
            AppError::NotFound,
            AppError::Internal {
                reference: "x".into(),
            },
            AppError::Validation {
                field: "mood".into(),
                problem: Problem::Required,
            },
        ] {
            assert!(!worth_retrying(&error), "{error:?}");
        }
    }

    #[test]
    fn the_wait_doubles_up_to_five_minutes() {
        let waits: Vec<u32> = (0..12).map(backoff_ms).collect();
        assert_eq!(&waits[..6], &[2_000, 2_000, 4_000, 8_000, 16_000, 32_000]);
        assert!(waits.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(backoff_ms(11), LONGEST_WAIT_MS);
        assert_eq!(backoff_ms(u32::MAX), LONGEST_WAIT_MS);
    }

    #[test]
    fn the_phone_checks_a_form_as_the_server_does() {
        assert!(Answer::Confirm.check().is_ok());
        assert!(check_in("4", "").check().is_ok());
        let missing = check_in("", "").check().unwrap_err();
        assert_eq!(missing[0].0, "mood");
        let no_reason = Answer::Cancel {
            form: CancelForm::default(),
        };
        assert_eq!(no_reason.check().unwrap_err()[0].0, "reason");
        assert_eq!(no_reason.typed(), None);
        assert_eq!(check_in("4", "fijn").typed().as_deref(), Some("fijn"));
        assert_eq!(
            [
                Answer::Confirm.name(),
                no_reason.name(),
                check_in("", "").name()
            ],
            [CONFIRM, CANCEL, CHECK_IN]
        );
    }

    #[test]
    fn what_the_phone_keeps_reads_back_as_it_was_written() {
        let mut phone = OfflineAnswers::default();
        phone.keep(Some(7), kept(1, 3, Answer::Confirm));
        phone.keep(Some(7), kept(1, 4, check_in("4", "„fijn” <b>")));
        phone.settle(Err(AppError::Unreachable));
        let json = serde_json::to_string(&phone).unwrap();
        assert_eq!(
            serde_json::from_str::<OfflineAnswers>(&json).unwrap(),
            phone
        );
        // Something else under the same name (an older version, a hand edit) reads as empty.
        assert!(serde_json::from_str::<OfflineAnswers>("{\"waiting\":5}").is_err());
    }
}
