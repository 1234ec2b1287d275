//! Events of the programme and its partner: intervision, appreciation moments, meetings for
//! waiting participants, trainings, awareness campaigns. `EventForm::check` turns the form
//! into the sessions to store (one, or a series by a repeat rule), [`allot`] decides who has a
//! place when an event is full (first come, first served; the rest wait in order), and
//! [`answer_refusal`] says when an answer can no longer be given. Pure code: the browser
//! checks a form as the server does.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::people::FieldProblem;
use super::validation::{self, Problem, text};

/// Longest title.
pub const TITLE_MAX: usize = 200;
/// Longest description.
pub const DESCRIPTION_MAX: usize = 2000;
/// Longest place (an address or a room).
pub const PLACE_MAX: usize = 200;
/// Longest online link.
pub const LINK_MAX: usize = 500;
/// Most places an event can have; more is a typing error.
pub const CAPACITY_MAX: i64 = 10_000;
/// Most sessions one series can make (weekly for almost ten years).
pub const SESSIONS_MAX: usize = 500;
/// How far ahead an event can be planned, in days.
pub const PLAN_AHEAD_DAYS: i64 = 3 * 366;
/// Longest a session can last, in hours (a training day, not a week).
pub const SESSION_HOURS_MAX: i64 = 14;
/// Most weeks between two sessions of a weekly series.
pub const EVERY_WEEKS_MAX: i64 = 8;

crate::coded! {
    /// What an event is.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum EventKind {
        /// Peer supervision of buddies.
        Intervision = "intervision",
        /// An appreciation moment for buddies.
        Appreciation = "appreciation",
        /// A meeting for participants who wait for a buddy.
        WaitingMeeting = "waiting_meeting",
        /// A training for (new) volunteers.
        Training = "training",
        /// An awareness campaign to find new buddies (an info stand, a talk).
        Campaign = "campaign",
        Other = "other",
    }
}

crate::coded! {
    /// Who organises an event: the partner (the screener's organisation) sees and manages
    /// the events it co-organises, and only those.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Organiser {
        #[default]
        Programme = "programme",
        Partner = "partner",
        Both = "both",
    }
}

impl Organiser {
    /// True when the partner organises it (alone or with the programme).
    pub fn with_partner(self) -> bool {
        matches!(self, Organiser::Partner | Organiser::Both)
    }
}

crate::coded! {
    /// How a series repeats.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Repeat {
        /// One session.
        #[default]
        Once = "once",
        /// Every N weeks on the first session's weekday.
        Weekly = "weekly",
        /// Every month on the same weekday of the month as the first session ("every second
        /// Tuesday").
        Monthly = "monthly",
    }
}

crate::coded! {
    /// An invitee's answer.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Answer {
        Yes = "yes",
        No = "no",
        Maybe = "maybe",
    }
}

crate::coded! {
    /// Who is invited by rule; the list is computed once, when the invitations go out.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Audience {
        /// Buddies in an active duo.
        ActiveBuddies = "active_buddies",
        /// Active buddies whose first duo started less than a year ago.
        FirstYearBuddies = "first_year_buddies",
        /// Approved buddies without a duo.
        BuddiesWithoutDuo = "buddies_without_duo",
        /// Participants on the waiting list (optionally of one municipality, or waiting
        /// longer than some months).
        WaitingParticipants = "waiting_participants",
        /// Candidate volunteers (applied, not yet approved).
        CandidateBuddies = "candidate_buddies",
    }
}

impl Audience {
    /// True when the audience is made of participants (no account: the coordinator records
    /// their answers).
    pub fn is_participants(self) -> bool {
        matches!(self, Audience::WaitingParticipants)
    }
}

/// One session's start and end, in the programme's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

/// The event form as the browser sends it (also with JavaScript off).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventForm {
    /// An entry of the admins' list of event kinds, as `{EventKind code}:{entry id}`; a bare
    /// `EventKind` code is the kind without a list entry.
    pub kind: String,
    pub title: String,
    pub description: String,
    pub place: String,
    /// An http(s) address for an online event, or blank.
    pub link: String,
    /// The (first) session's date, `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub starts: String,
    /// `HH:MM`, later than `starts` on the same day.
    pub ends: String,
    /// A `Repeat` code; blank: once.
    pub repeat: String,
    /// Weeks between sessions of a weekly series; blank: 1.
    pub every_weeks: String,
    /// Last possible date of a series, `YYYY-MM-DD`; needed when it repeats.
    pub until: String,
    /// Places; blank: no limit.
    pub capacity: String,
    /// An `Organiser` code; blank: the programme.
    pub organiser: String,
    /// "true", "on" or "1" when invitees may answer.
    pub answers_open: String,
}

impl EventForm {
    /// What a new event's form starts with: an intervision in the evening, answers open.
    pub fn new_event() -> Self {
        EventForm {
            kind: EventKind::Intervision.code().into(),
            starts: "19:00".into(),
            ends: "21:00".into(),
            repeat: Repeat::Once.code().into(),
            organiser: Organiser::Programme.code().into(),
            answers_open: "on".into(),
            ..Default::default()
        }
    }
}

