//! Registrations of candidate participants: by the person or a care worker on the public
//! page, with its protections; the coordinator's list, planning and intake; duplicates shown,
//! never merged; nothing half-written.

use crate::common;

use app::db::entities::{outbox, participant, registration};
use app::domain::account::Role;
use app::domain::registration::{Duplicate, RegistrationStatus, RegistrationView};
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;
use sea_orm::{EntityTrait, PaginatorTrait};

fn by_care_worker(changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("form[by]", "care_worker"),
        ("form[first_name]", "Nina"),
        ("form[last_name]", "Peeters"),
        ("form[municipality_id]", "1"),
        ("form[organisation_id]", "1"),
        ("form[care_worker_name]", "Karel Zorg"),
        ("form[care_worker_email]", "karel@cgg.example"),
        ("form[agreed]", "true"),
        ("form[privacy_read]", "true"),
        ("form[note]", "Belt liever na de middag."),
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

async fn register(server: &Server, form: &[(String, String)]) -> common::Reply {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    server.call("register_participant", &pairs, None).await
}

async fn open(server: &Server, cookie: &str) -> Vec<RegistrationView> {
    let reply = server.call("open_registrations", &[], Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn count(server: &Server) -> (u64, u64, u64) {
    let db = &server.test.db;
    (
        registration::Entity::find().count(db).await.unwrap(),
        participant::Entity::find().count(db).await.unwrap(),
        outbox::Entity::find().count(db).await.unwrap(),
    )
}

async fn a_care_worker_registers_someone(backend: Backend) {
    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let reply = register(&server, &by_care_worker(&[])).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let list = open(&server, &coordinator).await;
    assert_eq!(list.len(), 1);
    let r = &list[0];
    assert_eq!(r.status, RegistrationStatus::Open);
    assert_eq!(r.registration.first_name, "Nina");
    assert_eq!(
        r.registration.care_worker_email.as_deref(),
        Some("karel@cgg.example")
    );
    let today = app::domain::time::local_date(common::test_now(), server.state.config.time_zone);
    assert_eq!(r.registered_on, today);
    assert_eq!(r.intake_due_on, today + chrono::Duration::days(10));
    assert_eq!(r.possible_duplicate, None);

    // The receipt goes to the care worker and names nobody.
    let mails = outbox::Entity::find().all(&server.test.db).await.unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].kind, "registration_receipt");
    assert_eq!(mails[0].to_address, "karel@cgg.example");
    for text in [&mails[0].subject, &mails[0].body] {
        assert!(!text.contains("Nina") && !text.contains("Peeters") && !text.contains("middag"));
    }

    // Reading it is audited; a buddy or the partner reads nothing.
    let id = r.id.to_string();
    let before = server.audit_actions().await.len();
    let reply = server
        .call("get_registration", &[("id", &id)], Some(&coordinator))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(server.audit_actions().await.len(), before + 1);
    for role in [Role::Buddy, Role::Screener] {
        let other = server
            .session_for(&format!("{}@example.be", role.code()), role)
            .await;
        let reply = server
            .call("get_registration", &[("id", &id)], Some(&other))
            .await;
        assert_eq!(reply.error(), AppError::Forbidden);
    }
}

on_both_databases!(a_care_worker_registers_someone_and_gets_a_receipt_without_details => a_care_worker_registers_someone);

#[tokio::test]
async fn bad_registrations_get_messages_and_write_nothing() {
    let server = Server::new(Backend::Sqlite).await;
    let cases: [(&[(&str, &str)], &str); 6] = [
        (&[("form[agreed]", "")], "agreed"),
        (&[("form[municipality_id]", "999")], "municipality_id"),
        (&[("form[organisation_id]", "")], "organisation_id"),
        (
            &[("form[care_worker_email]", "javascript:alert(1)")],
            "care_worker_email",
        ),
        (&[("form[first_name]", "  ")], "first_name"),
        (&[("form[by]", "robot")], "by"),
    ];
    for (changes, field) in cases {
        let reply = register(&server, &by_care_worker(changes)).await;
        assert!(
            reply.error().problem_at(field).is_some(),
            "{field}: {}",
            reply.body
        );
    }
    let long = "x".repeat(100_000);
    let reply = register(&server, &by_care_worker(&[("form[note]", &long)])).await;
    assert!(reply.status.is_client_error());
    // A person registering themselves leaves a way to reach them.
    let reply = register(
        &server,
        &by_care_worker(&[("form[by]", "person"), ("form[care_worker_email]", "")]),
    )
    .await;
    assert!(reply.error().problem_at("phone").is_some());
    assert_eq!(count(&server).await, (0, 0, 0));

    // The hidden field filled in: thanked, nothing stored.
    let spam = register(
        &server,
        &by_care_worker(&[("form[website]", "http://spam.example")]),
    )
    .await;
    assert_eq!(spam.status, StatusCode::OK);
    assert_eq!(count(&server).await, (0, 0, 0));
}

#[tokio::test]
async fn one_address_registers_at_most_five_times_an_hour() {
    let server = Server::new(Backend::Sqlite).await;
    for i in 0..5 {
        let name = format!("Nina{}", "i".repeat(i + 1));
        let reply = register(&server, &by_care_worker(&[("form[first_name]", &name)])).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    let flood = register(&server, &by_care_worker(&[])).await;
    assert_eq!(flood.error(), AppError::TooManyAttempts);
    assert_eq!(count(&server).await.0, 5);
    server.state.clock.advance(chrono::Duration::minutes(61));
    assert_eq!(
        register(&server, &by_care_worker(&[])).await.status,
        StatusCode::OK
    );
}

async fn duplicates_are_shown_never_merged(backend: Backend) {
    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    register(&server, &by_care_worker(&[])).await;
    // The same person again, by themselves, with another spelling of their name.
    let again = by_care_worker(&[
        ("form[by]", "person"),
        ("form[first_name]", "nina"),
        ("form[last_name]", " PEETERS"),
        ("form[phone]", "0470 12 34 56"),
    ]);
    assert_eq!(register(&server, &again).await.status, StatusCode::OK);
    let list = open(&server, &coordinator).await;
    assert_eq!(list.len(), 2, "both kept");
    assert_eq!(
        list[1].possible_duplicate,
        Some(Duplicate::Registration(list[0].id))
    );

    // Someone already a participant: flagged against the participant's record.
    let form = crate::participants::intake(&[
        ("form[profile][first_name]", "Mira"),
        ("form[profile][last_name]", "Verhoeven"),
    ]);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = server
        .call("create_participant", &pairs, Some(&coordinator))
        .await;
    let participant: i32 = serde_json::from_str(&reply.body).expect(&reply.body);
    let mira = by_care_worker(&[
        ("form[first_name]", "Mira"),
        ("form[last_name]", "Verhoeven"),
    ]);
    register(&server, &mira).await;
    let list = open(&server, &coordinator).await;
    let found = list
        .iter()
        .find(|r| r.registration.first_name == "Mira")
        .unwrap();
    assert_eq!(
        found.possible_duplicate,
        Some(Duplicate::Participant(participant))
    );
}

on_both_databases!(a_possible_duplicate_is_shown_never_merged => duplicates_are_shown_never_merged);

async fn the_intake_makes_the_participant(backend: Backend) {
    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    register(&server, &by_care_worker(&[])).await;
    let r = open(&server, &coordinator).await.remove(0);
    let id = r.id.to_string();

    // Planning: a date today or later; two coordinators at once, one wins.
    let plan = |on: &'static str, version: &'static str| {
        vec![
            ("id", id.clone()),
            ("version", version.to_owned()),
            ("action", "plan".to_owned()),
            ("on", on.to_owned()),
        ]
    };
    let call = |form: Vec<(&'static str, String)>| {
        let server = &server;
        let coordinator = coordinator.clone();
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            server
                .call("update_registration", &pairs, Some(&coordinator))
                .await
        }
    };
    let past = call(plan("2020-01-01", "1")).await;
    assert!(past.error().problem_at("on").is_some());
    assert_eq!(call(plan("2026-12-01", "1")).await.status, StatusCode::OK);
    assert_eq!(
        call(plan("2026-12-02", "1")).await.error(),
        AppError::Conflict
    );
    let r = open(&server, &coordinator).await.remove(0);
    assert_eq!(
        r.intake_planned_on.map(|d| d.to_string()).as_deref(),
        Some("2026-12-01")
    );
    assert_eq!(r.version, 2);

    // The intake starts from what the registration knows.
    let reply = server
        .call("registration_intake", &[("id", &id)], Some(&coordinator))
        .await;
    let (form, version): (app::domain::people::IntakeForm, i32) =
        serde_json::from_str(&reply.body).expect(&reply.body);
    assert_eq!(form.profile.first_name, "Nina");
    assert_eq!(form.referral_contact, "Karel Zorg, karel@cgg.example");
    assert_eq!(version, 2);

    // A refused intake (no birth date) makes nothing and leaves the registration open.
    let mut fields = crate::participants::intake(&[
        ("form[profile][first_name]", "Nina"),
        ("form[profile][last_name]", "Peeters"),
    ]);
    fields.push(("registration".into(), id.clone()));
    fields.push(("registration_version".into(), "2".into()));
    let with = |changes: &[(&str, &str)]| {
        let mut f = fields.clone();
        for (k, v) in changes {
            f.retain(|(key, _)| key != k);
            f.push((k.to_string(), v.to_string()));
        }
        f
    };
    let send = |f: Vec<(String, String)>| {
        let server = &server;
        let coordinator = coordinator.clone();
        async move {
            let pairs: Vec<(&str, &str)> =
                f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            server
                .call("create_participant", &pairs, Some(&coordinator))
                .await
        }
    };
    let refused = send(with(&[("form[profile][birth_date]", "")])).await;
    assert!(refused.error().problem_at("birth_date").is_some());
    // A stale registration version: no participant either (one transaction).
    let stale = send(with(&[("registration_version", "1")])).await;
    assert_eq!(stale.error(), AppError::Conflict);
    assert_eq!(count(&server).await.1, 0);

    let made = send(fields.clone()).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let participant: i32 = serde_json::from_str(&made.body).unwrap();
    assert!(open(&server, &coordinator).await.is_empty());
    let reply = server
        .call("get_registration", &[("id", &id)], Some(&coordinator))
        .await;
    let done: RegistrationView = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(done.status, RegistrationStatus::Done);
    assert_eq!(done.participant_id, Some(participant));
    // Done once: the same intake again is a conflict, and makes no second participant.
    assert_eq!(send(fields).await.error(), AppError::Conflict);
    assert_eq!(count(&server).await.1, 1);
}

on_both_databases!(the_intake_of_a_registration_makes_the_participant_once => the_intake_makes_the_participant);

#[tokio::test]
async fn the_public_page_and_the_coordinators_home_show_registrations() {
    let server = Server::new(Backend::Sqlite).await;
    let page = server.get("/register", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Aanmelden als deelnemer"));
    assert!(page.body.contains("form[website]"));
    assert!(page.body.contains("form[agreed]"));

    // Without JavaScript: refused values come back in the form, nothing in the address.
    let refused = server
        .post_form(
            "register_participant",
            &by_care_worker(&[("form[agreed]", "")])
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            None,
            "/register",
        )
        .await;
    assert_eq!(refused.status, StatusCode::FOUND);
    let back = refused.header("location").unwrap().to_owned();
    assert!(
        !back.contains("Nina") && !back.contains("Peeters"),
        "{back}"
    );
    let draft = refused.cookie("klik_draft").expect("a draft cookie");
    let again = server
        .get(back.trim_start_matches("http://localhost"), Some(&draft))
        .await;
    assert!(again.body.contains("value=\"Nina\""));

    register(&server, &by_care_worker(&[])).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let home = server.get("/", Some(&coordinator)).await;
    assert!(home.body.contains("Nieuwe aanmeldingen"), "{}", home.body);
    assert!(home.body.contains("Nina Peeters"));
    let id = open(&server, &coordinator).await[0].id;
    let page = server
        .get(&format!("/registrations/{id}"), Some(&coordinator))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Karel Zorg"));
    let intake = server
        .get(&format!("/registrations/{id}/intake"), Some(&coordinator))
        .await;
    assert_eq!(intake.status, StatusCode::OK);
    assert!(intake.body.contains("value=\"Nina\""));
}
