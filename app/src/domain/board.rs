//! What the match board shows: the cards of waiting participants, available buddies and
//! duos. Built by `db`, sent by `api`, scored again in the browser with the same engine.

use serde::{Deserialize, Serialize};

use super::duo::{DuoStage, EndReason};
use crate::matching::{
    Blocker, BuddyCandidate, Context, Detail, ParticipantCandidate, points_and_first_blocker,
};

/// A waiting participant's card: what the coordinator sees, and what the browser scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantCard {
    pub candidate: ParticipantCandidate,
    pub municipality: String,
    pub days_waiting: u32,
}

/// An available buddy's card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuddyCard {
    pub candidate: BuddyCandidate,
    pub municipality: String,
}

/// A duo's card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuoCard {
    pub id: i32,
    pub version: i32,
    pub stage: DuoStage,
    pub participant_first_name: String,
    pub buddy_first_name: String,
    pub municipality: String,
    pub score: i32,
    /// The proposal's shared interests and shared times, for chips.
    pub chips: Vec<Detail>,
    pub proposed_on: chrono::NaiveDate,
    pub introduction_on: Option<chrono::NaiveDate>,
    pub end_reason: Option<EndReason>,
}

/// Everything the match board shows, with the engine's context so that the browser scores
/// a dragged pair with the same code as the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub waiting: Vec<ParticipantCard>,
    pub buddies: Vec<BuddyCard>,
    pub duos: Vec<DuoCard>,
    pub context: Context,
}

/// How a card fits the card picked on the other side of the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// 0..=100, also for pairs that cannot be made.
    pub points: u8,
    /// Why the pair cannot be made: the first reason (the sheet lists them all).
    pub blocker: Option<Blocker>,
    /// The participant's days waited when their long wait gives priority
    /// (`matching::priority`): they sort first, as in the ranking.
    pub priority: Option<u32>,
}

impl Fit {
    fn of(p: &ParticipantCandidate, b: &BuddyCandidate, ctx: &Context) -> Fit {
        let (points, blocker) = points_and_first_blocker(p, b, ctx);
        Fit {
            points,
            blocker,
            priority: p.priority_days(ctx),
        }
    }
}

/// Pairs that can be made first, the best score first; then those that cannot. Otherwise the
/// board's order (longest waiting first) stays: the sort is stable.
fn by_fit(mut cards: Vec<(usize, Fit)>) -> Vec<(usize, Fit)> {
    use std::cmp::Reverse;
    cards.sort_by_key(|(_, fit)| match fit.blocker {
        None => (
            false,
            fit.priority.is_none(),
            Reverse(fit.priority),
            Reverse(fit.points),
        ),
        Some(_) => (true, true, Reverse(None), Reverse(0)),
    });
    cards
}

impl Board {
    /// The waiting participants that pass `keep` (as indices into `waiting`), sorted for the
    /// buddy `buddy` picked up on the board, each with its fit: scored in the browser with
    /// the server's engine. `None` when the buddy is not on the board.
    pub fn participants_for(
        &self,
        buddy: i64,
        keep: impl Fn(&ParticipantCard) -> bool,
    ) -> Option<Vec<(usize, Fit)>> {
        let b = &self
            .buddies
            .iter()
            .find(|c| c.candidate.id == buddy)?
            .candidate;
        Some(by_fit(
            self.waiting
                .iter()
                .enumerate()
                .filter(|(_, p)| keep(p))
                .map(|(i, p)| (i, Fit::of(&p.candidate, b, &self.context)))
                .collect(),
        ))
    }

