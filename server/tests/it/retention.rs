//! The retention job on SQLite and PostgreSQL, with the test clock: what is due is anonymised
//! once, by one of two instances running at the same moment; a coordinator's hold keeps a
//! record until the hold ends; old check-in notes, mails and audit rows go; the log says
//! what each run did.

use crate::common;

use app::db::entities::{activity, audit_log, outbox, participant};
use app::domain::privacy::PersonKind;
use app::domain::retention::HoldReason;
use app::state::AppState;
use chrono::Duration;
use common::Backend;
use klik_server::jobs::retention::run_due;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter,
};

async fn erasures_of(state: &AppState, kind: &str, id: i32) -> usize {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("erase"))
        .filter(audit_log::Column::RecordKind.eq(kind))
        .filter(audit_log::Column::RecordId.eq(id.to_string()))
        .all(&state.db)
        .await
        .unwrap()
        .len()
}

async fn the_daily_job_erases_what_is_due_once(backend: Backend) {
    let test = common::test_db(backend).await;
    let a = common::test_state(&test);
    let db = &a.db;
    let now = common::test_now();
    let today = now.date_naive();
    app::demo::fill(db, now, today).await.unwrap();
    let tz = a.config.time_zone;
    let (settings, _) = app::db::retention::settings(db).await.unwrap();
    let cases = app::db::retention::cases(db, &settings, tz).await.unwrap();
    let due: Vec<_> = cases.iter().filter(|c| c.is_due(today)).cloned().collect();
    assert!(due.len() >= 3, "{} of {} due", due.len(), cases.len());
    assert!(
        cases.iter().any(|c| !c.is_due(today)),
        "some are not due yet"
    );

    // A coordinator holds one due participant back for a month.
    let held = due
        .iter()
        .find(|c| c.category.kind() == PersonKind::Participant)
        .unwrap()
        .clone();
    let until = today + Duration::days(30);
    app::db::retention::hold(
        db,
        PersonKind::Participant,
        held.id,
        until,
        HoldReason::Dispute,
    )
    .await
    .unwrap();

    // Old texts: a check-in note from two years ago, a mail sent two months ago, an audit
    // row of six years ago; and recent ones that stay.
    let acts = activity::Entity::find().all(db).await.unwrap();
    let old = acts
        .iter()
        .find(|x| x.starts_at < now - Duration::days(400))
        .unwrap()
        .clone();
    let recent = acts
        .iter()
        .filter(|x| x.starts_at < now)
        .max_by_key(|x| x.starts_at)
        .unwrap()
        .clone();
    for (row, note) in [
        (old.clone(), "oude notitie"),
        (recent.clone(), "recente notitie"),
    ] {
        let mut m = row.into_active_model();
        m.checkin_note = Set(Some(note.into()));
        m.update(db).await.unwrap();
    }
    for (days, body) in [(60, "oude mail"), (2, "recente mail")] {
        outbox::ActiveModel {
            kind: Set("reminder".into()),
            to_address: Set("iemand@example.be".into()),
            subject: Set("Herinnering".into()),
            body: Set(body.into()),
            created_at: Set(now - Duration::days(days)),
            status: Set("sent".into()),
            attempts: Set(1),
            next_attempt_at: Set(None),
            sent_at: Set(Some(now - Duration::days(days))),
            last_error: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    app::db::audit::insert(
        db,
        now - Duration::days(6 * 366),
        None,
        app::domain::audit::AuditAction::Read,
        Some(("participant", "1".into())),
    )
    .await
    .unwrap();

    // Two instances tick at the same moment: one runs the day, the other finds it taken.
    let b = common::another_instance(&test, &a).await;
    let (ra, rb) = tokio::join!(run_due(&a), run_due(&b));
    let runs: Vec<_> = [ra.unwrap(), rb.unwrap()].into_iter().flatten().collect();
    assert_eq!(runs.len(), 1, "one instance ran today's job");
    let run = runs[0];
    assert_eq!(
        (run.participants + run.buddies) as usize,
        due.len() - 1,
        "every due record but the held one"
    );
    assert_eq!(run.swept.checkin_notes, 1);
    assert!(run.swept.mail_bodies >= 1);
    assert!(run.swept.audit_rows >= 1);

    for c in &due {
        let kind = c.category.kind().code();
        let expected = usize::from(c.id != held.id || c.category.kind() != PersonKind::Participant);
        assert_eq!(
            erasures_of(&a, kind, c.id).await,
            expected,
            "{kind} {}",
            c.id
        );
    }
    let kept = participant::Entity::find_by_id(held.id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(kept.erased_on.is_none());
    let erased = due
        .iter()
        .find(|c| c.category.kind() == PersonKind::Participant && c.id != held.id)
        .unwrap();
    let row = participant::Entity::find_by_id(erased.id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.erasure_reason.as_deref(), Some("retention"));
    assert!(row.first_name.starts_with("Anoniem "));
    let note_of = |id: i32| async move {
        activity::Entity::find_by_id(id)
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .checkin_note
    };
    assert_eq!(note_of(old.id).await.as_deref(), Some(""));
    assert_eq!(note_of(recent.id).await.as_deref(), Some("recente notitie"));
    let bodies: Vec<String> = outbox::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.body)
        .collect();
    assert!(!bodies.iter().any(|b| b == "oude mail"));
    assert!(bodies.iter().any(|b| b == "recente mail"));

    // The same day again: nothing (the day is taken). The log has the run, finished.
    assert_eq!(run_due(&a).await.unwrap(), None);
    let log = app::db::retention::runs(db, 10).await.unwrap();
    assert_eq!(log.len(), 1);
    assert!(log[0].finished_at.is_some());
    assert_eq!(log[0].participants, run.participants);

    // A month on, the hold has ended: the held record goes, once.
    a.clock.advance(Duration::days(31));
    let later = run_due(&b).await.unwrap().expect("the new day's run");
    assert!(later.participants >= 1);
    assert_eq!(erasures_of(&a, "participant", held.id).await, 1);
    assert_eq!(app::db::retention::runs(db, 10).await.unwrap().len(), 2);

    // The log stays append-only for everything younger than a year: no change, no delete.
    let recent = audit_log::Entity::delete_many()
        .filter(audit_log::Column::At.gt(chrono::Utc::now() - Duration::days(30)))
        .exec(db)
        .await;
    assert!(recent.is_err(), "a recent audit row was deleted");
    let changed = audit_log::Entity::update_many()
        .col_expr(
            audit_log::Column::Action,
            sea_orm::sea_query::Expr::value("read"),
        )
        .exec(db)
        .await;
    assert!(changed.is_err(), "an audit row was changed");
}

on_both_databases!(the_daily_job_erases_what_is_due_once_by_one_of_two_instances => the_daily_job_erases_what_is_due_once);

async fn periods_and_holds_through_the_server(backend: Backend) {
    use app::domain::account::Role;
    use app::domain::validation::Problem;
    use app::error::AppError;
    use axum::http::StatusCode;
    use common::server::Server;

    let server = Server::new(backend).await;
    let db = &server.test.db;
    app::demo::fill(db, common::test_now(), common::test_now().date_naive())
        .await
        .unwrap();
    let admin = server.session_for("a@example.be", Role::Admin).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let form = |months: &str| {
        vec![
            ("form[participant_months]", months.to_owned()),
            ("form[candidate_months]", "6".to_owned()),
            ("form[buddy_months]", "24".to_owned()),
            ("form[checkin_note_months]", "12".to_owned()),
            ("form[mail_body_days]", "30".to_owned()),
            ("form[audit_log_months]", "60".to_owned()),
        ]
    };
    let send = |cookie: String, fields: Vec<(&'static str, String)>| {
        let server = &server;
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            server.call("save_retention", &pairs, Some(&cookie)).await
        }
    };
    // 0, -1, ten thousand years, text: refused at the field, nothing written.
    for bad in ["0", "-1", "120000", "twee jaar"] {
        let reply = send(admin.clone(), form(bad)).await;
        assert!(
            matches!(
                reply.error().problem_at("participant_months"),
                Some(Problem::OutOfRange { .. } | Problem::Invalid)
            ),
            "{bad}: {}",
            reply.body
        );
    }
    assert_eq!(app::db::retention::settings(db).await.unwrap().1, None);
    // A coordinator may not change the periods; an admin may.
    let refused = send(coordinator.clone(), form("36")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let saved = send(admin.clone(), form("36")).await;
    assert!(saved.status.is_success(), "{}", saved.body);
    let (settings, version) = app::db::retention::settings(db).await.unwrap();
    assert_eq!((settings.participant_months, version), (36, Some(1)));

    // The overview lists what is due; a hold needs a later day within a year and a reason.
    let reply = server
        .call("load_retention_overview", &[], Some(&coordinator))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let overview: app::api::retention::RetentionOverview =
        serde_json::from_str(&reply.body).unwrap();
    let case = overview
        .due
        .first()
        .expect("something due in the demo")
        .clone();
    let id = case.id.to_string();
    let kind = case.category.kind().code();
    let hold = |until: &'static str, reason: &'static str| {
        let (server, coordinator, id) = (&server, coordinator.clone(), id.clone());
        async move {
            server
                .call(
                    "hold_record",
                    &[
                        ("kind", kind),
                        ("id", &id),
                        ("form[until]", until),
                        ("form[reason]", reason),
                    ],
                    Some(&coordinator),
                )
                .await
        }
    };
    let past = hold("2020-01-01", "dispute").await;
    assert_eq!(past.error().problem_at("until"), Some(&Problem::Invalid));
    let no_reason = hold("2027-01-15", "").await;
    assert_eq!(
        no_reason.error().problem_at("reason"),
        Some(&Problem::Required)
    );
    let ok = hold("2027-01-15", "person_asked").await;
    assert!(ok.status.is_success(), "{}", ok.body);
    let reply = server
        .call("load_retention_overview", &[], Some(&coordinator))
        .await;
    let overview: app::api::retention::RetentionOverview =
        serde_json::from_str(&reply.body).unwrap();
    let held = overview
        .held
        .iter()
        .find(|c| c.id == case.id && c.category == case.category)
        .unwrap();
    assert_eq!(
        held.held_until.map(|d| d.to_string()),
        Some("2027-01-15".into())
    );
    assert!(
        !overview
            .due
            .iter()
            .any(|c| c.id == case.id && c.category == case.category)
    );
    let unknown = server
        .call(
            "hold_record",
            &[
                ("kind", "participant"),
                ("id", "987654"),
                ("form[until]", "2027-01-15"),
                ("form[reason]", "dispute"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(unknown.error(), AppError::NotFound);
    // The buddy and the partner see none of it.
    for role in [Role::Buddy, Role::Screener] {
        let cookie = server
            .session_for(&format!("{}@example.be", role.code()), role)
            .await;
        let reply = server
            .call("load_retention_overview", &[], Some(&cookie))
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
    }
}

on_both_databases!(periods_and_holds_are_checked_and_kept => periods_and_holds_through_the_server);

/// `klik serve` migrates on a pool of several SQLite connections; a connection that has not
/// read since an earlier migration made a trigger must still replace it (it once took
/// `DROP TRIGGER IF EXISTS` for a no-op and the start failed).
#[tokio::test]
async fn the_migrations_run_on_a_pool_of_sqlite_connections() {
    use sea_orm::{ConnectionTrait, Statement};

    for _ in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/klik.db", dir.path().display());
        let db = app::db::connect(&url, 4).await.unwrap();
        app::db::migrate(&db)
            .await
            .expect("migrations run on a pool");
        let row = db
            .query_one_raw(Statement::from_string(
                sea_orm::DbBackend::Sqlite,
                "SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_delete'",
            ))
            .await
            .unwrap()
            .unwrap();
        let sql: String = row.try_get_by_index(0).unwrap();
        assert!(sql.contains("-12 months"), "{sql}");
    }
}

/// A run stopped halfway (the process killed after it claimed the day and erased one record):
/// nothing is half-erased, the log shows the run as not finished, and the next day's run
/// erases the rest, each record once.
async fn a_run_killed_halfway_is_finished_the_next_day(backend: Backend) {
    use app::domain::privacy::ErasureReason;

    let test = common::test_db(backend).await;
    let state = common::test_state(&test);
    let db = &state.db;
    let now = common::test_now();
    let today = now.date_naive();
    app::demo::fill(db, now, today).await.unwrap();
    let tz = state.config.time_zone;
    let (settings, _) = app::db::retention::settings(db).await.unwrap();
    let due: Vec<_> = app::db::retention::cases(db, &settings, tz)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.is_due(today))
        .collect();
    assert!(due.len() >= 2);

    // What the killed run did: it claimed today and erased the first record (its own
    // transaction, committed); the process died before the next one.
    assert!(
        app::db::retention::claim_run(db, today, now)
            .await
            .unwrap()
            .is_some()
    );
    let first = &due[0];
    let txn = state.begin().await.unwrap();
    app::db::privacy::erase(
        &txn,
        first.category.kind(),
        first.id,
        first.version,
        ErasureReason::Retention,
        "Anoniem AAAAAA",
        today,
        now,
    )
    .await
    .unwrap();
    app::db::audit::insert(
        &txn,
        now,
        None,
        app::domain::audit::AuditAction::Erase,
        Some((first.category.kind().code(), first.id.to_string())),
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();

    // The same day: the day is taken, nothing runs; the log says the run did not finish.
    assert_eq!(run_due(&state).await.unwrap(), None);
    let log = app::db::retention::runs(db, 5).await.unwrap();
    assert!(log[0].finished_at.is_none());

    // The next day: the rest, and the first one not again.
    state.clock.advance(Duration::days(1));
    let run = run_due(&state).await.unwrap().expect("the next day's run");
    assert_eq!((run.participants + run.buddies) as usize, due.len() - 1);
    for c in &due {
        assert_eq!(
            erasures_of(&state, c.category.kind().code(), c.id).await,
            1,
            "{:?} {}",
            c.category,
            c.id
        );
    }
    let log = app::db::retention::runs(db, 5).await.unwrap();
    assert_eq!(log.len(), 2);
    assert!(log[0].finished_at.is_some() && log[1].finished_at.is_none());
}

on_both_databases!(a_run_killed_halfway_is_finished_the_next_day_without_a_second_erasure => a_run_killed_halfway_is_finished_the_next_day);
