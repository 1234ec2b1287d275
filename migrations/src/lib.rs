//! Database schema of Klik, as sea-orm migrations that run on SQLite and on PostgreSQL.
//!
//! Migrations run when `klik serve` starts and with `klik migrate`. Never edit a migration that
//! has been released: add a new one.

pub use sea_orm_migration::MigrationStatus;
pub use sea_orm_migration::prelude::*;

mod m20261127_000001_settings;
mod m20261127_000002_accounts;
mod m20261127_000003_two_factor_invitations;
mod m20261127_000004_people;
mod m20261127_000005_duos;
mod m20261127_000006_activities;
mod m20261205_000007_form_drafts;
mod m20261205_000008_registrations;
mod m20261205_000009_catalogue;
mod m20261205_000010_referrals;
mod m20261205_000011_report_indexes;
mod m20261206_000012_erasure;
mod m20261206_000013_events;
mod m20261206_000014_event_offers;
mod m20261206_000015_leave_reasons;
mod m20261207_000016_user_language;
mod m20261207_000017_answer_keys;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_settings::Migration),
            Box::new(m20261127_000002_accounts::Migration),
            Box::new(m20261127_000003_two_factor_invitations::Migration),
            Box::new(m20261127_000004_people::Migration),
            Box::new(m20261127_000005_duos::Migration),
            Box::new(m20261127_000006_activities::Migration),
            Box::new(m20261205_000007_form_drafts::Migration),
            Box::new(m20261205_000008_registrations::Migration),
            Box::new(m20261205_000009_catalogue::Migration),
            Box::new(m20261205_000010_referrals::Migration),
            Box::new(m20261205_000011_report_indexes::Migration),
            Box::new(m20261206_000012_erasure::Migration),
            Box::new(m20261206_000013_events::Migration),
            Box::new(m20261206_000014_event_offers::Migration),
            Box::new(m20261206_000015_leave_reasons::Migration),
            Box::new(m20261207_000016_user_language::Migration),
            Box::new(m20261207_000017_answer_keys::Migration),
        ]
    }
}
