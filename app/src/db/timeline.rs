//! The timeline of status changes of participants, buddies and (later) duos.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::{status_change, user};
use crate::domain::people::TimelineEntry;
use crate::error::AppError;

/// Records a status change in the person's timeline.
#[allow(clippy::too_many_arguments)] // one row of the timeline, column by column
pub async fn record(
    db: &impl ConnectionTrait,
    kind: &str,
    id: i32,
    from: Option<&str>,
    to: &str,
    by: Option<i32>,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    record_closing(db, kind, id, from, to, by, note, None, now).await
}

/// Records a status change with the coded reason a closing asks for (`LeaveReason`).
#[allow(clippy::too_many_arguments)] // one row of the timeline, column by column
pub async fn record_closing(
    db: &impl ConnectionTrait,
    kind: &str,
    id: i32,
    from: Option<&str>,
    to: &str,
    by: Option<i32>,
    note: &str,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    status_change::Entity::insert(status_change::ActiveModel {
        subject_kind: Set(kind.into()),
        subject_id: Set(id),
        from_status: Set(from.map(str::to_owned)),
        to_status: Set(to.into()),
        at: Set(now),
        by_user: Set(by),
        note: Set(note.chars().take(500).collect()),
        reason: Set(reason.map(str::to_owned)),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Status changes of one person, oldest first, with who made them.
pub async fn list(
    db: &impl ConnectionTrait,
    kind: &str,
    id: i32,
) -> Result<Vec<TimelineEntry>, AppError> {
    let changes = status_change::Entity::find()
        .filter(status_change::Column::SubjectKind.eq(kind))
        .filter(status_change::Column::SubjectId.eq(id))
        .order_by_asc(status_change::Column::Id)
        .all(db)
        .await?;
    let users: std::collections::HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(changes.iter().filter_map(|c| c.by_user)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    Ok(changes
        .into_iter()
        .map(|c| TimelineEntry {
            at: c.at,
            by: c.by_user.and_then(|u| users.get(&u).cloned()),
            from: c.from_status,
            to: c.to_status,
            note: c.note,
            reason: c.reason,
        })
        .collect())
}
