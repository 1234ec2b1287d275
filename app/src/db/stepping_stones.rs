//! The stepping-stone catalogue: entries as `domain::stepping_stone::Offer`, written from a
//! checked `NewOffer`, edits guarded by a version.

use std::collections::BTreeSet;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::stepping_stone::{ActiveModel, Column, Entity, Model};
use crate::domain::stepping_stone::{Access, Cost, NewOffer, Offer, StoredOffer};
use crate::error::AppError;

const TABLE: &str = "stepping_stone";

fn to_offer(m: Model) -> Result<StoredOffer, AppError> {
    let kind = super::decode(TABLE, "kind", &m.kind)?;
    let accessibility: BTreeSet<Access> = serde_json::from_str::<Vec<String>>(&m.accessibility)
        .map_err(|e| AppError::internal(format!("{TABLE}.accessibility of {}: {e}", m.id)))?
        .iter()
        .map(|code| super::decode(TABLE, "accessibility", code))
        .collect::<Result<_, _>>()?;
    let interests: Vec<i64> = serde_json::from_str(&m.interests)
        .map_err(|e| AppError::internal(format!("{TABLE}.interests of {}: {e}", m.id)))?;
    let cost = match cents(m.price_cents) {
        None | Some(0) => Cost::Free,
        Some(full) => Cost::Amount {
            cents: full,
            uitpas_cents: cents(m.uitpas_cents),
        },
    };
    let last_checked = m
        .last_checked
        .ok_or_else(|| AppError::internal(format!("{TABLE}.last_checked of {} is null", m.id)))?;
    Ok(StoredOffer {
        offer: Offer {
            id: m.id.into(),
            provider: m.provider,
            title: m.title,
            kind,
            description: m.description,
            municipality_id: m.municipality_id.map(i64::from),
            address: m.place,
            slots: crate::domain::profile::Availability(m.slots as u32),
            starts_on: m.starts_on,
            ends_on: m.ends_on,
            cost,
            accessibility,
            interests,
            contact: m.contact,
            link: m.link,
            last_checked,
            hidden: !m.active,
        },
        version: m.version,
    })
}

fn cents(v: Option<i32>) -> Option<u32> {
    v.and_then(|c| u32::try_from(c).ok())
}

/// The columns an entry's form sets (everything but id, hidden and version).
fn fill(a: &mut ActiveModel, o: &NewOffer) -> Result<(), AppError> {
    a.provider = Set(o.provider.clone());
    a.title = Set(o.title.clone());
    a.kind = Set(o.kind.code().to_owned());
    a.description = Set(o.description.clone());
    a.municipality_id = Set(o.municipality_id.and_then(|m| i32::try_from(m).ok()));
    a.place = Set(o.address.clone());
    a.slots = Set(o.slots.0 as i32);
    a.starts_on = Set(o.starts_on);
    a.ends_on = Set(o.ends_on);
    let (price, uitpas) = match o.cost {
        Cost::Free => (None, None),
        Cost::Amount {
            cents,
            uitpas_cents,
        } => (Some(cents as i32), uitpas_cents.map(|c| c as i32)),
    };
    a.price_cents = Set(price);
    a.uitpas_cents = Set(uitpas);
    let codes: Vec<&str> = o.accessibility.iter().map(|a| a.code()).collect();
    a.accessibility = Set(to_json(&codes)?);
    a.interests = Set(to_json(&o.interests)?);
    a.contact = Set(o.contact.clone());
    a.link = Set(o.link.clone());
    a.last_checked = Set(Some(o.last_checked));
    Ok(())
}

/// A value kept as JSON text in a column.
fn to_json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| AppError::internal(e.to_string()))
}

/// The whole catalogue, by provider and title; hidden entries only when `with_hidden`.
pub async fn all(db: &impl ConnectionTrait, with_hidden: bool) -> Result<Vec<Offer>, AppError> {
    let mut query = Entity::find()
        .order_by_asc(Column::Provider)
        .order_by_asc(Column::Title)
        .order_by_asc(Column::Id);
    if !with_hidden {
        query = query.filter(Column::Active.eq(true));
    }
    query
        .all(db)
        .await?
        .into_iter()
        .map(|m| to_offer(m).map(|s| s.offer))
        .collect()
}

/// One entry, hidden or not, with its version.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<StoredOffer>, AppError> {
    Entity::find_by_id(id)
        .one(db)
        .await?
        .map(to_offer)
        .transpose()
}

/// Adds an entry on `today`; `hidden` as checked.
pub async fn create(
    db: &impl ConnectionTrait,
    offer: &NewOffer,
    today: chrono::NaiveDate,
) -> Result<i32, AppError> {
    let mut a = ActiveModel {
        active: Set(!offer.hidden),
        added_on: Set(Some(today)),
        version: Set(1),
        ..Default::default()
    };
    fill(&mut a, offer)?;
    Ok(Entity::insert(a).exec(db).await?.last_insert_id)
}

/// Replaces an entry's fields if it is still at `version`; `hidden` is left as it is (hiding
/// is its own step). Someone else's save in between is a conflict.
pub async fn update(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    offer: &NewOffer,
) -> Result<(), AppError> {
    let mut a = ActiveModel {
        version: Set(version + 1),
        ..Default::default()
    };
    fill(&mut a, offer)?;
    let changed = Entity::update_many()
        .set(a)
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(version))
        .exec(db)
        .await?
        .rows_affected;
    match changed {
        1 => Ok(()),
        _ => match Entity::find_by_id(id).one(db).await? {
            None => Err(AppError::NotFound),
            Some(_) => Err(AppError::Conflict),
        },
    }
}

/// Hides an entry from suggestions and referrals (or shows it again); earlier referrals keep it.
pub async fn set_hidden(db: &impl ConnectionTrait, id: i32, hidden: bool) -> Result<(), AppError> {
    let changed = Entity::update_many()
        .col_expr(Column::Active, Expr::value(!hidden))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?
        .rows_affected;
    if changed == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// When each entry entered the catalogue (entries of the first list: when it became one).
pub async fn added_on(
    db: &impl ConnectionTrait,
) -> Result<std::collections::BTreeMap<i64, chrono::NaiveDate>, AppError> {
    Ok(Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|m| m.added_on.map(|d| (i64::from(m.id), d)))
        .collect())
}
