//! Activities of a duo and the buddy's short check-in afterwards, and the cadence watch: which
//! active duos have gone quiet for longer than their agreed rhythm. Pure: the browser checks a
//! form with the same rules as the server.

use chrono::{Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::duo::Rhythm;
use super::people::FieldProblem;
use super::validation::{self, Problem, number, text};

/// Longest place description.
pub const PLACE_MAX: usize = 200;
/// Longest note with a plan, a cancellation or a check-in.
pub const NOTE_MAX: usize = 1000;
/// How far ahead an activity can be planned.
pub const PLAN_AHEAD_DAYS: i64 = 366;
/// Default margin on top of the agreed rhythm before a duo is flagged.
pub const DEFAULT_MARGIN_DAYS: u32 = 7;
/// Duos younger than this (in months since signing) are highlighted in the cadence watch.
pub const FIRST_MONTHS: u32 = 3;
/// A check-in at or below this mood is highlighted for the coordinator.
pub const LOW_MOOD: u8 = 2;

crate::coded! {
    /// Where an activity is.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ActivityStatus {
        Planned = "planned",
        /// It happened; confirmed by the buddy.
        Done = "done",
        Cancelled = "cancelled",
    }
}

/// How it went, in five steps from bad to very good (shown with faces and words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mood {
    Bad,
    Meh,
    Okay,
    Good,
    Great,
}

impl Mood {
    pub const ALL: [Mood; 5] = [Mood::Bad, Mood::Meh, Mood::Okay, Mood::Good, Mood::Great];

    /// 1 (bad) to 5 (very good), as stored.
    pub fn value(self) -> u8 {
        match self {
            Mood::Bad => 1,
            Mood::Meh => 2,
            Mood::Okay => 3,
            Mood::Good => 4,
            Mood::Great => 5,
        }
    }

    pub fn from_value(value: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.value() == value)
    }

    /// The face beside the word; decorative, the word is what a screen reader reads.
    pub fn face(self) -> &'static str {
        match self {
            Mood::Bad => "😞",
            Mood::Meh => "🙁",
            Mood::Okay => "😐",
            Mood::Good => "🙂",
            Mood::Great => "😄",
        }
    }

    pub fn is_low(self) -> bool {
        self.value() <= LOW_MOOD
    }
}

/// A buddy's answer (plan, move, cancel, confirm, check in) carries a key that the page was
/// made with: the same answer sent twice (a double tap before the page took over, a retry
/// after the connection dropped) is applied once. Stored with what it answers, so that one
/// page's key serves each of its forms once. A key is 16 to 64 characters of base64url.
pub fn answer_key(action: &str, target: i32, key: &str) -> Result<String, Problem> {
    let well_formed = (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if well_formed {
        Ok(format!("{action}:{target}:{key}"))
    } else {
        Err(Problem::Invalid)
    }
}

/// What a buddy can do with an activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityAction {
    Reschedule,
    Cancel,
    /// Say that it happened.
    Confirm,
    CheckIn,
}

/// Why an action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActivityRefusal {
    /// Done or cancelled activities are not changed any more.
    NotPlanned,
    /// It can only be confirmed once its start has passed.
    NotYetHappened,
    /// Check-ins follow a confirmation, once.
    NoCheckIn,
}

/// Whether `action` may happen to an activity in `status` that starts at `starts_at`
/// (local time, like `now`), with or without a check-in already.
pub fn check_action(
    action: ActivityAction,
    status: ActivityStatus,
    starts_at: NaiveDateTime,
    checked_in: bool,
    now: NaiveDateTime,
) -> Result<(), ActivityRefusal> {
    match action {
        ActivityAction::Reschedule | ActivityAction::Cancel => match status {
            ActivityStatus::Planned => Ok(()),
            _ => Err(ActivityRefusal::NotPlanned),
        },
        ActivityAction::Confirm => match status {
            ActivityStatus::Planned if starts_at <= now => Ok(()),
            ActivityStatus::Planned => Err(ActivityRefusal::NotYetHappened),
            _ => Err(ActivityRefusal::NotPlanned),
        },
        ActivityAction::CheckIn => match status {
            ActivityStatus::Done if !checked_in => Ok(()),
            _ => Err(ActivityRefusal::NoCheckIn),
        },
    }
}

/// The plan form as the browser sends it (also with JavaScript off).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanForm {
    /// An activity kind's id, from the admin list.
    pub kind_id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
    pub place: String,
    pub note: String,
}

