//! The log-rank test: do two or more groups of durations (e.g. waiting times per
//! municipality) differ, or could the differences be chance? Plus the chi-square p-value it
//! needs, computed by hand (no statistics crate in the browser).

use serde::{Deserialize, Serialize};

use super::survival::Observation;

/// The test statistic, its degrees of freedom (groups − 1) and the p-value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogRank {
    pub chi2: f64,
    pub df: u32,
    pub p_value: f64,
}

/// Relative size under which a pivot counts as zero: the variance matrix is singular.
const SINGULAR: f64 = 1e-12;

/// The k-group log-rank test: U = O − E per group and its hypergeometric covariance V, over
/// the first k − 1 groups, chi² = Uᵀ V⁻¹ U on k − 1 df. Empty groups are left out; `None`
/// with fewer than two non-empty groups, without events, or when V is singular.
pub fn log_rank(groups: &[&[Observation]]) -> Option<LogRank> {
    let groups: Vec<&[Observation]> = groups.iter().copied().filter(|g| !g.is_empty()).collect();
    if groups.len() < 2 {
        return None;
    }
    let (difference, variance) = observed_minus_expected(&groups)?;
    let free = groups.len() - 1;
    let u = &difference[..free];
    let v: Vec<Vec<f64>> = variance[..free]
        .iter()
        .map(|row| row[..free].to_vec())
        .collect();
    let solved = solve(v, u.to_vec())?;
    let chi2 = u
        .iter()
        .zip(&solved)
        .map(|(a, b)| a * b)
        .sum::<f64>()
        .max(0.0);
    let df = free as u32;
    Some(LogRank {
        chi2,
        df,
        p_value: chi_square_p_value(chi2, df),
    })
}

/// Per group O − E, and the covariance matrix V, summed over the distinct event times:
/// E_j += d·n_j/n, V_jl += d·n_j(δ_jl·n − n_l)(n − d) / (n²(n − 1)). `None` without events.
fn observed_minus_expected(groups: &[&[Observation]]) -> Option<(Vec<f64>, Vec<Vec<f64>>)> {
    let k = groups.len();
    let mut all: Vec<(u32, usize, bool)> = groups
        .iter()
        .enumerate()
        .flat_map(|(j, g)| g.iter().map(move |o| (o.days, j, o.ended)))
        .collect();
    all.sort_by_key(|&(days, _, _)| days);
    let mut at_risk: Vec<f64> = groups.iter().map(|g| g.len() as f64).collect();
    let mut difference = vec![0.0; k];
    let mut variance = vec![vec![0.0; k]; k];
    let mut any_event = false;
    for time in all.chunk_by(|a, b| a.0 == b.0) {
        let mut events = vec![0.0; k];
        for &(_, j, ended) in time {
            events[j] += if ended { 1.0 } else { 0.0 };
        }
        let d: f64 = events.iter().sum();
        if d > 0.0 {
            any_event = true;
            add_event_time(&at_risk, &events, &mut difference, &mut variance);
        }
        for &(_, j, _) in time {
            at_risk[j] -= 1.0;
        }
    }
    any_event.then_some((difference, variance))
}

/// One event time's share of O − E and of V (see `observed_minus_expected`).
fn add_event_time(n_j: &[f64], d_j: &[f64], difference: &mut [f64], variance: &mut [Vec<f64>]) {
    let n: f64 = n_j.iter().sum();
    let d: f64 = d_j.iter().sum();
    for j in 0..n_j.len() {
        difference[j] += d_j[j] - d * n_j[j] / n;
    }
    if n <= 1.0 {
        return; // A single one at risk carries no variance.
    }
    let factor = d * (n - d) / (n * n * (n - 1.0));
    for (j, row) in variance.iter_mut().enumerate() {
        for (l, cell) in row.iter_mut().enumerate() {
            let own = if j == l { n } else { 0.0 };
            *cell += factor * n_j[j] * (own - n_j[l]);
        }
    }
}

/// Solves A x = b by Gaussian elimination with partial pivoting; `None` when A is singular
/// (a pivot below `SINGULAR` times the largest entry).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let size = b.len();
    let scale = a.iter().flatten().fold(0.0f64, |m, x| m.max(x.abs()));
    for col in 0..size {
        let pivot = (col..size).max_by(|&r, &s| a[r][col].abs().total_cmp(&a[s][col].abs()))?;
        if a[pivot][col].abs() <= SINGULAR * scale {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (done, below) = a.split_at_mut(col + 1);
        let pivot_row = &done[col];
        for (offset, row) in below.iter_mut().enumerate() {
            let f = row[col] / pivot_row[col];
            for (cell, p) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                *cell -= f * p;
            }
            b[col + 1 + offset] -= f * b[col];
        }
    }
    let mut x = vec![0.0; size];
    for row in (0..size).rev() {
        let rest: f64 = (row + 1..size).map(|c| a[row][c] * x[c]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}

/// P(X ≥ chi2) for X chi-square with `df` degrees of freedom: Q(df/2, chi2/2).
pub fn chi_square_p_value(chi2: f64, df: u32) -> f64 {
    if df == 0 {
        return 1.0;
    }
    regularized_upper_gamma(f64::from(df) / 2.0, chi2 / 2.0)
}

/// Relative precision and iteration cap of the series and the continued fraction.
const EPSILON: f64 = 1e-15;
const MAX_ITERATIONS: usize = 10_000;
/// Near the smallest positive f64: keeps Lentz's method away from dividing by zero.
const TINY: f64 = 1e-300;

/// Q(a, x) = Γ(a, x)/Γ(a), the regularized upper incomplete gamma function (a > 0):
/// the series below x = a + 1, the continued fraction above (Numerical Recipes, 6.2).
pub fn regularized_upper_gamma(a: f64, x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return 1.0;
    }
    if x.is_infinite() {
        return 0.0;
    }
    let q = if x < a + 1.0 {
        1.0 - lower_gamma_series(a, x)
    } else {
        upper_gamma_fraction(a, x)
    };
    q.clamp(0.0, 1.0)
}

