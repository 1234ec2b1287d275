//! Buddies: the public application, screening by the partner organisation, and the
//! screener's isolation, through HTTP.

mod common;

use app::domain::account::Role;
use app::domain::people::{BuddyDetail, BuddyRow, BuddyStatus};
use app::domain::validation::Problem;
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;

fn application(first_name: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("form[profile][first_name]", first_name),
        ("form[profile][last_name]", "Peeters"),
        ("form[profile][birth_date]", "1985-06-01"),
        ("form[profile][gender]", "man"),
        ("form[profile][municipality_id]", "3"),
        ("form[profile][email]", "kandidaat@example.be"),
        ("form[profile][preferred_contact]", "email"),
        ("form[profile][interests][]", "2"),
        ("form[profile][availability][]", "15"),
        ("form[profile][max_travel_km]", "15"),
        ("form[motivation]", "Ik wil graag iemand leren kennen."),
        ("form[capacity]", "1"),
        ("form[privacy_read]", "true"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in changes {
        form.retain(|(key, _)| key != k);
        form.push((k.to_string(), v.to_string()));
    }
    form
}

async fn apply(server: &Server, form: &[(String, String)]) -> common::Reply {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    server.call("apply_as_buddy", &pairs, None).await
}

async fn buddies(server: &Server, cookie: &str) -> Vec<BuddyRow> {
    let reply = server.call("list_buddies", &[], Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn detail(server: &Server, cookie: &str, id: i32) -> common::Reply {
    server
        .call("get_buddy", &[("id", &id.to_string())], Some(cookie))
        .await
}

#[tokio::test]
async fn volunteers_apply_robots_and_floods_do_not() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;

    let reply = apply(&server, &application("Koen", &[])).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // The hidden field filled in: thanked, nothing stored.
    let spam = apply(
        &server,
        &application("Robot", &[("form[website]", "http://spam.example")]),
    )
    .await;
    assert_eq!(spam.status, StatusCode::OK);
    let rows = buddies(&server, &coordinator).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].first_name.as_str(), rows[0].status),
        ("Koen", BuddyStatus::Applied)
    );

    // The privacy notice must be read; bad values are said at their field.
    let reply = apply(&server, &application("Koen", &[("form[privacy_read]", "")])).await;
    assert!(reply.error().problem_at("privacy_read").is_some());
    let reply = apply(&server, &application("Koen", &[("form[capacity]", "12")])).await;
    assert_eq!(
        reply.error().problem_at("capacity"),
        Some(&Problem::OutOfRange { min: 1, max: 3 })
    );
    let reply = apply(
        &server,
        &application("", &[("form[profile][birth_date]", "morgen")]),
    )
    .await;
    assert!(reply.error().problem_at("first_name").is_some());
    assert!(reply.error().problem_at("birth_date").is_some());

    // One address sends at most 5 applications an hour.
    for _ in 0..4 {
        assert_eq!(
            apply(&server, &application("Koen", &[])).await.status,
            StatusCode::OK
        );
    }
    let flood = apply(&server, &application("Koen", &[])).await;
    assert_eq!(flood.error(), AppError::TooManyAttempts);
    assert_eq!(buddies(&server, &coordinator).await.len(), 5);
    server.state.clock.advance(chrono::Duration::minutes(61));
    assert_eq!(
        apply(&server, &application("Koen", &[])).await.status,
        StatusCode::OK
    );

    let page = server.get("/become-a-buddy", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("form[website]"));
}

