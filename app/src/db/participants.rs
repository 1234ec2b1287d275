//! Participants: their intake, the list with filters, and the timeline of status changes.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::{municipality, participant, participant_interest};
use super::timeline::record;
use crate::domain::audit::kind as subject;
use crate::domain::people::{
    Intake, Paged, ParticipantDetail, ParticipantFilter, ParticipantRow, ParticipantSort,
    ParticipantStatus,
};
use crate::domain::profile::{Profile, age_on};
use crate::error::AppError;

pub(crate) fn json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(AppError::internal)
}

/// The participant's first name if they agreed to share it with their buddy: the one rule
/// for everything a buddy sees or receives about them.
pub fn shared_first_name(p: &participant::Model) -> Result<Option<String>, AppError> {
    let consent: crate::domain::people::Consent = parse(&p.consent)?;
    Ok(consent.share_first_name.then(|| p.first_name.clone()))
}

/// The shared first names of these participants, by id; those who did not agree are missing.
pub async fn shared_first_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<std::collections::HashMap<i32, String>, AppError> {
    let mut names = std::collections::HashMap::new();
    for p in participant::Entity::find()
        .filter(participant::Column::Id.is_in(ids))
        .all(db)
        .await?
    {
        if let Some(name) = shared_first_name(&p)? {
            names.insert(p.id, name);
        }
    }
    Ok(names)
}

pub(crate) fn parse<T: serde::de::DeserializeOwned>(value: &str) -> Result<T, AppError> {
    serde_json::from_str(value).map_err(AppError::internal)
}

