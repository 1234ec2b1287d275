//! User administration.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::account::Role;
use crate::error::AppError;

/// A line of the user list.
pub use crate::domain::account::Account as UserRow;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessChange {
    pub id: i32,
    pub version: i32,
    pub role: Role,
    pub active: bool,
}

#[server(endpoint = "list_users")]
pub async fn list_users() -> Result<Vec<UserRow>, AppError> {
    let cx = Ctx::authorize::<ListUsers>().await?;
    crate::db::users::list(&cx.state.db).await
}

/// Changes a user's role or disables them; a disabled user's sessions end at once.
#[server(endpoint = "update_user_access")]
pub async fn update_user_access(change: AccessChange) -> Result<(), AppError> {
    use crate::db::{sessions, users};
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<UpdateUserAccess>().await?;
    // An admin cannot lock themselves out.
    if change.id == cx.user.id && (!change.active || change.role != Role::Admin) {
        return Err(AppError::validation(
            "role",
            crate::domain::validation::Problem::Invalid,
        ));
    }
    let txn = cx.begin().await?;
    if users::find(&txn, change.id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    users::update_access(
        &txn,
        change.id,
        change.version,
        change.role,
        change.active,
        cx.now,
    )
    .await?;
    if !change.active {
        sessions::delete_for_user(&txn, change.id).await?;
    }
    let record = Record::new(RecordKind::User, change.id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(())
}

#[server(endpoint = "end_user_sessions")]
pub async fn end_user_sessions(id: i32) -> Result<u64, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<EndUserSessions>().await?;
    let db = &cx.state.db;
    let ended = crate::db::sessions::delete_for_user(db, id).await?;
    let record = Record::new(RecordKind::Session, id);
    cx.audit(db, AuditAction::Delete, record).await?;
    Ok(ended)
}
