//! Server functions, one module per area. Each is thin: access check, database, domain.

pub mod account;
pub mod admin_lists;
pub mod audit;
pub mod buddies;
pub mod drafts;
pub mod import;
pub mod invitations;
pub mod lists;
pub mod matching;
pub mod participants;
pub mod programme;
pub mod settings;
pub mod two_factor;
pub mod users;