/// A checked event: what the form makes, one stored event per session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEvent {
    pub kind: EventKind,
    /// The entry of the admins' list it was made with (its name shows where the kind does).
    pub kind_id: Option<i64>,
    pub title: String,
    pub description: String,
    pub place: String,
    pub link: String,
    pub sessions: Vec<Session>,
    pub capacity: Option<u32>,
    pub organiser: Organiser,
    pub answers_open: bool,
}

/// `intervision` or `other:7`: the kind and, when given, the list entry's id.
fn parse_kind(value: &str) -> Option<(EventKind, Option<i64>)> {
    match value.split_once(':') {
        None => EventKind::from_code(value).map(|k| (k, None)),
        Some((code, id)) => {
            let id: i64 = id.parse().ok().filter(|id| *id > 0)?;
            EventKind::from_code(code).map(|k| (k, Some(id)))
        }
    }
}

/// One entry of the admins' list of event kinds: the six kinds Klik knows (`name` empty:
/// their name comes with the language) and the admins' own, which behave as `Other`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventKindEntry {
    pub id: i64,
    /// The admins' name; `None` for the kinds Klik knows.
    pub name: Option<String>,
    pub meaning: EventKind,
    pub active: bool,
}

impl EventKindEntry {
    /// What the event form sends for this entry.
    pub fn form_value(&self) -> String {
        format!("{}:{}", self.meaning.code(), self.id)
    }
}

fn ticked(value: &str) -> bool {
    matches!(value.trim(), "true" | "on" | "1")
}

/// The dates a series falls on, from `first` up to `until` (inclusive), at most
/// `SESSIONS_MAX + 1` of them (so that a caller can tell "too many").
pub fn series_dates(
    first: NaiveDate,
    repeat: Repeat,
    every_weeks: u32,
    until: NaiveDate,
) -> Vec<NaiveDate> {
    let limit = SESSIONS_MAX + 1;
    let mut dates = Vec::new();
    match repeat {
        Repeat::Once => dates.push(first),
        Repeat::Weekly => {
            let step = Duration::weeks(i64::from(every_weeks.max(1)));
            let mut day = first;
            while day <= until && dates.len() < limit {
                dates.push(day);
                day += step;
            }
        }
        Repeat::Monthly => {
            // The n-th weekday of the month the first date is (the 2nd Tuesday: n = 2); a
            // fifth one is skipped in months that have only four.
            let nth = first.day0() / 7;
            let weekday = first.weekday();
            let mut month = first.with_day(1).unwrap_or(first);
            while dates.len() < limit {
                let Some(day) = NaiveDate::from_weekday_of_month_opt(
                    month.year(),
                    month.month(),
                    weekday,
                    (nth + 1) as u8,
                ) else {
                    month = match month.checked_add_months(chrono::Months::new(1)) {
                        Some(m) => m,
                        None => break,
                    };
                    continue;
                };
                if day > until {
                    break;
                }
                if day >= first {
                    dates.push(day);
                }
                month = match month.checked_add_months(chrono::Months::new(1)) {
                    Some(m) => m,
                    None => break,
                };
            }
        }
    }
    dates
}

/// An http(s) address without spaces.
fn is_web_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .is_some_and(|r| {
            !r.is_empty()
                && !r.starts_with('/')
                && !link.chars().any(|c| c.is_whitespace() || c.is_control())
        })
}

