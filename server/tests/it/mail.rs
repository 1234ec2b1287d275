//! Mail delivery from the outbox over real SMTP (a small server on 127.0.0.1), on SQLite and
//! PostgreSQL: delivery, retries after a refused connection, leases that run out, two
//! instances on one database, and the admin's outbox page.

use crate::common;

use std::collections::HashMap;

use app::db::entities::outbox;
use app::db::outbox::{LEASE, NewMessage};
use app::domain::account::Role;
use app::domain::mail::MailStatus;
use app::state::{AppState, Clock};
use axum::http::StatusCode;
use chrono::Duration;
use common::smtp::{SmtpServer, unused_port, with_smtp};
use klik_server::jobs::JobRunner;
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

/// `state` delivering to `url`.
async fn enqueue(db: &DatabaseConnection, to: &str, subject: &str, state: &AppState) -> i32 {
    app::db::outbox::enqueue(
        db,
        NewMessage {
            kind: "test",
            to,
            subject,
            body: "Dag,\n\nEen bericht met één accent.\n.Een regel met een punt vooraan.",
        },
        state.clock.now(),
    )
    .await
    .unwrap()
}

async fn row(db: &DatabaseConnection, id: i32) -> outbox::Model {
    outbox::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

async fn all_rows(db: &DatabaseConnection) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await
        .unwrap()
}

on_both_databases! {
    async fn a_message_is_delivered_and_marked_sent(test: &TestDb) {
        let smtp = SmtpServer::start().await;
        let state = with_smtp(common::test_state(test), &smtp.url());
        let id = enqueue(&test.db, "an@example.be", "Welkom bij Klik", &state).await;
        let runner = JobRunner::new(state.clone()).unwrap();
        assert!(runner.delivers_mail());

        let tick = runner.tick().await;
        assert_eq!(tick.delivery.sent, 1);
        let got = smtp.received();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].to, ["an@example.be"]);
        assert_eq!(got[0].from, "klik@localhost");
        assert_eq!(got[0].header("Subject").as_deref(), Some("Welkom bij Klik"));
        assert_eq!(got[0].header("To").as_deref(), Some("an@example.be"));
        let sent = row(&test.db, id).await;
        assert_eq!(sent.status, MailStatus::Sent.code());
        assert_eq!(sent.attempts, 1);
        assert_eq!(sent.sent_at, Some(state.clock.now()));
        assert_eq!(sent.next_attempt_at, None);

        // Nothing left: the next tick sends nothing.
        assert_eq!(runner.tick().await.delivery.sent, 0);
        assert_eq!(smtp.received().len(), 1);
    }

    async fn a_refused_connection_is_retried_after_the_backoff(test: &TestDb) {
        let port = unused_port();
        let state = with_smtp(common::test_state(test), &format!("smtp://127.0.0.1:{port}"));
        let id = enqueue(&test.db, "an@example.be", "Herinnering", &state).await;
        let runner = JobRunner::new(state.clone()).unwrap();

        let tick = runner.tick().await;
        assert_eq!((tick.delivery.sent, tick.delivery.retrying), (0, 1));
        let waiting = row(&test.db, id).await;
        assert_eq!(waiting.status, MailStatus::Pending.code());
        assert_eq!(waiting.attempts, 1);
        assert_eq!(waiting.next_attempt_at, Some(state.clock.now() + Duration::minutes(1)));
        let error = waiting.last_error.unwrap();
        assert!(error.contains("cannot reach the SMTP server"), "{error}");
        assert!(!error.contains("example.be"), "no address in the error: {error}");

        // The server comes up, but the backoff is not over yet: nothing is tried.
        let smtp = SmtpServer::on_port(port).await;
        state.clock.advance(Duration::seconds(59));
        assert_eq!(runner.tick().await.delivery, Default::default());
        assert!(smtp.received().is_empty());

        state.clock.advance(Duration::seconds(2));
        assert_eq!(runner.tick().await.delivery.sent, 1);
        assert_eq!(smtp.received().len(), 1);
        assert_eq!(smtp.received()[0].to, ["an@example.be"]);
        let sent = row(&test.db, id).await;
        assert_eq!((sent.status.as_str(), sent.attempts), ("sent", 2));
        assert_eq!(sent.last_error, None);
    }

    async fn retries_back_off_and_end_in_failed(test: &TestDb) {
        let port = unused_port();
        let state = with_smtp(common::test_state(test), &format!("smtp://127.0.0.1:{port}"));
        let id = enqueue(&test.db, "an@example.be", "Nooit", &state).await;
        let bad = enqueue(&test.db, "geen adres", "Fout adres", &state).await;
        let runner = JobRunner::new(state.clone()).unwrap();
        let mut waits = Vec::new();
        for _ in 0..app::domain::mail::MAX_ATTEMPTS {
            runner.tick().await;
            let r = row(&test.db, id).await;
            if let Some(next) = r.next_attempt_at {
                waits.push((next - state.clock.now()).num_minutes());
                state.clock.advance(next - state.clock.now());
            }
        }
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 64, 128, 240, 240, 240]);
        let given_up = row(&test.db, id).await;
        assert_eq!(given_up.status, MailStatus::Failed.code());
        assert_eq!(given_up.attempts, app::domain::mail::MAX_ATTEMPTS);
        assert_eq!(given_up.next_attempt_at, None);
        // An address that can never work is given up at once.
        let bad = row(&test.db, bad).await;
        assert_eq!((bad.status.as_str(), bad.attempts), ("failed", 1));
        assert_eq!(bad.last_error.as_deref(), Some("invalid recipient address"));
    }

    async fn a_claim_whose_lease_ran_out_is_taken_over(test: &TestDb) {
        let smtp = SmtpServer::start().await;
        let state = with_smtp(common::test_state(test), &smtp.url());
        let id = enqueue(&test.db, "an@example.be", "Overgenomen", &state).await;
        // An instance claims the message and dies before sending.
        let due = app::db::outbox::due(&test.db, state.clock.now(), 10).await.unwrap();
        let dead = app::db::outbox::claim(&test.db, &due[0], state.clock.now())
            .await
            .unwrap()
            .expect("the first claim wins");
        // A second claim on the same read loses.
        assert!(app::db::outbox::claim(&test.db, &due[0], state.clock.now()).await.unwrap().is_none());

        let runner = JobRunner::new(state.clone()).unwrap();
        assert_eq!(runner.tick().await.delivery.sent, 0, "the lease holds");
        state.clock.advance(LEASE + Duration::seconds(1));
        assert_eq!(runner.tick().await.delivery.sent, 1);
        assert_eq!(smtp.received().len(), 1);
        let sent = row(&test.db, id).await;
        assert_eq!((sent.status.as_str(), sent.attempts), ("sent", 2));
        // The dead instance's late outcome changes nothing.
        assert!(!app::db::outbox::mark_sent(&test.db, &dead, state.clock.now()).await.unwrap());
        let failed = app::db::outbox::mark_failed(&test.db, &dead, "late", false, state.clock.now())
            .await
            .unwrap();
        assert_eq!(failed, None);
        assert_eq!(row(&test.db, id).await.status, "sent");
    }

    async fn two_instances_send_every_message_exactly_once(test: &TestDb) {
        let smtp = SmtpServer::start().await;
        let first = with_smtp(common::test_state(test), &smtp.url());
        // A second instance: its own connection pool on the same database, its own clock.
        let mut second = common::another_instance(test, &first).await;
        second.clock = Clock::fixed(common::test_now());
        for i in 0..50 {
            enqueue(&test.db, &format!("p{i}@example.be"), &format!("Bericht {i}"), &first).await;
        }
        let (a, b) = (JobRunner::new(first).unwrap(), JobRunner::new(second).unwrap());
        let (ta, tb) = tokio::join!(a.tick(), b.tick());
        assert_eq!(ta.delivery.sent + tb.delivery.sent, 50, "{ta:?} {tb:?}");
        // Both really raced: each sent some and lost some claims to the other.
        assert!(ta.delivery.sent > 0 && tb.delivery.sent > 0, "{ta:?} {tb:?}");
        assert!(ta.delivery.skipped + tb.delivery.skipped > 0, "{ta:?} {tb:?}");
        let mut seen: HashMap<String, usize> = HashMap::new();
        for message in smtp.received() {
            *seen.entry(message.header("Subject").unwrap()).or_default() += 1;
        }
        assert_eq!(seen.len(), 50);
        assert!(seen.values().all(|n| *n == 1), "{seen:?}");
        for r in all_rows(&test.db).await {
            assert_eq!((r.status.as_str(), r.attempts), ("sent", 1), "message {}", r.id);
        }
        // Running both again sends nothing more.
        let (ta, tb) = tokio::join!(a.tick(), b.tick());
        assert_eq!(ta.delivery.sent + tb.delivery.sent, 0);
        assert_eq!(smtp.received().len(), 50);
    }

    async fn without_smtp_messages_wait(test: &TestDb) {
        let state = common::test_state(test);
        let id = enqueue(&test.db, "an@example.be", "Wacht", &state).await;
        let runner = JobRunner::new(state.clone()).unwrap();
        assert!(!runner.delivers_mail());
        runner.tick().await;
        state.clock.advance(Duration::days(2));
        runner.tick().await;
        let waiting = row(&test.db, id).await;
        assert_eq!((waiting.status.as_str(), waiting.attempts), ("pending", 0));
        assert_eq!(app::db::outbox::pending_count(&test.db).await.unwrap(), 1);
    }
}

