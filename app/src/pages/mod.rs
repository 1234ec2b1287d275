//! One module per route.

pub mod account;
pub mod account_two_factor;
pub mod activities;
pub mod admin_audit;
pub mod admin_lists;
pub mod admin_matching;
pub mod admin_outbox;
pub mod admin_settings;
pub mod admin_users;
pub mod board;
pub mod buddies;
pub mod calendar;
pub mod duo;
pub mod events;
pub mod home;
pub mod import;
pub mod lazy;
pub mod login;
pub mod login_code;
pub mod matching;
pub mod not_found;
pub mod participants;
pub mod person_data;
pub mod privacy;
pub mod registrations;
pub mod reports;
pub mod rights;
pub mod setup;
pub mod stones;
pub mod waiting;
pub mod welcome;

/// The `:id` of the current route, if it is a number.
pub fn route_id() -> Option<i32> {
    use leptos::prelude::Read;
    leptos_router::hooks::use_params_map()
        .read()
        .get("id")
        .and_then(|v| v.parse().ok())
}
