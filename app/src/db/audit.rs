//! The audit log: rows are only ever added (the database refuses changes and deletions).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::UpdateStatement;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait, Statement,
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

/// The insert of `row`, to run alone ([`insert`]).
pub fn insert_statement(backend: DbBackend, row: &NewRow) -> Statement {
    audit_log::Entity::insert(active_row(row)).build(backend)
}

/// The record's kind and id, as the log's columns hold them.
fn record_columns(row: &NewRow) -> (Option<String>, Option<String>) {
    match &row.record {
        Some((kind, id)) => (Some((*kind).to_owned()), Some(id.clone())),
        None => (None, None),
    }
}

fn active_row(row: &NewRow) -> audit_log::ActiveModel {
    let (kind, id) = record_columns(row);
    audit_log::ActiveModel {
        at: Set(row.at),
        actor_id: Set(row.actor_id),
        action: Set(row.action.code().to_owned()),
        record_kind: Set(kind),
        record_id: Set(id),
        ..Default::default()
    }
}

/// [`with_change`] as a write of its own, committed only when `change` changed rows. On
/// PostgreSQL the one statement is atomic by itself, so it runs without BEGIN and COMMIT:
/// two round trips fewer per answer (BENCHMARKS.md, "A ping before every statement, and BEGIN
/// and COMMIT around one"); SQLite's batch of two statements needs the transaction, and takes
/// its turn to write (`gate`).
pub async fn with_change_alone(
    gate: &super::writes::WriteGate,
    db: &DatabaseConnection,
    change: UpdateStatement,
    row: &NewRow<'_>,
) -> Result<u64, AppError> {
    if db.get_database_backend() == DbBackend::Postgres {
        return with_change(db, change, row).await;
    }
    let txn = gate.begin(db).await?;
    let changed = with_change(&txn, change, row).await?;
    if changed == 0 {
        txn.rollback().await?;
    } else {
        txn.commit().await?;
    }
    Ok(changed)
}

/// Runs `change` and appends `row`, which records it, in `db` (a write transaction) in one
/// round trip: on PostgreSQL one statement (the update in a `WITH`, a row appended for each
/// row it changed), on SQLite, which has no updates in a `WITH`, the two statements as one
/// batch. Every statement is a round trip to the database, and on SQLite every other write
/// waits for it (BENCHMARKS.md, "One round trip fewer"). Returns the rows `change` changed;
/// on none, SQLite appended the row anyway: the caller rolls its transaction back.
pub async fn with_change(
    db: &impl ConnectionTrait,
    change: UpdateStatement,
    row: &NewRow<'_>,
) -> Result<u64, AppError> {
    use sea_orm::sea_query::{Alias, CommonTableExpression, Expr, Query, WithClause};
    let backend = db.get_database_backend();
    if backend == DbBackend::Sqlite {
        let (change, audit) = (backend.build(&change), insert_statement(backend, row));
        let mut values = change.values.map(|v| v.0).unwrap_or_default();
        values.extend(audit.values.map(|v| v.0).unwrap_or_default());
        // SQLite binds the `?`s of the statements one after the other and adds up their
        // changes; the audit row is always one (or the batch fails).
        let both = format!("{}; {}", change.sql, audit.sql);
        let both = Statement::from_sql_and_values(backend, both, values);
        return Ok(db
            .execute_raw(both)
            .await?
            .rows_affected()
            .saturating_sub(1));
    }
    let changed = Alias::new("changed");
    let mut change = change;
    change.returning_all();
    let (kind, id) = record_columns(row);
    let values = [
        Expr::val(row.at),
        Expr::val(row.actor_id),
        Expr::val(row.action.code()),
        Expr::val(kind),
        Expr::val(id),
    ];
    let mut insert = Query::insert();
    insert
        .into_table(audit_log::Entity)
        .columns([
            audit_log::Column::At,
            audit_log::Column::ActorId,
            audit_log::Column::Action,
            audit_log::Column::RecordKind,
            audit_log::Column::RecordId,
        ])
        .select_from(
            Query::select()
                .exprs(values)
                .from(changed.clone())
                .to_owned(),
        )
        .map_err(|e| AppError::internal(format!("audit insert: {e}")))?;
    let cte = CommonTableExpression::new()
        .query(change)
        .table_name(changed)
        .to_owned();
    let statement = insert.with(WithClause::new().cte(cte).to_owned());
    Ok(db.execute(&statement).await?.rows_affected())
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
