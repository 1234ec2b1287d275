//! Ranking the candidates for one buddy, or for one participant.

use std::cmp::Reverse;

use serde::{Deserialize, Serialize};

use crate::matching::assess::{PairAssessment, assess_for_ranking};
use crate::matching::model::{BuddyCandidate, Context, ParticipantCandidate};

/// Allowed pairs best first, and the excluded ones with all their blockers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// Those whose long wait gives priority first (longest first, `matching::priority`), then
    /// by shown score (descending), then longer waiting, then id.
    pub allowed: Vec<PairAssessment>,
    /// By fewest blockers, then score (descending), then id; with their blockers and score but
    /// no components (the page shows why not, not how well).
    pub excluded: Vec<PairAssessment>,
}

/// Ranks every waiting participant for one buddy.
pub fn rank_participants_for_buddy(
    buddy: &BuddyCandidate,
    participants: &[ParticipantCandidate],
    ctx: &Context,
) -> Ranking {
    let after = ctx.priority_after_days();
    let pairs = participants
        .iter()
        .map(|p| {
            let days = p.days_waited(ctx.today);
            // A long wait goes first, the longest first (`matching::priority`).
            let first = after.filter(|&a| days > a).map(|_| Reverse(days));
            (
                assess_for_ranking(p, buddy, ctx),
                (first.is_none(), first),
                (Reverse(days), p.id),
            )
        })
        .collect();
    split_and_sort(pairs)
}

/// Ranks every buddy for one participant.
pub fn rank_buddies_for_participant(
    participant: &ParticipantCandidate,
    buddies: &[BuddyCandidate],
    ctx: &Context,
) -> Ranking {
    let pairs = buddies
        .iter()
        .map(|b| (assess_for_ranking(participant, b, ctx), (), b.id))
        .collect();
    split_and_sort(pairs)
}

/// Splits allowed from excluded pairs and orders both: allowed ones by their `first` key
/// (the priority of a long wait), then the shown score; each pair's `tie` key (ascending,
/// made once with the pair) breaks equal shown scores.
///
/// Each pair's sort key is computed once (`sort_by_cached_key`, stable): on a list of 10,000
/// the comparisons would otherwise redo the rounding a hundred thousand times over.
fn split_and_sort<F: Ord + Copy, K: Ord + Copy>(pairs: Vec<(PairAssessment, F, K)>) -> Ranking {
    let (mut allowed, mut excluded): (Vec<_>, Vec<_>) =
        pairs.into_iter().partition(|(a, _, _)| a.allowed);
    // Compare the shown (rounded) score, so the order never contradicts what is on screen.
    allowed.sort_by_cached_key(|(a, first, tie)| (*first, Reverse(a.points()), *tie));
    excluded.sort_by_cached_key(|(a, _, tie)| (a.blockers.len(), Reverse(a.points()), *tie));
    Ranking {
        allowed: allowed.into_iter().map(|(a, _, _)| a).collect(),
        excluded: excluded.into_iter().map(|(a, _, _)| a).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::{Gender, Smoking};
    use crate::matching::assess::tests::{buddy, ctx, date, participant, profile};

    #[test]
    fn participants_are_ranked_by_score_then_waiting_then_id() {
        let c = ctx();
        let b = buddy(1, profile());
        let mut weak = profile();
        weak.interests = vec![4];
        let mut waited_long = participant(3, profile());
        waited_long.waiting_since = date(2025, 9, 1);
        let mut same = participant(2, profile());
        same.waiting_since = date(2025, 9, 1);
        let mut newer = participant(4, profile());
        newer.waiting_since = date(2025, 9, 2);
        let mut smoker = profile();
        smoker.smoking = Smoking {
            smokes: true,
            accepts_smoker: true,
        };
        let mut b_refuses = b.clone();
        b_refuses.profile.smoking.accepts_smoker = false;
        let mut wrong_gender = profile();
        wrong_gender.wish_genders = [Gender::Man].into();
        wrong_gender.smoking = smoker.smoking;
        let list = vec![
            participant(9, weak),
            newer,
            waited_long,
            same,
            participant(5, smoker),
            participant(6, wrong_gender),
        ];
        let r = rank_participants_for_buddy(&b_refuses, &list, &c);
        let ids = |v: &[PairAssessment]| v.iter().map(|a| a.participant_id).collect::<Vec<_>>();
        // 2 and 3 waited the same; 4 one day less, which does not change the shown score.
        assert_eq!(ids(&r.allowed), vec![2, 3, 4, 9]);
        assert_eq!(r.allowed[0].points(), r.allowed[2].points());
        assert_eq!(ids(&r.excluded), vec![5, 6]);
        assert_eq!(r.excluded[1].blockers.len(), 2);
    }

    #[test]
    fn buddies_are_ranked_for_a_participant() {
        let c = ctx();
        let mut full = buddy(1, profile());
        full.open_duos = 1;
        let mut far = profile();
        far.municipality_id = crate::matching::assess::tests::LIER;
        far.max_travel_km = 30;
        let r = rank_buddies_for_participant(
            &participant(1, profile()),
            &[full, buddy(3, far), buddy(2, profile())],
            &c,
        );
        assert_eq!(
            r.allowed.iter().map(|a| a.buddy_id).collect::<Vec<_>>(),
            vec![2]
        );
        assert_eq!(
            r.excluded.iter().map(|a| a.buddy_id).collect::<Vec<_>>(),
            vec![1, 3]
        );
    }
}
