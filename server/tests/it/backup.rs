//! `klik backup` and `klik restore` on SQLite: a backup taken while another task writes is
//! consistent and holds every row committed before it began; it restores into a stopped
//! installation; a file that is missing, empty, not a database or not Klik's is refused in
//! words and changes nothing; a database that a server holds is never overwritten.

use crate::common;

use app::db::entities::audit_log;
use klik_server::backup::{backup, check, hold, restore};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, PaginatorTrait};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

fn sqlite_url(dir: &tempfile::TempDir, name: &str) -> String {
    format!("sqlite://{}", dir.path().join(name).display())
}

/// An SQLite file holding the demo programme.
async fn demo_programme() -> common::TestDb {
    let source = common::test_db(common::Backend::Sqlite).await;
    let today = common::test_now().date_naive();
    app::demo::fill(&source.db, common::test_now(), today)
        .await
        .unwrap();
    source
}

#[tokio::test]
async fn a_backup_under_writes_is_whole_and_restores() {
    let source = demo_programme().await;
    // A writer commits rows one by one while the backup runs.
    let committed = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, committed, stop) = (source.db.clone(), committed.clone(), stop.clone());
        tokio::spawn(async move {
            while !stop.load(Ordering::SeqCst) {
                audit_log::ActiveModel {
                    at: Set(common::test_now()),
                    action: Set("read".into()),
                    ..Default::default()
                }
                .insert(&db)
                .await
                .unwrap();
                committed.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    while committed.load(Ordering::SeqCst) < 20 {
        tokio::task::yield_now().await;
    }
    let rows_before = audit_log::Entity::find().count(&source.db).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("klik-backup.db");
    let checked = backup(&source.url, &file).await.expect("backup");
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    assert!(checked.bytes > 0 && checked.migrations > 0);
    let participants = app::db::entities::participant::Entity::find()
        .count(&source.db)
        .await
        .unwrap();
    assert_eq!(checked.participants as u64, participants);

    // Restored into another, stopped installation: every row committed before it began.
    let target = sqlite_url(&dir, "restored/klik.db");
    let restored = restore(&target, &file).await.expect("restore");
    assert_eq!(restored, checked);
    let db = app::db::connect(&target, 1).await.unwrap();
    app::db::migrate(&db)
        .await
        .expect("the restored database migrates");
    let rows = audit_log::Entity::find().count(&db).await.unwrap();
    assert!(rows >= rows_before, "{rows} < {rows_before}");
    assert_eq!(
        app::db::entities::participant::Entity::find()
            .count(&db)
            .await
            .unwrap(),
        participants
    );
    db.close().await.unwrap();

    // A backup never overwrites a file.
    let again = backup(&source.url, &file).await.unwrap_err();
    assert!(again.contains("exists already"), "{again}");
}

#[tokio::test]
async fn bad_files_and_a_database_in_use_are_refused_and_nothing_changes() {
    let source = demo_programme().await;
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.db");
    backup(&source.url, &good).await.unwrap();

    // The installation to protect: restored once, then held by a "server".
    let target = sqlite_url(&dir, "klik.db");
    restore(&target, &good).await.unwrap();
    let target_file = dir.path().join("klik.db");
    let before = std::fs::read(&target_file).unwrap();

    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"dit is geen databank").unwrap();
    let other = dir.path().join("other.db");
    {
        let db = app::db::connect(&format!("sqlite://{}", other.display()), 1)
            .await
            .unwrap();
        sea_orm::ConnectionTrait::execute_unprepared(&db, "CREATE TABLE t (x INTEGER)")
            .await
            .unwrap();
        db.close().await.unwrap();
    }
    for (file, words) in [
        (dir.path().join("missing.db"), "cannot read"),
        (empty, "not a Klik database"),
        (junk, "cannot be opened"),
        (other, "not a Klik database"),
    ] {
        let refused = restore(&target, &file).await.unwrap_err();
        assert!(refused.contains(words), "{}: {refused}", file.display());
        assert!(check(&file).await.is_err());
    }
    assert_eq!(std::fs::read(&target_file).unwrap(), before);

    // While a server holds it, no restore; once it stopped, the restore goes through.
    let serving = hold(&target).unwrap().expect("an SQLite lock");
    let refused = restore(&target, &good).await.unwrap_err();
    assert!(refused.contains("in use"), "{refused}");
    assert_eq!(std::fs::read(&target_file).unwrap(), before);
    drop(serving);
    restore(&target, &good).await.expect("restore once stopped");

    // PostgreSQL has its own tools: said, nothing done.
    let pg = "postgres://postgres@127.0.0.1:5432/klik";
    assert!(
        backup(pg, &dir.path().join("pg.db"))
            .await
            .unwrap_err()
            .contains("pg_dump")
    );
    assert!(restore(pg, &good).await.unwrap_err().contains("pg_dump"));
    assert!(hold(pg).unwrap().is_none());
}
