//! The admin-managed lists, for forms and pages.

use leptos::prelude::*;

use crate::domain::lists::Lists;
use crate::error::AppError;

/// The active entries of every list.
#[server(endpoint = "load_lists")]
pub async fn load_lists() -> Result<Lists, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<LoadLists>(&state).await?;
    crate::db::lists::load(&state.db, false).await
}
