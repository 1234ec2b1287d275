//! Migrations and repository functions, run on SQLite and on PostgreSQL.

use crate::common;

use app::db::settings;
use app::error::AppError;
use chrono::Duration;
use common::{Backend, test_now};
use migrations::{Migrator, MigratorTrait};

on_both_databases! {
    async fn migrations_run_down_and_up_again(test: &TestDb) {
        assert!(Migrator::get_pending_migrations(&test.db).await.unwrap().is_empty());
        Migrator::down(&test.db, None).await.expect("all migrations revert");
        assert_eq!(
            Migrator::get_pending_migrations(&test.db).await.unwrap().len(),
            Migrator::migrations().len()
        );
        Migrator::up(&test.db, None).await.expect("migrations apply again");
        // Running them once more changes nothing.
        app::db::migrate(&test.db).await.expect("idempotent");
        assert!(Migrator::get_pending_migrations(&test.db).await.unwrap().is_empty());
    }

    // One decision for a code Klik does not know in a stored row (a newer release's, or one
    // written by hand): an internal error, never a guess.
    async fn an_unknown_stored_code_is_an_internal_error(test: &TestDb) {
        use app::db::entities::user;
        use sea_orm::sea_query::Expr;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let db = &test.db;
        let new = app::db::users::NewUser {
            email: "rol@example.be",
            display_name: "Rol Onbekend",
            role: app::domain::account::Role::Coordinator,
            password_hash: None,
        };
        let id = app::db::users::create(db, new, test_now()).await.expect("user created").id;
        let known = app::db::users::find(db, id).await.unwrap().unwrap();
        assert_eq!(known.role, app::domain::account::Role::Coordinator);
        user::Entity::update_many()
            .col_expr(user::Column::Role, Expr::value("root"))
            .filter(user::Column::Id.eq(id))
            .exec(db)
            .await
            .expect("role overwritten");
        assert!(matches!(
            app::db::users::find(db, id).await,
            Err(AppError::Internal { .. })
        ));
        assert!(matches!(app::db::users::list(db).await, Err(AppError::Internal { .. })));
        // The decoding itself names the table, column and value (in the server log).
        assert!(app::db::decode::<app::domain::account::Role>("user", "role", "admin").is_ok());
    }

    async fn a_setting_is_written_read_and_versioned(test: &TestDb) {
        let db = &test.db;
        assert_eq!(settings::get(db, "programme_name").await.unwrap(), None);
        let v1 = settings::put(db, "programme_name", "Buddywerking Lier", None, test_now())
            .await
            .unwrap();
        assert_eq!(v1, 1);
        let v2 = settings::put(db, "programme_name", "Buddywerking Mechelen", Some(v1), test_now() + Duration::minutes(1))
            .await
            .unwrap();
        assert_eq!(v2, 2);
        let stored = settings::get(db, "programme_name").await.unwrap().unwrap();
        assert_eq!(stored.value, "Buddywerking Mechelen");
        assert_eq!(stored.version, 2);
    }

    async fn a_stale_write_is_refused_and_changes_nothing(test: &TestDb) {
        let db = &test.db;
        settings::put(db, "programme_name", "Eerste", None, test_now()).await.unwrap();
        // Two coordinators read version 1; the first write wins.
        settings::put(db, "programme_name", "Tweede", Some(1), test_now()).await.unwrap();
        let stale = settings::put(db, "programme_name", "Derde", Some(1), test_now()).await;
        assert_eq!(stale, Err(AppError::Conflict));
        // Creating a key that already exists is a conflict too, not a crash.
        let duplicate = settings::put(db, "programme_name", "Vierde", None, test_now()).await;
        assert_eq!(duplicate, Err(AppError::Conflict));
        // Updating a key that does not exist is a conflict: there is no version to match.
        let missing = settings::put(db, "unknown", "x", Some(1), test_now()).await;
        assert_eq!(missing, Err(AppError::Conflict));
        let stored = settings::get(db, "programme_name").await.unwrap().unwrap();
        assert_eq!((stored.value.as_str(), stored.version), ("Tweede", 2));
    }

    async fn text_round_trips_unchanged(test: &TestDb) {
        let value = "Buddywerking Sint-Katelijne-Waver — “klik” 🙂 'quotes' ; DROP TABLE setting;";
        settings::put(&test.db, "programme_name", value, None, test_now()).await.unwrap();
        let stored = settings::get(&test.db, "programme_name").await.unwrap().unwrap();
        assert_eq!(stored.value, value);
    }
}

