//! Participants and buddies: their lifecycles, the intake and application forms as the
//! browser sends them, and the checks that turn those into typed records.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::profile::{
    Availability, ContactMethod, Gender, Profile, ProfileInput, Slot, TravelMode, validate,
};
use super::validation::{Problem, date_until, optional_date, text};

crate::coded! {
    /// Where a participant is in the programme (shared/DOMAIN.md).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ParticipantStatus {
        Registered = "registered",
        IntakeDone = "intake_done",
        Waiting = "waiting",
        Proposed = "proposed",
        InDuo = "in_duo",
        Paused = "paused",
        Closed = "closed",
    }
}

impl ParticipantStatus {
    /// The changes a coordinator makes by hand; proposals and duos move the others.
    pub fn can_move_to(self, to: ParticipantStatus) -> bool {
        use ParticipantStatus::*;
        matches!(
            (self, to),
            (Registered, IntakeDone)
                | (Registered | IntakeDone, Waiting)
                | (Waiting, Paused)
                | (Paused, Waiting)
                | (Registered | IntakeDone | Waiting | Paused, Closed)
                | (Closed, Waiting)
        )
    }
}

crate::coded! {
    /// Why a participant's record was closed by hand (they left without a match, or after
    /// one ended with "no click"): the waiting-list report counts leavers by it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum LeaveReason {
        /// Found support or company elsewhere.
        HelpElsewhere = "help_elsewhere",
        /// No longer wants a buddy.
        NoLongerWanted = "no_longer_wanted",
        /// Could not be reached any more.
        Unreachable = "unreachable",
        Moved = "moved",
        /// Their health (or care situation) does not allow it now.
        Health = "health",
        /// Waited too long.
        WaitTooLong = "wait_too_long",
        Other = "other",
    }
}

/// A coordinator's change of a participant's status, as checked: where to, why (a closing)
/// and the note for the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusMove {
    pub to: ParticipantStatus,
    pub reason: Option<LeaveReason>,
    pub note: String,
}

impl StatusMove {
    /// The form's fields checked; a problem names its field.
    pub fn check(status: &str, reason: &str, note: &str) -> Result<Self, (&'static str, Problem)> {
        let to = ParticipantStatus::from_code(status).ok_or(("status", Problem::Invalid))?;
        let reason = leave_reason(to, reason).map_err(|p| ("reason", p))?;
        let note = text(note, 0, 500).map_err(|p| ("note", p))?;
        Ok(StatusMove { to, reason, note })
    }
}

/// The reason that goes with a status change: closing a record asks for one (so that the
/// report can say why people leave); any other change has none, whatever the form sent.
pub fn leave_reason(to: ParticipantStatus, reason: &str) -> Result<Option<LeaveReason>, Problem> {
    if to != ParticipantStatus::Closed {
        return Ok(None);
    }
    match reason.trim() {
        "" => Err(Problem::Required),
        code => LeaveReason::from_code(code)
            .map(Some)
            .ok_or(Problem::Invalid),
    }
}

crate::coded! {
    /// Where a buddy is in the programme (shared/DOMAIN.md).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum BuddyStatus {
        Applied = "applied",
        Screening = "screening",
        NotApproved = "not_approved",
        Available = "available",
        InDuo = "in_duo",
        Paused = "paused",
        Stopped = "stopped",
    }
}

impl BuddyStatus {
    /// Screening approved: the buddy may be matched.
    pub fn is_approved(self) -> bool {
        matches!(
            self,
            BuddyStatus::Available | BuddyStatus::InDuo | BuddyStatus::Paused
        )
    }
}

crate::coded! {
    /// The outcome a screener records after a screening interview.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ScreeningOutcome {
        Approved = "approved",
        NotApproved = "not_approved",
        SecondTalk = "second_talk",
    }
}

impl ScreeningOutcome {
    /// The buddy's status after this outcome.
    pub fn buddy_status(self) -> BuddyStatus {
        match self {
            ScreeningOutcome::Approved => BuddyStatus::Available,
            ScreeningOutcome::NotApproved => BuddyStatus::NotApproved,
            ScreeningOutcome::SecondTalk => BuddyStatus::Screening,
        }
    }
}

/// A profile form as the browser sends it: every value as typed, so that nonsense becomes
/// a message at its field rather than an unreadable request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub first_name: String,
    pub last_name: String,
    /// `YYYY-MM-DD`, as `<input type=date>` sends it.
    pub birth_date: String,
    pub gender: String,
    pub municipality_id: String,
    pub phone: String,
    pub email: String,
    pub preferred_contact: String,
    /// Comma-separated.
    pub languages: String,
    pub interests: Vec<String>,
    /// Keyed `s<scale id>`: a bare number would be read as a list position.
    pub personality: BTreeMap<String, String>,
    pub smokes: String,
    pub accepts_smoker: String,
    /// Slot numbers (`Slot::index`).
    pub availability: Vec<String>,
    pub max_travel_km: String,
    pub travel_modes: Vec<String>,
    pub wish_genders: Vec<String>,
    pub wish_age_min: String,
    pub wish_age_max: String,
    pub wish_note: String,
}

