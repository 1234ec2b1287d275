//! Buddies: applications, the list, screening by the partner organisation.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::{buddy, buddy_interest, screening, user};
use super::participants::{json, parse};
use super::timeline::record;
use crate::domain::audit::kind as subject;
use crate::domain::people::{
    Application, BuddyDetail, BuddyFilter, BuddyRow, BuddySort, BuddyStatus, Paged,
    ScreeningOutcome, ScreeningRecord,
};
use crate::domain::profile::{Profile, age_on};
use crate::error::AppError;

fn status_of(code: &str) -> Result<BuddyStatus, AppError> {
    super::decode("buddy", "status", code)
}

pub async fn create(
    db: &impl ConnectionTrait,
    application: &Application,
    by: Option<i32>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let p = &application.profile;
    let row = buddy::ActiveModel {
        first_name: Set(p.first_name.clone()),
        last_name: Set(p.last_name.clone()),
        birth_date: Set(p.birth_date),
        gender: Set(p.gender.code().into()),
        municipality_id: Set(p.municipality_id as i32),
        profile: Set(json(p)?),
        status: Set(BuddyStatus::Applied.code().into()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        applied_on: Set(today),
        motivation: Set(application.motivation.clone()),
        capacity: Set(i32::from(application.capacity)),
        screener_id: Set(None),
        approved_on: Set(None),
        user_id: Set(None),
        coordinator_notes: Set(String::new()),
        ..Default::default()
    };
    let id = buddy::Entity::insert(row).exec(db).await?.last_insert_id;
    set_interests(db, id, &p.interests).await?;
    record(
        db,
        subject::BUDDY,
        id,
        None,
        BuddyStatus::Applied.code(),
        by,
        "",
        now,
    )
    .await?;
    Ok(id)
}

/// Replaces a buddy's interests (the list filter reads them from here).
async fn set_interests(
    db: &impl ConnectionTrait,
    id: i32,
    interests: &[i64],
) -> Result<(), AppError> {
    buddy_interest::Entity::delete_many()
        .filter(buddy_interest::Column::PersonId.eq(id))
        .exec(db)
        .await?;
    if !interests.is_empty() {
        buddy_interest::Entity::insert_many(interests.iter().map(|&i| {
            buddy_interest::ActiveModel {
                person_id: Set(id),
                interest_id: Set(i as i32),
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Saves an edited application if nobody saved in between (`version`); `Conflict`
/// otherwise. The status, screening and dates stay as they are.
pub async fn update(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    application: &Application,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let p = &application.profile;
    let result = buddy::Entity::update_many()
        .col_expr(buddy::Column::FirstName, Expr::value(p.first_name.clone()))
        .col_expr(buddy::Column::LastName, Expr::value(p.last_name.clone()))
        .col_expr(buddy::Column::BirthDate, Expr::value(p.birth_date))
        .col_expr(buddy::Column::Gender, Expr::value(p.gender.code()))
        .col_expr(
            buddy::Column::MunicipalityId,
            Expr::value(p.municipality_id as i32),
        )
        .col_expr(buddy::Column::Profile, Expr::value(json(p)?))
        .col_expr(
            buddy::Column::Motivation,
            Expr::value(application.motivation.clone()),
        )
        .col_expr(
            buddy::Column::Capacity,
            Expr::value(i32::from(application.capacity)),
        )
        .col_expr(buddy::Column::UpdatedAt, Expr::value(now))
        .col_expr(buddy::Column::Version, Expr::value(version + 1))
        .filter(buddy::Column::Id.eq(id))
        .filter(buddy::Column::Version.eq(version))
        // An anonymised record is never filled in again.
        .filter(buddy::Column::ErasedOn.is_null())
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(match buddy::Entity::find_by_id(id).one(db).await? {
            Some(_) => AppError::Conflict,
            None => AppError::NotFound,
        });
    }
    set_interests(db, id, &p.interests).await
}

/// One page of the buddies `filter` picks on `today`; of only those handed to `screener`
/// when one is given.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &BuddyFilter,
    screener: Option<i32>,
    today: NaiveDate,
) -> Result<Paged<BuddyRow>, AppError> {
    use super::people_list::{PeopleColumns, condition, municipality_names, one_page};
    use sea_orm::{Order, sea_query::NullOrdering};

    let columns = PeopleColumns {
        id: buddy::Column::Id,
        status: buddy::Column::Status,
        municipality: buddy::Column::MunicipalityId,
        first_name: buddy::Column::FirstName,
        last_name: buddy::Column::LastName,
    };
    let interests = (
        buddy_interest::Entity,
        buddy_interest::Column::PersonId,
        buddy_interest::Column::InterestId,
    );
    let mut condition = condition(filter, columns, interests);
    if let Some(screener) = screener {
        condition = condition.add(buddy::Column::ScreenerId.eq(screener));
    }
    let sort = filter.sort;
    let page = one_page(
        db,
        buddy::Entity::find().filter(condition),
        |query| match sort {
            BuddySort::Newest => query
                .order_by_desc(buddy::Column::AppliedOn)
                .order_by_desc(buddy::Column::Id),
            BuddySort::Name => query
                .order_by_asc(buddy::Column::LastName)
                .order_by_asc(buddy::Column::FirstName)
                .order_by_asc(buddy::Column::Id),
            // Said explicitly: SQLite puts NULLs first in ascending order, PostgreSQL last.
            BuddySort::LongestApproved => query
                .order_by_with_nulls(buddy::Column::ApprovedOn, Order::Asc, NullOrdering::Last)
                .order_by_asc(buddy::Column::Id),
        },
        filter.page,
    )
    .await?;
    let places = municipality_names(db, page.rows.iter().map(|m| m.municipality_id)).await?;
    let screeners: std::collections::HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(page.rows.iter().filter_map(|m| m.screener_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let rows = page
        .rows
        .into_iter()
        .map(|m| {
            Ok(BuddyRow {
                id: m.id,
                age: age_on(m.birth_date, today),
                municipality: places.get(&m.municipality_id).cloned().unwrap_or_default(),
                status: status_of(&m.status)?,
                applied_on: m.applied_on,
                approved_on: m.approved_on,
                screener: m.screener_id.and_then(|s| screeners.get(&s).cloned()),
                first_name: m.first_name,
                last_name: m.last_name,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(Paged {
        rows,
        total: page.total,
        page: page.page,
    })
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<BuddyDetail>, AppError> {
    let Some(m) = buddy::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let profile: Profile = parse(&m.profile)?;
    let rows = screening::Entity::find()
        .filter(screening::Column::BuddyId.eq(id))
        .order_by_asc(screening::Column::Id)
        .all(db)
        .await?;
    let names: std::collections::HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().filter_map(|r| r.screener_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let screenings = rows
        .into_iter()
        .map(|r| {
            Ok(ScreeningRecord {
                held_on: r.held_on,
                outcome: super::decode("screening", "outcome", &r.outcome)?,
                notes: r.notes,
                screener: r.screener_id.and_then(|s| names.get(&s).cloned()),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(Some(BuddyDetail {
        id: m.id,
        version: m.version,
        status: status_of(&m.status)?,
        application: Application {
            profile,
            motivation: m.motivation,
            capacity: m.capacity.clamp(0, 255) as u8,
        },
        applied_on: m.applied_on,
        approved_on: m.approved_on,
        screener_id: m.screener_id,
        screenings,
        timeline: super::timeline::list(db, subject::BUDDY, id).await?,
        has_account: m.user_id.is_some(),
        erased_on: m.erased_on,
    }))
}

/// The screener a buddy is handed to, if any (for the ownership check).
/// The buddy record of a signed-in buddy's account, if a coordinator linked one.
pub async fn id_of_user(db: &impl ConnectionTrait, user_id: i32) -> Result<Option<i32>, AppError> {
    Ok(buddy::Entity::find()
        .filter(buddy::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .map(|b| b.id))
}

/// Links a buddy record to the account they sign in with.
pub async fn link_user(db: &impl ConnectionTrait, id: i32, user_id: i32) -> Result<(), AppError> {
    buddy::Entity::update_many()
        .col_expr(buddy::Column::UserId, Expr::value(user_id))
        .filter(buddy::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn screener_of(db: &impl ConnectionTrait, id: i32) -> Result<Option<i32>, AppError> {
    Ok(buddy::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?
        .screener_id)
}

/// Hands an applied (or still screening) candidate to a screener.
pub async fn hand_to_screener(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    screener: i32,
    by: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let current = buddy::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = status_of(&current.status)?;
    if current.version != version {
        return Err(AppError::Conflict);
    }
    if !matches!(from, BuddyStatus::Applied | BuddyStatus::Screening) {
        return Err(AppError::validation(
            "status",
            crate::domain::validation::Problem::Invalid,
        ));
    }
    let result = buddy::Entity::update_many()
        .col_expr(buddy::Column::ScreenerId, Expr::value(Some(screener)))
        .col_expr(
            buddy::Column::Status,
            Expr::value(BuddyStatus::Screening.code()),
        )
        .col_expr(buddy::Column::UpdatedAt, Expr::value(now))
        .col_expr(buddy::Column::Version, Expr::value(version + 1))
        .filter(buddy::Column::Id.eq(id))
        .filter(buddy::Column::Version.eq(version))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::Conflict);
    }
    let to = BuddyStatus::Screening.code();
    record(
        db,
        subject::BUDDY,
        id,
        Some(from.code()),
        to,
        Some(by),
        "",
        now,
    )
    .await
}

/// Records a screening interview; the outcome moves the buddy on.
#[allow(clippy::too_many_arguments)]
pub async fn record_screening(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    held_on: NaiveDate,
    outcome: ScreeningOutcome,
    notes: &str,
    by: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let current = buddy::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = status_of(&current.status)?;
    if current.version != version {
        return Err(AppError::Conflict);
    }
    if from != BuddyStatus::Screening {
        return Err(AppError::validation(
            "outcome",
            crate::domain::validation::Problem::Invalid,
        ));
    }
    let to = outcome.buddy_status();
    let approved_on = (to == BuddyStatus::Available).then_some(held_on);
    let result = buddy::Entity::update_many()
        .col_expr(buddy::Column::Status, Expr::value(to.code()))
        .col_expr(buddy::Column::ApprovedOn, Expr::value(approved_on))
        .col_expr(buddy::Column::UpdatedAt, Expr::value(now))
        .col_expr(buddy::Column::Version, Expr::value(version + 1))
        .filter(buddy::Column::Id.eq(id))
        .filter(buddy::Column::Version.eq(version))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::Conflict);
    }
    screening::Entity::insert(screening::ActiveModel {
        buddy_id: Set(id),
        screener_id: Set(Some(by)),
        held_on: Set(held_on),
        outcome: Set(outcome.code().into()),
        notes: Set(notes.into()),
        recorded_at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await?;
    if to != from {
        record(
            db,
            subject::BUDDY,
            id,
            Some(from.code()),
            to.code(),
            Some(by),
            "",
            now,
        )
        .await?;
    }
    Ok(())
}

/// Moves a buddy to `to` (duos and pauses; screening has its own function), with a line in
/// the timeline.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: i32,
    to: BuddyStatus,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let current = buddy::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = status_of(&current.status)?;
    buddy::Entity::update_many()
        .col_expr(buddy::Column::Status, Expr::value(to.code()))
        .col_expr(buddy::Column::UpdatedAt, Expr::value(now))
        .col_expr(buddy::Column::Version, Expr::value(current.version + 1))
        .filter(buddy::Column::Id.eq(id))
        .exec(db)
        .await?;
    record(
        db,
        subject::BUDDY,
        id,
        Some(from.code()),
        to.code(),
        by,
        "",
        now,
    )
    .await
}
