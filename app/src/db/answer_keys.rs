//! The keys of the buddy's applied answers (see `domain::activity::AnswerKey`): an answer
//! whose key is here was applied already, and is not applied again.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::entities::answer_key::{self, Column, Entity};
use crate::error::AppError;

/// How long a key is kept: far longer than any retry waits.
pub const KEEP: Duration = Duration::days(7);

/// The activity that the answer with this key made or changed, if it was applied (by this
/// user).
pub async fn applied(
    db: &impl ConnectionTrait,
    key: &str,
    user_id: i32,
) -> Result<Option<i32>, AppError> {
    Ok(Entity::find_by_id(key.to_owned())
        .filter(Column::UserId.eq(user_id))
        .one(db)
        .await?
        .map(|row| row.activity_id))
}

/// Records the key, in the transaction of the answer itself; `false` when another request
/// with the same key got there first (then the caller rolls its change back).
pub async fn record(
    db: &impl ConnectionTrait,
    key: &str,
    user_id: i32,
    activity_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let row = answer_key::ActiveModel {
        key: Set(key.to_owned()),
        user_id: Set(user_id),
        activity_id: Set(activity_id),
        created_at: Set(now),
    };
    super::insert_once(db, row, Column::Key).await
}

/// Forgets the keys older than [`KEEP`]; how many.
pub async fn sweep(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, AppError> {
    Ok(Entity::delete_many()
        .filter(Column::CreatedAt.lt(now - KEEP))
        .exec(db)
        .await?
        .rows_affected)
}
