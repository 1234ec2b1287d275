//! Invitations: single-use links, stored by the hash of their token, with which an invited
//! person chooses their password.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::entities::{invitation, user};
use super::users::{User, from_model};
use crate::error::AppError;

pub use invitation::Model as Invitation;

/// Stores a new invitation for `user_id`; links sent earlier to the same person stop working.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: i32,
    token_hash: &str,
    invited_by: Option<i32>,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), AppError> {
    invitation::Entity::delete_many()
        .filter(invitation::Column::UserId.eq(user_id))
        .filter(invitation::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    invitation::Entity::insert(invitation::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(token_hash.to_owned()),
        invited_by: Set(invited_by),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

/// The unused, unexpired invitation with this token hash and the account it is for.
pub async fn find_open(
    db: &impl ConnectionTrait,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Invitation, User)>, AppError> {
    let Some(found) = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(token_hash))
        .filter(invitation::Column::UsedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(account) = user::Entity::find_by_id(found.user_id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some((found, from_model(account)?)))
}

/// Marks the invitation used; false when another request used it first.
pub async fn mark_used(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let result = invitation::Entity::update_many()
        .col_expr(invitation::Column::UsedAt, Expr::value(Some(now)))
        .filter(invitation::Column::Id.eq(id))
        .filter(invitation::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The latest invitation of each account that has none used yet: when it expires.
pub async fn open_until(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Option<DateTime<Utc>>, AppError> {
    Ok(invitation::Entity::find()
        .filter(invitation::Column::UserId.eq(user_id))
        .filter(invitation::Column::UsedAt.is_null())
        .one(db)
        .await?
        .map(|i| i.expires_at))
}
