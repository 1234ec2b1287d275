//! The admin-managed lists, and the defaults a new installation starts with.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::{
    activity_kind, event_kind, interest, municipality, personality_scale, referral_organisation,
    stepping_stone,
};
use crate::domain::lists::{Lists, Named, Scale, SteppingStone, defaults};
use crate::domain::profile::{Municipality, default_municipalities};
use crate::error::AppError;

/// Settings key that marks the defaults as written (once: admins may remove them later).
const SEEDED: &str = "lists_seeded";

/// Writes the default lists into a new installation.
pub async fn seed_defaults(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), AppError> {
    if super::settings::get(db, SEEDED).await?.is_some() {
        return Ok(());
    }
    municipality::Entity::insert_many(default_municipalities().into_iter().map(
        |(name, postcode, lat, lon)| municipality::ActiveModel {
            name: Set(name.into()),
            postcode: Set(postcode.into()),
            lat: Set(lat),
            lon: Set(lon),
            active: Set(true),
            ..Default::default()
        },
    ))
    .exec(db)
    .await?;
    interest::Entity::insert_many(defaults::INTERESTS.iter().enumerate().map(|(i, name)| {
        interest::ActiveModel {
            name: Set((*name).into()),
            active: Set(true),
            position: Set(i as i32),
            ..Default::default()
        }
    }))
    .exec(db)
    .await?;
    personality_scale::Entity::insert_many(defaults::SCALES.iter().enumerate().map(
        |(i, (low, high))| personality_scale::ActiveModel {
            low: Set((*low).into()),
            high: Set((*high).into()),
            active: Set(true),
            position: Set(i as i32),
            ..Default::default()
        },
    ))
    .exec(db)
    .await?;
    activity_kind::Entity::insert_many(defaults::ACTIVITY_KINDS.iter().enumerate().map(
        |(i, name)| activity_kind::ActiveModel {
            name: Set((*name).into()),
            active: Set(true),
            position: Set(i as i32),
            ..Default::default()
        },
    ))
    .exec(db)
    .await?;
    referral_organisation::Entity::insert_many(
        defaults::REFERRAL_ORGANISATIONS
            .iter()
            .enumerate()
            .map(|(i, name)| referral_organisation::ActiveModel {
                name: Set((*name).into()),
                active: Set(true),
                position: Set(i as i32),
                ..Default::default()
            }),
    )
    .exec(db)
    .await?;
    let towns: std::collections::HashMap<String, i32> = municipality::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.name, m.id))
        .collect();
    stepping_stone::Entity::insert_many(defaults::STEPPING_STONES.iter().map(
        |(provider, title, town, link)| {
            stepping_stone::ActiveModel {
                provider: Set((*provider).into()),
                title: Set((*title).into()),
                place: Set(String::new()),
                municipality_id: Set(towns.get(*town).copied()),
                link: Set((*link).into()),
                interests: Set("[]".into()),
                active: Set(true),
                kind: Set(crate::domain::stepping_stone::OfferKind::Course
                    .code()
                    .into()),
                description: Set(String::new()),
                slots: Set(0),
                accessibility: Set("[]".into()),
                contact: Set(String::new()),
                last_checked: Set(Some(now.date_naive())),
                added_on: Set(Some(now.date_naive())),
                version: Set(1),
                ..Default::default()
            }
        },
    ))
    .exec(db)
    .await?;
    super::settings::put(db, SEEDED, "true", None, now).await?;
    Ok(())
}

/// Every list; inactive entries too when `all`, for the admin pages and for naming the
/// values of older records.
pub async fn load(db: &impl ConnectionTrait, all: bool) -> Result<Lists, AppError> {
    let keep = |active: bool| all || active;
    let municipalities = municipality::Entity::find()
        .order_by_asc(municipality::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| keep(m.active))
        .map(|m| Municipality {
            id: m.id.into(),
            name: m.name,
            postcode: m.postcode,
            lat: m.lat,
            lon: m.lon,
        })
        .collect();
    let interests = interest::Entity::find()
        .order_by_asc(interest::Column::Position)
        .order_by_asc(interest::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| keep(m.active))
        .map(|m| Named {
            id: m.id.into(),
            name: m.name,
            active: m.active,
        })
        .collect();
    let scales = personality_scale::Entity::find()
        .order_by_asc(personality_scale::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| keep(m.active))
        .map(|m| Scale {
            id: m.id.into(),
            low: m.low,
            high: m.high,
            active: m.active,
        })
        .collect();
    let activity_kinds = activity_kind::Entity::find()
        .order_by_asc(activity_kind::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| keep(m.active))
        .map(|m| Named {
            id: m.id.into(),
            name: m.name,
            active: m.active,
        })
        .collect();
    let referral_organisations = referral_organisation::Entity::find()
        .order_by_asc(referral_organisation::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| keep(m.active))
        .map(|m| Named {
            id: m.id.into(),
            name: m.name,
            active: m.active,
        })
        .collect();
    let mut event_kinds = Vec::new();
    for m in event_kind::Entity::find()
        .order_by_asc(event_kind::Column::Position)
        .order_by_asc(event_kind::Column::Id)
        .all(db)
        .await?
    {
        if keep(m.active) {
            event_kinds.push(crate::domain::event::EventKindEntry {
                id: m.id.into(),
                meaning: super::decode("event_kind", "meaning", &m.meaning)?,
                name: m.name,
                active: m.active,
            });
        }
    }
    let stepping_stones = stepping_stone::Entity::find()
        .filter(stepping_stone::Column::Id.gt(0))
        .order_by_asc(stepping_stone::Column::Provider)
        .all(db)
        .await?
        .into_iter()
        .filter(|m| keep(m.active))
        .map(|m| SteppingStone {
            id: m.id.into(),
            provider: m.provider,
            title: m.title,
            place: m.place,
            link: m.link,
            interests: serde_json::from_str(&m.interests).unwrap_or_default(),
            active: m.active,
        })
        .collect();
    Ok(Lists {
        municipalities,
        interests,
        scales,
        activity_kinds,
        referral_organisations,
        stepping_stones,
        event_kinds,
    })
}

