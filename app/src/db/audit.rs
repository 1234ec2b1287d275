//! The audit log: rows are only ever added (the database refuses changes and deletions).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Statement,
};

use super::entities::{audit_log, user};
use crate::domain::audit::{AuditAction, AuditEntry};
use crate::error::AppError;

pub async fn insert(
    db: &impl ConnectionTrait,
    at: DateTime<Utc>,
    actor_id: Option<i32>,
    action: AuditAction,
    record: Option<(&str, String)>,
) -> Result<(), AppError> {
    let row = NewRow {
        at,
        actor_id,
        action,
        record,
    };
    db.execute_raw(insert_statement(db.get_database_backend(), &row))
        .await?;
    Ok(())
}

/// One row to append: when, by whom, what, and the kind and id of the record.
#[derive(Clone, Debug)]
pub struct NewRow<'a> {
    pub at: DateTime<Utc>,
    pub actor_id: Option<i32>,
    pub action: AuditAction,
    pub record: Option<(&'a str, String)>,
}

/// The insert of `row`: run alone ([`insert`]) or together with the change it records
/// ([`super::writes::execute_with`]).
pub fn insert_statement(backend: DbBackend, row: &NewRow) -> Statement {
    let (kind, id) = match &row.record {
        Some((kind, id)) => (Some((*kind).to_owned()), Some(id.clone())),
        None => (None, None),
    };
    audit_log::Entity::insert(audit_log::ActiveModel {
        at: Set(row.at),
        actor_id: Set(row.actor_id),
        action: Set(row.action.code().to_owned()),
        record_kind: Set(kind),
        record_id: Set(id),
        ..Default::default()
    })
    .build(backend)
}

#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub actor_id: Option<i32>,
    pub action: Option<AuditAction>,
    pub record_kind: Option<String>,
    /// One record (with `record_kind`): its trail.
    pub record_id: Option<String>,
    pub before_id: Option<i32>,
    pub limit: u64,
}

/// Newest first; page on with `before_id`.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &AuditFilter,
) -> Result<Vec<AuditEntry>, AppError> {
    let mut query = audit_log::Entity::find().order_by_desc(audit_log::Column::Id);
    if let Some(actor) = filter.actor_id {
        query = query.filter(audit_log::Column::ActorId.eq(actor));
    }
    if let Some(action) = filter.action {
        query = query.filter(audit_log::Column::Action.eq(action.code()));
    }
    if let Some(kind) = &filter.record_kind {
        query = query.filter(audit_log::Column::RecordKind.eq(kind.as_str()));
    }
    if let Some(record) = &filter.record_id {
        query = query.filter(audit_log::Column::RecordId.eq(record.as_str()));
    }
    if let Some(before) = filter.before_id {
        query = query.filter(audit_log::Column::Id.lt(before));
    }
    let rows = query.limit(filter.limit.clamp(1, 500)).all(db).await?;
    entries(db, rows).await
}

/// Every row about one record, oldest first, however many: for a person's data export.
pub async fn trail(
    db: &impl ConnectionTrait,
    kind: &str,
    id: &str,
) -> Result<Vec<AuditEntry>, AppError> {
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::RecordKind.eq(kind))
        .filter(audit_log::Column::RecordId.eq(id))
        .order_by_asc(audit_log::Column::Id)
        .all(db)
        .await?;
    entries(db, rows).await
}

/// Everything user `id` did, oldest first, however much: for their data export.
pub async fn actions_of(db: &impl ConnectionTrait, id: i32) -> Result<Vec<AuditEntry>, AppError> {
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::ActorId.eq(id))
        .order_by_asc(audit_log::Column::Id)
        .all(db)
        .await?;
    entries(db, rows).await
}

/// Log rows with their actors' names.
async fn entries(
    db: &impl ConnectionTrait,
    rows: Vec<audit_log::Model>,
) -> Result<Vec<AuditEntry>, AppError> {
    let mut actor_ids: Vec<i32> = rows.iter().filter_map(|r| r.actor_id).collect();
    actor_ids.sort_unstable();
    actor_ids.dedup();
    let names: std::collections::HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(actor_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    rows.into_iter()
        .map(|r| {
            Ok(AuditEntry {
                id: r.id,
                at: r.at,
                actor_name: r.actor_id.and_then(|id| names.get(&id).cloned()),
                actor_id: r.actor_id,
                action: super::decode("audit_log", "action", &r.action)?,
                record_kind: r.record_kind,
                record_id: r.record_id,
            })
        })
        .collect()
}
