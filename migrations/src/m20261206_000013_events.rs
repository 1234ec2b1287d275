//! Events (intervision, appreciation moments, meetings for waiting participants, trainings,
//! campaigns), one row per session, their invitations with answer and attendance, and the
//! single-use answer links of the invitation mails.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Event::Table)
                    .if_not_exists()
                    .col(pk_auto(Event::Id))
                    .col(string_len(Event::Kind, 24))
                    .col(string_len(Event::Title, 200))
                    .col(text(Event::Description).default(""))
                    .col(string_len(Event::Place, 200).default(""))
                    .col(string_len(Event::Link, 500).default(""))
                    .col(timestamp_with_time_zone(Event::StartsAt))
                    .col(timestamp_with_time_zone(Event::EndsAt))
                    .col(integer_null(Event::Capacity))
                    .col(string_len(Event::Organiser, 16))
                    .col(boolean(Event::AnswersOpen))
                    .col(boolean(Event::Cancelled).default(false))
                    // The first session's id for every session of a series.
                    .col(integer_null(Event::SeriesId))
                    // An awareness campaign's short public code, asked on the application form.
                    .col(string_len_null(Event::Code, 12).unique_key())
                    .col(integer_null(Event::CreatedBy))
                    .col(timestamp_with_time_zone(Event::CreatedAt))
                    .col(integer(Event::Version))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_event_starts")
                    .table(Event::Table)
                    .col(Event::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EventInvitation::Table)
                    .if_not_exists()
                    .col(pk_auto(EventInvitation::Id))
                    .col(integer(EventInvitation::EventId))
                    .col(integer_null(EventInvitation::BuddyId))
                    .col(integer_null(EventInvitation::ParticipantId))
                    .col(string_len_null(EventInvitation::Answer, 8))
                    .col(timestamp_with_time_zone_null(EventInvitation::AnsweredAt))
                    // When the current yes was given: the order of the waiting list.
                    .col(timestamp_with_time_zone_null(EventInvitation::YesSince))
                    .col(boolean(EventInvitation::Attended).default(false))
                    .col(timestamp_with_time_zone(EventInvitation::InvitedAt))
                    .col(integer_null(EventInvitation::InvitedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventInvitation::Table, EventInvitation::EventId)
                            .to(Event::Table, Event::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventInvitation::Table, EventInvitation::BuddyId)
                            .to(Buddy::Table, Buddy::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventInvitation::Table, EventInvitation::ParticipantId)
                            .to(Participant::Table, Participant::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One invitation per person and event: inviting again (an extended list, two
        // coordinators at once) adds nobody twice.
        for (name, column) in [
            ("idx_event_invitation_buddy", EventInvitation::BuddyId),
            (
                "idx_event_invitation_participant",
                EventInvitation::ParticipantId,
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(EventInvitation::Table)
                        .col(EventInvitation::EventId)
                        .col(column)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        for (name, column) in [
            ("idx_event_invitation_by_buddy", EventInvitation::BuddyId),
            (
                "idx_event_invitation_by_participant",
                EventInvitation::ParticipantId,
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(EventInvitation::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        // Where a candidate buddy heard of the programme, and the campaign they name.
        manager
            .alter_table(
                Table::alter()
                    .table(Buddy::Table)
                    .add_column(string_len_null(Buddy::HeardVia, 16))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Buddy::Table)
                    .add_column(integer_null(Buddy::CampaignEventId))
                    .to_owned(),
            )
            .await?;
        // Single-use links in the invitation mail that record an answer (never a sign-in).
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
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Buddy::HeardVia, Buddy::CampaignEventId] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Buddy::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(EventAnswerLink::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(EventInvitation::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Event::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Event {
    Table,
    Id,
    Kind,
    Title,
    Description,
    Place,
    Link,
    StartsAt,
    EndsAt,
    Capacity,
    Organiser,
    AnswersOpen,
    Cancelled,
    SeriesId,
    Code,
    CreatedBy,
    CreatedAt,
    Version,
}

#[derive(DeriveIden)]
enum EventInvitation {
    Table,
    Id,
    EventId,
    BuddyId,
    ParticipantId,
    Answer,
    AnsweredAt,
    YesSince,
    Attended,
    InvitedAt,
    InvitedBy,
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
    Id,
    HeardVia,
    CampaignEventId,
}

#[derive(DeriveIden)]
enum Participant {
    Table,
    Id,
}