/// A checked plan, in the programme's local time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub kind_id: i32,
    pub starts_at: NaiveDateTime,
    pub place: String,
    pub note: String,
}

impl PlanForm {
    /// Checks every field; `kinds` are the active activity kinds' ids, `now` local time.
    /// A new or moved activity lies in the future and within a year.
    pub fn check(&self, kinds: &[i32], now: NaiveDateTime) -> Result<Plan, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut fail = |field: &str, problem: Problem| problems.push((field.to_owned(), problem));
        let kind_id = match self.kind_id.trim() {
            "" => {
                fail("kind_id", Problem::Required);
                None
            }
            v => match v.parse::<i32>() {
                Ok(id) if kinds.contains(&id) => Some(id),
                _ => {
                    fail("kind_id", Problem::Invalid);
                    None
                }
            },
        };
        let date = validation::date(&self.date)
            .map_err(|p| fail("date", p))
            .ok();
        let time = validation::time(&self.time)
            .map_err(|p| fail("time", p))
            .ok();
        let place = text(&self.place, 0, PLACE_MAX)
            .map_err(|p| fail("place", p))
            .ok();
        let note = text(&self.note, 0, NOTE_MAX)
            .map_err(|p| fail("note", p))
            .ok();
        let starts_at = match (date, time) {
            (Some(d), Some(t)) => {
                let at = d.and_time(t);
                if at <= now || at > now + chrono::Duration::days(PLAN_AHEAD_DAYS) {
                    fail(
                        "date",
                        Problem::OutOfRange {
                            min: 0,
                            max: PLAN_AHEAD_DAYS,
                        },
                    );
                    None
                } else {
                    Some(at)
                }
            }
            _ => None,
        };
        match (kind_id, starts_at, place, note) {
            (Some(kind_id), Some(starts_at), Some(place), Some(note)) if problems.is_empty() => {
                Ok(Plan {
                    kind_id,
                    starts_at,
                    place,
                    note,
                })
            }
            _ => Err(problems),
        }
    }
}

/// A cancellation: the reason is required.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CancelForm {
    pub reason: String,
}

impl CancelForm {
    pub fn check(&self) -> Result<String, Vec<FieldProblem>> {
        text(&self.reason, 1, NOTE_MAX).map_err(|p| vec![("reason".to_owned(), p)])
    }
}

/// The check-in after confirming: a mood and a note for the coordinator only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckInForm {
    /// 1 to 5.
    pub mood: String,
    pub note: String,
}

/// A checked check-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub mood: Mood,
    pub note: String,
}

impl CheckInForm {
    pub fn check(&self) -> Result<CheckIn, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mood = match self.mood.trim() {
            "" => {
                problems.push(("mood".to_owned(), Problem::Required));
                None
            }
            v => {
                let mood = v.parse::<u8>().ok().and_then(Mood::from_value);
                if mood.is_none() {
                    problems.push(("mood".to_owned(), Problem::Invalid));
                }
                mood
            }
        };
        let note = text(&self.note, 0, NOTE_MAX)
            .map_err(|p| problems.push(("note".to_owned(), p)))
            .ok();
        match (mood, note) {
            (Some(mood), Some(note)) if problems.is_empty() => Ok(CheckIn { mood, note }),
            _ => Err(problems),
        }
    }
}

/// What the cadence watch knows of one active duo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadenceFacts {
    pub signed_on: NaiveDate,
    pub rhythm: Rhythm,
    /// The day of the last activity that happened.
    pub last_activity_on: Option<NaiveDate>,
    /// The mood of the latest check-in.
    pub last_mood: Option<Mood>,
    /// The next planned activity, if any.
    pub next_planned_on: Option<NaiveDate>,
}

/// The cadence watch's verdict on one duo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cadence {
    /// Days since the last activity, or since signing when there was none yet.
    pub quiet_days: u32,
    /// The rhythm's longest gap plus the margin.
    pub limit_days: u32,
    /// Quiet for longer than the limit, and nothing planned.
    pub flagged: bool,
    /// Signed less than three months ago.
    pub first_months: bool,
    /// The latest check-in was bad or meh.
    pub low_checkin: bool,
}

impl Cadence {
    /// Worth a coordinator's look: flagged, or young and not going well.
    pub fn needs_attention(&self) -> bool {
        self.flagged || self.low_checkin
    }
}

