//! Duos from proposal to ending through the server functions, on SQLite and PostgreSQL:
//! the lifecycle's effects on people, refused moves, and two coordinators at once.

mod common;

use app::api::duos::Board;
use app::db::entities::{duo, evaluation, participant};
use app::domain::account::Role;
use app::domain::people::ParticipantStatus;
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;
use sea_orm::EntityTrait;

/// The demo programme with one proposed duo: (server, coordinator, duo id, participant id, buddy id).
async fn proposed(backend: Backend) -> (Server, String, i32, i32, i32) {
    let server = Server::new(backend).await;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    app::demo::fill(&server.test.db, common::test_now(), today)
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let board = board(&server, &coordinator).await;
    let (participant, buddy) = board
        .buddies
        .iter()
        .find_map(|b| {
            board.waiting.iter().find_map(|p| {
                app::matching::assess_pair(&p.candidate, &b.candidate, &board.context)
                    .allowed
                    .then_some((p.candidate.id as i32, b.candidate.id as i32))
            })
        })
        .expect("an allowed pair in the demo");
    let reply = server
        .call(
            "propose_duo",
            &[
                ("participant_id", &participant.to_string()),
                ("buddy_id", &buddy.to_string()),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let id: i32 = serde_json::from_str(&reply.body).unwrap();
    (server, coordinator, id, participant, buddy)
}

async fn board(server: &Server, cookie: &str) -> Board {
    let reply = server.call("get_board", &[], Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn move_duo(
    server: &Server,
    cookie: &str,
    id: i32,
    version: i32,
    fields: &[(&str, &str)],
) -> common::Reply {
    let (id, version) = (id.to_string(), version.to_string());
    let mut form = vec![("id", id.as_str()), ("version", version.as_str())];
    form.extend_from_slice(fields);
    server.call("move_duo", &form, Some(cookie)).await
}

async fn stored(server: &Server, id: i32) -> duo::Model {
    duo::Entity::find_by_id(id)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap()
}

async fn run_the_lifecycle(backend: Backend) {
    let (server, coordinator, id, participant, buddy) = proposed(backend).await;
    let waiting_since = participant::Entity::find_by_id(participant)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap()
        .waiting_since;
    let on_board = board(&server, &coordinator).await;
    assert!(on_board.duos.iter().any(|d| d.id == id));
    assert!(
        !on_board
            .waiting
            .iter()
            .any(|p| p.candidate.id == i64::from(participant))
    );

    // Straight to "agreement signed" skips the introduction: refused, nothing written.
    let skipped = move_duo(&server, &coordinator, id, 0, &[("form[to]", "active")]).await;
    assert!(
        skipped.error().problem_at("to").is_some(),
        "{}",
        skipped.body
    );
    assert_eq!(stored(&server, id).await.version, 0);

    let introduced = move_duo(
        &server,
        &coordinator,
        id,
        0,
        &[
            ("form[to]", "introduction"),
            ("form[introduction_on]", "2026-11-27"),
        ],
    )
    .await;
    assert_eq!(introduced.status, StatusCode::OK, "{}", introduced.body);
    let signed = move_duo(
        &server,
        &coordinator,
        id,
        1,
        &[
            ("form[to]", "active"),
            ("form[signed_on]", "2026-11-27"),
            ("form[participant_yes_on]", "2026-11-27"),
            ("form[buddy_yes_on]", "2026-11-27"),
            ("form[items][]", "privacy"),
        ],
    )
    .await;
    assert_eq!(signed.status, StatusCode::OK, "{}", signed.body);
    let p = participant::Entity::find_by_id(participant)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.status, ParticipantStatus::InDuo.code());
    let planned: Vec<_> = evaluation::Entity::find()
        .all(&server.test.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.duo_id == id)
        .collect();
    assert_eq!(planned.len(), 1);
    assert_eq!(
        planned[0].due_on,
        chrono::NaiveDate::from_ymd_opt(2027, 2, 27).unwrap()
    );

    // Ending needs a reason and a note.
    let bare = move_duo(&server, &coordinator, id, 2, &[("form[to]", "ended")]).await;
    let problem = bare.error();
    assert!(problem.problem_at("end_reason").is_some(), "{}", bare.body);
    assert!(problem.problem_at("end_note").is_some(), "{}", bare.body);
    let ended = move_duo(
        &server,
        &coordinator,
        id,
        2,
        &[
            ("form[to]", "ended"),
            ("form[end_reason]", "no_click"),
            (
                "form[end_note]",
                "Het klikte niet tijdens de eerste uitstappen.",
            ),
        ],
    )
    .await;
    assert_eq!(ended.status, StatusCode::OK, "{}", ended.body);

    // No click: back on the waiting list with the original date; never this pair again.
    let p = participant::Entity::find_by_id(participant)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.status, ParticipantStatus::Waiting.code());
    assert_eq!(p.waiting_since, waiting_since);
    let again = server
        .call(
            "propose_duo",
            &[
                ("participant_id", &participant.to_string()),
                ("buddy_id", &buddy.to_string()),
            ],
            Some(&coordinator),
        )
        .await;
    assert!(
        matches!(again.error(), AppError::Validation { .. }),
        "{}",
        again.body
    );
    let after = stored(&server, id).await;
    assert_eq!((after.stage.as_str(), after.version), ("ended", 3));
    // An ended duo moves no more.
    let late = move_duo(
        &server,
        &coordinator,
        id,
        3,
        &[
            ("form[to]", "introduction"),
            ("form[introduction_on]", "2026-11-27"),
        ],
    )
    .await;
    assert!(late.error().problem_at("to").is_some(), "{}", late.body);
}

#[tokio::test]
async fn a_duo_goes_from_proposal_to_ending_on_sqlite() {
    run_the_lifecycle(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_duo_goes_from_proposal_to_ending_on_postgres() {
    run_the_lifecycle(Backend::Postgres).await;
}

async fn two_coordinators_move_the_same_card(backend: Backend) {
    let (server, first, id, _, _) = proposed(backend).await;
    let second = server.session_for("c2@example.be", Role::Coordinator).await;
    let introduce = [
        ("form[to]", "introduction"),
        ("form[introduction_on]", "2026-11-28"),
    ];
    let end = [
        ("form[to]", "ended"),
        ("form[end_reason]", "other"),
        ("form[end_note]", "De deelnemer verhuist naar Gent."),
    ];
    let (a, b) = tokio::join!(
        move_duo(&server, &first, id, 0, &introduce),
        move_duo(&server, &second, id, 0, &end),
    );
    let outcomes = [a.status == StatusCode::OK, b.status == StatusCode::OK];
    assert_eq!(
        outcomes.iter().filter(|ok| **ok).count(),
        1,
        "exactly one wins: {} / {}",
        a.body,
        b.body
    );
    let loser = if outcomes[0] { &b } else { &a };
    assert_eq!(loser.error(), AppError::Conflict);
    let after = stored(&server, id).await;
    assert_eq!(after.version, 1);
    if outcomes[0] {
        assert_eq!(after.stage, "introduction");
        assert_eq!(after.end_reason, None);
    } else {
        assert_eq!(after.stage, "ended");
        assert_eq!(after.introduction_on, None);
    }
}

#[tokio::test]
async fn two_coordinators_at_once_one_wins_on_sqlite() {
    two_coordinators_move_the_same_card(Backend::Sqlite).await;
}

#[tokio::test]
async fn two_coordinators_at_once_one_wins_on_postgres() {
    two_coordinators_move_the_same_card(Backend::Postgres).await;
}

#[tokio::test]
async fn the_board_page_shows_the_lanes_and_moves_without_javascript() {
    let (server, coordinator, id, _, _) = proposed(Backend::Sqlite).await;
    let page = server.get("/board", Some(&coordinator)).await;
    assert_eq!(page.status, StatusCode::OK);
    for lane in [
        "Kandidaten",
        "Voorgesteld",
        "Kennismaking",
        "Overeenkomst getekend",
    ] {
        assert!(page.body.contains(lane), "{lane}");
    }
    assert!(
        page.body
            .contains(&format!("/duos/{id}/move?to=introduction"))
    );
    let move_page = server
        .get(&format!("/duos/{id}/move?to=ended"), Some(&coordinator))
        .await;
    assert!(move_page.body.contains("Geen klik"));

    // A form without JavaScript goes on to the board.
    let moved = server
        .post_form(
            "move_duo",
            &[
                ("id", &id.to_string()),
                ("version", "0"),
                ("form[to]", "introduction"),
                ("form[introduction_on]", "2026-11-30"),
                ("next", "/board"),
            ],
            Some(&coordinator),
            &format!("/duos/{id}/move?to=introduction"),
        )
        .await;
    assert_eq!(moved.status, StatusCode::FOUND);
    assert_eq!(moved.header("location"), Some("/board"));
    // Another site is never a next page.
    let elsewhere = server
        .post_form(
            "move_duo",
            &[
                ("id", &id.to_string()),
                ("version", "1"),
                ("form[to]", "ended"),
                ("form[end_reason]", "moved"),
                ("form[end_note]", "Verhuisd."),
                ("next", "//evil.example"),
            ],
            Some(&coordinator),
            "/board",
        )
        .await;
    assert_ne!(elsewhere.header("location"), Some("//evil.example"));
    // Screeners and buddies do not see the board.
    let screener = server.session_for("s@example.be", Role::Screener).await;
    let denied = server.call("get_board", &[], Some(&screener)).await;
    assert_eq!(denied.error(), AppError::Forbidden);
}
