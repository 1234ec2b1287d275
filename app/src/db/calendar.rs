//! The buddy's personal calendar feed: one secret address per buddy (only the hash of its
//! token is kept), and the activities it shows.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::entities::{
    activity, activity_kind, buddy, calendar_feed, duo, event, event_invitation, user,
};
use crate::domain::calendar::{CalendarEntry, EventEntry};
use crate::domain::duo::DuoStage;
use crate::domain::event::Answer;
use crate::error::AppError;

pub use calendar_feed::Model as Feed;

/// The buddy's feed, if they have one.
pub async fn find(db: &impl ConnectionTrait, buddy_id: i32) -> Result<Option<Feed>, AppError> {
    Ok(calendar_feed::Entity::find_by_id(buddy_id).one(db).await?)
}

/// Gives the buddy a feed with this token hash; an earlier address stops working.
pub async fn renew(
    db: &impl ConnectionTrait,
    buddy_id: i32,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    revoke(db, buddy_id).await?;
    calendar_feed::Entity::insert(calendar_feed::ActiveModel {
        buddy_id: Set(buddy_id),
        token_hash: Set(token_hash.to_owned()),
        created_at: Set(now),
    })
    .exec(db)
    .await?;
    Ok(())
}

/// Ends the buddy's feed; whether there was one.
pub async fn revoke(db: &impl ConnectionTrait, buddy_id: i32) -> Result<bool, AppError> {
    Ok(calendar_feed::Entity::delete_by_id(buddy_id)
        .exec(db)
        .await?
        .rows_affected
        > 0)
}

/// The buddy whose feed has this token hash. A buddy whose account was disabled (or
/// unlinked) has no working feed.
pub async fn buddy_of_token(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<(i32, crate::i18n::Lang)>, AppError> {
    let Some(feed) = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(token_hash))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(user_id) = buddy::Entity::find_by_id(feed.buddy_id)
        .one(db)
        .await?
        .and_then(|b| b.user_id)
    else {
        return Ok(None);
    };
    let Some(user) = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .filter(|u| u.active)
    else {
        return Ok(None);
    };
    let lang = super::users::mail_language(user.language.as_deref())?;
    Ok(Some((feed.buddy_id, lang)))
}

/// What the buddy's feed shows: every activity of their open duos that starts at `from` or
/// later, planned, done or cancelled, earliest first.
/// The programme's events come from [`event_entries`].
pub async fn feed_entries(
    db: &impl ConnectionTrait,
    buddy_id: i32,
    from: DateTime<Utc>,
) -> Result<Vec<CalendarEntry>, AppError> {
    let duos: Vec<duo::Model> = duo::Entity::find()
        .filter(duo::Column::BuddyId.eq(buddy_id))
        .filter(duo::Column::Stage.ne(DuoStage::Ended.code()))
        .all(db)
        .await?;
    if duos.is_empty() {
        return Ok(Vec::new());
    }
    let activities = activity::Entity::find()
        .filter(activity::Column::DuoId.is_in(duos.iter().map(|d| d.id)))
        .filter(activity::Column::StartsAt.gte(from))
        .order_by_asc(activity::Column::StartsAt)
        .order_by_asc(activity::Column::Id)
        .all(db)
        .await?;
    entries(db, &duos, activities).await
}

/// The events (sessions) the buddy said yes to, ending at `from` or later, earliest first:
/// with their own UIDs (`event-{id}@klik`) beside the activities in the same feed. A no or a
/// cancellation later takes an entry out or marks it cancelled at the next fetch.
pub async fn event_entries(
    db: &impl ConnectionTrait,
    buddy_id: i32,
    from: DateTime<Utc>,
) -> Result<Vec<EventEntry>, AppError> {
    let ids: Vec<i32> = event_invitation::Entity::find()
        .select_only()
        .column(event_invitation::Column::EventId)
        .filter(event_invitation::Column::BuddyId.eq(buddy_id))
        .filter(event_invitation::Column::Answer.eq(Answer::Yes.code()))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            event::Entity::find()
                .filter(event::Column::Id.is_in(chunk.to_vec()))
                .filter(event::Column::EndsAt.gte(from))
                .all(db)
                .await?
                .into_iter()
                .map(event_entry),
        );
    }
    out.sort_by_key(|e| (e.starts_at, e.event_id));
    Ok(out)
}

/// One event as a calendar entry.
pub fn event_entry(e: event::Model) -> EventEntry {
    EventEntry {
        event_id: e.id,
        title: e.title,
        starts_at: e.starts_at,
        ends_at: e.ends_at,
        place: e.place,
        link: e.link,
        cancelled: e.cancelled,
        version: e.version,
        created_at: e.created_at,
    }
}

/// One activity as a calendar entry, with the duo it belongs to (for the access check).
pub async fn entry(
    db: &impl ConnectionTrait,
    activity_id: i32,
) -> Result<Option<(CalendarEntry, duo::Model)>, AppError> {
    let Some(activity) = activity::Entity::find_by_id(activity_id).one(db).await? else {
        return Ok(None);
    };
    let Some(duo) = duo::Entity::find_by_id(activity.duo_id).one(db).await? else {
        return Ok(None);
    };
    let entry = entries(db, std::slice::from_ref(&duo), vec![activity])
        .await?
        .pop();
    Ok(entry.map(|e| (e, duo)))
}

/// The kinds' names and the participants' first names to go with `activities`; nothing else
/// of either is read.
async fn entries(
    db: &impl ConnectionTrait,
    duos: &[duo::Model],
    activities: Vec<activity::Model>,
) -> Result<Vec<CalendarEntry>, AppError> {
    if activities.is_empty() {
        return Ok(Vec::new());
    }
    let kinds: HashMap<i32, String> = activity_kind::Entity::find()
        .filter(activity_kind::Column::Id.is_in(activities.iter().map(|a| a.kind_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|k| (k.id, k.name))
        .collect();
    let participant_of: HashMap<i32, i32> = duos.iter().map(|d| (d.id, d.participant_id)).collect();
    let first_names =
        super::participants::shared_first_names(db, duos.iter().map(|d| d.participant_id)).await?;
    activities
        .into_iter()
        .filter_map(|a| {
            let participant = participant_of.get(&a.duo_id)?;
            let status = match super::decode("activity", "status", &a.status) {
                Ok(status) => status,
                Err(e) => return Some(Err(e)),
            };
            Some(Ok(CalendarEntry {
                activity_id: a.id,
                kind: kinds.get(&a.kind_id).cloned().unwrap_or_default(),
                participant_first_name: first_names.get(participant).cloned(),
                starts_at: a.starts_at,
                duration_minutes: a.duration_minutes,
                place: a.place,
                status,
                version: a.version,
                updated_at: a.updated_at,
            }))
        })
        .collect()
}
