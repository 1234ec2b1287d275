//! The waiting list of about 600 participants, each with the stepping stone that fits best,
//! renders on the server in at most 100 ms (median, release, SQLite): with the demo's
//! catalogue (18 offers), with 200 (a large region's offer) and with 2,000.
//!
//! ```sh
//! cargo bench -p server --bench waiting -- --warm-up-time 1 --measurement-time 5
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

async fn get(router: &Router, cookie: &str) -> (StatusCode, String) {
    send(router, page("/waiting", cookie)).await
}

/// Copies of the demo's offers (moments and interests shifted) until the catalogue holds `n`.
async fn grow_catalogue(db: &sea_orm::DatabaseConnection, n: usize) {
    use app::domain::profile::{Availability, Slot};
    let demo = app::db::stepping_stones::all(db, false)
        .await
        .expect("catalogue");
    for i in demo.len()..n {
        let o = &demo[i % demo.len()];
        let mut copy = app::domain::stepping_stone::NewOffer {
            provider: o.provider.clone(),
            title: format!("{} ({i})", o.title),
            kind: o.kind,
            description: o.description.clone(),
            municipality_id: o.municipality_id,
            address: o.address.clone(),
            slots: o.slots,
            starts_on: o.starts_on,
            ends_on: o.ends_on,
            cost: o.cost,
            accessibility: o.accessibility.clone(),
            interests: o
                .interests
                .iter()
                .map(|x| 1 + (x + i as i64) % 18)
                .collect(),
            contact: o.contact.clone(),
            link: o.link.clone(),
            last_checked: o.last_checked,
            hidden: false,
        };
        copy.interests.sort_unstable();
        copy.interests.dedup();
        if let Some(slot) = Slot::from_index((i % 21) as u32) {
            copy.slots = Availability::from_slots([slot]);
        }
        app::db::stepping_stones::create(db, &copy, copy.last_checked)
            .await
            .expect("offer stored");
    }
}

fn waiting(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let setup = runtime.block_on(support::demo_programme(SIZE));
    let check = |label: &str| {
        let (status, body) = runtime.block_on(get(&setup.router, &setup.cookie));
        assert_eq!(status, StatusCode::OK, "{body}");
        let rows = body.matches("class=\"card waiting-card").count();
        let hints = body.matches("#stones-fit-title").count();
        eprintln!(
            "GET /waiting ({label}): {rows} rows, {hints} with a stepping stone, {} bytes",
            body.len()
        );
        assert!(rows >= 590, "only {rows} waiting participants listed");
        assert!(hints * 2 >= rows, "most rows name a stepping stone");
    };
    check("demo catalogue");
    let mut group = c.benchmark_group("waiting");
    group.bench_function("GET /waiting (600 waiting, 18 offers)", |b| {
        b.to_async(&runtime)
            .iter(|| get(&setup.router, &setup.cookie))
    });
    runtime.block_on(grow_catalogue(&setup.database.db, 200));
    check("200 offers");
    group.bench_function("GET /waiting (600 waiting, 200 offers)", |b| {
        b.to_async(&runtime)
            .iter(|| get(&setup.router, &setup.cookie))
    });
    // In `make test` (test mode) a smaller catalogue: the run checks, it does not measure.
    let big = if support::test_mode() { 300 } else { 2_000 };
    runtime.block_on(grow_catalogue(&setup.database.db, big));
    check("2,000 offers");
    group.bench_function("GET /waiting (600 waiting, 2,000 offers)", |b| {
        b.to_async(&runtime)
            .iter(|| get(&setup.router, &setup.cookie))
    });
    group.finish();
}

criterion_group!(benches, waiting);
criterion_main!(benches);
