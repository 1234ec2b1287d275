//! The duo lifecycle: stages and the moves between them, the mutual agreement, endings and
//! their effects, and the evaluation schedule. Pure rules: the board checks a move in the
//! browser and the server checks it again before the database layer acts on it.

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::people::{BuddyStatus, FieldProblem, NOTES_MAX, ParticipantStatus};
use super::validation::{DATE_FORMAT, Problem, in_range, optional_date as parse_date, text};

crate::coded! {
    /// Where a duo is (shared/DOMAIN.md); `Ended` is final.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum DuoStage {
        Proposed = "proposed",
        /// The introduction meeting (*kennismaking*) is planned or held.
        Introduction = "introduction",
        /// Both said yes and the agreement is signed.
        Active = "active",
        Ended = "ended",
    }
}

impl DuoStage {
    /// Counts against the participant's one duo and the buddy's capacity.
    pub fn is_open(self) -> bool {
        self != DuoStage::Ended
    }

    /// Forward one step, or end from any open stage; nothing goes back, so the history
    /// stays true (a mistaken proposal is ended with a reason, not undone).
    pub fn can_move_to(self, to: DuoStage) -> bool {
        use DuoStage::*;
        matches!(
            (self, to),
            (Proposed, Introduction)
                | (Introduction, Active)
                | (Proposed | Introduction | Active, Ended)
        )
    }

    /// The stages a card in this stage may be dropped on.
    pub fn moves(self) -> Vec<DuoStage> {
        Self::ALL
            .into_iter()
            .filter(|to| self.can_move_to(*to))
            .collect()
    }
}

crate::coded! {
    /// Why a duo ended (shared/DOMAIN.md).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum EndReason {
        Moved = "moved",
        NoTime = "no_time",
        NoClick = "no_click",
        GoalReached = "goal_reached",
        Health = "health",
        Other = "other",
    }
}

impl EndReason {
    /// The click failing is nobody's fault: the participant waits again with their original
    /// waiting date, whatever stage the duo reached.
    pub fn returns_participant_to_waiting(self) -> bool {
        self == EndReason::NoClick
    }

    /// The two are never proposed to each other again (the matching engine's
    /// `ended_without_click`).
    pub fn blocks_pair_forever(self) -> bool {
        self == EndReason::NoClick
    }
}

/// What the database layer does to the people around a duo that ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndEffects {
    /// Back on the waiting list, keeping the original waiting date. When false the
    /// coordinator chooses the participant's next status.
    pub participant_back_to_waiting: bool,
    /// Never proposed to each other again.
    pub pair_blocked: bool,
}

/// A duo ending before it became active (a withdrawn proposal, "back to candidates", or a
/// cancelled introduction) also returns the participant with their waiting date: they never
/// had a buddy.
pub fn end_effects(from: DuoStage, reason: EndReason) -> EndEffects {
    EndEffects {
        participant_back_to_waiting: reason.returns_participant_to_waiting()
            || matches!(from, DuoStage::Proposed | DuoStage::Introduction),
        pair_blocked: reason.blocks_pair_forever(),
    }
}

/// Why a participant and a buddy cannot be proposed to each other now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// Not on the waiting list: registered, intake not done, paused or closed.
    ParticipantNotWaiting,
    /// Already in a proposed, introduced or active duo.
    ParticipantInOpenDuo,
    /// Not (or no longer) approved, or paused.
    BuddyNotAvailable,
    BuddyAtCapacity {
        capacity: u32,
        open_duos: u32,
    },
    /// The two were a duo before and it ended with "no click".
    EndedWithoutClick,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::ParticipantNotWaiting => "participant_not_waiting",
            Refusal::ParticipantInOpenDuo => "participant_in_open_duo",
            Refusal::BuddyNotAvailable => "buddy_not_available",
            Refusal::BuddyAtCapacity { .. } => "buddy_at_capacity",
            Refusal::EndedWithoutClick => "ended_without_click",
        }
    }
}

/// Most open duos a participant is in.
pub const PARTICIPANT_OPEN_DUOS_MAX: u32 = 1;

/// Whether a participant with this many open duos may get another proposal.
pub fn participant_has_room(open_duos: u32) -> bool {
    open_duos < PARTICIPANT_OPEN_DUOS_MAX
}

/// Whether a buddy with this many open duos may get another proposal.
pub fn buddy_has_room(open_duos: u32, capacity: u32) -> bool {
    open_duos < capacity
}

/// What the database knows about a pair when a coordinator proposes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalFacts {
    pub participant_status: ParticipantStatus,
    /// Open duos (proposed, introduction, active) of the participant.
    pub participant_open_duos: u32,
    pub buddy_status: BuddyStatus,
    pub buddy_capacity: u32,
    pub buddy_open_duos: u32,
    /// A duo of these two ended with "no click".
    pub ended_without_click: bool,
}

/// Checks a new proposal (a participant dropped on a buddy); every refusal is listed. The
/// statuses say whether someone is in the matching pool at all, the counts whether they
/// have room, so one cause gives one refusal.
pub fn check_proposal(facts: &ProposalFacts) -> Result<(), Vec<Refusal>> {
    let mut refusals = Vec::new();
    // Proposed and InDuo are pool members whose room the count decides.
    if !matches!(
        facts.participant_status,
        ParticipantStatus::Waiting | ParticipantStatus::Proposed | ParticipantStatus::InDuo
    ) {
        refusals.push(Refusal::ParticipantNotWaiting);
    }
    if !participant_has_room(facts.participant_open_duos) {
        refusals.push(Refusal::ParticipantInOpenDuo);
    }
    // A paused buddy is approved but takes no new duo.
    if !matches!(
        facts.buddy_status,
        BuddyStatus::Available | BuddyStatus::InDuo
    ) {
        refusals.push(Refusal::BuddyNotAvailable);
    }
    if !buddy_has_room(facts.buddy_open_duos, facts.buddy_capacity) {
        refusals.push(Refusal::BuddyAtCapacity {
            capacity: facts.buddy_capacity,
            open_duos: facts.buddy_open_duos,
        });
    }
    if facts.ended_without_click {
        refusals.push(Refusal::EndedWithoutClick);
    }
    if refusals.is_empty() {
        Ok(())
    } else {
        Err(refusals)
    }
}

