//! The values of a refused form sent without JavaScript, kept for the page it returns to:
//! in the database rather than one server's memory, so that any instance behind a load
//! balancer can show them again. Rows live minutes and are swept by the background job.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FormDraft::Table)
                    .if_not_exists()
                    .col(pk_auto(FormDraft::Id))
                    // SHA-256 of the browser's draft cookie (or of its session token, for a
                    // result shown once): never the cookie itself.
                    .col(string_len(FormDraft::BrowserKey, 64))
                    .col(string_len(FormDraft::Form, 64))
                    .col(string_len_null(FormDraft::SessionHash, 64))
                    .col(text(FormDraft::Body))
                    .col(timestamp_with_time_zone(FormDraft::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_form_draft_key_form")
                    .table(FormDraft::Table)
                    .col(FormDraft::BrowserKey)
                    .col(FormDraft::Form)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_form_draft_expires_at")
                    .table(FormDraft::Table)
                    .col(FormDraft::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FormDraft::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum FormDraft {
    Table,
    Id,
    BrowserKey,
    Form,
    SessionHash,
    Body,
    ExpiresAt,
}
