//! Pure statistics for the funders' reports (issue 19): no I/O and no `ssr`-only code, so
//! pages in the browser and exports on the server compute the same figures.
//!
//! - `survival`: Kaplan–Meier curves for durations that may still be running (waiting
//!   times, how long duos last), with 95% bands, the median and other percentiles;
//! - `logrank`: whether groups of such durations differ (log-rank test and its p-value);
//! - `weekly`: the waiting list week by week, rebuilt from status changes;
//! - `suppress`: hiding small counts before figures leave the programme.

pub mod logrank;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod reference;
pub mod suppress;
pub mod survival;
pub mod weekly;

pub use logrank::{LogRank, chi_square_p_value, log_rank, regularized_upper_gamma};
pub use suppress::{Cell, MIN_CELL, suppress, suppress_row};
pub use survival::{Curve, Median, Observation, Step, Z_95, kaplan_meier};
pub use weekly::{Change, State, Week, weekly};
