//! The outbox as admins see it: what was sent, what waits, what failed (never the content).

use leptos::prelude::*;

use crate::domain::mail::OutboxPage;
use crate::error::AppError;

pub const OUTBOX_PAGE: u64 = 50;

/// The newest messages (older ones from before `before_id`) and how many still wait.
/// Recipients' addresses are personal data: the read is audited.
#[server(endpoint = "list_outbox")]
pub async fn list_outbox(before_id: Option<i32>) -> Result<OutboxPage, AppError> {
    use crate::db::outbox;
    use crate::domain::audit::{AuditAction, kind};

    let state = crate::state::app_state()?;
    let admin = crate::auth::policy::authorize_user::<ListOutbox>(&state).await?;
    let rows = outbox::page(&state.db, before_id, OUTBOX_PAGE).await?;
    let pending = outbox::pending_count(&state.db).await?;
    crate::audit::record(
        &state,
        &state.db,
        Some(admin.id),
        AuditAction::Read,
        Some((
            kind::OUTBOX,
            before_id.map_or_else(|| "latest".to_owned(), |b| format!("before {b}")),
        )),
    )
    .await?;
    Ok(OutboxPage {
        pending,
        delivery_configured: state.config.smtp_url.is_some(),
        rows,
    })
}
