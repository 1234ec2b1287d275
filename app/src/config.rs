//! Configuration from environment variables, with safe defaults for one machine.
//! Every variable is documented in the README.

use std::net::SocketAddr;

use chrono_tz::Tz;

use crate::domain::time::{DEFAULT_TIME_ZONE, parse_time_zone};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/klik.db";
pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";
pub const DEFAULT_PROGRAMME_NAME: &str = "Buddywerking Mechelen";
/// Seconds between two runs of the background jobs (mail, reminders).
pub const DEFAULT_JOB_INTERVAL_SECS: u64 = 30;
pub const DEFAULT_BACKUP_KEEP: u32 = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Human,
    Json,
}

#[derive(Clone, Debug)]
pub struct Config {
    /// `DATABASE_URL`: an SQLite file (`sqlite://path`) or `postgres://...`.
    pub database_url: String,
    /// `KLIK_DB_MAX_CONNECTIONS`: size of the connection pool.
    pub db_max_connections: u32,
    /// `KLIK_ADDR`: address and port to listen on.
    pub addr: SocketAddr,
    /// `KLIK_PROGRAMME_NAME`: shown in the header until an admin sets it in the settings.
    pub programme_name: String,
    /// `KLIK_TIME_ZONE`: the programme's time zone for showing dates and times.
    pub time_zone: Tz,
    /// `KLIK_LOG_FORMAT`: `human` or `json`.
    pub log_format: LogFormat,
    /// `KLIK_PUBLIC_URL`: the address people use, e.g. `https://klik.example.be`, without a
    /// trailing slash. It decides the allowed request origin and, for `https`, secure cookies
    /// and HSTS. Unset: `http://` + `KLIK_ADDR`.
    pub public_url: String,
    /// `KLIK_TEST_CLOCK=1`: end-to-end tests only. The clock can be moved forward with
    /// `POST /test/clock`; never set this on a real installation.
    pub test_clock: bool,
    /// `KLIK_SMTP_URL`: where mail is delivered (`smtp://host:2525`,
    /// `smtps://user:pass@host`, `smtp://user:pass@host:587?tls=required`). Unset: nothing is
    /// sent and messages wait in the outbox.
    pub smtp_url: Option<SmtpUrl>,
    /// `KLIK_MAIL_FROM`: the sender, e.g. `Buddywerking <klik@example.be>`. Unset: `Klik` at
    /// `klik@` the host of `KLIK_PUBLIC_URL` (or `klik@localhost` for an IP address).
    pub mail_from: String,
    /// `KLIK_JOB_INTERVAL_SECS`: seconds between two runs of the background jobs.
    pub job_interval_secs: u64,
    /// `KLIK_BACKUP_DIR`: on SQLite, `klik serve` writes a checked backup there every night
    /// (and before it runs a migration, also when unset: then beside the database). Unset: no
    /// nightly backup.
    pub backup_dir: Option<std::path::PathBuf>,
    /// `KLIK_BACKUP_KEEP`: how many nightly backups are kept (the oldest go first).
    pub backup_keep: u32,
}

/// The SMTP URL; it may hold a password, so `Debug` shows only the scheme.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl(String);

impl SmtpUrl {
    pub fn new(url: impl Into<String>) -> SmtpUrl {
        SmtpUrl(url.into())
    }

    /// The URL itself, for the mail transport only: never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scheme = self.0.split("://").next().unwrap_or_default();
        write!(f, "SmtpUrl({scheme}://…)")
    }
}

/// A variable that is set but cannot be used; start-up stops with this message.
#[derive(Debug, thiserror::Error)]
#[error("{variable}: {reason}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub reason: String,
}

