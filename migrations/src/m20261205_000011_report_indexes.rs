//! Indexes for the reports: the activities that happened, read from the index alone (no
//! table row per activity), per month with their check-in and per duo in time order.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_activity_status_duo_starts_mood")
                    .table(Activity::Table)
                    .col(Activity::Status)
                    .col(Activity::DuoId)
                    .col(Activity::StartsAt)
                    .col(Activity::CheckinMood)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_activity_status_starts_mood")
                    .table(Activity::Table)
                    .col(Activity::Status)
                    .col(Activity::StartsAt)
                    .col(Activity::CheckinMood)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "idx_activity_status_starts_mood",
            "idx_activity_status_duo_starts_mood",
        ] {
            manager
                .drop_index(Index::drop().name(name).table(Activity::Table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Activity {
    Table,
    Status,
    DuoId,
    StartsAt,
    CheckinMood,
}
