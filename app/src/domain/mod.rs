//! Plain domain types and pure rules: no I/O, the same code in the browser and on the server.

pub mod account;
pub mod activity;
pub mod activity_view;
pub mod audit;
pub mod board;
pub mod calendar;
pub mod coded;
pub mod duo;
pub mod duo_view;
pub mod first_steps;
pub mod import;
pub mod language;
pub mod lists;
pub mod mail;
pub mod people;
pub mod person_data;
pub mod privacy;
pub mod profile;
pub mod referral;
pub mod register;
pub mod registration;
pub mod report;
pub mod retention;
pub mod stepping_stone;
pub mod time;
pub mod validation;
