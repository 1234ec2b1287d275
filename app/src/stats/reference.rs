//! The statistics checked against a reference implementation, the Python package lifelines
//! (0.30.3), on published data and on seeded random data. The fixtures and the script that
//! made them: `fixtures/*.json` and `bench/stats/make_fixtures.py` (its first lines say how
//! to run it again).

use serde::Deserialize;

use super::logrank::log_rank;
use super::survival::{Curve, Observation, Step, kaplan_meier};

const KAPLAN_MEIER: &str = include_str!("fixtures/kaplan_meier.json");
const LOG_RANK: &str = include_str!("fixtures/log_rank.json");

#[derive(Deserialize)]
struct Fixtures<C> {
    versions: serde_json::Value,
    cases: Vec<C>,
}

/// One curve: the observations as `[days, ended]`, and lifelines' figures.
#[derive(Deserialize)]
struct CurveCase {
    name: String,
    observations: Vec<(u32, bool)>,
    /// `[days, at_risk, events, censored, survival, lower, upper]` per distinct time.
    steps: Vec<(u32, u32, u32, u32, f64, f64, f64)>,
    percentiles: Vec<Percentile>,
}

/// The p-th percentile of the duration and its limits; `None`: never reached.
#[derive(Deserialize)]
struct Percentile {
    p: f64,
    days: Option<u32>,
    lower: Option<u32>,
    upper: Option<u32>,
}

#[derive(Deserialize)]
struct LogRankCase {
    name: String,
    groups: Vec<Vec<(u32, bool)>>,
    chi2: f64,
    df: u32,
    p_value: f64,
}

fn observations(pairs: &[(u32, bool)]) -> Vec<Observation> {
    pairs
        .iter()
        .map(|&(days, ended)| Observation { days, ended })
        .collect()
}

fn curve_cases() -> Fixtures<CurveCase> {
    serde_json::from_str(KAPLAN_MEIER).expect("fixtures/kaplan_meier.json")
}

fn log_rank_cases() -> Fixtures<LogRankCase> {
    serde_json::from_str(LOG_RANK).expect("fixtures/log_rank.json")
}

/// Survival and bands: absolute difference allowed.
const ABSOLUTE: f64 = 1e-9;
/// chi² and p-value: relative difference allowed.
const RELATIVE: f64 = 1e-6;

#[test]
fn the_fixtures_are_all_there() {
    let curves = curve_cases();
    let tests = log_rank_cases();
    assert_eq!(curves.versions["lifelines"], "0.30.3");
    assert_eq!(tests.versions["lifelines"], "0.30.3");
    assert!(curves.cases.len() >= 20, "{}", curves.cases.len());
    assert!(tests.cases.len() >= 15, "{}", tests.cases.len());
    for name in ["6-MP", "control", "waltons control", "waltons miR-137"] {
        assert!(curves.cases.iter().any(|c| c.name == name), "{name}");
    }
    let sizes: Vec<usize> = curves.cases.iter().map(|c| c.observations.len()).collect();
    for n in [1, 2, 5, 30, 200, 1000] {
        assert!(sizes.contains(&n), "no curve with {n} observations");
    }
    let dfs: Vec<u32> = tests.cases.iter().map(|c| c.df).collect();
    for df in [1, 2, 3] {
        assert!(dfs.contains(&df), "no log-rank test on {df} df");
    }
}

#[test]
fn kaplan_meier_matches_lifelines() {
    let mut largest = 0.0f64;
    let (mut compared, mut at_zero) = (0, 0);
    for case in curve_cases().cases {
        let curve = kaplan_meier(&observations(&case.observations));
        let name = &case.name;
        assert_eq!(curve.steps.len(), case.steps.len(), "{name}");
        let mut previous_upper = 1.0;
        for (step, want) in curve.steps.iter().zip(&case.steps) {
            let (days, at_risk, events, censored, survival, lower, upper) = *want;
            assert_eq!(
                (step.days, step.at_risk, step.events, step.censored),
                (days, at_risk, events, censored),
                "{name}"
            );
            let upper = expected_upper(step, survival, lower, upper, previous_upper, name);
            at_zero += usize::from(survival == 0.0);
            for (got, want) in [
                (step.survival, survival),
                (step.lower, lower),
                (step.upper, upper),
            ] {
                let difference = (got - want).abs();
                assert!(difference <= ABSOLUTE, "{name}: {step:?} vs {want:?}");
                largest = largest.max(difference);
                compared += 1;
            }
            previous_upper = step.upper;
        }
    }
    eprintln!(
        "Kaplan–Meier: {compared} values, largest difference {largest:e}; \
         upper band at S = 0 kept from the step before in {at_zero} steps"
    );
}