/// Adds an entry at the end of its list. A name already in the list is a field problem.
pub async fn add(
    db: &impl ConnectionTrait,
    kind: crate::domain::lists::ListKind,
    entry: crate::domain::lists::Entry,
) -> Result<i32, AppError> {
    use crate::domain::lists::{Entry, ListKind};
    use crate::domain::validation::Problem;
    use sea_orm::{PaginatorTrait, SqlErr};

    let result = match (kind, entry) {
        (ListKind::Interests, Entry::Named(name)) => {
            let position = interest::Entity::find().count(db).await? as i32;
            interest::Entity::insert(interest::ActiveModel {
                name: Set(name),
                active: Set(true),
                position: Set(position),
                ..Default::default()
            })
            .exec(db)
            .await
            .map(|r| r.last_insert_id)
        }
        (ListKind::ActivityKinds, Entry::Named(name)) => {
            let position = activity_kind::Entity::find().count(db).await? as i32;
            activity_kind::Entity::insert(activity_kind::ActiveModel {
                name: Set(name),
                active: Set(true),
                position: Set(position),
                ..Default::default()
            })
            .exec(db)
            .await
            .map(|r| r.last_insert_id)
        }
        (ListKind::ReferralOrganisations, Entry::Named(name)) => {
            let position = referral_organisation::Entity::find().count(db).await? as i32;
            referral_organisation::Entity::insert(referral_organisation::ActiveModel {
                name: Set(name),
                active: Set(true),
                position: Set(position),
                ..Default::default()
            })
            .exec(db)
            .await
            .map(|r| r.last_insert_id)
        }
        // The admins' own kinds of event behave as "other".
        (ListKind::EventKinds, Entry::Named(name)) => {
            let position = event_kind::Entity::find().count(db).await? as i32;
            event_kind::Entity::insert(event_kind::ActiveModel {
                name: Set(Some(name)),
                meaning: Set(crate::domain::event::EventKind::Other.code().to_owned()),
                active: Set(true),
                position: Set(position),
                ..Default::default()
            })
            .exec(db)
            .await
            .map(|r| r.last_insert_id)
        }
        (ListKind::Scales, Entry::Scale { low, high }) => {
            let position = personality_scale::Entity::find().count(db).await? as i32;
            personality_scale::Entity::insert(personality_scale::ActiveModel {
                low: Set(low),
                high: Set(high),
                active: Set(true),
                position: Set(position),
                ..Default::default()
            })
            .exec(db)
            .await
            .map(|r| r.last_insert_id)
        }
        (
            ListKind::Municipalities,
            Entry::Municipality {
                name,
                postcode,
                lat,
                lon,
            },
        ) => municipality::Entity::insert(municipality::ActiveModel {
            name: Set(name),
            postcode: Set(postcode),
            lat: Set(lat),
            lon: Set(lon),
            active: Set(true),
            ..Default::default()
        })
        .exec(db)
        .await
        .map(|r| r.last_insert_id),
        _ => return Err(AppError::validation("list", Problem::Invalid)),
    };
    match result {
        Ok(id) => Ok(id),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AppError::validation("name", Problem::AlreadyUsed))
        }
        Err(e) => Err(e.into()),
    }
}

/// Takes an entry out of the forms (or puts it back); records that use it keep it.
pub async fn set_active(
    db: &impl ConnectionTrait,
    kind: crate::domain::lists::ListKind,
    id: i32,
    active: bool,
) -> Result<(), AppError> {
    use crate::domain::lists::ListKind;
    use sea_orm::sea_query::Expr;

    let rows = match kind {
        ListKind::Interests => {
            interest::Entity::update_many()
                .col_expr(interest::Column::Active, Expr::value(active))
                .filter(interest::Column::Id.eq(id))
                .exec(db)
                .await?
        }
        ListKind::ActivityKinds => {
            activity_kind::Entity::update_many()
                .col_expr(activity_kind::Column::Active, Expr::value(active))
                .filter(activity_kind::Column::Id.eq(id))
                .exec(db)
                .await?
        }
        ListKind::ReferralOrganisations => {
            referral_organisation::Entity::update_many()
                .col_expr(referral_organisation::Column::Active, Expr::value(active))
                .filter(referral_organisation::Column::Id.eq(id))
                .exec(db)
                .await?
        }
        ListKind::Scales => {
            personality_scale::Entity::update_many()
                .col_expr(personality_scale::Column::Active, Expr::value(active))
                .filter(personality_scale::Column::Id.eq(id))
                .exec(db)
                .await?
        }
        ListKind::Municipalities => {
            municipality::Entity::update_many()
                .col_expr(municipality::Column::Active, Expr::value(active))
                .filter(municipality::Column::Id.eq(id))
                .exec(db)
                .await?
        }
        ListKind::EventKinds => {
            event_kind::Entity::update_many()
                .col_expr(event_kind::Column::Active, Expr::value(active))
                .filter(event_kind::Column::Id.eq(id))
                .exec(db)
                .await?
        }
        ListKind::SteppingStones => {
            stepping_stone::Entity::update_many()
                .col_expr(stepping_stone::Column::Active, Expr::value(active))
                .filter(stepping_stone::Column::Id.eq(id))
                .exec(db)
                .await?
        }
    };
    if rows.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
