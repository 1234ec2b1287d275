//! (server only) Records who read or changed what, and when. Never the content.

use sea_orm::ConnectionTrait;

use crate::db;
use crate::domain::audit::AuditAction;
use crate::error::AppError;
use crate::state::AppState;

/// Appends one row; `record` names the kind of record and its id.
pub async fn record(
    state: &AppState,
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    action: AuditAction,
    record: Option<(&str, String)>,
) -> Result<(), AppError> {
    db::audit::insert(db, state.clock.now(), actor, action, record).await
}

/// The row [`record`] would append, for a change that writes it in the same batch
/// (`db::audit::with_change`).
pub fn row<'a>(
    state: &AppState,
    actor: Option<i32>,
    action: AuditAction,
    record: Option<(&'a str, String)>,
) -> db::audit::NewRow<'a> {
    db::audit::NewRow {
        at: state.clock.now(),
        actor_id: actor,
        action,
        record,
    }
}
