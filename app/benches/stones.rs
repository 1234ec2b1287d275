//! Stepping-stone suggestions for one participant over a catalogue of 2,000 fictional offers
//! spread over the 26 seeded municipalities (target: a median of at most 5 ms).
//!
//! ```sh
//! cargo bench -p app --bench stones -- --warm-up-time 1 --measurement-time 3
//! ```

use std::collections::BTreeSet;
use std::hint::black_box;

use app::domain::profile::{
    AgeRange, Availability, Gender, Municipality, Smoking, default_municipalities,
};
use app::domain::stepping_stone::{Access, Cost, Offer, OfferKind};
use app::matching::{Context, MatchProfile, SuggestFor, suggest};
use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};

const OFFERS: usize = 2_000;
const INTERESTS: u64 = 18;

/// A small deterministic generator (SplitMix64): every run scores the same catalogue.
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

    /// True about once in `n` times.
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// A date `days` from today.
fn day(days: i64) -> NaiveDate {
    today() + Duration::days(days)
}

/// A varied offer: one in ten online, one in twenty hidden, some ended or starting far
/// ahead, most with one or two weekly moments, half with a price.
fn offer(id: i64, n: &mut Numbers) -> Offer {
    let kind = OfferKind::ALL[n.below(OfferKind::ALL.len() as u64) as usize];
    let municipality_id = (!n.one_in(10)).then(|| 1 + n.below(26) as i64);
    let slots = if n.one_in(5) {
        Availability::NONE
    } else {
        Availability((1 << n.below(21)) | (1 << n.below(21)))
    };
    let starts_on = n.one_in(3).then(|| day(n.below(300) as i64 - 60));
    let ends_on = n.one_in(2).then(|| day(n.below(400) as i64 - 100));
    let cost = if n.one_in(2) {
        Cost::Free
    } else {
        let cents = 100 * (1 + n.below(60) as u32);
        Cost::Amount {
            cents,
            uitpas_cents: n.one_in(2).then_some(cents / 4),
        }
    };
    let accessibility: BTreeSet<Access> = Access::ALL.into_iter().filter(|_| n.one_in(3)).collect();
    let interests: BTreeSet<i64> = (0..1 + n.below(3))
        .map(|_| 1 + n.below(INTERESTS) as i64)
        .collect();
    Offer {
        id,
        provider: format!("Aanbieder {}", 1 + n.below(80)),
        title: format!("Aanbod {id}"),
        kind,
        description: "Een fictief aanbod voor de benchmark.".into(),
        municipality_id,
        address: format!("Straat {}", 1 + n.below(200)),
        slots,
        starts_on,
        ends_on,
        cost,
        accessibility,
        interests: interests.into_iter().collect(),
        contact: String::new(),
        link: format!("https://example.org/aanbod/{id}"),
        last_checked: day(-(n.below(365) as i64)),
        hidden: n.one_in(20),
    }
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
    ctx
}

/// A participant in Mechelen who travels 15 km, with five interests and a third of the week
/// free, and an UiTPAS.
fn participant() -> SuggestFor {
    let mut person = SuggestFor::new(MatchProfile {
        birth_date: NaiveDate::from_ymd_opt(1980, 5, 17).unwrap(),
        gender: Gender::Woman,
        municipality_id: 1,
        interests: vec![1, 4, 6, 9, 13],
        personality: Default::default(),
        smoking: Smoking::default(),
        availability: Availability(0b101_010_110_011_001_100_110),
        max_travel_km: 15,
        wish_genders: BTreeSet::new(),
        wish_age: AgeRange::default(),
        languages: vec!["nl".into()],
    });
    person.uitpas = true;
    person
}

fn stones(c: &mut Criterion) {
    let mut numbers = Numbers(0x4F50_5354);
    let offers: Vec<Offer> = (1..=OFFERS as i64)
        .map(|id| offer(id, &mut numbers))
        .collect();
    let ctx = context();
    let person = participant();

    // Sanity: the filters leave out some offers but not all.
    let suggested = suggest(&person, &offers, &ctx).len();
    assert!(
        suggested > OFFERS / 20 && suggested < OFFERS,
        "{suggested} of {OFFERS} offers suggested"
    );
    eprintln!("{suggested} of {OFFERS} offers suggested");

    let mut group = c.benchmark_group("stones");
    group.bench_function(format!("suggest {OFFERS} offers"), |b| {
        b.iter(|| suggest(black_box(&person), black_box(&offers), &ctx))
    });
    group.finish();
}

criterion_group!(benches, stones);
criterion_main!(benches);