/// One problem with one field of a form.
pub type FieldProblem = (String, Problem);

fn checked(value: &str) -> bool {
    matches!(value, "true" | "on" | "1")
}

impl ProfileForm {
    /// The form's values for an existing profile.
    pub fn from_profile(p: &Profile) -> Self {
        ProfileForm {
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            birth_date: p.birth_date.format("%Y-%m-%d").to_string(),
            gender: p.gender.code().into(),
            municipality_id: p.municipality_id.to_string(),
            phone: p.phone.clone().unwrap_or_default(),
            email: p.email.clone().unwrap_or_default(),
            preferred_contact: p.preferred_contact.code().into(),
            languages: p.languages.join(", "),
            interests: p.interests.iter().map(|i| i.to_string()).collect(),
            personality: p
                .personality
                .iter()
                .map(|(k, v)| (format!("s{k}"), v.to_string()))
                .collect(),
            smokes: p.smoking.smokes.to_string(),
            accepts_smoker: p.smoking.accepts_smoker.to_string(),
            availability: p
                .availability
                .slots()
                .map(|s| s.index().to_string())
                .collect(),
            max_travel_km: p.travel.max_km.to_string(),
            travel_modes: p.travel.modes.iter().map(|m| m.code().into()).collect(),
            wish_genders: p.wishes.genders.iter().map(|g| g.code().into()).collect(),
            wish_age_min: p.wishes.age.min.map(|v| v.to_string()).unwrap_or_default(),
            wish_age_max: p.wishes.age.max.map(|v| v.to_string()).unwrap_or_default(),
            wish_note: p.wishes.note.clone(),
        }
    }

    /// Reads the typed values and checks them; every problem is listed with its field.
    pub fn check(&self, today: NaiveDate) -> Result<Profile, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut bad = |field: &str, problem: Problem| problems.push((field.to_owned(), problem));
        let number = |v: &str| v.trim().parse::<i64>().ok();

        let birth_date = optional_date(&self.birth_date)
            .map_err(|p| bad("birth_date", p))
            .ok()
            .flatten();
        let gender = match self.gender.trim() {
            "" => None,
            v => Gender::from_code(v).or_else(|| {
                bad("gender", Problem::Invalid);
                None
            }),
        };
        let municipality_id = match self.municipality_id.trim() {
            "" => None,
            v => number(v).or_else(|| {
                bad("municipality_id", Problem::Invalid);
                None
            }),
        };
        let preferred_contact = match self.preferred_contact.trim() {
            "" => ContactMethod::default(),
            v => ContactMethod::ALL
                .into_iter()
                .find(|c| c.code() == v)
                .unwrap_or_else(|| {
                    bad("preferred_contact", Problem::Invalid);
                    ContactMethod::default()
                }),
        };
        let interests: Vec<i64> = self
            .interests
            .iter()
            .filter_map(|v| {
                number(v).or_else(|| {
                    bad("interests", Problem::Invalid);
                    None
                })
            })
            .collect();
        let mut personality = Vec::new();
        for (key, value) in &self.personality {
            if value.trim().is_empty() {
                continue;
            }
            match (key.strip_prefix('s').and_then(number), number(value)) {
                (Some(scale), Some(v)) => personality.push((scale, v)),
                _ => bad("personality", Problem::Invalid),
            }
        }
        let mut availability = Availability::NONE;
        for v in &self.availability {
            match number(v)
                .and_then(|i| u32::try_from(i).ok())
                .and_then(Slot::from_index)
            {
                Some(slot) => availability.set(slot, true),
                None => bad("availability", Problem::Invalid),
            }
        }
        let max_travel_km = match self.max_travel_km.trim() {
            "" => 0,
            v => number(v).unwrap_or_else(|| {
                bad("max_travel_km", Problem::Invalid);
                0
            }),
        };
        let mut travel_modes = BTreeSet::new();
        for v in &self.travel_modes {
            match TravelMode::ALL.into_iter().find(|m| m.code() == v) {
                Some(m) => {
                    travel_modes.insert(m);
                }
                None => bad("travel_modes", Problem::Invalid),
            }
        }
        let mut wish_genders = BTreeSet::new();
        for v in &self.wish_genders {
            match Gender::from_code(v) {
                Some(g) => {
                    wish_genders.insert(g);
                }
                None => bad("wish_genders", Problem::Invalid),
            }
        }
        let mut age = |field: &str, v: &str| match v.trim() {
            "" => None,
            v => number(v).or_else(|| {
                bad(field, Problem::Invalid);
                None
            }),
        };
        let wish_age_min = age("wish_age_min", &self.wish_age_min);
        let wish_age_max = age("wish_age_max", &self.wish_age_max);
        let input = ProfileInput {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            birth_date,
            gender,
            municipality_id,
            phone: self.phone.clone(),
            email: self.email.clone(),
            preferred_contact,
            languages: self
                .languages
                .split(',')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            interests,
            personality,
            smokes: checked(&self.smokes),
            accepts_smoker: checked(&self.accepts_smoker),
            availability,
            max_travel_km,
            travel_modes,
            wish_genders,
            wish_age_min,
            wish_age_max,
            wish_note: self.wish_note.clone(),
        };
        let checked = validate(&input, today);
        // A value that could not be read is reported once, not again as "required".
        let mut all = problems;
        match checked {
            Ok(profile) if all.is_empty() => Ok(profile),
            Ok(_) => Err(all),
            Err(more) => {
                for (field, problem) in more {
                    if !all.iter().any(|(f, _)| f == field) {
                        all.push((field.to_owned(), problem));
                    }
                }
                Err(all)
            }
        }
    }
}

