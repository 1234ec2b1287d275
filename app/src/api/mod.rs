//! Server functions, one module per area. Each is thin: access check, database, domain.

pub mod account;
pub mod audit;
pub mod programme;
pub mod users;
