//! Browsing the audit log (admins only).

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::audit::{AuditAction, AuditEntry};
use crate::error::AppError;

pub const AUDIT_PAGE: u64 = 50;

/// Flat optional arguments: an empty filter must still encode to a readable request.
#[server(endpoint = "list_audit")]
pub async fn list_audit(
    action: Option<AuditAction>,
    before_id: Option<i32>,
) -> Result<Vec<AuditEntry>, AppError> {
    use crate::db::audit::{AuditFilter, list};

    let cx = Ctx::authorize::<ListAudit>().await?;
    let filter = AuditFilter {
        action,
        before_id,
        limit: AUDIT_PAGE,
        ..Default::default()
    };
    list(&cx.state.db, &filter).await
}