/// Version of the consent text that the intake form shows; stored with each consent.
pub const CONSENT_TEXT_VERSION: &str = "2026-11";

/// What the participant agreed to, recorded at intake.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// Matching and follow-up by the programme: without it there is no intake.
    pub matching: bool,
    pub share_first_name: bool,
    pub share_phone: bool,
    pub share_interests: bool,
    pub text_version: String,
    pub given_on: NaiveDate,
    pub recorded_by: i32,
}

/// The intake form: the profile and what only the programme keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IntakeForm {
    pub profile: ProfileForm,
    pub intake_date: String,
    pub referral_organisation_id: String,
    pub referral_contact: String,
    pub support_contact: String,
    pub consent_matching: String,
    pub consent_share_first_name: String,
    pub consent_share_phone: String,
    pub consent_share_interests: String,
    pub coordinator_notes: String,
}

/// A checked intake.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Intake {
    pub profile: Profile,
    pub intake_date: NaiveDate,
    pub referral_organisation_id: Option<i64>,
    pub referral_contact: String,
    pub support_contact: String,
    pub consent: Consent,
    pub coordinator_notes: String,
}

/// Longest coordinator note.
pub const NOTES_MAX: usize = 4000;

impl IntakeForm {
    pub fn check(&self, today: NaiveDate, recorded_by: i32) -> Result<Intake, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let profile = self
            .profile
            .check(today)
            .map_err(|p| problems.extend(p))
            .ok();
        let mut bad = |field: &str, problem: Problem| problems.push((field.to_owned(), problem));
        let intake_date = match date_until(&self.intake_date, today) {
            Ok(d) if d >= NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(d) => Some(d),
            _ => {
                bad("intake_date", Problem::Invalid);
                None
            }
        };
        let referral_organisation_id = match self.referral_organisation_id.trim() {
            "" => None,
            v => match v.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    bad("referral_organisation_id", Problem::Invalid);
                    None
                }
            },
        };
        let mut long = |field: &str, value: &str, max: usize| {
            text(value, 0, max)
                .map_err(|p| bad(field, p))
                .unwrap_or_default()
        };
        let referral_contact = long("referral_contact", &self.referral_contact, 200);
        let support_contact = long("support_contact", &self.support_contact, 300);
        let coordinator_notes = long("coordinator_notes", &self.coordinator_notes, NOTES_MAX);
        if !checked(&self.consent_matching) {
            problems.push(("consent_matching".into(), Problem::Required));
        }
        match (profile, intake_date) {
            (Some(profile), Some(intake_date)) if problems.is_empty() => Ok(Intake {
                profile,
                intake_date,
                referral_organisation_id,
                referral_contact,
                support_contact,
                consent: Consent {
                    matching: true,
                    share_first_name: checked(&self.consent_share_first_name),
                    share_phone: checked(&self.consent_share_phone),
                    share_interests: checked(&self.consent_share_interests),
                    text_version: CONSENT_TEXT_VERSION.into(),
                    given_on: intake_date,
                    recorded_by,
                },
                coordinator_notes,
            }),
            _ => Err(problems),
        }
    }
}

/// A line of the participants list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRow {
    pub id: i32,
    pub first_name: String,
    pub last_name: String,
    pub age: u32,
    pub municipality: String,
    pub status: ParticipantStatus,
    pub waiting_since: NaiveDate,
    pub days_waiting: i64,
    pub last_contact_on: Option<NaiveDate>,
}

