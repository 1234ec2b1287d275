//! Duos from proposal to ending through the server functions, on SQLite and PostgreSQL:
//! the lifecycle's effects on people, refused moves, and two coordinators at once.

use crate::common;

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
pub(crate) async fn proposed(backend: Backend) -> (Server, String, i32, i32, i32) {
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

on_both_databases!(a_duo_goes_from_proposal_to_ending => run_the_lifecycle);

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

on_both_databases!(two_coordinators_at_once_one_wins => two_coordinators_move_the_same_card);

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

/// The demo programme with one duo whose agreement was signed today (27 November 2026):
/// (server, coordinator, duo id, participant id, buddy id).
async fn active(backend: Backend) -> (Server, String, i32, i32, i32) {
    let (server, coordinator, id, participant, buddy) = proposed(backend).await;
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
            ("form[rhythm_min_weeks]", "2"),
            ("form[rhythm_max_weeks]", "3"),
            ("form[items][]", "privacy"),
            ("form[items][]", "cancel_in_time"),
            ("form[agreement_note]", "Samen naar de markt op zaterdag."),
        ],
    )
    .await;
    assert_eq!(signed.status, StatusCode::OK, "{}", signed.body);
    (server, coordinator, id, participant, buddy)
}

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn evaluations_of(server: &Server, duo_id: i32) -> Vec<evaluation::Model> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    evaluation::Entity::find()
        .filter(evaluation::Column::DuoId.eq(duo_id))
        .order_by_asc(evaluation::Column::Id)
        .all(&server.test.db)
        .await
        .unwrap()
}

async fn get_duo(server: &Server, cookie: &str, id: i32) -> common::Reply {
    server
        .call("get_duo", &[("id", &id.to_string())], Some(cookie))
        .await
}

async fn record_evaluation(
    server: &Server,
    cookie: &str,
    id: i32,
    evaluation: i32,
    fields: &[(&str, &str)],
) -> common::Reply {
    let (id, evaluation) = (id.to_string(), evaluation.to_string());
    let mut form = vec![("id", id.as_str()), ("evaluation", evaluation.as_str())];
    form.extend_from_slice(fields);
    server.call("record_evaluation", &form, Some(cookie)).await
}

/// Moves the clock, then signs in again: staff sessions end after 30 idle minutes.
async fn later(server: &Server, email: &str, days: i64) -> String {
    server.state.clock.advance(chrono::Duration::days(days));
    server
        .login(email, common::server::PASSWORD)
        .await
        .session_cookie()
        .expect("signed in again")
}

/// The part of a page between two markers.
fn between<'a>(body: &'a str, from: &str, to: &str) -> &'a str {
    let start = body
        .find(from)
        .unwrap_or_else(|| panic!("{from} in {body}"));
    let end = body[start..].find(to).map_or(body.len(), |e| start + e);
    &body[start..end]
}

