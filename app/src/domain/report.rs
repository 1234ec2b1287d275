//! The funders' reports (issue 19) as pure code: the facts the database hands over, the
//! period they are about, and the figures built from them with `crate::stats`. Pages in the
//! browser, the print page and the CSV/XLSX exports all read the same figures, and the
//! tables are defined once (`tables`), so a number never differs between them.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::duo::{EndReason, Rhythm};
use crate::domain::event::HeardVia;
use crate::domain::people::LeaveReason;
use crate::domain::profile::Gender;
use crate::stats::{self, Change, Curve, LogRank, Median, Observation, State, Week};

/// The longest period a report covers: enough for any programme's history, short enough
/// that a mistyped year ("1026") is caught rather than computed week by week.
pub const MAX_YEARS: u32 = 30;

crate::coded! {
    /// The periods offered with one click.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Preset {
        Last12Months = "last_12_months",
        ThisYear = "this_year",
        LastYear = "last_year",
        SinceStart = "since_start",
    }
}

/// Dates from `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Why a period asked for cannot be reported on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodProblem {
    /// A date that is not a date (or out of the calendar's range).
    NotADate,
    EndBeforeStart,
    TooLong,
}

/// A form value that holds something other than blanks.
fn given(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

impl Period {
    /// The period a report page asks for: its own dates when both are given, else the
    /// preset (default: the last 12 months). `start` is the programme's first known date,
    /// for "since the start". The end is never after `today`: nothing is known there yet.
    pub fn resolve(
        preset: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        today: NaiveDate,
        start: NaiveDate,
    ) -> Result<Period, PeriodProblem> {
        let period = match (given(from), given(to)) {
            (None, None) => {
                let preset = given(preset)
                    .and_then(Preset::from_code)
                    .unwrap_or(Preset::Last12Months);
                Period::of_preset(preset, today, start)
            }
            (from, to) => {
                let parse = |v: Option<&str>, default: NaiveDate| match v {
                    None => Ok(default),
                    Some(v) => crate::domain::import::parse_date(v).ok_or(PeriodProblem::NotADate),
                };
                Period {
                    from: parse(from, start.min(today))?,
                    to: parse(to, today)?,
                }
            }
        };
        let period = Period {
            from: period.from,
            to: period.to.min(today),
        };
        if period.to < period.from {
            return Err(PeriodProblem::EndBeforeStart);
        }
        let longest = period
            .from
            .checked_add_months(Months::new(12 * MAX_YEARS))
            .ok_or(PeriodProblem::TooLong)?;
        if period.to > longest {
            return Err(PeriodProblem::TooLong);
        }
        Ok(period)
    }

    pub fn of_preset(preset: Preset, today: NaiveDate, start: NaiveDate) -> Period {
        let jan_first = |year| NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
        match preset {
            Preset::Last12Months => Period {
                from: today
                    .checked_sub_months(Months::new(12))
                    .map_or(today, |d| d + Days::new(1)),
                to: today,
            },
            Preset::ThisYear => Period {
                from: jan_first(today.year()),
                to: today,
            },
            Preset::LastYear => Period {
                from: jan_first(today.year() - 1),
                to: jan_first(today.year()).pred_opt().unwrap_or(today),
            },
            Preset::SinceStart => Period {
                from: start.min(today),
                to: today,
            },
        }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

// ---- Facts: what the database hands over (counts, dates and codes; never names) --------

/// One duo that signed an agreement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuoFact {
    pub id: i32,
    pub buddy_id: i32,
    pub signed_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub end_reason: Option<EndReason>,
    /// The matching score of the proposal.
    pub score: i32,
    pub rhythm: Rhythm,
}

/// One participant as the waiting-list figures need them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantFact {
    pub id: i32,
    pub municipality_id: i64,
    pub gender: Gender,
    pub intake_on: NaiveDate,
    /// The first signed agreement of any of their duos.
    pub first_agreement_on: Option<NaiveDate>,
    /// When they left the programme without an agreement (closed), if they did.
    pub left_on: Option<NaiveDate>,
    /// Why they left, when that was recorded.
    pub left_reason: Option<LeaveReason>,
}

/// One activity that happened (confirmed by the buddy).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityFact {
    pub duo_id: i32,
    pub on: NaiveDate,
    /// The check-in, 1 (bad) to 5 (very good).
    pub mood: Option<u8>,
}

/// One evaluation conversation, planned for `due_on`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvaluationFact {
    pub due_on: NaiveDate,
    pub held_on: Option<NaiveDate>,
}

/// One candidate volunteer.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuddyFact {
    pub id: i32,
    pub applied_on: NaiveDate,
    pub handed_to_screening: bool,
    pub approved_on: Option<NaiveDate>,
    /// When they stopped (status "stopped"), if they did.
    pub stopped_on: Option<NaiveDate>,
    /// Where they heard of the programme, if they said.
    pub heard_via: Option<HeardVia>,
}

/// One invitation to an intervision session that took place (not cancelled).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntervisionSeat {
    pub event_id: i32,
    pub on: NaiveDate,
    pub buddy_id: i32,
    pub attended: bool,
}

// ---- 1. How long duos last ------------------------------------------------------------------

/// The months after signing at which the share still together is read off.
pub const RETENTION_MONTHS: [u32; 3] = [3, 6, 12];

/// A third of the duos by matching score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Band {
    Low,
    Middle,
    High,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Low, Band::Middle, Band::High];
}

