//! Two-step sign-in (TOTP, recovery codes, the pending second step), invitations, and the
//! outbox that keeps every message until it is delivered.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for column in [
            // Chosen but not yet confirmed with a first code.
            text_null(User::TotpPendingSecret),
            // The last accepted time step: a code is accepted only once.
            big_integer_null(User::TotpLastStep),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(User::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(RecoveryCode::Table)
                    .if_not_exists()
                    .col(pk_auto(RecoveryCode::Id))
                    .col(integer(RecoveryCode::UserId))
                    .col(string_len(RecoveryCode::CodeHash, 64))
                    .col(timestamp_with_time_zone_null(RecoveryCode::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recovery_code_user")
                            .from(RecoveryCode::Table, RecoveryCode::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_recovery_code_user")
                    .table(RecoveryCode::Table)
                    .col(RecoveryCode::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginChallenge::Table)
                    .if_not_exists()
                    // The password was right; the second step is still to come.
                    .col(string_len(LoginChallenge::IdHash, 64).primary_key())
                    .col(integer(LoginChallenge::UserId))
                    .col(timestamp_with_time_zone(LoginChallenge::CreatedAt))
                    .col(integer(LoginChallenge::Attempts))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_login_challenge_user")
                            .from(LoginChallenge::Table, LoginChallenge::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invitation::Table)
                    .if_not_exists()
                    .col(pk_auto(Invitation::Id))
                    .col(integer(Invitation::UserId))
                    .col(string_len_uniq(Invitation::TokenHash, 64))
                    .col(integer_null(Invitation::InvitedBy))
                    .col(timestamp_with_time_zone(Invitation::CreatedAt))
                    .col(timestamp_with_time_zone(Invitation::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invitation::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitation_user")
                            .from(Invitation::Table, Invitation::UserId)
                            .to(User::Table, User::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .if_not_exists()
                    .col(pk_auto(Outbox::Id))
                    .col(string_len(Outbox::Kind, 40))
                    .col(string_len(Outbox::ToAddress, 254))
                    .col(string_len(Outbox::Subject, 200))
                    .col(text(Outbox::Body))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(string_len(Outbox::Status, 16))
                    .col(integer(Outbox::Attempts))
                    .col(timestamp_with_time_zone_null(Outbox::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .col(text_null(Outbox::LastError))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_status")
                    .table(Outbox::Table)
                    .col(Outbox::Status)
                    .col(Outbox::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Outbox::Table.into_iden(),
            Invitation::Table.into_iden(),
            LoginChallenge::Table.into_iden(),
            RecoveryCode::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in [User::TotpPendingSecret, User::TotpLastStep] {
            manager
                .alter_table(
                    Table::alter()
                        .table(User::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    TotpPendingSecret,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum RecoveryCode {
    Table,
    Id,
    UserId,
    CodeHash,
    UsedAt,
}

#[derive(DeriveIden)]
enum LoginChallenge {
    Table,
    IdHash,
    UserId,
    CreatedAt,
    Attempts,
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    Id,
    UserId,
    TokenHash,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Kind,
    ToAddress,
    Subject,
    Body,
    CreatedAt,
    Status,
    Attempts,
    NextAttemptAt,
    SentAt,
    LastError,
}
