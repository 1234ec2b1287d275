//! Activities of duos: planning, rescheduling, cancelling, confirming and checking in, each
//! written only over the version that was read; and what the cadence watch needs per duo.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::activity::{self, Column, Entity};
use super::entities::duo;
use crate::domain::activity::{ActivityStatus, CadenceFacts, CheckIn, Mood, Plan};
use crate::domain::duo::{Agreement, DuoStage};
use crate::domain::time::local_date;
use crate::error::AppError;

pub use activity::Model as Activity;

/// Stores a new planned activity; `starts_at` is the plan's local time in UTC.
pub async fn plan(
    db: &impl ConnectionTrait,
    duo_id: i32,
    plan: &Plan,
    starts_at: DateTime<Utc>,
    by: i32,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let row = Entity::insert(activity::ActiveModel {
        duo_id: Set(duo_id),
        kind_id: Set(plan.kind_id),
        starts_at: Set(starts_at),
        place: Set(plan.place.clone()),
        note: Set(plan.note.clone()),
        status: Set(ActivityStatus::Planned.code().to_owned()),
        planned_by: Set(Some(by)),
        version: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(row.last_insert_id)
}

/// Activity `id` if it belongs to an open duo of the buddy linked to account `user_id`.
pub async fn find_of_user(
    db: &impl ConnectionTrait,
    id: i32,
    user_id: i32,
) -> Result<Option<Activity>, AppError> {
    Ok(Entity::find_by_id(id)
        .filter(Column::DuoId.in_subquery(super::duos::open_of_user(user_id)))
        .one(db)
        .await?)
}

/// Every activity of these duos, latest start first.
pub async fn of_duos(
    db: &impl ConnectionTrait,
    duo_ids: &[i32],
) -> Result<Vec<Activity>, AppError> {
    if duo_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Entity::find()
        .filter(Column::DuoId.is_in(duo_ids.iter().copied()))
        .order_by_desc(Column::StartsAt)
        .order_by_desc(Column::Id)
        .all(db)
        .await?)
}

/// Planned activities starting in `from..to`, earliest first (reminders, calendars).
pub async fn planned_between(
    db: &impl ConnectionTrait,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Activity>, AppError> {
    Ok(Entity::find()
        .filter(Column::Status.eq(ActivityStatus::Planned.code()))
        .filter(Column::StartsAt.gte(from))
        .filter(Column::StartsAt.lt(to))
        .order_by_asc(Column::StartsAt)
        .all(db)
        .await?)
}

/// One change of an activity, written only if nobody changed it since `version` was read.
pub enum Change<'a> {
    Reschedule {
        plan: &'a Plan,
        starts_at: DateTime<Utc>,
    },
    Cancel {
        reason: &'a str,
    },
    Confirm,
    CheckIn(&'a CheckIn),
}

pub async fn change(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    change: Change<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let status = |s: ActivityStatus| -> SimpleExpr { Expr::value(s.code()) };
    let mut update = Entity::update_many()
        .col_expr(Column::Version, Expr::value(version + 1))
        .col_expr(Column::UpdatedAt, Expr::value(now));
    update = match change {
        Change::Reschedule { plan, starts_at } => update
            .col_expr(Column::KindId, Expr::value(plan.kind_id))
            .col_expr(Column::StartsAt, Expr::value(starts_at))
            .col_expr(Column::Place, Expr::value(plan.place.clone()))
            .col_expr(Column::Note, Expr::value(plan.note.clone())),
        Change::Cancel { reason } => update
            .col_expr(Column::Status, status(ActivityStatus::Cancelled))
            .col_expr(Column::CancelReason, Expr::value(reason.to_owned())),
        Change::Confirm => update
            .col_expr(Column::Status, status(ActivityStatus::Done))
            .col_expr(Column::ConfirmedAt, Expr::value(now)),
        Change::CheckIn(check_in) => update
            .col_expr(
                Column::CheckinMood,
                Expr::value(i16::from(check_in.mood.value())),
            )
            .col_expr(Column::CheckinNote, Expr::value(check_in.note.clone())),
    };
    let rows = update
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(version))
        .exec(db)
        .await?
        .rows_affected;
    if rows == 1 {
        Ok(())
    } else {
        Err(AppError::Conflict)
    }
}

/// An active duo and how its cadence looks, for the watch and the reminders.
#[derive(Clone, Debug)]
pub struct ActiveDuo {
    pub duo: duo::Model,
    pub facts: CadenceFacts,
}

/// Every active duo with its cadence facts (local dates in `tz`).
pub async fn active_duos(
    db: &impl ConnectionTrait,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Vec<ActiveDuo>, AppError> {
    let duos = duo::Entity::find()
        .filter(duo::Column::Stage.eq(DuoStage::Active.code()))
        .order_by_asc(duo::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = duos.iter().map(|d| d.id).collect();
    let mut by_duo: BTreeMap<i32, Vec<Activity>> = BTreeMap::new();
    for a in of_duos(db, &ids).await? {
        by_duo.entry(a.duo_id).or_default().push(a);
    }
    Ok(duos
        .into_iter()
        .map(|duo| {
            let activities = by_duo.remove(&duo.id).unwrap_or_default();
            let facts = facts_of(&duo, &activities, tz, now);
            ActiveDuo { duo, facts }
        })
        .collect())
}

/// The cadence facts of one duo from its activities (latest first).
pub fn facts_of(
    duo: &duo::Model,
    activities: &[Activity],
    tz: Tz,
    now: DateTime<Utc>,
) -> CadenceFacts {
    let rhythm = duo
        .agreement
        .as_deref()
        .and_then(|json| serde_json::from_str::<Agreement>(json).ok())
        .map(|a| a.rhythm)
        .unwrap_or_default();
    let done = activities
        .iter()
        .filter(|a| a.status == ActivityStatus::Done.code());
    let last_activity_on: Option<NaiveDate> =
        done.clone().map(|a| local_date(a.starts_at, tz)).max();
    let last_mood = done
        .filter(|a| a.checkin_mood.is_some())
        .max_by_key(|a| a.starts_at)
        .and_then(|a| a.checkin_mood)
        .and_then(|v| u8::try_from(v).ok())
        .and_then(Mood::from_value);
    let next_planned_on = activities
        .iter()
        .filter(|a| a.status == ActivityStatus::Planned.code() && a.starts_at >= now)
        .map(|a| local_date(a.starts_at, tz))
        .min();
    CadenceFacts {
        signed_on: duo.signed_on.unwrap_or(duo.proposed_on),
        rhythm,
        last_activity_on,
        last_mood,
        next_planned_on,
    }
}

/// The days on top of a duo's rhythm before the cadence watch flags it, and the setting's
/// version (`None`: never set, the default applies).
pub async fn margin(db: &impl ConnectionTrait) -> Result<(u32, Option<i32>), AppError> {
    use crate::domain::activity::DEFAULT_MARGIN_DAYS;

    let key = super::settings::CADENCE_MARGIN_DAYS;
    Ok(match super::settings::get(db, key).await? {
        Some(s) => (
            s.value.trim().parse().unwrap_or(DEFAULT_MARGIN_DAYS),
            Some(s.version),
        ),
        None => (DEFAULT_MARGIN_DAYS, None),
    })
}
