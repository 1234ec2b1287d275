//! The pure matching engine at the sizes of a large programme: 300 waiting participants,
//! 40 available buddies, 60 buddies approved in the past two years; and at the sizes of issue
//! 22's targets: ranking 10,000 waiting participants for one buddy, the solver on dense score
//! matrices of 1,000 × 1,000 and 2,000 × 2,000 with 30% of the pairs forbidden, the wait-time
//! estimate for 500 waiting participants with 1,000 runs.
//!
//! ```sh
//! cargo bench -p app --bench matching -- --warm-up-time 1 --measurement-time 5
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::hint::black_box;

use app::domain::profile::{
    AgeRange, Availability, Gender, Municipality, Smoking, default_municipalities,
};
use app::matching::{
    BuddyCandidate, Context, EstimateSettings, HistoricalBuddy, MatchProfile, ParticipantCandidate,
    assess_pair, estimate_waits, max_weight_matching, propose, rank_participants_for_buddy,
};
use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};

const WAITING: usize = 300;
const BUDDIES: usize = 40;
const HISTORY: usize = 60;
const INTERESTS: u64 = 18;
const SCALES: i64 = 4;
/// Issue 22's sizes.
const RANKED: usize = 10_000;
const ESTIMATED: usize = 500;
const ESTIMATE_RUNS: u32 = 1_000;
const SOLVER_SIZES: [usize; 2] = [1_000, 2_000];
/// Share of forbidden pairs in the solver's matrices, in percent.
const FORBIDDEN: u64 = 30;

/// A small deterministic generator (SplitMix64): every run scores the same people.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Uniform in [0, 1), with 53 random bits.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True about once in `n` times.
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// A varied profile: most people have open wishes, some want a gender or an age range,
/// a few smoke, travel limits of 5 to 30 km around the 26 municipalities.
fn profile(numbers: &mut Numbers) -> MatchProfile {
    let birth_date = NaiveDate::from_ymd_opt(1945 + numbers.below(60) as i32, 1, 1).unwrap()
        + Duration::days(numbers.below(365) as i64);
    let gender = Gender::ALL[numbers.below(3) as usize];
    let interests: BTreeSet<i64> = (0..1 + numbers.below(6))
        .map(|_| 1 + numbers.below(INTERESTS) as i64)
        .collect();
    // Three in four scales filled in.
    let mut personality: BTreeMap<i64, u8> = BTreeMap::new();
    for s in 1..=SCALES {
        if numbers.below(4) != 0 {
            personality.insert(s, 1 + numbers.below(5) as u8);
        }
    }
    // About a third of the 21 slots free, at least one.
    let availability = Availability(
        (numbers.next() as u32 & numbers.next() as u32 | 1 << numbers.below(21))
            & Availability::ALL.0,
    );
    let wish_genders = if numbers.one_in(5) {
        [Gender::ALL[numbers.below(2) as usize]].into()
    } else {
        BTreeSet::new()
    };
    let wish_age = if numbers.one_in(4) {
        let min = 18 + numbers.below(30) as u32;
        AgeRange {
            min: Some(min),
            max: Some(min + 15 + numbers.below(30) as u32),
        }
    } else {
        AgeRange::default()
    };
    MatchProfile {
        birth_date,
        gender,
        municipality_id: 1 + numbers.below(26) as i64,
        interests: interests.into_iter().collect(),
        personality,
        smoking: Smoking {
            smokes: numbers.one_in(6),
            accepts_smoker: !numbers.one_in(3),
        },
        availability,
        max_travel_km: 5 + numbers.below(26) as u32,
        wish_genders,
        wish_age,
        languages: vec!["nl".into()],
    }
}

fn participants(numbers: &mut Numbers, count: usize) -> Vec<ParticipantCandidate> {
    (0..count)
        .map(|i| ParticipantCandidate {
            id: i as i64 + 1,
            first_name: format!("Deelnemer {}", i + 1),
            profile: profile(numbers),
            waiting_since: today() - Duration::days(numbers.below(3 * 365) as i64),
        })
        .collect()
}

fn buddies(numbers: &mut Numbers) -> Vec<BuddyCandidate> {
    (0..BUDDIES)
        .map(|i| {
            let max_duos = 1 + numbers.below(3) as u32;
            BuddyCandidate {
                id: i as i64 + 1,
                first_name: format!("Buddy {}", i + 1),
                profile: profile(numbers),
                max_duos,
                open_duos: numbers.below(u64::from(max_duos)) as u32,
                screening_approved: true,
            }
        })
        .collect()
}

fn history(numbers: &mut Numbers) -> Vec<HistoricalBuddy> {
    (0..HISTORY)
        .map(|_| HistoricalBuddy {
            joined_on: today() - Duration::days(numbers.below(2 * 365) as i64),
            profile: profile(numbers),
        })
        .collect()
}

