//! Referrals to stepping stones with their follow-up: which offer, how and when it was
//! offered, when to ask how it went, and the answer.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Referral::Table)
                    .if_not_exists()
                    .col(pk_auto(Referral::Id))
                    .col(integer(Referral::ParticipantId))
                    .col(integer(Referral::SteppingStoneId))
                    .col(string_len(Referral::Way, 16))
                    .col(date(Referral::ReferredOn))
                    .col(date(Referral::FollowUpOn))
                    .col(integer_null(Referral::ByUser))
                    .col(string_len_null(Referral::Outcome, 16))
                    .col(string_len_null(Referral::Reason, 16))
                    .col(string_len(Referral::Note, 500).default(""))
                    .col(date_null(Referral::FollowedUpOn))
                    .col(integer_null(Referral::FollowedUpBy))
                    .col(timestamp_with_time_zone(Referral::CreatedAt))
                    .col(integer(Referral::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Referral::Table, Referral::ParticipantId)
                            .to(Participant::Table, Participant::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Referral::Table, Referral::SteppingStoneId)
                            .to(SteppingStone::Table, SteppingStone::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_referral_participant", Referral::ParticipantId),
            ("idx_referral_follow_up", Referral::FollowUpOn),
            ("idx_referral_stone", Referral::SteppingStoneId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Referral::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Referral::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Referral {
    Table,
    Id,
    ParticipantId,
    SteppingStoneId,
    Way,
    ReferredOn,
    FollowUpOn,
    ByUser,
    Outcome,
    Reason,
    Note,
    FollowedUpOn,
    FollowedUpBy,
    CreatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Participant {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SteppingStone {
    Table,
    Id,
}