crate::coded! {
    /// The items a duo can tick on the checklist of their mutual agreement.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum AgreementItem {
        /// How often they meet and who suggests the activity.
        ActivityRhythm = "activity_rhythm",
        /// They reach each other by phone themselves.
        ContactByPhone = "contact_by_phone",
        /// Whoever cannot come lets the other know in time.
        CancelInTime = "cancel_in_time",
        /// How the costs of an activity are shared.
        CostsShared = "costs_shared",
        /// What one tells the other stays between them.
        Privacy = "privacy",
        /// Either may turn to the coordinator with a question or worry.
        CoordinatorContact = "coordinator_contact",
    }
}

/// Fewest and most weeks an agreed rhythm may name.
pub const RHYTHM_WEEKS_MIN: u8 = 1;
pub const RHYTHM_WEEKS_MAX: u8 = 12;

/// How often the duo means to meet: every `min_weeks` to `max_weeks` weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rhythm {
    pub min_weeks: u8,
    pub max_weeks: u8,
}

impl Default for Rhythm {
    /// The programme's "about every 2 to 3 weeks".
    fn default() -> Self {
        Rhythm {
            min_weeks: 2,
            max_weeks: 3,
        }
    }
}

impl Rhythm {
    /// The same rhythm in days, shortest and longest, for reminders.
    pub fn days(self) -> (u32, u32) {
        (u32::from(self.min_weeks) * 7, u32::from(self.max_weeks) * 7)
    }

    fn problems(self) -> Vec<FieldProblem> {
        let range = |field: &str, weeks: u8, min: u8| {
            in_range(
                i64::from(weeks),
                i64::from(min),
                i64::from(RHYTHM_WEEKS_MAX),
            )
            .err()
            .map(|p| (field.to_owned(), p))
        };
        let low = range("rhythm_min_weeks", self.min_weeks, RHYTHM_WEEKS_MIN);
        // Only a sane minimum bounds the maximum, so one mistake gives one message.
        let high_floor = if low.is_none() {
            self.min_weeks
        } else {
            RHYTHM_WEEKS_MIN
        };
        let high = range("rhythm_max_weeks", self.max_weeks, high_floor);
        low.into_iter().chain(high).collect()
    }
}

/// The mutual agreement (*onderlinge overeenkomst*) that makes a duo active.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub signed_on: NaiveDate,
    pub rhythm: Rhythm,
    pub items: BTreeSet<AgreementItem>,
    /// What else they agreed, in their words.
    pub note: String,
    /// The participant's yes, given after the introduction meeting.
    pub participant_yes_on: Option<NaiveDate>,
    pub buddy_yes_on: Option<NaiveDate>,
}

impl Agreement {
    /// Both said yes on or after the introduction meeting, then signed; nothing lies after
    /// today, as signing records what happened. Returns the agreement with its note trimmed.
    pub fn check(
        mut self,
        introduction_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<Agreement, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let within = |d: NaiveDate| introduction_on <= d && d <= today;
        for (field, yes) in [
            ("participant_yes_on", self.participant_yes_on),
            ("buddy_yes_on", self.buddy_yes_on),
        ] {
            match yes {
                None => problems.push((field.to_owned(), Problem::Required)),
                Some(d) if !within(d) => problems.push((field.to_owned(), Problem::Invalid)),
                Some(_) => {}
            }
        }
        // Only a sound yes bounds the signing, so one mistake gives one message.
        let last_yes = [self.participant_yes_on, self.buddy_yes_on]
            .into_iter()
            .flatten()
            .filter(|d| within(*d))
            .max();
        if !within(self.signed_on) || last_yes.is_some_and(|yes| self.signed_on < yes) {
            problems.push(("signed_on".to_owned(), Problem::Invalid));
        }
        problems.extend(self.rhythm.problems());
        match text(&self.note, 0, NOTES_MAX) {
            Ok(note) => self.note = note,
            Err(p) => problems.push(("agreement_note".to_owned(), p)),
        }
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(problems)
        }
    }
}

/// How a duo ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ending {
    pub reason: EndReason,
    /// Why, in the coordinator's words: the reason code alone does not explain it.
    pub note: String,
    pub ended_on: NaiveDate,
}

impl Ending {
    /// A reason with a note, on a date between `not_before` and today. Returns the ending
    /// with its note trimmed.
    pub fn check(
        mut self,
        not_before: NaiveDate,
        today: NaiveDate,
    ) -> Result<Ending, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        match text(&self.note, 1, NOTES_MAX) {
            Ok(note) => self.note = note,
            Err(p) => problems.push(("end_note".to_owned(), p)),
        }
        if self.ended_on < not_before || self.ended_on > today {
            problems.push(("ended_on".to_owned(), Problem::Invalid));
        }
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(problems)
        }
    }
}

/// What a move is checked against: the duo's stage and the dates it reached so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuoState {
    pub stage: DuoStage,
    pub proposed_on: NaiveDate,
    /// Planned or held; set from the introduction stage on.
    pub introduction_on: Option<NaiveDate>,
    /// Set from the active stage on.
    pub signed_on: Option<NaiveDate>,
}

/// A coordinator's move on the board, with what the target stage needs. Proposing is not a
/// move of an existing duo: see `check_proposal`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuoMove {
    /// To the introduction stage: the meeting's date (it may lie ahead).
    Introduce { introduction_on: NaiveDate },
    /// To active: the signed agreement.
    Sign(Agreement),
    /// To ended, from any open stage; dropping a proposal back on the candidates is this too.
    End(Ending),
}

impl DuoMove {
    pub fn target(&self) -> DuoStage {
        match self {
            DuoMove::Introduce { .. } => DuoStage::Introduction,
            DuoMove::Sign(_) => DuoStage::Active,
            DuoMove::End(_) => DuoStage::Ended,
        }
    }
}

/// Checks a move of a duo: the lifecycle allows it (else a problem at `to`) and its data
/// are sound. Returns the move with its texts trimmed, ready for the database layer.
pub fn check_move(
    duo: &DuoState,
    mv: DuoMove,
    today: NaiveDate,
) -> Result<DuoMove, Vec<FieldProblem>> {
    if !duo.stage.can_move_to(mv.target()) {
        return Err(vec![("to".to_owned(), Problem::Invalid)]);
    }
    match mv {
        DuoMove::Introduce { introduction_on } if introduction_on < duo.proposed_on => {
            Err(vec![("introduction_on".to_owned(), Problem::Invalid)])
        }
        DuoMove::Introduce { .. } => Ok(mv),
        // A duo in the introduction stage has its date; the proposal date is the fallback
        // bound should a record lack it.
        DuoMove::Sign(agreement) => agreement
            .check(duo.introduction_on.unwrap_or(duo.proposed_on), today)
            .map(DuoMove::Sign),
        // Not bounded by the introduction date: a planned meeting can be called off early.
        DuoMove::End(ending) => ending
            .check(duo.signed_on.unwrap_or(duo.proposed_on), today)
            .map(DuoMove::End),
    }
}

