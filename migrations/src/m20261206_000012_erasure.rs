//! Erasure by anonymisation: when a participant's or buddy's record was anonymised and why
//! (a code), and until when a coordinator held it back from the retention job (and why, a
//! code). The record itself stays, under a pseudonym, so that the figures stay the same.
//! The retention job's runs are logged with their counts. The audit log stays append-only,
//! except that rows older than a year (the shortest retention an admin can set) may be
//! deleted, by the retention job.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Person::Participant, Person::Buddy] {
            // SQLite adds one column per ALTER TABLE.
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(date_null(Person::ErasedOn))
                        .to_owned(),
                )
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(string_len_null(Person::ErasureReason, 32))
                        .to_owned(),
                )
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(date_null(Person::RetentionHoldUntil))
                        .to_owned(),
                )
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(string_len_null(Person::RetentionHoldReason, 32))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(RetentionRun::Table)
                    .if_not_exists()
                    .col(pk_auto(RetentionRun::Id))
                    // The programme's date the run was for: one run per day, claimed by the
                    // first instance that inserts it.
                    .col(date(RetentionRun::Day).unique_key())
                    .col(timestamp_with_time_zone(RetentionRun::StartedAt))
                    .col(timestamp_with_time_zone_null(RetentionRun::FinishedAt))
                    .col(integer(RetentionRun::Participants).default(0))
                    .col(integer(RetentionRun::Buddies).default(0))
                    .col(integer(RetentionRun::CheckinNotes).default(0))
                    .col(integer(RetentionRun::MailBodies).default(0))
                    .col(integer(RetentionRun::AuditRows).default(0))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Sqlite => {
                // One string, so one pooled connection: the read first makes it load the
                // schema as it is now (a connection that has not read since the trigger was
                // made would take `DROP ... IF EXISTS` for a no-op, and the `CREATE` fail).
                db.execute_unprepared(
                    "SELECT COUNT(*) FROM sqlite_master; \
                     DROP TRIGGER IF EXISTS audit_log_no_delete; \
                     CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
                     WHEN OLD.at > datetime('now', '-12 months') \
                     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                )
                .await?;
            }
            sea_orm::DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ \
                     BEGIN \
                       IF TG_OP = 'DELETE' AND OLD.at < now() - interval '12 months' THEN \
                         RETURN OLD; \
                       END IF; \
                       RAISE EXCEPTION 'audit_log is append-only'; \
                     END; $$ LANGUAGE plpgsql",
                )
                .await?;
            }
            other => {
                return Err(DbErr::Migration(format!("unsupported database {other:?}")));
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Sqlite => {
                db.execute_unprepared(
                    "SELECT COUNT(*) FROM sqlite_master; \
                     DROP TRIGGER IF EXISTS audit_log_no_delete; \
                     CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
                     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ \
                     BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; \
                     $$ LANGUAGE plpgsql",
                )
                .await?;
            }
        }
        manager
            .drop_table(Table::drop().table(RetentionRun::Table).to_owned())
            .await?;
        for table in [Person::Participant, Person::Buddy] {
            for column in [
                Person::ErasedOn,
                Person::ErasureReason,
                Person::RetentionHoldUntil,
                Person::RetentionHoldReason,
            ] {
                manager
                    .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                    .await?;
            }
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Person {
    Participant,
    Buddy,
    ErasedOn,
    ErasureReason,
    RetentionHoldUntil,
    RetentionHoldReason,
}

#[derive(DeriveIden)]
enum RetentionRun {
    Table,
    Id,
    Day,
    StartedAt,
    FinishedAt,
    Participants,
    Buddies,
    CheckinNotes,
    MailBodies,
    AuditRows,
}
