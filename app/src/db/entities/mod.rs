//! sea-orm entities, one module per table. Hand-written rules live in the repository
//! modules beside this folder, not here.

pub mod audit_log;
pub mod invitation;
pub mod login_attempt;
pub mod login_challenge;
pub mod outbox;
pub mod recovery_code;
pub mod session;
pub mod setting;
pub mod user;
