//! Background jobs inside `klik serve`: every tick, queue the reminders that are due, pass
//! on the event places nobody confirmed in time, then deliver what waits in the outbox, and delete expired form drafts; once a day, the
//! retention job. One tokio task; it stops cleanly on shutdown (a tick
//! under way finishes the message it is sending). Several instances may share a database:
//! the outbox claims and the reminder keys keep every message to one delivery.
//!
//! Logs name messages and duos by id only: never an address, a name or a subject.

pub mod mail;
pub mod reminders;
pub mod retention;

use std::time::Duration;

use app::state::AppState;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use mail::Mailer;

/// What one tick did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tick {
    /// Reminders queued into the outbox.
    pub reminders: usize,
    pub delivery: mail::Delivery,
}

/// The jobs of one server instance.
pub struct JobRunner {
    state: AppState,
    mailer: Option<Mailer>,
    interval: Duration,
}

impl JobRunner {
    /// The runner for `state`'s configuration; an unusable `KLIK_SMTP_URL` or
    /// `KLIK_MAIL_FROM` is an error (start-up stops), an unset `KLIK_SMTP_URL` is not.
    pub fn new(state: AppState) -> Result<JobRunner, String> {
        let mailer = match &state.config.smtp_url {
            Some(url) => Some(Mailer::new(url, &state.config.mail_from)?),
            None => None,
        };
        let interval = Duration::from_secs(state.config.job_interval_secs.max(1));
        Ok(JobRunner {
            state,
            mailer,
            interval,
        })
    }

    pub fn delivers_mail(&self) -> bool {
        self.mailer.is_some()
    }

    /// One round: reminders first, so that they can go out in the same round.
    pub async fn tick(&self) -> Tick {
        self.tick_until(&|| false).await
    }

    async fn tick_until(&self, stopping: &(dyn Fn() -> bool + Sync)) -> Tick {
        let reminders = match reminders::queue_due(&self.state).await {
            Ok(n) => n,
            Err(error) => {
                // `AppError`'s text carries no personal data (the detail is the DB's).
                tracing::error!(%error, "reminder job failed; trying again next tick");
                0
            }
        };
        // Places offered from an event's waiting list and not confirmed in time pass on
        // (their mails go out in this same round).
        if let Err(error) = app::api::events::pass_on_lapsed_offers(&self.state).await {
            tracing::error!(%error, "passing on lapsed event places failed; trying again next tick");
        }
        let delivery = match &self.mailer {
            Some(mailer) => mail::deliver_due(&self.state, mailer, stopping).await,
            None => mail::Delivery::default(),
        };
        // Refused form values live minutes: whichever instance ticks first deletes them.
        let now = self.state.clock.now();
        if let Err(error) = app::db::drafts::sweep(&self.state.db, now).await {
            tracing::error!(%error, "sweeping form drafts failed; trying again next tick");
        }
        // Answer keys outlive any retry by far after a week.
        if let Err(error) = app::db::answer_keys::sweep(&self.state.db, now).await {
            tracing::error!(%error, "sweeping answer keys failed; trying again next tick");
        }
        // Once a day, by whichever instance claims the day first.
        if let Err(error) = retention::run_due(&self.state).await {
            tracing::error!(%error, "retention job failed; the next day's run finds what is due");
        }
        self.nightly_backup(now).await;
        Tick {
            reminders,
            delivery,
        }
    }

    /// The day's backup of an SQLite database into `KLIK_BACKUP_DIR`, once per day.
    async fn nightly_backup(&self, now: chrono::DateTime<chrono::Utc>) {
        let config = &self.state.config;
        let Some(dir) = &config.backup_dir else {
            return;
        };
        if !app::db::is_sqlite(&config.database_url) {
            return;
        }
        let today = app::domain::time::local_date(now, config.time_zone);
        match crate::backup::nightly(&config.database_url, dir, config.backup_keep, today).await {
            Ok(Some(file)) => tracing::info!(file = %file.display(), "nightly backup written"),
            Ok(None) => {}
            Err(error) => tracing::error!(%error, "nightly backup failed; trying again next tick"),
        }
    }

    /// Runs a tick every interval until `stop` turns true (or its sender is dropped).
    pub fn spawn(self, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
        tokio::spawn(async move {
            if self.state.config.backup_dir.is_some()
                && !app::db::is_sqlite(&self.state.config.database_url)
            {
                tracing::warn!(
                    "KLIK_BACKUP_DIR is for SQLite: back PostgreSQL up with pg_dump (README)"
                );
            }
            if self.mailer.is_none() {
                tracing::info!(
                    "mail delivery is off (KLIK_SMTP_URL unset): messages wait in the outbox"
                );
            }
            let mut ticker = tokio::time::interval(self.interval);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = ticker.tick() => {}
                    _ = stop.changed() => {}
                }
                if *stop.borrow() || stop.has_changed().is_err() {
                    break;
                }
                let stopping = || *stop.borrow();
                let tick = self.tick_until(&stopping).await;
                if tick != Tick::default() {
                    tracing::info!(
                        reminders = tick.reminders,
                        sent = tick.delivery.sent,
                        retrying = tick.delivery.retrying,
                        failed = tick.delivery.failed,
                        "background jobs ran"
                    );
                }
            }
            tracing::info!("background jobs stopped");
        })
    }
}
