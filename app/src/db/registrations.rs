//! Registrations of candidate participants in the database: stored with a possible duplicate
//! found (never merged), listed for the coordinator by intake due date, planned, and closed
//! by the intake that makes the participant's record.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::{municipality, participant, referral_organisation, registration};
use crate::domain::registration::{
    Duplicate, PersonKey, RegisteredBy, Registration, RegistrationStatus, RegistrationView,
};
use crate::error::AppError;

use registration::{Column, Entity};

/// A participant or an open registration that may be the same person as `r`.
async fn possible_duplicate(
    db: &impl ConnectionTrait,
    r: &Registration,
) -> Result<Option<Duplicate>, AppError> {
    let lower = |col: participant::Column| Expr::expr(Func::lower(Expr::col(col)));
    let same_name = participant::Entity::find()
        .filter(lower(participant::Column::FirstName).eq(r.first_name.to_lowercase()))
        .filter(lower(participant::Column::LastName).eq(r.last_name.to_lowercase()))
        .one(db)
        .await?;
    if let Some(p) = same_name {
        return Ok(Some(Duplicate::Participant(p.id)));
    }
    // Open registrations are few: compared whole (name, e-mail address, phone number).
    let key = PersonKey::from(r);
    let open = Entity::find()
        .filter(Column::Status.eq(RegistrationStatus::Open.code()))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    Ok(open
        .iter()
        .find(|m| {
            key.may_be(&PersonKey {
                first_name: m.first_name.clone(),
                last_name: m.last_name.clone(),
                phone: m.phone.clone(),
                email: m.email.clone(),
            })
        })
        .map(|m| Duplicate::Registration(m.id)))
}

/// Stores a new registration, due for its intake on `due_on`; its id.
pub async fn create(
    db: &impl ConnectionTrait,
    r: &Registration,
    registered_on: NaiveDate,
    due_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let duplicate = possible_duplicate(db, r).await?;
    let row = registration::ActiveModel {
        status: Set(RegistrationStatus::Open.code().to_owned()),
        registered_by: Set(r.by.code().to_owned()),
        first_name: Set(r.first_name.clone()),
        last_name: Set(r.last_name.clone()),
        phone: Set(r.phone.clone()),
        email: Set(r.email.clone()),
        municipality_id: Set(id32(r.municipality_id)?),
        organisation_id: Set(r.organisation_id.map(id32).transpose()?),
        care_worker_name: Set(r.care_worker_name.clone()),
        care_worker_phone: Set(r.care_worker_phone.clone()),
        care_worker_email: Set(r.care_worker_email.clone()),
        note: Set(r.note.clone()),
        registered_on: Set(registered_on),
        intake_due_on: Set(due_on),
        intake_planned_on: Set(None),
        duplicate_of_participant: Set(match duplicate {
            Some(Duplicate::Participant(id)) => Some(id),
            _ => None,
        }),
        duplicate_of_registration: Set(match duplicate {
            Some(Duplicate::Registration(id)) => Some(id),
            _ => None,
        }),
        participant_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    };
    Ok(Entity::insert(row).exec(db).await?.last_insert_id)
}

fn id32(id: i64) -> Result<i32, AppError> {
    i32::try_from(id).map_err(|_| AppError::NotFound)
}

/// The open registrations, the intake due soonest first.
pub async fn open(db: &impl ConnectionTrait) -> Result<Vec<RegistrationView>, AppError> {
    let rows = Entity::find()
        .filter(Column::Status.eq(RegistrationStatus::Open.code()))
        .order_by_asc(Column::IntakeDueOn)
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    views(db, rows).await
}

/// One registration.
pub async fn find(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<RegistrationView>, AppError> {
    let Some(row) = Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    Ok(views(db, vec![row]).await?.pop())
}

async fn views(
    db: &impl ConnectionTrait,
    rows: Vec<registration::Model>,
) -> Result<Vec<RegistrationView>, AppError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let places: std::collections::HashMap<i32, String> = municipality::Entity::find()
        .filter(municipality::Column::Id.is_in(rows.iter().map(|r| r.municipality_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    let organisations: std::collections::HashMap<i32, String> =
        referral_organisation::Entity::find()
            .filter(
                referral_organisation::Column::Id
                    .is_in(rows.iter().filter_map(|r| r.organisation_id)),
            )
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
    rows.into_iter()
        .map(|m| {
            let table = "registration";
            Ok(RegistrationView {
                id: m.id,
                version: m.version,
                status: super::decode(table, "status", &m.status)?,
                registration: Registration {
                    by: super::decode::<RegisteredBy>(table, "registered_by", &m.registered_by)?,
                    first_name: m.first_name,
                    last_name: m.last_name,
                    phone: m.phone,
                    email: m.email,
                    municipality_id: i64::from(m.municipality_id),
                    organisation_id: m.organisation_id.map(i64::from),
                    care_worker_name: m.care_worker_name,
                    care_worker_phone: m.care_worker_phone,
                    care_worker_email: m.care_worker_email,
                    note: m.note,
                },
                municipality: places.get(&m.municipality_id).cloned().unwrap_or_default(),
                organisation: m
                    .organisation_id
                    .and_then(|id| organisations.get(&id).cloned()),
                registered_on: m.registered_on,
                intake_due_on: m.intake_due_on,
                intake_planned_on: m.intake_planned_on,
                possible_duplicate: match (m.duplicate_of_participant, m.duplicate_of_registration)
                {
                    (Some(id), _) => Some(Duplicate::Participant(id)),
                    (None, Some(id)) => Some(Duplicate::Registration(id)),
                    (None, None) => None,
                },
                participant_id: m.participant_id,
            })
        })
        .collect()
}

/// A change of an open registration read at `version`: the intake planned, or the
/// registration closed (or done, with the participant's record made from it). Two
/// coordinators at once: the second gets `Conflict`, nothing of theirs is written.
pub enum Change {
    PlanIntake(NaiveDate),
    Close,
    Done { participant_id: i32 },
}

pub async fn change(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    change: Change,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut update = Entity::update_many()
        .col_expr(Column::Version, Expr::value(version + 1))
        .col_expr(Column::UpdatedAt, Expr::value(now));
    update = match change {
        Change::PlanIntake(on) => update.col_expr(Column::IntakePlannedOn, Expr::value(on)),
        Change::Close => update.col_expr(
            Column::Status,
            Expr::value(RegistrationStatus::Closed.code()),
        ),
        Change::Done { participant_id } => update
            .col_expr(Column::Status, Expr::value(RegistrationStatus::Done.code()))
            .col_expr(Column::ParticipantId, Expr::value(participant_id)),
    };
    let changed = update
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(version))
        .filter(Column::Status.eq(RegistrationStatus::Open.code()))
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
