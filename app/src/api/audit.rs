//! Browsing the audit log (admins only).

use leptos::prelude::*;

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

    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<ListAudit>(&state).await?;
    let filter = AuditFilter {
        action,
        before_id,
        limit: AUDIT_PAGE,
        ..Default::default()
    };
    list(&state.db, &filter).await
}
