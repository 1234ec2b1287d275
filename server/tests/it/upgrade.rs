//! Upgrades: a database that `klik demo` of an earlier release filled (the fixtures in
//! `server/tests/fixtures/upgrade`, made as its README says and never edited) is brought to
//! this build's schema by the migrations that `klik serve` runs on start, on SQLite and on
//! PostgreSQL, without losing a row.

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::common::{self, Backend};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/upgrade")
        .join(name)
}

/// The fixtures' release: the schema they hold.
const RELEASE: &str = "2026-12-06";

/// Every table's number of rows (the migrations' own table aside).
async fn rows(db: &DatabaseConnection) -> BTreeMap<String, i64> {
    let backend = db.get_database_backend();
    let list = match backend {
        DbBackend::Postgres => {
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        }
        _ => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1"
        }
    };
    let mut counts = BTreeMap::new();
    for row in db
        .query_all_raw(Statement::from_string(backend, list.to_owned()))
        .await
        .unwrap()
    {
        let table: String = row.try_get_by_index(0).unwrap();
        if table == "seaql_migrations" {
            continue;
        }
        let count: i64 = db
            .query_one_raw(Statement::from_string(
                backend,
                format!("SELECT COUNT(*) FROM \"{table}\""),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index(0)
            .unwrap();
        counts.insert(table, count);
    }
    counts
}

/// Migrates `db` and checks that no table lost a row and that the schema is current.
async fn upgrade_keeps_every_row(db: DatabaseConnection, url: &str) {
    let before = rows(&db).await;
    assert!(
        before.get("participant").copied().unwrap_or(0) > 50,
        "the fixture holds the demo programme: {before:?}"
    );
    let (applied, _) = app::db::schema_lag(&db).await.unwrap();
    assert!(applied > 0, "the fixture has a Klik schema");
    db.close().await.unwrap();

    // As `klik serve` does on start: a new pool, then the migrations.
    let db = app::db::connect(url, 2).await.unwrap();
    app::db::migrate(&db).await.expect("the upgrade runs");
    let (_, pending) = app::db::schema_lag(&db).await.unwrap();
    assert_eq!(pending, Vec::<String>::new(), "the schema is current");
    let after = rows(&db).await;
    for (table, count) in &before {
        let now = after.get(table).copied().unwrap_or(0);
        assert!(
            now >= *count,
            "{table}: {count} rows before the upgrade, {now} after"
        );
    }
    // And the upgraded programme serves: its participants list and a report read whole.
    let today = common::test_now().date_naive();
    let tz = app::domain::time::DEFAULT_TIME_ZONE;
    let period = app::domain::report::Period {
        from: today - chrono::Days::new(365),
        to: today,
    };
    app::db::reports::activity_summary(&db, period, tz, 21)
        .await
        .expect("reports read the upgraded data");
    db.close().await.unwrap();
}

#[tokio::test]
async fn a_sqlite_database_of_the_last_release_upgrades_without_losing_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("klik.db");
    std::fs::copy(fixture(&format!("demo-{RELEASE}.sqlite")), &file).unwrap();
    let url = format!("sqlite://{}", file.display());
    let db = app::db::connect(&url, 1).await.unwrap();
    upgrade_keeps_every_row(db, &url).await;
}

#[tokio::test]
async fn a_postgres_database_of_the_last_release_upgrades_without_losing_a_row() {
    let test = common::empty_db(Backend::Postgres).await;
    // pg_dump's plain output; its psql commands (`\restrict`…) are for psql only.
    let dump = std::fs::read_to_string(fixture(&format!("demo-{RELEASE}.postgres.sql"))).unwrap();
    let sql: String = dump
        .lines()
        .filter(|line| !line.starts_with('\\'))
        .collect::<Vec<_>>()
        .join("\n");
    test.db
        .execute_unprepared(&sql)
        .await
        .expect("the dump loads");
    // The dump empties the search path of its session: a new pool.
    let db = app::db::connect(&test.url, 2).await.unwrap();
    upgrade_keeps_every_row(db, &test.url).await;
}
