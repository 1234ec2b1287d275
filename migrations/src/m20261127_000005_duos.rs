//! Duos: a participant and a buddy from the proposal to the ending, with the agreement as
//! JSON, and the evaluation conversations planned once the agreement is signed. The
//! timeline of a duo goes into `status_change` (kind `duo`) like those of people.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Duo::Table)
                    .if_not_exists()
                    .col(pk_auto(Duo::Id))
                    .col(integer(Duo::ParticipantId))
                    .col(integer(Duo::BuddyId))
                    .col(string_len(Duo::Stage, 16))
                    .col(integer(Duo::Version).default(0))
                    .col(integer(Duo::Score))
                    // The assessment when proposed: the score's reasons stay readable later.
                    .col(text(Duo::Assessment))
                    .col(date(Duo::ProposedOn))
                    .col(integer_null(Duo::ProposedBy))
                    .col(date_null(Duo::IntroductionOn))
                    .col(date_null(Duo::ParticipantYesOn))
                    .col(date_null(Duo::BuddyYesOn))
                    .col(text_null(Duo::Agreement))
                    .col(date_null(Duo::SignedOn))
                    .col(date_null(Duo::EndedOn))
                    .col(string_len_null(Duo::EndReason, 16))
                    .col(text_null(Duo::EndNote))
                    .col(timestamp_with_time_zone(Duo::CreatedAt))
                    .col(timestamp_with_time_zone(Duo::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Duo::Table, Duo::ParticipantId)
                            .to(Person::Participant, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Duo::Table, Duo::BuddyId)
                            .to(Person::Buddy, Person::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_duo_participant", Duo::ParticipantId),
            ("idx_duo_buddy", Duo::BuddyId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Duo::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_duo_stage")
                    .table(Duo::Table)
                    .col(Duo::Stage)
                    .col(Duo::Id)
                    .to_owned(),
            )
            .await?;
        // A participant is in at most one open duo, even with two coordinators at once.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX idx_duo_open_participant ON duo (participant_id) \
                 WHERE stage <> 'ended'",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Evaluation::Table)
                    .if_not_exists()
                    .col(pk_auto(Evaluation::Id))
                    .col(integer(Evaluation::DuoId))
                    .col(date(Evaluation::DueOn))
                    .col(date_null(Evaluation::HeldOn))
                    .col(string_len_null(Evaluation::Outcome, 16))
                    .col(text(Evaluation::Notes).default(""))
                    .col(integer_null(Evaluation::RecordedBy))
                    .col(timestamp_with_time_zone_null(Evaluation::RecordedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Evaluation::Table, Evaluation::DuoId)
                            .to(Duo::Table, Duo::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_evaluation_duo", Evaluation::DuoId),
            ("idx_evaluation_due", Evaluation::DueOn),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Evaluation::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Evaluation::Table.into_iden(), Duo::Table.into_iden()] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Person {
    Participant,
    Buddy,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Duo {
    Table,
    Id,
    ParticipantId,
    BuddyId,
    Stage,
    Version,
    Score,
    Assessment,
    ProposedOn,
    ProposedBy,
    IntroductionOn,
    ParticipantYesOn,
    BuddyYesOn,
    Agreement,
    SignedOn,
    EndedOn,
    EndReason,
    EndNote,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Evaluation {
    Table,
    Id,
    DuoId,
    DueOn,
    HeldOn,
    Outcome,
    Notes,
    RecordedBy,
    RecordedAt,
}
