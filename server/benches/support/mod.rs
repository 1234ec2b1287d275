//! What the server benchmarks share: a temporary SQLite (or PostgreSQL) database with the
//! server's pool, a signed-in user, the real router, and requests read whole. Included by each benchmark
//! (`#[path = "support/mod.rs"] mod support;`), so that a change to the state or the router
//! breaks them all at once, in `make test` (their test mode) rather than months later.

#![allow(dead_code)]

use std::sync::Arc;

use app::domain::account::Role;
use app::state::{AppState, Clock};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::DatabaseConnection;

/// The benchmarks' moment: Friday 27 November 2026, 10:00 in Brussels.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

/// Whether criterion runs the benchmark once to check it (`cargo test --benches`, or
/// `cargo bench -- --test`) rather than measuring it: then the data can be smaller.
pub fn test_mode() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--test") || !args.iter().any(|a| a == "--bench")
}

pub struct Database {
    pub _dir: tempfile::TempDir,
    pub url: String,
    pub config: app::config::Config,
    pub db: DatabaseConnection,
}

/// A migrated database with the pool size the server would use: an SQLite file in a
/// temporary folder, or, when `KLIK_BENCH_POSTGRES_URL` names a PostgreSQL server, a fresh
/// database `klik_bench` on it (dropped and made again at each run).
pub async fn database() -> Database {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = match std::env::var("KLIK_BENCH_POSTGRES_URL") {
        Ok(server) if !server.is_empty() => fresh_postgres(&server).await,
        _ => format!("sqlite://{}/klik.db", dir.path().display()),
    };
    let config = app::config::Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(url.clone()),
        _ => None,
    })
    .expect("configuration");
    let db = app::db::connect(&url, config.db_max_connections)
        .await
        .expect("database opens");
    app::db::migrate(&db).await.expect("migrations run");
    Database {
        _dir: dir,
        url,
        config,
        db,
    }
}

/// The URL of an empty database `klik_bench` on the PostgreSQL server of `server_url`.
async fn fresh_postgres(server_url: &str) -> String {
    use sea_orm::ConnectionTrait;

    let admin = app::db::connect(server_url, 1)
        .await
        .expect("PostgreSQL is reachable at KLIK_BENCH_POSTGRES_URL");
    for statement in [
        "DROP DATABASE IF EXISTS klik_bench WITH (FORCE)",
        "CREATE DATABASE klik_bench",
    ] {
        admin
            .execute_unprepared(statement)
            .await
            .expect("bench database made");
    }
    admin.close().await.expect("admin connection closes");
    let (base, query) = server_url.split_once('?').unwrap_or((server_url, ""));
    let authority = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority..].find('/') {
        Some(slash) => &base[..authority + slash],
        None => base,
    };
    match query {
        "" => format!("{base}/klik_bench"),
        query => format!("{base}/klik_bench?{query}"),
    }
}

/// A session cookie for the user `user_id`, stored the way a sign-in stores it.
pub async fn session(db: &DatabaseConnection, user_id: i32) -> String {
    let token = app::auth::token::new_token();
    app::db::sessions::create(
        db,
        &app::auth::token::hash_token(&token),
        user_id,
        "bench",
        now(),
    )
    .await
    .expect("session stored");
    format!("klik_session={token}")
}

/// A coordinator with a session: its cookie.
pub async fn coordinator(db: &DatabaseConnection) -> (i32, String) {
    let user = app::auth::accounts::create_with_password(
        db,
        "coordinator@example.be",
        "Coordinator",
        "paarse olifant fietst naar Lier",
        Role::Coordinator,
        now(),
    )
    .await
    .expect("coordinator created");
    (user.id, session(db, user.id).await)
}

/// A demo programme of `size` with its signed-in coordinator and the real router.
pub struct Programme {
    pub database: Database,
    pub router: Router,
    pub cookie: String,
}

pub async fn demo_programme(size: app::demo::DemoSize) -> Programme {
    let database = database().await;
    let today = app::domain::time::local_date(now(), database.config.time_zone);
    let accounts = app::demo::fill_sized(&database.db, now(), today, size)
        .await
        .expect("demo programme");
    // PostgreSQL plans by its statistics, which autovacuum gathers soon after a bulk load in a
    // live database; without them a freshly filled one measures plans nobody would get.
    if !app::db::is_sqlite(&database.url) {
        use sea_orm::ConnectionTrait;
        database
            .db
            .execute_unprepared("ANALYZE")
            .await
            .expect("statistics gathered");
    }
    let coordinator = accounts
        .0
        .iter()
        .find(|(role, _, _)| *role == Role::Coordinator)
        .expect("a coordinator");
    let (user, _) = app::db::users::find_for_login(&database.db, &coordinator.1)
        .await
        .expect("lookup")
        .expect("coordinator stored");
    let cookie = session(&database.db, user.id).await;
    Programme {
        router: router(&database),
        database,
        cookie,
    }
}

/// The server's router on `database`, with a clock fixed at [`now`].
pub fn router(database: &Database) -> Router {
    let state = AppState {
        leptos_options: leptos::prelude::LeptosOptions::builder()
            .output_name("klik")
            .build(),
        db: database.db.clone(),
        reads: database.db.clone(),
        writes: app::db::writes::WriteGate::for_url(&database.url),
        config: Arc::new(database.config.clone()),
        clock: Clock::fixed(now()),
    };
    klik_server::routes::router(state)
}

/// A page, as a browser asks for it.
pub fn page(path: &str, cookie: &str) -> Request<Body> {
    Request::get(path)
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap()
}

/// Sends one request through the router and reads the whole answer.
pub async fn send(router: &Router, request: Request<Body>) -> (StatusCode, String) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("router answers");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// How many times a page's body ran on the server over `n` renders: every run serialises
/// its resources into the page, so the count of serialised resources per render tells. The
/// answer is the distinct counts seen, each with how often (one count means one pass).
pub async fn serialised_resources(
    router: &Router,
    path: &str,
    cookie: &str,
    n: usize,
) -> Vec<(usize, usize)> {
    let mut seen = std::collections::BTreeMap::<usize, usize>::new();
    for _ in 0..n {
        let (status, body) = send(router, page(path, cookie)).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        *seen
            .entry(body.matches("__RESOLVED_RESOURCES[").count())
            .or_default() += 1;
    }
    seen.into_iter().collect()
}
