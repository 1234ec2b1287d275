//! Duos on the match board: the board's cards, and moving a duo through its lifecycle.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::duo::{DuoStage, EndReason, MoveForm};
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
    use sea_orm::TransactionTrait;

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<MoveDuo>(&state).await?;
    let now = state.clock.now();
    let today = local_date(now, state.config.time_zone);
    let txn = state.db.begin().await?;
    let current = crate::db::duos::find(&txn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if current.version != version {
        return Err(AppError::Conflict);
    }
    let duo = crate::db::duos::state_of(&current)?;
    let mv = form.check(&duo, today).map_err(AppError::fields)?;
    let plan = crate::domain::duo::EvaluationPlan::default();
    crate::db::duos::apply_move(&txn, &current, version, &mv, plan, user.id, now).await?;
    let record = Some((crate::db::duos::KIND, id.to_string()));
    crate::audit::record(&state, &txn, Some(user.id), AuditAction::Update, record).await?;
    txn.commit().await?;
    if let Some(next) = next.filter(|n| crate::api::is_local_path(n)) {
        leptos_axum::redirect(&next);
    }
    Ok(())
}