impl Config {
    /// Whether people reach Klik over HTTPS (secure cookies, HSTS).
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, so tests need not touch the environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if !(database_url.starts_with("sqlite:") || database_url.starts_with("postgres")) {
            return Err(ConfigError {
                variable: "DATABASE_URL",
                reason: "use sqlite://<file> or postgres://<user>@<host>/<database>".into(),
            });
        }
        // SQLite writes one transaction at a time (`db::writes`); a second connection lets
        // the next writer start while the last one is handed back to the pool.
        let default_pool = if database_url.starts_with("sqlite:") {
            2
        } else {
            10
        };
        let db_max_connections = match get("KLIK_DB_MAX_CONNECTIONS") {
            None => default_pool,
            Some(v) => v
                .trim()
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(ConfigError {
                    variable: "KLIK_DB_MAX_CONNECTIONS",
                    reason: format!("expected a whole number above 0, got {v:?}"),
                })?,
        };
        let addr_text = get("KLIK_ADDR").unwrap_or_else(|| DEFAULT_ADDR.into());
        let addr = addr_text.trim().parse().map_err(|_| ConfigError {
            variable: "KLIK_ADDR",
            reason: format!("expected an address such as {DEFAULT_ADDR}, got {addr_text:?}"),
        })?;
        let time_zone = match get("KLIK_TIME_ZONE") {
            None => DEFAULT_TIME_ZONE,
            Some(name) => parse_time_zone(&name).ok_or(ConfigError {
                variable: "KLIK_TIME_ZONE",
                reason: format!(
                    "unknown time zone {name:?}; use a European one such as Europe/Brussels, or UTC"
                ),
            })?,
        };
        let log_format = match get("KLIK_LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("human") => LogFormat::Human,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError {
                    variable: "KLIK_LOG_FORMAT",
                    reason: format!("expected human or json, got {other:?}"),
                });
            }
        };
        let public_url = match get("KLIK_PUBLIC_URL") {
            None => format!("http://{addr}"),
            Some(url) => {
                let url = url.trim().trim_end_matches('/').to_owned();
                let rest = url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"))
                    .unwrap_or_default();
                if rest.is_empty() || rest.contains(['/', '?', '#', ' ']) {
                    return Err(ConfigError {
                        variable: "KLIK_PUBLIC_URL",
                        reason: format!(
                            "expected an origin such as https://klik.example.be, got {url:?}"
                        ),
                    });
                }
                url
            }
        };
        let smtp_url = match get("KLIK_SMTP_URL") {
            None => None,
            Some(url) => {
                let url = url.trim().to_owned();
                let rest = url
                    .strip_prefix("smtp://")
                    .or_else(|| url.strip_prefix("smtps://"))
                    .unwrap_or_default();
                if rest.is_empty() {
                    // Not the value itself: it may hold a password.
                    return Err(ConfigError {
                        variable: "KLIK_SMTP_URL",
                        reason: "expected smtp://host:port or smtps://user:password@host".into(),
                    });
                }
                Some(SmtpUrl(url))
            }
        };
        let mail_from = match get("KLIK_MAIL_FROM") {
            Some(from) if from.contains('@') => from.trim().to_owned(),
            Some(from) => {
                return Err(ConfigError {
                    variable: "KLIK_MAIL_FROM",
                    reason: format!(
                        "expected an address such as Klik <klik@example.be>, got {from:?}"
                    ),
                });
            }
            None => format!("Klik <klik@{}>", mail_domain(&public_url)),
        };
        let job_interval_secs = match get("KLIK_JOB_INTERVAL_SECS") {
            None => DEFAULT_JOB_INTERVAL_SECS,
            Some(v) => v
                .trim()
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(ConfigError {
                    variable: "KLIK_JOB_INTERVAL_SECS",
                    reason: format!("expected a whole number of seconds above 0, got {v:?}"),
                })?,
        };
        let backup_keep = match get("KLIK_BACKUP_KEEP") {
            None => DEFAULT_BACKUP_KEEP,
            Some(v) => v
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=365).contains(n))
                .ok_or(ConfigError {
                    variable: "KLIK_BACKUP_KEEP",
                    reason: format!("expected a whole number from 1 to 365, got {v:?}"),
                })?,
        };
        Ok(Config {
            backup_dir: get("KLIK_BACKUP_DIR").map(|d| d.trim().into()),
            backup_keep,
            smtp_url,
            mail_from,
            job_interval_secs,
            public_url,
            database_url,
            db_max_connections,
            addr,
            programme_name: get("KLIK_PROGRAMME_NAME")
                .map(|n| n.trim().to_owned())
                .unwrap_or_else(|| DEFAULT_PROGRAMME_NAME.into()),
            time_zone,
            log_format,
            test_clock: get("KLIK_TEST_CLOCK").is_some_and(|v| v.trim() == "1"),
        })
    }
}