crate::coded! {
    /// How the participants list is sorted.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ParticipantSort {
        #[default]
        WaitingLongest = "waiting",
        Name = "name",
        Newest = "newest",
    }
}

pub use super::coded::Coded;

/// Longest part of a name a list can be filtered on.
pub const NAME_FILTER_MAX: usize = 80;

/// Which people a list shows: what the participants and buddies lists filter on alike.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleFilter<S, O> {
    pub status: Option<S>,
    pub municipality_id: Option<i64>,
    pub interest_id: Option<i64>,
    /// Part of a first or last name.
    pub name: String,
    pub sort: O,
    /// Zero-based.
    pub page: u64,
}

// By hand: a derived `Default` would also ask it of the status, which has none.
impl<S, O: Default> Default for PeopleFilter<S, O> {
    fn default() -> Self {
        PeopleFilter {
            status: None,
            municipality_id: None,
            interest_id: None,
            name: String::new(),
            sort: O::default(),
            page: 0,
        }
    }
}

impl<S: Coded, O: Coded + Default> PeopleFilter<S, O> {
    /// The filter as a list's form sends it: blank values filter nothing, an unknown code
    /// or an overlong name is a problem at its field.
    pub fn read(
        status: Option<&str>,
        municipality_id: Option<i64>,
        interest_id: Option<i64>,
        name: Option<&str>,
        sort: Option<&str>,
        page: Option<u64>,
    ) -> Result<Self, FieldProblem> {
        fn coded<T: Coded>(field: &str, value: Option<&str>) -> Result<Option<T>, FieldProblem> {
            match value.map(str::trim).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(code) => T::from_code(code)
                    .map(Some)
                    .ok_or_else(|| (field.to_owned(), Problem::Invalid)),
            }
        }
        let name = name.unwrap_or_default().trim().to_owned();
        if name.chars().count() > NAME_FILTER_MAX {
            return Err((
                "name".to_owned(),
                Problem::TooLong {
                    max: NAME_FILTER_MAX,
                },
            ));
        }
        Ok(PeopleFilter {
            status: coded("status", status)?,
            municipality_id,
            interest_id,
            name,
            sort: coded("sort", sort)?.unwrap_or_default(),
            page: page.unwrap_or(0),
        })
    }
}

/// Which participants a list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantFilter {
    pub people: PeopleFilter<ParticipantStatus, ParticipantSort>,
    /// Waiting at least this many days.
    pub min_days_waiting: Option<i64>,
}

crate::coded! {
    /// How the buddies list is sorted.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum BuddySort {
        /// Newest applications first.
        #[default]
        Newest = "newest",
        Name = "name",
        /// Approved longest ago first; those not approved come last.
        LongestApproved = "approved",
    }
}

/// Which buddies a list shows (a screener's list is narrowed further, by who asks).
pub type BuddyFilter = PeopleFilter<BuddyStatus, BuddySort>;

/// Rows per page of a list.
pub const PAGE_SIZE: u64 = 25;

/// One page of a longer list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paged<T> {
    pub rows: Vec<T>,
    pub total: u64,
    pub page: u64,
}

impl<T> Paged<T> {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(PAGE_SIZE).max(1)
    }
}

/// One step of a person's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: chrono::DateTime<chrono::Utc>,
    pub from: Option<String>,
    pub to: String,
    pub by: Option<String>,
    pub note: String,
    /// A `LeaveReason` code on a closing.
    #[serde(default)]
    pub reason: Option<String>,
}

/// Everything a coordinator sees of one participant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantDetail {
    pub id: i32,
    pub version: i32,
    pub status: ParticipantStatus,
    pub intake: Intake,
    pub waiting_since: NaiveDate,
    pub last_contact_on: Option<NaiveDate>,
    /// Set once the record was anonymised (see `domain::privacy`).
    pub erased_on: Option<NaiveDate>,
    pub timeline: Vec<TimelineEntry>,
}

impl ParticipantDetail {
    /// The intake form's values, for editing.
    pub fn form(&self) -> IntakeForm {
        let i = &self.intake;
        let yes = |b: bool| if b { "true".to_owned() } else { String::new() };
        IntakeForm {
            profile: ProfileForm::from_profile(&i.profile),
            intake_date: i.intake_date.format("%Y-%m-%d").to_string(),
            referral_organisation_id: i
                .referral_organisation_id
                .map(|v| v.to_string())
                .unwrap_or_default(),
            referral_contact: i.referral_contact.clone(),
            support_contact: i.support_contact.clone(),
            consent_matching: yes(i.consent.matching),
            consent_share_first_name: yes(i.consent.share_first_name),
            consent_share_phone: yes(i.consent.share_phone),
            consent_share_interests: yes(i.consent.share_interests),
            coordinator_notes: i.coordinator_notes.clone(),
        }
    }
}