#[tokio::test]
async fn sqlite_files_use_wal_and_foreign_keys() {
    use sea_orm::{ConnectionTrait, Statement};
    let test = common::test_db(Backend::Sqlite).await;
    let pragma = |sql: &'static str| {
        let db = test.db.clone();
        async move {
            let row = db
                .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap()
                .unwrap();
            row.try_get_by_index::<String>(0)
                .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
                .unwrap()
        }
    };
    assert_eq!(pragma("PRAGMA journal_mode").await, "wal");
    assert_eq!(pragma("PRAGMA foreign_keys").await, "1");
    assert_eq!(pragma("PRAGMA busy_timeout").await, "10000");
}

#[tokio::test]
async fn sqlite_folder_is_created_on_first_start() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/nested/data/klik.db", dir.path().display());
    let db = app::db::connect(&url, 1)
        .await
        .expect("folder and file are created");
    app::db::migrate(&db).await.unwrap();
    assert!(dir.path().join("nested/data/klik.db").exists());
}

on_both_databases! {
    async fn codes_steps_and_invitations_are_used_once(test: &TestDb) {
        use app::db::{invitations, two_factor, users};
        use app::domain::account::Role;

        let db = &test.db;
        let now = test_now();
        let new = users::NewUser { email: "an@example.be", display_name: "An", role: Role::Buddy, password_hash: None };
        let user = users::create(db, new, now).await.unwrap();

        two_factor::set_pending(db, user.id, "SECRET", now).await.unwrap();
        let hashes = vec!["h1".to_owned(), "h2".to_owned()];
        two_factor::confirm(db, user.id, "SECRET", 100, &hashes, now).await.unwrap();
        let secrets = two_factor::secrets(db, user.id).await.unwrap();
        assert_eq!((secrets.secret.as_deref(), secrets.pending, secrets.last_step), (Some("SECRET"), None, Some(100)));
        assert!(!two_factor::use_step(db, user.id, 100).await.unwrap(), "same step again");
        assert!(two_factor::use_step(db, user.id, 101).await.unwrap());
        assert!(two_factor::use_recovery_code(db, user.id, "h1", now).await.unwrap());
        assert!(!two_factor::use_recovery_code(db, user.id, "h1", now).await.unwrap());
        assert_eq!(two_factor::unused_recovery_codes(db, user.id).await.unwrap(), 1);
        two_factor::disable(db, user.id, now).await.unwrap();
        assert_eq!(two_factor::secrets(db, user.id).await.unwrap(), two_factor::Secrets::default());
        assert_eq!(two_factor::unused_recovery_codes(db, user.id).await.unwrap(), 0);

        invitations::create(db, user.id, "t1", None, now, now + Duration::days(7)).await.unwrap();
        invitations::create(db, user.id, "t2", None, now, now + Duration::days(7)).await.unwrap();
        assert!(invitations::find_open(db, "t1", now).await.unwrap().is_none(), "replaced");
        let (open, account) = invitations::find_open(db, "t2", now).await.unwrap().unwrap();
        assert_eq!(account.id, user.id);
        assert!(invitations::find_open(db, "t2", now + Duration::days(8)).await.unwrap().is_none());
        assert!(invitations::mark_used(db, open.id, now).await.unwrap());
        assert!(!invitations::mark_used(db, open.id, now).await.unwrap());
        assert!(invitations::find_open(db, "t2", now).await.unwrap().is_none());
    }
}

