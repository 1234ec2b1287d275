//! Two-step sign-in: each account's TOTP secret, its recovery codes, and the pending
//! second steps of sign-ins whose password was right.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

use super::entities::{login_challenge, recovery_code, user};
use crate::error::AppError;

/// The confirmed secret, the one being set up, and the last accepted time step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Secrets {
    pub secret: Option<String>,
    pub pending: Option<String>,
    pub last_step: Option<i64>,
}

pub async fn secrets(db: &impl ConnectionTrait, user_id: i32) -> Result<Secrets, AppError> {
    Ok(user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .map(|m| Secrets {
            secret: m.totp_secret,
            pending: m.totp_pending_secret,
            last_step: m.totp_last_step,
        })
        .unwrap_or_default())
}

async fn update_user(
    db: &impl ConnectionTrait,
    user_id: i32,
    columns: Vec<(user::Column, Expr)>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut update = user::Entity::update_many()
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            user::Column::Version,
            Expr::col(user::Column::Version).add(1),
        );
    for (column, value) in columns {
        update = update.col_expr(column, value);
    }
    update.filter(user::Column::Id.eq(user_id)).exec(db).await?;
    Ok(())
}

pub async fn set_pending(
    db: &impl ConnectionTrait,
    user_id: i32,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let value = Expr::value(Some(secret.to_owned()));
    update_user(
        db,
        user_id,
        vec![(user::Column::TotpPendingSecret, value)],
        now,
    )
    .await
}

/// Makes the pending secret the account's secret and replaces all recovery codes.
pub async fn confirm(
    db: &impl ConnectionTrait,
    user_id: i32,
    secret: &str,
    step: i64,
    recovery_hashes: &[String],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    update_user(
        db,
        user_id,
        vec![
            (
                user::Column::TotpSecret,
                Expr::value(Some(secret.to_owned())),
            ),
            (user::Column::TotpPendingSecret, Expr::value(None::<String>)),
            (user::Column::TotpLastStep, Expr::value(Some(step))),
        ],
        now,
    )
    .await?;
    replace_recovery_codes(db, user_id, recovery_hashes).await
}

/// Turns two-step sign-in off and forgets the secret and the recovery codes.
pub async fn disable(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    update_user(
        db,
        user_id,
        vec![
            (user::Column::TotpSecret, Expr::value(None::<String>)),
            (user::Column::TotpPendingSecret, Expr::value(None::<String>)),
            (user::Column::TotpLastStep, Expr::value(None::<i64>)),
        ],
        now,
    )
    .await?;
    replace_recovery_codes(db, user_id, &[]).await
}

/// Remembers the step of an accepted code, unless a later one was accepted meanwhile.
/// False when another request used this step first.
pub async fn use_step(
    db: &impl ConnectionTrait,
    user_id: i32,
    step: i64,
) -> Result<bool, AppError> {
    let result = user::Entity::update_many()
        .col_expr(user::Column::TotpLastStep, Expr::value(Some(step)))
        .filter(user::Column::Id.eq(user_id))
        .filter(
            user::Column::TotpLastStep
                .is_null()
                .or(user::Column::TotpLastStep.lt(step)),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn replace_recovery_codes(
    db: &impl ConnectionTrait,
    user_id: i32,
    hashes: &[String],
) -> Result<(), AppError> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if !hashes.is_empty() {
        recovery_code::Entity::insert_many(hashes.iter().map(|hash| recovery_code::ActiveModel {
            user_id: Set(user_id),
            code_hash: Set(hash.clone()),
            used_at: Set(None),
            ..Default::default()
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Marks an unused recovery code as used; false when there is no such unused code.
pub async fn use_recovery_code(
    db: &impl ConnectionTrait,
    user_id: i32,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let result = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(Some(now)))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::CodeHash.eq(hash))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

pub async fn unused_recovery_codes(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<u64, AppError> {
    Ok(recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?)
}

pub use login_challenge::Model as Challenge;

pub async fn create_challenge(
    db: &impl ConnectionTrait,
    id_hash: &str,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    login_challenge::Entity::insert(login_challenge::ActiveModel {
        id_hash: Set(id_hash.to_owned()),
        user_id: Set(user_id),
        created_at: Set(now),
        attempts: Set(0),
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn find_challenge(
    db: &impl ConnectionTrait,
    id_hash: &str,
) -> Result<Option<Challenge>, AppError> {
    Ok(login_challenge::Entity::find_by_id(id_hash.to_owned())
        .one(db)
        .await?)
}

pub async fn count_challenge_attempt(
    db: &impl ConnectionTrait,
    id_hash: &str,
) -> Result<(), AppError> {
    login_challenge::Entity::update_many()
        .col_expr(
            login_challenge::Column::Attempts,
            Expr::col(login_challenge::Column::Attempts).add(1),
        )
        .filter(login_challenge::Column::IdHash.eq(id_hash))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn delete_challenge(db: &impl ConnectionTrait, id_hash: &str) -> Result<(), AppError> {
    login_challenge::Entity::delete_by_id(id_hash.to_owned())
        .exec(db)
        .await?;
    Ok(())
}