#[tokio::test]
async fn a_screener_sees_and_screens_only_the_candidates_handed_to_them() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let screener = server
        .session_for("screener@example.be", Role::Screener)
        .await;
    let other = server
        .session_for("screener2@example.be", Role::Screener)
        .await;
    let screener_id = server.whoami(&screener).await.unwrap().id.to_string();
    apply(&server, &application("Koen", &[])).await;
    apply(&server, &application("Lotte", &[])).await;
    let rows = buddies(&server, &coordinator).await;
    let koen = rows.iter().find(|r| r.first_name == "Koen").unwrap().id;
    let lotte = rows.iter().find(|r| r.first_name == "Lotte").unwrap().id;

    // Nothing handed over yet: the screener sees nobody.
    assert!(buddies(&server, &screener).await.is_empty());
    assert_eq!(
        detail(&server, &screener, koen).await.error(),
        AppError::NotFound
    );

    let d: BuddyDetail =
        serde_json::from_str(&detail(&server, &coordinator, koen).await.body).unwrap();
    let (id, v) = (koen.to_string(), d.version.to_string());
    // Only screeners can receive a candidate.
    let coordinator_id = server.whoami(&coordinator).await.unwrap().id.to_string();
    let wrong = server
        .call(
            "hand_to_screener",
            &[("id", &id), ("version", &v), ("screener", &coordinator_id)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        wrong.error(),
        AppError::validation("screener", Problem::Invalid)
    );
    let ok = server
        .call(
            "hand_to_screener",
            &[("id", &id), ("version", &v), ("screener", &screener_id)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);

    let mine = buddies(&server, &screener).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].id, koen);
    assert!(buddies(&server, &other).await.is_empty());
    assert_eq!(
        detail(&server, &other, koen).await.error(),
        AppError::NotFound
    );
    assert_eq!(
        detail(&server, &screener, lotte).await.error(),
        AppError::NotFound
    );
    // Screeners never reach participants.
    assert_eq!(
        server
            .call("list_participants", &[], Some(&screener))
            .await
            .error(),
        AppError::Forbidden
    );

    let d: BuddyDetail =
        serde_json::from_str(&detail(&server, &screener, koen).await.body).unwrap();
    let v = d.version.to_string();
    let screen = |held_on: &'static str, outcome: &'static str, version: String| {
        let id = id.clone();
        let server = &server;
        let cookie = screener.clone();
        async move {
            server
                .call(
                    "record_screening",
                    &[
                        ("id", &id),
                        ("version", &version),
                        ("held_on", held_on),
                        ("outcome", outcome),
                        ("notes", "Open, warm gesprek."),
                    ],
                    Some(&cookie),
                )
                .await
        }
    };
    assert!(
        screen("2099-01-01", "approved", v.clone())
            .await
            .error()
            .problem_at("held_on")
            .is_some()
    );
    assert!(
        screen("2026-11-20", "misschien", v.clone())
            .await
            .error()
            .problem_at("outcome")
            .is_some()
    );
    let second = screen("2026-11-20", "second_talk", v.clone()).await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.body);
    // The version moved on: the same form again is a conflict.
    assert_eq!(
        screen("2026-11-26", "approved", v).await.error(),
        AppError::Conflict
    );
    let d: BuddyDetail =
        serde_json::from_str(&detail(&server, &screener, koen).await.body).unwrap();
    assert_eq!(d.status, BuddyStatus::Screening);
    let approved = screen("2026-11-26", "approved", d.version.to_string()).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
    let d: BuddyDetail =
        serde_json::from_str(&detail(&server, &coordinator, koen).await.body).unwrap();
    assert_eq!(d.status, BuddyStatus::Available);
    assert_eq!(d.approved_on, chrono::NaiveDate::from_ymd_opt(2026, 11, 26));
    assert_eq!(d.screenings.len(), 2);
    assert_eq!(
        d.timeline.iter().map(|t| t.to.as_str()).collect::<Vec<_>>(),
        vec!["applied", "screening", "available"]
    );

    // Another screener cannot record anything for this candidate.
    let reply = server
        .call(
            "record_screening",
            &[
                ("id", &id),
                ("version", "9"),
                ("held_on", "2026-11-26"),
                ("outcome", "approved"),
            ],
            Some(&other),
        )
        .await;
    assert_eq!(reply.error(), AppError::NotFound);
    let page = server
        .get(&format!("/buddies/{lotte}"), Some(&screener))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(!page.body.contains("Lotte"));
}