async fn set_interests(
    db: &impl ConnectionTrait,
    id: i32,
    interests: &[i64],
) -> Result<(), AppError> {
    participant_interest::Entity::delete_many()
        .filter(participant_interest::Column::PersonId.eq(id))
        .exec(db)
        .await?;
    if !interests.is_empty() {
        participant_interest::Entity::insert_many(interests.iter().map(|&interest| {
            participant_interest::ActiveModel {
                person_id: Set(id),
                interest_id: Set(interest as i32),
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Stores a new participant, waiting from the intake date on. Unknown list values (a
/// municipality or interest that does not exist) are refused by the foreign keys.
pub async fn create(
    db: &impl ConnectionTrait,
    intake: &Intake,
    by: i32,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let p = &intake.profile;
    let row = participant::ActiveModel {
        first_name: Set(p.first_name.clone()),
        last_name: Set(p.last_name.clone()),
        birth_date: Set(p.birth_date),
        gender: Set(p.gender.code().into()),
        municipality_id: Set(p.municipality_id as i32),
        profile: Set(json(p)?),
        status: Set(ParticipantStatus::Waiting.code().into()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        intake_date: Set(intake.intake_date),
        waiting_since: Set(intake.intake_date),
        referral_organisation_id: Set(intake.referral_organisation_id.map(|v| v as i32)),
        referral_contact: Set(intake.referral_contact.clone()),
        support_contact: Set(intake.support_contact.clone()),
        consent: Set(json(&intake.consent)?),
        coordinator_notes: Set(intake.coordinator_notes.clone()),
        last_contact_on: Set(Some(intake.intake_date)),
        ..Default::default()
    };
    let id = participant::Entity::insert(row)
        .exec(db)
        .await?
        .last_insert_id;
    set_interests(db, id, &p.interests).await?;
    let waiting = ParticipantStatus::Waiting.code();
    record(
        db,
        subject::PARTICIPANT,
        id,
        None,
        waiting,
        Some(by),
        "",
        now,
    )
    .await?;
    Ok(id)
}

/// Saves an edited intake if nobody saved in between (`version`); `Conflict` otherwise.
pub async fn update(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    intake: &Intake,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let p = &intake.profile;
    let result = participant::Entity::update_many()
        .col_expr(
            participant::Column::FirstName,
            Expr::value(p.first_name.clone()),
        )
        .col_expr(
            participant::Column::LastName,
            Expr::value(p.last_name.clone()),
        )
        .col_expr(participant::Column::BirthDate, Expr::value(p.birth_date))
        .col_expr(participant::Column::Gender, Expr::value(p.gender.code()))
        .col_expr(
            participant::Column::MunicipalityId,
            Expr::value(p.municipality_id as i32),
        )
        .col_expr(participant::Column::Profile, Expr::value(json(p)?))
        .col_expr(
            participant::Column::IntakeDate,
            Expr::value(intake.intake_date),
        )
        .col_expr(
            participant::Column::ReferralOrganisationId,
            Expr::value(intake.referral_organisation_id.map(|v| v as i32)),
        )
        .col_expr(
            participant::Column::ReferralContact,
            Expr::value(intake.referral_contact.clone()),
        )
        .col_expr(
            participant::Column::SupportContact,
            Expr::value(intake.support_contact.clone()),
        )
        .col_expr(
            participant::Column::Consent,
            Expr::value(json(&intake.consent)?),
        )
        .col_expr(
            participant::Column::CoordinatorNotes,
            Expr::value(intake.coordinator_notes.clone()),
        )
        .col_expr(participant::Column::UpdatedAt, Expr::value(now))
        .col_expr(participant::Column::Version, Expr::value(version + 1))
        .filter(participant::Column::Id.eq(id))
        .filter(participant::Column::Version.eq(version))
        // An anonymised record is never filled in again.
        .filter(participant::Column::ErasedOn.is_null())
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(match participant::Entity::find_by_id(id).one(db).await? {
            Some(_) => AppError::Conflict,
            None => AppError::NotFound,
        });
    }
    set_interests(db, id, &p.interests).await
}

/// Moves a participant to another status by hand, if the lifecycle allows it.
pub async fn change_status(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    change: &crate::domain::people::StatusMove,
    by: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let to = change.to;
    let current = participant::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let from: ParticipantStatus = super::decode("participant", "status", &current.status)?;
    if current.version != version {
        return Err(AppError::Conflict);
    }
    // An anonymised record stays closed: reopening it would bring back nobody.
    if current.erased_on.is_some() || !from.can_move_to(to) {
        return Err(AppError::validation(
            "status",
            crate::domain::validation::Problem::Invalid,
        ));
    }
    let result = participant::Entity::update_many()
        .col_expr(participant::Column::Status, Expr::value(to.code()))
        .col_expr(participant::Column::UpdatedAt, Expr::value(now))
        .col_expr(participant::Column::Version, Expr::value(version + 1))
        .filter(participant::Column::Id.eq(id))
        .filter(participant::Column::Version.eq(version))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::Conflict);
    }
    super::timeline::record_closing(
        db,
        subject::PARTICIPANT,
        id,
        Some(from.code()),
        to.code(),
        Some(by),
        &change.note,
        change.reason.map(|r| r.code()),
        now,
    )
    .await
}

/// One page of the list, with the total, for `filter` on `today`.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &ParticipantFilter,
    today: NaiveDate,
) -> Result<Paged<ParticipantRow>, AppError> {
    use super::people_list::{PeopleColumns, condition, municipality_names, one_page};

    let columns = PeopleColumns {
        id: participant::Column::Id,
        status: participant::Column::Status,
        municipality: participant::Column::MunicipalityId,
        first_name: participant::Column::FirstName,
        last_name: participant::Column::LastName,
    };
    let interests = (
        participant_interest::Entity,
        participant_interest::Column::PersonId,
        participant_interest::Column::InterestId,
    );
    let mut condition = condition(&filter.people, columns, interests);
    if let Some(days) = filter.min_days_waiting {
        let until = today - chrono::Duration::days(days.clamp(0, 365 * 100));
        condition = condition.add(participant::Column::WaitingSince.lte(until));
    }
    let sort = filter.people.sort;
    let page = one_page(
        db,
        participant::Entity::find().filter(condition),
        |query| match sort {
            ParticipantSort::WaitingLongest => query
                .order_by_asc(participant::Column::WaitingSince)
                .order_by_asc(participant::Column::Id),
            ParticipantSort::Name => query
                .order_by_asc(participant::Column::LastName)
                .order_by_asc(participant::Column::FirstName)
                .order_by_asc(participant::Column::Id),
            ParticipantSort::Newest => query.order_by_desc(participant::Column::Id),
        },
        filter.people.page,
    )
    .await?;
    let places = municipality_names(db, page.rows.iter().map(|m| m.municipality_id)).await?;
    let rows = page
        .rows
        .into_iter()
        .map(|m| {
            Ok(ParticipantRow {
                id: m.id,
                age: age_on(m.birth_date, today),
                municipality: places.get(&m.municipality_id).cloned().unwrap_or_default(),
                status: super::decode("participant", "status", &m.status)?,
                days_waiting: std::cmp::max((today - m.waiting_since).num_days(), 0),
                waiting_since: m.waiting_since,
                last_contact_on: m.last_contact_on,
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

pub async fn find(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<ParticipantDetail>, AppError> {
    let Some(m) = participant::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let profile: Profile = parse(&m.profile)?;
    Ok(Some(ParticipantDetail {
        id: m.id,
        version: m.version,
        status: super::decode("participant", "status", &m.status)?,
        intake: Intake {
            profile,
            intake_date: m.intake_date,
            referral_organisation_id: m.referral_organisation_id.map(i64::from),
            referral_contact: m.referral_contact,
            support_contact: m.support_contact,
            consent: parse(&m.consent)?,
            coordinator_notes: m.coordinator_notes,
        },
        waiting_since: m.waiting_since,
        last_contact_on: m.last_contact_on,
        erased_on: m.erased_on,
        timeline: super::timeline::list(db, subject::PARTICIPANT, id).await?,
    }))
}

/// Waiting participants, longest waiting first, with their contacts and referrals.
pub async fn waiting(
    db: &impl ConnectionTrait,
    today: NaiveDate,
    contact_weeks: i64,
) -> Result<Vec<crate::domain::people::WaitingRow>, AppError> {
    use super::entities::{participant_contact, stepping_stone};
    use crate::domain::people::{WaitingRow, contact_overdue};

    let models = participant::Entity::find()
        .filter(participant::Column::Status.eq(ParticipantStatus::Waiting.code()))
        .order_by_asc(participant::Column::WaitingSince)
        .order_by_asc(participant::Column::Id)
        .all(db)
        .await?;
    let places: std::collections::HashMap<i32, String> = municipality::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    let stones: std::collections::HashMap<i32, String> = stepping_stone::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, format!("{}: {}", s.provider, s.title)))
        .collect();
    let mut referrals: std::collections::HashMap<i32, Vec<(String, NaiveDate)>> =
        std::collections::HashMap::new();
    for c in participant_contact::Entity::find()
        .filter(participant_contact::Column::SteppingStoneId.is_not_null())
        .filter(participant_contact::Column::ParticipantId.is_in(models.iter().map(|m| m.id)))
        .order_by_asc(participant_contact::Column::On)
        .all(db)
        .await?
    {
        if let Some(title) = c.stepping_stone_id.and_then(|s| stones.get(&s)) {
            referrals
                .entry(c.participant_id)
                .or_default()
                .push((title.clone(), c.on));
        }
    }
    Ok(models
        .into_iter()
        .map(|m| WaitingRow {
            id: m.id,
            municipality: places.get(&m.municipality_id).cloned().unwrap_or_default(),
            days_waiting: std::cmp::max((today - m.waiting_since).num_days(), 0),
            contact_overdue: contact_overdue(
                m.last_contact_on,
                m.waiting_since,
                today,
                contact_weeks,
            ),
            referrals: referrals.remove(&m.id).unwrap_or_default(),
            stone_hint: None,
            waiting_since: m.waiting_since,
            last_contact_on: m.last_contact_on,
            first_name: m.first_name,
            last_name: m.last_name,
        })
        .collect())
}

/// Records a contact with a participant (a referral to a stepping stone when one is named)
/// and moves their last contact date on.
pub async fn record_contact(
    db: &impl ConnectionTrait,
    id: i32,
    on: NaiveDate,
    stepping_stone: Option<i32>,
    note: &str,
    by: i32,
) -> Result<(), AppError> {
    use super::entities::participant_contact;

    let current = participant::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    participant_contact::Entity::insert(participant_contact::ActiveModel {
        participant_id: Set(id),
        on: Set(on),
        stepping_stone_id: Set(stepping_stone),
        note: Set(note.into()),
        by_user: Set(Some(by)),
        ..Default::default()
    })
    .exec(db)
    .await?;
    if current.last_contact_on.is_none_or(|last| last < on) {
        participant::Entity::update_many()
            .col_expr(participant::Column::LastContactOn, Expr::value(Some(on)))
            .filter(participant::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(())
}
