//! "When might a buddy come?": a simulation of future buddy arrivals from the programme's own
//! history.
//!
//! Buddies arrive as a Poisson process at the historical rate (approved buddies per month);
//! each arrival is a past buddy's profile drawn at random (bootstrap) and goes, as in the real
//! policy, to the waiting participant it scores best with (waiting term included), who then
//! leaves the list. Many runs give, per participant, the spread of months until matched.
//! Only the waiting term changes with simulated time, so the rest of every (past buddy ×
//! participant) score is computed once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::matching::assess::{Blocker, ComponentKind, Facts, to_points, waiting_value};
use crate::matching::model::{Context, MatchProfile, ParticipantCandidate};
use crate::matching::rng::SplitMix64;

/// Average days in a month (365.25 / 12).
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// A buddy approved in the past, as a sample of who may join in the future.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoricalBuddy {
    /// Date the buddy was approved (joined the pool).
    pub joined_on: NaiveDate,
    pub profile: MatchProfile,
}

/// How the simulation runs and when history is too thin to use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EstimateSettings {
    pub runs: u32,
    pub horizon_months: u32,
    /// Fewer approved buddies than this in the window: no estimate.
    pub min_buddies: u32,
    /// A shorter window (in months) than this: no estimate.
    pub min_months: u32,
    /// How many "what lowers the chances" items to keep per participant.
    pub max_limits: usize,
    /// New participants joining the list per month (the programme's recent inflow), each
    /// like one of those waiting now: they compete for the same buddies from the day they
    /// join. 0: nobody joins (the list as it is today).
    pub participant_inflow: f64,
}

impl Default for EstimateSettings {
    fn default() -> Self {
        EstimateSettings {
            runs: 500,
            horizon_months: 36,
            min_buddies: 5,
            min_months: 6,
            max_limits: 3,
            participant_inflow: 0.0,
        }
    }
}

/// What an estimate rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryBasis {
    /// Approved buddies in the history window.
    pub buddies: u32,
    /// Whole months in the history window.
    pub months: u32,
}

/// One of the participant's own wishes or limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Limit {
    GenderWish,
    AgeWish,
    MaxDistance {
        km: u32,
    },
    /// The participant does not accept a buddy who smokes.
    NonSmoker,
    Availability,
    /// The languages the participant speaks.
    Languages,
}

/// How many past buddies one of the participant's limits rules out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LimitShare {
    pub limit: Limit,
    pub blocked: u32,
    /// `blocked` as a share 0..=1 of the past buddies.
    pub share: f64,
}

/// The likely wait, in months from today.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Wait {
    /// Matched within the horizon in at least half the runs.
    Likely {
        median_months: f64,
        /// 10th percentile.
        low_months: f64,
        /// 90th percentile; `None` when beyond the horizon.
        high_months: Option<f64>,
        horizon_months: u32,
    },
    /// Not matched within the horizon in more than half the runs.
    BeyondHorizon {
        horizon_months: u32,
        /// Share 0..=1 of the runs that did match within the horizon.
        matched_share: f64,
    },
}

/// The estimate for one waiting participant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantEstimate {
    pub participant_id: i64,
    pub wait: Wait,
    pub basis: HistoryBasis,
    /// Past buddies with whom nothing would block a pair.
    pub compatible_buddies: u32,
    /// The participant's limits that rule out the most past buddies, most first.
    pub limits: Vec<LimitShare>,
}

/// The wait-time estimate for the whole waiting list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Estimate {
    /// Too little history to say anything honest.
    NotEnoughHistory { buddies: u32, months: u32 },
    Ready {
        /// Approved buddies per month in the history window.
        monthly_rate: f64,
        /// In the order of the waiting list given.
        participants: Vec<ParticipantEstimate>,
    },
}

/// The seed for a day's estimates: the same page shows the same figures all day long.
pub fn seed_for(today: NaiveDate) -> u64 {
    u64::try_from(chrono::Datelike::num_days_from_ce(&today)).unwrap_or_default()
}

