//! sea-orm entities, one module per table. Hand-written rules live in the repository
//! modules beside this folder, not here.

pub mod activity;
pub mod activity_kind;
pub mod answer_key;
pub mod audit_log;
pub mod buddy;
pub mod buddy_interest;
pub mod calendar_feed;
pub mod duo;
pub mod evaluation;
pub mod event;
pub mod event_invitation;
pub mod event_kind;
pub mod form_draft;
pub mod interest;
pub mod invitation;
pub mod login_attempt;
pub mod login_challenge;
pub mod municipality;
pub mod outbox;
pub mod participant;
pub mod participant_contact;
pub mod participant_interest;
pub mod personality_scale;
pub mod recovery_code;
pub mod referral;
pub mod referral_organisation;
pub mod registration;
pub mod reminder_sent;
pub mod retention_run;
pub mod screening;
pub mod session;
pub mod setting;
pub mod status_change;
pub mod stepping_stone;
pub mod user;
