//! sea-orm entities, one module per table. Hand-written rules live in the repository
//! modules beside this folder, not here.

pub mod setting;
