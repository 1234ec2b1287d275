//! Erasure by anonymisation: when a participant's or buddy's record was anonymised and why
//! (a code). The record itself stays, under a pseudonym, so that the figures stay the same.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Person::Participant, Person::Buddy] {
            // SQLite adds one column per ALTER TABLE.
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(date_null(Person::ErasedOn))
                        .to_owned(),
                )
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(string_len_null(Person::ErasureReason, 32))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Person::Participant, Person::Buddy] {
            for column in [Person::ErasedOn, Person::ErasureReason] {
                manager
                    .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                    .await?;
            }
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Person {
    Participant,
    Buddy,
    ErasedOn,
    ErasureReason,
}
