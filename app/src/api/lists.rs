//! The admin-managed lists, for forms and pages.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::lists::Lists;
use crate::error::AppError;

/// The active entries of every list.
#[server(endpoint = "load_lists")]
pub async fn load_lists() -> Result<Lists, AppError> {
    let cx = Ctx::authorize::<LoadLists>().await?;
    crate::db::lists::load(&cx.state.db, false).await
}
