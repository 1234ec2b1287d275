//! Server functions, one module per area. Each is thin: access check, database, domain.

pub mod programme;