/// The share still together at some month, with its 95% band.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Retention {
    pub months: u32,
    /// `None` when no duo was followed that long yet.
    pub share: Option<(f64, f64, f64)>,
}

/// Duos of one score band: their curve and median.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BandCurve {
    pub band: Band,
    /// Scores from `lowest` to `highest` fall in this band.
    pub lowest: i32,
    pub highest: i32,
    pub duos: u32,
    pub ended: u32,
    pub curve: Curve,
    pub median: Option<Median>,
}

/// Endings within the first 3 and 6 months, for one reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlyEnding {
    pub reason: EndReason,
    pub within_3: u32,
    pub within_6: u32,
}

/// How long duos that signed in the period last, followed until today.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuoDurations {
    pub period: Period,
    pub duos: u32,
    pub ended: u32,
    /// Rows that cannot be right (an end before the signing): left out, and said so.
    pub skipped: u32,
    pub curve: Curve,
    pub median: Option<Median>,
    pub retention: Vec<Retention>,
    pub early: Vec<EarlyEnding>,
    pub bands: Vec<BandCurve>,
    pub band_test: Option<LogRank>,
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

fn month_days(months: u32) -> u32 {
    // An average month: 3, 6 and 12 months are 91, 183 and 365 days.
    (f64::from(months) * 365.25 / 12.0).round() as u32
}

/// Reads the share still together at `days` off `curve`; `None` past the longest follow-up.
fn retention(curve: &Curve, days: u32, months: u32) -> Retention {
    let followed = curve.steps.last().map_or(0, |s| s.days);
    let share = (followed >= days && !curve.steps.is_empty()).then(|| {
        let before = curve.steps.partition_point(|s| s.days <= days);
        match before.checked_sub(1).map(|i| curve.steps[i]) {
            Some(s) => (s.survival, s.lower, s.upper),
            None => (1.0, 1.0, 1.0),
        }
    });
    Retention { months, share }
}

pub fn duo_durations(duos: &[DuoFact], period: Period, today: NaiveDate) -> DuoDurations {
    let mut skipped = 0;
    let mut kept: Vec<(&DuoFact, Observation)> = Vec::new();
    for d in duos.iter().filter(|d| period.contains(d.signed_on)) {
        let end = d.ended_on.filter(|e| *e <= today);
        match end {
            Some(e) if e < d.signed_on => skipped += 1,
            Some(e) => kept.push((
                d,
                Observation {
                    days: days_between(d.signed_on, e),
                    ended: true,
                },
            )),
            None => kept.push((
                d,
                Observation {
                    days: days_between(d.signed_on, today.max(d.signed_on)),
                    ended: false,
                },
            )),
        }
    }
    let observations: Vec<Observation> = kept.iter().map(|(_, o)| *o).collect();
    let curve = stats::kaplan_meier(&observations);
    let early = EndReason::ALL
        .into_iter()
        .map(|reason| {
            let within = |months| {
                kept.iter()
                    .filter(|(d, o)| {
                        o.ended && d.end_reason == Some(reason) && o.days <= month_days(months)
                    })
                    .count() as u32
            };
            EarlyEnding {
                reason,
                within_3: within(3),
                within_6: within(6),
            }
        })
        .filter(|e| e.within_6 > 0)
        .collect();
    let bands = score_bands(&kept);
    let groups: Vec<Vec<Observation>> = Band::ALL
        .iter()
        .map(|band| {
            kept.iter()
                .filter(|(d, _)| {
                    bands
                        .iter()
                        .any(|b| b.band == *band && (b.lowest..=b.highest).contains(&d.score))
                })
                .map(|(_, o)| *o)
                .collect()
        })
        .collect();
    let group_refs: Vec<&[Observation]> = groups.iter().map(Vec::as_slice).collect();
    DuoDurations {
        period,
        duos: observations.len() as u32,
        ended: observations.iter().filter(|o| o.ended).count() as u32,
        skipped,
        median: curve.median(),
        retention: RETENTION_MONTHS
            .iter()
            .map(|&m| retention(&curve, month_days(m), m))
            .collect(),
        curve,
        early,
        band_test: stats::log_rank(&group_refs),
        bands,
    }
}

/// The duos in thirds by score (the lowest third, the middle, the highest); duos with the
/// same score stay in one band, so a band may be empty when scores are few.
fn score_bands(kept: &[(&DuoFact, Observation)]) -> Vec<BandCurve> {
    let mut scores: Vec<i32> = kept.iter().map(|(d, _)| d.score).collect();
    scores.sort_unstable();
    if scores.is_empty() {
        return Vec::new();
    }
    let n = scores.len();
    // Upper limits of the first two thirds; a band holds scores in (previous, limit].
    let cut = |k: usize| scores[(n * k / 3).saturating_sub(1).min(n - 1)];
    let limits = [cut(1), cut(2), scores[n - 1]];
    let mut lower = i32::MIN;
    let mut out = Vec::new();
    for (band, upper) in Band::ALL.into_iter().zip(limits) {
        let members: Vec<(i32, Observation)> = kept
            .iter()
            .filter(|(d, _)| d.score > lower && d.score <= upper)
            .map(|(d, o)| (d.score, *o))
            .collect();
        if let (Some(lo), Some(hi)) = (
            members.iter().map(|m| m.0).min(),
            members.iter().map(|m| m.0).max(),
        ) {
            let obs: Vec<Observation> = members.iter().map(|m| m.1).collect();
            let curve = stats::kaplan_meier(&obs);
            out.push(BandCurve {
                band,
                lowest: lo,
                highest: hi,
                duos: obs.len() as u32,
                ended: obs.iter().filter(|o| o.ended).count() as u32,
                median: curve.median(),
                curve,
            });
        }
        lower = upper.max(lower);
    }
    out
}

