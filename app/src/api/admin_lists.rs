//! Admins keep the lists that forms offer.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::lists::{Lists, NewEntry};
use crate::error::AppError;

/// Every list with its inactive entries, for the admin page.
#[server(endpoint = "all_lists")]
pub async fn all_lists() -> Result<Lists, AppError> {
    let cx = Ctx::authorize::<AllLists>().await?;
    crate::db::lists::load(&cx.state.db, true).await
}

#[server(endpoint = "add_list_entry")]
pub async fn add_list_entry(list: String, entry: NewEntry) -> Result<i32, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::lists::ListKind;
    use crate::domain::validation::Problem;

    let cx = Ctx::authorize::<AddListEntry>().await?;
    let kind =
        ListKind::from_code(&list).ok_or_else(|| AppError::validation("list", Problem::Invalid))?;
    let checked = entry.check(kind).map_err(AppError::fields)?;
    let db = &cx.state.db;
    let id = crate::db::lists::add(db, kind, checked).await?;
    let record = Record::new(RecordKind::ListEntry(kind), id);
    cx.audit(db, AuditAction::Create, record).await?;
    Ok(id)
}

#[server(endpoint = "set_list_entry_active")]
pub async fn set_list_entry_active(list: String, id: i32, active: bool) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::lists::ListKind;
    use crate::domain::validation::Problem;

    let cx = Ctx::authorize::<SetListEntryActive>().await?;
    let kind =
        ListKind::from_code(&list).ok_or_else(|| AppError::validation("list", Problem::Invalid))?;
    let db = &cx.state.db;
    crate::db::lists::set_active(db, kind, id, active).await?;
    let record = Record::new(RecordKind::ListEntry(kind), id);
    cx.audit(db, AuditAction::Update, record).await?;
    Ok(())
}
