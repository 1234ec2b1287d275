//! Property tests: the engine's promises checked on random profiles, weights and matrices.
//!
//! Case counts stay modest so that `cargo test` stays quick; the strategies keep value ranges
//! small, so that wishes, interests, slots and distances both meet and miss often.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::domain::profile::{AgeRange, Availability, Gender, Slot, Smoking};
use crate::matching::assess::tests::{ctx, date};
use crate::matching::assess::{
    Blocker, PairAssessment, allowed_score, assess_pair, points_and_first_blocker,
};
use crate::matching::assign::tests::{brute_force, valid};
use crate::matching::assign::{max_weight_matching, propose};
use crate::matching::estimate::{EstimateSettings, HistoricalBuddy, estimate_waits};
use crate::matching::geo::distance_km;
use crate::matching::model::{
    BuddyCandidate, Context, MAX_WEIGHT, MatchProfile, ParticipantCandidate, Weights,
};
use crate::matching::rank::{rank_buddies_for_participant, rank_participants_for_buddy};

/// The date of the test context (`ctx()`).
fn today() -> NaiveDate {
    date(2026, 3, 1)
}

fn gender() -> impl Strategy<Value = Gender> {
    select(Gender::ALL.to_vec())
}

fn profile() -> impl Strategy<Value = MatchProfile> {
    let birth_date = (1940..2010i32, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| date(y, m, d));
    // The 26 listed municipalities, and now and then one missing from the list.
    let municipality_id = prop_oneof![9 => 1..=26i64, 1 => Just(999i64)];
    let smoking =
        (prop::bool::weighted(0.2), any::<bool>()).prop_map(|(smokes, accepts_smoker)| Smoking {
            smokes,
            accepts_smoker,
        });
    let availability = btree_set(0..Availability::SLOTS, 2..14)
        .prop_map(|slots| Availability::from_slots(slots.into_iter().filter_map(Slot::from_index)));
    let wish_age = (
        option::weighted(0.2, 16..60u32),
        option::weighted(0.2, 30..90u32),
    )
        .prop_map(|(min, max)| AgeRange { min, max });
    let wish_genders = prop_oneof![3 => Just(BTreeSet::new()), 1 => btree_set(gender(), 1..=2)];
    (
        (birth_date, gender(), municipality_id, 0..60u32),
        (
            btree_set(1..=6i64, 0..4),
            btree_map(1..=3i64, 1..=5u8, 0..=3),
        ),
        (smoking, availability, wish_genders, wish_age),
        // Few languages, so that "no language in common" and "not filled in" both come up.
        btree_set(prop_oneof![Just("nl"), Just("fr"), Just("ar")], 0..=2),
    )
        .prop_map(
            |(
                (birth_date, gender, municipality_id, max_travel_km),
                (interests, personality),
                (smoking, availability, wish_genders, wish_age),
                languages,
            )| MatchProfile {
                birth_date,
                gender,
                municipality_id,
                interests: interests.into_iter().collect(),
                personality,
                smoking,
                availability,
                max_travel_km,
                wish_genders,
                wish_age,
                languages: languages.into_iter().map(str::to_owned).collect(),
            },
        )
}

/// Any weights an admin may store; zero often, as a switched-off component is a case of its own.
fn weights() -> impl Strategy<Value = Weights> {
    let weight = prop_oneof![Just(0.0), 0.0..=MAX_WEIGHT];
    (prop::array::uniform7(weight), 1..=3650u32, any::<bool>()).prop_map(
        |(w, waiting_full_days, language_required)| Weights {
            interests: w[0],
            personality: w[1],
            availability: w[2],
            distance: w[3],
            age: w[4],
            waiting: w[5],
            waiting_full_days,
            language: w[6],
            language_required,
            priority_factor: 0.0,
        },
    )
}

fn context(weights: Weights) -> Context {
    Context { weights, ..ctx() }
}

/// A participant who has waited `days` (negative: a date still ahead).
fn participant(id: i64, profile: MatchProfile, days: i64) -> ParticipantCandidate {
    ParticipantCandidate {
        id,
        first_name: String::new(),
        profile,
        waiting_since: today() - Duration::days(days),
    }
}

