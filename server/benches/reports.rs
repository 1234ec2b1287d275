//! Every report page of a programme with ten years of history (5,000 participants, 2,000
//! duos, 100,000 activities) renders on the server in at most 200 ms (median, release,
//! SQLite), for "since the start" (all ten years) and for the default last 12 months.
//!
//! ```sh
//! cargo bench -p server --bench reports -- --warm-up-time 1 --measurement-time 5
//! ```

#[path = "support/mod.rs"]
mod support;

use app::demo::{DemoSize, HistorySize};
use axum::Router;
use axum::http::StatusCode;
use criterion::{Criterion, criterion_group, criterion_main};
use support::{page, send};

/// Ten years; in `make test` (test mode) one tenth of it: the run checks, it does not measure.
fn size() -> DemoSize {
    let scale = if support::test_mode() { 10 } else { 1 };
    DemoSize {
        participants: 72,
        buddy_scale: 1,
        history: HistorySize {
            years: 10,
            participants: 5_000 / scale,
            duos: 2_000 / scale,
            activities: 100_000 / scale,
            still_active: 0.1,
        },
    }
}

async fn get(router: &Router, path: &str, cookie: &str) -> (StatusCode, String) {
    send(router, page(path, cookie)).await
}

const PAGES: [&str; 4] = [
    "/reports",
    "/reports/waiting",
    "/reports/activity",
    "/reports/buddies",
];

fn reports(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let setup = runtime.block_on(support::demo_programme(size()));
    let counts = runtime.block_on(async {
        use app::db::entities::{activity, duo, participant};
        use sea_orm::{EntityTrait, PaginatorTrait};
        let db = &setup.database.db;
        (
            participant::Entity::find().count(db).await.expect("count"),
            duo::Entity::find().count(db).await.expect("count"),
            activity::Entity::find().count(db).await.expect("count"),
        )
    });
    eprintln!(
        "history: {} participants, {} duos, {} activities",
        counts.0, counts.1, counts.2
    );
    let mut group = c.benchmark_group("reports");
    // The heaviest read on its own: ten years of activities, summarised in SQL.
    let ten_years = app::domain::report::Period {
        from: chrono::NaiveDate::from_ymd_opt(2016, 1, 1).expect("date"),
        to: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
    };
    let tz = setup.database.config.time_zone;
    group.bench_function("db::reports::activity_summary (10 years)", |b| {
        b.to_async(&runtime).iter(|| async {
            app::db::reports::activity_summary(&setup.database.db, ten_years, tz, 28)
                .await
                .expect("activities")
        })
    });
    for period in ["?preset=since_start", ""] {
        for path in PAGES {
            let url = format!("{path}{period}");
            let (status, body) = runtime.block_on(get(&setup.router, &url, &setup.cookie));
            assert_eq!(status, StatusCode::OK, "{url}: {body}");
            assert!(body.contains("<svg"), "{url}: a chart");
            assert!(!body.contains("NaN"), "{url}");
            eprintln!("GET {url}: {} bytes", body.len());
            let label = if period.is_empty() {
                "last 12 months"
            } else {
                "10 years"
            };
            group.bench_function(format!("GET {path} ({label})"), |b| {
                b.to_async(&runtime)
                    .iter(|| get(&setup.router, &url, &setup.cookie))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
