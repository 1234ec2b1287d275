//! Kaplan–Meier survival curves for right-censored durations, with Greenwood log-log
//! confidence bands, and the median and other percentiles read off the curve.

use serde::{Deserialize, Serialize};

/// z for a two-sided 95% interval: the 97.5th percentile of the standard normal.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// Slack when comparing a survival product to a level, so that an estimate that is exactly
/// 0.5 on paper (e.g. 9/10 · 5/9) is not missed by rounding.
const LEVEL_SLACK: f64 = 1e-9;

/// One duration: how many days until the event (`ended`), or until we stopped watching
/// (`ended == false`: censored, e.g. a duo that is still active).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub days: u32,
    pub ended: bool,
}

/// The curve at one distinct observed time: who was at risk, what happened, and the estimate
/// S(t) just after `days` with its 95% band.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub days: u32,
    /// Observations with `days >= self.days`; those censored at this time count too.
    pub at_risk: u32,
    pub events: u32,
    pub censored: u32,
    pub survival: f64,
    pub lower: f64,
    pub upper: f64,
}

/// A Kaplan–Meier curve: one step per distinct time, events or censoring, in time order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Curve {
    pub steps: Vec<Step>,
}

/// A percentile of the duration (the median by default) with its 95% limits; `None` where
/// the curve or its band never comes down far enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Median {
    pub days: Option<u32>,
    pub lower: Option<u32>,
    pub upper: Option<u32>,
}

/// The Kaplan–Meier estimate S(t) = Π (1 − d/n) over event times up to t, with Greenwood's
/// variance and log-log 95% bands. Input order does not matter.
pub fn kaplan_meier(observations: &[Observation]) -> Curve {
    let mut sorted = observations.to_vec();
    sorted.sort_by_key(|o| o.days);
    let mut steps = Vec::new();
    let mut at_risk = sorted.len() as u32;
    let (mut survival, mut greenwood, mut upper) = (1.0, 0.0, 1.0);
    for group in sorted.chunk_by(|a, b| a.days == b.days) {
        let events = group.iter().filter(|o| o.ended).count() as u32;
        let censored = group.len() as u32 - events;
        survival *= 1.0 - f64::from(events) / f64::from(at_risk);
        greenwood += greenwood_term(at_risk, events);
        let band = log_log_band(survival, greenwood, upper);
        upper = band.1;
        steps.push(Step {
            days: group[0].days,
            at_risk,
            events,
            censored,
            survival,
            lower: band.0,
            upper: band.1,
        });
        at_risk -= group.len() as u32;
    }
    Curve { steps }
}

/// Greenwood's term d / (n (n − d)) of Var(ln S); zero where the curve drops to 0 (the
/// variance is unbounded there and the band is handled apart).
fn greenwood_term(at_risk: u32, events: u32) -> f64 {
    if events == 0 || events >= at_risk {
        return 0.0;
    }
    let (n, d) = (f64::from(at_risk), f64::from(events));
    d / (n * (n - d))
}

/// The 95% band from the log-log transform: S^exp(±z·σ/|ln S|), σ² the Greenwood sum.
/// At S = 1 the band is the point 1; at S = 0 it is 0 up to the previous upper limit.
fn log_log_band(survival: f64, greenwood: f64, previous_upper: f64) -> (f64, f64) {
    if survival >= 1.0 {
        return (1.0, 1.0);
    }
    if survival <= 0.0 {
        return (0.0, previous_upper);
    }
    let spread = Z_95 * greenwood.sqrt() / survival.ln().abs();
    let lower = survival.powf(spread.exp());
    let upper = survival.powf((-spread).exp());
    (lower.clamp(0.0, 1.0), upper.clamp(0.0, 1.0))
}

impl Curve {
    /// S(t): the estimate after the last step at or before `days`; 1.0 before the first.
    pub fn survival_at(&self, days: u32) -> f64 {
        let before = self.steps.partition_point(|s| s.days <= days);
        before
            .checked_sub(1)
            .map_or(1.0, |i| self.steps[i].survival)
    }

    /// The median duration: the smallest time where S(t) <= 0.5 (see `percentile`).
    pub fn median(&self) -> Option<Median> {
        self.percentile(0.5)
    }

