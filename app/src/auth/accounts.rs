//! Creating accounts with a password: the first-run setup page and `klik create-admin`.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use super::password;
use crate::db::users::{self, NewUser, User};
use crate::domain::account::{NAME_MAX, Role, email};
use crate::domain::audit::{AuditAction, Record, RecordKind};
use crate::domain::validation::text;
use crate::error::AppError;

/// Validates, hashes and stores a new account, and records it in the audit log.
pub async fn create_with_password(
    db: &impl ConnectionTrait,
    email_input: &str,
    name_input: &str,
    password_input: &str,
    role: Role,
    now: DateTime<Utc>,
) -> Result<User, AppError> {
    let email = email(email_input).map_err(|p| AppError::validation("email", p))?;
    let name =
        text(name_input, 1, NAME_MAX).map_err(|p| AppError::validation("display_name", p))?;
    password::check_new(password_input, &[&email, &name])
        .map_err(|p| AppError::validation("password", p))?;
    let hash = password::hash(password_input).await?;
    let new = NewUser {
        email: &email,
        display_name: &name,
        role,
        password_hash: Some(hash),
    };
    let user = users::create(db, new, now).await?;
    let record = Some(Record::new(RecordKind::User, user.id).parts());
    crate::db::audit::insert(db, now, Some(user.id), AuditAction::Create, record).await?;
    Ok(user)
}
