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

#[path = "support/mod.rs"]
mod support;

use app::demo::DemoSize;
use app::domain::account::Role;
use axum::Router;
use axum::http::StatusCode;
use criterion::{Criterion, criterion_group, criterion_main};
use support::{now, page, send};

const SIZE: DemoSize = DemoSize {
    participants: 300,
    buddy_scale: 3,
};

struct Setup {
    _database: support::Database,
    router: Router,
    cookie: String,
}

async fn setup() -> Setup {
    let database = support::database().await;
    let today = app::domain::time::local_date(now(), database.config.time_zone);
    let accounts = app::demo::fill_sized(&database.db, now(), today, SIZE)
        .await
        .expect("demo programme");
    let coordinator = accounts
        .0
        .iter()
        .find(|(role, _, _)| *role == Role::Coordinator)
        .expect("a coordinator");
    let (user, _) = app::db::users::find_for_login(&database.db, &coordinator.1)
        .await
        .expect("lookup")
        .expect("coordinator stored");
    let cookie = support::session(&database.db, user.id).await;
    Setup {
        router: support::router(&database),
        _database: database,
        cookie,
    }
}

async fn get(router: &Router, path: &str, cookie: &str) -> (StatusCode, String) {
    send(router, page(path, cookie)).await
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
