//! Participants: intake, list, record, editing, through HTTP as the pages use them.

use crate::common;

use app::domain::account::Role;
use app::domain::people::{Paged, ParticipantDetail, ParticipantRow};
use app::domain::validation::Problem;
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;

/// A complete intake form as the browser sends it, with `changes` on top.
pub(crate) fn intake(changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("form[profile][first_name]", "Mira"),
        ("form[profile][last_name]", "Verhoeven"),
        ("form[profile][birth_date]", "1990-04-12"),
        ("form[profile][gender]", "woman"),
        ("form[profile][municipality_id]", "1"),
        ("form[profile][phone]", "015 12 34 56"),
        ("form[profile][preferred_contact]", "phone"),
        ("form[profile][interests][]", "1"),
        ("form[profile][interests][]", "3"),
        ("form[profile][personality][s1]", "4"),
        ("form[profile][availability][]", "0"),
        ("form[profile][availability][]", "16"),
        ("form[profile][max_travel_km]", "10"),
        ("form[profile][travel_modes][]", "bike"),
        ("form[consent_matching]", "true"),
        ("form[consent_share_first_name]", "true"),
        ("form[coordinator_notes]", "Houdt van rustige plekken."),
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

async fn create(server: &Server, cookie: &str, changes: &[(&str, &str)]) -> common::Reply {
    let form = intake(changes);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    server
        .call("create_participant", &pairs, Some(cookie))
        .await
}

async fn list(server: &Server, cookie: &str, filter: &[(&str, &str)]) -> Paged<ParticipantRow> {
    let reply = server.call("list_participants", filter, Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

#[tokio::test]
async fn an_intake_is_stored_listed_read_with_an_audit_row_and_edited_once() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let reply = create(&server, &coordinator, &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let id: i32 = serde_json::from_str(&reply.body).unwrap();
    create(
        &server,
        &coordinator,
        &[
            ("form[profile][first_name]", "Jef"),
            ("form[profile][municipality_id]", "2"),
        ],
    )
    .await;

    let all = list(&server, &coordinator, &[]).await;
    assert_eq!(all.total, 2);
    assert_eq!(all.rows[0].days_waiting, 0);
    let by_place = list(&server, &coordinator, &[("municipality", "2")]).await;
    assert_eq!(by_place.rows.len(), 1);
    assert_eq!(by_place.rows[0].first_name, "Jef");
    let by_interest = list(&server, &coordinator, &[("interest", "3")]).await;
    assert_eq!(by_interest.total, 2);
    let by_name = list(&server, &coordinator, &[("name", "mir")]).await;
    assert_eq!(by_name.rows[0].id, id);
    assert_eq!(
        list(&server, &coordinator, &[("min_days", "30")])
            .await
            .total,
        0
    );
    assert_eq!(
        list(&server, &coordinator, &[("status", "waiting")])
            .await
            .total,
        2
    );

    let reply = server
        .call(
            "get_participant",
            &[("id", &id.to_string())],
            Some(&coordinator),
        )
        .await;
    let detail: ParticipantDetail = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(detail.intake.profile.interests, vec![1, 3]);
    assert!(detail.intake.consent.share_first_name && !detail.intake.consent.share_phone);
    assert_eq!(detail.timeline.len(), 1);
    let reads = app::db::audit::list(
        &server.test.db,
        &app::db::audit::AuditFilter {
            limit: 50,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .into_iter()
    .filter(|e| {
        e.action == app::domain::audit::AuditAction::Read
            && e.record_kind.as_deref() == Some("participant")
    })
    .count();
    assert_eq!(reads, 1);

    // Two coordinators edit from the same version: the second is told, nothing overwritten.
    let form = intake(&[("form[profile][first_name]", "Mirella")]);
    let mut pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (id_s, version) = (id.to_string(), detail.version.to_string());
    pairs.push(("id", &id_s));
    pairs.push(("version", &version));
    let first = server
        .call("update_participant", &pairs, Some(&coordinator))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let second = server
        .call("update_participant", &pairs, Some(&coordinator))
        .await;
    assert_eq!(second.error(), AppError::Conflict);

    // A status change goes into the timeline; a move the lifecycle forbids is refused.
    let reply = server
        .call("get_participant", &[("id", &id_s)], Some(&coordinator))
        .await;
    let detail: ParticipantDetail = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(detail.intake.profile.first_name, "Mirella");
    let v = detail.version.to_string();
    let bad = server
        .call(
            "change_participant_status",
            &[("id", &id_s), ("version", &v), ("status", "in_duo")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        bad.error(),
        AppError::validation("status", Problem::Invalid)
    );
    let ok = server
        .call(
            "change_participant_status",
            &[
                ("id", &id_s),
                ("version", &v),
                ("status", "paused"),
                ("note", "Even op reis"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let reply = server
        .call("get_participant", &[("id", &id_s)], Some(&coordinator))
        .await;
    let detail: ParticipantDetail = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(detail.timeline.len(), 2);
    assert_eq!(detail.timeline[1].note, "Even op reis");

    // Closing the record asks why: no reason, or one Klik does not know, is refused at the
    // field with nothing written; a reason is kept with the change for the report.
    let v = detail.version.to_string();
    for (reason, problem) in [("", Problem::Required), ("verhuisd", Problem::Invalid)] {
        let refused = server
            .call(
                "change_participant_status",
                &[
                    ("id", &id_s),
                    ("version", &v),
                    ("status", "closed"),
                    ("reason", reason),
                ],
                Some(&coordinator),
            )
            .await;
        assert_eq!(refused.error(), AppError::validation("reason", problem));
    }
    let closed = server
        .call(
            "change_participant_status",
            &[
                ("id", &id_s),
                ("version", &v),
                ("status", "closed"),
                ("reason", "moved"),
                ("note", "Naar Gent"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
    let reply = server
        .call("get_participant", &[("id", &id_s)], Some(&coordinator))
        .await;
    let detail: ParticipantDetail = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(
        detail.timeline.len(),
        3,
        "the refused closings wrote nothing"
    );
    assert_eq!(detail.timeline[2].to, "closed");
    assert_eq!(detail.timeline[2].reason.as_deref(), Some("moved"));
    assert_eq!(detail.timeline[1].reason, None);

    let page = server
        .get(&format!("/participants/{id}"), Some(&coordinator))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Mirella Verhoeven"));
}

#[tokio::test]
async fn bad_intakes_get_messages_at_their_fields_and_store_nothing() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let huge = "x".repeat(100 * 1024);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("form[profile][first_name]", "")], "first_name"),
        (vec![("form[profile][first_name]", &huge)], "first_name"),
        (
            vec![("form[profile][birth_date]", "2030-01-01")],
            "birth_date",
        ),
        (
            vec![("form[profile][birth_date]", "31/02/1990")],
            "birth_date",
        ),
        (
            vec![("form[profile][birth_date]", "2020-01-01")],
            "birth_date",
        ),
        (vec![("form[profile][gender]", "robot")], "gender"),
        (
            vec![("form[profile][municipality_id]", "9999")],
            "municipality_id",
        ),
        (
            vec![("form[profile][municipality_id]", "Mechelen")],
            "municipality_id",
        ),
        (vec![("form[profile][interests][]", "4242")], "interests"),
        (
            vec![("form[profile][personality][s999]", "3")],
            "personality",
        ),
        (vec![("form[profile][personality][s1]", "9")], "personality"),
        (
            vec![("form[profile][availability][]", "99")],
            "availability",
        ),
        (
            vec![("form[profile][max_travel_km]", "-5")],
            "max_travel_km",
        ),
        (vec![("form[profile][email]", "<script>@x")], "email"),
        (vec![("form[consent_matching]", "")], "consent_matching"),
        (vec![("form[intake_date]", "2099-01-01")], "intake_date"),
        (
            vec![("form[referral_organisation_id]", "777")],
            "referral_organisation_id",
        ),
        (
            vec![("form[coordinator_notes]", &huge)],
            "coordinator_notes",
        ),
    ];
    for (changes, field) in cases {
        let reply = create(&server, &coordinator, &changes).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            &reply.body[..reply.body.len().min(300)]
        );
        let error = reply.error();
        assert!(error.problem_at(field).is_some(), "{field}: {error:?}");
    }
    // Wrong types in the body are a bad request, not a failure.
    let reply = server
        .call(
            "update_participant",
            &[("id", "abc"), ("version", "1")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(list(&server, &coordinator, &[]).await.total, 0);
    let unknown = server
        .call("get_participant", &[("id", "424242")], Some(&coordinator))
        .await;
    assert_eq!(unknown.error(), AppError::NotFound);
}

#[tokio::test]
async fn screeners_and_buddies_never_see_participants() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let id: i32 = serde_json::from_str(&create(&server, &coordinator, &[]).await.body).unwrap();
    for role in [Role::Screener, Role::Buddy] {
        let cookie = server
            .session_for(&format!("{}@example.be", role.code()), role)
            .await;
        for (name, body) in [
            ("list_participants", vec![]),
            ("get_participant", vec![("id", id.to_string())]),
        ] {
            let pairs: Vec<(&str, &str)> = body.iter().map(|(k, v)| (*k, v.as_str())).collect();
            assert_eq!(
                server.call(name, &pairs, Some(&cookie)).await.error(),
                AppError::Forbidden
            );
        }
        let page = server
            .get(&format!("/participants/{id}"), Some(&cookie))
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        assert!(!page.body.contains("Verhoeven"));
    }
}

#[tokio::test]
async fn the_waiting_list_flags_silence_and_records_contacts_and_stepping_stones() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let early: i32 = serde_json::from_str(
        &create(
            &server,
            &coordinator,
            &[
                ("form[intake_date]", "2026-08-03"),
                ("form[profile][first_name]", "Vroeg"),
            ],
        )
        .await
        .body,
    )
    .unwrap();
    create(
        &server,
        &coordinator,
        &[
            ("form[intake_date]", "2026-11-20"),
            ("form[profile][first_name]", "Laat"),
        ],
    )
    .await;

    let rows = waiting_rows(&server, &coordinator).await;
    assert_eq!(
        rows.iter()
            .map(|r| r.first_name.as_str())
            .collect::<Vec<_>>(),
        vec!["Vroeg", "Laat"]
    );
    assert_eq!(rows[0].days_waiting, 116);
    assert!(rows[0].contact_overdue && !rows[1].contact_overdue);

    let id = early.to_string();
    for (on, stone, field) in [
        ("2030-01-01", "", "on"),
        ("2026-11-25", "999", "stepping_stone"),
    ] {
        let reply = server
            .call(
                "record_contact",
                &[("id", &id), ("on", on), ("stepping_stone", stone)],
                Some(&coordinator),
            )
            .await;
        assert!(reply.error().problem_at(field).is_some(), "{field}");
    }
    let reply = server
        .call(
            "record_contact",
            &[
                ("id", &id),
                ("on", "2026-11-25"),
                ("stepping_stone", "1"),
                ("note", "Folder meegegeven"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let rows = waiting_rows(&server, &coordinator).await;
    assert!(!rows[0].contact_overdue);
    assert_eq!(
        rows[0].last_contact_on,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
    );
    assert_eq!(rows[0].referrals.len(), 1);
    assert!(rows[0].referrals[0].0.starts_with("Herstelacademie"));
    let page = server.get("/waiting", Some(&coordinator)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Vroeg Verhoeven"));
}

async fn waiting_rows(server: &Server, cookie: &str) -> Vec<app::domain::people::WaitingRow> {
    let reply = server.call("waiting_list", &[], Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

#[tokio::test]
async fn the_list_page_keeps_its_filters_in_the_pager_links_but_no_name() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    for i in 0..=app::domain::people::PAGE_SIZE {
        let first_name = format!("Deelnemer{i:02}");
        create(
            &server,
            &coordinator,
            &[("form[profile][first_name]", &first_name)],
        )
        .await;
    }
    let page = server
        .get(
            "/participants?municipality=1&min_days=0&sort=name&name=Deelnemer",
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Deelnemer00 Verhoeven"));
    assert!(page.body.contains(r#"id="f-min-days""#));
    let next = "/participants?municipality=1&amp;min_days=0&amp;sort=name&amp;page=1";
    let pager = page
        .body
        .find("class=\"pager\"")
        .map(|i| &page.body[i..i + 400]);
    assert!(
        page.body.contains(next),
        "a link to the next page: {pager:?}"
    );
    assert!(!page.body.contains("name=Deelnemer"));
    let second = server
        .get(
            "/participants?municipality=1&min_days=0&sort=name&page=1",
            Some(&coordinator),
        )
        .await;
    assert!(second.body.contains("Deelnemer25 Verhoeven"));
    assert!(!second.body.contains("Deelnemer00 Verhoeven"));
}
