//! The outbox: every message Klik sends is stored here first, so nothing is lost when mail
//! is not configured, fails, or the server restarts.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, QueryOrder, QuerySelect};

use super::entities::outbox::{self, Column, Entity};
use crate::error::AppError;

pub use outbox::Model as Message;

/// Waiting to be delivered.
pub const PENDING: &str = "pending";

pub struct NewMessage<'a> {
    pub kind: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

pub async fn enqueue(
    db: &impl ConnectionTrait,
    message: NewMessage<'_>,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let row = Entity::insert(outbox::ActiveModel {
        kind: Set(message.kind.to_owned()),
        to_address: Set(message.to.to_owned()),
        subject: Set(message.subject.chars().take(200).collect()),
        body: Set(message.body.to_owned()),
        created_at: Set(now),
        status: Set(PENDING.to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(Some(now)),
        sent_at: Set(None),
        last_error: Set(None),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(row.last_insert_id)
}

/// The newest messages first.
pub async fn latest(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<Message>, AppError> {
    Ok(Entity::find()
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}
