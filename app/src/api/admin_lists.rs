//! Admins keep the lists that forms offer.

use leptos::prelude::*;

use crate::domain::lists::{Lists, NewEntry};
use crate::error::AppError;

/// Every list with its inactive entries, for the admin page.
#[server(endpoint = "all_lists")]
pub async fn all_lists() -> Result<Lists, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<AllLists>(&state).await?;
    crate::db::lists::load(&state.db, true).await
}

#[server(endpoint = "add_list_entry")]
pub async fn add_list_entry(list: String, entry: NewEntry) -> Result<i32, AppError> {
    use crate::domain::audit::AuditAction;
    use crate::domain::lists::ListKind;
    use crate::domain::validation::Problem;

    let state = crate::state::app_state()?;
    let admin = crate::auth::policy::authorize_user::<AddListEntry>(&state).await?;
    let kind =
        ListKind::from_code(&list).ok_or_else(|| AppError::validation("list", Problem::Invalid))?;
    let checked = entry.check(kind).map_err(AppError::fields)?;
    let id = crate::db::lists::add(&state.db, kind, checked).await?;
    let record = Some((kind.code(), id.to_string()));
    crate::audit::record(
        &state,
        &state.db,
        Some(admin.id),
        AuditAction::Create,
        record,
    )
    .await?;
    Ok(id)
}

#[server(endpoint = "set_list_entry_active")]
pub async fn set_list_entry_active(list: String, id: i32, active: bool) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;
    use crate::domain::lists::ListKind;
    use crate::domain::validation::Problem;

    let state = crate::state::app_state()?;
    let admin = crate::auth::policy::authorize_user::<SetListEntryActive>(&state).await?;
    let kind =
        ListKind::from_code(&list).ok_or_else(|| AppError::validation("list", Problem::Invalid))?;
    crate::db::lists::set_active(&state.db, kind, id, active).await?;
    let record = Some((kind.code(), id.to_string()));
    crate::audit::record(
        &state,
        &state.db,
        Some(admin.id),
        AuditAction::Update,
        record,
    )
    .await?;
    Ok(())
}