/// Participants with ids 1, 2, ...; they share a few profiles and waiting dates, so that equal
/// scores and equal waits come up and the tie-breaks are put to work.
fn participants(max: usize) -> impl Strategy<Value = Vec<ParticipantCandidate>> {
    (vec(profile(), 1..=4), vec(-30..800i64, 1..=3))
        .prop_flat_map(move |(profiles, waits)| vec((select(profiles), select(waits)), 0..=max))
        .prop_map(|list| {
            (1..)
                .zip(list)
                .map(|(id, (profile, days))| participant(id, profile, days))
                .collect()
        })
}

/// A buddy mostly approved and with room, sometimes not.
fn buddy(
    id: i64,
    profile: impl Strategy<Value = MatchProfile>,
) -> impl Strategy<Value = BuddyCandidate> {
    (profile, 1..=3u32, 0..=1u32, prop::bool::weighted(0.9)).prop_map(
        move |(profile, max_duos, open_duos, screening_approved)| BuddyCandidate {
            id,
            first_name: String::new(),
            profile,
            max_duos,
            open_duos,
            screening_approved,
        },
    )
}

/// Buddies with ids 101, 102, ..., sharing a few profiles (as `participants`).
fn buddies(max: usize) -> impl Strategy<Value = Vec<BuddyCandidate>> {
    (vec(profile(), 1..=4), 0..=max).prop_flat_map(|(profiles, n)| {
        (101..)
            .take(n)
            .map(|id| buddy(id, select(profiles.clone())))
            .collect::<Vec<_>>()
    })
}

/// The list, and the same list in a random order.
fn with_shuffled<T: Clone + std::fmt::Debug>(
    list: impl Strategy<Value = Vec<T>>,
) -> impl Strategy<Value = (Vec<T>, Vec<T>)> {
    list.prop_flat_map(|l| (Just(l.clone()), Just(l).prop_shuffle()))
}

/// An approved buddy with room: only the two profiles can block.
fn open_buddy(id: i64, profile: MatchProfile) -> BuddyCandidate {
    BuddyCandidate {
        id,
        first_name: String::new(),
        profile,
        max_duos: 1,
        open_duos: 0,
        screening_approved: true,
    }
}

/// The same blocker said with the roles of participant and buddy swapped.
fn mirrored(blocker: Blocker) -> Blocker {
    use Blocker::*;
    match blocker {
        ParticipantGenderWish { wanted, buddy } => BuddyGenderWish {
            wanted,
            participant: buddy,
        },
        BuddyGenderWish {
            wanted,
            participant,
        } => ParticipantGenderWish {
            wanted,
            buddy: participant,
        },
        ParticipantAgeWish { wish, buddy_age } => BuddyAgeWish {
            wish,
            participant_age: buddy_age,
        },
        BuddyAgeWish {
            wish,
            participant_age,
        } => ParticipantAgeWish {
            wish,
            buddy_age: participant_age,
        },
        ParticipantSmokesBuddyRefuses => BuddySmokesParticipantRefuses,
        BuddySmokesParticipantRefuses => ParticipantSmokesBuddyRefuses,
        TooFarForParticipant { km, max_km } => TooFarForBuddy { km, max_km },
        TooFarForBuddy { km, max_km } => TooFarForParticipant { km, max_km },
        NoSharedAvailability => NoSharedAvailability,
        NoSharedLanguage { participant, buddy } => NoSharedLanguage {
            participant: buddy,
            buddy: participant,
        },
        // Capacity, screening and a past duo concern the buddy or the duo, not the profiles.
        other => panic!("{other:?} does not follow from the profiles"),
    }
}

/// True when every key is below the next: ids make ranking keys unique, so no two are equal.
fn strictly_ascending<K: PartialOrd>(keys: impl Iterator<Item = K>) -> bool {
    let keys: Vec<K> = keys.collect();
    keys.windows(2).all(|k| k[0] < k[1])
}

