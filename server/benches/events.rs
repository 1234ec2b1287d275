//! Events (issue 17): inviting 2,000 buddies to an event (the invitations written and a mail
//! queued for each) takes at most 200 ms on the server, and the attendance list of an event
//! with 300 invitees renders in at most 50 ms (medians, release, SQLite; PostgreSQL with
//! `KLIK_BENCH_POSTGRES_URL`).
//!
//! Each measured invitation goes to a new event (made before the clock starts), so that every
//! run invites all 2,000 afresh; both go through the real router as a browser calls them.
//!
//! ```sh
//! cargo bench -p server --bench events -- --warm-up-time 1 --measurement-time 5
//! ```

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use app::db::entities::{buddy, user};
use app::domain::event::{EventKind, NewEvent, Organiser, Session};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use criterion::{Criterion, criterion_group, criterion_main};
use sea_orm::{ActiveValue::Set, EntityTrait};
use support::{page, send};

/// Buddies without a duo, each with an account (so each gets a mail).
async fn seed_buddies(db: &sea_orm::DatabaseConnection, n: usize) {
    let now = support::now();
    let born = chrono::NaiveDate::from_ymd_opt(1985, 3, 4).expect("date");
    for chunk in (0..n).collect::<Vec<_>>().chunks(500) {
        let users = chunk.iter().map(|i| user::ActiveModel {
            email: Set(format!("buddy{i}@example.be")),
            display_name: Set(format!("Buddy {i}")),
            role: Set("buddy".into()),
            password_hash: Set(None),
            active: Set(true),
            totp_secret: Set(None),
            totp_pending_secret: Set(None),
            totp_last_step: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        });
        user::Entity::insert_many(users)
            .exec_without_returning(db)
            .await
            .expect("users");
    }
    let ids: Vec<(i32, String)> = user::Entity::find()
        .all(db)
        .await
        .expect("users")
        .into_iter()
        .filter(|u| u.role == "buddy")
        .map(|u| (u.id, u.display_name))
        .collect();
    for chunk in ids.chunks(500) {
        let buddies = chunk.iter().map(|(uid, name)| buddy::ActiveModel {
            first_name: Set(name.clone()),
            last_name: Set(format!("Vrijwilliger {uid}")),
            birth_date: Set(born),
            gender: Set("woman".into()),
            municipality_id: Set(1),
            profile: Set("{}".into()),
            status: Set("available".into()),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            applied_on: Set(born),
            motivation: Set(String::new()),
            capacity: Set(1),
            screener_id: Set(None),
            approved_on: Set(Some(born)),
            user_id: Set(Some(*uid)),
            coordinator_notes: Set(String::new()),
            ..Default::default()
        });
        buddy::Entity::insert_many(buddies)
            .exec_without_returning(db)
            .await
            .expect("buddies");
    }
}

async fn new_event(setup: &support::Database, by: i32) -> i32 {
    let day = chrono::NaiveDate::from_ymd_opt(2027, 3, 9).expect("date");
    let event = NewEvent {
        kind_id: None,
        kind: EventKind::Appreciation,
        title: "Waarderingsmoment".into(),
        description: String::new(),
        place: "Stadsschouwburg".into(),
        link: String::new(),
        sessions: vec![Session {
            starts_at: day.and_hms_opt(19, 0, 0).expect("time"),
            ends_at: day.and_hms_opt(22, 0, 0).expect("time"),
        }],
        capacity: None,
        organiser: Organiser::Both,
        answers_open: true,
    };
    app::db::events::create(
        &setup.db,
        &event,
        setup.config.time_zone,
        by,
        support::now(),
    )
    .await
    .expect("event")[0]
}

async fn invite(router: &axum::Router, cookie: &str, event: i32) -> (StatusCode, String) {
    let body = format!("id={event}&form%5Baudience%5D=buddies_without_duo");
    let request = Request::post("/api/invite_to_event")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .expect("request");
    send(router, request).await
}

fn events(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let buddies = if support::test_mode() { 300 } else { 2_000 };
    let database = runtime.block_on(support::database());
    runtime.block_on(seed_buddies(&database.db, buddies));
    let (coordinator, cookie) = runtime.block_on(support::coordinator(&database.db));
    let router = runtime.block_on(async { support::router(&database) });

    // One check first: everyone invited, a mail each.
    let first = runtime.block_on(new_event(&database, coordinator));
    let (status, body) = runtime.block_on(invite(&router, &cookie, first));
    assert_eq!(status, StatusCode::OK, "{body}");
    let invited: app::api::events::Invited = serde_json::from_str(&body).expect("answer");
    assert_eq!(invited.people as usize, buddies);
    assert_eq!(invited.mails as usize, buddies);

    // An event with 300 invitees for the attendance list.
    let door = runtime.block_on(async {
        let id = new_event(&database, coordinator).await;
        let people: Vec<i32> = app::db::events::audience(
            &database.db,
            &app::domain::event::InviteRule {
                audience: app::domain::event::Audience::BuddiesWithoutDuo,
                municipality_id: None,
                min_months: None,
            },
            support::now().date_naive(),
        )
        .await
        .expect("audience")
        .into_iter()
        .take(300)
        .collect();
        app::db::events::invite(
            &database.db,
            &[id],
            &people,
            false,
            &app::db::events::NewLinks {
                hashes: Default::default(),
                expires_at: support::now(),
            },
            coordinator,
            support::now(),
        )
        .await
        .expect("invited");
        id
    });
    let path = format!("/events/{door}/attendance");
    let (status, body) = runtime.block_on(send(&router, page(&path, &cookie)));
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = body.matches("<li class=\"attendance-row").count();
    assert_eq!(rows, 300, "every invitee on the list");
    eprintln!("GET {path}: {rows} rows, {} bytes", body.len());

    let mut group = c.benchmark_group("events");
    group.bench_function(
        format!("POST /api/invite_to_event ({buddies} buddies)"),
        |b| {
            b.to_async(&runtime).iter_custom(|iterations| {
                let (router, cookie, database) = (&router, &cookie, &database);
                async move {
                    let mut total = Duration::ZERO;
                    for _ in 0..iterations {
                        let event = new_event(database, coordinator).await;
                        let start = Instant::now();
                        let (status, _) = invite(router, cookie, event).await;
                        total += start.elapsed();
                        assert_eq!(status, StatusCode::OK);
                    }
                    total
                }
            })
        },
    );
    group.bench_function("GET /events/:id/attendance (300 invitees)", |b| {
        b.to_async(&runtime)
            .iter(|| send(&router, page(&path, &cookie)))
    });
    group.finish();
}

criterion_group!(benches, events);
criterion_main!(benches);