/// The move form as the browser sends it (also with JavaScript off): every value as typed.
/// Only the fields of the target stage are read; problems name these fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    /// The target stage's code.
    pub to: String,
    /// `YYYY-MM-DD`, as `<input type=date>` sends it; required.
    pub introduction_on: String,
    /// Empty means today.
    pub signed_on: String,
    /// Empty means the default rhythm's.
    pub rhythm_min_weeks: String,
    pub rhythm_max_weeks: String,
    /// `AgreementItem` codes.
    pub items: Vec<String>,
    pub agreement_note: String,
    /// Empty means no yes yet.
    pub participant_yes_on: String,
    pub buddy_yes_on: String,
    /// An `EndReason` code.
    pub end_reason: String,
    pub end_note: String,
    /// Empty means today.
    pub ended_on: String,
}

fn parse_weeks(value: &str, default: u8) -> Result<u8, Problem> {
    match value.trim() {
        "" => Ok(default),
        v => {
            let n = v.parse::<i64>().map_err(|_| Problem::Invalid)?;
            u8::try_from(n).map_err(|_| Problem::OutOfRange {
                min: i64::from(RHYTHM_WEEKS_MIN),
                max: i64::from(RHYTHM_WEEKS_MAX),
            })
        }
    }
}

/// Records a problem unless its field already has one: the first says most.
fn push_once(problems: &mut Vec<FieldProblem>, field: &str, problem: Problem) {
    if !problems.iter().any(|(f, _)| f == field) {
        problems.push((field.to_owned(), problem));
    }
}

/// The value read, or `fallback` and a problem: a fallback chosen to raise no problem of its
/// own, so the typed check still reports every other field.
fn read<T>(
    problems: &mut Vec<FieldProblem>,
    field: &str,
    value: Result<T, Problem>,
    fallback: T,
) -> T {
    value.unwrap_or_else(|p| {
        push_once(problems, field, p);
        fallback
    })
}

impl MoveForm {
    /// The form's values for a move, e.g. to show it again.
    pub fn from_move(mv: &DuoMove) -> Self {
        let date = |d: NaiveDate| d.format(DATE_FORMAT).to_string();
        let mut form = MoveForm {
            to: mv.target().code().to_owned(),
            ..Default::default()
        };
        match mv {
            DuoMove::Introduce { introduction_on } => form.introduction_on = date(*introduction_on),
            DuoMove::Sign(a) => {
                form.signed_on = date(a.signed_on);
                form.rhythm_min_weeks = a.rhythm.min_weeks.to_string();
                form.rhythm_max_weeks = a.rhythm.max_weeks.to_string();
                form.items = a.items.iter().map(|i| i.code().to_owned()).collect();
                form.agreement_note = a.note.clone();
                form.participant_yes_on = a.participant_yes_on.map(date).unwrap_or_default();
                form.buddy_yes_on = a.buddy_yes_on.map(date).unwrap_or_default();
            }
            DuoMove::End(e) => {
                form.end_reason = e.reason.code().to_owned();
                form.end_note = e.note.clone();
                form.ended_on = date(e.ended_on);
            }
        }
        form
    }

    /// Reads the typed move and checks it with `check_move`; every problem is listed with its
    /// field, once.
    pub fn check(&self, duo: &DuoState, today: NaiveDate) -> Result<DuoMove, Vec<FieldProblem>> {
        let refused = || vec![("to".to_owned(), Problem::Invalid)];
        let to = match DuoStage::from_code(self.to.trim()) {
            Some(to) if duo.stage.can_move_to(to) => to,
            _ => return Err(refused()),
        };
        let mut problems = Vec::new();
        let p = &mut problems;
        let mv = match to {
            DuoStage::Proposed => return Err(refused()),
            DuoStage::Introduction => {
                let on = parse_date(&self.introduction_on).and_then(|d| d.ok_or(Problem::Required));
                DuoMove::Introduce {
                    introduction_on: read(p, "introduction_on", on, duo.proposed_on.max(today)),
                }
            }
            DuoStage::Active => {
                let signed_on = parse_date(&self.signed_on).map(|d| d.unwrap_or(today));
                let rhythm = Rhythm {
                    min_weeks: read(
                        p,
                        "rhythm_min_weeks",
                        parse_weeks(&self.rhythm_min_weeks, Rhythm::default().min_weeks),
                        RHYTHM_WEEKS_MIN,
                    ),
                    max_weeks: read(
                        p,
                        "rhythm_max_weeks",
                        parse_weeks(&self.rhythm_max_weeks, Rhythm::default().max_weeks),
                        RHYTHM_WEEKS_MAX,
                    ),
                };
                let mut items = BTreeSet::new();
                for code in &self.items {
                    match AgreementItem::from_code(code.trim()) {
                        Some(item) => {
                            items.insert(item);
                        }
                        None => push_once(p, "items", Problem::Invalid),
                    }
                }
                let participant_yes_on = parse_date(&self.participant_yes_on);
                let buddy_yes_on = parse_date(&self.buddy_yes_on);
                DuoMove::Sign(Agreement {
                    signed_on: read(p, "signed_on", signed_on, today),
                    rhythm,
                    items,
                    note: self.agreement_note.clone(),
                    participant_yes_on: read(p, "participant_yes_on", participant_yes_on, None),
                    buddy_yes_on: read(p, "buddy_yes_on", buddy_yes_on, None),
                })
            }
            DuoStage::Ended => {
                let reason = match self.end_reason.trim() {
                    "" => Err(Problem::Required),
                    v => EndReason::from_code(v).ok_or(Problem::Invalid),
                };
                let ended_on = parse_date(&self.ended_on).map(|d| d.unwrap_or(today));
                DuoMove::End(Ending {
                    reason: read(p, "end_reason", reason, EndReason::Other),
                    note: self.end_note.clone(),
                    ended_on: read(p, "ended_on", ended_on, today),
                })
            }
        };
        match check_move(duo, mv, today) {
            Ok(mv) if problems.is_empty() => Ok(mv),
            Ok(_) => Err(problems),
            Err(more) => {
                for (field, problem) in more {
                    push_once(&mut problems, &field, problem);
                }
                Err(problems)
            }
        }
    }
}

