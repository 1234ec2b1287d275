//! Why a participant left without a match: a coded reason on the status change that closed
//! their record (`LeaveReason`), so that the waiting-list report can count leavers by reason.
//! Older closings keep no reason (shown as "not recorded").

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StatusChange::Table)
                    .add_column(string_len_null(StatusChange::Reason, 32))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(StatusChange::Table)
                    .drop_column(StatusChange::Reason)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum StatusChange {
    Table,
    Reason,
}
