//! The board with a long waiting list renders on the server in at most 50 ms (median,
//! release, SQLite).
//!
//! A demo programme scaled up (700 participants of whom about 600 wait, 156 buddies: six
//! times the demo's, duos in every open stage), a signed-in coordinator and the real router:
//! each measured request goes through every layer and its body is read whole. The board
//! shows 20 cards per candidates' list (and every candidate's match profile for the browser's
//! scoring); `?shown_p=1000` shows every waiting participant.
//!
//! ```sh
//! cargo bench -p server --bench board -- --warm-up-time 1 --measurement-time 5
//! ```

#[path = "support/mod.rs"]
mod support;

use app::demo::DemoSize;
use axum::Router;
use axum::http::StatusCode;
use criterion::{Criterion, criterion_group, criterion_main};
use support::{page, send};

const SIZE: DemoSize = DemoSize {
    participants: 700,
    buddy_scale: 6,
    history: app::demo::HistorySize::NONE,
};

async fn get(router: &Router, path: &str, cookie: &str) -> (StatusCode, String) {
    send(router, page(path, cookie)).await
}

fn board(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let setup = runtime.block_on(support::demo_programme(SIZE));
    let (status, body) = runtime.block_on(get(&setup.router, "/board", &setup.cookie));
    assert_eq!(status, StatusCode::OK, "{body}");
    let cards = body.matches("class=\"board-card ").count();
    eprintln!("GET /board: {cards} cards, {} bytes", body.len());
    let waiting = waiting_count(&body);
    assert!(
        waiting >= 590,
        "only {waiting} waiting participants on the board"
    );
    let all = "/board?shown_p=1000";
    let (status, every) = runtime.block_on(get(&setup.router, all, &setup.cookie));
    assert_eq!(status, StatusCode::OK);
    let every_cards = every.matches("class=\"board-card ").count();
    eprintln!("GET {all}: {every_cards} cards, {} bytes", every.len());
    assert!(
        every_cards >= cards + waiting - 20,
        "every waiting participant shown"
    );

    let mut group = c.benchmark_group("board");
    group.bench_function("GET /board (600 waiting, 20 shown per list)", |b| {
        b.to_async(&runtime)
            .iter(|| get(&setup.router, "/board", &setup.cookie))
    });
    group.bench_function("GET /board?shown_p=1000 (every waiting card)", |b| {
        b.to_async(&runtime)
            .iter(|| get(&setup.router, all, &setup.cookie))
    });
    group.finish();
}

/// The number in the waiting list's heading.
fn waiting_count(body: &str) -> usize {
    let heading = body
        .find("id=\"lane-waiting\"")
        .expect("the waiting list's heading");
    let count = body[heading..].find("class=\"count\">").expect("its count") + heading;
    let text = &body[count + "class=\"count\">".len()..];
    // Hydration markers may stand around the number.
    text[..text.find("</span>").expect("the count ends")]
        .replace("<!---->", "")
        .replace("<!>", "")
        .trim()
        .parse()
        .expect("a number")
}

criterion_group!(benches, board);
criterion_main!(benches);
