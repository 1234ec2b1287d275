//! The outbox: every message Klik sends is stored here first, so nothing is lost when mail
//! is not configured, fails, or the server restarts.
//!
//! Delivery claims one message at a time with a conditional update, so that several server
//! instances sharing one database never send the same message at the same time:
//!
//! ```text
//! UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = now + lease
//!  WHERE id = ? AND status IN ('pending', 'sending') AND attempts = <read> AND next_attempt_at <= now
//! ```
//!
//! Exactly one instance changes the row (`rows_affected == 1`); the others see 0 and move on.
//! A claimed row's `next_attempt_at` is the end of its lease. When an instance dies between
//! the claim and recording the outcome, the row stays `sending` and becomes claimable again
//! once the lease has run out.
//!
//! **At-least-once, not at-most-once.** If the instance died *after* the SMTP server accepted
//! the message but *before* it was marked sent, the message goes out a second time when the
//! lease runs out. We prefer that to losing an invitation or a reminder; the window is the
//! few milliseconds between the server's "250 OK" and one UPDATE. The lease ([`LEASE`]) is
//! far longer than the SMTP timeout, so a slow but living instance never loses its claim
//! while still sending; and every outcome is written only over the claim it belongs to
//! (same id, status `sending` and attempts), so a late writer cannot overwrite a newer claim.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

use super::entities::outbox::{self, Column, Entity};
use crate::domain::mail::{MailStatus, OutboxRow, retry_delay};
use crate::error::AppError;

pub use outbox::Model as Message;

/// Waiting to be delivered.
pub const PENDING: &str = "pending";

/// How long a claim holds: far longer than one SMTP conversation may take.
pub const LEASE: Duration = Duration::minutes(10);

/// Longest `last_error` kept.
pub const ERROR_MAX: usize = 200;

#[derive(Clone, Copy, Debug)]
pub struct NewMessage<'a> {
    pub kind: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// Someone Klik writes to: the address, and the language the message is written in (their
/// account's, else the programme's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub to: String,
    pub lang: crate::i18n::Lang,
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

/// Queues many messages at once (an invitation to hundreds of buddies), in batches that stay
/// within SQLite's limit of bound values.
pub async fn enqueue_many(
    db: &impl ConnectionTrait,
    messages: &[NewMessage<'_>],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    for chunk in messages.chunks(500) {
        let rows = chunk.iter().map(|m| outbox::ActiveModel {
            kind: Set(m.kind.to_owned()),
            to_address: Set(m.to.to_owned()),
            subject: Set(m.subject.chars().take(200).collect()),
            body: Set(m.body.to_owned()),
            created_at: Set(now),
            status: Set(PENDING.to_owned()),
            attempts: Set(0),
            next_attempt_at: Set(Some(now)),
            sent_at: Set(None),
            last_error: Set(None),
            ..Default::default()
        });
        Entity::insert_many(rows).exec_without_returning(db).await?;
    }
    Ok(())
}