impl EventForm {
    /// Checks every field; `now` is the programme's local time. An event lies in the future
    /// (within `PLAN_AHEAD_DAYS`), ends after it starts, and a series has 1 to
    /// `SESSIONS_MAX` sessions.
    pub fn check(&self, now: NaiveDateTime) -> Result<NewEvent, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut fail = |field: &str, problem: Problem| problems.push((field.to_owned(), problem));
        let (kind, kind_id) = match self.kind.trim() {
            "" => {
                fail("kind", Problem::Required);
                (None, None)
            }
            v => match parse_kind(v) {
                Some((kind, id)) => (Some(kind), id),
                None => {
                    fail("kind", Problem::Invalid);
                    (None, None)
                }
            },
        };
        let title = text(&self.title, 1, TITLE_MAX)
            .map_err(|p| fail("title", p))
            .ok();
        let description = text(&self.description, 0, DESCRIPTION_MAX)
            .map_err(|p| fail("description", p))
            .ok();
        let place = text(&self.place, 0, PLACE_MAX)
            .map_err(|p| fail("place", p))
            .ok();
        let link = match text(&self.link, 0, LINK_MAX) {
            Ok(l) if l.is_empty() || is_web_link(&l) => Some(l),
            Ok(_) => {
                fail("link", Problem::Invalid);
                None
            }
            Err(p) => {
                fail("link", p);
                None
            }
        };
        let date = validation::date(&self.date)
            .map_err(|p| fail("date", p))
            .ok();
        let starts = validation::time(&self.starts)
            .map_err(|p| fail("starts", p))
            .ok();
        let ends = validation::time(&self.ends)
            .map_err(|p| fail("ends", p))
            .ok();
        let repeat = match self.repeat.trim() {
            "" => Some(Repeat::Once),
            v => Repeat::from_code(v).or_else(|| {
                fail("repeat", Problem::Invalid);
                None
            }),
        };
        let every_weeks = match self.every_weeks.trim() {
            "" => Some(1),
            v => validation::number(v, 1, EVERY_WEEKS_MAX)
                .map(|n| n as u32)
                .map_err(|p| fail("every_weeks", p))
                .ok(),
        };
        let capacity = match self.capacity.trim() {
            "" => Some(None),
            v => validation::number(v, 1, CAPACITY_MAX)
                .map(|n| Some(n as u32))
                .map_err(|p| fail("capacity", p))
                .ok(),
        };
        let organiser = match self.organiser.trim() {
            "" => Some(Organiser::Programme),
            v => Organiser::from_code(v).or_else(|| {
                fail("organiser", Problem::Invalid);
                None
            }),
        };
        if let (Some(s), Some(e)) = (starts, ends)
            && e <= s
        {
            fail("ends", Problem::Invalid);
        }
        let first_ok = match (date, starts) {
            (Some(d), Some(s)) => {
                let at = d.and_time(s);
                if at <= now || at > now + Duration::days(PLAN_AHEAD_DAYS) {
                    fail(
                        "date",
                        Problem::OutOfRange {
                            min: 0,
                            max: PLAN_AHEAD_DAYS,
                        },
                    );
                    false
                } else {
                    true
                }
            }
            _ => false,
        };
        let mut dates = Vec::new();
        if let (true, Some(first), Some(repeat), Some(every)) =
            (first_ok, date, repeat, every_weeks)
        {
            let until = match (repeat, self.until.trim()) {
                (Repeat::Once, _) => Some(first),
                (_, _) => match validation::date(&self.until) {
                    Ok(u) if u < first => {
                        fail("until", Problem::Invalid);
                        None
                    }
                    Ok(u) => Some(u),
                    Err(p) => {
                        fail("until", p);
                        None
                    }
                },
            };
            if let Some(until) = until {
                dates = series_dates(first, repeat, every, until);
                if dates.len() > SESSIONS_MAX {
                    fail(
                        "until",
                        Problem::OutOfRange {
                            min: 1,
                            max: SESSIONS_MAX as i64,
                        },
                    );
                } else if dates.is_empty() {
                    fail("until", Problem::Invalid);
                }
            }
        }
        match (
            kind,
            title,
            description,
            place,
            link,
            starts,
            ends,
            capacity,
            organiser,
        ) {
            (
                Some(kind),
                Some(title),
                Some(description),
                Some(place),
                Some(link),
                Some(starts),
                Some(ends),
                Some(capacity),
                Some(organiser),
            ) if problems.is_empty() => Ok(NewEvent {
                kind,
                kind_id,
                title,
                description,
                place,
                link,
                sessions: dates
                    .into_iter()
                    .map(|d| session(d, starts, ends))
                    .collect(),
                capacity,
                organiser,
                answers_open: ticked(&self.answers_open),
            }),
            _ => Err(problems),
        }
    }
}

fn session(day: NaiveDate, starts: NaiveTime, ends: NaiveTime) -> Session {
    Session {
        starts_at: day.and_time(starts),
        ends_at: day.and_time(ends),
    }
}

/// A yes, with when it was given (a later yes after a no or maybe counts from then).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Yes {
    pub invitee_id: i64,
    /// Milliseconds since the epoch of the yes; ties go to the lower invitee id.
    pub since_ms: i64,
}

/// Who has a place and who waits, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allotment {
    pub placed: Vec<i64>,
    /// The waiting list, first in line first.
    pub waiting: Vec<i64>,
}

impl Allotment {
    /// 1-based place on the waiting list, if `invitee_id` waits.
    pub fn waiting_position(&self, invitee_id: i64) -> Option<usize> {
        self.waiting
            .iter()
            .position(|&i| i == invitee_id)
            .map(|p| p + 1)
    }
}

/// Places go to the yeses in the order they came; beyond `capacity` (`None`: no limit) the
/// rest wait in that order. When a yes becomes a no, the first who waits moves up.
pub fn allot(capacity: Option<u32>, yeses: &[Yes]) -> Allotment {
    let mut ordered = yeses.to_vec();
    ordered.sort_by_key(|y| (y.since_ms, y.invitee_id));
    let cut = capacity.map_or(ordered.len(), |c| (c as usize).min(ordered.len()));
    let (placed, waiting) = ordered.split_at(cut);
    Allotment {
        placed: placed.iter().map(|y| y.invitee_id).collect(),
        waiting: waiting.iter().map(|y| y.invitee_id).collect(),
    }
}

/// Who got a place between `before` and `after` (someone ahead of them said no, or the
/// capacity grew), apart from `except` (the one who just answered): they are told by mail.
pub fn moved_up(before: &Allotment, after: &Allotment, except: i64) -> Vec<i64> {
    after
        .placed
        .iter()
        .copied()
        .filter(|id| *id != except && before.waiting.contains(id))
        .collect()
}