async fn the_outbox_page_is_for_admins(backend: common::Backend) {
    let server = common::server::Server::new(backend).await;
    let admin = server.session_for("admin@example.be", Role::Admin).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    enqueue(
        &server.test.db,
        "an@example.be",
        "Een onderwerp",
        &server.state,
    )
    .await;

    let reply = server.call("list_outbox", &[], Some(&admin)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let page: app::domain::mail::OutboxPage = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(page.pending, 1);
    assert!(!page.delivery_configured);
    assert_eq!(page.rows[0].subject, "Een onderwerp");
    assert_eq!(page.rows[0].status, MailStatus::Pending);
    assert!(server.audit_actions().await.contains(&"read".to_owned()));

    let refused = server.call("list_outbox", &[], Some(&coordinator)).await;
    assert_eq!(refused.error(), app::error::AppError::Forbidden);

    let html = server.get("/admin/outbox", Some(&admin)).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.contains("Een onderwerp"), "{}", html.body);
    assert!(html.body.contains("an@example.be"));
    assert!(html.body.contains("1 bericht wacht op verzending."));
    assert!(html.body.contains("KLIK_SMTP_URL"));
    // The body of a message is never shown.
    assert!(!html.body.contains("Een regel met een punt vooraan"));
}

#[tokio::test]
async fn the_outbox_page_is_for_admins_sqlite() {
    the_outbox_page_is_for_admins(common::Backend::Sqlite).await;
}

#[tokio::test]
async fn the_outbox_page_is_for_admins_postgres() {
    the_outbox_page_is_for_admins(common::Backend::Postgres).await;
}