/// The newest messages first.
pub async fn latest(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<Message>, AppError> {
    Ok(Entity::find()
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// One page of the admin's list, newest first, from before `before_id` when given.
pub async fn page(
    db: &impl ConnectionTrait,
    before_id: Option<i32>,
    limit: u64,
) -> Result<Vec<OutboxRow>, AppError> {
    let mut query = Entity::find();
    if let Some(before) = before_id {
        query = query.filter(Column::Id.lt(before));
    }
    query
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            Ok(OutboxRow {
                id: m.id,
                kind: m.kind,
                to_address: m.to_address,
                subject: m.subject,
                status: super::decode("outbox", "status", &m.status)?,
                attempts: m.attempts,
                created_at: m.created_at,
                next_attempt_at: m.next_attempt_at,
                sent_at: m.sent_at,
                last_error: m.last_error,
            })
        })
        .collect()
}

/// Messages still to be delivered (waiting or being sent).
pub async fn pending_count(db: &impl ConnectionTrait) -> Result<u64, AppError> {
    Ok(Entity::find()
        .filter(Column::Status.is_in([MailStatus::Pending.code(), MailStatus::Sending.code()]))
        .count(db)
        .await?)
}

/// Rows a claim may take at `now`: pending and due, or sending with a lease that ran out.
fn claimable(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(Column::Status.is_in([MailStatus::Pending.code(), MailStatus::Sending.code()]))
        .add(Column::NextAttemptAt.lte(now))
}

/// Up to `limit` messages that could be claimed now, the longest waiting first. Only a
/// snapshot: [`claim`] decides who really gets each one.
pub async fn due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Message>, AppError> {
    Ok(Entity::find()
        .filter(claimable(now))
        .order_by_asc(Column::NextAttemptAt)
        .order_by_asc(Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Claims `message` (as read by [`due`]) for one delivery attempt; `None` when another
/// instance was first. The claimed message carries its new attempt count and lease.
pub async fn claim(
    db: &impl ConnectionTrait,
    message: &Message,
    now: DateTime<Utc>,
) -> Result<Option<Message>, AppError> {
    let lease_until = now + LEASE;
    let rows = Entity::update_many()
        .col_expr(Column::Status, Expr::value(MailStatus::Sending.code()))
        .col_expr(Column::Attempts, Expr::value(message.attempts + 1))
        .col_expr(Column::NextAttemptAt, Expr::value(Some(lease_until)))
        .filter(Column::Id.eq(message.id))
        .filter(Column::Attempts.eq(message.attempts))
        .filter(claimable(now))
        .exec(db)
        .await?
        .rows_affected;
    Ok((rows == 1).then(|| Message {
        status: MailStatus::Sending.code().to_owned(),
        attempts: message.attempts + 1,
        next_attempt_at: Some(lease_until),
        ..message.clone()
    }))
}

/// Only over the claim `claimed` holds: same id, still sending, same attempt.
fn own_claim(claimed: &Message) -> Condition {
    Condition::all()
        .add(Column::Id.eq(claimed.id))
        .add(Column::Status.eq(MailStatus::Sending.code()))
        .add(Column::Attempts.eq(claimed.attempts))
}

/// Records a delivery. `false`: the claim had been lost (its lease ran out and another
/// instance took the message over).
pub async fn mark_sent(
    db: &impl ConnectionTrait,
    claimed: &Message,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let rows = Entity::update_many()
        .col_expr(Column::Status, Expr::value(MailStatus::Sent.code()))
        .col_expr(Column::SentAt, Expr::value(Some(now)))
        .col_expr(Column::NextAttemptAt, Expr::value(None::<DateTime<Utc>>))
        .col_expr(Column::LastError, Expr::value(None::<String>))
        .filter(own_claim(claimed))
        .exec(db)
        .await?
        .rows_affected;
    Ok(rows == 1)
}

/// Records a failed attempt: back to pending with the next attempt after the backoff of
/// [`retry_delay`], or failed for good when the attempts are used up or `permanent` (an
/// address that can never work). `error` must hold no personal data. Returns the new status,
/// or `None` when the claim had been lost.
pub async fn mark_failed(
    db: &impl ConnectionTrait,
    claimed: &Message,
    error: &str,
    permanent: bool,
    now: DateTime<Utc>,
) -> Result<Option<MailStatus>, AppError> {
    let retry = if permanent {
        None
    } else {
        retry_delay(claimed.attempts)
    };
    let (status, next) = match retry {
        Some(delay) => (MailStatus::Pending, Some(now + delay)),
        None => (MailStatus::Failed, None),
    };
    let error: String = error.chars().take(ERROR_MAX).collect();
    let rows = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status.code()))
        .col_expr(Column::NextAttemptAt, Expr::value(next))
        .col_expr(Column::LastError, Expr::value(Some(error)))
        .filter(own_claim(claimed))
        .exec(db)
        .await?
        .rows_affected;
    Ok((rows == 1).then_some(status))
}