// ---- 2. How long people wait -----------------------------------------------------------------

/// The wait of one group (a municipality, a gender).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupWait<K> {
    pub key: K,
    pub people: u32,
    pub matched: u32,
    pub median: Option<Median>,
}

/// The waiting list week by week, and the time from intake to an agreement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Waiting {
    pub period: Period,
    pub weeks: Vec<Week>,
    /// People whose intake fell in the period.
    pub people: u32,
    pub matched: u32,
    pub curve: Curve,
    pub median: Option<Median>,
    pub p80: Option<Median>,
    pub by_municipality: Vec<GroupWait<i64>>,
    pub by_gender: Vec<GroupWait<Gender>>,
    /// People who left without a match in the period, by reason (`None`: not recorded).
    pub left_reasons: Vec<(Option<LeaveReason>, u32)>,
    pub skipped: u32,
}

/// The time from intake to the first agreement: an event when signed, censored when they
/// left without one or are still waiting today.
fn wait_of(p: &ParticipantFact, today: NaiveDate) -> Option<Observation> {
    let (end, ended) = match (p.first_agreement_on, p.left_on) {
        (Some(on), _) if on <= today => (on, true),
        (_, Some(left)) if left <= today => (left, false),
        _ => (today, false),
    };
    (end >= p.intake_on).then(|| Observation {
        days: days_between(p.intake_on, end),
        ended,
    })
}

fn group_wait<K: Copy + Ord>(people: &[(K, Observation)]) -> Vec<GroupWait<K>> {
    let mut groups: BTreeMap<K, Vec<Observation>> = BTreeMap::new();
    for (k, o) in people {
        groups.entry(*k).or_default().push(*o);
    }
    groups
        .into_iter()
        .map(|(key, obs)| GroupWait {
            key,
            people: obs.len() as u32,
            matched: obs.iter().filter(|o| o.ended).count() as u32,
            median: stats::kaplan_meier(&obs).median(),
        })
        .collect()
}

/// Status codes as the weekly reconstruction sees them: a proposal still waits.
pub fn waiting_state(code: &str) -> State {
    match code {
        "waiting" | "proposed" => State::Waiting,
        "in_duo" => State::Matched,
        "closed" => State::Left,
        _ => State::Other,
    }
}

pub fn waiting(
    people: &[ParticipantFact],
    changes: &[Change],
    period: Period,
    today: NaiveDate,
) -> Waiting {
    let mut skipped = 0;
    let mut observed = Vec::new();
    for p in people.iter().filter(|p| period.contains(p.intake_on)) {
        match wait_of(p, today) {
            Some(o) => observed.push((p, o)),
            None => skipped += 1,
        }
    }
    let observations: Vec<Observation> = observed.iter().map(|(_, o)| *o).collect();
    let curve = stats::kaplan_meier(&observations);
    let by_municipality: Vec<(i64, Observation)> = observed
        .iter()
        .map(|(p, o)| (p.municipality_id, *o))
        .collect();
    let by_gender: Vec<(Gender, Observation)> =
        observed.iter().map(|(p, o)| (p.gender, *o)).collect();
    // The recorded reasons in their order, "not recorded" (no rank) last.
    let mut left_reasons: BTreeMap<usize, u32> = BTreeMap::new();
    for p in people
        .iter()
        .filter(|p| p.left_on.is_some_and(|l| period.contains(l)))
    {
        let rank = p
            .left_reason
            .and_then(|r| LeaveReason::ALL.iter().position(|x| *x == r))
            .unwrap_or(usize::MAX);
        *left_reasons.entry(rank).or_default() += 1;
    }
    Waiting {
        left_reasons: left_reasons
            .into_iter()
            .map(|(rank, n)| (LeaveReason::ALL.get(rank).copied(), n))
            .collect(),
        period,
        weeks: stats::weekly(changes, period.from, period.to),
        people: observations.len() as u32,
        matched: observations.iter().filter(|o| o.ended).count() as u32,
        median: curve.median(),
        p80: curve.percentile(0.8),
        curve,
        by_municipality: group_wait(&by_municipality),
        by_gender: group_wait(&by_gender),
        skipped,
    }
}

// ---- 3. Activity and follow-up --------------------------------------------------------------

/// One calendar month of the active duos' life.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityMonth {
    /// The first day of the month.
    pub month: NaiveDate,
    /// Duos with a signed agreement on some day of the month.
    pub active_duos: u32,
    pub activities: u32,
    /// What the agreed rhythms ask for, summed over the active duos (per month).
    pub agreed: f64,
    /// Check-ins per mood, bad (index 0) to very good (index 4).
    pub moods: [u32; 5],
}

impl ActivityMonth {
    pub fn per_duo(&self) -> Option<f64> {
        (self.active_duos > 0).then(|| f64::from(self.activities) / f64::from(self.active_duos))
    }

