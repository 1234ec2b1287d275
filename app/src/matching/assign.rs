//! The best proposal for everyone at once: a maximum-weight bipartite matching.
//!
//! Each buddy is expanded into as many columns as free places; the Hungarian algorithm then
//! finds the assignment with the highest total score (not greedy: the single best pair may be
//! left out when two other pairs together score more).

use serde::{Deserialize, Serialize};

use crate::matching::assess::allowed_score;
use crate::matching::model::{BuddyCandidate, Context, ParticipantCandidate};

/// One pair of the proposal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposedPair {
    pub participant_id: i64,
    pub buddy_id: i64,
    /// 0..=100, unrounded.
    pub score: f64,
}

/// Why someone got no pair (or a buddy keeps free places) in the proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnpairedReason {
    /// No allowed partner at all among the candidates.
    NoAllowedPartner,
    /// Every allowed partner went to pairs that together score more.
    PartnersTaken { allowed: u32 },
}

/// A participant left without a buddy in the proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnpairedParticipant {
    pub participant_id: i64,
    pub reason: UnpairedReason,
}

/// A buddy with places still free after the proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnusedBuddy {
    pub buddy_id: i64,
    pub free_places: u32,
    pub reason: UnpairedReason,
}

/// The proposal with the highest total score.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// Best score first.
    pub pairs: Vec<ProposedPair>,
    /// Sum of the pairs' scores.
    pub total: f64,
    pub unpaired_participants: Vec<UnpairedParticipant>,
    /// Only buddies that had free places to begin with.
    pub unused_buddies: Vec<UnusedBuddy>,
}

/// Largest score `max_weight_assignment` optimises: thousandths of it, summed over any matrix
/// that fits in memory, stay far from overflowing the solver's 64-bit potentials.
pub const MAX_SCORE: f64 = 1e9;

/// Scores are optimised in thousandths of a point, so the algorithm works on exact integers;
/// clamping keeps odd input (negative, NaN, huge) from overflowing it.
fn milli(score: f64) -> i64 {
    (score.clamp(0.0, MAX_SCORE) * 1000.0).round() as i64
}

/// Maximum-weight matching of rows to columns, each used at most once; `None` (or a missing
/// entry in a short row) marks a forbidden pair. Returns the total and the (row, column) pairs
/// by row.
///
/// Scores count in thousandths, 0..=`MAX_SCORE`, as in `propose`; the total is summed in those
/// thousandths, so scores with at most three decimals give it exactly, without float noise.
pub fn max_weight_matching(scores: &[Vec<Option<f64>>]) -> (f64, Vec<(usize, usize)>) {
    let columns = scores.iter().map(Vec::len).max().unwrap_or(0);
    let pairs = max_weight_assignment(scores, &vec![1; columns]);
    let total: i64 = pairs
        .iter()
        .filter_map(|&(i, j)| scores[i][j].map(milli))
        .sum();
    (total as f64 / 1000.0, pairs)
}

/// As `max_weight_matching`, but column `j` takes up to `capacity[j]` rows (columns beyond
/// `capacity` take none); the (row, column) pairs come by row. `propose` runs on this.
pub fn max_weight_assignment(scores: &[Vec<Option<f64>>], capacity: &[u32]) -> Vec<(usize, usize)> {
    let weights: Vec<Vec<Option<i64>>> = scores
        .iter()
        .map(|row| {
            (0..capacity.len())
                .map(|j| row.get(j).copied().flatten().map(milli))
                .collect()
        })
        .collect();
    let mut pairs = best_assignment(&weights, capacity);
    pairs.sort_unstable();
    pairs
}

