//! What the match board shows: the cards of waiting participants, available buddies and
//! duos. Built by `db`, sent by `api`, scored again in the browser with the same engine.

use serde::{Deserialize, Serialize};

use super::duo::{DuoStage, EndReason};
use crate::matching::{BuddyCandidate, Context, Detail, ParticipantCandidate};

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
