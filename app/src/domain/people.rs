//! Participants and buddies: their lifecycles, the intake and application forms as the
//! browser sends them, and the checks that turn those into typed records.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::profile::{
    Availability, ContactMethod, Gender, Profile, ProfileInput, Slot, TravelMode, validate,
};
use super::validation::{Problem, text};

/// Where a participant is in the programme (shared/DOMAIN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantStatus {
    Registered,
    IntakeDone,
    Waiting,
    Proposed,
    InDuo,
    Paused,
    Closed,
}

impl ParticipantStatus {
    pub const ALL: [ParticipantStatus; 7] = [
        ParticipantStatus::Registered,
        ParticipantStatus::IntakeDone,
        ParticipantStatus::Waiting,
        ParticipantStatus::Proposed,
        ParticipantStatus::InDuo,
        ParticipantStatus::Paused,
        ParticipantStatus::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ParticipantStatus::Registered => "registered",
            ParticipantStatus::IntakeDone => "intake_done",
            ParticipantStatus::Waiting => "waiting",
            ParticipantStatus::Proposed => "proposed",
            ParticipantStatus::InDuo => "in_duo",
            ParticipantStatus::Paused => "paused",
            ParticipantStatus::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

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

/// Where a buddy is in the programme (shared/DOMAIN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuddyStatus {
    Applied,
    Screening,
    NotApproved,
    Available,
    InDuo,
    Paused,
    Stopped,
}

impl BuddyStatus {
    pub const ALL: [BuddyStatus; 7] = [
        BuddyStatus::Applied,
        BuddyStatus::Screening,
        BuddyStatus::NotApproved,
        BuddyStatus::Available,
        BuddyStatus::InDuo,
        BuddyStatus::Paused,
        BuddyStatus::Stopped,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BuddyStatus::Applied => "applied",
            BuddyStatus::Screening => "screening",
            BuddyStatus::NotApproved => "not_approved",
            BuddyStatus::Available => "available",
            BuddyStatus::InDuo => "in_duo",
            BuddyStatus::Paused => "paused",
            BuddyStatus::Stopped => "stopped",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Screening approved: the buddy may be matched.
    pub fn is_approved(self) -> bool {
        matches!(
            self,
            BuddyStatus::Available | BuddyStatus::InDuo | BuddyStatus::Paused
        )
    }
}

/// The outcome a screener records after a screening interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreeningOutcome {
    Approved,
    NotApproved,
    SecondTalk,
}

impl ScreeningOutcome {
    pub const ALL: [ScreeningOutcome; 3] = [
        ScreeningOutcome::Approved,
        ScreeningOutcome::NotApproved,
        ScreeningOutcome::SecondTalk,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ScreeningOutcome::Approved => "approved",
            ScreeningOutcome::NotApproved => "not_approved",
            ScreeningOutcome::SecondTalk => "second_talk",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

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

pub fn gender_code(g: Gender) -> &'static str {
    match g {
        Gender::Woman => "woman",
        Gender::Man => "man",
        Gender::X => "x",
    }
}

pub fn gender_from_code(code: &str) -> Option<Gender> {
    Gender::ALL.into_iter().find(|g| gender_code(*g) == code)
}

pub fn contact_code(c: ContactMethod) -> &'static str {
    match c {
        ContactMethod::Phone => "phone",
        ContactMethod::Email => "email",
        ContactMethod::Sms => "sms",
        ContactMethod::Post => "post",
    }
}

pub const CONTACT_METHODS: [ContactMethod; 4] = [
    ContactMethod::Phone,
    ContactMethod::Email,
    ContactMethod::Sms,
    ContactMethod::Post,
];

pub fn travel_code(m: TravelMode) -> &'static str {
    match m {
        TravelMode::OnFoot => "on_foot",
        TravelMode::Bike => "bike",
        TravelMode::PublicTransport => "public_transport",
        TravelMode::Car => "car",
    }
}

pub const TRAVEL_MODES: [TravelMode; 4] = [
    TravelMode::OnFoot,
    TravelMode::Bike,
    TravelMode::PublicTransport,
    TravelMode::Car,
];

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
            gender: gender_code(p.gender).into(),
            municipality_id: p.municipality_id.to_string(),
            phone: p.phone.clone().unwrap_or_default(),
            email: p.email.clone().unwrap_or_default(),
            preferred_contact: contact_code(p.preferred_contact).into(),
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
            travel_modes: p
                .travel
                .modes
                .iter()
                .map(|m| travel_code(*m).into())
                .collect(),
            wish_genders: p
                .wishes
                .genders
                .iter()
                .map(|g| gender_code(*g).into())
                .collect(),
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

        let birth_date = match self.birth_date.trim() {
            "" => None,
            v => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    bad("birth_date", Problem::Invalid);
                    None
                }
            },
        };
        let gender = match self.gender.trim() {
            "" => None,
            v => gender_from_code(v).or_else(|| {
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
            v => CONTACT_METHODS
                .into_iter()
                .find(|c| contact_code(*c) == v)
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
            match TRAVEL_MODES.into_iter().find(|m| travel_code(*m) == v) {
                Some(m) => {
                    travel_modes.insert(m);
                }
                None => bad("travel_modes", Problem::Invalid),
            }
        }
        let mut wish_genders = BTreeSet::new();
        for v in &self.wish_genders {
            match gender_from_code(v) {
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
        let intake_date = match self.intake_date.trim() {
            "" => Some(today),
            v => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                Ok(d) if d <= today && d >= NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(d) => {
                    Some(d)
                }
                _ => {
                    bad("intake_date", Problem::Invalid);
                    None
                }
            },
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

/// How the participants list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantSort {
    #[default]
    WaitingLongest,
    Name,
    Newest,
}

impl ParticipantSort {
    pub const ALL: [ParticipantSort; 3] = [
        ParticipantSort::WaitingLongest,
        ParticipantSort::Name,
        ParticipantSort::Newest,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ParticipantSort::WaitingLongest => "waiting",
            ParticipantSort::Name => "name",
            ParticipantSort::Newest => "newest",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A choice from a fixed set that forms and addresses carry as a short code; lets the
/// participants and buddies lists share one filter, one parser and one filter form.
pub trait Coded: Copy + PartialEq + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! coded {
    ($($t:ty),*) => {$(
        impl Coded for $t {
            fn all() -> &'static [Self] {
                &<$t>::ALL
            }
            fn code(self) -> &'static str {
                <$t>::code(self)
            }
        }
    )*};
}

coded!(ParticipantStatus, ParticipantSort, BuddyStatus, BuddySort);

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

/// How the buddies list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuddySort {
    /// Newest applications first.
    #[default]
    Newest,
    Name,
    /// Approved longest ago first; those not approved come last.
    LongestApproved,
}

impl BuddySort {
    pub const ALL: [BuddySort; 3] = [
        BuddySort::Newest,
        BuddySort::Name,
        BuddySort::LongestApproved,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BuddySort::Newest => "newest",
            BuddySort::Name => "name",
            BuddySort::LongestApproved => "approved",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
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