/// Evaluations due within this many days show on a coordinator's home page, with the late ones.
pub const EVALUATION_DUE_SOON_DAYS: u64 = 14;

/// Most months an admin may set between evaluations.
pub const EVALUATION_MONTHS_MAX: u32 = 24;

/// When evaluation conversations fall due once the agreement is signed: after
/// `first_after_months`, then every `then_every_months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationPlan {
    pub first_after_months: u32,
    pub then_every_months: u32,
}

impl Default for EvaluationPlan {
    /// After 3 months, then twice a year (shared/DOMAIN.md).
    fn default() -> Self {
        EvaluationPlan {
            first_after_months: 3,
            then_every_months: 6,
        }
    }
}

impl EvaluationPlan {
    /// Both numbers within 1 to `EVALUATION_MONTHS_MAX`.
    pub fn check(self) -> Result<EvaluationPlan, Vec<FieldProblem>> {
        let max = i64::from(EVALUATION_MONTHS_MAX);
        let problems: Vec<FieldProblem> = [
            ("first_after_months", self.first_after_months),
            ("then_every_months", self.then_every_months),
        ]
        .into_iter()
        .filter_map(|(field, months)| {
            in_range(i64::from(months), 1, max)
                .err()
                .map(|p| (field.to_owned(), p))
        })
        .collect();
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(problems)
        }
    }

    /// The `n`-th planned evaluation (0 is the first). Counted from the signing rather than
    /// from the previous date, so a short month does not pull every later date earlier
    /// (31 January: 30 April, then 31 October). `None` past the calendar's end.
    pub fn planned(self, signed_on: NaiveDate, n: u32) -> Option<NaiveDate> {
        // A zero interval would plan every later evaluation on one day.
        let every = self.then_every_months.max(1);
        let months = every.checked_mul(n)?.checked_add(self.first_after_months)?;
        signed_on.checked_add_months(Months::new(months))
    }

    /// Every planned evaluation up to and including `until`, in order.
    pub fn due_dates(self, signed_on: NaiveDate, until: NaiveDate) -> Vec<NaiveDate> {
        (0..)
            .map_while(|n| self.planned(signed_on, n))
            .take_while(|d| *d <= until)
            .collect()
    }

    /// The first planned evaluation not yet covered by one held. The n-th evaluation held
    /// (on or after the signing) covers the n-th planned date however early or late it was,
    /// so a missed evaluation stays due until one is held.
    pub fn next_due(self, signed_on: NaiveDate, done: &[NaiveDate]) -> Option<NaiveDate> {
        let held: BTreeSet<NaiveDate> = done.iter().copied().filter(|d| *d >= signed_on).collect();
        let n = u32::try_from(held.len()).ok()?;
        self.planned(signed_on, n)
    }
}

crate::coded! {
    /// How an evaluation conversation went, in a word; the notes say the rest.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum EvaluationOutcome {
        GoingWell = "going_well",
        /// Something in the agreement or the rhythm needs to change.
        Adjust = "adjust",
        /// The coordinator follows the duo up more closely.
        Worry = "worry",
    }
}

/// An evaluation conversation that was held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldEvaluation {
    pub held_on: NaiveDate,
    pub outcome: EvaluationOutcome,
    pub notes: String,
}

/// The evaluation form as the browser sends it (also with JavaScript off).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvaluationForm {
    /// `YYYY-MM-DD`; empty means today.
    pub held_on: String,
    /// An `EvaluationOutcome` code.
    pub outcome: String,
    pub notes: String,
}

impl EvaluationForm {
    /// Held from the signing to today (recording what happened), on a day without another
    /// conversation of this duo (`held`): the plan counts one day once, so a second one
    /// that day would be lost. Every problem is listed with its field.
    pub fn check(
        &self,
        signed_on: NaiveDate,
        held: &[NaiveDate],
        today: NaiveDate,
    ) -> Result<HeldEvaluation, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let held_on = match parse_date(&self.held_on) {
            Ok(d) => {
                let d = d.unwrap_or(today);
                if d < signed_on || d > today || held.contains(&d) {
                    problems.push(("held_on".to_owned(), Problem::Invalid));
                }
                d
            }
            Err(p) => {
                problems.push(("held_on".to_owned(), p));
                today
            }
        };
        let outcome = match self.outcome.trim() {
            "" => Err(Problem::Required),
            v => EvaluationOutcome::from_code(v).ok_or(Problem::Invalid),
        };
        let outcome = read(
            &mut problems,
            "outcome",
            outcome,
            EvaluationOutcome::GoingWell,
        );
        let notes = read(
            &mut problems,
            "notes",
            text(&self.notes, 0, NOTES_MAX),
            String::new(),
        );
        if problems.is_empty() {
            Ok(HeldEvaluation {
                held_on,
                outcome,
                notes,
            })
        } else {
            Err(problems)
        }
    }
}

/// The evaluation plan as an admin types it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvaluationPlanForm {
    pub first_after_months: String,
    pub then_every_months: String,
}

impl From<EvaluationPlan> for EvaluationPlanForm {
    fn from(plan: EvaluationPlan) -> Self {
        EvaluationPlanForm {
            first_after_months: plan.first_after_months.to_string(),
            then_every_months: plan.then_every_months.to_string(),
        }
    }
}