/// A waiting participant as the waiting list shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingRow {
    pub id: i32,
    pub first_name: String,
    pub last_name: String,
    pub municipality: String,
    pub waiting_since: NaiveDate,
    pub days_waiting: i64,
    pub last_contact_on: Option<NaiveDate>,
    /// No contact for longer than the programme's limit.
    pub contact_overdue: bool,
    /// Stepping stones given: (title, date).
    pub referrals: Vec<(String, NaiveDate)>,
    /// The best-fitting stepping stone of the catalogue and how many fit in all.
    #[serde(default)]
    pub stone_hint: Option<(String, usize)>,
}

/// Weeks without contact after which a waiting participant is flagged, unless an admin set
/// another number.
pub const DEFAULT_CONTACT_WEEKS: i64 = 6;

/// Whether a waiting participant has gone without contact for too long.
pub fn contact_overdue(
    last_contact_on: Option<NaiveDate>,
    waiting_since: NaiveDate,
    today: NaiveDate,
    weeks: i64,
) -> bool {
    let last = last_contact_on.unwrap_or(waiting_since).max(waiting_since);
    (today - last).num_days() > weeks * 7
}

/// The buddy application, filled in by the volunteer or by a coordinator.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicationForm {
    pub profile: ProfileForm,
    pub motivation: String,
    /// How many duos the volunteer can take on.
    pub capacity: String,
    /// Read the privacy notice (the public form asks for it).
    pub privacy_read: String,
    /// Left empty by people; filled in by robots that fill in every field.
    pub website: String,
    /// How they heard of the programme: a `HeardVia` code, or blank.
    pub heard_via: String,
    /// The code of the awareness campaign they met, if they have it.
    pub campaign_code: String,
}

/// A checked application.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub profile: Profile,
    pub motivation: String,
    pub capacity: u8,
}

/// Most duos one buddy takes on.
pub const MAX_CAPACITY: i64 = 3;

impl ApplicationForm {
    /// Whether a robot filled in the hidden field.
    pub fn is_spam(&self) -> bool {
        !self.website.trim().is_empty()
    }

    pub fn check(&self, today: NaiveDate, public: bool) -> Result<Application, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let profile = self
            .profile
            .check(today)
            .map_err(|p| problems.extend(p))
            .ok();
        let motivation = text(&self.motivation, 0, NOTES_MAX)
            .map_err(|p| problems.push(("motivation".into(), p)))
            .ok();
        let capacity = match self.capacity.trim() {
            "" => Some(1),
            v => match v.parse::<i64>() {
                Ok(n) if (1..=MAX_CAPACITY).contains(&n) => Some(n as u8),
                Ok(_) => {
                    problems.push((
                        "capacity".into(),
                        Problem::OutOfRange {
                            min: 1,
                            max: MAX_CAPACITY,
                        },
                    ));
                    None
                }
                Err(_) => {
                    problems.push(("capacity".into(), Problem::Invalid));
                    None
                }
            },
        };
        if public && !checked(&self.privacy_read) {
            problems.push(("privacy_read".into(), Problem::Required));
        }
        match (profile, motivation, capacity) {
            (Some(profile), Some(motivation), Some(capacity)) if problems.is_empty() => {
                Ok(Application {
                    profile,
                    motivation,
                    capacity,
                })
            }
            _ => Err(problems),
        }
    }
}

/// A line of the buddies list (and of a screener's candidates).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuddyRow {
    pub id: i32,
    pub first_name: String,
    pub last_name: String,
    pub age: u32,
    pub municipality: String,
    pub status: BuddyStatus,
    pub applied_on: NaiveDate,
    pub approved_on: Option<NaiveDate>,
    pub screener: Option<String>,
}

/// A screening interview as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningRecord {
    pub held_on: NaiveDate,
    pub outcome: ScreeningOutcome,
    pub notes: String,
    pub screener: Option<String>,
}

/// One buddy's record, as coordinators (and their screener) see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuddyDetail {
    pub id: i32,
    pub version: i32,
    pub status: BuddyStatus,
    pub application: Application,
    pub applied_on: NaiveDate,
    pub approved_on: Option<NaiveDate>,
    pub screener_id: Option<i32>,
    pub screenings: Vec<ScreeningRecord>,
    pub timeline: Vec<TimelineEntry>,
    /// The buddy signs in to Klik with an account of their own.
    pub has_account: bool,
    /// Set once the record was anonymised (see `domain::privacy`).
    pub erased_on: Option<NaiveDate>,
}

impl BuddyDetail {
    /// The application form's values, for editing.
    pub fn form(&self) -> ApplicationForm {
        let a = &self.application;
        ApplicationForm {
            profile: ProfileForm::from_profile(&a.profile),
            motivation: a.motivation.clone(),
            capacity: a.capacity.to_string(),
            ..Default::default()
        }
    }
}