    pub fn agreed_per_duo(&self) -> Option<f64> {
        (self.active_duos > 0).then(|| self.agreed / f64::from(self.active_duos))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub period: Period,
    pub months: Vec<ActivityMonth>,
    /// Duos active at some time in the period.
    pub duos: u32,
    /// Of those, the duos that went quiet for longer than their rhythm and the margin.
    pub faded: u32,
    pub evaluations_due: u32,
    pub evaluations_held: u32,
}

/// The months from the one holding `from` to the one holding `to`.
pub fn months_of(period: Period) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut month = period.from.with_day(1).unwrap_or(period.from);
    while month <= period.to {
        out.push(month);
        match month.checked_add_months(Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    out
}

fn last_day(month: NaiveDate) -> NaiveDate {
    month
        .checked_add_months(Months::new(1))
        .and_then(|m| m.pred_opt())
        .unwrap_or(month)
}

/// The activities of a period as the report needs them: counts per month and check-in, and
/// per duo only the quiet spans that could matter (the database computes this summary in
/// SQL, so that ten years of activities are not read one by one; `summarise` is the same
/// rule in Rust, and a repository test holds the two together).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySummary {
    /// (first day of the month, check-in 1–5 or none) → activities.
    pub per_month: BTreeMap<(NaiveDate, Option<u8>), u32>,
    /// Per duo: its first activity up to the period's end, the spans between two
    /// activities longer than `min_gap` days that end in the period, and its last activity
    /// up to the period's end.
    pub duos: BTreeMap<i32, QuietSpans>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuietSpans {
    pub first: Option<NaiveDate>,
    pub gaps: Vec<(NaiveDate, NaiveDate)>,
    pub last: Option<NaiveDate>,
}

/// The summary of single activities (what the SQL computes): `min_gap` is the shortest
/// limit any duo has, so no span that could make a duo "quiet" is left out.
pub fn summarise(activities: &[ActivityFact], period: Period, min_gap: u32) -> ActivitySummary {
    let mut summary = ActivitySummary::default();
    let mut by_duo: BTreeMap<i32, Vec<NaiveDate>> = BTreeMap::new();
    for a in activities.iter().filter(|a| a.on <= period.to) {
        by_duo.entry(a.duo_id).or_default().push(a.on);
        if a.on >= period.from {
            let month = a.on.with_day(1).unwrap_or(a.on);
            let mood = a.mood.filter(|m| (1..=5).contains(m));
            *summary.per_month.entry((month, mood)).or_default() += 1;
        }
    }
    for (duo, mut days) in by_duo {
        summary
            .duos
            .insert(duo, quiet_spans(&mut days, period, min_gap));
    }
    summary
}

/// One duo's first and last activity and its spans longer than `min_gap` days that end in
/// the period, from the days of its activities up to the period's end (sorted here).
pub fn quiet_spans(days: &mut [NaiveDate], period: Period, min_gap: u32) -> QuietSpans {
    days.sort_unstable();
    QuietSpans {
        first: days.first().copied(),
        gaps: days
            .windows(2)
            .filter(|w| w[1] >= period.from && (w[1] - w[0]).num_days() > i64::from(min_gap))
            .map(|w| (w[0], w[1]))
            .collect(),
        last: days.last().copied(),
    }
}

/// The shortest quiet span any duo is allowed: below it nothing needs to be looked at.
pub fn shortest_limit(duos: &[DuoFact], margin_days: u32) -> u32 {
    duos.iter()
        .map(|d| d.rhythm.days().1 + margin_days)
        .min()
        .unwrap_or(margin_days)
}

pub fn activity(
    duos: &[DuoFact],
    summary: &ActivitySummary,
    evaluations: &[EvaluationFact],
    period: Period,
    today: NaiveDate,
    margin_days: u32,
) -> Activity {
    let end_of = |d: &DuoFact| d.ended_on.unwrap_or(today).min(today);
    let sane = |d: &&DuoFact| end_of(d) >= d.signed_on;
    // One pass over the counts and one over the duos, by month number (ten years of
    // history are 120 months and 2,000 duos).
    let starts = months_of(period);
    let index = |day: NaiveDate| {
        let first = starts.first().copied().unwrap_or(period.from);
        (day.year() - first.year()) * 12 + day.month0() as i32 - first.month0() as i32
    };
    let n = starts.len() as i32;
    let mut months: Vec<ActivityMonth> = starts
        .iter()
        .map(|&month| ActivityMonth {
            month,
            active_duos: 0,
            activities: 0,
            agreed: 0.0,
            moods: [0; 5],
        })
        .collect();
    for (&(month, mood), &count) in &summary.per_month {
        let i = index(month);
        if !(0..n).contains(&i) {
            continue;
        }
        let row = &mut months[i as usize];
        row.activities += count;
        if let Some(m) = mood.filter(|m| (1..=5).contains(m)) {
            row.moods[usize::from(m - 1)] += count;
        }
    }
    for d in duos.iter().filter(sane) {
        let (lo, hi) = d.rhythm.days();
        let per_month = 30.44 / (f64::from(lo + hi).max(2.0) / 2.0);
        let (first, last) = (index(d.signed_on).max(0), index(end_of(d)).min(n - 1));
        for i in first..=last {
            let month = &mut months[i as usize];
            month.active_duos += 1;
            month.agreed += per_month;
        }
    }
    let in_period: Vec<&DuoFact> = duos
        .iter()
        .filter(sane)
        .filter(|d| d.signed_on <= period.to && end_of(d) >= period.from)
        .collect();
    let none = QuietSpans::default();
    let faded = in_period
        .iter()
        .filter(|d| {
            let limit = i64::from(d.rhythm.days().1 + margin_days);
            let end = end_of(d).min(period.to);
            let spans = summary.duos.get(&d.id).unwrap_or(&none);
            // Quiet from the signing to the first activity, between two, or from the last
            // up to the end: any such span longer than the limit that ends in the period.
            let first = spans.first.filter(|f| *f <= end).unwrap_or(end);
            let last = spans
                .last
                .filter(|l| *l <= end)
                .unwrap_or(d.signed_on)
                .max(d.signed_on);
            [(d.signed_on, first), (last, end)]
                .into_iter()
                .chain(spans.gaps.iter().copied().filter(|(_, to)| *to <= end))
                .any(|(from, to)| {
                    to >= period.from && from >= d.signed_on && (to - from).num_days() > limit
                })
        })
        .count() as u32;
    let due: Vec<&EvaluationFact> = evaluations
        .iter()
        .filter(|e| period.contains(e.due_on) && e.due_on <= today)
        .collect();
    Activity {
        period,
        months,
        duos: in_period.len() as u32,
        faded,
        evaluations_due: due.len() as u32,
        evaluations_held: due.iter().filter(|e| e.held_on.is_some()).count() as u32,
    }
}

// ---- 4. Where buddies come from and stay ------------------------------------------------------

/// Candidate volunteers who applied in one month, and how far they came.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunnelMonth {
    pub month: NaiveDate,
    pub applied: u32,
    pub screening: u32,
    pub approved: u32,
    pub first_duo: u32,
    /// Still in the programme 12 months after applying; `None` while that is in the future.
    pub active_after_12: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    pub period: Period,
    pub months: Vec<FunnelMonth>,
    pub total: FunnelMonth,
    /// The same steps per answer to "how did you hear of us?" (`None`: no answer), for the
    /// sources someone named in the period; `month` is the period's start.
    pub by_source: Vec<(Option<HeardVia>, FunnelMonth)>,
}

pub fn funnel(buddies: &[BuddyFact], duos: &[DuoFact], period: Period, today: NaiveDate) -> Funnel {
    let mut first_duo: BTreeMap<i32, NaiveDate> = BTreeMap::new();
    for d in duos {
        let e = first_duo.entry(d.buddy_id).or_insert(d.signed_on);
        *e = (*e).min(d.signed_on);
    }
    let row = |month: NaiveDate, members: &[&BuddyFact]| {
        let year_on = |b: &BuddyFact| b.applied_on.checked_add_months(Months::new(12));
        let grown: Vec<&&BuddyFact> = members
            .iter()
            .filter(|b| year_on(b).is_some_and(|y| y <= today))
            .collect();
        FunnelMonth {
            month,
            applied: members.len() as u32,
            screening: members.iter().filter(|b| b.handed_to_screening).count() as u32,
            approved: members.iter().filter(|b| b.approved_on.is_some()).count() as u32,
            first_duo: members
                .iter()
                .filter(|b| first_duo.contains_key(&b.id))
                .count() as u32,
            active_after_12: (!grown.is_empty()).then(|| {
                grown
                    .iter()
                    .filter(|b| {
                        b.approved_on.is_some()
                            && b.stopped_on
                                .is_none_or(|s| year_on(b).is_some_and(|y| s > y))
                    })
                    .count() as u32
            }),
        }
    };
    let applied: Vec<&BuddyFact> = buddies
        .iter()
        .filter(|b| period.contains(b.applied_on))
        .collect();
    let months = months_of(period)
        .into_iter()
        .map(|month| {
            let members: Vec<&BuddyFact> = applied
                .iter()
                .copied()
                .filter(|b| b.applied_on >= month && b.applied_on <= last_day(month))
                .collect();
            row(month, &members)
        })
        .collect();
    let by_source = HeardVia::ALL
        .into_iter()
        .map(Some)
        .chain([None])
        .filter_map(|source| {
            let members: Vec<&BuddyFact> = applied
                .iter()
                .copied()
                .filter(|b| b.heard_via == source)
                .collect();
            (!members.is_empty()).then(|| (source, row(period.from, &members)))
        })
        .collect();
    Funnel {
        period,
        months,
        total: row(period.from, &applied),
        by_source,
    }
}

/// One intervision session that took place in the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntervisionSession {
    pub on: NaiveDate,
    pub invited: u32,
    pub attended: u32,
}

