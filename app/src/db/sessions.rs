//! Sign-in sessions, stored by the hash of their token.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::{session, user};
use super::users::{User, from_model};
use crate::error::AppError;

pub use session::Model as Session;

pub async fn create(
    db: &impl ConnectionTrait,
    id_hash: &str,
    user_id: i32,
    device: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    session::Entity::insert(session::ActiveModel {
        id_hash: Set(id_hash.to_owned()),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        device: Set(device.chars().take(120).collect()),
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn find_with_user(
    db: &impl ConnectionTrait,
    id_hash: &str,
) -> Result<Option<(Session, User)>, AppError> {
    let Some((session, Some(user))) = session::Entity::find_by_id(id_hash.to_owned())
        .find_also_related(user::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some((session, from_model(user)?)))
}

pub async fn touch(
    db: &impl ConnectionTrait,
    id_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    session::Entity::update_many()
        .col_expr(session::Column::LastSeenAt, Expr::value(now))
        .filter(session::Column::IdHash.eq(id_hash))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn delete(db: &impl ConnectionTrait, id_hash: &str) -> Result<(), AppError> {
    session::Entity::delete_by_id(id_hash.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a user (disabled account, "sign out everywhere").
pub async fn delete_for_user(db: &impl ConnectionTrait, user_id: i32) -> Result<u64, AppError> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected)
}

pub async fn list_for_user(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Vec<Session>, AppError> {
    Ok(session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .order_by_desc(session::Column::LastSeenAt)
        .all(db)
        .await?)
}
