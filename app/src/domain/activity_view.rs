//! What the buddy's phone and the coordinators' cadence watch show of activities. Built by
//! `db`, sent by `api`; a buddy's views carry only what the participant agreed to share.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::activity::{ActivityStatus, Cadence, Mood};
use super::duo::{DuoStage, Rhythm};
use super::lists::Named;
use super::profile::Availability;

/// What the participant agreed to share with their buddy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedParticipant {
    /// `None`: the participant did not agree to share it.
    pub first_name: Option<String>,
    pub phone: Option<String>,
    pub interests: Vec<String>,
    pub availability: Availability,
}

/// One activity as the buddy sees it (the check-in's note is for the coordinator only and
/// never comes back).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityView {
    pub id: i32,
    pub version: i32,
    pub duo_id: i32,
    pub kind_id: i32,
    pub kind: String,
    /// Local time in the programme's time zone.
    pub starts_at: NaiveDateTime,
    pub place: String,
    pub note: String,
    pub status: ActivityStatus,
    pub cancel_reason: Option<String>,
    pub checked_in: bool,
}

/// One of the buddy's duos on their home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuddyDuo {
    pub id: i32,
    pub stage: DuoStage,
    pub participant: SharedParticipant,
    /// The next planned activity.
    pub next: Option<ActivityView>,
    /// Planned activities whose time has passed: did it happen?
    pub to_confirm: Vec<ActivityView>,
    /// Confirmed activities without a check-in yet.
    pub to_check_in: Vec<ActivityView>,
    /// The latest few done or cancelled activities.
    pub recent: Vec<ActivityView>,
}

impl BuddyDuo {
    /// Only active duos go out together; a duo still getting to know each other waits.
    pub fn can_plan(&self) -> bool {
        self.stage == DuoStage::Active
    }
}

/// The buddy's home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuddyHome {
    /// `false`: the account is not (yet) linked to a buddy record by a coordinator.
    pub linked: bool,
    pub first_name: String,
    pub now: NaiveDateTime,
    pub duos: Vec<BuddyDuo>,
    /// This page's answer key (see `activity::answer_key`), in each of its forms.
    pub answer_key: String,
}

/// One activity with what the plan form needs (the activity kinds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPage {
    pub activity: ActivityView,
    /// The participant's first name if shared.
    pub with: Option<String>,
    pub kinds: Vec<Named>,
    pub now: NaiveDateTime,
    pub answer_key: String,
}

/// The plan form of one duo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPage {
    pub duo_id: i32,
    pub with: Option<String>,
    pub kinds: Vec<Named>,
    pub now: NaiveDateTime,
    pub answer_key: String,
}

/// How many done or cancelled activities the home page shows per duo.
pub const RECENT_ON_HOME: usize = 3;

/// One active duo in the coordinators' cadence watch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadenceRow {
    pub duo_id: i32,
    pub participant_first_name: String,
    pub buddy_first_name: String,
    pub signed_on: NaiveDate,
    pub rhythm: Rhythm,
    pub last_activity_on: Option<NaiveDate>,
    pub next_planned_on: Option<NaiveDate>,
    pub last_mood: Option<Mood>,
    pub cadence: Cadence,
}

/// Every active duo's cadence, those that need attention first (longest quiet first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadenceWatch {
    pub margin_days: u32,
    pub today: NaiveDate,
    pub rows: Vec<CadenceRow>,
}

impl CadenceWatch {
    pub fn flagged(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.cadence.needs_attention())
            .count()
    }
}

/// One activity as a coordinator sees it in a duo's timeline, check-in included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffActivity {
    pub activity: ActivityView,
    pub mood: Option<Mood>,
    pub checkin_note: Option<String>,
}
