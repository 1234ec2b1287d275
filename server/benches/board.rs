//! "The board with 300 cards renders on the server in at most 50 ms (median, release,
//! SQLite)."
//!
//! A demo programme scaled up (300 participants, buddies three times the demo's, duos in
//! every open stage), a signed-in coordinator and the real router: each measured request
//! goes through every layer and its body is read whole.
//!
//! ```sh
//! cargo bench -p server --bench board -- --warm-up-time 1 --measurement-time 5
//! ```

use std::sync::Arc;

use app::demo::DemoSize;
use app::domain::account::Role;
use app::state::{AppState, Clock};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};

const SIZE: DemoSize = DemoSize {
    participants: 300,
    buddy_scale: 3,
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap()
}

struct Setup {
    _dir: tempfile::TempDir,
    router: Router,
    cookie: String,
}

async fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}/klik.db", dir.path().display());
    let config = app::config::Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(url.clone()),
        _ => None,
    })
    .expect("configuration");
    let db = app::db::connect(&url, config.db_max_connections)
        .await
        .expect("SQLite opens");
    app::db::migrate(&db).await.expect("migrations run");
    let today = app::domain::time::local_date(now(), config.time_zone);
    let accounts = app::demo::fill_sized(&db, now(), today, SIZE)
        .await
        .expect("demo programme");
    let coordinator = accounts
        .0
        .iter()
        .find(|(role, _, _)| *role == Role::Coordinator)
        .expect("a coordinator");
    let (user, _) = app::db::users::find_for_login(&db, &coordinator.1)
        .await
        .expect("lookup")
        .expect("coordinator stored");
    let token = app::auth::token::new_token();
    app::db::sessions::create(
        &db,
        &app::auth::token::hash_token(&token),
        user.id,
        "bench",
        now(),
    )
    .await
    .expect("session stored");
    let state = AppState {
        leptos_options: leptos::prelude::LeptosOptions::builder()
            .output_name("klik")
            .build(),
        reads: db.clone(),
        writes: app::db::writes::WriteGate::for_url(&url),
        db,
        config: Arc::new(config),
        clock: Clock::fixed(now()),
        drafts: Default::default(),
    };
    Setup {
        _dir: dir,
        router: klik_server::routes::router(state),
        cookie: format!("klik_session={token}"),
    }
}

async fn get(router: &Router, path: &str, cookie: &str) -> (StatusCode, String) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let request = Request::get(path)
        .header(header::ACCEPT, "text/html")
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.expect("answer");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn board(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let setup = runtime.block_on(setup());
    let (status, body) = runtime.block_on(get(&setup.router, "/board", &setup.cookie));
    assert_eq!(status, StatusCode::OK, "{body}");
    let cards = body.matches("class=\"board-card ").count();
    eprintln!("GET /board: {cards} cards, {} bytes", body.len());
    assert!(cards >= 300, "only {cards} cards on the board");

    let mut group = c.benchmark_group("board");
    group.bench_function("GET /board (300+ cards)", |b| {
        b.to_async(&runtime)
            .iter(|| get(&setup.router, "/board", &setup.cookie))
    });
    group.finish();
}

criterion_group!(benches, board);
criterion_main!(benches);
