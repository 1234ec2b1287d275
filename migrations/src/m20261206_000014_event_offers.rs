//! Events, second step: a place offered from the waiting list is held until a deadline
//! (`offer_until`, confirmed or passed on after it), and buddies can turn off the reminder
//! mail the day before an event.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EventInvitation::Table)
                    .add_column(timestamp_with_time_zone_null(EventInvitation::OfferUntil))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Buddy::Table)
                    .add_column(boolean(Buddy::EventReminders).default(true))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Buddy::Table)
                    .drop_column(Buddy::EventReminders)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(EventInvitation::Table)
                    .drop_column(EventInvitation::OfferUntil)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum EventInvitation {
    Table,
    OfferUntil,
}

#[derive(DeriveIden)]
enum Buddy {
    Table,
    EventReminders,
}