/// A score matrix up to 8×8 in thousandths (zero included), each pair forbidden with a random
/// chance per matrix, so that both sparse and dense ones come up.
fn matrix() -> impl Strategy<Value = Vec<Vec<Option<i64>>>> {
    (0..=8usize, 0..=8usize, 0.1..0.95f64).prop_flat_map(|(rows, columns, allowed)| {
        vec(
            vec(option::weighted(allowed, 0..=100_000i64), columns),
            rows,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn distances_are_symmetric_and_never_negative(
        a in (-90.0..=90.0f64, -180.0..=180.0f64),
        b in (-90.0..=90.0f64, -180.0..=180.0f64),
    ) {
        let km = distance_km(a.0, a.1, b.0, b.1);
        prop_assert_eq!(km, distance_km(b.0, b.1, a.0, a.1));
        prop_assert!((0.0..=20_016.0).contains(&km), "{} km: more than half round the Earth", km);
        prop_assert_eq!(distance_km(a.0, a.1, a.0, a.1), 0.0);
    }

    /// Every profile rule works both ways (gender and age wishes, smoking, distance limits,
    /// shared slots): swapping the profiles swaps whose wish blocks; the score stays.
    #[test]
    fn swapping_the_profiles_mirrors_the_blockers_and_keeps_the_score(
        a in profile(),
        b in profile(),
        w in weights(),
        days in -30..800i64,
    ) {
        let c = context(w);
        let ab = assess_pair(&participant(1, a.clone(), days), &open_buddy(2, b.clone()), &c);
        let ba = assess_pair(&participant(1, b, days), &open_buddy(2, a), &c);
        let expected: Vec<Blocker> = ab.blockers.into_iter().map(mirrored).collect();
        prop_assert_eq!(expected.len(), ba.blockers.len());
        for x in &expected {
            prop_assert!(ba.blockers.contains(x), "{:?} missing from {:?}", x, ba.blockers);
        }
        prop_assert_eq!(ab.score, ba.score);
    }

    /// The board's quick fit is the full assessment's points and first blocker.
    #[test]
    fn the_quick_fit_agrees_with_the_full_assessment(
        p in profile(),
        b in buddy(2, profile()),
        w in weights(),
        days in -30..5000i64,
    ) {
        let c = context(w);
        let p = participant(1, p, days);
        let full = assess_pair(&p, &b, &c);
        prop_assert_eq!(
            points_and_first_blocker(&p, &b, &c),
            (full.points(), full.blockers.first().cloned())
        );
    }

    #[test]
    fn scores_stay_within_0_to_100_and_add_up(
        p in profile(),
        b in buddy(2, profile()),
        w in weights(),
        days in -30..5000i64,
        ended_without_click in any::<bool>(),
    ) {
        let mut c = context(w);
        if ended_without_click {
            c.ended_without_click.insert((1, 2));
        }
        let p = participant(1, p, days);
        let a = assess_pair(&p, &b, &c);
        prop_assert!((0.0..=100.0).contains(&a.score), "score {}", a.score);
        for part in &a.components {
            prop_assert!((0.0..=1.0).contains(&part.value), "{:?}", part);
            prop_assert!(part.contribution_points >= 0.0, "{:?}", part);
        }
        let sum: f64 = a.components.iter().map(|x| x.contribution_points).sum();
        prop_assert!((sum - a.score).abs() < 1e-9, "{} vs {}", sum, a.score);
        prop_assert_eq!(a.allowed, a.blockers.is_empty());
        // The quick path used by `propose` agrees with the full assessment.
        prop_assert_eq!(allowed_score(&p, &b, &c), a.allowed.then_some(a.score));
    }

    /// Best shown score first; equal scores by longer waiting, then id; never by input order.
    #[test]
    fn participants_are_ranked_by_score_then_waiting_then_id(
        (list, shuffled) in with_shuffled(participants(10)),
        b in buddy(1, profile()),
        w in weights(),
    ) {
        let c = context(w);
        let r = rank_participants_for_buddy(&b, &list, &c);
        let waited = |a: &PairAssessment| {
            list.iter().find(|p| p.id == a.participant_id).map(|p| p.days_waited(c.today))
        };
        let key = |a: &PairAssessment| (Reverse(a.points()), Reverse(waited(a)), a.participant_id);
        prop_assert!(r.allowed.iter().all(|a| a.allowed));
        prop_assert!(strictly_ascending(r.allowed.iter().map(key)));
        // The excluded: fewest blockers first, then as the allowed.
        prop_assert!(r.excluded.iter().all(|a| !a.allowed));
        prop_assert!(strictly_ascending(r.excluded.iter().map(|a| (a.blockers.len(), key(a)))));
        let everyone = r.allowed.iter().chain(&r.excluded);
        let mut ids: Vec<i64> = everyone.map(|a| a.participant_id).collect();
        ids.sort_unstable();
        prop_assert_eq!(ids, list.iter().map(|p| p.id).collect::<Vec<_>>());
        prop_assert_eq!(rank_participants_for_buddy(&b, &shuffled, &c), r);
    }

    #[test]
    fn buddies_are_ranked_by_score_then_id(
        (list, shuffled) in with_shuffled(buddies(8)),
        p in profile(),
        days in -30..800i64,
        w in weights(),
    ) {
        let c = context(w);
        let p = participant(1, p, days);
        let r = rank_buddies_for_participant(&p, &list, &c);
        let key = |a: &PairAssessment| (Reverse(a.points()), a.buddy_id);
        prop_assert!(r.allowed.iter().all(|a| a.allowed));
        prop_assert!(strictly_ascending(r.allowed.iter().map(key)));
        prop_assert!(r.excluded.iter().all(|a| !a.allowed));
        prop_assert!(strictly_ascending(r.excluded.iter().map(|a| (a.blockers.len(), key(a)))));
        prop_assert_eq!(r.allowed.len() + r.excluded.len(), list.len());
        prop_assert_eq!(rank_buddies_for_participant(&p, &shuffled, &c), r);
    }

    /// Every pair of the proposal is allowed, nobody is over capacity, and the lists are sorted.
    #[test]
    fn the_proposal_only_pairs_what_is_allowed(
        ps in participants(8),
        bs in buddies(5),
        w in weights(),
    ) {
        let c = context(w);
        let proposal = propose(&ps, &bs, &c);
        for pair in &proposal.pairs {
            let p = ps.iter().find(|p| p.id == pair.participant_id).unwrap();
            let b = bs.iter().find(|b| b.id == pair.buddy_id).unwrap();
            prop_assert_eq!(allowed_score(p, b, &c), Some(pair.score));
            prop_assert_eq!(proposal.pairs.iter().filter(|x| x.participant_id == p.id).count(), 1);
            let taken = proposal.pairs.iter().filter(|x| x.buddy_id == b.id).count();
            prop_assert!(taken as u32 <= b.free_places());
        }
        prop_assert!(proposal.pairs.windows(2).all(|x| x[0].score >= x[1].score));
        let paired = proposal.pairs.len() + proposal.unpaired_participants.len();
        prop_assert_eq!(paired, ps.len());
    }
}

proptest! {
    // The simulation is the costliest part, so fewer cases.
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Ranking, proposal and (with a fixed seed) the estimate give the same answer every time.
    #[test]
    fn the_same_input_gives_the_same_output(
        ps in participants(6),
        bs in buddies(4),
        history in vec((profile(), 0..500i64), 0..12),
        w in weights(),
        seed in any::<u64>(),
    ) {
        let c = context(w);
        for b in &bs {
            let rank = || rank_participants_for_buddy(b, &ps, &c);
            prop_assert_eq!(rank(), rank());
        }
        for p in &ps {
            let rank = || rank_buddies_for_participant(p, &bs, &c);
            prop_assert_eq!(rank(), rank());
        }
        prop_assert_eq!(propose(&ps, &bs, &c), propose(&ps, &bs, &c));
        let history: Vec<HistoricalBuddy> = history
            .into_iter()
            .map(|(profile, days)| HistoricalBuddy {
                joined_on: today() - Duration::days(days),
                profile,
            })
            .collect();
        // Thresholds low, so that most random histories give an estimate to compare.
        let settings = EstimateSettings {
            runs: 20,
            min_buddies: 1,
            min_months: 1,
            ..Default::default()
        };
        let start = today() - Duration::days(365);
        let estimate = || estimate_waits(&history, start, &ps, &c, &settings, seed);
        prop_assert_eq!(estimate(), estimate());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The solver against every partial matching, on square and rectangular matrices.
    #[test]
    fn the_matching_is_optimal_and_never_uses_a_forbidden_pair(m in matrix()) {
        let scores: Vec<Vec<Option<f64>>> = m
            .iter()
            .map(|row| row.iter().map(|w| w.map(|w| w as f64 / 1000.0)).collect())
            .collect();
        let (total, pairs) = max_weight_matching(&scores);
        let ones = vec![1; m.first().map_or(0, Vec::len)];
        valid(&m, &ones, &pairs);
        prop_assert!(pairs.windows(2).all(|x| x[0].0 < x[1].0), "not by row: {:?}", pairs);
        let best = brute_force(&m, &mut ones.clone(), 0);
        prop_assert_eq!(pairs.iter().map(|&(i, j)| m[i][j].unwrap()).sum::<i64>(), best);
        // The total is the plain float sum of the chosen scores (thousandths are not exact).
        let expected = best as f64 / 1000.0;
        prop_assert!((total - expected).abs() <= 1e-9 * expected.max(1.0), "{} != {}", total, expected);
    }
}