/// A screening interview as the screener's form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScreeningForm {
    pub held_on: String,
    pub outcome: String,
    pub notes: String,
}

/// A checked screening interview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screening {
    pub held_on: NaiveDate,
    pub outcome: ScreeningOutcome,
    pub notes: String,
}

impl ScreeningForm {
    /// Held today or before (a date must be given), with an outcome; every problem listed.
    pub fn check(&self, today: NaiveDate) -> Result<Screening, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let held_on = match super::validation::date(&self.held_on) {
            Ok(d) if d <= today => Some(d),
            _ => {
                problems.push(("held_on".to_owned(), Problem::Invalid));
                None
            }
        };
        let outcome = ScreeningOutcome::from_code(self.outcome.trim());
        if outcome.is_none() {
            problems.push(("outcome".to_owned(), Problem::Required));
        }
        let notes = text(&self.notes, 0, NOTES_MAX)
            .map_err(|p| problems.push(("notes".to_owned(), p)))
            .ok();
        match (held_on, outcome, notes) {
            (Some(held_on), Some(outcome), Some(notes)) if problems.is_empty() => Ok(Screening {
                held_on,
                outcome,
                notes,
            }),
            _ => Err(problems),
        }
    }
}

/// Longest note on a contact with a waiting participant.
pub const CONTACT_NOTE_MAX: usize = 500;

/// A contact with a waiting participant (or a referral to a stepping stone), as the waiting
/// list's form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    /// Blank: today.
    pub on: String,
    /// A stepping stone's id, or blank.
    pub stepping_stone: String,
    pub note: String,
}

/// A checked contact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub on: NaiveDate,
    pub stepping_stone: Option<i32>,
    pub note: String,
}