/// Proposes the set of pairs with the highest total score over all allowed pairs.
pub fn propose(
    participants: &[ParticipantCandidate],
    buddies: &[BuddyCandidate],
    ctx: &Context,
) -> Proposal {
    let scores: Vec<Vec<Option<f64>>> = participants
        .iter()
        .map(|p| buddies.iter().map(|b| allowed_score(p, b, ctx)).collect())
        .collect();
    let capacity: Vec<u32> = buddies.iter().map(BuddyCandidate::free_places).collect();
    let chosen = max_weight_assignment(&scores, &capacity);

    let mut pairs: Vec<ProposedPair> = chosen
        .iter()
        .filter_map(|&(i, j)| {
            Some(ProposedPair {
                participant_id: participants[i].id,
                buddy_id: buddies[j].id,
                score: scores[i][j]?,
            })
        })
        .collect();
    pairs.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.participant_id.cmp(&b.participant_id))
    });
    let total = pairs.iter().map(|p| p.score).sum();

    let reason = |allowed: usize| match allowed {
        0 => UnpairedReason::NoAllowedPartner,
        n => UnpairedReason::PartnersTaken { allowed: n as u32 },
    };
    let unpaired_participants = participants
        .iter()
        .enumerate()
        .filter(|(i, _)| !chosen.iter().any(|c| c.0 == *i))
        .map(|(i, p)| UnpairedParticipant {
            participant_id: p.id,
            reason: reason(scores[i].iter().flatten().count()),
        })
        .collect();
    let unused_buddies = buddies
        .iter()
        .enumerate()
        .filter_map(|(j, b)| {
            let used = chosen.iter().filter(|c| c.1 == j).count() as u32;
            let free = capacity[j].saturating_sub(used);
            (free > 0).then(|| UnusedBuddy {
                buddy_id: b.id,
                free_places: free,
                reason: reason(scores.iter().filter(|row| row[j].is_some()).count()),
            })
        })
        .collect();
    Proposal {
        pairs,
        total,
        unpaired_participants,
        unused_buddies,
    }
}

/// Maximum-weight assignment of rows (participants) to columns (buddies) where column `j`
/// takes at most `capacity[j]` rows and `None` marks a forbidden pair. Returns (row, column).
pub(crate) fn best_assignment(
    weights: &[Vec<Option<i64>>],
    capacity: &[u32],
) -> Vec<(usize, usize)> {
    // Only rows with some allowed pair take part, and a buddy never needs more places than
    // it has allowed participants: this keeps the matrix small.
    let rows: Vec<usize> = (0..weights.len())
        .filter(|&i| {
            weights[i]
                .iter()
                .enumerate()
                .any(|(j, w)| w.is_some() && capacity[j] > 0)
        })
        .collect();
    let mut slots: Vec<usize> = Vec::new();
    for (j, &cap) in capacity.iter().enumerate() {
        let allowed = rows.iter().filter(|&&i| weights[i][j].is_some()).count();
        slots.extend(std::iter::repeat_n(j, (cap as usize).min(allowed)));
    }
    if rows.is_empty() || slots.is_empty() {
        return Vec::new();
    }
    // A forbidden pair costs 0, the same as staying unpaired, so it is never preferred to an
    // allowed one; allowed pairs cost minus their weight (weights are never negative).
    let cost = |r: usize, s: usize| weights[rows[r]][slots[s]].map_or(0, |w| -w.max(0));
    let pairs: Vec<(usize, usize)> = if rows.len() <= slots.len() {
        hungarian(rows.len(), slots.len(), cost)
    } else {
        hungarian(slots.len(), rows.len(), |s, r| cost(r, s))
            .into_iter()
            .map(|(s, r)| (r, s))
            .collect()
    };
    pairs
        .into_iter()
        .map(|(r, s)| (rows[r], slots[s]))
        .filter(|&(i, j)| weights[i][j].is_some())
        .collect()
}

