//! Events, second step: a place offered from the waiting list is held until a deadline
//! (`offer_until`, confirmed or passed on after it); buddies can turn off the reminder mail
//! the day before an event; and the invitation mail's single-use answer link moves onto the
//! invitation itself (`link_hash`, `link_expires_at`, `link_used_at`), written by the same
//! insert as the invitation: a table of its own cost a second insert and a foreign-key check
//! per invitation, too slow on PostgreSQL for 2,000 invitations at once. And the kinds of
//! event become an admins' list (`event_kind`: the six kinds Klik knows, unnamed, and the
//! admins' own); an event keeps the name of the admins' kind it was made with (`kind_name`).

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
            .await?;
        // One column per statement: SQLite adds one at a time.
        for column in [
            string_len_null(EventInvitation::LinkHash, 64),
            timestamp_with_time_zone_null(EventInvitation::LinkExpiresAt),
            timestamp_with_time_zone_null(EventInvitation::LinkUsedAt),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(EventInvitation::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_event_invitation_link_hash")
                    .table(EventInvitation::Table)
                    .col(EventInvitation::LinkHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // Links not used yet keep working: the newest of each invitation moves over.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE event_invitation SET \
                   link_hash = (SELECT l.token_hash FROM event_answer_link l \
                     WHERE l.invitation_id = event_invitation.id AND l.used_at IS NULL \
                     ORDER BY l.id DESC LIMIT 1), \
                   link_expires_at = (SELECT l.expires_at FROM event_answer_link l \
                     WHERE l.invitation_id = event_invitation.id AND l.used_at IS NULL \
                     ORDER BY l.id DESC LIMIT 1) \
                 WHERE EXISTS (SELECT 1 FROM event_answer_link l \
                   WHERE l.invitation_id = event_invitation.id AND l.used_at IS NULL)",
            )
            .await?;
        manager
            .drop_table(Table::drop().table(EventAnswerLink::Table).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EventKind::Table)
                    .if_not_exists()
                    .col(pk_auto(EventKind::Id))
                    .col(string_len_null(EventKind::Name, 120).unique_key())
                    .col(string_len(EventKind::Meaning, 24))
                    .col(boolean(EventKind::Active).default(true))
                    .col(integer(EventKind::Position))
                    .to_owned(),
            )
            .await?;
        let mut seed = Query::insert()
            .into_table(EventKind::Table)
            .columns([EventKind::Meaning, EventKind::Active, EventKind::Position])
            .to_owned();
        for (position, meaning) in [
            "intervision",
            "appreciation",
            "waiting_meeting",
            "training",
            "campaign",
            "other",
        ]
        .into_iter()
        .enumerate()
        {
            seed.values_panic([meaning.into(), true.into(), (position as i32).into()]);
        }
        manager.exec_stmt(seed).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Event::Table)
                    .add_column(string_len_null(Event::KindName, 120))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Event::Table)
                    .drop_column(Event::KindName)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(EventKind::Table).to_owned())
            .await?;
        // The links table comes back empty: links sent since cannot be carried back.
        manager
            .create_table(
                Table::create()
                    .table(EventAnswerLink::Table)
                    .if_not_exists()
                    .col(pk_auto(EventAnswerLink::Id))
                    .col(integer(EventAnswerLink::InvitationId))
                    .col(string_len(EventAnswerLink::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(EventAnswerLink::ExpiresAt))
                    .col(timestamp_with_time_zone_null(EventAnswerLink::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventAnswerLink::Table, EventAnswerLink::InvitationId)
                            .to(EventInvitation::Table, EventInvitation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_event_invitation_link_hash")
                    .table(EventInvitation::Table)
                    .to_owned(),
            )
            .await?;
        for column in [
            EventInvitation::LinkHash,
            EventInvitation::LinkExpiresAt,
            EventInvitation::LinkUsedAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(EventInvitation::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
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
    Id,
    OfferUntil,
    LinkHash,
    LinkExpiresAt,
    LinkUsedAt,
}

#[derive(DeriveIden)]
enum Event {
    Table,
    KindName,
}

#[derive(DeriveIden)]
enum EventKind {
    Table,
    Id,
    Name,
    Meaning,
    Active,
    Position,
}

#[derive(DeriveIden)]
enum EventAnswerLink {
    Table,
    Id,
    InvitationId,
    TokenHash,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Buddy {
    Table,
    EventReminders,
}
