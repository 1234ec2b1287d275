//! What a coordinator reads of duos: one duo's page with its history, and the evaluation
//! conversations that fall due. Built by `db`, sent by `api`.

use serde::{Deserialize, Serialize};

use super::duo::{Agreement, DuoStage, Ending, EvaluationOutcome};
use super::people::TimelineEntry;
use crate::matching::PairAssessment;

/// One evaluation conversation: planned (due by `due_on`) or held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationEntry {
    pub id: i32,
    pub due_on: chrono::NaiveDate,
    pub held_on: Option<chrono::NaiveDate>,
    pub outcome: Option<EvaluationOutcome>,
    pub notes: String,
    pub recorded_by: Option<String>,
}

/// Everything a coordinator sees of one duo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuoDetail {
    pub id: i32,
    pub version: i32,
    pub stage: DuoStage,
    pub participant_id: i32,
    pub participant_first_name: String,
    pub buddy_id: i32,
    pub buddy_first_name: String,
    pub score: i32,
    /// The score's reasons when the pair was proposed; none if the stored text no longer
    /// reads (the score itself stays).
    pub assessment: Option<PairAssessment>,
    pub proposed_on: chrono::NaiveDate,
    pub proposed_by: Option<String>,
    pub introduction_on: Option<chrono::NaiveDate>,
    pub agreement: Option<Agreement>,
    pub ending: Option<Ending>,
    /// Oldest first; planned ones after the held ones.
    pub evaluations: Vec<EvaluationEntry>,
    /// The stage changes, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Today in the programme's time zone (the browser's clock is not asked).
    pub today: chrono::NaiveDate,
}

impl DuoDetail {
    /// The planned conversation a coordinator records next: only an active duo has one.
    pub fn next_evaluation(&self) -> Option<&EvaluationEntry> {
        (self.stage == DuoStage::Active)
            .then(|| self.evaluations.iter().find(|e| e.held_on.is_none()))
            .flatten()
    }
}

/// A planned evaluation conversation that falls due soon or is late.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueEvaluation {
    pub duo_id: i32,
    pub due_on: chrono::NaiveDate,
    pub late: bool,
    pub participant_first_name: String,
    pub buddy_first_name: String,
}