/// Minimum-cost assignment of each of `n` rows to a distinct one of `m >= n` columns
/// (Hungarian algorithm with potentials, O(n²·m)). Returns (row, column) pairs.
fn hungarian(n: usize, m: usize, cost: impl Fn(usize, usize) -> i64) -> Vec<(usize, usize)> {
    debug_assert!(n <= m);
    const INF: i64 = i64::MAX / 4;
    // 1-based, index 0 is the virtual start; p[j] = row matched to column j.
    let mut u = vec![0i64; n + 1];
    let mut v = vec![0i64; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![INF; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = INF;
            let mut j1 = 0;
            for j in 1..=m {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=m)
        .filter(|&j| p[j] != 0)
        .map(|j| (p[j] - 1, j - 1))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::profile::Gender;
    use crate::matching::assess::tests::{buddy, ctx, participant, profile};
    use crate::matching::rng::SplitMix64;

    fn total(weights: &[Vec<Option<i64>>], pairs: &[(usize, usize)]) -> i64 {
        pairs.iter().map(|&(i, j)| weights[i][j].unwrap()).sum()
    }

    /// Tries every assignment: each participant unpaired or with a buddy that has room.
    pub(crate) fn brute_force(weights: &[Vec<Option<i64>>], capacity: &mut [u32], i: usize) -> i64 {
        if i == weights.len() {
            return 0;
        }
        let mut best = brute_force(weights, capacity, i + 1);
        for j in 0..capacity.len() {
            if let Some(w) = weights[i][j]
                && capacity[j] > 0
            {
                capacity[j] -= 1;
                best = best.max(w + brute_force(weights, capacity, i + 1));
                capacity[j] += 1;
            }
        }
        best
    }

    pub(crate) fn valid(weights: &[Vec<Option<i64>>], capacity: &[u32], pairs: &[(usize, usize)]) {
        for i in 0..weights.len() {
            assert!(
                pairs.iter().filter(|p| p.0 == i).count() <= 1,
                "row {i} twice"
            );
        }
        for (j, &cap) in capacity.iter().enumerate() {
            assert!(
                pairs.iter().filter(|p| p.1 == j).count() as u32 <= cap,
                "column {j} over capacity"
            );
        }
        for &(i, j) in pairs {
            assert!(weights[i][j].is_some(), "forbidden pair ({i}, {j})");
        }
    }

    #[test]
    fn the_best_total_beats_the_greedy_choice() {
        // Greedy takes the best pair (P0–B0, 90) and leaves P1 alone: 90 in total.
        // Better: P0–B1 (80) and P1–B0 (85): 165.
        let weights = vec![vec![Some(90), Some(80)], vec![Some(85), None]];
        let pairs = best_assignment(&weights, &[1, 1]);
        let mut sorted = pairs.clone();
        sorted.sort();
        assert_eq!(sorted, vec![(0, 1), (1, 0)]);
        assert_eq!(total(&weights, &pairs), 165);
    }

    #[test]
    fn capacity_lets_one_buddy_take_several_participants() {
        let weights = vec![
            vec![Some(50), Some(10)],
            vec![Some(60), Some(20)],
            vec![Some(70), None],
        ];
        let pairs = best_assignment(&weights, &[2, 1]);
        valid(&weights, &[2, 1], &pairs);
        assert_eq!(total(&weights, &pairs), 70 + 60 + 10);
        assert!(best_assignment(&weights, &[0, 0]).is_empty());
        assert!(best_assignment(&[], &[1]).is_empty());
    }

    #[test]
    fn random_small_instances_match_brute_force() {
        let mut rng = SplitMix64::new(2026);
        for round in 0..400 {
            let n = 1 + rng.below(6);
            let m = 1 + rng.below(4);
            let capacity: Vec<u32> = (0..m).map(|_| rng.below(3) as u32).collect();
            let weights: Vec<Vec<Option<i64>>> = (0..n)
                .map(|_| {
                    (0..m)
                        .map(|_| (rng.below(4) > 0).then(|| rng.below(100_001) as i64))
                        .collect()
                })
                .collect();
            let pairs = best_assignment(&weights, &capacity);
            valid(&weights, &capacity, &pairs);
            let expected = brute_force(&weights, &mut capacity.clone(), 0);
            assert_eq!(
                total(&weights, &pairs),
                expected,
                "round {round}: {weights:?} {capacity:?}"
            );
        }
    }

    #[test]
    fn the_proposal_pairs_everyone_it_can_and_says_why_not_the_others() {
        let c = ctx();
        // P1 fits both buddies, P2 only buddy 10 (wants a woman); buddy 11 is a man.
        let mut man = profile();
        man.gender = Gender::Man;
        let mut wants_woman = profile();
        wants_woman.wish_genders = [Gender::Woman].into();
        let mut wants_man = profile();
        wants_man.wish_genders = [Gender::Man].into();
        wants_man.interests = vec![4];
        let mut unscreened = buddy(12, profile());
        unscreened.screening_approved = false;
        let mut two_places = buddy(10, profile());
        two_places.max_duos = 3;
        two_places.open_duos = 1;
        let participants = vec![
            participant(1, profile()),
            participant(2, wants_woman),
            participant(3, wants_man.clone()),
            participant(4, wants_man),
        ];
        let p = propose(&participants, &[two_places, buddy(11, man), unscreened], &c);
        let got: Vec<(i64, i64)> = p
            .pairs
            .iter()
            .map(|x| (x.participant_id, x.buddy_id))
            .collect();
        assert_eq!(p.pairs.len(), 3);
        assert!(got.contains(&(1, 10)) && got.contains(&(2, 10)), "{got:?}");
        assert!(got.contains(&(3, 11)) || got.contains(&(4, 11)), "{got:?}");
        assert!((p.total - p.pairs.iter().map(|x| x.score).sum::<f64>()).abs() < 1e-9);
        assert_eq!(p.unpaired_participants.len(), 1);
        assert_eq!(
            p.unpaired_participants[0].reason,
            UnpairedReason::PartnersTaken { allowed: 1 }
        );
        assert_eq!(
            p.unused_buddies,
            vec![UnusedBuddy {
                buddy_id: 12,
                free_places: 1,
                reason: UnpairedReason::NoAllowedPartner
            }]
        );
    }
}