/// Intervision (peer supervision of buddies, with the partner) in the period: how many
/// sessions took place, how many buddies were invited and came.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intervision {
    pub sessions: Vec<IntervisionSession>,
    /// Invitations and attendances summed over the sessions.
    pub invited: u32,
    pub attended: u32,
    /// Different buddies invited at least once, and who came at least once.
    pub buddies_invited: u32,
    pub buddies_came: u32,
}

impl Intervision {
    /// The share of invitations that led to someone coming.
    pub fn attendance(&self) -> Option<f64> {
        (self.invited > 0).then(|| f64::from(self.attended) / f64::from(self.invited))
    }
}

/// The sessions held in the period (up to today), in date order.
pub fn intervision(seats: &[IntervisionSeat], period: Period, today: NaiveDate) -> Intervision {
    let held: Vec<&IntervisionSeat> = seats
        .iter()
        .filter(|s| period.contains(s.on) && s.on <= today)
        .collect();
    let mut sessions: BTreeMap<(NaiveDate, i32), IntervisionSession> = BTreeMap::new();
    let (mut invited, mut came) = (BTreeMap::new(), BTreeMap::new());
    for s in &held {
        let session = sessions
            .entry((s.on, s.event_id))
            .or_insert(IntervisionSession {
                on: s.on,
                invited: 0,
                attended: 0,
            });
        session.invited += 1;
        invited.insert(s.buddy_id, ());
        if s.attended {
            session.attended += 1;
            came.insert(s.buddy_id, ());
        }
    }
    let sessions: Vec<IntervisionSession> = sessions.into_values().collect();
    Intervision {
        invited: sessions.iter().map(|s| s.invited).sum(),
        attended: sessions.iter().map(|s| s.attended).sum(),
        sessions,
        buddies_invited: invited.len() as u32,
        buddies_came: came.len() as u32,
    }
}

