//! Duos in the database: open duos per buddy, pairs that must never be proposed again, and
//! the proposal that starts a duo. Each change also moves the people's statuses and writes
//! the timelines, inside the caller's transaction.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, SqlErr};

use super::entities::{buddy, duo, participant};
use super::timeline::record;
use crate::domain::people::{BuddyStatus, ParticipantStatus};
use crate::error::AppError;
use crate::matching::PairAssessment;

/// Subject kind of duos in the timeline and the audit log.
pub const KIND: &str = "duo";
pub const STAGE_PROPOSED: &str = "proposed";
pub const STAGE_ENDED: &str = "ended";
pub const END_NO_CLICK: &str = "no_click";

/// Buddy id → number of duos not ended.
pub async fn open_counts(db: &impl ConnectionTrait) -> Result<BTreeMap<i32, u32>, AppError> {
    let mut counts = BTreeMap::new();
    for d in duo::Entity::find()
        .filter(duo::Column::Stage.ne(STAGE_ENDED))
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
        .filter(duo::Column::EndReason.eq(END_NO_CLICK))
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
    let rows = if kind == super::participants::KIND {
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
        stage: Set(STAGE_PROPOSED.to_owned()),
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
    record(db, KIND, id, None, STAGE_PROPOSED, Some(by), "", now).await?;
    move_person(
        db,
        super::participants::KIND,
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
            super::buddies::KIND,
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