/// Estimates when each waiting participant may get a buddy; the same seed gives the same result.
///
/// History counts the buddies approved from `history_start` up to `ctx.today`.
pub fn estimate_waits(
    history: &[HistoricalBuddy],
    history_start: NaiveDate,
    waiting: &[ParticipantCandidate],
    ctx: &Context,
    settings: &EstimateSettings,
    seed: u64,
) -> Estimate {
    let past: Vec<&MatchProfile> = history
        .iter()
        .filter(|h| h.joined_on >= history_start && h.joined_on <= ctx.today)
        .map(|h| &h.profile)
        .collect();
    let window_days = (ctx.today - history_start).num_days().max(0) as f64;
    let window_months = window_days / DAYS_PER_MONTH;
    let basis = HistoryBasis {
        buddies: past.len() as u32,
        months: window_months.floor() as u32,
    };
    if basis.buddies < settings.min_buddies.max(1)
        || window_months < f64::from(settings.min_months)
        || window_days <= 0.0
    {
        return Estimate::NotEnoughHistory {
            buddies: basis.buddies,
            months: basis.months,
        };
    }
    let monthly_rate = past.len() as f64 / window_months;

    let table = PairTable::new(&past, waiting, ctx);
    let times = simulate(&table, waiting, ctx, settings, monthly_rate, seed);
    let participants = waiting
        .iter()
        .zip(times)
        .enumerate()
        .map(|(i, (p, times))| ParticipantEstimate {
            participant_id: p.id,
            wait: summarise(times, settings.horizon_months),
            basis,
            compatible_buddies: table.compatible[i],
            limits: table.limits(i, &p.profile, settings.max_limits),
        })
        .collect();
    Estimate::Ready {
        monthly_rate,
        participants,
    }
}

/// What the simulation needs from every (past buddy, participant) pair, computed once.
struct PairTable {
    buddies: usize,
    /// Per past buddy: the participants nothing blocks, with the weighted sum of their
    /// components except waiting, highest first.
    candidates: Vec<Vec<(usize, f64)>>,
    /// Per participant: past buddies nothing blocks.
    compatible: Vec<u32>,
    /// Per participant: past buddies ruled out by each own limit, in `LIMITS` order.
    blocked_by: Vec<[u32; LIMITS]>,
}

/// Number of kinds of own limits (see `own_limit`).
const LIMITS: usize = 6;

impl PairTable {
    fn new(past: &[&MatchProfile], waiting: &[ParticipantCandidate], ctx: &Context) -> Self {
        let w = &ctx.weights;
        let mut candidates = Vec::with_capacity(past.len());
        let mut compatible = vec![0; waiting.len()];
        let mut blocked_by = vec![[0; LIMITS]; waiting.len()];
        for b in past {
            let mut list = Vec::new();
            for (i, p) in waiting.iter().enumerate() {
                let p = &p.profile;
                let facts = Facts::of(p, b, ctx);
                let blockers = facts.blockers(p, b, w.language_required);
                if blockers.is_empty() {
                    let values = facts.values(p, b);
                    let sum: f64 = ComponentKind::ALL
                        .iter()
                        .zip(values)
                        .filter(|(k, _)| **k != ComponentKind::Waiting)
                        .map(|(k, v)| k.weight(w) * v)
                        .sum();
                    list.push((i, sum));
                    compatible[i] += 1;
                }
                // A limit counts once per buddy, however many of its blockers apply.
                let mut hit = [false; LIMITS];
                for k in blockers.iter().filter_map(own_limit) {
                    hit[k] = true;
                }
                for (count, hit) in blocked_by[i].iter_mut().zip(hit) {
                    *count += u32::from(hit);
                }
            }
            list.sort_by(|x, y| y.1.total_cmp(&x.1));
            candidates.push(list);
        }
        PairTable {
            buddies: past.len(),
            candidates,
            compatible,
            blocked_by,
        }
    }

    /// The participant's limits by the number of past buddies each rules out.
    fn limits(&self, participant: usize, p: &MatchProfile, max: usize) -> Vec<LimitShare> {
        let kinds = [
            Limit::GenderWish,
            Limit::AgeWish,
            Limit::MaxDistance {
                km: p.max_travel_km,
            },
            Limit::NonSmoker,
            Limit::Availability,
            Limit::Languages,
        ];
        let mut shares: Vec<LimitShare> = kinds
            .into_iter()
            .zip(self.blocked_by[participant])
            .filter(|(_, blocked)| *blocked > 0)
            .map(|(limit, blocked)| LimitShare {
                limit,
                blocked,
                share: f64::from(blocked) / self.buddies.max(1) as f64,
            })
            .collect();
        // Stable sort: equal counts keep the order above.
        shares.sort_by_key(|s| std::cmp::Reverse(s.blocked));
        shares.truncate(max);
        shares
    }
}

