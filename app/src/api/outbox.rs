//! The outbox as admins see it: what was sent, what waits, what failed (never the content).

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::mail::OutboxPage;
use crate::error::AppError;

pub const OUTBOX_PAGE: u64 = 50;

/// The newest messages (older ones from before `before_id`) and how many still wait.
/// Recipients' addresses are personal data: the read is audited.
#[server(endpoint = "list_outbox")]
pub async fn list_outbox(before_id: Option<i32>) -> Result<OutboxPage, AppError> {
    use crate::db::outbox;
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<ListOutbox>().await?;
    let db = &cx.state.db;
    let rows = outbox::page(db, before_id, OUTBOX_PAGE).await?;
    let pending = outbox::pending_count(db).await?;
    let page = before_id.map_or_else(|| "latest".to_owned(), |b| format!("before {b}"));
    cx.audit(db, AuditAction::Read, Record::new(RecordKind::Outbox, page))
        .await?;
    Ok(OutboxPage {
        pending,
        delivery_configured: cx.state.config.smtp_url.is_some(),
        rows,
    })
}
