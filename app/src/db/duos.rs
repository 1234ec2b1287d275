//! Duos in the database: open duos per buddy, pairs that must never be proposed again, and
//! the proposal that starts a duo. Each change also moves the people's statuses and writes
//! the timelines, inside the caller's transaction. Also one duo's page, and its evaluation
//! conversations.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, SqlErr};

use super::entities::{buddy, duo, evaluation, participant};
use super::timeline::record;
use crate::domain::audit::kind as subject;
use crate::domain::duo::{DuoMove, DuoStage, DuoState, EndReason, EvaluationPlan, end_effects};
use crate::domain::people::{BuddyStatus, ParticipantStatus};
use crate::error::AppError;
use crate::matching::PairAssessment;

/// Buddy id → number of duos not ended.
pub async fn open_counts(db: &impl ConnectionTrait) -> Result<BTreeMap<i32, u32>, AppError> {
    let mut counts = BTreeMap::new();
    for d in duo::Entity::find()
        .filter(duo::Column::Stage.ne(DuoStage::Ended.code()))
        .all(db)
        .await?
    {
        *counts.entry(d.buddy_id).or_insert(0) += 1;
    }
    Ok(counts)
}

/// (participant, buddy) of duos that ended with "no click": never proposed again.
pub async fn no_click_pairs(db: &impl ConnectionTrait) -> Result<BTreeSet<(i64, i64)>, AppError> {
    Ok(duo::Entity::find()
        .filter(duo::Column::EndReason.eq(EndReason::NoClick.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (i64::from(d.participant_id), i64::from(d.buddy_id)))
        .collect())
}

/// Moves a person's status as a consequence of a duo (not a coordinator's own change):
/// only from `from`, so that a concurrent change is a conflict.
#[allow(clippy::too_many_arguments)] // one person's move, with its timeline entry
async fn move_person(
    db: &impl ConnectionTrait,
    kind: &str,
    id: i32,
    from: &str,
    to: &str,
    by: i32,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let rows = if kind == subject::PARTICIPANT {
        participant::Entity::update_many()
            .col_expr(participant::Column::Status, Expr::value(to))
            .col_expr(participant::Column::UpdatedAt, Expr::value(now))
            .col_expr(
                participant::Column::Version,
                Expr::col(participant::Column::Version).add(1),
            )
            .filter(participant::Column::Id.eq(id))
            .filter(participant::Column::Status.eq(from))
            .exec(db)
            .await?
            .rows_affected
    } else {
        buddy::Entity::update_many()
            .col_expr(buddy::Column::Status, Expr::value(to))
            .col_expr(buddy::Column::UpdatedAt, Expr::value(now))
            .col_expr(
                buddy::Column::Version,
                Expr::col(buddy::Column::Version).add(1),
            )
            .filter(buddy::Column::Id.eq(id))
            .filter(buddy::Column::Status.eq(from))
            .exec(db)
            .await?
            .rows_affected
    };
    if rows != 1 {
        return Err(AppError::Conflict);
    }
    record(db, kind, id, Some(from), to, Some(by), note, now).await
}

/// Starts a duo in the proposed stage. The participant must still be waiting and the buddy
/// have a free place; otherwise `Conflict` and nothing is written.
#[allow(clippy::too_many_arguments)] // the proposal and who made it when
pub async fn propose(
    db: &impl ConnectionTrait,
    participant_id: i32,
    buddy_id: i32,
    assessment: &PairAssessment,
    by: i32,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let buddy = buddy::Entity::find_by_id(buddy_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let open = open_counts(db).await?.get(&buddy_id).copied().unwrap_or(0);
    if open >= std::cmp::max(buddy.capacity, 0) as u32 {
        return Err(AppError::Conflict);
    }
    let assessment_json = serde_json::to_string(assessment).map_err(AppError::internal)?;
    let inserted = duo::Entity::insert(duo::ActiveModel {
        participant_id: Set(participant_id),
        buddy_id: Set(buddy_id),
        stage: Set(DuoStage::Proposed.code().to_owned()),
        version: Set(0),
        score: Set(i32::from(assessment.points())),
        assessment: Set(assessment_json),
        proposed_on: Set(today),
        proposed_by: Set(Some(by)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await;
    let id = match inserted {
        Ok(r) => r.last_insert_id,
        // The participant is in another open duo already (the unique index says so).
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(AppError::Conflict);
        }
        Err(e) => return Err(e.into()),
    };
    record(
        db,
        subject::DUO,
        id,
        None,
        DuoStage::Proposed.code(),
        Some(by),
        "",
        now,
    )
    .await?;
    move_person(
        db,
        subject::PARTICIPANT,
        participant_id,
        ParticipantStatus::Waiting.code(),
        ParticipantStatus::Proposed.code(),
        by,
        "",
        now,
    )
    .await?;
    // A buddy's first duo makes them busy; the capacity check above keeps the count honest,
    // and the version bump makes two proposals for the same buddy at once conflict.
    let rows = buddy::Entity::update_many()
        .col_expr(buddy::Column::Version, Expr::value(buddy.version + 1))
        .col_expr(buddy::Column::UpdatedAt, Expr::value(now))
        .filter(buddy::Column::Id.eq(buddy_id))
        .filter(buddy::Column::Version.eq(buddy.version))
        .exec(db)
        .await?
        .rows_affected;
    if rows != 1 {
        return Err(AppError::Conflict);
    }
    if buddy.status == BuddyStatus::Available.code() {
        move_person(
            db,
            subject::BUDDY,
            buddy_id,
            BuddyStatus::Available.code(),
            BuddyStatus::InDuo.code(),
            by,
            "",
            now,
        )
        .await?;
    }
    Ok(id)
}

/// One duo's row.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<duo::Model>, AppError> {
    Ok(duo::Entity::find_by_id(id).one(db).await?)
}

/// The stage and dates the lifecycle rules look at.
pub fn state_of(m: &duo::Model) -> Result<DuoState, AppError> {
    Ok(DuoState {
        stage: super::decode("duo", "stage", &m.stage)?,
        proposed_on: m.proposed_on,
        introduction_on: m.introduction_on,
        signed_on: m.signed_on,
    })
}

/// Applies a checked move to the duo read at `version`; a stale version is a conflict and
/// nothing is written. Moves the people along and plans the first evaluation on signing.
#[allow(clippy::too_many_arguments)] // the move and who made it when
pub async fn apply_move(
    db: &impl ConnectionTrait,
    current: &duo::Model,
    version: i32,
    mv: &DuoMove,
    plan: EvaluationPlan,
    by: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if current.version != version {
        return Err(AppError::Conflict);
    }
    let from = state_of(current)?.stage;
    let to = mv.target();
    let mut update = duo::Entity::update_many()
        .col_expr(duo::Column::Stage, Expr::value(to.code()))
        .col_expr(duo::Column::Version, Expr::value(version + 1))
        .col_expr(duo::Column::UpdatedAt, Expr::value(now));
    let note = match mv {
        DuoMove::Introduce { introduction_on } => {
            update = update.col_expr(duo::Column::IntroductionOn, Expr::value(*introduction_on));
            String::new()
        }
        DuoMove::Sign(agreement) => {
            let json = serde_json::to_string(agreement).map_err(AppError::internal)?;
            update = update
                .col_expr(duo::Column::Agreement, Expr::value(json))
                .col_expr(duo::Column::SignedOn, Expr::value(agreement.signed_on))
                .col_expr(
                    duo::Column::ParticipantYesOn,
                    Expr::value(agreement.participant_yes_on),
                )
                .col_expr(duo::Column::BuddyYesOn, Expr::value(agreement.buddy_yes_on));
            String::new()
        }
        DuoMove::End(ending) => {
            update = update
                .col_expr(duo::Column::EndedOn, Expr::value(ending.ended_on))
                .col_expr(duo::Column::EndReason, Expr::value(ending.reason.code()))
                .col_expr(duo::Column::EndNote, Expr::value(ending.note.clone()));
            ending.note.clone()
        }
    };
    let rows = update
        .filter(duo::Column::Id.eq(current.id))
        .filter(duo::Column::Version.eq(version))
        .exec(db)
        .await?
        .rows_affected;
    if rows != 1 {
        return Err(AppError::Conflict);
    }
    record(
        db,
        subject::DUO,
        current.id,
        Some(from.code()),
        to.code(),
        Some(by),
        &note,
        now,
    )
    .await?;

    let participant = current.participant_id;
    let pkind = subject::PARTICIPANT;
    match mv {
        DuoMove::Introduce { .. } => {}
        DuoMove::Sign(agreement) => {
            move_person(
                db,
                pkind,
                participant,
                ParticipantStatus::Proposed.code(),
                ParticipantStatus::InDuo.code(),
                by,
                "",
                now,
            )
            .await?;
            if let Some(due_on) = plan.planned(agreement.signed_on, 0) {
                evaluation::Entity::insert(evaluation::ActiveModel {
                    duo_id: Set(current.id),
                    due_on: Set(due_on),
                    notes: Set(String::new()),
                    ..Default::default()
                })
                .exec(db)
                .await?;
            }
        }
        DuoMove::End(ending) => {
            let effects = end_effects(from, ending.reason);
            let was = if from == DuoStage::Active {
                ParticipantStatus::InDuo
            } else {
                ParticipantStatus::Proposed
            };
            // Back on the waiting list keeps the original waiting date (it is not touched).
            let next = if effects.participant_back_to_waiting {
                ParticipantStatus::Waiting
            } else {
                ParticipantStatus::Closed
            };
            move_person(
                db,
                pkind,
                participant,
                was.code(),
                next.code(),
                by,
                ending.reason.code(),
                now,
            )
            .await?;
            // A buddy without open duos is available again.
            let open = open_counts(db)
                .await?
                .get(&current.buddy_id)
                .copied()
                .unwrap_or(0);
            if open == 0 {
                let freed = buddy::Entity::update_many()
                    .col_expr(
                        buddy::Column::Status,
                        Expr::value(BuddyStatus::Available.code()),
                    )
                    .col_expr(buddy::Column::UpdatedAt, Expr::value(now))
                    .col_expr(
                        buddy::Column::Version,
                        Expr::col(buddy::Column::Version).add(1),
                    )
                    .filter(buddy::Column::Id.eq(current.buddy_id))
                    .filter(buddy::Column::Status.eq(BuddyStatus::InDuo.code()))
                    .exec(db)
                    .await?
                    .rows_affected;
                if freed == 1 {
                    record(
                        db,
                        subject::BUDDY,
                        current.buddy_id,
                        Some(BuddyStatus::InDuo.code()),
                        BuddyStatus::Available.code(),
                        Some(by),
                        "",
                        now,
                    )
                    .await?;
                }
            }
        }
    }
    Ok(())
}

/// Ended duos stay on the board (collapsed) this many days.
const ENDED_SHOWN_DAYS: u64 = 90;

/// The match board: waiting participants, available buddies, open and recently ended duos.
pub async fn board(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<crate::domain::board::Board, AppError> {
    use crate::domain::board::{Board, BuddyCard, DuoCard, ParticipantCard};
    use crate::matching::{Detail, PairAssessment};
    use sea_orm::QueryOrder;
    use std::collections::HashMap;

    let context = super::matching::context(db, today).await?;
    let place = |id: i64| {
        context
            .municipalities
            .get(&id)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    };
    let waiting = super::matching::waiting(db)
        .await?
        .into_iter()
        .map(|(c, _)| ParticipantCard {
            municipality: place(c.profile.municipality_id),
            days_waiting: c.days_waited(today),
            candidate: c,
        })
        .collect();
    let buddies = super::matching::available_buddies(db)
        .await?
        .into_iter()
        .map(|(c, _)| BuddyCard {
            municipality: place(c.profile.municipality_id),
            candidate: c,
        })
        .collect();
    let since = today - chrono::Days::new(ENDED_SHOWN_DAYS);
    let rows = duo::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(duo::Column::Stage.ne(DuoStage::Ended.code()))
                .add(duo::Column::EndedOn.gte(since)),
        )
        .order_by_asc(duo::Column::Id)
        .all(db)
        .await?;
    let participant_ids: Vec<i32> = rows.iter().map(|d| d.participant_id).collect();
    let buddy_ids: Vec<i32> = rows.iter().map(|d| d.buddy_id).collect();
    let participants: HashMap<i32, participant::Model> = participant::Entity::find()
        .filter(participant::Column::Id.is_in(participant_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let buddy_names: HashMap<i32, String> = buddy::Entity::find()
        .filter(buddy::Column::Id.is_in(buddy_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.first_name))
        .collect();
    let mut duos = Vec::with_capacity(rows.len());
    for d in rows {
        let Some(p) = participants.get(&d.participant_id) else {
            continue;
        };
        let assessment: Option<PairAssessment> = serde_json::from_str(&d.assessment).ok();
        let chips = assessment
            .map(|a| {
                a.components
                    .into_iter()
                    .map(|c| c.detail)
                    .filter(|detail| {
                        matches!(detail, Detail::SharedInterests { names } if !names.is_empty())
                            || matches!(detail, Detail::SharedSlots { slots } if !slots.is_empty())
                    })
                    .collect()
            })
            .unwrap_or_default();
        duos.push(DuoCard {
            id: d.id,
            version: d.version,
            stage: super::decode("duo", "stage", &d.stage)?,
            participant_first_name: p.first_name.clone(),
            buddy_first_name: buddy_names.get(&d.buddy_id).cloned().unwrap_or_default(),
            municipality: place(i64::from(p.municipality_id)),
            score: d.score,
            chips,
            proposed_on: d.proposed_on,
            introduction_on: d.introduction_on,
            end_reason: super::decode_opt("duo", "end_reason", d.end_reason.as_deref())?,
        });
    }
    Ok(Board {
        waiting,
        buddies,
        duos,
        context,
    })
}

/// The admins' evaluation plan and its setting's version (none while never saved). A stored
/// value that no longer reads or checks falls back to the default, so signing never fails
/// on it.
pub async fn evaluation_plan(
    db: &impl ConnectionTrait,
) -> Result<(EvaluationPlan, Option<i32>), AppError> {
    use super::settings::{EVALUATION_PLAN, get};
    Ok(match get(db, EVALUATION_PLAN).await? {
        Some(s) => {
            let plan = serde_json::from_str::<EvaluationPlan>(&s.value)
                .ok()
                .and_then(|p| p.check().ok())
                .unwrap_or_else(|| {
                    tracing::warn!("stored evaluation plan unreadable; using the default");
                    EvaluationPlan::default()
                });
            (plan, Some(s.version))
        }
        None => (EvaluationPlan::default(), None),
    })
}

/// A duo's evaluation rows, by due date.
pub async fn evaluations(
    db: &impl ConnectionTrait,
    duo_id: i32,
) -> Result<Vec<evaluation::Model>, AppError> {
    use sea_orm::QueryOrder;
    Ok(evaluation::Entity::find()
        .filter(evaluation::Column::DuoId.eq(duo_id))
        .order_by_asc(evaluation::Column::DueOn)
        .order_by_asc(evaluation::Column::Id)
        .all(db)
        .await?)
}

/// One duo with its people's first names, the agreement, the ending, the evaluations and the
/// stage changes.
pub async fn detail(
    db: &impl ConnectionTrait,
    id: i32,
    today: NaiveDate,
) -> Result<Option<crate::domain::duo_view::DuoDetail>, AppError> {
    use crate::domain::duo::{Agreement, Ending};
    use crate::domain::duo_view::{DuoDetail, EvaluationEntry};

    let Some(d) = find(db, id).await? else {
        return Ok(None);
    };
    let stage = state_of(&d)?.stage;
    let participant = participant::Entity::find_by_id(d.participant_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::internal("duo without its participant"))?;
    let buddy = buddy::Entity::find_by_id(d.buddy_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::internal("duo without its buddy"))?;
    // Stored by this code; a row that no longer reads loses its details, not the page.
    let assessment = serde_json::from_str::<PairAssessment>(&d.assessment).ok();
    let agreement = d
        .agreement
        .as_deref()
        .and_then(|json| serde_json::from_str::<Agreement>(json).ok());
    let ending = match (
        d.ended_on,
        super::decode_opt::<EndReason>("duo", "end_reason", d.end_reason.as_deref())?,
    ) {
        (Some(ended_on), Some(reason)) => Some(Ending {
            reason,
            note: d.end_note.clone().unwrap_or_default(),
            ended_on,
        }),
        _ => None,
    };
    let rows = evaluations(db, id).await?;
    let names = user_names(db, rows.iter().filter_map(|r| r.recorded_by)).await?;
    let evaluations = rows
        .into_iter()
        .map(|r| {
            Ok(EvaluationEntry {
                id: r.id,
                due_on: r.due_on,
                held_on: r.held_on,
                outcome: super::decode_opt("evaluation", "outcome", r.outcome.as_deref())?,
                notes: r.notes,
                recorded_by: r.recorded_by.and_then(|u| names.get(&u).cloned()),
            })
        })
        .collect::<Result<_, AppError>>()?;
    let timeline = super::timeline::list(db, subject::DUO, id).await?;
    let proposed_by = match d.proposed_by {
        Some(u) => user_names(db, [u]).await?.remove(&u),
        None => None,
    };
    Ok(Some(DuoDetail {
        id: d.id,
        version: d.version,
        stage,
        participant_id: d.participant_id,
        participant_first_name: participant.first_name,
        buddy_id: d.buddy_id,
        buddy_first_name: buddy.first_name,
        score: d.score,
        assessment,
        proposed_on: d.proposed_on,
        proposed_by,
        introduction_on: d.introduction_on,
        agreement,
        ending,
        evaluations,
        timeline,
        today,
    }))
}

/// Display names of users by id.
async fn user_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<BTreeMap<i32, String>, AppError> {
    use super::entities::user;
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

/// Records the planned conversation `evaluation_id` of the active duo `current` as held, and
/// plans the next one unless one is still planned. The caller checked `held` against the
/// duo's other conversations. A conversation recorded, or a duo moved, meanwhile is a
/// conflict and nothing is written.
#[allow(clippy::too_many_arguments)] // the conversation and who recorded it when
pub async fn record_evaluation(
    db: &impl ConnectionTrait,
    current: &duo::Model,
    evaluation_id: i32,
    held: &crate::domain::duo::HeldEvaluation,
    plan: EvaluationPlan,
    by: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let signed_on = current
        .signed_on
        .ok_or_else(|| AppError::internal("active duo without its signing date"))?;
    // Touching the duo only while it is still active locks its row, so an ending saved at
    // the same moment waits for this or makes this a conflict.
    let still_active = duo::Entity::update_many()
        .col_expr(duo::Column::UpdatedAt, Expr::value(now))
        .filter(duo::Column::Id.eq(current.id))
        .filter(duo::Column::Stage.eq(DuoStage::Active.code()))
        .exec(db)
        .await?
        .rows_affected;
    if still_active != 1 {
        return Err(AppError::Conflict);
    }
    let rows = evaluation::Entity::update_many()
        .col_expr(evaluation::Column::HeldOn, Expr::value(held.held_on))
        .col_expr(
            evaluation::Column::Outcome,
            Expr::value(held.outcome.code()),
        )
        .col_expr(evaluation::Column::Notes, Expr::value(held.notes.clone()))
        .col_expr(evaluation::Column::RecordedBy, Expr::value(by))
        .col_expr(evaluation::Column::RecordedAt, Expr::value(now))
        .filter(evaluation::Column::Id.eq(evaluation_id))
        .filter(evaluation::Column::DuoId.eq(current.id))
        .filter(evaluation::Column::HeldOn.is_null())
        .exec(db)
        .await?
        .rows_affected;
    if rows != 1 {
        return Err(AppError::Conflict);
    }
    let all = evaluations(db, current.id).await?;
    if all.iter().any(|r| r.held_on.is_none()) {
        return Ok(());
    }
    let done: Vec<NaiveDate> = all.iter().filter_map(|r| r.held_on).collect();
    // The n-th conversation held covers the n-th planned date, so a late one does not
    // shift the rest of the plan.
    if let Some(due_on) = plan.next_due(signed_on, &done) {
        evaluation::Entity::insert(evaluation::ActiveModel {
            duo_id: Set(current.id),
            due_on: Set(due_on),
            notes: Set(String::new()),
            ..Default::default()
        })
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Planned conversations of active duos due by today plus `EVALUATION_DUE_SOON_DAYS`, the
/// earliest first.
pub async fn evaluations_due(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<Vec<crate::domain::duo_view::DueEvaluation>, AppError> {
    use crate::domain::duo::EVALUATION_DUE_SOON_DAYS;
    use crate::domain::duo_view::DueEvaluation;
    use sea_orm::QueryOrder;
    use std::collections::HashMap;

    let until = today + chrono::Days::new(EVALUATION_DUE_SOON_DAYS);
    let planned = evaluation::Entity::find()
        .filter(evaluation::Column::HeldOn.is_null())
        .filter(evaluation::Column::DueOn.lte(until))
        .order_by_asc(evaluation::Column::DueOn)
        .order_by_asc(evaluation::Column::Id)
        .all(db)
        .await?;
    if planned.is_empty() {
        return Ok(Vec::new());
    }
    let duos: HashMap<i32, duo::Model> = duo::Entity::find()
        .filter(duo::Column::Id.is_in(planned.iter().map(|e| e.duo_id)))
        .filter(duo::Column::Stage.eq(DuoStage::Active.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let names = first_names(db, &duos.values().cloned().collect::<Vec<_>>()).await?;
    Ok(planned
        .into_iter()
        .filter_map(|e| {
            let d = duos.get(&e.duo_id)?;
            let (participant_first_name, buddy_first_name) =
                names.get(&d.id).cloned().unwrap_or_default();
            Some(DueEvaluation {
                duo_id: d.id,
                due_on: e.due_on,
                late: e.due_on < today,
                participant_first_name,
                buddy_first_name,
            })
        })
        .collect())
}

/// The participant's and the buddy's first names of each duo, by duo id.
pub async fn first_names(
    db: &impl ConnectionTrait,
    duos: &[duo::Model],
) -> Result<std::collections::HashMap<i32, (String, String)>, AppError> {
    use std::collections::HashMap;

    if duos.is_empty() {
        return Ok(HashMap::new());
    }
    let participants: HashMap<i32, String> = participant::Entity::find()
        .filter(participant::Column::Id.is_in(duos.iter().map(|d| d.participant_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.first_name))
        .collect();
    let buddies: HashMap<i32, String> = buddy::Entity::find()
        .filter(buddy::Column::Id.is_in(duos.iter().map(|d| d.buddy_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.first_name))
        .collect();
    Ok(duos
        .iter()
        .map(|d| {
            let name = |m: &HashMap<i32, String>, id| m.get(&id).cloned().unwrap_or_default();
            (
                d.id,
                (
                    name(&participants, d.participant_id),
                    name(&buddies, d.buddy_id),
                ),
            )
        })
        .collect())
}

/// A buddy's duos that have not ended, oldest first.
pub async fn of_buddy(
    db: &impl ConnectionTrait,
    buddy_id: i32,
) -> Result<Vec<duo::Model>, AppError> {
    use sea_orm::QueryOrder;

    Ok(duo::Entity::find()
        .filter(duo::Column::BuddyId.eq(buddy_id))
        .filter(duo::Column::Stage.ne(DuoStage::Ended.code()))
        .order_by_asc(duo::Column::Id)
        .all(db)
        .await?)
}

/// The ids of the duos that have not ended of the buddy linked to account `user_id`, as a
/// subquery: one statement answers "is this the signed-in buddy's own open duo?".
pub fn open_of_user(user_id: i32) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::Query;

    Query::select()
        .column(duo::Column::Id)
        .from(duo::Entity)
        .and_where(duo::Column::Stage.ne(DuoStage::Ended.code()))
        .and_where(
            duo::Column::BuddyId.in_subquery(
                Query::select()
                    .column(buddy::Column::Id)
                    .from(buddy::Entity)
                    .and_where(buddy::Column::UserId.eq(user_id))
                    .to_owned(),
            ),
        )
        .to_owned()
}

/// Duo `id` if it is an open duo of the buddy linked to account `user_id`.
pub async fn find_open_of_user(
    db: &impl ConnectionTrait,
    id: i32,
    user_id: i32,
) -> Result<Option<duo::Model>, AppError> {
    Ok(duo::Entity::find_by_id(id)
        .filter(duo::Column::Id.in_subquery(open_of_user(user_id)))
        .one(db)
        .await?)
}
