//! Fairness over time: nobody who could have had a buddy waits far longer than people like
//! them because newcomers keep fitting a little better.
//!
//! The score alone cannot promise that: its waiting term is one weight among others, so a
//! newcomer with a better click keeps winning (measured in BENCHMARKS.md, "Fairness over
//! time"). The rule: once a participant has waited longer than `Weights::priority_factor`
//! times the programme's *usual wait* (the median wait of the people who got a buddy in the
//! past two years), they go before everyone who joined the list after them, for every buddy
//! they can be paired with; among such people, the longest wait first. Blockers still hold.

use chrono::NaiveDate;

use crate::matching::backtest::{EpisodeEnd, WaitEpisode};
use crate::matching::model::Weights;

/// Matched waits needed before the usual wait means anything.
pub const MIN_MATCHED: usize = 10;
/// How far back the matched waits count.
pub const WINDOW_DAYS: i64 = 730;

/// The usual wait in days: the median of the waits (start, day a buddy was proposed) that
/// ended in the `WINDOW_DAYS` before `today`; `None` below `MIN_MATCHED` of them.
pub fn usual_wait(
    matched: impl IntoIterator<Item = (NaiveDate, NaiveDate)>,
    today: NaiveDate,
) -> Option<u32> {
    let mut waits: Vec<i64> = matched
        .into_iter()
        .filter(|&(_, on)| on <= today && (today - on).num_days() <= WINDOW_DAYS)
        .map(|(since, on)| (on - since).num_days().max(0))
        .collect();
    if waits.len() < MIN_MATCHED {
        return None;
    }
    let middle = waits.len() / 2;
    let (_, median, _) = waits.select_nth_unstable(middle);
    Some(u32::try_from(*median).unwrap_or(u32::MAX))
}

/// The (start, day a buddy was proposed) of the stretches on the list that ended in a match.
pub fn matched_waits(episodes: &[WaitEpisode]) -> impl Iterator<Item = (NaiveDate, NaiveDate)> {
    episodes.iter().filter_map(|e| match e.end {
        Some(EpisodeEnd::Matched { on }) => Some((e.participant.waiting_since, on)),
        _ => None,
    })
}

/// Days of waiting after which a participant goes first: `None` when the rule is off or the
/// usual wait is not known.
pub fn priority_after(usual_wait: Option<u32>, weights: &Weights) -> Option<u32> {
    let factor = weights.priority_factor;
    if !(factor.is_finite() && factor > 0.0) {
        return None;
    }
    usual_wait.map(|days| {
        (factor * f64::from(days))
            .round()
            .clamp(1.0, f64::from(u32::MAX)) as u32
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::assess::tests::{buddy, ctx, date, participant, profile};
    use crate::matching::rank_participants_for_buddy;

    fn a_score(
        p: &crate::matching::ParticipantCandidate,
        b: &crate::matching::BuddyCandidate,
        c: &crate::matching::Context,
    ) -> f64 {
        crate::matching::assess_pair(p, b, c).score
    }

    fn waits(days: &[i64], ended: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
        days.iter()
            .map(|&d| (ended - chrono::Days::new(d as u64), ended))
            .collect()
    }

    #[test]
    fn the_usual_wait_is_the_median_of_recent_matches() {
        let today = date(2026, 6, 1);
        let recent = waits(
            &[10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110],
            date(2026, 1, 1),
        );
        assert_eq!(usual_wait(recent.clone(), today), Some(60));
        // Older than two years, or still to come: not counted; then too few are left.
        let mut mixed = recent[..9].to_vec();
        mixed.extend(waits(&[1000, 1000, 1000], date(2024, 5, 1)));
        mixed.push((date(2026, 5, 1), date(2026, 7, 1)));
        assert_eq!(usual_wait(mixed, today), None);
    }

    #[test]
    fn the_threshold_follows_the_factor_and_can_be_off() {
        let mut w = Weights::default();
        assert_eq!(priority_after(Some(100), &w), Some(150));
        assert_eq!(priority_after(None, &w), None);
        w.priority_factor = 0.0;
        assert_eq!(priority_after(Some(100), &w), None);
        w.priority_factor = f64::NAN;
        assert_eq!(priority_after(Some(100), &w), None);
        w.priority_factor = 0.5;
        assert_eq!(priority_after(Some(0), &w), Some(1));
    }

    #[test]
    fn a_long_wait_goes_before_a_better_click_of_a_newcomer() {
        let mut c = ctx();
        let b = buddy(1, profile());
        let mut weak = profile();
        weak.interests = vec![4];
        let mut long = participant(1, weak.clone());
        long.waiting_since = date(2025, 1, 1);
        let mut longer = participant(2, weak);
        longer.waiting_since = date(2024, 12, 1);
        let mut newcomer = participant(3, profile());
        newcomer.waiting_since = date(2026, 2, 1);
        let list = [long, newcomer, longer];
        let ids = |c: &crate::matching::Context| {
            rank_participants_for_buddy(&b, &list, c)
                .allowed
                .iter()
                .map(|a| a.participant_id)
                .collect::<Vec<_>>()
        };
        // Without the rule the better click wins.
        assert_eq!(ids(&c)[0], 3);
        // With it, both long waits go first, the longest first, whatever their score.
        c.usual_wait_days = Some(133);
        assert_eq!(c.priority_after_days(), Some(200));
        assert_eq!(ids(&c), vec![2, 1, 3]);
        let a = crate::matching::assess_pair(&list[0], &b, &c);
        assert!(a.components.iter().any(|x| matches!(
            x.detail,
            crate::matching::Detail::Waiting {
                priority_after: Some(200),
                ..
            }
        )));
        // Proposing for everyone pairs the longest wait with the one buddy too.
        let proposal = crate::matching::propose(&list, std::slice::from_ref(&b), &c);
        assert_eq!(proposal.pairs.len(), 1);
        assert_eq!(proposal.pairs[0].participant_id, 2);
        assert_eq!(proposal.pairs[0].score, a_score(&list[2], &b, &c));
        // A blocker still holds.
        let mut far = list[2].clone();
        far.profile.wish_genders = [crate::domain::profile::Gender::Man].into();
        let r = rank_participants_for_buddy(&b, &[far, list[1].clone()], &c);
        assert_eq!(r.allowed.len(), 1);
        assert_eq!(r.allowed[0].participant_id, 3);
    }
}
