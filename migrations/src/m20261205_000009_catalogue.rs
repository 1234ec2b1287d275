//! The stepping-stone catalogue: the short admin list of offers (provider, title, place, link)
//! grows into catalogue entries a coordinator can suggest and refer to: kind, description,
//! place, moments, dates, cost, accessibility, contact and when it was last checked.
//! `place` stays and holds the address; `active` stays and means "not hidden".

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one change per ALTER TABLE.
        let columns = [
            string_len(SteppingStone::Kind, 24)
                .default("other")
                .to_owned(),
            text(SteppingStone::Description).default("").to_owned(),
            integer_null(SteppingStone::MunicipalityId).to_owned(),
            // Slot numbers (`Availability` bits) as a number; 0: any time or by appointment.
            integer(SteppingStone::Slots).default(0).to_owned(),
            date_null(SteppingStone::StartsOn).to_owned(),
            date_null(SteppingStone::EndsOn).to_owned(),
            // Euro cents; null: free.
            integer_null(SteppingStone::PriceCents).to_owned(),
            integer_null(SteppingStone::UitpasCents).to_owned(),
            // `Access` codes as a JSON array.
            text(SteppingStone::Accessibility).default("[]").to_owned(),
            string_len(SteppingStone::Contact, 200)
                .default("")
                .to_owned(),
            date_null(SteppingStone::LastChecked).to_owned(),
            // When it entered the catalogue: a year without referrals counts from there.
            date_null(SteppingStone::AddedOn).to_owned(),
            integer(SteppingStone::Version).default(1).to_owned(),
        ];
        for column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(SteppingStone::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        // Entries of the old list were checked when they were entered: today, as far as we know.
        db.execute_unprepared(
            "UPDATE stepping_stone SET last_checked = CURRENT_DATE, added_on = CURRENT_DATE \
             WHERE last_checked IS NULL",
        )
        .await?;
        // The old free-text place becomes the municipality where it names one.
        db.execute_unprepared(
            "UPDATE stepping_stone SET municipality_id = \
             (SELECT m.id FROM municipality m WHERE m.name = stepping_stone.place) \
             WHERE municipality_id IS NULL",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE stepping_stone SET place = '' WHERE municipality_id IS NOT NULL \
             AND place = (SELECT m.name FROM municipality m WHERE m.id = stepping_stone.municipality_id)",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            SteppingStone::Kind,
            SteppingStone::Description,
            SteppingStone::MunicipalityId,
            SteppingStone::Slots,
            SteppingStone::StartsOn,
            SteppingStone::EndsOn,
            SteppingStone::PriceCents,
            SteppingStone::UitpasCents,
            SteppingStone::Accessibility,
            SteppingStone::Contact,
            SteppingStone::LastChecked,
            SteppingStone::AddedOn,
            SteppingStone::Version,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(SteppingStone::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum SteppingStone {
    Table,
    Kind,
    Description,
    MunicipalityId,
    Slots,
    StartsOn,
    EndsOn,
    PriceCents,
    UitpasCents,
    Accessibility,
    Contact,
    LastChecked,
    AddedOn,
    Version,
}
