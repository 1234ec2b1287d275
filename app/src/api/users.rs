//! User administration.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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
    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<ListUsers>(&state).await?;
    crate::db::users::list(&state.db).await
}

/// Changes a user's role or disables them; a disabled user's sessions end at once.
#[server(endpoint = "update_user_access")]
pub async fn update_user_access(change: AccessChange) -> Result<(), AppError> {
    use crate::db::{sessions, users};
    use crate::domain::audit::{AuditAction, kind};

    let state = crate::state::app_state()?;
    let admin = crate::auth::policy::authorize_user::<UpdateUserAccess>(&state).await?;
    // An admin cannot lock themselves out.
    if change.id == admin.id && (!change.active || change.role != Role::Admin) {
        return Err(AppError::validation(
            "role",
            crate::domain::validation::Problem::Invalid,
        ));
    }
    let txn = state.begin().await?;
    if users::find(&txn, change.id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    users::update_access(
        &txn,
        change.id,
        change.version,
        change.role,
        change.active,
        state.clock.now(),
    )
    .await?;
    if !change.active {
        sessions::delete_for_user(&txn, change.id).await?;
    }
    crate::audit::record(
        &state,
        &txn,
        Some(admin.id),
        AuditAction::Update,
        Some((kind::USER, change.id.to_string())),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[server(endpoint = "end_user_sessions")]
pub async fn end_user_sessions(id: i32) -> Result<u64, AppError> {
    use crate::domain::audit::{AuditAction, kind};

    let state = crate::state::app_state()?;
    let admin = crate::auth::policy::authorize_user::<EndUserSessions>(&state).await?;
    let ended = crate::db::sessions::delete_for_user(&state.db, id).await?;
    crate::audit::record(
        &state,
        &state.db,
        Some(admin.id),
        AuditAction::Delete,
        Some((kind::SESSION, id.to_string())),
    )
    .await?;
    Ok(ended)
}
