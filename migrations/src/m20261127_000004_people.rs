//! People: the admin-managed lists (municipalities, interests, personality scales, activity
//! kinds, referral organisations, stepping stones), participants and buddies with their
//! profiles, screening interviews, the timeline of status changes, and the waiting list's
//! contacts and stepping-stone referrals.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A simple admin-managed list: a name, kept (inactive) once used so that history stays
/// readable.
fn named_list(table: impl IntoIden + Clone) -> TableCreateStatement {
    Table::create()
        .table(table)
        .if_not_exists()
        .col(pk_auto(List::Id))
        .col(string_len_uniq(List::Name, 120))
        .col(boolean(List::Active).default(true))
        .col(integer(List::Position).default(0))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Lists::Interest.into_iden(),
            Lists::ActivityKind.into_iden(),
            Lists::ReferralOrganisation.into_iden(),
        ] {
            manager.create_table(named_list(table)).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Municipality::Table)
                    .if_not_exists()
                    .col(pk_auto(Municipality::Id))
                    .col(string_len_uniq(Municipality::Name, 120))
                    .col(string_len(Municipality::Postcode, 10))
                    .col(double(Municipality::Lat))
                    .col(double(Municipality::Lon))
                    .col(boolean(Municipality::Active).default(true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PersonalityScale::Table)
                    .if_not_exists()
                    .col(pk_auto(PersonalityScale::Id))
                    .col(string_len(PersonalityScale::Low, 60))
                    .col(string_len(PersonalityScale::High, 60))
                    .col(boolean(PersonalityScale::Active).default(true))
                    .col(integer(PersonalityScale::Position).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SteppingStone::Table)
                    .if_not_exists()
                    .col(pk_auto(SteppingStone::Id))
                    .col(string_len(SteppingStone::Provider, 120))
                    .col(string_len(SteppingStone::Title, 200))
                    .col(string_len(SteppingStone::Place, 120))
                    .col(string_len(SteppingStone::Link, 500))
                    // Ids of the interests it suits, as a JSON array.
                    .col(text(SteppingStone::Interests))
                    .col(boolean(SteppingStone::Active).default(true))
                    .to_owned(),
            )
            .await?;

        for person in [Person::Participant, Person::Buddy] {
            let mut table = Table::create();
            table
                .table(person)
                .if_not_exists()
                .col(pk_auto(Common::Id))
                // Columns that lists filter and sort on; the whole checked profile is kept
                // as JSON beside them (the matching engine reads it).
                .col(string_len(Common::FirstName, 80))
                .col(string_len(Common::LastName, 80))
                .col(date(Common::BirthDate))
                .col(string_len(Common::Gender, 8))
                .col(integer(Common::MunicipalityId))
                .col(text(Common::Profile))
                .col(string_len(Common::Status, 24))
                .col(timestamp_with_time_zone(Common::CreatedAt))
                .col(timestamp_with_time_zone(Common::UpdatedAt))
                .col(integer(Common::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(person, Common::MunicipalityId)
                        .to(Municipality::Table, Municipality::Id),
                );
            match person {
                Person::Participant => {
                    table
                        .col(date(Participant::IntakeDate))
                        // Kept when a duo ends with "no click": the place in the queue stays.
                        .col(date(Participant::WaitingSince))
                        .col(integer_null(Participant::ReferralOrganisationId))
                        .col(string_len(Participant::ReferralContact, 200))
                        .col(string_len(Participant::SupportContact, 300))
                        // Purposes, text version, date and who recorded it, as JSON.
                        .col(text(Participant::Consent))
                        // Coordinators only; never sent to buddies or screeners.
                        .col(text(Participant::CoordinatorNotes))
                        .col(date_null(Participant::LastContactOn))
                        .foreign_key(
                            ForeignKey::create()
                                .from(Person::Participant, Participant::ReferralOrganisationId)
                                .to(Lists::ReferralOrganisation, List::Id),
                        );
                }
                Person::Buddy => {
                    table
                        .col(date(Buddy::AppliedOn))
                        .col(text(Buddy::Motivation))
                        .col(integer(Buddy::Capacity).default(1))
                        .col(integer_null(Buddy::ScreenerId))
                        .col(date_null(Buddy::ApprovedOn))
                        .col(integer_null(Buddy::UserId))
                        .col(text(Buddy::CoordinatorNotes))
                        .foreign_key(
                            ForeignKey::create()
                                .from(Person::Buddy, Buddy::ScreenerId)
                                .to(User::Table, User::Id)
                                .on_delete(ForeignKeyAction::SetNull),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .from(Person::Buddy, Buddy::UserId)
                                .to(User::Table, User::Id)
                                .on_delete(ForeignKeyAction::SetNull),
                        );
                }
            }
            manager.create_table(table.to_owned()).await?;
            // Indexes in the lists' own orders, so that a page is read, not sorted.
            let name = person.to_string();
            let indexes: [(&str, Vec<DynIden>); 3] = [
                (
                    "status",
                    vec![Common::Status.into_iden(), Common::Id.into_iden()],
                ),
                (
                    "name",
                    vec![
                        Common::LastName.into_iden(),
                        Common::FirstName.into_iden(),
                        Common::Id.into_iden(),
                    ],
                ),
                (
                    "municipality",
                    vec![
                        Common::MunicipalityId.into_iden(),
                        Common::LastName.into_iden(),
                        Common::FirstName.into_iden(),
                        Common::Id.into_iden(),
                    ],
                ),
            ];
            for (suffix, columns) in indexes {
                let mut index = Index::create();
                index.name(format!("idx_{name}_{suffix}")).table(person);
                for column in columns {
                    index.col(column);
                }
                manager.create_index(index.to_owned()).await?;
            }
        }
        for (suffix, columns) in [
            (
                "waiting_since",
                vec![
                    Participant::WaitingSince.into_iden(),
                    Common::Id.into_iden(),
                ],
            ),
            (
                "status_waiting_since",
                vec![
                    Common::Status.into_iden(),
                    Participant::WaitingSince.into_iden(),
                    Common::Id.into_iden(),
                ],
            ),
        ] {
            let mut index = Index::create();
            index
                .name(format!("idx_participant_{suffix}"))
                .table(Person::Participant);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_buddy_screener")
                    .table(Person::Buddy)
                    .col(Buddy::ScreenerId)
                    .to_owned(),
            )
            .await?;

        // Interests per person, for filtering lists (the profile JSON holds them too).
        for (table, person) in [
            (PersonInterest::ParticipantInterest, Person::Participant),
            (PersonInterest::BuddyInterest, Person::Buddy),
        ] {
            manager
                .create_table(
                    Table::create()
                        .table(table)
                        .if_not_exists()
                        .col(integer(Link::PersonId))
                        .col(integer(Link::InterestId))
                        .primary_key(Index::create().col(Link::PersonId).col(Link::InterestId))
                        .foreign_key(
                            ForeignKey::create()
                                .from(table, Link::PersonId)
                                .to(person, Common::Id)
                                .on_delete(ForeignKeyAction::Cascade),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .from(table, Link::InterestId)
                                .to(Lists::Interest, List::Id),
                        )
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name(format!("idx_{}_interest", table.to_string()))
                        .table(table)
                        .col(Link::InterestId)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(StatusChange::Table)
                    .if_not_exists()
                    .col(pk_auto(StatusChange::Id))
                    .col(string_len(StatusChange::SubjectKind, 16))
                    .col(integer(StatusChange::SubjectId))
                    .col(string_len_null(StatusChange::FromStatus, 24))
                    .col(string_len(StatusChange::ToStatus, 24))
                    .col(timestamp_with_time_zone(StatusChange::At))
                    .col(integer_null(StatusChange::ByUser))
                    .col(string_len(StatusChange::Note, 500))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_status_change_subject")
                    .table(StatusChange::Table)
                    .col(StatusChange::SubjectKind)
                    .col(StatusChange::SubjectId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Screening::Table)
                    .if_not_exists()
                    .col(pk_auto(Screening::Id))
                    .col(integer(Screening::BuddyId))
                    .col(integer_null(Screening::ScreenerId))
                    .col(date(Screening::HeldOn))
                    .col(string_len(Screening::Outcome, 16))
                    .col(text(Screening::Notes))
                    .col(timestamp_with_time_zone(Screening::RecordedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Screening::Table, Screening::BuddyId)
                            .to(Person::Buddy, Common::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ParticipantContact::Table)
                    .if_not_exists()
                    .col(pk_auto(ParticipantContact::Id))
                    .col(integer(ParticipantContact::ParticipantId))
                    .col(date(ParticipantContact::On))
                    // A stepping-stone referral when set; a plain contact otherwise.
                    .col(integer_null(ParticipantContact::SteppingStoneId))
                    .col(string_len(ParticipantContact::Note, 500))
                    .col(integer_null(ParticipantContact::ByUser))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ParticipantContact::Table, ParticipantContact::ParticipantId)
                            .to(Person::Participant, Common::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                ParticipantContact::Table,
                                ParticipantContact::SteppingStoneId,
                            )
                            .to(SteppingStone::Table, SteppingStone::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_participant_contact_participant")
                    .table(ParticipantContact::Table)
                    .col(ParticipantContact::ParticipantId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ParticipantContact::Table.into_iden(),
            Screening::Table.into_iden(),
            StatusChange::Table.into_iden(),
            PersonInterest::ParticipantInterest.into_iden(),
            PersonInterest::BuddyInterest.into_iden(),
            Person::Participant.into_iden(),
            Person::Buddy.into_iden(),
            SteppingStone::Table.into_iden(),
            PersonalityScale::Table.into_iden(),
            Municipality::Table.into_iden(),
            Lists::Interest.into_iden(),
            Lists::ActivityKind.into_iden(),
            Lists::ReferralOrganisation.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Lists {
    Interest,
    ActivityKind,
    ReferralOrganisation,
}

#[derive(DeriveIden)]
enum List {
    Id,
    Name,
    Active,
    Position,
}

#[derive(DeriveIden)]
enum Municipality {
    Table,
    Id,
    Name,
    Postcode,
    Lat,
    Lon,
    Active,
}

#[derive(DeriveIden)]
enum PersonalityScale {
    Table,
    Id,
    Low,
    High,
    Active,
    Position,
}

#[derive(DeriveIden)]
enum SteppingStone {
    Table,
    Id,
    Provider,
    Title,
    Place,
    Link,
    Interests,
    Active,
}

#[derive(DeriveIden, Clone, Copy)]
enum Person {
    Participant,
    Buddy,
}

#[derive(DeriveIden)]
enum Common {
    Id,
    FirstName,
    LastName,
    BirthDate,
    Gender,
    MunicipalityId,
    Profile,
    Status,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden)]
enum Participant {
    IntakeDate,
    WaitingSince,
    ReferralOrganisationId,
    ReferralContact,
    SupportContact,
    Consent,
    CoordinatorNotes,
    LastContactOn,
}

#[derive(DeriveIden)]
enum Buddy {
    AppliedOn,
    Motivation,
    Capacity,
    ScreenerId,
    ApprovedOn,
    UserId,
    CoordinatorNotes,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum PersonInterest {
    ParticipantInterest,
    BuddyInterest,
}

#[derive(DeriveIden)]
enum Link {
    PersonId,
    InterestId,
}

#[derive(DeriveIden)]
enum StatusChange {
    Table,
    Id,
    SubjectKind,
    SubjectId,
    FromStatus,
    ToStatus,
    At,
    ByUser,
    Note,
}

#[derive(DeriveIden)]
enum Screening {
    Table,
    Id,
    BuddyId,
    ScreenerId,
    HeldOn,
    Outcome,
    Notes,
    RecordedAt,
}

#[derive(DeriveIden)]
enum ParticipantContact {
    Table,
    Id,
    ParticipantId,
    On,
    SteppingStoneId,
    Note,
    ByUser,
}
