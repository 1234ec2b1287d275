//! Activities of duos: planning, rescheduling, cancelling, confirming and checking in, each
//! written only over the version that was read; what the cadence watch needs per duo; and the
//! read models of the buddy's phone and the coordinators' pages.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::{Alias, Expr, Query, SimpleExpr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait,
};

use super::entities::activity::{self, Column, Entity};
use super::entities::{activity_kind, buddy, duo, interest, participant};
use super::writes::Write;
use crate::domain::activity::{ActivityStatus, CadenceFacts, CheckIn, Mood, Plan, cadence};
use crate::domain::activity_view::{
    ActivityView, BuddyDuo, BuddyHome, CadenceRow, CadenceWatch, RECENT_ON_HOME, SharedParticipant,
    StaffActivity,
};
use crate::domain::duo::{Agreement, DuoStage};
use crate::domain::lists::Named;
use crate::domain::people::Consent;
use crate::domain::profile::Profile;
use crate::domain::time::{local_date, local_date_time};
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

/// Writes `change` over `version` of activity `id` (a conflict when another answer came
/// first).
pub async fn change(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    change: Change<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let update = change_statement(id, version, change, now);
    one_changed(db.execute(&update).await?.rows_affected())
}

/// [`change`] with `audit`, the row that records it, sent to the database in the same batch:
/// in the caller's transaction (on a conflict it rolls back, the audit row with it), or as a
/// write of its own (`audit::with_change_alone`).
pub async fn change_audited(
    into: Write<'_>,
    id: i32,
    version: i32,
    change: Change<'_>,
    now: DateTime<Utc>,
    audit: &super::audit::NewRow<'_>,
) -> Result<(), AppError> {
    use super::audit::{with_change, with_change_alone};
    let update = change_statement(id, version, change, now);
    one_changed(match into {
        Write::In(txn) => with_change(txn, update, audit).await?,
        Write::Alone(gate, db) => with_change_alone(gate, db, update, audit).await?,
    })
}

fn change_statement(
    id: i32,
    version: i32,
    change: Change<'_>,
    now: DateTime<Utc>,
) -> sea_orm::sea_query::UpdateStatement {
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
    update
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(version))
        .into_query()
}

/// The version matched (one row changed), or another answer came first.
fn one_changed(rows: u64) -> Result<(), AppError> {
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

/// Every active duo with its cadence facts (local dates in `tz`). Three aggregates per duo,
/// read from the activity index: the job runs this every tick, so it never loads the
/// activities themselves (a programme's years of them).
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
    let done = ActivityStatus::Done.code();
    let of_active = || {
        Column::DuoId.in_subquery(
            duo::Entity::find()
                .select_only()
                .column(duo::Column::Id)
                .filter(duo::Column::Stage.eq(DuoStage::Active.code()))
                .into_query(),
        )
    };
    let per_duo = |status: &str, aggregate: SimpleExpr| {
        Entity::find()
            .select_only()
            .column(Column::DuoId)
            .column_as(aggregate, "at")
            .filter(Column::Status.eq(status))
            .filter(of_active())
            .group_by(Column::DuoId)
    };
    let last_done: HashMap<i32, DateTime<Utc>> = per_duo(done, Expr::col(Column::StartsAt).max())
        .into_tuple::<(i32, DateTime<Utc>)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let next_planned: HashMap<i32, DateTime<Utc>> = per_duo(
        ActivityStatus::Planned.code(),
        Expr::col(Column::StartsAt).min(),
    )
    .filter(Column::StartsAt.gte(now))
    .into_tuple::<(i32, DateTime<Utc>)>()
    .all(db)
    .await?
    .into_iter()
    .collect();
    // The check-in of each duo's latest activity that has one: a correlated MAX per duo.
    let other = Alias::new("latest");
    let latest_checked_in = Query::select()
        .expr(Expr::col((other.clone(), Column::StartsAt)).max())
        .from_as(Entity, other.clone())
        .and_where(Expr::col((other.clone(), Column::DuoId)).equals((Entity, Column::DuoId)))
        .and_where(Expr::col((other.clone(), Column::Status)).eq(done))
        .and_where(Expr::col((other, Column::CheckinMood)).is_not_null())
        .to_owned();
    // Two check-ins at the same moment: the later record counts (the last one collected).
    let last_mood: HashMap<i32, i16> = Entity::find()
        .select_only()
        .columns([Column::DuoId, Column::CheckinMood])
        .filter(Column::Status.eq(done))
        .filter(Column::CheckinMood.is_not_null())
        .filter(of_active())
        .filter(Expr::col((Entity, Column::StartsAt)).in_subquery(latest_checked_in))
        .order_by_asc(Column::Id)
        .into_tuple::<(i32, i16)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(duos
        .into_iter()
        .map(|duo| {
            let facts = facts_of(
                &duo,
                last_done.get(&duo.id).copied(),
                last_mood.get(&duo.id).copied(),
                next_planned.get(&duo.id).copied(),
                tz,
            );
            ActiveDuo { duo, facts }
        })
        .collect())
}

