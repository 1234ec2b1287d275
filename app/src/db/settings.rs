//! Programme settings: versioned key/value rows with optimistic concurrency.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, SqlErr};

use super::entities::setting::{self, Column, Entity};
use crate::error::AppError;

/// Key of the programme's display name.
pub const PROGRAMME_NAME: &str = "programme_name";
/// Key of the switch that makes two-step sign-in compulsory for admins and coordinators.
pub const TWO_FACTOR_REQUIRED: &str = "two_factor_required";
/// Key of the number of weeks without contact after which a waiting participant is flagged.
pub const CONTACT_WEEKS: &str = "contact_weeks";
/// Key of the matching engine's weights (JSON).
pub const MATCHING_WEIGHTS: &str = "matching_weights";
/// Key of the evaluation plan's months (JSON of `domain::duo::EvaluationPlan`).
pub const EVALUATION_PLAN: &str = "evaluation_plan";
/// Key of the days on top of a duo's rhythm before the cadence watch flags it.
pub const CADENCE_MARGIN_DAYS: &str = "cadence_margin_days";
/// Intake days, follow-up weeks, catalogue check months and the phone number for
/// participants (`domain::first_steps::FirstSteps` as JSON).
pub const FIRST_STEPS: &str = "first_steps";
/// How long each kind of data is kept (`domain::retention::Retention`, JSON).
pub const RETENTION: &str = "retention";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting {
    pub value: String,
    pub version: i32,
}

pub async fn get(db: &impl ConnectionTrait, key: &str) -> Result<Option<Setting>, AppError> {
    Ok(Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(|m| Setting {
            value: m.value,
            version: m.version,
        }))
}

/// The programme's name as an admin set it, or `configured` (from the environment) while
/// never set.
pub async fn programme_name(
    db: &impl ConnectionTrait,
    configured: &str,
) -> Result<String, AppError> {
    Ok(get(db, PROGRAMME_NAME)
        .await?
        .map(|s| s.value)
        .unwrap_or_else(|| configured.to_owned()))
}

/// Writes `value` if the stored version is still `expected` (`None`: the key must not exist
/// yet) and returns the new version; otherwise `Conflict`, and nothing is written.
pub async fn put(
    db: &impl ConnectionTrait,
    key: &str,
    value: &str,
    expected: Option<i32>,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    match expected {
        None => {
            let row = setting::ActiveModel {
                key: Set(key.to_owned()),
                value: Set(value.to_owned()),
                version: Set(1),
                updated_at: Set(now),
            };
            match Entity::insert(row).exec(db).await {
                Ok(_) => Ok(1),
                Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                    Err(AppError::Conflict)
                }
                Err(e) => Err(e.into()),
            }
        }
        Some(version) => {
            let result = Entity::update_many()
                .col_expr(Column::Value, Expr::value(value.to_owned()))
                .col_expr(Column::Version, Expr::value(version + 1))
                .col_expr(Column::UpdatedAt, Expr::value(now))
                .filter(Column::Key.eq(key))
                .filter(Column::Version.eq(version))
                .exec(db)
                .await?;
            if result.rows_affected == 1 {
                Ok(version + 1)
            } else {
                Err(AppError::Conflict)
            }
        }
    }
}

/// A yes/no setting and its version; no by default.
pub async fn flag(db: &impl ConnectionTrait, key: &str) -> Result<(bool, Option<i32>), AppError> {
    Ok(match get(db, key).await? {
        Some(s) => (s.value == "true", Some(s.version)),
        None => (false, None),
    })
}

/// The admins' first-steps settings and their version; the defaults while never saved (or
/// unreadable).
pub async fn first_steps(
    db: &impl ConnectionTrait,
) -> Result<(crate::domain::first_steps::FirstSteps, Option<i32>), AppError> {
    Ok(match get(db, FIRST_STEPS).await? {
        Some(s) => (
            serde_json::from_str(&s.value).unwrap_or_default(),
            Some(s.version),
        ),
        None => Default::default(),
    })
}

/// Days within which a registration's intake should be planned.
pub async fn intake_days(db: &impl ConnectionTrait) -> Result<i64, AppError> {
    Ok(first_steps(db).await?.0.intake_days.into())
}

/// Months after which a catalogue entry is flagged as unchecked.
pub async fn catalogue_check_months(db: &impl ConnectionTrait) -> Result<u32, AppError> {
    Ok(first_steps(db).await?.0.check_months)
}

/// Weeks after a referral when its follow-up falls due.
pub async fn follow_up_weeks(db: &impl ConnectionTrait) -> Result<u32, AppError> {
    Ok(first_steps(db).await?.0.follow_up_weeks)
}

/// Months without intervision after which an active buddy is flagged.
pub async fn intervision_months(db: &impl ConnectionTrait) -> Result<u32, AppError> {
    Ok(first_steps(db).await?.0.intervision_months)
}

/// Hours a place from an event's waiting list is held for confirmation (0: none asked).
pub async fn offer_hours(db: &impl ConnectionTrait) -> Result<u32, AppError> {
    Ok(first_steps(db).await?.0.offer_hours)
}