/// The host of the public URL when it is a name (`klik.example.be`), else `localhost`.
fn mail_domain(public_url: &str) -> String {
    let host = public_url
        .split("://")
        .nth(1)
        .unwrap_or_default()
        .split(':')
        .next()
        .unwrap_or_default();
    let is_name = host.contains('.')
        && host.chars().any(|c| c.is_ascii_alphabetic())
        && !host.contains(['[', ']']);
    if is_name {
        host.to_ascii_lowercase()
    } else {
        "localhost".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn defaults_suit_one_machine() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.db_max_connections, 2);
        assert_eq!(c.addr.to_string(), DEFAULT_ADDR);
        assert_eq!(c.programme_name, DEFAULT_PROGRAMME_NAME);
        assert_eq!(c.time_zone, DEFAULT_TIME_ZONE);
        assert_eq!(c.log_format, LogFormat::Human);
        assert_eq!(c.public_url, "http://127.0.0.1:3000");
        assert!(!c.is_https());
        assert_eq!(c.smtp_url, None);
        assert_eq!(c.mail_from, "Klik <klik@localhost>");
        assert_eq!(c.job_interval_secs, DEFAULT_JOB_INTERVAL_SECS);
        assert_eq!(c.backup_dir, None);
        assert_eq!(c.backup_keep, DEFAULT_BACKUP_KEEP);
    }

    #[test]
    fn nightly_backups_go_to_a_folder_and_keep_a_few() {
        let c = config(&[
            ("KLIK_BACKUP_DIR", " /var/backups/klik "),
            ("KLIK_BACKUP_KEEP", "14"),
        ])
        .unwrap();
        assert_eq!(c.backup_dir, Some("/var/backups/klik".into()));
        assert_eq!(c.backup_keep, 14);
        for bad in ["0", "-1", "veel", "366"] {
            let err = config(&[("KLIK_BACKUP_KEEP", bad)]).unwrap_err();
            assert_eq!(err.variable, "KLIK_BACKUP_KEEP");
        }
    }

    #[test]
    fn mail_settings_are_read_and_the_password_stays_hidden() {
        let c = config(&[
            ("KLIK_SMTP_URL", " smtps://klik:geheim@mail.example.be "),
            ("KLIK_PUBLIC_URL", "https://Klik.Example.be"),
            ("KLIK_JOB_INTERVAL_SECS", "5"),
        ])
        .unwrap();
        let url = c.smtp_url.clone().unwrap();
        assert_eq!(url.expose(), "smtps://klik:geheim@mail.example.be");
        assert!(!format!("{c:?}").contains("geheim"));
        assert_eq!(c.mail_from, "Klik <klik@klik.example.be>");
        assert_eq!(c.job_interval_secs, 5);
        let c = config(&[("KLIK_MAIL_FROM", "Buddywerking <buddy@example.be>")]).unwrap();
        assert_eq!(c.mail_from, "Buddywerking <buddy@example.be>");
        for (var, bad) in [
            ("KLIK_SMTP_URL", "mail.example.be"),
            ("KLIK_SMTP_URL", "smtp://"),
            ("KLIK_MAIL_FROM", "klik"),
            ("KLIK_JOB_INTERVAL_SECS", "0"),
        ] {
            let err = config(&[(var, bad)]).unwrap_err();
            assert_eq!(err.variable, var);
            assert!(!err.reason.contains("mail.example.be") || var != "KLIK_SMTP_URL");
        }
    }

    #[test]
    fn the_public_url_is_an_origin() {
        let c = config(&[("KLIK_PUBLIC_URL", "https://klik.example.be/")]).unwrap();
        assert_eq!(c.public_url, "https://klik.example.be");
        assert!(c.is_https());
        for bad in [
            "klik.example.be",
            "https://",
            "https://klik.example.be/app",
            "ftp://x",
        ] {
            assert_eq!(
                config(&[("KLIK_PUBLIC_URL", bad)]).unwrap_err().variable,
                "KLIK_PUBLIC_URL"
            );
        }
    }

    #[test]
    fn values_are_read() {
        let c = config(&[
            ("DATABASE_URL", "postgres://postgres@127.0.0.1/klik"),
            ("KLIK_ADDR", "0.0.0.0:8080"),
            ("KLIK_TIME_ZONE", "Europe/Amsterdam"),
            ("KLIK_LOG_FORMAT", "json"),
            ("KLIK_PROGRAMME_NAME", " Buddywerking Lier "),
        ])
        .unwrap();
        assert_eq!(c.db_max_connections, 10);
        assert_eq!(c.addr.port(), 8080);
        assert_eq!(c.time_zone, chrono_tz::Europe::Amsterdam);
        assert_eq!(c.log_format, LogFormat::Json);
        assert_eq!(c.programme_name, "Buddywerking Lier");
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (var, value) in [
            ("DATABASE_URL", "mysql://x"),
            ("KLIK_ADDR", "localhost"),
            ("KLIK_TIME_ZONE", "Mechelen"),
            ("KLIK_LOG_FORMAT", "xml"),
            ("KLIK_DB_MAX_CONNECTIONS", "0"),
            ("KLIK_DB_MAX_CONNECTIONS", "many"),
        ] {
            let err = config(&[(var, value)]).unwrap_err();
            assert_eq!(err.variable, var);
        }
    }
}