/// The upper band lifelines gives, except where S = 0: the one place where we knowingly
/// differ.
///
/// The log-log band is undefined at S = 0 (ln S = −∞, and Greenwood's term d/(n(n − d))
/// divides by zero). lifelines' arithmetic there comes out as exp(−exp(∞)) = 0 at both ends,
/// a band [0, 0]: certainty that everyone has ended, even after a single observation (and
/// so, for complete data, a percentile's upper limit at the last time). R's survival package
/// (`survfit_confint`) gives NA there. Ours (`log_log_band`, and the survival.rs test
/// `the_band_at_zero_keeps_the_previous_upper_limit`) keeps the lower end at 0 and the upper
/// end at the previous step's. S = 0 is only ever the last step (all still at risk ended),
/// and elsewhere the bands must agree to `ABSOLUTE`.
fn expected_upper(
    step: &Step,
    survival: f64,
    lower: f64,
    upper: f64,
    previous_upper: f64,
    name: &str,
) -> f64 {
    if survival != 0.0 {
        return upper;
    }
    assert_eq!(
        (lower, upper),
        (0.0, 0.0),
        "{name}: lifelines' band at S = 0"
    );
    assert_eq!(
        step.at_risk, step.events,
        "{name}: S = 0 only when all at risk end"
    );
    previous_upper
}

#[test]
fn percentiles_match_lifelines() {
    let (mut compared, mut open) = (0, 0);
    for case in curve_cases().cases {
        let curve = kaplan_meier(&observations(&case.observations));
        for want in &case.percentiles {
            let got = curve.percentile(want.p).unwrap();
            let name = format!("{}, p = {}", case.name, want.p);
            assert_eq!(got.days, want.days, "{name}: days");
            assert_eq!(got.lower, want.lower, "{name}: lower limit");
            let upper = expected_upper_limit(&curve, &case, want);
            assert_eq!(got.upper, upper, "{name}: upper limit");
            open += usize::from(upper != want.upper);
            if want.p == 0.5 {
                assert_eq!(curve.median(), Some(got), "{name}");
            }
            compared += 3;
        }
    }
    eprintln!(
        "percentiles: {compared} times equal, of which {open} upper limits never reached \
         here and at S = 0 in lifelines"
    );
}

/// lifelines' upper limit, except where only its band [0, 0] at S = 0 reaches the level
/// (see `expected_upper`): our upper end stays at the previous step's, above the level, so
/// the limit is never reached. Elsewhere the limits must be equal.
fn expected_upper_limit(curve: &Curve, case: &CurveCase, want: &Percentile) -> Option<u32> {
    let last = case.steps.last()?;
    let zero_last = last.4 == 0.0;
    let level = 1.0 - want.p;
    let before_last = case.steps[..case.steps.len() - 1]
        .iter()
        .any(|s| s.6 <= level);
    if zero_last && want.upper == Some(last.0) && !before_last {
        assert!(curve.steps.last().unwrap().upper > level);
        return None;
    }
    want.upper
}

#[test]
fn log_rank_matches_lifelines() {
    let (mut largest_chi2, mut largest_p) = (0.0f64, 0.0f64);
    let cases = log_rank_cases().cases;
    for case in &cases {
        let groups: Vec<Vec<Observation>> = case.groups.iter().map(|g| observations(g)).collect();
        let slices: Vec<&[Observation]> = groups.iter().map(Vec::as_slice).collect();
        let name = &case.name;
        let got = log_rank(&slices).unwrap_or_else(|| panic!("{name}: refused"));
        assert_eq!(got.df, case.df, "{name}");
        let chi2 = (got.chi2 - case.chi2).abs() / case.chi2.abs();
        let p = (got.p_value - case.p_value).abs() / case.p_value.abs();
        assert!(
            chi2 <= RELATIVE,
            "{name}: chi² {} vs {}",
            got.chi2,
            case.chi2
        );
        assert!(
            p <= RELATIVE,
            "{name}: p {} vs {}",
            got.p_value,
            case.p_value
        );
        largest_chi2 = largest_chi2.max(chi2);
        largest_p = largest_p.max(p);
    }
    eprintln!(
        "log-rank: {} tests, largest relative difference chi² {largest_chi2:e}, p {largest_p:e}",
        cases.len()
    );
}
