//! Server state shared by the routes and the server functions (which reach it through
//! `api::ctx::Ctx` only, after the access policy).

use std::sync::{Arc, RwLock};

use axum::extract::FromRef;
use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use sea_orm::DatabaseConnection;

use crate::config::Config;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// For the reads outside transactions that every request makes (`db::connect_readers`).
    #[from_ref(skip)]
    pub reads: DatabaseConnection,
    /// Whose turn it is to write (`db::writes`): take it with [`AppState::begin`].
    pub writes: crate::db::writes::WriteGate,
    pub config: Arc<Config>,
    pub clock: Clock,
}

impl AppState {
    /// Begins a write transaction on `db`, in turn with the server's other writes.
    pub async fn begin(&self) -> Result<crate::db::writes::WriteTxn, sea_orm::DbErr> {
        self.writes.begin(&self.db).await
    }
}

/// Where "now" comes from: the system clock, or a clock that tests set and move.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    fixed: Option<Arc<RwLock<DateTime<Utc>>>>,
    /// For end-to-end tests: the system time moved forward by this much.
    shift: Option<Arc<RwLock<Duration>>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock::default()
    }

    pub fn fixed(at: DateTime<Utc>) -> Clock {
        Clock {
            fixed: Some(Arc::new(RwLock::new(at))),
            shift: None,
        }
    }

    /// The system time, that `advance` moves forward (`KLIK_TEST_CLOCK`).
    pub fn adjustable() -> Clock {
        Clock {
            fixed: None,
            shift: Some(Arc::new(RwLock::new(Duration::zero()))),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match (&self.fixed, &self.shift) {
            (Some(at), _) => *at.read().unwrap_or_else(|poisoned| poisoned.into_inner()),
            (None, Some(shift)) => {
                Utc::now()
                    + *shift
                        .read()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
            }
            (None, None) => Utc::now(),
        }
    }

    /// Moves a fixed or adjustable clock; the system clock cannot be moved and ignores this.
    pub fn advance(&self, by: Duration) {
        if let Some(at) = &self.fixed {
            let mut at = at.write().unwrap_or_else(|poisoned| poisoned.into_inner());
            *at += by;
        } else if let Some(shift) = &self.shift {
            let mut shift = shift
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            *shift += by;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_fixed_clock_stands_still_until_moved() {
        let start = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
        let clock = Clock::fixed(start);
        let copy = clock.clone();
        assert_eq!(clock.now(), start);
        copy.advance(Duration::days(3));
        assert_eq!(clock.now(), start + Duration::days(3));
    }

    #[test]
    fn an_adjustable_clock_runs_ahead_by_what_it_was_moved() {
        let clock = Clock::adjustable();
        clock.advance(Duration::days(2));
        let ahead = clock.now() - Utc::now();
        assert!(ahead > Duration::days(2) - Duration::minutes(1) && ahead <= Duration::days(2));
        let system = Clock::system();
        system.advance(Duration::days(2));
        assert!(system.now() - Utc::now() < Duration::minutes(1));
    }

    #[test]
    fn the_system_clock_follows_the_time() {
        let before = Utc::now();
        let now = Clock::system().now();
        assert!(now >= before);
    }
}
