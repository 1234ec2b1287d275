//! Registrations of candidate participants, by the person or a care worker, from the public
//! page: the minimum to start, until the intake conversation makes the participant's record.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Registration::Table)
                    .if_not_exists()
                    .col(pk_auto(Registration::Id))
                    .col(string_len(Registration::Status, 16))
                    .col(string_len(Registration::RegisteredBy, 16))
                    .col(string_len(Registration::FirstName, 80))
                    .col(string_len(Registration::LastName, 80))
                    .col(string_len_null(Registration::Phone, 32))
                    .col(string_len_null(Registration::Email, 254))
                    .col(integer(Registration::MunicipalityId))
                    .col(integer_null(Registration::OrganisationId))
                    .col(string_len(Registration::CareWorkerName, 160))
                    .col(string_len_null(Registration::CareWorkerPhone, 32))
                    .col(string_len_null(Registration::CareWorkerEmail, 254))
                    .col(text(Registration::Note))
                    .col(date(Registration::RegisteredOn))
                    .col(date(Registration::IntakeDueOn))
                    .col(date_null(Registration::IntakePlannedOn))
                    .col(integer_null(Registration::DuplicateOfParticipant))
                    .col(integer_null(Registration::DuplicateOfRegistration))
                    .col(integer_null(Registration::ParticipantId))
                    .col(timestamp_with_time_zone(Registration::CreatedAt))
                    .col(timestamp_with_time_zone(Registration::UpdatedAt))
                    .col(integer(Registration::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Registration::Table, Registration::MunicipalityId)
                            .to(Municipality::Table, Municipality::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Registration::Table, Registration::ParticipantId)
                            .to(Participant::Table, Participant::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_registration_status_due")
                    .table(Registration::Table)
                    .col(Registration::Status)
                    .col(Registration::IntakeDueOn)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Registration::Table).to_owned())
            .await
    }
}

// The columns' names: one of them names another registration.
#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden)]
enum Registration {
    Table,
    Id,
    Status,
    RegisteredBy,
    FirstName,
    LastName,
    Phone,
    Email,
    MunicipalityId,
    OrganisationId,
    CareWorkerName,
    CareWorkerPhone,
    CareWorkerEmail,
    Note,
    RegisteredOn,
    IntakeDueOn,
    IntakePlannedOn,
    DuplicateOfParticipant,
    DuplicateOfRegistration,
    ParticipantId,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Municipality {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Participant {
    Table,
    Id,
}