impl EvaluationPlanForm {
    /// Both numbers required, whole, within 1 to `EVALUATION_MONTHS_MAX`.
    pub fn check(&self) -> Result<EvaluationPlan, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut months = |field: &str, value: &str| -> u32 {
            let parsed = match value.trim() {
                "" => Err(Problem::Required),
                v => match v.parse::<i64>() {
                    // Out of u32 is out of range too: 0 raises the range problem below.
                    Ok(n) => Ok(u32::try_from(n).unwrap_or(0)),
                    Err(_) => Err(Problem::Invalid),
                },
            };
            read(&mut problems, field, parsed, 1)
        };
        let plan = EvaluationPlan {
            first_after_months: months("first_after_months", &self.first_after_months),
            then_every_months: months("then_every_months", &self.then_every_months),
        };
        match plan.check() {
            Ok(plan) if problems.is_empty() => Ok(plan),
            Ok(_) => Err(problems),
            Err(more) => {
                for (field, problem) in more {
                    push_once(&mut problems, &field, problem);
                }
                // Fields in the order of the form.
                problems.sort_by_key(|(f, _)| f != "first_after_months");
                Err(problems)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_pair_is_allowed_or_refused_as_the_lifecycle_says() {
        use DuoStage::*;
        let allowed = [
            (Proposed, Introduction),
            (Proposed, Ended),
            (Introduction, Active),
            (Introduction, Ended),
            (Active, Ended),
        ];
        for from in DuoStage::ALL {
            for to in DuoStage::ALL {
                assert_eq!(
                    from.can_move_to(to),
                    allowed.contains(&(from, to)),
                    "{from:?} -> {to:?}"
                );
            }
        }
        assert_eq!(Proposed.moves(), vec![Introduction, Ended]);
        assert_eq!(Introduction.moves(), vec![Active, Ended]);
        assert_eq!(Active.moves(), vec![Ended]);
        assert!(Ended.moves().is_empty(), "ended is final");
    }

    #[test]
    fn codes_round_trip_and_only_ended_is_closed() {
        for s in DuoStage::ALL {
            assert_eq!(DuoStage::from_code(s.code()), Some(s));
            assert_eq!(s.is_open(), s != DuoStage::Ended);
        }
        for r in EndReason::ALL {
            assert_eq!(EndReason::from_code(r.code()), Some(r));
        }
        assert_eq!(DuoStage::from_code("candidates"), None);
        assert_eq!(EndReason::from_code("No_Click"), None);
    }

    #[test]
    fn only_no_click_returns_the_participant_and_blocks_the_pair() {
        for r in EndReason::ALL {
            let no_click = r == EndReason::NoClick;
            assert_eq!(r.returns_participant_to_waiting(), no_click, "{r:?}");
            assert_eq!(r.blocks_pair_forever(), no_click, "{r:?}");
        }
    }

    #[test]
    fn an_ending_before_the_agreement_returns_the_participant_whatever_the_reason() {
        for from in [DuoStage::Proposed, DuoStage::Introduction, DuoStage::Active] {
            for r in EndReason::ALL {
                let e = end_effects(from, r);
                assert_eq!(
                    e.participant_back_to_waiting,
                    from != DuoStage::Active || r == EndReason::NoClick,
                    "{from:?} {r:?}"
                );
                assert_eq!(e.pair_blocked, r == EndReason::NoClick, "{from:?} {r:?}");
            }
        }
    }

    fn free_pair() -> ProposalFacts {
        ProposalFacts {
            participant_status: ParticipantStatus::Waiting,
            participant_open_duos: 0,
            buddy_status: BuddyStatus::Available,
            buddy_capacity: 2,
            buddy_open_duos: 1,
            ended_without_click: false,
        }
    }

    #[test]
    fn a_waiting_participant_and_a_buddy_with_room_may_be_proposed() {
        assert_eq!(check_proposal(&free_pair()), Ok(()));
        let busy_buddy = ProposalFacts {
            buddy_status: BuddyStatus::InDuo,
            ..free_pair()
        };
        assert_eq!(check_proposal(&busy_buddy), Ok(()));
        assert!(participant_has_room(0) && !participant_has_room(1));
        assert!(buddy_has_room(1, 2) && !buddy_has_room(2, 2) && !buddy_has_room(0, 0));
    }

    #[test]
    fn a_participant_is_in_one_open_duo_at_most() {
        let facts = ProposalFacts {
            participant_status: ParticipantStatus::Proposed,
            participant_open_duos: 1,
            ..free_pair()
        };
        assert_eq!(
            check_proposal(&facts),
            Err(vec![Refusal::ParticipantInOpenDuo])
        );
    }

    #[test]
    fn only_waiting_participants_are_proposed() {
        for status in ParticipantStatus::ALL {
            let facts = ProposalFacts {
                participant_status: status,
                ..free_pair()
            };
            let pool = matches!(
                status,
                ParticipantStatus::Waiting | ParticipantStatus::Proposed | ParticipantStatus::InDuo
            );
            assert_eq!(check_proposal(&facts).is_ok(), pool, "{status:?}");
        }
    }

    #[test]
    fn a_buddy_must_be_available_and_within_capacity() {
        for status in BuddyStatus::ALL {
            let facts = ProposalFacts {
                buddy_status: status,
                ..free_pair()
            };
            let ok = matches!(status, BuddyStatus::Available | BuddyStatus::InDuo);
            assert_eq!(check_proposal(&facts).is_ok(), ok, "{status:?}");
        }
        let full = ProposalFacts {
            buddy_open_duos: 2,
            ..free_pair()
        };
        assert_eq!(
            check_proposal(&full),
            Err(vec![Refusal::BuddyAtCapacity {
                capacity: 2,
                open_duos: 2
            }])
        );
    }

    #[test]
    fn a_pair_without_click_is_never_proposed_again_and_every_refusal_is_listed() {
        let blocked = ProposalFacts {
            ended_without_click: true,
            ..free_pair()
        };
        assert_eq!(
            check_proposal(&blocked),
            Err(vec![Refusal::EndedWithoutClick])
        );
        let everything = ProposalFacts {
            participant_status: ParticipantStatus::Closed,
            participant_open_duos: 1,
            buddy_status: BuddyStatus::Paused,
            buddy_capacity: 1,
            buddy_open_duos: 1,
            ended_without_click: true,
        };
        let codes: Vec<&str> = check_proposal(&everything)
            .unwrap_err()
            .into_iter()
            .map(Refusal::code)
            .collect();
        assert_eq!(
            codes,
            [
                "participant_not_waiting",
                "participant_in_open_duo",
                "buddy_not_available",
                "buddy_at_capacity",
                "ended_without_click"
            ]
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn today() -> NaiveDate {
        d(2026, 11, 27)
    }

    /// A duo in `stage`, with the dates that stage has.
    fn duo(stage: DuoStage) -> DuoState {
        let reached = |s: DuoStage| stage >= s;
        DuoState {
            stage,
            proposed_on: d(2026, 9, 1),
            introduction_on: reached(DuoStage::Introduction).then(|| d(2026, 9, 15)),
            signed_on: reached(DuoStage::Active).then(|| d(2026, 10, 1)),
        }
    }

    fn agreement() -> Agreement {
        Agreement {
            signed_on: d(2026, 10, 1),
            rhythm: Rhythm::default(),
            items: [AgreementItem::CancelInTime, AgreementItem::Privacy].into(),
            note: "Samen wandelen".into(),
            participant_yes_on: Some(d(2026, 9, 15)),
            buddy_yes_on: Some(d(2026, 9, 20)),
        }
    }

    fn ending() -> Ending {
        Ending {
            reason: EndReason::NoClick,
            note: "Geen klik bij de kennismaking".into(),
            ended_on: d(2026, 11, 1),
        }
    }

    /// One sound move to each stage a move can reach.
    fn moves() -> [DuoMove; 3] {
        [
            DuoMove::Introduce {
                introduction_on: d(2026, 9, 15),
            },
            DuoMove::Sign(agreement()),
            DuoMove::End(ending()),
        ]
    }

    fn fields(problems: &[FieldProblem]) -> Vec<&str> {
        problems.iter().map(|(f, _)| f.as_str()).collect()
    }

    #[test]
    fn every_move_from_every_stage_is_checked_against_the_lifecycle() {
        for from in DuoStage::ALL {
            for mv in moves() {
                let allowed = from.can_move_to(mv.target());
                let checked = check_move(&duo(from), mv.clone(), today());
                if allowed {
                    assert_eq!(checked, Ok(mv), "{from:?}");
                } else {
                    assert_eq!(
                        checked,
                        Err(vec![("to".to_owned(), Problem::Invalid)]),
                        "{from:?} -> {:?}",
                        mv.target()
                    );
                }
            }
        }
    }

    #[test]
    fn every_form_target_from_every_stage_is_checked_against_the_lifecycle() {
        let mut codes: Vec<&str> = DuoStage::ALL.into_iter().map(DuoStage::code).collect();
        codes.extend(["", "candidates", "Active"]);
        for from in DuoStage::ALL {
            for code in &codes {
                // Every field filled in soundly, so only the target decides.
                let mut form = MoveForm::from_move(&DuoMove::Sign(agreement()));
                form.introduction_on = "2026-09-15".into();
                form.end_reason = "moved".into();
                form.end_note = "Verhuisd naar Gent".into();
                form.to = (*code).into();
                let checked = form.check(&duo(from), today());
                match DuoStage::from_code(code).filter(|to| from.can_move_to(*to)) {
                    Some(to) => assert_eq!(checked.map(|m| m.target()), Ok(to), "{from:?} {code}"),
                    None => assert_eq!(
                        checked,
                        Err(vec![("to".to_owned(), Problem::Invalid)]),
                        "{from:?} {code}"
                    ),
                }
            }
        }
    }

    #[test]
    fn forms_round_trip_through_their_moves() {
        for mv in moves() {
            let from = if mv.target() == DuoStage::Active {
                DuoStage::Introduction
            } else {
                DuoStage::Proposed
            };
            assert_eq!(MoveForm::from_move(&mv).check(&duo(from), today()), Ok(mv));
        }
    }

    #[test]
    fn an_introduction_needs_a_date_not_before_the_proposal() {
        let proposed = duo(DuoStage::Proposed);
        let form = |date: &str| MoveForm {
            to: "introduction".into(),
            introduction_on: date.into(),
            ..Default::default()
        };
        let problem = |p| Err(vec![("introduction_on".to_owned(), p)]);
        assert_eq!(
            form("").check(&proposed, today()),
            problem(Problem::Required)
        );
        assert_eq!(
            form("15/09/2026").check(&proposed, today()),
            problem(Problem::Invalid)
        );
        assert_eq!(
            form("2026-08-31").check(&proposed, today()),
            problem(Problem::Invalid)
        );
        assert_eq!(
            form("2026-09-01").check(&proposed, today()),
            Ok(DuoMove::Introduce {
                introduction_on: d(2026, 9, 1)
            })
        );
        // A meeting may be planned ahead.
        assert!(form("2027-01-10").check(&proposed, today()).is_ok());
    }

    #[test]
    fn signing_needs_both_yeses_given_after_the_introduction() {
        let intro = d(2026, 9, 15);
        let check = |a: Agreement| a.check(intro, today());
        assert_eq!(check(agreement()), Ok(agreement()));
        let none = Agreement {
            participant_yes_on: None,
            buddy_yes_on: None,
            ..agreement()
        };
        assert_eq!(
            check(none),
            Err(vec![
                ("participant_yes_on".to_owned(), Problem::Required),
                ("buddy_yes_on".to_owned(), Problem::Required),
            ])
        );
        let before = Agreement {
            buddy_yes_on: Some(d(2026, 9, 14)),
            ..agreement()
        };
        assert_eq!(
            check(before),
            Err(vec![("buddy_yes_on".to_owned(), Problem::Invalid)])
        );
        // A yes "given" in the future is a typing mistake, reported at that yes only.
        let ahead = Agreement {
            participant_yes_on: Some(d(2026, 12, 1)),
            ..agreement()
        };
        assert_eq!(fields(&check(ahead).unwrap_err()), ["participant_yes_on"]);
    }

    #[test]
    fn the_agreement_is_signed_after_the_yeses_and_not_in_the_future() {
        let intro = d(2026, 9, 15);
        let signed = |on| Agreement {
            signed_on: on,
            ..agreement()
        };
        let invalid = Err(vec![("signed_on".to_owned(), Problem::Invalid)]);
        assert_eq!(signed(d(2026, 9, 14)).check(intro, today()), invalid);
        assert_eq!(
            signed(d(2026, 9, 19)).check(intro, today()),
            invalid,
            "before the buddy's yes"
        );
        assert_eq!(signed(d(2026, 11, 28)).check(intro, today()), invalid);
        assert!(signed(d(2026, 9, 20)).check(intro, today()).is_ok());
        assert!(signed(today()).check(intro, today()).is_ok());
        // On the day of the meeting itself all three may happen.
        let same_day = Agreement {
            signed_on: intro,
            participant_yes_on: Some(intro),
            buddy_yes_on: Some(intro),
            ..agreement()
        };
        assert!(same_day.check(intro, today()).is_ok());
    }

    #[test]
    fn the_rhythm_lies_within_one_to_twelve_weeks_and_min_does_not_exceed_max() {
        assert_eq!(Rhythm::default().days(), (14, 21));
        let rhythm = |min_weeks, max_weeks| Rhythm {
            min_weeks,
            max_weeks,
        };
        assert!(rhythm(1, 12).problems().is_empty());
        assert!(rhythm(4, 4).problems().is_empty());
        let range = Problem::OutOfRange { min: 1, max: 12 };
        assert_eq!(
            rhythm(0, 13).problems(),
            vec![
                ("rhythm_min_weeks".to_owned(), range.clone()),
                ("rhythm_max_weeks".to_owned(), range.clone()),
            ]
        );
        // The maximum's range starts at the minimum, which says what to type.
        assert_eq!(
            rhythm(4, 3).problems(),
            vec![(
                "rhythm_max_weeks".to_owned(),
                Problem::OutOfRange { min: 4, max: 12 }
            )]
        );
        assert_eq!(
            rhythm(0, 1).problems(),
            vec![("rhythm_min_weeks".to_owned(), range)]
        );
    }

    #[test]
    fn the_agreement_form_reads_defaults_and_reports_each_field_once() {
        let introduced = duo(DuoStage::Introduction);
        let mut form = MoveForm::from_move(&DuoMove::Sign(agreement()));
        form.signed_on.clear();
        form.rhythm_min_weeks.clear();
        form.rhythm_max_weeks = " ".into();
        form.agreement_note = "  Samen wandelen \n".into();
        let Ok(DuoMove::Sign(a)) = form.check(&introduced, today()) else {
            panic!("a sound agreement");
        };
        assert_eq!(a.signed_on, today());
        assert_eq!(a.rhythm, Rhythm::default());
        assert_eq!(a.note, "Samen wandelen");

        form.signed_on = "gisteren".into();
        form.rhythm_min_weeks = "twee".into();
        form.rhythm_max_weeks = "300".into();
        form.items = vec!["privacy".into(), "pets".into(), "smoking".into()];
        form.agreement_note = "x".repeat(NOTES_MAX + 1);
        form.participant_yes_on = "2026-13-01".into();
        form.buddy_yes_on.clear();
        assert_eq!(
            form.check(&introduced, today()),
            Err(vec![
                ("rhythm_min_weeks".to_owned(), Problem::Invalid),
                (
                    "rhythm_max_weeks".to_owned(),
                    Problem::OutOfRange { min: 1, max: 12 }
                ),
                ("items".to_owned(), Problem::Invalid),
                ("signed_on".to_owned(), Problem::Invalid),
                ("participant_yes_on".to_owned(), Problem::Invalid),
                ("buddy_yes_on".to_owned(), Problem::Required),
                (
                    "agreement_note".to_owned(),
                    Problem::TooLong { max: NOTES_MAX }
                ),
            ])
        );
    }

    #[test]
    fn agreement_items_round_trip_their_codes() {
        for item in AgreementItem::ALL {
            assert_eq!(AgreementItem::from_code(item.code()), Some(item));
        }
        assert_eq!(AgreementItem::from_code("pets"), None);
    }

    #[test]
    fn an_ending_needs_a_reason_and_a_note() {
        let active = duo(DuoStage::Active);
        let mut form = MoveForm {
            to: "ended".into(),
            end_note: "   ".into(),
            ..Default::default()
        };
        assert_eq!(
            form.check(&active, today()),
            Err(vec![
                ("end_reason".to_owned(), Problem::Required),
                ("end_note".to_owned(), Problem::Required),
            ])
        );
        form.end_reason = "bored".into();
        form.end_note = "x".repeat(NOTES_MAX + 1);
        assert_eq!(
            form.check(&active, today()),
            Err(vec![
                ("end_reason".to_owned(), Problem::Invalid),
                ("end_note".to_owned(), Problem::TooLong { max: NOTES_MAX }),
            ])
        );
        form.end_reason = "goal_reached".into();
        form.end_note = " Doel bereikt: gaat zelf naar de turnkring ".into();
        assert_eq!(
            form.check(&active, today()),
            Ok(DuoMove::End(Ending {
                reason: EndReason::GoalReached,
                note: "Doel bereikt: gaat zelf naar de turnkring".into(),
                ended_on: today(),
            }))
        );
    }

    #[test]
    fn an_ending_falls_between_the_proposal_or_signing_and_today() {
        let on = |ended_on| Ending {
            ended_on,
            ..ending()
        };
        let invalid = Err(vec![("ended_on".to_owned(), Problem::Invalid)]);
        let active = duo(DuoStage::Active);
        assert_eq!(
            check_move(&active, DuoMove::End(on(d(2026, 9, 30))), today()),
            invalid
        );
        assert!(check_move(&active, DuoMove::End(on(d(2026, 10, 1))), today()).is_ok());
        assert_eq!(
            check_move(&active, DuoMove::End(on(d(2026, 11, 28))), today()),
            invalid
        );
        let proposed = duo(DuoStage::Proposed);
        assert_eq!(
            check_move(&proposed, DuoMove::End(on(d(2026, 8, 31))), today()),
            invalid
        );
        // A planned introduction can be called off before its date.
        let planned = DuoState {
            introduction_on: Some(d(2026, 12, 10)),
            ..duo(DuoStage::Introduction)
        };
        assert!(check_move(&planned, DuoMove::End(on(today())), today()).is_ok());
        let mut form = MoveForm::from_move(&DuoMove::End(ending()));
        form.ended_on = "1 november".into();
        assert_eq!(form.check(&proposed, today()), invalid);
    }

    #[test]
    fn check_move_trims_texts() {
        let mv = DuoMove::End(Ending {
            note: "  Verhuisd \n".into(),
            ..ending()
        });
        let Ok(DuoMove::End(e)) = check_move(&duo(DuoStage::Proposed), mv, today()) else {
            panic!("a sound ending");
        };
        assert_eq!(e.note, "Verhuisd");
    }

    #[test]
    fn evaluations_fall_after_three_months_then_every_six() {
        let plan = EvaluationPlan::default();
        assert_eq!(plan.check(), Ok(plan));
        let signed = d(2026, 1, 15);
        assert_eq!(
            plan.due_dates(signed, d(2027, 10, 15)),
            vec![
                d(2026, 4, 15),
                d(2026, 10, 15),
                d(2027, 4, 15),
                d(2027, 10, 15)
            ]
        );
        assert_eq!(plan.due_dates(signed, d(2026, 4, 14)), vec![]);
        assert_eq!(plan.due_dates(signed, d(2026, 4, 15)), vec![d(2026, 4, 15)]);
        assert_eq!(plan.due_dates(signed, d(2025, 1, 1)), vec![]);
        let other = EvaluationPlan {
            first_after_months: 1,
            then_every_months: 12,
        };
        assert_eq!(
            other.due_dates(signed, d(2027, 3, 1)),
            vec![d(2026, 2, 15), d(2027, 2, 15)]
        );
    }

    #[test]
    fn evaluation_dates_at_month_ends_do_not_drift() {
        let plan = EvaluationPlan::default();
        assert_eq!(
            plan.due_dates(d(2026, 1, 31), d(2027, 12, 31)),
            vec![
                d(2026, 4, 30),
                d(2026, 10, 31),
                d(2027, 4, 30),
                d(2027, 10, 31)
            ]
        );
        // Into a leap February and out of it again.
        assert_eq!(
            plan.due_dates(d(2027, 11, 30), d(2028, 12, 31)),
            vec![d(2028, 2, 29), d(2028, 8, 30)]
        );
        assert_eq!(
            plan.due_dates(d(2026, 8, 31), d(2027, 12, 31)),
            vec![d(2026, 11, 30), d(2027, 5, 31), d(2027, 11, 30)]
        );
    }

    #[test]
    fn the_next_evaluation_is_the_first_planned_one_not_yet_held() {
        let plan = EvaluationPlan::default();
        let signed = d(2026, 1, 31);
        assert_eq!(plan.next_due(signed, &[]), Some(d(2026, 4, 30)));
        // Held late: the next still follows the plan, not the day it was held.
        assert_eq!(
            plan.next_due(signed, &[d(2026, 6, 2)]),
            Some(d(2026, 10, 31))
        );
        assert_eq!(
            plan.next_due(signed, &[d(2026, 10, 20), d(2026, 5, 1)]),
            Some(d(2027, 4, 30))
        );
        // A talk before the signing is no evaluation; one day recorded twice counts once.
        assert_eq!(
            plan.next_due(signed, &[d(2026, 1, 10), d(2026, 5, 1), d(2026, 5, 1)]),
            Some(d(2026, 10, 31))
        );
    }

    #[test]
    fn an_evaluation_plan_stays_within_one_to_twenty_four_months() {
        let range = Problem::OutOfRange { min: 1, max: 24 };
        let plan = EvaluationPlan {
            first_after_months: 0,
            then_every_months: 25,
        };
        assert_eq!(
            plan.check(),
            Err(vec![
                ("first_after_months".to_owned(), range.clone()),
                ("then_every_months".to_owned(), range),
            ])
        );
        // Even unchecked, a zero interval ends instead of planning one day forever.
        let zero = EvaluationPlan {
            first_after_months: 3,
            then_every_months: 0,
        };
        assert_eq!(
            zero.due_dates(d(2026, 1, 15), d(2026, 7, 15)),
            vec![
                d(2026, 4, 15),
                d(2026, 5, 15),
                d(2026, 6, 15),
                d(2026, 7, 15)
            ]
        );
        let huge = EvaluationPlan {
            first_after_months: u32::MAX,
            then_every_months: u32::MAX,
        };
        assert_eq!(huge.planned(d(2026, 1, 15), 0), None);
        assert_eq!(huge.due_dates(d(2026, 1, 15), NaiveDate::MAX), vec![]);
    }

    #[test]
    fn evaluation_outcomes_round_trip_their_codes() {
        for o in EvaluationOutcome::ALL {
            assert_eq!(EvaluationOutcome::from_code(o.code()), Some(o));
        }
        assert_eq!(EvaluationOutcome::from_code("Going_well"), None);
        assert_eq!(EvaluationOutcome::from_code(""), None);
    }

    #[test]
    fn an_evaluation_is_held_between_the_signing_and_today_once_a_day() {
        let signed = d(2026, 10, 1);
        let form = |held_on: &str| EvaluationForm {
            held_on: held_on.into(),
            outcome: "adjust".into(),
            notes: "  Vaker bellen \n".into(),
        };
        assert_eq!(
            form("2026-11-20").check(signed, &[], today()),
            Ok(HeldEvaluation {
                held_on: d(2026, 11, 20),
                outcome: EvaluationOutcome::Adjust,
                notes: "Vaker bellen".into(),
            })
        );
        assert_eq!(
            form("").check(signed, &[], today()).map(|e| e.held_on),
            Ok(today())
        );
        assert!(form("2026-10-01").check(signed, &[], today()).is_ok());
        let invalid = Err(vec![("held_on".to_owned(), Problem::Invalid)]);
        for bad in ["2026-11-28", "2026-09-30", "gisteren", "2026-02-30"] {
            assert_eq!(form(bad).check(signed, &[], today()), invalid, "{bad}");
        }
        assert_eq!(
            form("2026-11-20").check(signed, &[d(2026, 11, 20)], today()),
            invalid
        );
    }

    #[test]
    fn the_evaluation_form_reports_each_field() {
        let form = EvaluationForm {
            held_on: "2027-01-01".into(),
            outcome: "great".into(),
            notes: "x".repeat(100 * 1024),
        };
        assert_eq!(
            form.check(d(2026, 10, 1), &[], today()),
            Err(vec![
                ("held_on".to_owned(), Problem::Invalid),
                ("outcome".to_owned(), Problem::Invalid),
                ("notes".to_owned(), Problem::TooLong { max: NOTES_MAX }),
            ])
        );
        let blank = EvaluationForm::default().check(d(2026, 10, 1), &[], today());
        assert_eq!(blank, Err(vec![("outcome".to_owned(), Problem::Required)]));
    }

    #[test]
    fn the_evaluation_plan_form_reads_whole_months_within_range() {
        let form = |first: &str, every: &str| EvaluationPlanForm {
            first_after_months: first.into(),
            then_every_months: every.into(),
        };
        assert_eq!(
            form(" 2 ", "12").check(),
            Ok(EvaluationPlan {
                first_after_months: 2,
                then_every_months: 12
            })
        );
        assert_eq!(
            EvaluationPlanForm::from(EvaluationPlan::default()).check(),
            Ok(EvaluationPlan::default())
        );
        let range = Problem::OutOfRange { min: 1, max: 24 };
        assert_eq!(
            form("", "drie").check(),
            Err(vec![
                ("first_after_months".to_owned(), Problem::Required),
                ("then_every_months".to_owned(), Problem::Invalid),
            ])
        );
        assert_eq!(
            form("-1", "25").check(),
            Err(vec![
                ("first_after_months".to_owned(), range.clone()),
                ("then_every_months".to_owned(), range.clone()),
            ])
        );
        assert_eq!(
            form("x", "99999999999").check(),
            Err(vec![
                ("first_after_months".to_owned(), Problem::Invalid),
                ("then_every_months".to_owned(), range),
            ])
        );
    }
}