/// A dense `n` × `n` score matrix, scores uniform in (0, 100] with every bit of the fraction
/// used, each pair forbidden with a chance of `FORBIDDEN` percent.
fn score_matrix(n: usize, numbers: &mut Numbers) -> Vec<Vec<Option<f64>>> {
    (0..n)
        .map(|_| {
            (0..n)
                .map(|_| (numbers.below(100) >= FORBIDDEN).then(|| 100.0 - 100.0 * numbers.unit()))
                .collect()
        })
        .collect()
}

fn context() -> Context {
    let municipalities =
        default_municipalities()
            .into_iter()
            .zip(1..)
            .map(|((name, postcode, lat, lon), id)| Municipality {
                id,
                name: name.to_owned(),
                postcode: postcode.to_owned(),
                lat,
                lon,
            });
    let mut ctx = Context::new(today()).with_municipalities(municipalities);
    ctx.interest_names = (1..=INTERESTS as i64)
        .map(|i| (i, format!("interesse {i}")))
        .collect();
    ctx.scale_names = (1..=SCALES).map(|i| (i, format!("schaal {i}"))).collect();
    ctx
}

fn matching(c: &mut Criterion) {
    let mut numbers = Numbers(0x4B4C_494B);
    let waiting = participants(&mut numbers, WAITING);
    let available = buddies(&mut numbers);
    let past = history(&mut numbers);
    let ctx = context();
    let history_start = today() - Duration::days(2 * 365);
    let settings = EstimateSettings::default();

    // Sanity: the generated people are neither all blocked nor all allowed.
    let allowed = waiting
        .iter()
        .flat_map(|p| available.iter().map(move |b| (p, b)))
        .filter(|(p, b)| assess_pair(p, b, &ctx).allowed)
        .count();
    let pairs = WAITING * BUDDIES;
    assert!(
        allowed > pairs / 20 && allowed < pairs,
        "{allowed} of {pairs} pairs allowed"
    );
    eprintln!("{allowed} of {pairs} participant × buddy pairs allowed");

    let mut group = c.benchmark_group("matching");
    group.bench_function("assess_pair", |b| {
        b.iter(|| assess_pair(black_box(&waiting[0]), black_box(&available[0]), &ctx))
    });
    group.bench_function(format!("rank_participants_for_buddy {WAITING}"), |b| {
        b.iter(|| rank_participants_for_buddy(black_box(&available[0]), black_box(&waiting), &ctx))
    });
    group.bench_function(format!("propose {WAITING}x{BUDDIES}"), |b| {
        b.iter(|| propose(black_box(&waiting), black_box(&available), &ctx))
    });
    group.bench_function(
        format!("estimate_waits {WAITING} waiting, {HISTORY} past buddies"),
        |b| {
            b.iter(|| {
                estimate_waits(
                    black_box(&past),
                    history_start,
                    black_box(&waiting),
                    &ctx,
                    &settings,
                    7,
                )
            })
        },
    );

    // Issue 22's sizes, each from its own generator so that the inputs above stay as they were.
    let many = participants(&mut Numbers(0x5241_4E4B), RANKED);
    group.bench_function(format!("rank_participants_for_buddy {RANKED}"), |b| {
        b.iter(|| rank_participants_for_buddy(black_box(&available[0]), black_box(&many), &ctx))
    });
    // Each of these takes tens of milliseconds: fewer samples keep the run short.
    group.sample_size(20);
    for n in SOLVER_SIZES {
        let scores = score_matrix(n, &mut Numbers(0x4153_5349 + n as u64));
        group.bench_function(
            format!("max_weight_matching {n}x{n}, {FORBIDDEN}% forbidden"),
            |b| b.iter(|| max_weight_matching(black_box(&scores))),
        );
    }
    let longer_list = participants(&mut Numbers(0x4553_5449), ESTIMATED);
    let many_runs = EstimateSettings {
        runs: ESTIMATE_RUNS,
        ..EstimateSettings::default()
    };
    // The same with the priority of long waits on (`matching::priority`): a usual wait of 180
    // days puts everyone who waited over 270 days first, about three in four of these lists.
    let with_priority = Context {
        usual_wait_days: Some(180),
        ..ctx.clone()
    };
    group.bench_function(
        format!("rank_participants_for_buddy {RANKED}, priority of long waits"),
        |b| {
            b.iter(|| {
                rank_participants_for_buddy(
                    black_box(&available[0]),
                    black_box(&many),
                    &with_priority,
                )
            })
        },
    );
    for (context, rule) in [(&ctx, ""), (&with_priority, ", priority of long waits")] {
        group.bench_function(
            format!(
                "estimate_waits {ESTIMATED} waiting, {HISTORY} past buddies, {ESTIMATE_RUNS} runs{rule}"
            ),
            |b| {
                b.iter(|| {
                    estimate_waits(
                        black_box(&past),
                        history_start,
                        black_box(&longer_list),
                        context,
                        &many_runs,
                        7,
                    )
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
