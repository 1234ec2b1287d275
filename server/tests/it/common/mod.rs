//! Test support: real databases, each test its own, removed afterwards.
//!
//! SQLite: a file in a temporary folder. PostgreSQL: a fresh database on the server named by
//! `KLIK_TEST_POSTGRES_URL` (default: the local server with trust authentication), dropped
//! when the test ends, even when it fails.

#![allow(dead_code)]

pub mod server;
pub mod smtp;

use app::state::{AppState, Clock};
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestDb {
    pub db: DatabaseConnection,
    pub url: String,
    _cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = self {
            let (admin_url, db_name) = (admin_url.clone(), name.clone());
            // Drop cannot await, and may run inside the test's runtime: use a thread of its own.
            let dropped = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?;
                runtime.block_on(async {
                    let admin = app::db::connect(&admin_url, 1).await?;
                    admin
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{db_name}\" WITH (FORCE)"
                        ))
                        .await?;
                    admin.close().await?;
                    Ok::<_, sea_orm::DbErr>(())
                })?;
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
            })
            .join();
            if !matches!(dropped, Ok(Ok(()))) {
                eprintln!("warning: test database {name} could not be dropped");
            }
        }
    }
}

/// A migrated, empty database of the given kind.
pub async fn test_db(backend: Backend) -> TestDb {
    let test = empty_db(backend).await;
    app::db::migrate(&test.db).await.expect("migrations run");
    test
}

/// An empty database of the given kind, without any migration applied.
pub async fn empty_db(backend: Backend) -> TestDb {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temporary folder");
            let url = format!("sqlite://{}/klik.db", dir.path().display());
            let db = app::db::connect(&url, 1).await.expect("SQLite opens");
            TestDb {
                db,
                url,
                _cleanup: Cleanup::Sqlite(dir),
            }
        }
        Backend::Postgres => {
            let admin_url = std::env::var("KLIK_TEST_POSTGRES_URL")
                .ok()
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| DEFAULT_POSTGRES_URL.to_owned());
            let admin = app::db::connect(&admin_url, 1).await.unwrap_or_else(|e| {
                panic!("PostgreSQL is not reachable at KLIK_TEST_POSTGRES_URL={admin_url}: {e}")
            });
            let name = format!("klik_test_{}", uuid::Uuid::new_v4().simple());
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .expect("test database created");
            admin.close().await.expect("admin connection closes");
            let url = with_database(&admin_url, &name);
            let db = app::db::connect(&url, 2)
                .await
                .expect("test database opens");
            TestDb {
                db,
                url,
                _cleanup: Cleanup::Postgres { admin_url, name },
            }
        }
    }
}

/// The same server URL with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (url, String::new()),
    };
    let authority_start = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    format!("{base}/{name}{query}")
}

/// A fixed moment for tests: Friday 27 November 2026, 10:00 in Brussels.
pub fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

/// The state a server would have on this database, with a fixed clock.
pub fn test_state(test: &TestDb) -> AppState {
    // Errors logged by the server show with a failing test's output.
    let _ = tracing_subscriber::fmt()
        .with_env_filter("warn")
        .with_test_writer()
        .try_init();
    let config = app::config::Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(test.url.clone()),
        _ => None,
    })
    .expect("test configuration");
    AppState {
        leptos_options: leptos::prelude::LeptosOptions::builder()
            .output_name("klik")
            .build(),
        db: test.db.clone(),
        reads: test.db.clone(),
        writes: app::db::writes::WriteGate::for_url(&test.url),
        config: std::sync::Arc::new(config),
        clock: Clock::fixed(test_now()),
    }
}

/// Another server instance on the same database as `state`: its own connection pool and
/// write gate, the same configuration and clock.
pub async fn another_instance(test: &TestDb, state: &AppState) -> AppState {
    let db = app::db::connect(&test.url, 2)
        .await
        .expect("a second pool opens");
    AppState {
        db: db.clone(),
        reads: db,
        writes: app::db::writes::WriteGate::for_url(&test.url),
        ..state.clone()
    }
}

/// An HTTP answer, read whole.
pub struct Reply {
    pub status: axum::http::StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as sent (downloads that are not text).
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    /// The body as the `AppError` a server function answered with.
    pub fn error(&self) -> app::error::AppError {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|_| panic!("not an AppError: {}", self.body))
    }

    /// The session cookie this answer sets (name=value), if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.cookie("klik_session")
    }

    /// The cookie `name` this answer sets (name=value), if any.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(axum::http::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with(&format!("{name}=")))
            .map(|c| c.split(';').next().unwrap_or_default().to_owned())
    }
}

/// Sends one request through the router, as the server would receive it.
pub async fn send(router: &axum::Router, request: axum::http::Request<axum::body::Body>) -> Reply {
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

/// The one way to run a test on both databases: one test per database, named `name::sqlite`
/// and `name::postgres` so the output shows where each ran. Either for each
/// `async fn name(test: &TestDb) { ... }` written inside it, or for test functions written
/// outside that take a `Backend`: `on_both_databases!(name => function)`, or just
/// `on_both_databases!(function, ...)`.
#[macro_export]
macro_rules! on_both_databases {
    ($(async fn $name:ident($test:ident: &TestDb) $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($test: &$crate::common::TestDb) $body

            #[tokio::test]
            async fn sqlite() {
                run(&$crate::common::test_db($crate::common::Backend::Sqlite).await).await
            }

            #[tokio::test]
            async fn postgres() {
                run(&$crate::common::test_db($crate::common::Backend::Postgres).await).await
            }
        }
    )*};
    ($name:ident => $function:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$function($crate::common::Backend::Sqlite).await
            }

            #[tokio::test]
            async fn postgres() {
                super::$function($crate::common::Backend::Postgres).await
            }
        }
    };
    ($($function:ident),+ $(,)?) => {$(
        $crate::on_both_databases!($function => $function);
    )+};
}

#[test]
fn database_names_are_swapped_in_urls() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
        "postgres://postgres@127.0.0.1:5432/t1"
    );
    assert_eq!(
        with_database("postgres://u@h/db?sslmode=disable", "t2"),
        "postgres://u@h/t2?sslmode=disable"
    );
    assert_eq!(with_database("postgres://u@h", "t3"), "postgres://u@h/t3");
}
