//! Referrals to stepping stones and their follow-up, read as `domain::referral::ReferralView`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::referral::{ActiveModel, Column, Entity, Model};
use super::entities::{participant, stepping_stone};
use crate::domain::referral::{FollowUp, NewReferral, ReferralView};
use crate::error::AppError;

const TABLE: &str = "referral";

/// Turns rows into views, looking up the stones and participants they name in two queries.
async fn views(db: &impl ConnectionTrait, rows: Vec<Model>) -> Result<Vec<ReferralView>, AppError> {
    let stone_ids: Vec<i32> = rows.iter().map(|r| r.stepping_stone_id).collect();
    let person_ids: Vec<i32> = rows.iter().map(|r| r.participant_id).collect();
    let stones: HashMap<i32, (String, String)> = stepping_stone::Entity::find()
        .filter(stepping_stone::Column::Id.is_in(stone_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, (s.title, s.provider)))
        .collect();
    let people: HashMap<i32, String> = participant::Entity::find()
        .filter(participant::Column::Id.is_in(person_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, format!("{} {}", p.first_name, p.last_name)))
        .collect();
    rows.into_iter()
        .map(|r| {
            let (stone_title, provider) = stones
                .get(&r.stepping_stone_id)
                .cloned()
                .unwrap_or_default();
            let follow_up = match (&r.outcome, r.followed_up_on) {
                (Some(outcome), Some(on)) => Some(FollowUp {
                    outcome: super::decode(TABLE, "outcome", outcome)?,
                    reason: super::decode_opt(TABLE, "reason", r.reason.as_deref())?,
                    note: r.note.clone(),
                    on,
                }),
                _ => None,
            };
            Ok(ReferralView {
                id: r.id,
                participant_id: r.participant_id,
                participant_name: people.get(&r.participant_id).cloned().unwrap_or_default(),
                stone_id: r.stepping_stone_id.into(),
                stone_title,
                provider,
                way: super::decode(TABLE, "way", &r.way)?,
                on: r.referred_on,
                follow_up_on: r.follow_up_on,
                follow_up,
                version: r.version,
            })
        })
        .collect()
}

/// Records a referral of participant `participant_id` by user `by`.
pub async fn create(
    db: &impl ConnectionTrait,
    participant_id: i32,
    referral: &NewReferral,
    by: i32,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let stone = i32::try_from(referral.stone_id).map_err(|_| AppError::NotFound)?;
    let row = ActiveModel {
        participant_id: Set(participant_id),
        stepping_stone_id: Set(stone),
        way: Set(referral.way.code().to_owned()),
        referred_on: Set(referral.on),
        follow_up_on: Set(referral.follow_up_on),
        by_user: Set(Some(by)),
        note: Set(String::new()),
        created_at: Set(now),
        version: Set(1),
        ..Default::default()
    };
    Ok(Entity::insert(row).exec(db).await?.last_insert_id)
}

/// A participant's referrals, newest first.
pub async fn for_participant(
    db: &impl ConnectionTrait,
    participant_id: i32,
) -> Result<Vec<ReferralView>, AppError> {
    let rows = Entity::find()
        .filter(Column::ParticipantId.eq(participant_id))
        .order_by_desc(Column::ReferredOn)
        .order_by_desc(Column::Id)
        .all(db)
        .await?;
    views(db, rows).await
}

/// One referral.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<ReferralView>, AppError> {
    match Entity::find_by_id(id).one(db).await? {
        None => Ok(None),
        Some(row) => Ok(views(db, vec![row]).await?.pop()),
    }
}

/// Referrals whose follow-up is due on `today` and not yet recorded, the oldest first.
pub async fn due(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<Vec<ReferralView>, AppError> {
    let rows = Entity::find()
        .filter(Column::Outcome.is_null())
        .filter(Column::FollowUpOn.lte(today))
        .order_by_asc(Column::FollowUpOn)
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    views(db, rows).await
}

/// Records the follow-up of a referral read at `version` that has none yet; a second
/// coordinator recording at the same time gets a conflict and changes nothing.
pub async fn follow_up(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    answer: &FollowUp,
    by: i32,
) -> Result<(), AppError> {
    let changed = Entity::update_many()
        .col_expr(Column::Outcome, Expr::value(answer.outcome.code()))
        .col_expr(Column::Reason, Expr::value(answer.reason.map(|r| r.code())))
        .col_expr(Column::Note, Expr::value(answer.note.clone()))
        .col_expr(Column::FollowedUpOn, Expr::value(answer.on))
        .col_expr(Column::FollowedUpBy, Expr::value(by))
        .col_expr(Column::Version, Expr::value(version + 1))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(version))
        .filter(Column::Outcome.is_null())
        .exec(db)
        .await?
        .rows_affected;
    if changed == 1 {
        return Ok(());
    }
    match Entity::find_by_id(id).one(db).await? {
        None => Err(AppError::NotFound),
        Some(_) => Err(AppError::Conflict),
    }
}

/// Every referral as the figures count it (offer, date, outcome, reason; no person).
pub async fn facts(
    db: &impl ConnectionTrait,
) -> Result<Vec<crate::domain::referral::ReferralFact>, AppError> {
    Entity::find()
        .order_by_asc(Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            Ok(crate::domain::referral::ReferralFact {
                stone_id: r.stepping_stone_id.into(),
                on: r.referred_on,
                outcome: super::decode_opt(TABLE, "outcome", r.outcome.as_deref())?,
                reason: super::decode_opt(TABLE, "reason", r.reason.as_deref())?,
            })
        })
        .collect()
}