    /// The available buddies that pass `keep` (indices into `buddies`), sorted for the
    /// participant picked up.
    pub fn buddies_for(
        &self,
        participant: i64,
        keep: impl Fn(&BuddyCard) -> bool,
    ) -> Option<Vec<(usize, Fit)>> {
        let p = &self
            .waiting
            .iter()
            .find(|c| c.candidate.id == participant)?
            .candidate;
        Some(by_fit(
            self.buddies
                .iter()
                .enumerate()
                .filter(|(_, b)| keep(b))
                .map(|(i, b)| (i, Fit::of(p, &b.candidate, &self.context)))
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::AgeRange;
    use crate::matching::assess::tests::{buddy, ctx, participant, profile};

    fn board() -> Board {
        let mut far = profile();
        far.municipality_id = 20;
        far.max_travel_km = 1;
        let mut old = profile();
        old.wish_age = AgeRange {
            min: Some(70),
            max: None,
        };
        let mut no_interests = profile();
        no_interests.interests = vec![4];
        let card = |id, profile| ParticipantCard {
            candidate: participant(id, profile),
            municipality: "Mechelen".into(),
            days_waiting: 10,
        };
        Board {
            // In the board's order: 1 waits longest.
            waiting: vec![
                card(1, far),
                card(2, no_interests),
                card(3, old),
                card(4, profile()),
            ],
            buddies: vec![BuddyCard {
                candidate: buddy(9, profile()),
                municipality: "Mechelen".into(),
            }],
            duos: Vec::new(),
            context: ctx(),
        }
    }

    #[test]
    fn picking_a_buddy_puts_possible_pairs_first_by_score_with_the_reason_for_the_rest() {
        let b = board();
        let sorted = b.participants_for(9, |_| true).unwrap();
        let ids: Vec<i64> = sorted
            .iter()
            .map(|(i, _)| b.waiting[*i].candidate.id)
            .collect();
        // 4 shares every interest, 2 none; 1 lives too far and 3 wants an older buddy.
        assert_eq!(ids, [4, 2, 1, 3]);
        assert!(sorted[0].1.points > sorted[1].1.points);
        assert!(sorted[0].1.blocker.is_none() && sorted[1].1.blocker.is_none());
        assert!(
            matches!(
                sorted[2].1.blocker,
                Some(Blocker::TooFarForParticipant { .. })
            ),
            "{:?}",
            sorted[2].1
        );
        assert!(matches!(
            sorted[3].1.blocker,
            Some(Blocker::ParticipantAgeWish { .. })
        ));
        // Filters still apply, and an unknown buddy sorts nothing.
        let kept = b.participants_for(9, |c| c.candidate.id != 4).unwrap();
        assert_eq!(kept.len(), 3);
        assert!(b.participants_for(99, |_| true).is_none());
    }

    #[test]
    fn picking_a_participant_sorts_the_buddies() {
        let b = board();
        let sorted = b.buddies_for(1, |_| true).unwrap();
        assert_eq!(sorted.len(), 1);
        assert!(sorted[0].1.blocker.is_some());
        assert!(b.buddies_for(4, |_| true).unwrap()[0].1.blocker.is_none());
    }

    #[test]
    fn a_long_wait_goes_first_on_the_board_as_in_the_ranking() {
        let mut b = board();
        // 2 (no shared interest) has waited since 2024; the priority starts after 200 days.
        b.waiting[1].candidate.waiting_since = crate::matching::assess::tests::date(2024, 1, 1);
        b.context.usual_wait_days = Some(133);
        let sorted = b.participants_for(9, |_| true).unwrap();
        let ids: Vec<i64> = sorted
            .iter()
            .map(|(i, _)| b.waiting[*i].candidate.id)
            .collect();
        assert_eq!(ids, [2, 4, 1, 3]);
        assert!(sorted[0].1.points < sorted[1].1.points);
        assert_eq!(sorted[0].1.priority, Some(790));
        // A blocked long wait does not go first.
        b.waiting[0].candidate.waiting_since = crate::matching::assess::tests::date(2023, 1, 1);
        let first = b.participants_for(9, |_| true).unwrap()[0].0;
        assert_eq!(b.waiting[first].candidate.id, 2);
    }

    #[test]
    fn equal_fits_keep_the_boards_order() {
        let mut b = board();
        for c in &mut b.waiting {
            c.candidate.profile = profile();
        }
        let ids: Vec<i64> = b
            .participants_for(9, |_| true)
            .unwrap()
            .iter()
            .map(|(i, _)| b.waiting[*i].candidate.id)
            .collect();
        assert_eq!(ids, [1, 2, 3, 4]);
    }
}
