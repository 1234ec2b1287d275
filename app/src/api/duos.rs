//! Duos on the match board: the board's cards, and moving a duo through its lifecycle; one
//! duo's page with its history, and its evaluation conversations.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::duo::{
    Agreement, DuoStage, EndReason, Ending, EvaluationForm, EvaluationOutcome, MoveForm,
};
use crate::domain::people::TimelineEntry;
use crate::error::AppError;
use crate::matching::{BuddyCandidate, Context, ParticipantCandidate};

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
    pub chips: Vec<crate::matching::Detail>,
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

#[server(endpoint = "get_board")]
pub async fn get_board() -> Result<Board, AppError> {
    use crate::domain::time::local_date;

    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<GetBoard>(&state).await?;
    let today = local_date(state.clock.now(), state.config.time_zone);
    crate::db::duos::board(&state.db, today).await
}

/// Moves a duo read at `version` to the stage in `form`, with that stage's data (a date, the
/// agreement, or the ending's reason and note). Two coordinators moving the same card: the
/// second gets `Conflict` and nothing of theirs is written.
#[server(endpoint = "move_duo")]
pub async fn move_duo(
    id: i32,
    version: i32,
    form: MoveForm,
    /// Where a form without JavaScript goes next (a path on this site).
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;
    use crate::domain::time::local_date;

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<MoveDuo>(&state).await?;
    let now = state.clock.now();
    let today = local_date(now, state.config.time_zone);
    let txn = state.begin().await?;
    let current = crate::db::duos::find(&txn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if current.version != version {
        return Err(AppError::Conflict);
    }
    let duo = crate::db::duos::state_of(&current)?;
    let mv = form.check(&duo, today).map_err(AppError::fields)?;
    // The admins' current plan: it counts from this signing.
    let (plan, _) = crate::db::duos::evaluation_plan(&txn).await?;
    crate::db::duos::apply_move(&txn, &current, version, &mv, plan, user.id, now).await?;
    let record = Some((crate::db::duos::KIND, id.to_string()));
    crate::audit::record(&state, &txn, Some(user.id), AuditAction::Update, record).await?;
    txn.commit().await?;
    if let Some(next) = next.filter(|n| crate::api::is_local_path(n)) {
        leptos_axum::redirect(&next);
    }
    Ok(())
}

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
    pub assessment: Option<crate::matching::PairAssessment>,
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

/// One duo with its history; reading it is a read of the participant's record (audited).
#[server(endpoint = "get_duo")]
pub async fn get_duo(id: i32) -> Result<DuoDetail, AppError> {
    use crate::domain::audit::AuditAction;
    use crate::domain::time::local_date;

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<GetDuo>(&state).await?;
    let today = local_date(state.clock.now(), state.config.time_zone);
    let detail = crate::db::duos::detail(&state.db, id, today)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = Some((
        crate::db::participants::KIND,
        detail.participant_id.to_string(),
    ));
    crate::audit::record(&state, &state.db, Some(user.id), AuditAction::Read, record).await?;
    Ok(detail)
}

/// Records the planned conversation `evaluation` of duo `id` as held, and plans the next one
/// (from the signing, with the admins' current plan). Only an active duo: otherwise a
/// problem at `duo` and nothing is written; a conversation recorded meanwhile is a conflict.
#[server(endpoint = "record_evaluation")]
pub async fn record_evaluation(
    id: i32,
    evaluation: i32,
    form: EvaluationForm,
) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;
    use crate::domain::time::local_date;
    use crate::domain::validation::Problem;

    // Refused values of a form sent without JavaScript come back in the form.
    let result: Result<(), AppError> = async {
        let state = crate::state::app_state()?;
        let user = crate::auth::policy::authorize_user::<RecordEvaluation>(&state).await?;
        let now = state.clock.now();
        let today = local_date(now, state.config.time_zone);
        let txn = state.begin().await?;
        let current = crate::db::duos::find(&txn, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let signed_on = match (
            crate::db::duos::state_of(&current)?.stage,
            current.signed_on,
        ) {
            (DuoStage::Active, Some(signed_on)) => signed_on,
            _ => return Err(AppError::validation("duo", Problem::Invalid)),
        };
        let rows = crate::db::duos::evaluations(&txn, id).await?;
        let row = rows
            .iter()
            .find(|r| r.id == evaluation)
            .ok_or(AppError::NotFound)?;
        if row.held_on.is_some() {
            return Err(AppError::Conflict);
        }
        let held: Vec<_> = rows.iter().filter_map(|r| r.held_on).collect();
        let checked = form
            .check(signed_on, &held, today)
            .map_err(AppError::fields)?;
        let (plan, _) = crate::db::duos::evaluation_plan(&txn).await?;
        crate::db::duos::record_evaluation(
            &txn, &current, evaluation, &checked, plan, user.id, now,
        )
        .await?;
        let record = Some((crate::db::duos::KIND, id.to_string()));
        crate::audit::record(&state, &txn, Some(user.id), AuditAction::Update, record).await?;
        txn.commit().await?;
        Ok(())
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::Evaluation(id), &form, result)
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

/// The planned conversations of active duos due by today plus
/// `EVALUATION_DUE_SOON_DAYS`, the earliest first.
#[server(endpoint = "evaluations_due")]
pub async fn evaluations_due() -> Result<Vec<DueEvaluation>, AppError> {
    use crate::domain::time::local_date;

    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<EvaluationsDue>(&state).await?;
    let today = local_date(state.clock.now(), state.config.time_zone);
    crate::db::duos::evaluations_due(&state.db, today).await
}