/// Until when a place that came free is held for whoever moved up: `hours` after `now`, but
/// no later than the event's start; `None` when the programme asks no confirmation (0 hours).
pub fn offer_deadline(
    now: DateTime<Utc>,
    hours: u32,
    starts_at: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    (hours > 0).then(|| (now + Duration::hours(hours.into())).min(starts_at))
}

/// Whether an offer ran out: a yes with a deadline that passed. Its place passes on.
pub fn offer_lapsed(offer_until: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    offer_until.is_some_and(|until| until <= now)
}

/// The seat of invitation `id`: an offered place shows its deadline until it is confirmed.
pub fn seat_of(allotment: &Allotment, id: i64, offer_until: Option<NaiveDateTime>) -> Option<Seat> {
    if allotment.placed.contains(&id) {
        Some(offer_until.map_or(Seat::Placed, Seat::Offered))
    } else {
        allotment.waiting_position(id).map(Seat::Waiting)
    }
}

/// Why an answer cannot be given (or changed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerRefusal {
    Cancelled,
    Closed,
    Started,
    /// A place offered from the waiting list was not confirmed in time: it passed on.
    OfferLapsed,
}

/// Answers can be given and changed until the event starts, while answers are open and the
/// event is not cancelled.
pub fn answer_refusal(
    starts_at: NaiveDateTime,
    cancelled: bool,
    answers_open: bool,
    now: NaiveDateTime,
) -> Option<AnswerRefusal> {
    if cancelled {
        Some(AnswerRefusal::Cancelled)
    } else if !answers_open {
        Some(AnswerRefusal::Closed)
    } else if now >= starts_at {
        Some(AnswerRefusal::Started)
    } else {
        None
    }
}

/// Counts of one event's answers and attendance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub invited: u32,
    pub yes: u32,
    pub no: u32,
    pub maybe: u32,
    /// Yeses beyond the capacity.
    pub waiting: u32,
    pub attended: u32,
}

/// An event (one session) as lists show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: i64,
    pub kind: EventKind,
    /// The admins' name of its kind, when it was made with one of their own.
    pub kind_name: Option<String>,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub place: String,
    pub capacity: Option<u32>,
    pub organiser: Organiser,
    pub answers_open: bool,
    pub cancelled: bool,
    /// The first session's id when it belongs to a series.
    pub series_id: Option<i64>,
    pub counts: Counts,
}

/// Who an invitation is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Invitee {
    Buddy {
        id: i64,
        name: String,
    },
    /// A participant's name: never sent to buddies or the partner.
    Participant {
        id: i64,
        name: String,
    },
}

impl Invitee {
    pub fn name(&self) -> &str {
        match self {
            Invitee::Buddy { name, .. } | Invitee::Participant { name, .. } => name,
        }
    }
}

/// Someone who came without an invitation, as the attendance form names them:
/// `buddy:12` or `participant:5`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WalkIn {
    Buddy(i32),
    Participant(i32),
}

impl WalkIn {
    pub fn code(self) -> String {
        match self {
            WalkIn::Buddy(id) => format!("buddy:{id}"),
            WalkIn::Participant(id) => format!("participant:{id}"),
        }
    }

    pub fn from_code(code: &str) -> Option<WalkIn> {
        let (kind, id) = code.trim().split_once(':')?;
        let id: i32 = id.parse().ok().filter(|id| *id > 0)?;
        match kind {
            "buddy" => Some(WalkIn::Buddy(id)),
            "participant" => Some(WalkIn::Participant(id)),
            _ => None,
        }
    }
}

/// One person the attendance page can add as a walk-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkInChoice {
    pub who: WalkIn,
    pub name: String,
}

/// Where a yes stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Seat {
    Placed,
    /// A place came free for them: theirs if they confirm before this (local) time.
    Offered(NaiveDateTime),
    /// On the waiting list, 1 = first in line.
    Waiting(usize),
}

/// One invitation as the event page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationRow {
    pub id: i64,
    pub invitee: Invitee,
    pub answer: Option<Answer>,
    pub seat: Option<Seat>,
    pub attended: bool,
}

/// Invitations per page of the event page (the attendance list shows them all).
pub const INVITEES_PAGE: usize = 100;

/// One event with its invitations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    /// How many invitations there are in all (`invitations` may be one page of them).
    pub total: u32,
    /// The page `invitations` is (0 = first), when paged.
    pub page: Option<u32>,
    pub event: EventSummary,
    pub description: String,
    pub link: String,
    /// Sorted by name.
    pub invitations: Vec<InvitationRow>,
    pub now: NaiveDateTime,
    /// An awareness campaign's public code and what it brought.
    pub campaign: Option<(String, CampaignTally)>,
}

/// An invitation on a buddy's phone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyInvitation {
    pub invitation_id: i64,
    pub event: EventSummary,
    pub description: String,
    pub link: String,
    pub answer: Option<Answer>,
    pub seat: Option<Seat>,
    /// Why the answer can no longer change, if it cannot.
    pub refusal: Option<AnswerRefusal>,
}

