//! Duos on the match board: the board's cards, and moving a duo through its lifecycle; one
//! duo's page with its history, and its evaluation conversations.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::duo::{EvaluationForm, MoveForm};
use crate::error::AppError;

// The read models live in `domain` (db builds them); these paths keep working.
pub use crate::domain::board::{Board, BuddyCard, DuoCard, ParticipantCard};
pub use crate::domain::duo_view::{DueEvaluation, DuoDetail, EvaluationEntry};

#[server(endpoint = "get_board")]
pub async fn get_board() -> Result<Board, AppError> {
    let cx = Ctx::authorize::<GetBoard>().await?;
    crate::db::duos::board(&cx.state.db, cx.today).await
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
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<MoveDuo>().await?;
    let txn = cx.begin().await?;
    let current = crate::db::duos::find(&txn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if current.version != version {
        return Err(AppError::Conflict);
    }
    let duo = crate::db::duos::state_of(&current)?;
    let mv = form.check(&duo, cx.today).map_err(AppError::fields)?;
    // The admins' current plan: it counts from this signing.
    let (plan, _) = crate::db::duos::evaluation_plan(&txn).await?;
    crate::db::duos::apply_move(&txn, &current, version, &mv, plan, cx.user.id, cx.now).await?;
    cx.audit(&txn, AuditAction::Update, Record::new(RecordKind::Duo, id))
        .await?;
    txn.commit().await?;
    if let Some(next) = next.filter(|n| crate::api::is_local_path(n)) {
        leptos_axum::redirect(&next);
    }
    Ok(())
}

/// One duo with its history; reading it is a read of the participant's record (audited).
#[server(endpoint = "get_duo")]
pub async fn get_duo(id: i32) -> Result<DuoDetail, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<GetDuo>().await?;
    let db = &cx.state.db;
    let detail = crate::db::duos::detail(db, id, cx.today)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = Record::new(RecordKind::Participant, detail.participant_id);
    cx.audit(db, AuditAction::Read, record).await?;
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
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::duo::DuoStage;
    use crate::domain::validation::Problem;

    // Refused values of a form sent without JavaScript come back in the form.
    let result: Result<(), AppError> = async {
        let cx = Ctx::authorize::<RecordEvaluation>().await?;
        let txn = cx.begin().await?;
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
            .check(signed_on, &held, cx.today)
            .map_err(AppError::fields)?;
        let (plan, _) = crate::db::duos::evaluation_plan(&txn).await?;
        crate::db::duos::record_evaluation(
            &txn, &current, evaluation, &checked, plan, cx.user.id, cx.now,
        )
        .await?;
        cx.audit(&txn, AuditAction::Update, Record::new(RecordKind::Duo, id))
            .await?;
        txn.commit().await?;
        Ok(())
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::Evaluation(id), &form, result).await
}

/// The planned conversations of active duos due by today plus
/// `EVALUATION_DUE_SOON_DAYS`, the earliest first.
#[server(endpoint = "evaluations_due")]
pub async fn evaluations_due() -> Result<Vec<DueEvaluation>, AppError> {
    let cx = Ctx::authorize::<EvaluationsDue>().await?;
    crate::db::duos::evaluations_due(&cx.state.db, cx.today).await
}