impl ContactForm {
    /// On or before today; the stepping stone one of `stepping_stones` (the offered ids).
    pub fn check(
        &self,
        today: NaiveDate,
        stepping_stones: &[i64],
    ) -> Result<Contact, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let on = date_until(&self.on, today)
            .map_err(|p| problems.push(("on".to_owned(), p)))
            .ok();
        let stepping_stone = match self.stepping_stone.trim() {
            "" => Some(None),
            v => match v.parse::<i64>() {
                Ok(id) if stepping_stones.contains(&id) => i32::try_from(id).ok().map(Some),
                _ => None,
            },
        };
        if stepping_stone.is_none() {
            problems.push(("stepping_stone".to_owned(), Problem::Invalid));
        }
        let note = text(&self.note, 0, CONTACT_NOTE_MAX)
            .map_err(|p| problems.push(("note".to_owned(), p)))
            .ok();
        match (on, stepping_stone, note) {
            (Some(on), Some(stepping_stone), Some(note)) if problems.is_empty() => Ok(Contact {
                on,
                stepping_stone,
                note,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_a_record_asks_why_and_nothing_else_does() {
        use ParticipantStatus::*;
        assert_eq!(
            leave_reason(Closed, " moved "),
            Ok(Some(LeaveReason::Moved))
        );
        assert_eq!(leave_reason(Closed, ""), Err(Problem::Required));
        assert_eq!(leave_reason(Closed, "  "), Err(Problem::Required));
        assert_eq!(leave_reason(Closed, "Moved"), Err(Problem::Invalid));
        assert_eq!(leave_reason(Closed, "<b>x</b>"), Err(Problem::Invalid));
        for to in [Waiting, Paused, IntakeDone] {
            assert_eq!(leave_reason(to, "moved"), Ok(None));
            assert_eq!(leave_reason(to, "nonsense"), Ok(None));
        }
        for r in LeaveReason::ALL {
            assert_eq!(leave_reason(Closed, r.code()), Ok(Some(r)));
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn a_screening_needs_a_past_date_and_an_outcome() {
        let form = |held_on: &str, outcome: &str, notes: &str| ScreeningForm {
            held_on: held_on.into(),
            outcome: outcome.into(),
            notes: notes.into(),
        };
        assert_eq!(
            form("2026-11-27", "approved", " fijn gesprek ").check(today()),
            Ok(Screening {
                held_on: today(),
                outcome: ScreeningOutcome::Approved,
                notes: "fijn gesprek".into(),
            })
        );
        let fields = |r: Result<Screening, Vec<FieldProblem>>| -> Vec<String> {
            r.unwrap_err().into_iter().map(|(f, _)| f).collect()
        };
        assert_eq!(
            fields(form("", "", "").check(today())),
            ["held_on", "outcome"]
        );
        assert_eq!(
            fields(form("2026-11-28", "approved", "").check(today())),
            ["held_on"]
        );
        assert_eq!(
            fields(form("2026-11-01", "maybe", "").check(today())),
            ["outcome"]
        );
        let long = "x".repeat(NOTES_MAX + 1);
        assert_eq!(
            fields(form("2026-11-01", "approved", &long).check(today())),
            ["notes"]
        );
    }

    #[test]
    fn a_contact_is_today_by_default_and_names_an_offered_stepping_stone() {
        let form = |on: &str, stone: &str, note: &str| ContactForm {
            on: on.into(),
            stepping_stone: stone.into(),
            note: note.into(),
        };
        assert_eq!(
            form("", "", "").check(today(), &[3]),
            Ok(Contact {
                on: today(),
                stepping_stone: None,
                note: String::new()
            })
        );
        assert_eq!(
            form("2026-11-01", "3", "belde")
                .check(today(), &[3])
                .map(|c| c.stepping_stone),
            Ok(Some(3))
        );
        let fields = |r: Result<Contact, Vec<FieldProblem>>| -> Vec<String> {
            r.unwrap_err().into_iter().map(|(f, _)| f).collect()
        };
        assert_eq!(
            fields(form("2026-11-28", "4", "").check(today(), &[3])),
            ["on", "stepping_stone"]
        );
        assert_eq!(
            fields(form("", "x", "").check(today(), &[3])),
            ["stepping_stone"]
        );
        assert_eq!(
            fields(form("", "99999999999", "").check(today(), &[99999999999])),
            ["stepping_stone"]
        );
        let long = "x".repeat(CONTACT_NOTE_MAX + 1);
        assert_eq!(fields(form("", "", &long).check(today(), &[])), ["note"]);
    }

    pub fn sample_form() -> ProfileForm {
        ProfileForm {
            first_name: "Mira".into(),
            last_name: "Verhoeven".into(),
            birth_date: "1990-04-12".into(),
            gender: "woman".into(),
            municipality_id: "1".into(),
            phone: "015 12 34 56".into(),
            preferred_contact: "phone".into(),
            languages: "Nederlands, Frans".into(),
            interests: vec!["2".into(), "5".into()],
            personality: [("s1".to_owned(), "4".to_owned())].into(),
            availability: vec!["0".into(), "17".into()],
            max_travel_km: "10".into(),
            travel_modes: vec!["bike".into()],
            wish_genders: vec!["woman".into()],
            wish_age_min: "25".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_filled_in_form_becomes_a_profile() {
        let p = sample_form().check(today()).unwrap();
        assert_eq!(p.languages, vec!["Nederlands", "Frans"]);
        assert_eq!(p.interests, vec![2, 5]);
        assert_eq!(p.availability.count(), 2);
        assert_eq!(p.personality.get(&1), Some(&4));
        assert_eq!(ProfileForm::from_profile(&p).check(today()), Ok(p));
    }

    #[test]
    fn nonsense_is_reported_at_its_field_once() {
        let mut form = sample_form();
        form.birth_date = "12/04/1990".into();
        form.gender = "robot".into();
        form.interests.push("drop table".into());
        form.availability.push("21".into());
        form.max_travel_km = "ver".into();
        let problems = form.check(today()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        for field in [
            "birth_date",
            "gender",
            "interests",
            "availability",
            "max_travel_km",
        ] {
            assert_eq!(
                fields.iter().filter(|f| **f == field).count(),
                1,
                "{field}: {problems:?}"
            );
        }
        let empty = ProfileForm::default().check(today()).unwrap_err();
        assert!(empty.contains(&("first_name".into(), Problem::Required)));
        assert!(empty.contains(&("birth_date".into(), Problem::Required)));
    }

    #[test]
    fn an_intake_needs_consent_for_matching_and_a_date_not_in_the_future() {
        let mut form = IntakeForm {
            profile: sample_form(),
            ..Default::default()
        };
        assert!(
            form.check(today(), 1)
                .unwrap_err()
                .contains(&("consent_matching".into(), Problem::Required))
        );
        form.consent_matching = "true".into();
        form.consent_share_phone = "true".into();
        let intake = form.check(today(), 7).unwrap();
        assert_eq!(intake.intake_date, today());
        assert!(intake.consent.share_phone && !intake.consent.share_interests);
        assert_eq!(intake.consent.recorded_by, 7);
        form.intake_date = "2026-12-01".into();
        assert_eq!(
            form.check(today(), 1).unwrap_err(),
            vec![("intake_date".to_owned(), Problem::Invalid)]
        );
        form.intake_date = String::new();
        form.coordinator_notes = "x".repeat(NOTES_MAX + 1);
        assert_eq!(
            form.check(today(), 1).unwrap_err(),
            vec![(
                "coordinator_notes".to_owned(),
                Problem::TooLong { max: NOTES_MAX }
            )]
        );
    }

    #[test]
    fn an_application_needs_the_privacy_notice_when_public_and_a_sane_capacity() {
        let mut form = ApplicationForm {
            profile: sample_form(),
            motivation: "Graag iemand helpen".into(),
            ..Default::default()
        };
        assert_eq!(
            form.check(today(), true).unwrap_err(),
            vec![("privacy_read".to_owned(), Problem::Required)]
        );
        assert_eq!(form.check(today(), false).unwrap().capacity, 1);
        form.privacy_read = "true".into();
        form.capacity = "9".into();
        assert_eq!(
            form.check(today(), true).unwrap_err(),
            vec![(
                "capacity".to_owned(),
                Problem::OutOfRange { min: 1, max: 3 }
            )]
        );
        form.capacity = "2".into();
        assert_eq!(form.check(today(), true).unwrap().capacity, 2);
        assert!(!form.is_spam());
        form.website = "http://spam.example".into();
        assert!(form.is_spam());
    }

    #[test]
    fn list_filters_read_blanks_as_nothing_and_refuse_unknown_codes() {
        let all = BuddyFilter::read(Some(" "), None, None, None, Some(""), None).unwrap();
        assert_eq!(all, BuddyFilter::default());
        let f = BuddyFilter::read(
            Some("available"),
            Some(3),
            Some(2),
            Some(" Koen "),
            Some("approved"),
            Some(4),
        )
        .unwrap();
        assert_eq!(f.status, Some(BuddyStatus::Available));
        assert_eq!(
            (f.municipality_id, f.interest_id, f.page),
            (Some(3), Some(2), 4)
        );
        assert_eq!(
            (f.name.as_str(), f.sort),
            ("Koen", BuddySort::LongestApproved)
        );
        // A participant's status is not a buddy's.
        assert_eq!(
            BuddyFilter::read(Some("waiting"), None, None, None, None, None),
            Err(("status".to_owned(), Problem::Invalid))
        );
        assert_eq!(
            BuddyFilter::read(None, None, None, None, Some("waiting"), None),
            Err(("sort".to_owned(), Problem::Invalid))
        );
        let long = "x".repeat(NAME_FILTER_MAX + 1);
        assert_eq!(
            PeopleFilter::<ParticipantStatus, ParticipantSort>::read(
                None,
                None,
                None,
                Some(&long),
                None,
                None
            ),
            Err((
                "name".to_owned(),
                Problem::TooLong {
                    max: NAME_FILTER_MAX
                }
            ))
        );
        for s in BuddySort::ALL {
            assert_eq!(<BuddySort as Coded>::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn a_buddy_s_form_gives_back_the_same_application() {
        let form = ApplicationForm {
            profile: sample_form(),
            motivation: "Graag iemand helpen".into(),
            capacity: "2".into(),
            ..Default::default()
        };
        let application = form.check(today(), false).unwrap();
        let detail = BuddyDetail {
            id: 1,
            version: 1,
            status: BuddyStatus::Available,
            application: application.clone(),
            applied_on: today(),
            approved_on: None,
            screener_id: None,
            screenings: vec![],
            timeline: vec![],
            has_account: false,
            erased_on: None,
        };
        assert_eq!(detail.form().check(today(), false), Ok(application));
    }

    #[test]
    fn waiting_participants_are_flagged_after_the_weeks_without_contact() {
        let since = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        assert!(contact_overdue(None, since, today(), 6));
        let recent = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert!(!contact_overdue(Some(recent), since, today(), 6));
        assert!(contact_overdue(Some(recent), since, today(), 3));
        // Exactly on the limit is not yet overdue.
        let limit = today() - chrono::Duration::weeks(6);
        assert!(!contact_overdue(Some(limit), limit, today(), 6));
    }

    #[test]
    fn hand_moves_follow_the_lifecycle() {
        use ParticipantStatus::*;
        assert!(Waiting.can_move_to(Paused));
        assert!(Paused.can_move_to(Waiting));
        assert!(Waiting.can_move_to(Closed));
        assert!(
            !Waiting.can_move_to(InDuo),
            "only a duo makes an in-duo participant"
        );
        assert!(!InDuo.can_move_to(Closed), "a duo ends first");
        assert!(!Closed.can_move_to(Paused));
        for s in ParticipantStatus::ALL {
            assert_eq!(ParticipantStatus::from_code(s.code()), Some(s));
            assert!(!s.can_move_to(s));
        }
        for s in BuddyStatus::ALL {
            assert_eq!(BuddyStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(
            ScreeningOutcome::Approved.buddy_status(),
            BuddyStatus::Available
        );
        assert!(BuddyStatus::Available.is_approved() && !BuddyStatus::Screening.is_approved());
    }
}
