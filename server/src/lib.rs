//! The `klik` server: configuration, start-up, routes and command-line subcommands.

pub mod api_errors;
pub mod assets;
pub mod backup;
pub mod calendar;
pub mod cli;
pub mod jobs;
pub mod load;
pub mod memory;
pub mod person_data;
pub mod reports;
pub mod routes;
pub mod security;
pub mod telemetry;

use std::sync::Arc;

use app::config::Config;
use app::state::{AppState, Clock};
use leptos::prelude::LeptosOptions;

/// Connects to the database, brings it up to date and builds the state the routes share.
pub async fn build_state(
    config: Config,
    leptos_options: LeptosOptions,
    clock: Clock,
) -> Result<AppState, sea_orm::DbErr> {
    let db = app::db::connect(&config.database_url, config.db_max_connections).await?;
    app::db::migrate(&db).await?;
    let reads = app::db::connect_readers(&config.database_url, &db).await?;
    Ok(AppState {
        leptos_options,
        db,
        reads,
        writes: app::db::writes::WriteGate::for_url(&config.database_url),
        config: Arc::new(config),
        clock,
    })
}