    /// The p-th percentile (0 < p < 1): the smallest time where S(t) <= 1 − p; its limits are
    /// where the lower and the upper band first reach 1 − p. `None` without observations or
    /// for p outside (0, 1).
    pub fn percentile(&self, p: f64) -> Option<Median> {
        if self.steps.is_empty() || !(p > 0.0 && p < 1.0) {
            return None;
        }
        let level = 1.0 - p + LEVEL_SLACK;
        let first = |value: fn(&Step) -> f64| {
            self.steps
                .iter()
                .find(|s| value(s) <= level)
                .map(|s| s.days)
        };
        Some(Median {
            days: first(|s| s.survival),
            lower: first(|s| s.lower),
            upper: first(|s| s.upper),
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Shorthand: `obs(6, true)` ended on day 6, `obs(6, false)` censored on day 6.
    pub(crate) fn obs(days: u32, ended: bool) -> Observation {
        Observation { days, ended }
    }

    /// The 6-MP arm of Freireich's leukaemia trial (Gehan 1965): weeks in remission,
    /// `false` = censored. The textbook example for Kaplan–Meier.
    pub(crate) fn six_mp() -> Vec<Observation> {
        let ended = [6, 6, 6, 7, 10, 13, 16, 22, 23];
        let censored = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
        let mut all: Vec<_> = ended.iter().map(|&d| obs(d, true)).collect();
        all.extend(censored.iter().map(|&d| obs(d, false)));
        all
    }

    /// The placebo arm of the same trial: all relapsed.
    pub(crate) fn placebo() -> Vec<Observation> {
        [
            1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23,
        ]
        .iter()
        .map(|&d| obs(d, true))
        .collect()
    }

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn six_mp_matches_the_textbook() {
        // (weeks, at risk, events, censored, S, lower, upper), as R's
        // survfit(conf.type = "log-log") prints them (Klein & Moeschberger, table 4.1).
        let expected = [
            (6, 21, 3, 1, 0.857143, 0.619718, 0.951552),
            (7, 17, 1, 0, 0.806723, 0.563147, 0.922809),
            (9, 16, 0, 1, 0.806723, 0.563147, 0.922809),
            (10, 15, 1, 1, 0.752941, 0.503200, 0.889362),
            (11, 13, 0, 1, 0.752941, 0.503200, 0.889362),
            (13, 12, 1, 0, 0.690196, 0.431610, 0.849066),
            (16, 11, 1, 0, 0.627451, 0.367511, 0.804912),
            (17, 10, 0, 1, 0.627451, 0.367511, 0.804912),
            (19, 9, 0, 1, 0.627451, 0.367511, 0.804912),
            (20, 8, 0, 1, 0.627451, 0.367511, 0.804912),
            (22, 7, 1, 0, 0.537815, 0.267779, 0.746791),
            (23, 6, 1, 0, 0.448179, 0.188052, 0.680143),
            (25, 5, 0, 1, 0.448179, 0.188052, 0.680143),
            (32, 4, 0, 2, 0.448179, 0.188052, 0.680143),
            (34, 2, 0, 1, 0.448179, 0.188052, 0.680143),
            (35, 1, 0, 1, 0.448179, 0.188052, 0.680143),
        ];
        let curve = kaplan_meier(&six_mp());
        assert_eq!(curve.steps.len(), expected.len());
        for (step, want) in curve.steps.iter().zip(expected) {
            let (days, at_risk, events, censored, s, lower, upper) = want;
            assert_eq!(
                (step.days, step.at_risk, step.events, step.censored),
                (days, at_risk, events, censored)
            );
            assert!(close(step.survival, s, 1e-6), "{step:?}");
            assert!(close(step.lower, lower, 1e-6), "{step:?}");
            assert!(close(step.upper, upper, 1e-6), "{step:?}");
        }
    }

    #[test]
    fn six_mp_median_and_its_limits() {
        // R: median 23, 0.95LCL 13, 0.95UCL NA (log-log).
        let median = kaplan_meier(&six_mp()).median();
        let want = Median {
            days: Some(23),
            lower: Some(13),
            upper: None,
        };
        assert_eq!(median, Some(want));
    }

    #[test]
    fn six_mp_greenwood_standard_error() {
        // SE(S) = S·σ = 0.0764 at week 6 in every textbook: recover σ from the band.
        let step = kaplan_meier(&six_mp()).steps[0];
        let sigma = (3.0f64 / (21.0 * 18.0)).sqrt();
        assert!(close(step.survival * sigma, 0.0764, 5e-5));
    }

    #[test]
    fn survival_at_is_a_right_continuous_step_function() {
        let curve = kaplan_meier(&six_mp());
        assert_eq!(curve.survival_at(0), 1.0);
        assert_eq!(curve.survival_at(5), 1.0);
        assert!(close(curve.survival_at(6), 18.0 / 21.0, 1e-12));
        assert!(close(curve.survival_at(9), curve.survival_at(7), 1e-12));
        assert!(close(curve.survival_at(1000), 0.448179, 1e-6));
    }

    #[test]
    fn a_tiny_example_by_hand() {
        // Days 1, 2+, 3, 3, 4: n = 5, 4, 3, 1.
        // S(1) = 4/5 = 0.8; S(3) = 0.8 · (1 − 2/3) = 0.2667; S(4) = 0.
        let data = [
            obs(3, true),
            obs(1, true),
            obs(4, true),
            obs(2, false),
            obs(3, true),
        ];
        let curve = kaplan_meier(&data);
        let summary: Vec<_> = curve
            .steps
            .iter()
            .map(|s| (s.days, s.at_risk, s.events, s.censored))
            .collect();
        assert_eq!(
            summary,
            [(1, 5, 1, 0), (2, 4, 0, 1), (3, 3, 2, 0), (4, 1, 1, 0)]
        );
        assert!(close(curve.survival_at(2), 0.8, 1e-12));
        assert!(close(curve.survival_at(3), 0.8 / 3.0, 1e-12));
        assert_eq!(curve.survival_at(4), 0.0);
        // Median: S(1) = 0.8 > 0.5, S(3) = 0.27 <= 0.5.
        assert_eq!(curve.median().unwrap().days, Some(3));
        // The 10th percentile: first S <= 0.9 is day 1.
        assert_eq!(curve.percentile(0.1).unwrap().days, Some(1));
    }

    #[test]
    fn the_band_at_zero_keeps_the_previous_upper_limit() {
        let data = [obs(1, true), obs(2, true)];
        let curve = kaplan_meier(&data);
        let last = curve.steps[1];
        assert_eq!((last.survival, last.lower), (0.0, 0.0));
        assert_eq!(last.upper, curve.steps[0].upper);
        // A single observation that ended: S = 0, band 0..1.
        let one = kaplan_meier(&[obs(5, true)]).steps[0];
        assert_eq!((one.survival, one.lower, one.upper), (0.0, 0.0, 1.0));
    }

    #[test]
    fn censored_at_an_event_time_are_still_at_risk() {
        // Day 2: 1 event and 1 censored among 3 at risk: S = 2/3, not 1/2.
        let data = [obs(2, true), obs(2, false), obs(5, false)];
        let step = kaplan_meier(&data).steps[0];
        assert_eq!((step.at_risk, step.events, step.censored), (3, 1, 1));
        assert!(close(step.survival, 2.0 / 3.0, 1e-12));
    }

    #[test]
    fn all_censored_stays_at_one() {
        let data = [obs(3, false), obs(8, false), obs(8, false)];
        let curve = kaplan_meier(&data);
        assert!(
            curve
                .steps
                .iter()
                .all(|s| (s.survival, s.lower, s.upper) == (1.0, 1.0, 1.0))
        );
        let none = Median {
            days: None,
            lower: None,
            upper: None,
        };
        assert_eq!(curve.median(), Some(none));
    }

    #[test]
    fn empty_input_gives_an_empty_curve() {
        let curve = kaplan_meier(&[]);
        assert!(curve.steps.is_empty());
        assert_eq!(curve.survival_at(10), 1.0);
        assert_eq!(curve.median(), None);
    }

    #[test]
    fn exactly_one_half_counts_as_reached() {
        // 10 at risk: 1 event at day 1 (0.9), then 4 of 9 at day 2: 0.9 · 5/9 = 0.5.
        let mut data = vec![obs(1, true)];
        data.extend([obs(2, true); 4]);
        data.extend([obs(9, false); 5]);
        assert_eq!(kaplan_meier(&data).median().unwrap().days, Some(2));
    }

    #[test]
    fn percentiles_outside_zero_and_one_are_refused() {
        let curve = kaplan_meier(&six_mp());
        for p in [0.0, 1.0, -0.5, 1.5, f64::NAN] {
            assert_eq!(curve.percentile(p), None, "{p}");
        }
    }

    #[test]
    fn the_80th_percentile_of_a_waiting_time() {
        // Placebo arm: S(8) = 8/21 = 0.381, S(11) = 6/21 = 0.286, S(12) = 4/21 = 0.190.
        // The 80th percentile is the first S <= 0.2: week 12.
        let curve = kaplan_meier(&placebo());
        assert_eq!(curve.percentile(0.8).unwrap().days, Some(12));
        assert_eq!(curve.median().unwrap().days, Some(8));
    }
}
