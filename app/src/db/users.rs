//! Accounts.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, SqlErr,
};

use super::entities::user::{self, Column, Entity};
use crate::domain::account::Role;
use crate::domain::validation::Problem;
use crate::error::AppError;

pub use crate::domain::account::Account as User;

pub(crate) fn from_model(m: user::Model) -> Result<User, AppError> {
    let role: Role = super::decode("user", "role", &m.role)?;
    Ok(User {
        id: m.id,
        email: m.email,
        display_name: m.display_name,
        role,
        active: m.active,
        has_password: m.password_hash.is_some(),
        two_factor: m.totp_secret.is_some(),
        version: m.version,
    })
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub password_hash: Option<String>,
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, AppError> {
    Ok(Entity::find().count(db).await?)
}

pub async fn create(
    db: &impl ConnectionTrait,
    new: NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<User, AppError> {
    let row = user::ActiveModel {
        email: Set(new.email.to_owned()),
        display_name: Set(new.display_name.to_owned()),
        role: Set(new.role.code().to_owned()),
        password_hash: Set(new.password_hash),
        active: Set(true),
        totp_secret: Set(None),
        totp_pending_secret: Set(None),
        totp_last_step: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    };
    match Entity::insert(row).exec_with_returning(db).await {
        Ok(model) => from_model(model),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(AppError::validation("email", Problem::AlreadyUsed))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<User>, AppError> {
    Entity::find_by_id(id)
        .one(db)
        .await?
        .map(from_model)
        .transpose()
}

/// The account and its password hash, for signing in.
pub async fn find_for_login(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<(User, Option<String>)>, AppError> {
    match Entity::find()
        .filter(Column::Email.eq(email))
        .one(db)
        .await?
    {
        None => Ok(None),
        Some(model) => {
            let hash = model.password_hash.clone();
            Ok(Some((from_model(model)?, hash)))
        }
    }
}

pub async fn password_hash(db: &impl ConnectionTrait, id: i32) -> Result<Option<String>, AppError> {
    Ok(Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|m| m.password_hash))
}

pub async fn set_password_hash(
    db: &impl ConnectionTrait,
    id: i32,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    Entity::update_many()
        .col_expr(Column::PasswordHash, Expr::value(hash.to_owned()))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<User>, AppError> {
    Entity::find()
        .order_by_asc(Column::DisplayName)
        .all(db)
        .await?
        .into_iter()
        .map(from_model)
        .collect()
}

/// Changes role and active flag if the stored version is still `version`.
pub async fn update_access(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    role: Role,
    active: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let result = Entity::update_many()
        .col_expr(Column::Role, Expr::value(role.code()))
        .col_expr(Column::Active, Expr::value(active))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::value(version + 1))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(version))
        .exec(db)
        .await?;
    if result.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::Conflict)
    }
}

/// Keeps the language this person chose, for the mails, reminders and calendar feed Klik
/// writes to them. Not a change of the account's access: its version stays.
pub async fn set_language(
    db: &impl ConnectionTrait,
    id: i32,
    lang: crate::i18n::Lang,
) -> Result<(), AppError> {
    Entity::update_many()
        .col_expr(Column::Language, Expr::value(lang.code()))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The language this person chose; `None` before they chose one.
pub async fn language(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<crate::i18n::Lang>, AppError> {
    use sea_orm::QuerySelect;
    let stored: Option<Option<String>> = Entity::find_by_id(id)
        .select_only()
        .column(Column::Language)
        .into_tuple()
        .one(db)
        .await?;
    stored
        .flatten()
        .map(|code| super::decode("user", "language", &code))
        .transpose()
}

/// The language of mails to an account: the one it chose, else the programme's.
pub fn mail_language(stored: Option<&str>) -> Result<crate::i18n::Lang, AppError> {
    Ok(super::decode_opt("user", "language", stored)?.unwrap_or_default())
}
