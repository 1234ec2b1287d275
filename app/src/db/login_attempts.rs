//! Sign-in attempts, for slowing down password guessing.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

use super::entities::login_attempt::{self, Column, Entity};
use crate::error::AppError;

pub async fn record(
    db: &impl ConnectionTrait,
    email_hash: &str,
    ip: &str,
    success: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    Entity::insert(login_attempt::ActiveModel {
        at: Set(now),
        email_hash: Set(email_hash.to_owned()),
        ip: Set(ip.chars().take(45).collect()),
        success: Set(success),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn failures_for_account(
    db: &impl ConnectionTrait,
    email_hash: &str,
    since: DateTime<Utc>,
) -> Result<u64, AppError> {
    Ok(Entity::find()
        .filter(Column::EmailHash.eq(email_hash))
        .filter(Column::Success.eq(false))
        .filter(Column::At.gt(since))
        .count(db)
        .await?)
}

pub async fn failures_for_ip(
    db: &impl ConnectionTrait,
    ip: &str,
    since: DateTime<Utc>,
) -> Result<u64, AppError> {
    Ok(Entity::find()
        .filter(Column::Ip.eq(ip))
        .filter(Column::Success.eq(false))
        .filter(Column::At.gt(since))
        .count(db)
        .await?)
}

/// Attempts of one kind (`key`, in place of an address hash) from one network address.
pub async fn count_for_key_and_ip(
    db: &impl ConnectionTrait,
    key: &str,
    ip: &str,
    since: DateTime<Utc>,
) -> Result<u64, AppError> {
    Ok(Entity::find()
        .filter(Column::EmailHash.eq(key))
        .filter(Column::Ip.eq(ip))
        .filter(Column::At.gt(since))
        .count(db)
        .await?)
}