/// A participant's invitation, for the letter and the call list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    pub invitation_id: i64,
    pub participant_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub answer: Option<Answer>,
}

/// The letters and the call list of an event's invited participants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Letters {
    pub event: EventSummary,
    pub description: String,
    pub programme: String,
    /// The programme's phone number (the admins' setting); blank: not printed.
    pub phone: String,
    /// By last name.
    pub people: Vec<Addressee>,
}

/// The invitation form: an audience by rule, narrowed for waiting participants.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    /// An `Audience` code.
    pub audience: String,
    /// For waiting participants: one municipality's id, or blank for all.
    pub municipality_id: String,
    /// For waiting participants: only those waiting at least this many months; blank: all.
    pub min_months: String,
}

/// A checked invitation rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteRule {
    pub audience: Audience,
    pub municipality_id: Option<i64>,
    pub min_months: Option<u32>,
}

impl InviteForm {
    pub fn check(&self) -> Result<InviteRule, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut fail = |field: &str, problem: Problem| problems.push((field.to_owned(), problem));
        let audience = match self.audience.trim() {
            "" => {
                fail("audience", Problem::Required);
                None
            }
            v => Audience::from_code(v).or_else(|| {
                fail("audience", Problem::Invalid);
                None
            }),
        };
        let municipality_id = match self.municipality_id.trim() {
            "" => Some(None),
            v => v
                .parse::<i64>()
                .map(Some)
                .map_err(|_| fail("municipality_id", Problem::Invalid))
                .ok(),
        };
        let min_months = match self.min_months.trim() {
            "" => Some(None),
            v => validation::number(v, 0, 240)
                .map(|n| Some(n as u32))
                .map_err(|p| fail("min_months", p))
                .ok(),
        };
        match (audience, municipality_id, min_months) {
            (Some(audience), Some(municipality_id), Some(min_months)) if problems.is_empty() => {
                Ok(InviteRule {
                    audience,
                    municipality_id,
                    min_months,
                })
            }
            _ => Err(problems),
        }
    }
}

crate::coded! {
    /// How a candidate buddy heard of the programme (the application form asks; optional).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum HeardVia {
        Campaign = "campaign",
        Friends = "friends",
        Website = "website",
        Municipality = "municipality",
        Other = "other",
    }
}

/// Longest campaign code.
pub const CODE_MAX: usize = 12;
/// The letters a campaign code is made of: no 0/O or 1/I to mix up on a poster.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Length of a new campaign code.
pub const CODE_LEN: usize = 6;

/// Where an application came from, as checked: the code still has to be found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub heard_via: Option<HeardVia>,
    /// Upper case, without spaces.
    pub campaign_code: Option<String>,
}

/// Reads "how did you hear about us" and the campaign code; a code alone means a campaign.
pub fn check_source(heard_via: &str, code: &str) -> Result<Source, Vec<FieldProblem>> {
    let mut problems: Vec<FieldProblem> = Vec::new();
    let heard = match heard_via.trim() {
        "" => None,
        v => HeardVia::from_code(v).or_else(|| {
            problems.push(("heard_via".into(), Problem::Invalid));
            None
        }),
    };
    let code: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let code = if code.is_empty() {
        None
    } else if code.chars().count() > CODE_MAX || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        problems.push(("campaign_code".into(), Problem::Invalid));
        None
    } else {
        Some(code)
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Source {
        heard_via: heard.or(code.as_ref().map(|_| HeardVia::Campaign)),
        campaign_code: code,
    })
}

/// What is known of one buddy a campaign brought.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recruit {
    pub applied_on: NaiveDate,
    pub approved: bool,
    /// Was ever in a duo.
    pub matched: bool,
    /// When they stopped or were not approved, if they did.
    pub left_on: Option<NaiveDate>,
}

/// What a campaign brought: applications, approvals, matches, and who is still a buddy 6 and
/// 12 months after applying (of those who applied that long ago).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignTally {
    pub applications: u32,
    pub approved: u32,
    pub matched: u32,
    /// (still there, applied at least 6 months ago).
    pub after_6: (u32, u32),
    pub after_12: (u32, u32),
}

pub fn campaign_tally(recruits: &[Recruit], today: NaiveDate) -> CampaignTally {
    let after = |months: u32| {
        let mut still = 0;
        let mut eligible = 0;
        for r in recruits {
            let Some(mark) = r.applied_on.checked_add_months(chrono::Months::new(months)) else {
                continue;
            };
            if mark > today {
                continue;
            }
            eligible += 1;
            if r.left_on.is_none_or(|left| left > mark) {
                still += 1;
            }
        }
        (still, eligible)
    };
    CampaignTally {
        applications: recruits.len() as u32,
        approved: recruits.iter().filter(|r| r.approved).count() as u32,
        matched: recruits.iter().filter(|r| r.matched).count() as u32,
        after_6: after(6),
        after_12: after(12),
    }
}

/// Hours a place that came free is held for whoever moved up, unless the admins set another.
pub const DEFAULT_OFFER_HOURS: u32 = 48;