/// Index (in `PairTable::limits` order) of the participant's own limit behind a blocker.
fn own_limit(blocker: &Blocker) -> Option<usize> {
    match blocker {
        Blocker::ParticipantGenderWish { .. } => Some(0),
        Blocker::ParticipantAgeWish { .. } => Some(1),
        Blocker::TooFarForParticipant { .. } => Some(2),
        Blocker::BuddySmokesParticipantRefuses => Some(3),
        Blocker::NoSharedAvailability => Some(4),
        Blocker::NoSharedLanguage { .. } => Some(5),
        _ => None,
    }
}

/// How the simulation picks among candidates for a buddy, highest first: the days of a wait
/// that gives priority, the shown score, days waited, then a tie-break by id.
type PolicyKey = (Option<u32>, u8, u32, i64);

/// Runs the simulation; per participant, the months until matched in each run (∞ if never).
fn simulate(
    table: &PairTable,
    waiting: &[ParticipantCandidate],
    ctx: &Context,
    settings: &EstimateSettings,
    monthly_rate: f64,
    seed: u64,
) -> Vec<Vec<f64>> {
    let w = &ctx.weights;
    let total = w.total();
    let points = |sum: f64| {
        if total > 0.0 {
            to_points(100.0 * sum / total)
        } else {
            0
        }
    };
    let horizon = f64::from(settings.horizon_months);
    let priority_after = ctx.priority_after_days();
    let days_now: Vec<u32> = waiting.iter().map(|p| p.days_waited(ctx.today)).collect();
    let inflow = settings.participant_inflow;
    let mut rng = SplitMix64::new(seed);
    let mut times = vec![Vec::with_capacity(settings.runs as usize); waiting.len()];
    // Per participant waiting today: when newcomers like them joined (still unmatched),
    // earliest first.
    let mut joined: Vec<std::collections::VecDeque<f64>> = vec![Default::default(); waiting.len()];
    for _ in 0..settings.runs {
        let mut matched_at = vec![f64::INFINITY; waiting.len()];
        joined
            .iter_mut()
            .for_each(std::collections::VecDeque::clear);
        let mut left = waiting.len();
        let mut t = 0.0;
        let mut next_newcomer = if inflow > 0.0 {
            rng.exponential(inflow)
        } else {
            f64::INFINITY
        };
        while left > 0 {
            t += rng.exponential(monthly_rate);
            if t > horizon {
                break;
            }
            while next_newcomer <= t {
                joined[rng.below(waiting.len())].push_back(next_newcomer);
                next_newcomer += rng.exponential(inflow);
            }
            let buddy = rng.below(table.buddies);
            // Same policy as the ranking: a long wait first (`matching::priority`), then the
            // shown score, then longer waiting, then id (a newcomer loses a tie with someone
            // on the list today).
            let mut best: Option<(usize, bool, PolicyKey)> = None;
            for &(i, base) in &table.candidates[buddy] {
                // Candidates come highest first and waiting adds at most its weight: once
                // even that cannot reach the best so far, nobody further down can (unless a
                // long wait gives someone further down priority).
                if let Some((_, _, (None, best_points, _, _))) = best
                    && priority_after.is_none()
                    && points(base + w.waiting) < best_points
                {
                    break;
                }
                let mut consider = |days: f64, newcomer: bool, tie: i64| {
                    let score = points(base + w.waiting * waiting_value(days, w));
                    let whole = days as u32;
                    let first = priority_after.filter(|&a| whole > a).map(|_| whole);
                    let key = (first, score, whole, tie);
                    if best.is_none_or(|(_, _, k)| key > k) {
                        best = Some((i, newcomer, key));
                    }
                };
                if matched_at[i].is_infinite() {
                    consider(
                        f64::from(days_now[i]) + t * DAYS_PER_MONTH,
                        false,
                        -waiting[i].id,
                    );
                }
                if let Some(&since) = joined[i].front() {
                    consider((t - since) * DAYS_PER_MONTH, true, i64::MIN);
                }
            }
            match best {
                Some((i, true, _)) => {
                    joined[i].pop_front();
                }
                Some((i, false, _)) => {
                    matched_at[i] = t;
                    left -= 1;
                }
                None => {}
            }
        }
        for (i, m) in matched_at.into_iter().enumerate() {
            times[i].push(m);
        }
    }
    times
}

