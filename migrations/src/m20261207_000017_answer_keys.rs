//! The buddy's answers (plan, move, confirm, cancel, check in) carry a key made once per
//! page: the key of each answer that was applied is kept for a week, so that the same answer
//! sent again (a double tap before the page took over, a retry after a lost connection) is
//! applied once.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AnswerKey::Table)
                    .if_not_exists()
                    // "<action>:<activity or duo id>:<key from the page>"
                    .col(string_len(AnswerKey::Key, 96).primary_key())
                    .col(integer(AnswerKey::UserId))
                    // The activity the answer made or changed.
                    .col(integer(AnswerKey::ActivityId))
                    .col(timestamp_with_time_zone(AnswerKey::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_answer_key_created_at")
                    .table(AnswerKey::Table)
                    .col(AnswerKey::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AnswerKey::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum AnswerKey {
    Table,
    Key,
    UserId,
    ActivityId,
    CreatedAt,
}
