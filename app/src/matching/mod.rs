//! The matching engine: pure scoring, explanation, ranking, optimal assignment and the
//! wait-time estimate. No I/O and no `ssr`-only code: the browser runs it unchanged.
//!
//! Build `ParticipantCandidate`s and `BuddyCandidate`s from profiles (`MatchProfile::from`),
//! put the lookup lists and weights in a `Context`, then:
//! - `assess_pair`: blockers, score and components of one pair;
//! - `rank_participants_for_buddy` / `rank_buddies_for_participant`: ordered lists;
//! - `propose`: the pairs with the highest total score for everyone at once;
//! - `max_weight_matching`: the same solver on a plain score matrix;
//! - `estimate_waits`: when a buddy may come, simulated from the programme's history.
//! - `backtest`: how often that estimate held, replayed month by month on the history;
//! - `priority`: when a long wait goes before a better click (fairness over time).
//!
//! Explanations are data (`Blocker`, `Detail`, `Limit`, ...); `crate::i18n::explain` words them.

pub mod assess;
pub mod assign;
pub mod backtest;
pub mod estimate;
pub mod geo;
pub mod model;
pub mod priority;
#[cfg(test)]
mod proptests;
pub mod rank;
mod rng;
pub mod stones;

pub use assess::{
    Blocker, Component, ComponentKind, Detail, PairAssessment, assess_pair,
    points_and_first_blocker,
};
pub use assign::{
    Proposal, ProposedPair, UnpairedParticipant, UnpairedReason, UnusedBuddy,
    max_weight_assignment, max_weight_matching, propose,
};
pub use estimate::{
    DAYS_PER_MONTH, Estimate, EstimateSettings, HistoricalBuddy, HistoryBasis, Limit, LimitShare,
    ParticipantEstimate, Wait, estimate_waits,
};
pub use geo::distance_km;
pub use model::{
    BuddyCandidate, Context, MAX_WEIGHT, MatchProfile, ParticipantCandidate, Weights, WeightsForm,
};
pub use rank::{Ranking, rank_buddies_for_participant, rank_participants_for_buddy};
pub use stones::{Reason, SuggestFor, Suggestion, suggest};