/// Months without intervision after which a buddy is flagged, unless the admins set another.
pub const DEFAULT_INTERVISION_MONTHS: u32 = 6;

/// True when a buddy came to no intervision for more than `months` months: counted from the
/// last one they came to, or from their approval when they never came (a new buddy is not
/// flagged in their first months).
pub fn misses_intervision(
    last_attended: Option<NaiveDate>,
    approved_on: Option<NaiveDate>,
    today: NaiveDate,
    months: u32,
) -> bool {
    let Some(since) = last_attended.or(approved_on) else {
        return false;
    };
    today
        .checked_sub_months(chrono::Months::new(months))
        .is_some_and(|limit| since < limit)
}

/// An active buddy who has not come to intervision for too long, for the coordinator's home.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissedIntervision {
    pub buddy_id: i64,
    pub name: String,
    /// The last intervision they came to; `None`: never.
    pub last_attended: Option<NaiveDate>,
}

/// One event a person was invited to, for their record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonEvent {
    pub event_id: i64,
    pub kind: EventKind,
    /// The admins' name of its kind, if it has one.
    pub kind_name: Option<String>,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub cancelled: bool,
    pub answer: Option<Answer>,
    pub attended: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(day: u32, hour: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2027, 3, day)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
            .and_utc()
    }

    #[test]
    fn an_event_kind_comes_from_the_admins_list_or_as_a_bare_code() {
        assert_eq!(
            parse_kind("intervision"),
            Some((EventKind::Intervision, None))
        );
        assert_eq!(parse_kind("other:7"), Some((EventKind::Other, Some(7))));
        for bad in [
            "party", "other:", "other:0", "other:-1", "other:x", ":7", "party:7",
        ] {
            assert_eq!(parse_kind(bad), None, "{bad}");
        }
        let entry = EventKindEntry {
            id: 7,
            name: Some("Kookworkshop".into()),
            meaning: EventKind::Other,
            active: true,
        };
        assert_eq!(
            parse_kind(&entry.form_value()),
            Some((EventKind::Other, Some(7)))
        );
    }

    #[test]
    fn a_walk_in_is_a_buddy_or_a_participant_by_id() {
        for w in [WalkIn::Buddy(12), WalkIn::Participant(5)] {
            assert_eq!(WalkIn::from_code(&w.code()), Some(w));
        }
        for bad in [
            "", "buddy", "buddy:", "buddy:0", "buddy:-3", "buddy:x", "user:4", ":4",
        ] {
            assert_eq!(WalkIn::from_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_offered_place_is_held_for_hours_but_never_past_the_start() {
        let starts = utc(10, 19);
        assert_eq!(offer_deadline(utc(1, 9), 48, starts), Some(utc(3, 9)));
        assert_eq!(
            offer_deadline(utc(9, 9), 48, starts),
            Some(starts),
            "the day before, the offer runs until the start"
        );
        assert_eq!(
            offer_deadline(utc(1, 9), 0, starts),
            None,
            "0: no confirmation"
        );
        assert!(
            !offer_lapsed(None, utc(20, 0)),
            "a confirmed place never lapses"
        );
        assert!(!offer_lapsed(Some(utc(3, 9)), utc(3, 8)));
        assert!(
            offer_lapsed(Some(utc(3, 9)), utc(3, 9)),
            "at the deadline it passed"
        );
    }

    #[test]
    fn a_seat_shows_an_open_offer_and_the_place_in_line() {
        let a = allot(
            Some(1),
            &[
                Yes {
                    invitee_id: 1,
                    since_ms: 5,
                },
                Yes {
                    invitee_id: 2,
                    since_ms: 6,
                },
            ],
        );
        let until = utc(3, 9).naive_utc();
        assert_eq!(seat_of(&a, 1, None), Some(Seat::Placed));
        assert_eq!(seat_of(&a, 1, Some(until)), Some(Seat::Offered(until)));
        assert_eq!(seat_of(&a, 2, Some(until)), Some(Seat::Waiting(1)));
        assert_eq!(seat_of(&a, 3, None), None);
    }

    #[test]
    fn an_application_names_its_source() {
        assert_eq!(check_source("", ""), Ok(Source::default()));
        let s = check_source("", " ab-c 123 ").unwrap();
        assert_eq!(s.campaign_code.as_deref(), Some("ABC123"));
        assert_eq!(
            s.heard_via,
            Some(HeardVia::Campaign),
            "a code means a campaign"
        );
        assert_eq!(
            check_source("friends", "").unwrap().heard_via,
            Some(HeardVia::Friends)
        );
        let fields = |h: &str, c: &str| -> Vec<String> {
            check_source(h, c)
                .unwrap_err()
                .into_iter()
                .map(|p| p.0)
                .collect()
        };
        assert_eq!(fields("tv", "<b>"), ["heard_via", "campaign_code"]);
        assert_eq!(fields("", &"A".repeat(13)), ["campaign_code"]);
    }

    #[test]
    fn a_campaign_counts_who_stayed() {
        let r = |applied: &str, approved, matched, left: Option<&str>| Recruit {
            applied_on: day(applied),
            approved,
            matched,
            left_on: left.map(day),
        };
        let recruits = [
            r("2025-09-01", true, true, None),
            r("2025-09-01", true, true, Some("2026-06-01")),
            r("2025-09-01", false, false, Some("2025-10-01")),
            r("2026-10-01", false, false, None),
        ];
        let t = campaign_tally(&recruits, day("2026-11-27"));
        assert_eq!((t.applications, t.approved, t.matched), (4, 2, 2));
        assert_eq!(
            t.after_6,
            (2, 3),
            "left in June, after six months: still counted"
        );
        assert_eq!(
            t.after_12,
            (1, 3),
            "only the first is still there after a year"
        );
    }

    #[test]
    fn a_buddy_is_flagged_after_months_without_intervision() {
        let today = day("2026-11-27");
        let months = DEFAULT_INTERVISION_MONTHS;
        assert!(
            !misses_intervision(Some(day("2026-05-27")), None, today, months),
            "exactly six months"
        );
        assert!(misses_intervision(
            Some(day("2026-05-26")),
            None,
            today,
            months
        ));
        assert!(
            !misses_intervision(None, Some(day("2026-09-01")), today, months),
            "new buddy"
        );
        assert!(
            misses_intervision(None, Some(day("2025-01-01")), today, months),
            "never came"
        );
        assert!(!misses_intervision(
            Some(day("2026-10-13")),
            Some(day("2020-01-01")),
            today,
            months
        ));
        assert!(!misses_intervision(None, None, today, months));
    }

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 8, 20)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    }

    fn form() -> EventForm {
        EventForm {
            kind: "intervision".into(),
            title: "Intervisie".into(),
            place: "Zaal De Kade".into(),
            date: "2026-09-08".into(),
            starts: "19:00".into(),
            ends: "21:00".into(),
            answers_open: "on".into(),
            ..Default::default()
        }
    }

    fn problems(f: EventForm) -> Vec<FieldProblem> {
        f.check(now()).unwrap_err()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn one_event_is_one_session() {
        let e = form().check(now()).unwrap();
        assert_eq!(e.sessions.len(), 1);
        assert_eq!(
            e.sessions[0].starts_at,
            day("2026-09-08").and_hms_opt(19, 0, 0).unwrap()
        );
        assert_eq!(e.capacity, None);
        assert!(e.answers_open);
        assert_eq!(e.organiser, Organiser::Programme);
    }

    #[test]
    fn every_second_tuesday_from_september_to_june() {
        // 8 September 2026 is the second Tuesday of September.
        let mut f = form();
        f.repeat = "monthly".into();
        f.until = "2027-06-30".into();
        let e = f.check(now()).unwrap();
        let days: Vec<String> = e
            .sessions
            .iter()
            .map(|s| s.starts_at.date().to_string())
            .collect();
        assert_eq!(days.len(), 10);
        assert_eq!(days[0], "2026-09-08");
        assert_eq!(days[1], "2026-10-13");
        assert_eq!(days[9], "2027-06-08");
        for s in &e.sessions {
            assert_eq!(s.starts_at.weekday(), chrono::Weekday::Tue);
            assert!((8..=14).contains(&s.starts_at.day()), "the second one");
        }
        // Every two weeks instead.
        let mut f = form();
        f.repeat = "weekly".into();
        f.every_weeks = "2".into();
        f.until = "2026-10-06".into();
        let e = f.check(now()).unwrap();
        assert_eq!(e.sessions.len(), 3, "8 and 22 September, 6 October");
    }

    #[test]
    fn a_fifth_weekday_is_skipped_in_short_months() {
        let dates = series_dates(day("2026-09-29"), Repeat::Monthly, 1, day("2026-12-31"));
        // The fifth Tuesday: September and December have one, October and November not.
        assert_eq!(dates, vec![day("2026-09-29"), day("2026-12-29")]);
    }

    #[test]
    fn bad_input_gets_a_message_at_its_field() {
        let only = |f: EventForm| {
            let p = problems(f);
            assert_eq!(p.len(), 1, "{p:?}");
            p[0].0.clone()
        };
        let mut f = form();
        f.date = "2026-08-19".into();
        assert_eq!(only(f), "date", "in the past");
        let mut f = form();
        f.ends = "18:00".into();
        assert_eq!(only(f), "ends", "ends before it starts");
        for capacity in ["0", "-3", "1000000000", "tien"] {
            let mut f = form();
            f.capacity = capacity.into();
            assert_eq!(only(f), "capacity", "{capacity}");
        }
        let mut f = form();
        f.repeat = "weekly".into();
        assert_eq!(only(f), "until", "a series needs its end");
        let mut f = form();
        f.repeat = "weekly".into();
        f.until = "2026-09-01".into();
        assert_eq!(only(f), "until", "an end before the first session");
        let mut f = form();
        f.date = "2029-09-08".into();
        assert_eq!(only(f), "date", "more than three years ahead");
        let mut f = form();
        f.date = "2026-08-21".into();
        f.repeat = "weekly".into();
        f.until = "2036-08-01".into();
        assert_eq!(only(f), "until", "more than 500 sessions");
        let mut f = form();
        f.kind = "party".into();
        f.title = " ".into();
        f.link = "javascript:alert(1)".into();
        let fields: Vec<String> = problems(f).into_iter().map(|p| p.0).collect();
        assert_eq!(fields, vec!["kind", "title", "link"]);
        let mut f = form();
        f.capacity = "10000".into();
        assert_eq!(f.check(now()).unwrap().capacity, Some(10_000));
    }

    #[test]
    fn answers_close_when_the_event_starts_or_is_cancelled() {
        let at = day("2026-09-08").and_hms_opt(19, 0, 0).unwrap();
        assert_eq!(answer_refusal(at, false, true, now()), None);
        assert_eq!(
            answer_refusal(at, false, true, at),
            Some(AnswerRefusal::Started)
        );
        assert_eq!(
            answer_refusal(at, true, true, now()),
            Some(AnswerRefusal::Cancelled)
        );
        assert_eq!(
            answer_refusal(at, false, false, now()),
            Some(AnswerRefusal::Closed)
        );
    }

    #[test]
    fn the_waiting_list_moves_when_a_place_frees() {
        let yes = |id, since_ms| Yes {
            invitee_id: id,
            since_ms,
        };
        let a = allot(Some(2), &[yes(3, 30), yes(1, 10), yes(2, 20)]);
        assert_eq!(a.placed, vec![1, 2]);
        assert_eq!(a.waiting, vec![3]);
        assert_eq!(a.waiting_position(3), Some(1));
        // Invitee 1 says no: 3 moves up.
        let a = allot(Some(2), &[yes(3, 30), yes(2, 20)]);
        assert_eq!(a.placed, vec![2, 3]);
        assert!(a.waiting.is_empty());
        assert_eq!(allot(None, &[yes(1, 5), yes(2, 1)]).placed, vec![2, 1]);
    }

    #[test]
    fn who_moves_up_is_told() {
        let yes = |id, since_ms| Yes {
            invitee_id: id,
            since_ms,
        };
        let before = allot(Some(1), &[yes(1, 1), yes(2, 2), yes(3, 3)]);
        let after = allot(Some(1), &[yes(2, 2), yes(3, 3)]);
        assert_eq!(moved_up(&before, &after, 1), vec![2]);
        // A late yes that waits moves nobody.
        let later = allot(Some(1), &[yes(1, 1), yes(2, 2), yes(3, 3), yes(4, 4)]);
        assert!(moved_up(&before, &later, 4).is_empty());
    }

    #[test]
    fn invite_form_reads_its_rule() {
        let r = InviteForm {
            audience: "waiting_participants".into(),
            municipality_id: "4".into(),
            min_months: "6".into(),
        }
        .check()
        .unwrap();
        assert_eq!(r.audience, Audience::WaitingParticipants);
        assert_eq!((r.municipality_id, r.min_months), (Some(4), Some(6)));
        let p = InviteForm {
            audience: "everyone".into(),
            min_months: "-1".into(),
            ..Default::default()
        }
        .check()
        .unwrap_err();
        let fields: Vec<&str> = p.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(fields, vec!["audience", "min_months"]);
    }

    proptest! {
        #[test]
        fn never_more_places_than_capacity_and_first_come_first_served(
            capacity in proptest::option::of(0u32..20),
            times in proptest::collection::vec(0i64..50, 0..40),
        ) {
            let yeses: Vec<Yes> = times
                .iter()
                .enumerate()
                .map(|(i, &t)| Yes { invitee_id: i as i64, since_ms: t })
                .collect();
            let a = allot(capacity, &yeses);
            if let Some(c) = capacity {
                prop_assert!(a.placed.len() <= c as usize);
            }
            prop_assert_eq!(a.placed.len() + a.waiting.len(), yeses.len());
            // Everyone placed answered no later than anyone waiting.
            let since = |id: i64| yeses[id as usize].since_ms;
            if let (Some(&last), Some(&first)) = (a.placed.last(), a.waiting.first()) {
                prop_assert!(since(last) <= since(first));
            }
            // Each list is in the order of the answers.
            for list in [&a.placed, &a.waiting] {
                prop_assert!(list.windows(2).all(|w| (since(w[0]), w[0]) < (since(w[1]), w[1])));
            }
            // Places are only left empty when nobody waits.
            if !a.waiting.is_empty() {
                prop_assert_eq!(Some(a.placed.len() as u32), capacity);
            }
        }

        #[test]
        fn a_series_stays_within_its_bounds(
            offset in 0i64..400,
            weeks in 1u32..=8,
            span in 0i64..4000,
            monthly in any::<bool>(),
        ) {
            let first = day("2026-09-01") + Duration::days(offset);
            let until = first + Duration::days(span);
            let repeat = if monthly { Repeat::Monthly } else { Repeat::Weekly };
            let dates = series_dates(first, repeat, weeks, until);
            prop_assert!(dates.len() <= SESSIONS_MAX + 1);
            prop_assert!(dates.iter().all(|d| *d >= first && *d <= until && d.weekday() == first.weekday()));
            prop_assert!(dates.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