/// The cadence facts of one duo from its latest done activity, the check-in of its latest
/// checked-in activity and its next planned one.
fn facts_of(
    duo: &duo::Model,
    last_done: Option<DateTime<Utc>>,
    last_mood: Option<i16>,
    next_planned: Option<DateTime<Utc>>,
    tz: Tz,
) -> CadenceFacts {
    let rhythm = duo
        .agreement
        .as_deref()
        .and_then(|json| serde_json::from_str::<Agreement>(json).ok())
        .map(|a| a.rhythm)
        .unwrap_or_default();
    CadenceFacts {
        signed_on: duo.signed_on.unwrap_or(duo.proposed_on),
        rhythm,
        last_activity_on: last_done.map(|at| local_date(at, tz)),
        last_mood: last_mood
            .and_then(|v| u8::try_from(v).ok())
            .and_then(Mood::from_value),
        next_planned_on: next_planned.map(|at| local_date(at, tz)),
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

/// Every activity kind, inactive ones too (old activities keep their name); forms offer only
/// the active ones.
pub async fn kinds(db: &impl ConnectionTrait) -> Result<Vec<Named>, AppError> {
    Ok(activity_kind::Entity::find()
        .order_by_asc(activity_kind::Column::Position)
        .order_by_asc(activity_kind::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|k| Named {
            id: i64::from(k.id),
            name: k.name,
            active: k.active,
        })
        .collect())
}

/// Activity `a` as the buddy sees it: its kind by name, its time local to `tz`, and whether
/// it has a check-in (never the check-in's note).
pub fn view(a: &Activity, kinds: &[Named], tz: Tz) -> Result<ActivityView, AppError> {
    Ok(ActivityView {
        id: a.id,
        version: a.version,
        duo_id: a.duo_id,
        kind_id: a.kind_id,
        kind: kinds
            .iter()
            .find(|k| k.id == i64::from(a.kind_id))
            .map(|k| k.name.clone())
            .unwrap_or_default(),
        starts_at: local_date_time(a.starts_at, tz),
        place: a.place.clone(),
        note: a.note.clone(),
        status: status_of(a)?,
        cancel_reason: a.cancel_reason.clone(),
        checked_in: a.checkin_mood.is_some(),
    })
}

/// An activity's stored status, decoded.
pub fn status_of(a: &Activity) -> Result<ActivityStatus, AppError> {
    super::decode("activity", "status", &a.status)
}

/// The shared part of a participant, by what they consented to.
fn shared(
    p: &participant::Model,
    interests: &BTreeMap<i64, String>,
) -> Result<SharedParticipant, AppError> {
    let consent: Consent = super::participants::parse(&p.consent)?;
    let profile: Profile = super::participants::parse(&p.profile)?;
    Ok(SharedParticipant {
        first_name: consent.share_first_name.then(|| p.first_name.clone()),
        phone: if consent.share_phone {
            profile.phone.clone()
        } else {
            None
        },
        interests: if consent.share_interests {
            profile
                .interests
                .iter()
                .filter_map(|id| interests.get(id).cloned())
                .collect()
        } else {
            Vec::new()
        },
        availability: profile.availability,
    })
}

/// The first name of `duo`'s participant if they agreed to share it; only pages that show it
/// read the participant (not the writes a buddy makes).
pub async fn shared_first_name(
    db: &impl ConnectionTrait,
    duo: &duo::Model,
) -> Result<Option<String>, AppError> {
    let p = participant::Entity::find_by_id(duo.participant_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    super::participants::shared_first_name(&p)
}

/// The home page of the buddy record `buddy_id`: each open duo with what its participant
/// shares and its activities sorted by what the buddy does next. `now` is local time in `tz`.
pub async fn buddy_home(
    db: &impl ConnectionTrait,
    buddy_id: i32,
    now: chrono::NaiveDateTime,
    tz: Tz,
) -> Result<BuddyHome, AppError> {
    let buddy = buddy::Entity::find_by_id(buddy_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let duos = super::duos::of_buddy(db, buddy_id).await?;
    let ids: Vec<i32> = duos.iter().map(|d| d.id).collect();
    let all = of_duos(db, &ids).await?;
    let kinds = kinds(db).await?;
    let interests: BTreeMap<i64, String> = interest::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i64::from(i.id), i.name))
        .collect();
    // Every duo's participant in one query, not one per duo.
    let participants: HashMap<i32, participant::Model> = if duos.is_empty() {
        HashMap::new()
    } else {
        participant::Entity::find()
            .filter(participant::Column::Id.is_in(duos.iter().map(|d| d.participant_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let mut out = Vec::with_capacity(duos.len());
    for d in duos {
        let p = participants
            .get(&d.participant_id)
            .ok_or(AppError::NotFound)?;
        // Latest first.
        let mine: Vec<ActivityView> = all
            .iter()
            .filter(|a| a.duo_id == d.id)
            .map(|a| view(a, &kinds, tz))
            .collect::<Result<_, AppError>>()?;
        let planned = |a: &&ActivityView| a.status == ActivityStatus::Planned;
        out.push(BuddyDuo {
            id: d.id,
            stage: super::decode("duo", "stage", &d.stage)?,
            participant: shared(p, &interests)?,
            next: mine
                .iter()
                .filter(planned)
                .rfind(|a| a.starts_at > now)
                .cloned(),
            to_confirm: mine
                .iter()
                .filter(planned)
                .filter(|a| a.starts_at <= now)
                .cloned()
                .collect(),
            to_check_in: mine
                .iter()
                .filter(|a| a.status == ActivityStatus::Done && !a.checked_in)
                .cloned()
                .collect(),
            recent: mine
                .iter()
                .filter(|a| a.status != ActivityStatus::Planned)
                .take(RECENT_ON_HOME)
                .cloned()
                .collect(),
        });
    }
    Ok(BuddyHome {
        linked: true,
        first_name: buddy.first_name,
        now,
        duos: out,
        answer_key: String::new(),
    })
}

/// Every active duo's cadence on today's date in `tz`, those that need attention first
/// (longest quiet first).
pub async fn cadence_watch(
    db: &impl ConnectionTrait,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<CadenceWatch, AppError> {
    let today = local_date(now, tz);
    let (margin_days, _) = margin(db).await?;
    let active = active_duos(db, tz, now).await?;
    let names = super::duos::first_names(
        db,
        &active.iter().map(|a| a.duo.clone()).collect::<Vec<_>>(),
    )
    .await?;
    let mut rows: Vec<CadenceRow> = active
        .into_iter()
        .map(|a| {
            let (participant_first_name, buddy_first_name) =
                names.get(&a.duo.id).cloned().unwrap_or_default();
            CadenceRow {
                duo_id: a.duo.id,
                participant_first_name,
                buddy_first_name,
                signed_on: a.facts.signed_on,
                rhythm: a.facts.rhythm,
                last_activity_on: a.facts.last_activity_on,
                next_planned_on: a.facts.next_planned_on,
                last_mood: a.facts.last_mood,
                cadence: cadence(&a.facts, today, margin_days),
            }
        })
        .collect();
    rows.sort_by_key(|r| {
        (
            !r.cadence.needs_attention(),
            std::cmp::Reverse(r.cadence.quiet_days),
        )
    });
    Ok(CadenceWatch {
        margin_days,
        today,
        rows,
    })
}

/// The activities of duo `duo_id` as a coordinator sees them, check-ins included, latest
/// first.
pub async fn staff_activities(
    db: &impl ConnectionTrait,
    duo_id: i32,
    tz: Tz,
) -> Result<Vec<StaffActivity>, AppError> {
    let kinds = kinds(db).await?;
    of_duos(db, &[duo_id])
        .await?
        .iter()
        .map(|a| {
            Ok(StaffActivity {
                activity: view(a, &kinds, tz)?,
                mood: a
                    .checkin_mood
                    .and_then(|v| u8::try_from(v).ok())
                    .and_then(Mood::from_value),
                checkin_note: a.checkin_note.clone().filter(|n| !n.is_empty()),
            })
        })
        .collect()
}
