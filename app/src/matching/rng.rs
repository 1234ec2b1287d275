//! A small seeded random number generator for the wait-time simulation.
//!
//! SplitMix64 (Steele, Lea & Flood 2014; the seeder of `xoshiro`): a few lines, no dependency
//! and no `getrandom`, so the wasm build needs nothing extra, and a seed gives the same
//! numbers forever, whatever crate versions come later.

/// SplitMix64 generator.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator that starts from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1), with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in 0..n (n > 0), without modulo bias (Lemire's method with rejection).
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as usize;
            }
        }
    }

    /// Exponentially distributed with the given rate (mean 1/rate): Poisson inter-arrival times.
    pub fn exponential(&mut self, rate: f64) -> f64 {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        -(1.0 - self.next_f64()).ln() / rate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let mut a = SplitMix64::new(42);
        let mut b = SplitMix64::new(42);
        let mut c = SplitMix64::new(43);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        assert_eq!(xs, (0..5).map(|_| b.next_u64()).collect::<Vec<_>>());
        assert_ne!(xs, (0..5).map(|_| c.next_u64()).collect::<Vec<_>>());
        // Reference value of SplitMix64 for seed 0.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn draws_have_the_expected_ranges_and_means() {
        let mut r = SplitMix64::new(7);
        let n = 20_000;
        let mut counts = [0u32; 3];
        let mut sum_exp = 0.0;
        for _ in 0..n {
            let f = r.next_f64();
            assert!((0.0..1.0).contains(&f));
            counts[r.below(3)] += 1;
            sum_exp += r.exponential(2.0);
        }
        for c in counts {
            assert!((6_000..7_400).contains(&c), "{counts:?}");
        }
        let mean = sum_exp / f64::from(n);
        assert!((mean - 0.5).abs() < 0.02, "{mean}");
    }
}