#[tokio::test]
async fn the_duo_page_is_for_coordinators_and_reading_it_is_audited() {
    use app::db::entities::audit_log;
    use sea_orm::{ColumnTrait, QueryFilter};

    let (server, coordinator, id, participant, buddy) = proposed(Backend::Sqlite).await;
    let reads = || async {
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("read"))
            .filter(audit_log::Column::RecordKind.eq("participant"))
            .filter(audit_log::Column::RecordId.eq(participant.to_string()))
            .all(&server.test.db)
            .await
            .unwrap()
            .len()
    };
    assert_eq!(reads().await, 0);

    let reply = get_duo(&server, &coordinator, id).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let detail: app::api::duos::DuoDetail = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(
        (detail.participant_id, detail.buddy_id),
        (participant, buddy)
    );
    assert_eq!(detail.stage, app::domain::duo::DuoStage::Proposed);
    let assessment = detail.assessment.as_ref().expect("the score's reasons");
    assert!(!assessment.components.is_empty());
    assert_eq!(detail.timeline.len(), 1, "the proposal");
    assert_eq!(reads().await, 1, "the read is in the audit log");

    // The page: both first names, links to both records, the score's reasons in words.
    let page = server.get(&format!("/duos/{id}"), Some(&coordinator)).await;
    assert_eq!(page.status, StatusCode::OK);
    for text in [
        detail.participant_first_name.as_str(),
        detail.buddy_first_name.as_str(),
        &format!("href=\"/participants/{participant}\""),
        &format!("href=\"/buddies/{buddy}\""),
        &format!("href=\"/duos/{id}/agreement\""),
        "Voorstel",
        "Score bij het voorstel",
    ] {
        assert!(page.body.contains(text), "{text}");
    }
    let reason = app::i18n::explain::component(app::i18n::Lang::Nl, &assessment.components[0]);
    assert!(
        page.body
            .contains(&reason.replace('&', "&amp;").replace('<', "&lt;")),
        "{reason}"
    );
    // The page reads the duo and, in its own section, the duo's activities: both audited.
    assert_eq!(reads().await, 3);
    // Each card on the board leads to its duo.
    let board = server.get("/board", Some(&coordinator)).await;
    assert!(board.body.contains(&format!("href=\"/duos/{id}\"")));

    // Screeners and buddies: refused, and nothing of the participant is read.
    for (email, role) in [
        ("s@example.be", Role::Screener),
        ("b@example.be", Role::Buddy),
    ] {
        let cookie = server.session_for(email, role).await;
        assert_eq!(
            get_duo(&server, &cookie, id).await.error(),
            AppError::Forbidden
        );
        let page = server.get(&format!("/duos/{id}"), Some(&cookie)).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{role:?}");
        assert!(!page.body.contains(&detail.participant_first_name));
        let agreement = server
            .get(&format!("/duos/{id}/agreement"), Some(&cookie))
            .await;
        assert_eq!(agreement.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    assert_eq!(
        server
            .call("get_duo", &[("id", &id.to_string())], None)
            .await
            .error(),
        AppError::Unauthenticated
    );
    assert_eq!(reads().await, 3);
    // A duo that does not exist, or an id that is no number.
    assert_eq!(
        get_duo(&server, &coordinator, 999_999).await.error(),
        AppError::NotFound
    );
    let missing = server.get("/duos/999999", Some(&coordinator)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let nonsense = server.get("/duos/abc", Some(&coordinator)).await;
    assert_eq!(nonsense.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_agreement_page_shows_both_first_names_and_the_programme_name() {
    let (server, coordinator, id, _, _) = proposed(Backend::Sqlite).await;
    let detail: app::api::duos::DuoDetail =
        serde_json::from_str(&get_duo(&server, &coordinator, id).await.body).unwrap();
    let programme: app::api::programme::Programme =
        serde_json::from_str(&server.call("load_programme", &[], None).await.body).unwrap();

    // Before the signing: a blank form to fill in by hand.
    let blank = server
        .get(&format!("/duos/{id}/agreement"), Some(&coordinator))
        .await;
    assert_eq!(blank.status, StatusCode::OK);
    let sheet = between(&blank.body, "<article", "</article>");
    for text in [
        programme.name.as_str(),
        detail.participant_first_name.as_str(),
        detail.buddy_first_name.as_str(),
        "Onderlinge overeenkomst",
        "om de ___ à ___ weken",
        "Wat we elkaar vertellen, blijft tussen ons",
        "Coördinator",
        "Naam, datum en handtekening",
    ] {
        assert!(sheet.contains(text), "{text} in {sheet}");
    }
    assert!(!sheet.contains('☑'), "nothing ticked yet");
    assert!(blank.body.contains("Afdrukken"));

    // Signed: the date, the rhythm, the items ticked and the other agreements; in Dutch
    // even for someone who reads the interface in English.
    let (server, coordinator, id, _, _) = active(Backend::Sqlite).await;
    let detail: app::api::duos::DuoDetail =
        serde_json::from_str(&get_duo(&server, &coordinator, id).await.body).unwrap();
    let english = format!("{coordinator}; klik_lang=en");
    let signed = server
        .get(&format!("/duos/{id}/agreement"), Some(&english))
        .await;
    assert_eq!(signed.status, StatusCode::OK);
    assert!(
        signed.body.contains("Back to the duo"),
        "the interface in English"
    );
    let sheet = between(&signed.body, "<article", "</article>");
    for text in [
        programme.name.as_str(),
        detail.participant_first_name.as_str(),
        detail.buddy_first_name.as_str(),
        "lang=\"nl\"",
        "Onderlinge overeenkomst",
        "vrijdag 27 november 2026",
        "om de 2 à 3 weken",
        "Samen naar de markt op zaterdag.",
        "☑",
    ] {
        assert!(sheet.contains(text), "{text} in {sheet}");
    }
    assert_eq!(
        sheet.matches('☑').count(),
        2,
        "privacy and cancelling in time"
    );
    assert!(!sheet.contains("___"));
    // The page hides everything but the sheet on paper.
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../style/main.css")).unwrap();
    assert!(css.contains("@page { size: A4; margin: 2cm; }"));
}

async fn record_and_plan_the_next(backend: Backend) {
    use app::db::entities::audit_log;
    use sea_orm::{ColumnTrait, QueryFilter};

    let (server, _, id, _, _) = active(backend).await;
    let planned = evaluations_of(&server, id).await;
    assert_eq!(planned.len(), 1);
    assert_eq!(planned[0].due_on, date(2027, 2, 27));
    // Not yet due within two weeks.
    let coordinator = later(&server, "c@example.be", 0).await;
    let due: Vec<app::api::duos::DueEvaluation> = serde_json::from_str(
        &server
            .call("evaluations_due", &[], Some(&coordinator))
            .await
            .body,
    )
    .unwrap();
    assert!(due.iter().all(|d| d.duo_id != id), "held, so no longer due");

    // Six days late (5 March 2027): on the coordinator's home page, as late.
    let coordinator = later(&server, "c@example.be", 98).await;
    let due: Vec<app::api::duos::DueEvaluation> = serde_json::from_str(
        &server
            .call("evaluations_due", &[], Some(&coordinator))
            .await
            .body,
    )
    .unwrap();
    // The demo's active duos are due too; this one is among them, once.
    let ours: Vec<_> = due.iter().filter(|d| d.duo_id == id).collect();
    assert_eq!(ours.len(), 1);
    assert_eq!((ours[0].due_on, ours[0].late), (date(2027, 2, 27), true));
    let home = server.get("/", Some(&coordinator)).await;
    assert!(home.body.contains(&format!("href=\"/duos/{id}\"")));
    assert!(home.body.contains("te laat"));

    let reply = record_evaluation(
        &server,
        &coordinator,
        id,
        planned[0].id,
        &[
            ("form[held_on]", "2027-03-02"),
            ("form[outcome]", "adjust"),
            ("form[notes]", "  Liever om de drie weken, op zondag. "),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let rows = evaluations_of(&server, id).await;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].held_on, Some(date(2027, 3, 2)));
    assert_eq!(rows[0].outcome.as_deref(), Some("adjust"));
    assert_eq!(rows[0].notes, "Liever om de drie weken, op zondag.");
    assert!(rows[0].recorded_by.is_some() && rows[0].recorded_at.is_some());
    // Three months after the signing, then every six: held late, the plan does not shift.
    assert_eq!((rows[1].due_on, rows[1].held_on), (date(2027, 8, 27), None));
    let updates = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("update"))
        .filter(audit_log::Column::RecordKind.eq("duo"))
        .filter(audit_log::Column::RecordId.eq(id.to_string()))
        .all(&server.test.db)
        .await
        .unwrap();
    assert_eq!(updates.len(), 3, "introduction, signing, evaluation");

    let due: Vec<app::api::duos::DueEvaluation> = serde_json::from_str(
        &server
            .call("evaluations_due", &[], Some(&coordinator))
            .await
            .body,
    )
    .unwrap();
    assert!(due.iter().all(|d| d.duo_id != id), "held, so no longer due");
    let detail: app::api::duos::DuoDetail =
        serde_json::from_str(&get_duo(&server, &coordinator, id).await.body).unwrap();
    assert_eq!(detail.evaluations.len(), 2);
    assert_eq!(detail.next_evaluation().map(|e| e.id), Some(rows[1].id));
    let page = server.get(&format!("/duos/{id}"), Some(&coordinator)).await;
    assert!(page.body.contains("Iets bijsturen"));
    assert!(page.body.contains("Liever om de drie weken, op zondag."));
    assert!(
        page.body
            .contains("Evaluatiegesprek van 27/08/2027 noteren")
    );

    // The same conversation recorded twice: the second is a conflict, nothing changes.
    let again = record_evaluation(
        &server,
        &coordinator,
        id,
        planned[0].id,
        &[("form[held_on]", "2027-03-03"), ("form[outcome]", "worry")],
    )
    .await;
    assert_eq!(again.error(), AppError::Conflict);
    assert_eq!(evaluations_of(&server, id).await, rows);
}

on_both_databases!(recording_an_evaluation_plans_the_next_one => record_and_plan_the_next);

/// A form's fields as sent.
type Fields<'a> = &'a [(&'a str, &'a str)];

async fn bad_evaluations_write_nothing(backend: Backend) {
    use app::domain::validation::Problem;

    let (server, coordinator, id, _, _) = active(backend).await;
    let rows = evaluations_of(&server, id).await;
    let planned = rows[0].id;
    let audit = server.audit_actions().await.len();
    let notes = "x".repeat(100 * 1024);
    let cases: [(Fields, &[(&str, Problem)]); 6] = [
        (
            &[
                ("form[held_on]", "2026-11-28"),
                ("form[outcome]", "going_well"),
            ],
            &[("held_on", Problem::Invalid)],
        ),
        (
            &[
                ("form[held_on]", "2026-11-26"),
                ("form[outcome]", "going_well"),
            ],
            &[("held_on", Problem::Invalid)],
        ),
        (
            &[
                ("form[held_on]", "27/11/2026"),
                ("form[outcome]", "going_well"),
            ],
            &[("held_on", Problem::Invalid)],
        ),
        (
            &[("form[outcome]", "fantastic")],
            &[("outcome", Problem::Invalid)],
        ),
        (
            &[("form[notes]", "Goed gesprek")],
            &[("outcome", Problem::Required)],
        ),
        (
            &[
                ("form[held_on]", "2030-01-01"),
                ("form[outcome]", "worry"),
                ("form[notes]", notes.as_str()),
            ],
            &[
                ("held_on", Problem::Invalid),
                ("notes", Problem::TooLong { max: 4000 }),
            ],
        ),
    ];
    for (fields, expected) in cases {
        let reply = record_evaluation(&server, &coordinator, id, planned, fields).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            reply.body
        );
        let error = reply.error();
        for (field, problem) in expected {
            assert_eq!(error.problem_at(field), Some(problem), "{fields:?}");
        }
    }
    // An evaluation that is not this duo's, or none at all.
    let unknown = record_evaluation(
        &server,
        &coordinator,
        id,
        planned + 1000,
        &[("form[outcome]", "going_well")],
    )
    .await;
    assert_eq!(unknown.error(), AppError::NotFound);
    let no_duo = record_evaluation(
        &server,
        &coordinator,
        999_999,
        planned,
        &[("form[outcome]", "going_well")],
    )
    .await;
    assert_eq!(no_duo.error(), AppError::NotFound);
    assert_eq!(evaluations_of(&server, id).await, rows);
    assert_eq!(server.audit_actions().await.len(), audit);

    // Once the duo ended, its planned conversation is not recorded any more.
    let ended = move_duo(
        &server,
        &coordinator,
        id,
        2,
        &[
            ("form[to]", "ended"),
            ("form[end_reason]", "moved"),
            ("form[end_note]", "Verhuisd naar Gent."),
        ],
    )
    .await;
    assert_eq!(ended.status, StatusCode::OK, "{}", ended.body);
    let rows = evaluations_of(&server, id).await;
    let audit = server.audit_actions().await.len();
    let late = record_evaluation(
        &server,
        &coordinator,
        id,
        planned,
        &[
            ("form[held_on]", "2026-11-27"),
            ("form[outcome]", "going_well"),
        ],
    )
    .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(late.error().problem_at("duo").is_some(), "{}", late.body);
    assert_eq!(evaluations_of(&server, id).await, rows);
    assert_eq!(server.audit_actions().await.len(), audit);
    // Nor is anything due for it.
    let due: Vec<app::api::duos::DueEvaluation> = serde_json::from_str(
        &server
            .call("evaluations_due", &[], Some(&coordinator))
            .await
            .body,
    )
    .unwrap();
    assert!(due.iter().all(|d| d.duo_id != id), "held, so no longer due");
}

on_both_databases!(bad_evaluation_input_gives_field_messages_and_writes_nothing => bad_evaluations_write_nothing);

#[tokio::test]
async fn a_refused_evaluation_without_javascript_comes_back_with_its_messages_and_values() {
    let (server, coordinator, id, _, _) = active(Backend::Sqlite).await;
    let planned = evaluations_of(&server, id).await[0].id;
    let page = format!("/duos/{id}");
    let form = server.get(&page, Some(&coordinator)).await;
    assert!(form.body.contains("name=\"form[held_on]\""));
    assert!(form.body.contains("<label for=\"evaluation-notes\""));
    let refused = server
        .post_form(
            "record_evaluation",
            &[
                ("id", &id.to_string()),
                ("evaluation", &planned.to_string()),
                ("form[held_on]", "2027-01-01"),
                ("form[notes]", "Ze gaan graag samen zwemmen."),
            ],
            Some(&coordinator),
            &page,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
    let back = refused
        .header("location")
        .expect("back to the duo")
        .to_owned();
    let back = back.trim_start_matches("http://localhost");
    assert!(back.starts_with(&page), "{back}");
    let draft = refused.cookie("klik_draft").expect("a draft cookie");
    let shown = server
        .get(back, Some(&format!("{coordinator}; {draft}")))
        .await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(
        shown.body.contains("Ze gaan graag samen zwemmen."),
        "notes kept"
    );
    assert!(shown.body.contains("value=\"2027-01-01\""), "date kept");
    assert!(
        shown.body.contains("Dit veld is verplicht."),
        "outcome required"
    );
    assert!(
        shown.body.contains("Deze waarde is niet geldig."),
        "date refused"
    );
    assert_eq!(evaluations_of(&server, id).await.len(), 1);

    // Sent again correctly: back on the duo page, the next conversation planned.
    let sent = server
        .post_form(
            "record_evaluation",
            &[
                ("id", &id.to_string()),
                ("evaluation", &planned.to_string()),
                ("form[held_on]", "2026-11-27"),
                ("form[outcome]", "going_well"),
            ],
            Some(&format!("{coordinator}; {draft}")),
            &page,
        )
        .await;
    assert_eq!(sent.status, StatusCode::FOUND, "{}", sent.body);
    assert_eq!(evaluations_of(&server, id).await.len(), 2);
}

#[tokio::test]
async fn admins_set_the_evaluation_plan_and_signing_uses_it() {
    use app::domain::validation::Problem;

    let (server, coordinator, duo, _, _) = proposed(Backend::Sqlite).await;
    let admin = server.session_for("a@example.be", Role::Admin).await;
    let stored: app::api::settings::EvaluationPlanSetting = serde_json::from_str(
        &server
            .call("load_evaluation_plan", &[], Some(&admin))
            .await
            .body,
    )
    .unwrap();
    assert_eq!(
        (
            stored.form.first_after_months.as_str(),
            stored.form.then_every_months.as_str(),
            stored.version
        ),
        ("3", "6", None)
    );
    let plan = |first: &'static str, every: &'static str| {
        vec![
            ("form[first_after_months]", first),
            ("form[then_every_months]", every),
        ]
    };
    // Coordinators do not change it.
    let refused = server
        .call("save_evaluation_plan", &plan("1", "2"), Some(&coordinator))
        .await;
    assert_eq!(refused.error(), AppError::Forbidden);
    let bad = server
        .call(
            "save_evaluation_plan",
            &plan("0", "elke maand"),
            Some(&admin),
        )
        .await;
    let error = bad.error();
    assert_eq!(
        error.problem_at("first_after_months"),
        Some(&Problem::OutOfRange { min: 1, max: 24 })
    );
    assert_eq!(
        error.problem_at("then_every_months"),
        Some(&Problem::Invalid)
    );
    let saved = server
        .call("save_evaluation_plan", &plan("1", "2"), Some(&admin))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    // Over a version that is no longer current, or as if never saved: a conflict.
    let mut stale = plan("5", "5");
    stale.push(("version", "7"));
    let stale = server
        .call("save_evaluation_plan", &stale, Some(&admin))
        .await;
    assert_eq!(stale.error(), AppError::Conflict);
    let first_again = server
        .call("save_evaluation_plan", &plan("5", "5"), Some(&admin))
        .await;
    assert_eq!(first_again.error(), AppError::Conflict);
    // Without JavaScript the page says it was saved.
    let mut current = plan("1", "2");
    current.push(("version", "1"));
    let plain = server
        .post_form(
            "save_evaluation_plan",
            &current,
            Some(&admin),
            "/admin/settings",
        )
        .await;
    assert_eq!(plain.status, StatusCode::FOUND, "{}", plain.body);
    let location = plain.header("location").unwrap().to_owned();
    assert!(
        location.ends_with("/admin/settings?saved=evaluation_plan"),
        "{location}"
    );
    let page = server
        .get(
            location.trim_start_matches("http://localhost"),
            Some(&admin),
        )
        .await;
    assert!(page.body.contains("Het schema is opgeslagen."));
    assert!(page.body.contains("name=\"form[then_every_months]\""));
    let setting_updates = {
        use app::db::entities::audit_log;
        use sea_orm::{ColumnTrait, QueryFilter};
        audit_log::Entity::find()
            .filter(audit_log::Column::RecordId.eq("evaluation_plan"))
            .all(&server.test.db)
            .await
            .unwrap()
            .len()
    };
    assert_eq!(setting_updates, 2);

    // A duo signed now gets its first conversation after one month, the next two later.
    for (version, fields) in [
        (
            0,
            vec![
                ("form[to]", "introduction"),
                ("form[introduction_on]", "2026-11-27"),
            ],
        ),
        (
            1,
            vec![
                ("form[to]", "active"),
                ("form[participant_yes_on]", "2026-11-27"),
                ("form[buddy_yes_on]", "2026-11-27"),
            ],
        ),
    ] {
        let reply = move_duo(&server, &coordinator, duo, version, &fields).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    let rows = evaluations_of(&server, duo).await;
    assert_eq!(rows[0].due_on, date(2026, 12, 27));
    // On 15 December it is due within two weeks: on the home page, not late.
    let coordinator = later(&server, "c@example.be", 18).await;
    let due: Vec<app::api::duos::DueEvaluation> = serde_json::from_str(
        &server
            .call("evaluations_due", &[], Some(&coordinator))
            .await
            .body,
    )
    .unwrap();
    let ours: Vec<_> = due.iter().filter(|d| d.duo_id == duo).collect();
    assert_eq!((ours.len(), ours[0].late), (1, false));
    let home = server.get("/", Some(&coordinator)).await;
    assert!(home.body.contains("Evaluatiegesprekken die eraan komen"));
    assert!(!home.body.contains("te laat"));
    let reply = record_evaluation(
        &server,
        &coordinator,
        duo,
        rows[0].id,
        &[
            ("form[held_on]", "2026-12-14"),
            ("form[outcome]", "going_well"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        evaluations_of(&server, duo).await[1].due_on,
        date(2027, 2, 27)
    );
    // Other roles' home pages show no evaluations.
    let screener = server.session_for("s@example.be", Role::Screener).await;
    let home = server.get("/", Some(&screener)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(!home.body.contains("Evaluatiegesprekken die eraan komen"));
}
