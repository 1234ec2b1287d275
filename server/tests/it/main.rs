//! The integration tests: one binary (one link of the whole app), one module per area.
//! Tests run in parallel; each makes its own database (see `common`).

#[macro_use]
mod common;

mod accounts;
mod activities;
mod backup;
mod buddies;
mod calendar;
mod crash;
mod demo;
mod drafts;
mod duos;
mod events;
mod fuzz;
mod hostile;
mod http;
mod import;
mod invitations;
mod jobs;
mod lists;
mod mail;
mod matching;
mod participants;
mod person_data;
mod privacy;
mod registrations;
mod reliability;
mod reminders;
mod reports;
mod repository;
mod retention;
mod security;
mod stones;
mod two_factor;
mod upgrade;