/// Median and 80% range of one participant's simulated waits.
fn summarise(mut times: Vec<f64>, horizon_months: u32) -> Wait {
    times.sort_by(f64::total_cmp);
    let quantile = |q: f64| {
        let rank = (q * times.len() as f64).ceil() as usize;
        times
            .get(rank.clamp(1, times.len().max(1)) - 1)
            .copied()
            .unwrap_or(f64::INFINITY)
    };
    let median = quantile(0.5);
    if !median.is_finite() {
        let matched = times.iter().filter(|t| t.is_finite()).count();
        return Wait::BeyondHorizon {
            horizon_months,
            matched_share: matched as f64 / times.len().max(1) as f64,
        };
    }
    let high = quantile(0.9);
    Wait::Likely {
        median_months: median,
        low_months: quantile(0.1),
        high_months: high.is_finite().then_some(high),
        horizon_months,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::{AgeRange, Availability, Gender, Smoking};
    use crate::matching::assess::tests::{LIER, ctx, date, participant, profile};
    use std::collections::BTreeMap;

    fn past(
        n: usize,
        every_days: i64,
        profile: impl Fn(usize) -> MatchProfile,
    ) -> Vec<HistoricalBuddy> {
        (0..n)
            .map(|i| HistoricalBuddy {
                joined_on: date(2026, 3, 1) - chrono::Duration::days(every_days * i as i64),
                profile: profile(i),
            })
            .collect()
    }

    fn ready(e: Estimate) -> (f64, Vec<ParticipantEstimate>) {
        match e {
            Estimate::Ready {
                monthly_rate,
                participants,
            } => (monthly_rate, participants),
            other => panic!("not ready: {other:?}"),
        }
    }

    #[test]
    fn thin_history_gives_no_estimate() {
        let c = ctx();
        let s = EstimateSettings::default();
        let waiting = [participant(1, profile())];
        // Four buddies in a year.
        let e = estimate_waits(
            &past(4, 60, |_| profile()),
            date(2025, 3, 1),
            &waiting,
            &c,
            &s,
            1,
        );
        assert_eq!(
            e,
            Estimate::NotEnoughHistory {
                buddies: 4,
                months: 11
            }
        );
        // Ten buddies, but in five months only.
        let e = estimate_waits(
            &past(10, 10, |_| profile()),
            date(2025, 10, 1),
            &waiting,
            &c,
            &s,
            1,
        );
        assert_eq!(
            e,
            Estimate::NotEnoughHistory {
                buddies: 10,
                months: 4
            }
        );
        // Buddies before the window do not count.
        let e = estimate_waits(
            &past(10, 100, |_| profile()),
            date(2025, 3, 1),
            &waiting,
            &c,
            &s,
            1,
        );
        assert!(
            matches!(e, Estimate::NotEnoughHistory { buddies: 4, .. }),
            "{e:?}"
        );
    }

    #[test]
    fn one_participant_everyone_fits_waits_for_the_first_arrival() {
        let c = ctx();
        let s = EstimateSettings::default();
        // 24 buddies in 12 months: 2 a month; the first arrival takes 1/2 month on average,
        // median ln 2 / 2 ≈ 0.35 months, 90th percentile ln 10 / 2 ≈ 1.15 months.
        let history = past(24, 15, |_| profile());
        let (rate, list) = ready(estimate_waits(
            &history,
            date(2025, 3, 1),
            &[participant(1, profile())],
            &c,
            &s,
            7,
        ));
        assert!((rate - 24.0 / (365.0 / DAYS_PER_MONTH)).abs() < 1e-9);
        let p = &list[0];
        assert_eq!(
            p.basis,
            HistoryBasis {
                buddies: 24,
                months: 11
            }
        );
        assert_eq!(p.compatible_buddies, 24);
        assert!(p.limits.is_empty());
        match p.wait {
            Wait::Likely {
                median_months,
                low_months,
                high_months: Some(high),
                ..
            } => {
                assert!((0.25..0.45).contains(&median_months), "{median_months}");
                assert!(low_months < median_months && median_months < high);
                assert!((0.9..1.4).contains(&high), "{high}");
            }
            ref other => panic!("{other:?}"),
        }
    }

    #[test]
    fn newcomers_who_fit_better_make_the_wait_longer() {
        let c = ctx();
        // One buddy a month; the first one waiting shares no interest with them, while a
        // newcomer like the second shares three and comes first despite a shorter wait.
        let history = past(24, 30, |_| profile());
        let mut weak = profile();
        weak.interests = vec![4];
        let (waiting, strong) = (participant(1, weak), participant(2, profile()));
        let median = |inflow: f64| {
            let s = EstimateSettings {
                participant_inflow: inflow,
                ..EstimateSettings::default()
            };
            let (_, list) = ready(estimate_waits(
                &history,
                date(2024, 3, 1),
                &[waiting.clone(), strong.clone()],
                &c,
                &s,
                3,
            ));
            match list[0].wait {
                Wait::Likely { median_months, .. } => median_months,
                Wait::BeyondHorizon { .. } => f64::INFINITY,
            }
        };
        let alone = median(0.0);
        let crowded = median(3.0);
        assert!(crowded > alone * 1.5, "{alone} vs {crowded}");
        // The same seed, the same answer.
        assert_eq!(median(3.0), crowded);
    }

    #[test]
    fn results_are_reproducible_with_a_seed() {
        let c = ctx();
        let s = EstimateSettings {
            runs: 100,
            ..Default::default()
        };
        let history = past(12, 30, |i| {
            let mut p = profile();
            p.gender = if i % 2 == 0 {
                Gender::Man
            } else {
                Gender::Woman
            };
            p
        });
        let waiting: Vec<_> = (1..=6).map(|i| participant(i, profile())).collect();
        let a = estimate_waits(&history, date(2025, 3, 1), &waiting, &c, &s, 99);
        assert_eq!(
            a,
            estimate_waits(&history, date(2025, 3, 1), &waiting, &c, &s, 99)
        );
        assert_ne!(
            a,
            estimate_waits(&history, date(2025, 3, 1), &waiting, &c, &s, 100)
        );
    }

    #[test]
    fn longer_waiting_comes_first_and_limits_are_named() {
        let c = ctx();
        let s = EstimateSettings::default();
        // A buddy a month; half are men, a quarter smoke, a quarter live in Lier.
        let history = past(12, 30, |i| {
            let mut p = profile();
            if i % 2 == 0 {
                p.gender = Gender::Man;
            }
            if i % 4 == 1 {
                p.smoking = Smoking {
                    smokes: true,
                    accepts_smoker: true,
                };
            }
            if i % 4 == 3 {
                p.municipality_id = LIER;
                p.max_travel_km = 30;
            }
            p
        });
        let mut early = participant(1, profile());
        early.waiting_since = date(2024, 3, 1);
        let mut late = participant(2, profile());
        late.waiting_since = date(2026, 2, 1);
        let mut picky = profile();
        picky.wish_genders = [Gender::Woman].into();
        picky.smoking.accepts_smoker = false;
        picky.max_travel_km = 5;
        picky.wish_age = AgeRange {
            min: Some(16),
            max: Some(110),
        };
        let mut picky = participant(3, picky);
        picky.waiting_since = date(2026, 2, 1);
        let (_, list) = ready(estimate_waits(
            &history,
            date(2025, 3, 1),
            &[late, early, picky],
            &c,
            &s,
            3,
        ));
        let median = |e: &ParticipantEstimate| match e.wait {
            Wait::Likely { median_months, .. } => median_months,
            Wait::BeyondHorizon { .. } => f64::INFINITY,
        };
        assert_eq!(list[1].participant_id, 1);
        assert!(median(&list[1]) < median(&list[0]), "{list:?}");
        let picky = &list[2];
        // Every woman in the history smokes or lives in Lier: nobody fits; equal counts keep
        // the order of the limits.
        assert_eq!(picky.compatible_buddies, 0);
        assert_eq!(
            picky
                .limits
                .iter()
                .map(|l| (l.limit, l.blocked))
                .collect::<Vec<_>>(),
            vec![
                (Limit::GenderWish, 6),
                (Limit::MaxDistance { km: 5 }, 3),
                (Limit::NonSmoker, 3)
            ]
        );
        assert!((picky.limits[0].share - 0.5).abs() < 1e-9);
        assert_eq!(
            picky.wait,
            Wait::BeyondHorizon {
                horizon_months: 36,
                matched_share: 0.0
            }
        );
    }

    /// The simulation without the pruned search: every waiting participant is scored.
    fn simulate_full_scan(
        table: &PairTable,
        waiting: &[ParticipantCandidate],
        ctx: &Context,
        settings: &EstimateSettings,
        rate: f64,
        seed: u64,
    ) -> Vec<Vec<f64>> {
        let w = &ctx.weights;
        let mut rng = SplitMix64::new(seed);
        let mut times = vec![Vec::new(); waiting.len()];
        for _ in 0..settings.runs {
            let mut at = vec![f64::INFINITY; waiting.len()];
            let mut t = 0.0;
            while at.iter().any(|a| a.is_infinite()) {
                t += rng.exponential(rate);
                if t > f64::from(settings.horizon_months) {
                    break;
                }
                let buddy = rng.below(table.buddies);
                let best = table.candidates[buddy]
                    .iter()
                    .filter(|(i, _)| at[*i].is_infinite())
                    .map(|&(i, base)| {
                        let p = &waiting[i];
                        let days = f64::from(p.days_waited(ctx.today)) + t * DAYS_PER_MONTH;
                        let score = 100.0 * (base + w.waiting * waiting_value(days, w)) / w.total();
                        ((to_points(score), p.days_waited(ctx.today), -p.id), i)
                    })
                    .max();
                if let Some((_, i)) = best {
                    at[i] = t;
                }
            }
            for (i, a) in at.into_iter().enumerate() {
                times[i].push(a);
            }
        }
        times
    }

    #[test]
    fn the_pruned_search_picks_the_same_as_a_full_scan() {
        let c = ctx();
        let s = EstimateSettings {
            runs: 40,
            ..Default::default()
        };
        let mut rng = SplitMix64::new(11);
        let mut random_profile = || {
            let mut p = profile();
            p.interests = (1..=4).filter(|_| rng.below(2) == 0).collect();
            p.personality =
                BTreeMap::from([(1, 1 + rng.below(5) as u8), (2, 1 + rng.below(5) as u8)]);
            p.municipality_id = 1 + rng.below(26) as i64;
            p.max_travel_km = 5 + rng.below(25) as u32;
            p.availability = Availability(rng.next_u64() as u32 & Availability::ALL.0);
            p.birth_date = date(1950 + rng.below(55) as i32, 1 + rng.below(12) as u32, 1);
            p
        };
        let history: Vec<_> = (0..40)
            .map(|i| HistoricalBuddy {
                joined_on: date(2026, 2, 1) - chrono::Duration::days(i * 9),
                profile: random_profile(),
            })
            .collect();
        let waiting: Vec<_> = (0..60)
            .map(|i| {
                let mut p = participant(i, random_profile());
                p.waiting_since = date(2024, 1, 1) + chrono::Duration::days(i * 11);
                p
            })
            .collect();
        let past: Vec<&MatchProfile> = history.iter().map(|h| &h.profile).collect();
        let table = PairTable::new(&past, &waiting, &c);
        for seed in 0..5 {
            let full = simulate_full_scan(&table, &waiting, &c, &s, 1.0, seed);
            assert_eq!(simulate(&table, &waiting, &c, &s, 1.0, seed), full);
            // Both matched people and left some waiting, so the comparison says something.
            let all: Vec<f64> = full.into_iter().flatten().collect();
            assert!(all.iter().any(|t| t.is_finite()) && all.iter().any(|t| t.is_infinite()));
        }
    }

    #[test]
    fn a_large_waiting_list_runs_quickly() {
        let c = ctx();
        let s = EstimateSettings {
            runs: 50,
            ..Default::default()
        };
        let history = past(60, 12, |i| {
            let mut p = profile();
            p.interests = vec![(i % 4) as i64 + 1];
            p
        });
        let waiting: Vec<_> = (0..200)
            .map(|i| {
                let mut p = participant(i, profile());
                p.waiting_since = date(2025, 1, 1) + chrono::Duration::days(i);
                p
            })
            .collect();
        let (_, list) = ready(estimate_waits(
            &history,
            date(2024, 3, 1),
            &waiting,
            &c,
            &s,
            5,
        ));
        assert_eq!(list.len(), 200);
        // 60 buddies in two years for 200 people: most wait beyond three years.
        assert!(
            list.iter()
                .any(|e| matches!(e.wait, Wait::BeyondHorizon { .. }))
        );
        assert!(list.iter().any(|e| matches!(e.wait, Wait::Likely { .. })));
    }
}