/// Judges a duo's cadence on `today` with `margin_days` on top of its rhythm. A planned
/// activity ahead keeps a quiet duo off the flag list: they are on their way.
pub fn cadence(facts: &CadenceFacts, today: NaiveDate, margin_days: u32) -> Cadence {
    let since = facts.last_activity_on.unwrap_or(facts.signed_on);
    let quiet_days = u32::try_from((today - since).num_days().max(0)).unwrap_or(u32::MAX);
    let limit_days = facts.rhythm.days().1.saturating_add(margin_days);
    let planned_ahead = facts.next_planned_on.is_some_and(|d| d >= today);
    let first_months = facts
        .signed_on
        .checked_add_months(Months::new(FIRST_MONTHS))
        .is_some_and(|end| today < end);
    Cadence {
        quiet_days,
        limit_days,
        flagged: quiet_days > limit_days && !planned_ahead,
        first_months,
        low_checkin: facts.last_mood.is_some_and(Mood::is_low),
    }
}

/// Whether a buddy's "no activity for a while" reminder is due: quiet for longer than the
/// rhythm's longest gap (no margin: the buddy hears before the coordinator is warned) and
/// nothing planned.
pub fn buddy_nudge_due(facts: &CadenceFacts, today: NaiveDate) -> bool {
    cadence(facts, today, 0).flagged
}

/// Reminders by e-mail: which are due when, and the key that makes each one go out once.
pub mod reminder {
    use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
    use chrono_tz::Tz;

    use super::CadenceFacts;

    /// Reminders are queued from this local hour on: nobody gets Klik's mail at night.
    pub const FROM_HOUR: u32 = 8;

    /// Whether reminders may be queued at this local time.
    pub fn open(local_now: NaiveDateTime) -> bool {
        local_now.hour() >= FROM_HOUR
    }

    /// The day whose planned activities get their "tomorrow" reminder on `today`.
    pub fn day_before_for(today: NaiveDate) -> NaiveDate {
        today.checked_add_days(Days::new(1)).unwrap_or(today)
    }

    /// The instants (UTC) at which local `day` begins and the next day begins.
    pub fn day_bounds(day: NaiveDate, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = |d: NaiveDate| {
            let midnight = d.and_time(NaiveTime::MIN);
            tz.from_local_datetime(&midnight)
                .earliest()
                // A time zone that skips midnight: the first hour that exists.
                .or_else(|| {
                    tz.from_local_datetime(&(midnight + chrono::Duration::hours(1)))
                        .earliest()
                })
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|| midnight.and_utc())
        };
        (start(day), start(day_before_for(day)))
    }

    /// The day a duo's quiet spell began: its last activity, or else the signing.
    pub fn quiet_since(facts: &CadenceFacts) -> NaiveDate {
        facts.last_activity_on.unwrap_or(facts.signed_on)
    }

    /// Keys of `reminder_sent` (at most 120 characters; ids and dates only). A moved
    /// activity gets a new day-before reminder; a new quiet spell a new nudge.
    pub fn day_before_key(activity_id: i32, on: NaiveDate) -> String {
        format!("activity_day_before:{activity_id}:{on}")
    }

    /// The reminder of one event invitation (one session), the day before `on`.
    pub fn event_day_before_key(invitation_id: i32, on: NaiveDate) -> String {
        format!("event_day_before:{invitation_id}:{on}")
    }

    pub fn buddy_nudge_key(duo_id: i32, since: NaiveDate) -> String {
        format!("buddy_nudge:{duo_id}:{since}")
    }

    pub fn cadence_flag_key(duo_id: i32, since: NaiveDate) -> String {
        format!("cadence_flag:{duo_id}:{since}")
    }

    pub fn evaluation_due_key(duo_id: i32, due_on: NaiveDate) -> String {
        format!("evaluation_due:{duo_id}:{due_on}")
    }
}

/// Most days on top of a duo's rhythm before the watch flags it.
pub const CADENCE_MARGIN_MAX: i64 = 60;

/// The admin's margin for the cadence watch, as the settings form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CadenceMarginForm {
    pub days: String,
}

