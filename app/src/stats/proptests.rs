//! Property tests: the statistics' promises checked on random data. Small value ranges
//! make ties, censoring at event times and repeated changes common.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use crate::stats::logrank::{chi_square_p_value, log_rank};
use crate::stats::suppress::{Cell, suppress_row};
use crate::stats::survival::{Observation, kaplan_meier};
use crate::stats::weekly::tests::date;
use crate::stats::weekly::{Change, State, Week, weekly};

fn observation() -> impl Strategy<Value = Observation> {
    (0..40u32, any::<bool>()).prop_map(|(days, ended)| Observation { days, ended })
}

fn observations(max: usize) -> impl Strategy<Value = Vec<Observation>> {
    vec(observation(), 0..max)
}

/// The first Monday of the weekly range in these tests (2026-03-02).
fn first_monday() -> NaiveDate {
    date(2026, 3, 2)
}

/// Changes for a handful of people, from four weeks before the range to after it.
fn changes() -> impl Strategy<Value = Vec<Change>> {
    let state = select(vec![
        State::Waiting,
        State::Matched,
        State::Left,
        State::Other,
    ]);
    let change = (0..6i64, 0..84u64, state).prop_map(|(person, day, to)| Change {
        person,
        on: date(2026, 2, 2) + Days::new(day),
        to,
    });
    vec(change, 0..40)
}

/// Who waits on `monday` according to the last change dated before it, counted plainly.
fn waiting_on(changes: &[Change], monday: NaiveDate) -> u32 {
    let mut last: BTreeMap<i64, (NaiveDate, State)> = BTreeMap::new();
    let mut sorted = changes.to_vec();
    sorted.sort_by_key(|c| (c.person, c.on));
    for c in sorted.iter().filter(|c| c.on < monday) {
        last.insert(c.person, (c.on, c.to));
    }
    last.values().filter(|(_, s)| *s == State::Waiting).count() as u32
}

/// Whether some event leaves someone else at risk (a later time, or censored then): only
/// then does the log-rank statistic have a variance.
fn informative(data: &[Observation]) -> bool {
    data.iter().filter(|e| e.ended).any(|e| {
        data.iter()
            .any(|o| o.days > e.days || (o.days == e.days && !o.ended))
    })
}