/// The first day anything is known of: the programme's start for "since the start".
pub fn first_day(
    people: &[ParticipantFact],
    duos: &[DuoFact],
    buddies: &[BuddyFact],
    today: NaiveDate,
) -> NaiveDate {
    people
        .iter()
        .map(|p| p.intake_on)
        .chain(duos.iter().map(|d| d.signed_on))
        .chain(buddies.iter().map(|b| b.applied_on))
        .min()
        .unwrap_or(today)
        .min(today)
}

// ---- The report pages -------------------------------------------------------------------

crate::coded! {
    /// The report pages.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Section {
        Duos = "duos",
        Waiting = "waiting",
        Activity = "activity",
        Buddies = "buddies",
    }
}

/// One report's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Body {
    Duos(DuoDurations),
    /// With the municipalities' names (admin list entries, not personal).
    Waiting(Waiting, Vec<(i64, String)>),
    Activity(Activity),
    /// The funnel, and the intervision the buddies were invited to.
    Buddies(Funnel, Intervision),
}

/// A report page's answer: the period it is about (or why the one asked for is refused)
/// and, for a good period, the figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub period: Result<Period, PeriodProblem>,
    pub body: Option<Body>,
}

/// What a report page asks for: a preset or two dates, as typed (a GET form without
/// JavaScript sends them in the address).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ask {
    pub preset: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn duo(id: i32, signed: NaiveDate, ended: Option<NaiveDate>, score: i32) -> DuoFact {
        DuoFact {
            id,
            buddy_id: id,
            signed_on: signed,
            ended_on: ended,
            end_reason: ended.map(|_| EndReason::NoTime),
            score,
            rhythm: Rhythm::default(),
        }
    }

    const TODAY: fn() -> NaiveDate = || day(2026, 12, 5);

    #[test]
    fn periods_resolve_and_refuse() {
        let (today, start) = (TODAY(), day(2020, 3, 1));
        let p = |preset, from, to| Period::resolve(preset, from, to, today, start);
        assert_eq!(
            p(None, None, None),
            Ok(Period {
                from: day(2025, 12, 6),
                to: today
            })
        );
        assert_eq!(
            p(Some("last_year"), None, None),
            Ok(Period {
                from: day(2025, 1, 1),
                to: day(2025, 12, 31)
            })
        );
        assert_eq!(
            p(Some("since_start"), Some(""), Some(" ")),
            Ok(Period {
                from: start,
                to: today
            })
        );
        assert_eq!(
            p(None, Some("2026-05-01"), Some("2026-04-01")),
            Err(PeriodProblem::EndBeforeStart)
        );
        assert_eq!(
            p(None, Some("1976-01-01"), Some("2026-01-01")),
            Err(PeriodProblem::TooLong)
        );
        assert_eq!(
            p(None, Some("31/02/2026"), None),
            Err(PeriodProblem::NotADate)
        );
        // The future is cut off at today.
        assert_eq!(
            p(None, Some("2026-01-01"), Some("2030-01-01")),
            Ok(Period {
                from: day(2026, 1, 1),
                to: today
            })
        );
        // An unknown preset is the default.
        assert_eq!(p(Some("<b>"), None, None), p(None, None, None));
    }

    #[test]
    fn active_duos_are_censored_and_corrupt_rows_counted() {
        let period = Period {
            from: day(2020, 1, 1),
            to: TODAY(),
        };
        let duos = [
            duo(1, day(2025, 1, 1), Some(day(2025, 3, 1)), 50),
            duo(2, day(2025, 1, 1), None, 60),
            duo(3, day(2025, 5, 1), Some(day(2025, 4, 1)), 70),
        ];
        let r = duo_durations(&duos, period, TODAY());
        assert_eq!((r.duos, r.ended, r.skipped), (2, 1, 1));
        assert!(r.curve.steps.iter().any(|s| s.censored == 1));
        // One of two ended at 59 days: half are still together after that.
        assert_eq!(r.median.and_then(|m| m.days), Some(59));
        assert_eq!(
            r.early,
            vec![EarlyEnding {
                reason: EndReason::NoTime,
                within_3: 1,
                within_6: 1
            }]
        );
        // 12 months: the active duo was followed for almost two years.
        assert_eq!(r.retention[2].share.map(|s| s.0), Some(0.5));
    }

    #[test]
    fn no_duos_and_all_active_say_so_without_nan() {
        let period = Period {
            from: day(2026, 1, 1),
            to: TODAY(),
        };
        let r = duo_durations(&[], period, TODAY());
        assert_eq!((r.duos, r.median, r.band_test), (0, None, None));
        assert!(r.retention.iter().all(|r| r.share.is_none()));
        let active = [
            duo(1, day(2026, 2, 1), None, 10),
            duo(2, day(2026, 3, 1), None, 90),
        ];
        let r = duo_durations(&active, period, TODAY());
        assert_eq!(r.median.and_then(|m| m.days), None);
        assert!(r.curve.steps.iter().all(|s| s.survival == 1.0));
    }

    #[test]
    fn one_duo_and_ties_on_one_day() {
        let period = Period {
            from: day(2020, 1, 1),
            to: TODAY(),
        };
        let one = [duo(1, day(2025, 1, 1), Some(day(2025, 7, 1)), 50)];
        let r = duo_durations(&one, period, TODAY());
        assert_eq!((r.duos, r.ended, r.curve.steps.len()), (1, 1, 1));
        assert_eq!(r.median.and_then(|m| m.days), Some(181));
        assert_eq!(r.band_test, None, "one group cannot be compared");
        // Three end on the same day, one goes on: one step of three events.
        let tied: Vec<DuoFact> = (0..4)
            .map(|i| duo(i, day(2025, 1, 1), (i < 3).then(|| day(2025, 2, 1)), 50))
            .collect();
        let r = duo_durations(&tied, period, TODAY());
        assert_eq!(r.curve.steps[0].events, 3);
        assert!((r.curve.steps[0].survival - 0.25).abs() < 1e-12);
    }

    #[test]
    fn score_bands_are_thirds_and_ties_stay_together() {
        let period = Period {
            from: day(2020, 1, 1),
            to: TODAY(),
        };
        let duos: Vec<DuoFact> = (0..9)
            .map(|i| {
                duo(
                    i,
                    day(2025, 1, 1),
                    Some(day(2025, 2, 1) + Days::new(i as u64 * 20)),
                    i * 10,
                )
            })
            .collect();
        let r = duo_durations(&duos, period, TODAY());
        let sizes: Vec<(Band, u32, i32, i32)> = r
            .bands
            .iter()
            .map(|b| (b.band, b.duos, b.lowest, b.highest))
            .collect();
        assert_eq!(
            sizes,
            vec![
                (Band::Low, 3, 0, 20),
                (Band::Middle, 3, 30, 50),
                (Band::High, 3, 60, 80)
            ]
        );
        assert!(r.band_test.is_some_and(|t| t.df == 2 && t.p_value < 0.05));
        let same: Vec<DuoFact> = (0..6).map(|i| duo(i, day(2025, 1, 1), None, 42)).collect();
        let r = duo_durations(&same, period, TODAY());
        assert_eq!(r.bands.len(), 1);
        assert_eq!(r.band_test, None);
    }

    #[test]
    fn waits_end_at_the_agreement_and_are_censored_otherwise() {
        let period = Period {
            from: day(2025, 1, 1),
            to: TODAY(),
        };
        let person = |id, intake, agreed, left| ParticipantFact {
            id,
            municipality_id: 1 + i64::from(id % 2),
            gender: Gender::Woman,
            intake_on: intake,
            first_agreement_on: agreed,
            left_on: left,
            left_reason: (id == 2).then_some(LeaveReason::Moved),
        };
        let people = [
            person(1, day(2025, 1, 1), Some(day(2025, 3, 2)), None),
            person(2, day(2025, 1, 1), None, Some(day(2025, 2, 1))),
            person(3, day(2025, 6, 1), None, None),
            person(4, day(2019, 6, 1), None, None),
            person(5, day(2025, 6, 1), Some(day(2025, 5, 1)), None),
        ];
        let w = waiting(&people, &[], period, TODAY());
        assert_eq!((w.people, w.matched, w.skipped), (3, 1, 1));
        // Of the two still at risk at 60 days (one left at 31), one signed: half.
        assert_eq!(w.median.and_then(|m| m.days), Some(60));
        assert_eq!(w.by_municipality.len(), 2);
        assert_eq!(w.by_gender[0].people, 3);
        assert_eq!(w.weeks.first().map(|w| w.waiting_at_start), Some(0));
        assert_eq!(w.left_reasons, vec![(Some(LeaveReason::Moved), 1)]);
    }

    #[test]
    fn leavers_are_counted_by_reason_with_the_unrecorded_last() {
        let period = Period {
            from: day(2025, 1, 1),
            to: day(2025, 12, 31),
        };
        let person = |id, left: Option<NaiveDate>, reason| ParticipantFact {
            id,
            municipality_id: 1,
            gender: Gender::X,
            intake_on: day(2024, 6, 1),
            first_agreement_on: None,
            left_on: left,
            left_reason: reason,
        };
        let people = [
            person(1, Some(day(2025, 2, 1)), None),
            person(2, Some(day(2025, 3, 1)), Some(LeaveReason::Other)),
            person(3, Some(day(2025, 4, 1)), Some(LeaveReason::HelpElsewhere)),
            person(4, Some(day(2025, 5, 1)), Some(LeaveReason::HelpElsewhere)),
            // Left before the period, or is still waiting: not counted.
            person(5, Some(day(2024, 12, 31)), Some(LeaveReason::Moved)),
            person(6, None, None),
        ];
        let w = waiting(&people, &[], period, TODAY());
        assert_eq!(
            w.left_reasons,
            vec![
                (Some(LeaveReason::HelpElsewhere), 2),
                (Some(LeaveReason::Other), 1),
                (None, 1)
            ]
        );
        let none = waiting(&[], &[], period, TODAY());
        assert!(none.left_reasons.is_empty());
    }

    #[test]
    fn intervision_counts_sessions_held_invitations_and_who_came() {
        let period = Period {
            from: day(2026, 1, 1),
            to: day(2026, 12, 31),
        };
        let seat = |event_id, on, buddy_id, attended| IntervisionSeat {
            event_id,
            on,
            buddy_id,
            attended,
        };
        let seats = [
            seat(1, day(2026, 3, 10), 1, true),
            seat(1, day(2026, 3, 10), 2, false),
            seat(2, day(2026, 5, 12), 1, true),
            seat(2, day(2026, 5, 12), 3, true),
            // Before the period, and after today (not held yet): left out.
            seat(3, day(2025, 11, 11), 4, true),
            seat(4, day(2026, 12, 15), 1, false),
        ];
        let r = intervision(&seats, period, TODAY());
        assert_eq!(r.sessions.len(), 2);
        assert_eq!((r.invited, r.attended), (4, 3));
        assert_eq!((r.buddies_invited, r.buddies_came), (3, 2));
        assert_eq!(r.attendance(), Some(0.75));
        assert_eq!(r.sessions[1].on, day(2026, 5, 12));
        let empty = intervision(&[], period, TODAY());
        assert_eq!((empty.sessions.len(), empty.attendance()), (0, None));
    }

    #[test]
    fn activity_counts_months_moods_fading_and_evaluations() {
        let period = Period {
            from: day(2026, 9, 1),
            to: day(2026, 11, 30),
        };
        let duos = [
            duo(1, day(2026, 8, 1), None, 50),
            duo(2, day(2026, 10, 15), None, 50),
        ];
        let acts = [
            ActivityFact {
                duo_id: 1,
                on: day(2026, 8, 10),
                mood: Some(5),
            },
            ActivityFact {
                duo_id: 1,
                on: day(2026, 9, 1),
                mood: Some(1),
            },
            ActivityFact {
                duo_id: 2,
                on: day(2026, 10, 20),
                mood: None,
            },
            ActivityFact {
                duo_id: 2,
                on: day(2026, 11, 5),
                mood: Some(4),
            },
            ActivityFact {
                duo_id: 2,
                on: day(2026, 11, 20),
                mood: Some(9),
            },
        ];
        let evals = [
            EvaluationFact {
                due_on: day(2026, 10, 1),
                held_on: Some(day(2026, 10, 3)),
            },
            EvaluationFact {
                due_on: day(2026, 11, 1),
                held_on: None,
            },
            EvaluationFact {
                due_on: day(2026, 12, 1),
                held_on: None,
            },
        ];
        let summary = summarise(&acts, period, shortest_limit(&duos, 7));
        let a = activity(&duos, &summary, &evals, period, TODAY(), 7);
        let counts: Vec<(u32, u32)> = a
            .months
            .iter()
            .map(|m| (m.active_duos, m.activities))
            .collect();
        assert_eq!(counts, vec![(1, 1), (2, 1), (2, 2)]);
        assert_eq!(a.months[0].moods, [1, 0, 0, 0, 0]);
        assert_eq!(a.months[2].moods, [0, 0, 0, 1, 0]);
        // Duo 1 has been quiet since 1 September (more than 3 weeks and a week's margin).
        assert_eq!((a.duos, a.faded), (2, 1));
        assert_eq!((a.evaluations_due, a.evaluations_held), (2, 1));
        assert!(
            a.months[1]
                .agreed_per_duo()
                .is_some_and(|x| (x - 30.44 / 17.5).abs() < 1e-9)
        );
    }

    #[test]
    fn funnel_follows_applicants_a_year_on() {
        let period = Period {
            from: day(2025, 1, 1),
            to: TODAY(),
        };
        let b = |id, applied, approved: Option<NaiveDate>, stopped| BuddyFact {
            id,
            applied_on: applied,
            handed_to_screening: approved.is_some() || id == 3,
            approved_on: approved,
            stopped_on: stopped,
            heard_via: (id % 2 == 0).then_some(HeardVia::Friends),
        };
        let buddies = [
            b(1, day(2025, 1, 10), Some(day(2025, 2, 1)), None),
            b(
                2,
                day(2025, 1, 20),
                Some(day(2025, 2, 1)),
                Some(day(2025, 6, 1)),
            ),
            b(3, day(2025, 1, 25), None, None),
            b(4, day(2026, 6, 1), Some(day(2026, 7, 1)), None),
        ];
        let duos = [duo(1, day(2025, 3, 1), None, 50)];
        let f = funnel(&buddies, &duos, period, TODAY());
        let jan = f.months[0];
        assert_eq!(
            (
                jan.applied,
                jan.screening,
                jan.approved,
                jan.first_duo,
                jan.active_after_12
            ),
            (3, 3, 2, 1, Some(1))
        );
        let june = f
            .months
            .iter()
            .find(|m| m.month == day(2026, 6, 1))
            .unwrap();
        assert_eq!(june.active_after_12, None);
        assert_eq!(f.total.applied, 4);
        // By source: the named ones first, "no answer" last; only sources someone named.
        let sources: Vec<(Option<HeardVia>, u32, u32)> = f
            .by_source
            .iter()
            .map(|(s, m)| (*s, m.applied, m.approved))
            .collect();
        assert_eq!(sources, vec![(Some(HeardVia::Friends), 2, 2), (None, 2, 1)]);
    }
}
