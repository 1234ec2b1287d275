//! Activities of a duo (planned, done or cancelled, with the buddy's check-in), the buddy's
//! calendar feed token, and the reminders already queued (so that two server instances never
//! queue the same reminder twice).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Activity::Table)
                    .if_not_exists()
                    .col(pk_auto(Activity::Id))
                    .col(integer(Activity::DuoId))
                    .col(integer(Activity::KindId))
                    .col(timestamp_with_time_zone(Activity::StartsAt))
                    .col(integer(Activity::DurationMinutes).default(120))
                    .col(string_len(Activity::Place, 200).default(""))
                    .col(text(Activity::Note).default(""))
                    .col(string_len(Activity::Status, 16))
                    .col(text_null(Activity::CancelReason))
                    .col(timestamp_with_time_zone_null(Activity::ConfirmedAt))
                    // 1 (bad) to 5 (very good); the note is for the coordinator only.
                    .col(small_integer_null(Activity::CheckinMood))
                    .col(text_null(Activity::CheckinNote))
                    .col(integer_null(Activity::PlannedBy))
                    .col(integer(Activity::Version).default(0))
                    .col(timestamp_with_time_zone(Activity::CreatedAt))
                    .col(timestamp_with_time_zone(Activity::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Activity::Table, Activity::DuoId)
                            .to(Duo::Table, Duo::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_activity_duo_starts")
                    .table(Activity::Table)
                    .col(Activity::DuoId)
                    .col(Activity::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_activity_status_starts")
                    .table(Activity::Table)
                    .col(Activity::Status)
                    .col(Activity::StartsAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CalendarFeed::Table)
                    .if_not_exists()
                    .col(integer(CalendarFeed::BuddyId).primary_key())
                    // Only a hash: the address itself is shown once, to the buddy.
                    .col(string_len_uniq(CalendarFeed::TokenHash, 64))
                    .col(timestamp_with_time_zone(CalendarFeed::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CalendarFeed::Table, CalendarFeed::BuddyId)
                            .to(Buddy::Table, Buddy::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        // One row per reminder ever queued, e.g. `activity_day_before:12:2026-11-27`; the
        // primary key makes a second instance's insert fail instead of sending twice.
        manager
            .create_table(
                Table::create()
                    .table(ReminderSent::Table)
                    .if_not_exists()
                    .col(string_len(ReminderSent::Key, 120).primary_key())
                    .col(timestamp_with_time_zone(ReminderSent::CreatedAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ReminderSent::Table.into_iden(),
            CalendarFeed::Table.into_iden(),
            Activity::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Duo {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Buddy {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Activity {
    Table,
    Id,
    DuoId,
    KindId,
    StartsAt,
    DurationMinutes,
    Place,
    Note,
    Status,
    CancelReason,
    ConfirmedAt,
    CheckinMood,
    CheckinNote,
    PlannedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CalendarFeed {
    Table,
    BuddyId,
    TokenHash,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ReminderSent {
    Table,
    Key,
    CreatedAt,
}