impl CadenceMarginForm {
    /// Whole days, 0 to [`CADENCE_MARGIN_MAX`].
    pub fn check(&self) -> Result<u32, Vec<FieldProblem>> {
        number(&self.days, 0, CADENCE_MARGIN_MAX)
            .map(|d| d as u32)
            .map_err(|p| vec![("days".to_owned(), p)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_keys_are_base64url_and_scoped_to_what_they_answer() {
        let key = "AbCdEfGhIjKlMnOpQrSt_-0123456789abcdefghijk";
        assert_eq!(
            answer_key("confirm", 7, key).unwrap(),
            format!("confirm:7:{key}")
        );
        assert_ne!(
            answer_key("confirm", 7, key),
            answer_key("check_in", 7, key)
        );
        assert_ne!(answer_key("confirm", 7, key), answer_key("confirm", 8, key));
        for bad in [
            "",
            "short",
            &"x".repeat(65),
            "AbCdEfGhIjKlMnOp:rSt",
            "AbCdEfGhIjKlMnOp rSt",
            "ÄbCdEfGhIjKlMnOpQrSt",
        ] {
            assert_eq!(
                answer_key("confirm", 7, bad),
                Err(Problem::Invalid),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_cadence_margin_is_whole_days_up_to_sixty() {
        let check = |days: &str| CadenceMarginForm { days: days.into() }.check();
        assert_eq!(check(" 14 "), Ok(14));
        assert_eq!(check("0"), Ok(0));
        assert_eq!(
            check("61"),
            Err(vec![(
                "days".into(),
                Problem::OutOfRange { min: 0, max: 60 }
            )])
        );
        assert_eq!(
            check("-1"),
            Err(vec![(
                "days".into(),
                Problem::OutOfRange { min: 0, max: 60 }
            )])
        );
        assert_eq!(check("drie"), Err(vec![("days".into(), Problem::Invalid)]));
        assert_eq!(check(""), Err(vec![("days".into(), Problem::Required)]));
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn form(kind: &str, date: &str, time: &str) -> PlanForm {
        PlanForm {
            kind_id: kind.into(),
            date: date.into(),
            time: time.into(),
            place: " Vrijbroekpark ".into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_plan_in_the_future_with_a_known_kind_is_accepted() {
        let plan = form("3", "2026-12-02", "14:30")
            .check(&[1, 3], at("2026-11-27 10:00"))
            .unwrap();
        assert_eq!(plan.kind_id, 3);
        assert_eq!(plan.starts_at, at("2026-12-02 14:30"));
        assert_eq!(plan.place, "Vrijbroekpark");
    }

    #[test]
    fn bad_plans_name_every_field() {
        let now = at("2026-11-27 10:00");
        let fields = |f: PlanForm| -> Vec<String> {
            f.check(&[1], now)
                .unwrap_err()
                .into_iter()
                .map(|(f, _)| f)
                .collect()
        };
        assert_eq!(fields(form("", "", "")), ["kind_id", "date", "time"]);
        assert_eq!(
            fields(form("9", "2026-13-01", "25:00")),
            ["kind_id", "date", "time"]
        );
        assert_eq!(
            fields(form("x", "gisteren", "14u")),
            ["kind_id", "date", "time"]
        );
        // In the past, or more than a year ahead.
        assert_eq!(fields(form("1", "2026-11-27", "09:59")), ["date"]);
        assert_eq!(fields(form("1", "2027-12-31", "10:00")), ["date"]);
        let mut long = form("1", "2026-12-01", "10:00");
        long.place = "x".repeat(PLACE_MAX + 1);
        long.note = "y".repeat(NOTE_MAX + 1);
        assert_eq!(fields(long), ["place", "note"]);
    }

    #[test]
    fn the_lifecycle_allows_only_sensible_actions() {
        use ActivityAction::*;
        use ActivityStatus::*;
        let start = at("2026-11-27 14:00");
        let before = at("2026-11-27 13:00");
        let after = at("2026-11-27 18:00");
        assert_eq!(
            check_action(Reschedule, Planned, start, false, before),
            Ok(())
        );
        assert_eq!(check_action(Cancel, Planned, start, false, after), Ok(()));
        assert_eq!(
            check_action(Confirm, Planned, start, false, before),
            Err(ActivityRefusal::NotYetHappened)
        );
        assert_eq!(check_action(Confirm, Planned, start, false, after), Ok(()));
        for status in [Done, Cancelled] {
            for action in [Reschedule, Cancel, Confirm] {
                assert_eq!(
                    check_action(action, status, start, false, after),
                    Err(ActivityRefusal::NotPlanned)
                );
            }
        }
        assert_eq!(check_action(CheckIn, Done, start, false, after), Ok(()));
        assert_eq!(
            check_action(CheckIn, Done, start, true, after),
            Err(ActivityRefusal::NoCheckIn)
        );
        assert_eq!(
            check_action(CheckIn, Planned, start, false, after),
            Err(ActivityRefusal::NoCheckIn)
        );
    }

    #[test]
    fn check_ins_need_a_mood_from_one_to_five() {
        let ok = CheckInForm {
            mood: "4".into(),
            note: " fijn ".into(),
        };
        assert_eq!(
            ok.check(),
            Ok(CheckIn {
                mood: Mood::Good,
                note: "fijn".into()
            })
        );
        for bad in ["", "0", "6", "goed", "-1"] {
            let form = CheckInForm {
                mood: bad.into(),
                note: String::new(),
            };
            assert_eq!(form.check().unwrap_err()[0].0, "mood", "{bad:?}");
        }
        assert!(
            CancelForm {
                reason: "  ".into()
            }
            .check()
            .is_err()
        );
        assert_eq!(
            CancelForm {
                reason: "ziek".into()
            }
            .check(),
            Ok("ziek".into())
        );
    }

    #[test]
    fn moods_round_trip_and_low_ones_are_marked() {
        for mood in Mood::ALL {
            assert_eq!(Mood::from_value(mood.value()), Some(mood));
        }
        assert!(Mood::Meh.is_low() && !Mood::Okay.is_low());
        for status in ActivityStatus::ALL {
            assert_eq!(ActivityStatus::from_code(status.code()), Some(status));
        }
    }

    fn facts(signed: &str, last: Option<&str>) -> CadenceFacts {
        CadenceFacts {
            signed_on: day(signed),
            rhythm: Rhythm::default(),
            last_activity_on: last.map(day),
            last_mood: None,
            next_planned_on: None,
        }
    }

    #[test]
    fn a_duo_is_flagged_after_its_rhythm_plus_the_margin() {
        // Default rhythm: at most 3 weeks (21 days); margin 7: flagged from day 29 on.
        let f = facts("2026-01-01", Some("2026-10-01"));
        let c = cadence(&f, day("2026-10-29"), 7);
        assert_eq!((c.quiet_days, c.limit_days, c.flagged), (28, 28, false));
        let c = cadence(&f, day("2026-10-30"), 7);
        assert!(c.flagged && !c.first_months && c.needs_attention());
        // Something planned ahead: on their way, not flagged.
        let mut planned = f.clone();
        planned.next_planned_on = Some(day("2026-11-02"));
        assert!(!cadence(&planned, day("2026-10-30"), 7).flagged);
        // Without any activity yet, the signing day counts.
        let young = facts("2026-10-01", None);
        let c = cadence(&young, day("2026-11-01"), 7);
        assert!(c.flagged && c.first_months);
        // The buddy hears earlier than the coordinator.
        assert!(buddy_nudge_due(&f, day("2026-10-23")));
        assert!(!buddy_nudge_due(&f, day("2026-10-22")));
    }

    #[test]
    fn a_low_check_in_needs_attention_even_when_on_time() {
        let mut f = facts("2026-11-01", Some("2026-11-20"));
        f.last_mood = Some(Mood::Bad);
        let c = cadence(&f, day("2026-11-27"), 7);
        assert!(!c.flagged && c.low_checkin && c.first_months && c.needs_attention());
    }

    #[test]
    fn reminders_wait_for_the_morning_and_name_their_day() {
        use super::reminder::*;
        assert!(!open(at("2026-11-27 07:59")));
        assert!(open(at("2026-11-27 08:00")));
        assert_eq!(day_before_for(day("2026-11-30")), day("2026-12-01"));
        // In Brussels: winter time is UTC+1, and the day summer time starts has 23 hours.
        let tz = chrono_tz::Europe::Brussels;
        let (from, to) = day_bounds(day("2026-11-28"), tz);
        assert_eq!(from.to_rfc3339(), "2026-11-27T23:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-11-28T23:00:00+00:00");
        let (from, to) = day_bounds(day("2026-03-29"), tz);
        assert_eq!((to - from).num_hours(), 23);
        let f = facts("2026-10-01", None);
        assert_eq!(quiet_since(&f), day("2026-10-01"));
        let f = facts("2026-10-01", Some("2026-11-02"));
        assert_eq!(quiet_since(&f), day("2026-11-02"));
        assert_eq!(
            day_before_key(12, day("2026-11-28")),
            "activity_day_before:12:2026-11-28"
        );
        assert_ne!(
            buddy_nudge_key(3, day("2026-11-02")),
            buddy_nudge_key(3, day("2026-11-20"))
        );
    }
}