fn flow(week: &Week) -> i64 {
    i64::from(week.new) - i64::from(week.matched) - i64::from(week.left) - i64::from(week.paused)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn survival_is_a_non_increasing_probability_inside_its_band(data in observations(60)) {
        let curve = kaplan_meier(&data);
        let mut previous = 1.0;
        for step in &curve.steps {
            prop_assert!((0.0..=1.0).contains(&step.survival), "{step:?}");
            prop_assert!(step.survival <= previous + 1e-12, "{step:?}");
            prop_assert!(0.0 <= step.lower && step.upper <= 1.0, "{step:?}");
            prop_assert!(step.lower <= step.survival + 1e-12, "{step:?}");
            prop_assert!(step.survival <= step.upper + 1e-12, "{step:?}");
            previous = step.survival;
        }
    }

    #[test]
    fn steps_account_for_every_observation(data in observations(60)) {
        let curve = kaplan_meier(&data);
        let mut expected_at_risk = data.len() as u32;
        for pair in curve.steps.windows(2) {
            prop_assert!(pair[0].days < pair[1].days);
        }
        for step in &curve.steps {
            prop_assert_eq!(step.at_risk, expected_at_risk);
            prop_assert!(step.events + step.censored > 0);
            expected_at_risk -= step.events + step.censored;
        }
        prop_assert_eq!(expected_at_risk, 0);
        let events: u32 = curve.steps.iter().map(|s| s.events).sum();
        prop_assert_eq!(events as usize, data.iter().filter(|o| o.ended).count());
    }

    #[test]
    fn without_censoring_survival_is_the_share_still_going(days in vec(0..40u32, 1..60)) {
        let data: Vec<_> = days.iter().map(|&d| Observation { days: d, ended: true }).collect();
        let curve = kaplan_meier(&data);
        for t in 0..42 {
            let share = days.iter().filter(|&&d| d > t).count() as f64 / days.len() as f64;
            prop_assert!((curve.survival_at(t) - share).abs() < 1e-9, "t {t}");
        }
    }

    #[test]
    fn input_order_does_not_matter(data in observations(60).prop_shuffle()) {
        let mut sorted = data.clone();
        sorted.sort_by_key(|o| (o.days, o.ended));
        prop_assert_eq!(kaplan_meier(&data), kaplan_meier(&sorted));
    }

    #[test]
    fn percentiles_lie_within_their_limits_and_grow(data in observations(60)) {
        let curve = kaplan_meier(&data);
        let mut previous = None;
        for p in [0.1, 0.25, 0.5, 0.75, 0.8, 0.9] {
            let Some(estimate) = curve.percentile(p) else {
                prop_assert!(data.is_empty());
                return Ok(());
            };
            if let (Some(lower), Some(days)) = (estimate.lower, estimate.days) {
                prop_assert!(lower <= days);
            }
            if let (Some(days), Some(upper)) = (estimate.days, estimate.upper) {
                prop_assert!(days <= upper);
            }
            if estimate.days.is_none() {
                prop_assert!(estimate.upper.is_none());
            }
            if let (Some(before), Some(now)) = (previous, estimate.days) {
                prop_assert!(before <= now);
            }
            if let Some(days) = estimate.days {
                prop_assert!(curve.survival_at(days) <= 1.0 - p + 1e-9);
            }
            previous = estimate.days.or(previous);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn log_rank_p_value_is_a_probability(groups in vec(observations(30), 0..5)) {
        let slices: Vec<&[Observation]> = groups.iter().map(Vec::as_slice).collect();
        if let Some(test) = log_rank(&slices) {
            prop_assert!(test.chi2 >= 0.0 && test.chi2.is_finite(), "{test:?}");
            prop_assert!((0.0..=1.0).contains(&test.p_value), "{test:?}");
            let non_empty = groups.iter().filter(|g| !g.is_empty()).count();
            prop_assert_eq!(test.df as usize, non_empty - 1);
        }
    }

    #[test]
    fn identical_groups_do_not_differ(data in observations(40), copies in 2..5usize) {
        let slices = vec![data.as_slice(); copies];
        match log_rank(&slices) {
            None => prop_assert!(!informative(&data)),
            Some(test) => {
                prop_assert!(test.chi2 < 1e-9, "{test:?}");
                prop_assert!(test.p_value > 1.0 - 1e-6, "{test:?}");
            }
        }
    }

    #[test]
    fn group_order_does_not_matter(a in observations(30), b in observations(30), c in observations(30)) {
        let forward = log_rank(&[&a, &b, &c]);
        let backward = log_rank(&[&c, &a, &b]);
        match (forward, backward) {
            (Some(f), Some(b)) => {
                prop_assert!((f.chi2 - b.chi2).abs() <= 1e-7 * f.chi2.max(1.0), "{f:?} {b:?}");
            }
            (f, b) => prop_assert_eq!(f.is_none(), b.is_none()),
        }
    }

    #[test]
    fn chi_square_p_value_falls_with_chi2_and_rises_with_df(
        chi2 in 0.0..200.0f64,
        more in 0.0..20.0f64,
        df in 1..40u32,
    ) {
        let p = chi_square_p_value(chi2, df);
        prop_assert!((0.0..=1.0).contains(&p));
        prop_assert!(chi_square_p_value(chi2 + more, df) <= p + 1e-12);
        prop_assert!(chi_square_p_value(chi2, df + 1) >= p - 1e-12);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_waiting_list_conserves_people(changes in changes()) {
        let weeks = weekly(&changes, first_monday(), date(2026, 4, 5));
        prop_assert_eq!(weeks.len(), 5);
        for pair in weeks.windows(2) {
            let next = i64::from(pair[0].waiting_at_start) + flow(&pair[0]);
            prop_assert_eq!(i64::from(pair[1].waiting_at_start), next, "{:?}", pair);
        }
        // And after the last week, counted plainly.
        let last = weeks[weeks.len() - 1];
        let after = last.starts_on + Days::new(7);
        let next = i64::from(last.waiting_at_start) + flow(&last);
        prop_assert_eq!(i64::from(waiting_on(&changes, after)), next);
    }

    #[test]
    fn waiting_at_start_matches_a_plain_count(changes in changes()) {
        for week in weekly(&changes, first_monday(), date(2026, 4, 5)) {
            prop_assert_eq!(week.waiting_at_start, waiting_on(&changes, week.starts_on));
        }
    }

    #[test]
    fn weekly_ignores_input_order_across_days(changes in changes().prop_shuffle()) {
        // One change per person and day, so that only the order across days is shuffled.
        let mut seen = std::collections::BTreeSet::new();
        let unique: Vec<Change> =
            changes.into_iter().filter(|c| seen.insert((c.person, c.on))).collect();
        let mut sorted = unique.clone();
        sorted.sort_by_key(|c| (c.on, c.person));
        let range = (first_monday(), date(2026, 4, 5));
        prop_assert_eq!(weekly(&unique, range.0, range.1), weekly(&sorted, range.0, range.1));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_small_count_is_shown(counts in vec(0..12u32, 0..8), total_shown in any::<bool>()) {
        let row = suppress_row(&counts, total_shown, 5);
        prop_assert_eq!(row.len(), counts.len());
        for (cell, &n) in row.iter().zip(&counts) {
            match cell {
                Cell::Count(shown) => prop_assert!(*shown == n && (n == 0 || n >= 5)),
                Cell::Fewer(limit) => prop_assert!(*limit == 5 && (1..5).contains(&n)),
                Cell::Hidden => prop_assert!(total_shown && n >= 5),
            }
        }
    }

    #[test]
    fn a_shown_total_never_gives_one_small_cell_away(counts in vec(0..12u32, 0..8)) {
        let row = suppress_row(&counts, true, 5);
        let hidden = row.iter().filter(|c| !matches!(c, Cell::Count(_))).count();
        let other_non_zero = counts.iter().filter(|&&n| n >= 5).count();
        // One hidden cell is only left when nothing else could be hidden with it.
        prop_assert!(hidden != 1 || other_non_zero == 0, "{counts:?} {row:?}");
        prop_assert!(hidden <= 1 || row.iter().filter(|c| **c == Cell::Hidden).count() <= 1);
    }
}