// A change and its audit row go to the database in one round trip (`db::audit::
// with_change`): the change's own row count comes back, and it is all or nothing.
on_both_databases! {
    async fn a_change_and_its_audit_row_are_written_together(test: &TestDb) {
        use app::db::audit::{NewRow, with_change, with_change_alone};
        use app::db::entities::{audit_log, setting};
        use app::db::writes::WriteGate;
        use app::domain::audit::AuditAction;
        use sea_orm::sea_query::Expr;
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryTrait};
        let db = &test.db;
        settings::put(db, "colour", "red", None, test_now()).await.unwrap();
        let gate = WriteGate::for_url(&test.url);
        let set = |key: &str, value: &str| {
            setting::Entity::update_many()
                .col_expr(setting::Column::Value, Expr::value(value))
                .filter(setting::Column::Key.eq(key))
                .into_query()
        };
        let row = |id: &str| NewRow {
            at: test_now(),
            actor_id: Some(7),
            action: AuditAction::Update,
            record: Some(("setting", id.to_owned())),
        };
        let audited = || async { audit_log::Entity::find().count(db).await.unwrap() };
        let before = audited().await;

        // Twice, so that the second runs from the statement cache.
        for value in ["green", "blue"] {
            let txn = gate.begin(db).await.unwrap();
            let rows = with_change(&txn, set("colour", value), &row(value)).await.unwrap();
            assert_eq!(rows, 1, "the change's own rows, not the audit row's");
            txn.commit().await.unwrap();
        }
        assert_eq!(settings::get(db, "colour").await.unwrap().unwrap().value, "blue");
        assert_eq!(audited().await, before + 2);
        let last = audit_log::Entity::find()
            .filter(audit_log::Column::RecordId.eq("blue"))
            .one(db)
            .await
            .unwrap()
            .expect("the audit row of the second change");
        assert_eq!(
            (last.actor_id, last.action.as_str(), last.record_kind.as_deref()),
            (Some(7), "update", Some("setting"))
        );
        assert_eq!(last.at, test_now());

        // Nothing to change (another answer came first): 0, and the caller rolls back.
        let txn = gate.begin(db).await.unwrap();
        let rows = with_change(&txn, set("no such key", "x"), &row("none")).await.unwrap();
        assert_eq!(rows, 0);
        txn.rollback().await.unwrap();
        assert_eq!(audited().await, before + 2);

        // A change the database refuses (the log is append-only): no row appended either.
        let refused = audit_log::Entity::update_many()
            .col_expr(audit_log::Column::RecordId, Expr::value("changed"))
            .into_query();
        let txn = gate.begin(db).await.unwrap();
        with_change(&txn, refused, &row("refused")).await.expect_err("append-only");
        txn.rollback().await.unwrap();
        assert_eq!(audited().await, before + 2);
        let changed = audit_log::Entity::find()
            .filter(audit_log::Column::RecordId.eq("changed"))
            .count(db)
            .await
            .unwrap();
        assert_eq!(changed, 0);

        // As a write of its own (on PostgreSQL one statement, without BEGIN and COMMIT):
        // the same three cases, each committed or not by itself.
        let rows = with_change_alone(&gate, db, set("colour", "white"), &row("white"))
            .await
            .unwrap();
        assert_eq!(rows, 1);
        assert_eq!(settings::get(db, "colour").await.unwrap().unwrap().value, "white");
        assert_eq!(audited().await, before + 3);
        let rows = with_change_alone(&gate, db, set("no such key", "x"), &row("none"))
            .await
            .unwrap();
        assert_eq!(rows, 0);
        assert_eq!(audited().await, before + 3, "nothing changed, nothing appended");
        let refused = audit_log::Entity::update_many()
            .col_expr(audit_log::Column::RecordId, Expr::value("changed"))
            .into_query();
        with_change_alone(&gate, db, refused, &row("refused"))
            .await
            .expect_err("append-only");
        assert_eq!(audited().await, before + 3);
    }
}

/// SQLite with two connections: transactions that read, then write what they read, all
/// succeed and none overwrites another when each takes its turn (`db::writes`), also while
/// other statements write on the side without a turn.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_write_transactions_take_turns() {
    let test = common::test_db(Backend::Sqlite).await;
    let db = app::db::connect(&test.url, 2).await.unwrap();
    let gate = app::db::writes::WriteGate::for_url(&test.url);
    settings::put(&db, "counter", "0", None, test_now())
        .await
        .unwrap();
    let increments = (0..40).map(|_| {
        let (db, gate) = (db.clone(), gate.clone());
        tokio::spawn(async move {
            let txn = gate.begin(&db).await?;
            let current = settings::get(&txn, "counter").await?.expect("stored");
            tokio::task::yield_now().await;
            let next = (current.value.parse::<i32>().unwrap() + 1).to_string();
            settings::put(&txn, "counter", &next, Some(current.version), test_now()).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        })
    });
    let side = (0..40).map(|i| {
        let db = db.clone();
        tokio::spawn(async move {
            settings::put(&db, &format!("side-{i}"), "x", None, test_now()).await?;
            Ok::<(), AppError>(())
        })
    });
    for task in increments.chain(side).collect::<Vec<_>>() {
        task.await.unwrap().expect("every write succeeds");
    }
    let counter = settings::get(&db, "counter").await.unwrap().unwrap();
    assert_eq!((counter.value.as_str(), counter.version), ("40", 41));
}
