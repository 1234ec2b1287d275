//! (server only) Who is asking: passwords, sessions, sign-in throttling and the access policy.

pub mod accounts;
pub mod password;
pub mod policy;
pub mod session;
pub mod throttle;
pub mod token;
pub mod two_factor;

pub use crate::domain::account::CurrentUser;