/// e^(−x) x^a / Γ(a): the common factor of the series and the fraction.
fn prefactor(a: f64, x: f64) -> f64 {
    (-x + a * x.ln() - ln_gamma(a)).exp()
}

/// P(a, x) by its series: e^(−x) x^a / Γ(a) · Σ xⁿ / (a (a+1) … (a+n)).
fn lower_gamma_series(a: f64, x: f64) -> f64 {
    let (mut term, mut sum, mut denominator) = (1.0 / a, 1.0 / a, a);
    for _ in 0..MAX_ITERATIONS {
        denominator += 1.0;
        term *= x / denominator;
        sum += term;
        if term.abs() < sum.abs() * EPSILON {
            break;
        }
    }
    sum * prefactor(a, x)
}

/// Q(a, x) by its continued fraction, evaluated with the modified Lentz method.
fn upper_gamma_fraction(a: f64, x: f64) -> f64 {
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..MAX_ITERATIONS {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        d = if d.abs() < TINY { TINY } else { d };
        c = b + an / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < EPSILON {
            break;
        }
    }
    prefactor(a, x) * h
}

/// ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms; ~15 digits), with the
/// reflection formula below 1/2.
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let series = COEFFICIENTS[1..]
        .iter()
        .enumerate()
        .fold(COEFFICIENTS[0], |sum, (i, c)| {
            sum + c / (x + i as f64 + 1.0)
        });
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + series.ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::survival::tests::{obs, placebo, six_mp};

    fn close(a: f64, b: f64, relative: f64) -> bool {
        (a - b).abs() <= relative * b.abs().max(1e-300)
    }

    #[test]
    fn chi_square_critical_values() {
        // (chi2, df, p): the usual table's 5%, 1% and 0.1% points.
        let table = [
            (3.841_458_820_694_124, 1, 0.05),
            (6.634_896_601_021_214_5, 1, 0.01),
            (10.827_566_170_662_733, 1, 0.001),
            (5.991_464_547_107_979, 2, 0.05),
            (7.814_727_903_251_178, 3, 0.05),
            (11.070_497_693_516_351, 5, 0.05),
            (18.307_038_053_275_146, 10, 0.05),
        ];
        for (chi2, df, p) in table {
            let got = chi_square_p_value(chi2, df);
            assert!(close(got, p, 1e-9), "chi2 {chi2} df {df}: {got}");
        }
    }

    #[test]
    fn chi_square_closed_forms() {
        // df 1: erfc(√(x/2)); df 3 and 5 add √(2x/π)e^(−x/2)(1 [+ x/3]) (Python's math.erfc).
        let table = [
            (0.5, 1, 0.479_500_122_186_953_5),
            (1e-4, 1, 0.992_021_287_370_736_8),
            (100.0, 1, 1.523_970_604_832_099_5e-23),
            (2.0, 3, 0.572_406_704_470_879_8),
            (40.0, 5, 1.493_367_900_050_395_4e-7),
        ];
        for (chi2, df, p) in table {
            let got = chi_square_p_value(chi2, df);
            assert!(close(got, p, 1e-9), "chi2 {chi2} df {df}: {got}");
        }
    }

    #[test]
    fn even_degrees_of_freedom_match_the_poisson_sum() {
        // df = 2k: Q = e^(−x/2) Σ_{i<k} (x/2)^i / i!; both sides of x = a + 1.
        for df in [2u32, 4, 6, 10, 30] {
            for chi2 in [0.01, 0.5, 1.0, 3.0, 7.5, 15.0, 40.0, 120.0] {
                let half = chi2 / 2.0;
                let (mut term, mut sum) = (1.0, 0.0);
                for i in 0..df / 2 {
                    sum += term;
                    term *= half / f64::from(i + 1);
                }
                let want = (-half).exp() * sum;
                let got = chi_square_p_value(chi2, df);
                assert!(close(got, want, 1e-10), "chi2 {chi2} df {df}: {got} {want}");
            }
        }
    }

    #[test]
    fn chi_square_edges() {
        assert_eq!(chi_square_p_value(0.0, 1), 1.0);
        assert_eq!(chi_square_p_value(-1.0, 3), 1.0);
        assert_eq!(chi_square_p_value(f64::INFINITY, 2), 0.0);
        assert_eq!(chi_square_p_value(5.0, 0), 1.0);
    }

    #[test]
    fn ln_gamma_known_values() {
        let pi = std::f64::consts::PI;
        assert!(ln_gamma(1.0).abs() < 1e-14);
        assert!(ln_gamma(2.0).abs() < 1e-14);
        assert!(close(ln_gamma(0.5), pi.sqrt().ln(), 1e-13));
        assert!(close(ln_gamma(5.0), 24f64.ln(), 1e-13));
        assert!(close(ln_gamma(0.25), 3.625_609_908_221_908f64.ln(), 1e-13));
    }

    #[test]
    fn six_mp_against_placebo() {
        // R: survdiff(Surv(time, status) ~ group): Chisq = 16.8 on 1 df, p = 4e-05;
        // E = 19.25 and 10.75. Exact rational arithmetic gives 16.792940989216532.
        let (a, b) = (six_mp(), placebo());
        let test = log_rank(&[&a, &b]).unwrap();
        assert_eq!(test.df, 1);
        assert!(close(test.chi2, 16.792_940_989_216_532, 1e-12));
        assert!(close(test.p_value, 4.168_809_109_334_55e-5, 1e-8));
        // The order of the groups does not matter.
        let swapped = log_rank(&[&b, &a]).unwrap();
        assert!(close(swapped.chi2, test.chi2, 1e-12));
    }

    #[test]
    fn two_groups_agree_with_the_one_dimensional_formula() {
        // With two groups chi² = (O₁ − E₁)² / V₁₁.
        let (a, b) = (six_mp(), placebo());
        let (u, v) = observed_minus_expected(&[&a, &b]).unwrap();
        assert!(close(u[0], 9.0 - 19.250_500_948_031_13, 1e-12));
        let test = log_rank(&[&a, &b]).unwrap();
        assert!(close(test.chi2, u[0] * u[0] / v[0][0], 1e-12));
    }

    #[test]
    fn three_groups_by_hand() {
        // Computed with exact fractions (Python): O = 3, 3, 2; E = 2.0803, 1.5727, 4.3470;
        // chi² = 3.813176569364127 on 2 df, p = e^(−chi²/2) = 0.1485864575127661.
        let g1 = [obs(2, true), obs(3, false), obs(5, true), obs(7, true)];
        let g2 = [obs(1, true), obs(3, true), obs(4, false), obs(6, true)];
        let g3 = [obs(3, true), obs(8, false), obs(9, true), obs(9, false)];
        let test = log_rank(&[&g1, &g2, &g3]).unwrap();
        assert_eq!(test.df, 2);
        assert!(close(test.chi2, 3.813_176_569_364_127, 1e-12));
        assert!(close(test.p_value, 0.148_586_457_512_766_1, 1e-10));
        // Any group may be the one left out of U: the statistic is the same.
        let rotated = log_rank(&[&g3, &g1, &g2]).unwrap();
        assert!(close(rotated.chi2, test.chi2, 1e-10));
    }

    #[test]
    fn empty_groups_are_left_out() {
        let (a, b) = (six_mp(), placebo());
        let with_empty = log_rank(&[&a, &[], &b]).unwrap();
        assert_eq!(with_empty.df, 1);
        assert!(close(with_empty.chi2, 16.792_940_989_216_532, 1e-12));
    }

    #[test]
    fn refused_without_two_groups_or_events() {
        let a = six_mp();
        assert_eq!(log_rank(&[]), None);
        assert_eq!(log_rank(&[&a]), None);
        assert_eq!(log_rank(&[&a, &[]]), None);
        let censored = [obs(3, false), obs(5, false)];
        assert_eq!(log_rank(&[&censored, &censored]), None);
    }

    #[test]
    fn singular_variance_is_refused() {
        // Group 1 has left before the only event: its variance row is zero.
        let early = [obs(1, false)];
        let other = [obs(5, true), obs(6, false)];
        assert_eq!(log_rank(&[&early, &other]), None);
        // One at risk at the only event time: no variance either.
        let single = [obs(2, true)];
        assert_eq!(log_rank(&[&single, &early]), None);
    }

    #[test]
    fn identical_groups_give_p_one() {
        let a = six_mp();
        let test = log_rank(&[&a, &a, &a]).unwrap();
        assert!(test.chi2.abs() < 1e-12);
        assert!(close(test.p_value, 1.0, 1e-12));
    }

    #[test]
    fn solve_a_small_system() {
        let a = vec![vec![2.0, 1.0], vec![1.0, 3.0]];
        let x = solve(a, vec![3.0, 5.0]).unwrap();
        assert!(close(x[0], 0.8, 1e-14) && close(x[1], 1.4, 1e-14));
        assert_eq!(
            solve(vec![vec![1.0, 2.0], vec![2.0, 4.0]], vec![1.0, 2.0]),
            None
        );
    }
}
