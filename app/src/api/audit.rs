//! Browsing the audit log (admins only).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::audit::{AuditAction, AuditEntry};
use crate::error::AppError;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    pub actor_id: Option<i32>,
    pub action: Option<AuditAction>,
    pub record_kind: Option<String>,
    pub before_id: Option<i32>,
}

pub const AUDIT_PAGE: u64 = 50;

#[server(endpoint = "list_audit")]
pub async fn list_audit(query: AuditQuery) -> Result<Vec<AuditEntry>, AppError> {
    use crate::db::audit::{AuditFilter, list};

    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<ListAudit>(&state).await?;
    let filter = AuditFilter {
        actor_id: query.actor_id,
        action: query.action,
        record_kind: query.record_kind.filter(|k| !k.is_empty() && k.len() <= 40),
        before_id: query.before_id,
        limit: AUDIT_PAGE,
    };
    list(&state.db, &filter).await
}
