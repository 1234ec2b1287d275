//! What the reminder job needs from the database: who gets a reminder at which address, and
//! `reminder_sent`, whose primary key makes every reminder go out once, also when two server
//! instances run the job at the same moment.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Deserialize;

use super::entities::{activity_kind, buddy, duo, participant, reminder_sent, user};
use super::outbox::{self, NewMessage, Recipient};
use super::writes::WriteTxn;
use crate::domain::account::Role;
use crate::domain::duo::DuoStage;
use crate::error::AppError;

/// Of `keys`, those already in `reminder_sent` (a cheap pre-check; [`claim_key`] decides).
pub async fn already_sent(
    db: &impl ConnectionTrait,
    keys: &[String],
) -> Result<HashSet<String>, AppError> {
    let mut found = HashSet::new();
    // Bounded `IN` lists: SQLite and PostgreSQL both cap the number of parameters.
    for chunk in keys.chunks(500) {
        let rows = reminder_sent::Entity::find()
            .filter(reminder_sent::Column::Key.is_in(chunk.iter().cloned()))
            .all(db)
            .await?;
        found.extend(rows.into_iter().map(|r| r.key));
    }
    Ok(found)
}

/// Records `key` as sent; `false` when it was there already (another run or instance queued
/// this reminder). `INSERT … ON CONFLICT DO NOTHING`, so that inside a transaction the
/// conflict is no error (on PostgreSQL an error would abort the whole transaction); when two
/// transactions insert the same key at once, the second waits for the first and then sees
/// the conflict. Call it in the same transaction as the outbox rows it stands for.
pub async fn claim_key(
    db: &impl ConnectionTrait,
    key: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let row = reminder_sent::ActiveModel {
        key: Set(key.to_owned()),
        created_at: Set(now),
    };
    super::insert_once(db, row, reminder_sent::Column::Key).await
}

/// Queues `messages` and records `key`, in one transaction: all or nothing. `false` when the
/// key was recorded already (then nothing is queued).
pub async fn queue_once(
    txn: WriteTxn,
    key: &str,
    messages: &[NewMessage<'_>],
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    if !claim_key(&txn, key, now).await? {
        txn.rollback().await?;
        return Ok(false);
    }
    for message in messages {
        outbox::enqueue(&txn, *message, now).await?;
    }
    txn.commit().await?;
    Ok(true)
}

/// The active duos among `ids`, by id.
pub async fn active_duos_by_id(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, duo::Model>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(duo::Entity::find()
        .filter(duo::Column::Id.is_in(ids.iter().copied()))
        .filter(duo::Column::Stage.eq(DuoStage::Active.code()))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect())
}

/// The part of a profile's JSON the reminders read.
#[derive(Deserialize)]
struct ProfileContact {
    #[serde(default)]
    email: Option<String>,
}

/// Where each of these buddies gets mail: their account's address when they have an
/// account (none when it is disabled), else the address in their profile, if any.
pub async fn buddy_addresses(
    db: &impl ConnectionTrait,
    buddy_ids: &[i32],
) -> Result<HashMap<i32, Recipient>, AppError> {
    if buddy_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let buddies = buddy::Entity::find()
        .filter(buddy::Column::Id.is_in(buddy_ids.iter().copied()))
        .all(db)
        .await?;
    let user_ids: Vec<i32> = buddies.iter().filter_map(|b| b.user_id).collect();
    let users: HashMap<i32, user::Model> = if user_ids.is_empty() {
        HashMap::new()
    } else {
        user::Entity::find()
            .filter(user::Column::Id.is_in(user_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect()
    };
    let mut out = HashMap::new();
    for b in buddies {
        let (address, lang) = match b.user_id {
            Some(user_id) => match users.get(&user_id).filter(|u| u.active) {
                Some(u) => (
                    u.email.clone(),
                    super::users::mail_language(u.language.as_deref())?,
                ),
                None => continue,
            },
            None => match serde_json::from_str::<ProfileContact>(&b.profile)
                .ok()
                .and_then(|p| p.email)
            {
                Some(email) => (email, crate::i18n::recipient_lang()),
                None => continue,
            },
        };
        let to = address.trim().to_owned();
        if to.contains('@') {
            out.insert(b.id, Recipient { to, lang });
        }
    }
    Ok(out)
}

/// The first names of these participants, for the coordinators' digest (buddies get only
/// the shared ones: `participants::shared_first_names`).
pub async fn participant_first_names(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, String>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(participant::Entity::find()
        .filter(participant::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.first_name))
        .collect())
}

/// Every activity kind's name by id (hidden ones too: an old plan may use one).
pub async fn activity_kind_names(
    db: &impl ConnectionTrait,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(activity_kind::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|k| (k.id, k.name))
        .collect())
}

/// A coordinator who gets the reminders about duos.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coordinator {
    pub user_id: i32,
    pub email: String,
    pub lang: crate::i18n::Lang,
}

/// Active users with the coordinator role and an e-mail address, by id.
pub async fn coordinators(db: &impl ConnectionTrait) -> Result<Vec<Coordinator>, AppError> {
    let mut rows: Vec<Coordinator> = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Coordinator.code()))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .filter(|u| u.email.contains('@'))
        .map(|u| {
            Ok(Coordinator {
                user_id: u.id,
                lang: super::users::mail_language(u.language.as_deref())?,
                email: u.email,
            })
        })
        .collect::<Result<_, AppError>>()?;
    rows.sort_by_key(|c| c.user_id);
    Ok(rows)
}
