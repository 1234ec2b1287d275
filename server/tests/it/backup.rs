//! `klik backup` and `klik restore` on SQLite: a backup taken while another task writes is
//! consistent and holds every row committed before it began; it restores into a stopped
//! installation; a file that is missing, empty, not a database or not Klik's is refused in
//! words and changes nothing; a database that a server holds is never overwritten.

use crate::common;

use app::db::entities::audit_log;
use klik_server::backup::{backup, before_upgrade, check, hold, nightly, restore};
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

#[tokio::test]
async fn an_older_schema_is_backed_up_before_the_upgrade_and_a_current_one_is_not() {
    use migrations::{Migrator, MigratorTrait};
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir, "data/klik.db");
    let now = common::test_now();
    // A new installation: nothing to keep.
    assert_eq!(before_upgrade(&url, None, now).await.unwrap(), None);

    // The schema of an earlier release: all migrations but the last two, with a row.
    let db = app::db::connect(&url, 1).await.unwrap();
    let all = Migrator::migrations().len() as u32;
    Migrator::up(&db, Some(all - 2)).await.unwrap();
    audit_log::ActiveModel {
        at: Set(now),
        action: Set("read".into()),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap();
    let (applied, pending) = app::db::schema_lag(&db).await.unwrap();
    assert_eq!((applied, pending.len()), (all as usize - 2, 2));
    db.close().await.unwrap();

    let backups = dir.path().join("backups");
    let file = before_upgrade(&url, Some(&backups), now)
        .await
        .unwrap()
        .expect("a backup before the upgrade");
    assert!(file.starts_with(&backups));
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with(&format!("klik-before-{}-", pending[0])),
        "{name}"
    );
    let checked = check(&file).await.unwrap();
    assert_eq!(checked.migrations, i64::from(all - 2));

    // Without KLIK_BACKUP_DIR it goes beside the database.
    let beside = before_upgrade(&url, None, now + chrono::Duration::seconds(1))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(beside.parent(), Some(dir.path().join("data").as_path()));

    // Once migrated, the next start finds nothing to keep.
    let db = app::db::connect(&url, 1).await.unwrap();
    app::db::migrate(&db).await.unwrap();
    assert_eq!(
        app::db::schema_lag(&db).await.unwrap().1,
        Vec::<String>::new()
    );
    db.close().await.unwrap();
    assert_eq!(
        before_upgrade(&url, Some(&backups), now).await.unwrap(),
        None
    );
    // PostgreSQL: pg_dump's job.
    let pg = "postgres://postgres@127.0.0.1:5432/klik";
    assert_eq!(before_upgrade(pg, None, now).await.unwrap(), None);
}

#[tokio::test]
async fn nightly_backups_come_once_a_day_and_the_oldest_go() {
    let source = demo_programme().await;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("nightly");
    // A file of the admin's own in the folder is never touched.
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("klik-notes.txt"), b"eigen bestand").unwrap();
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    for d in 1..=5 {
        let written = nightly(&source.url, &folder, 3, day(d)).await.unwrap();
        assert_eq!(
            written,
            Some(folder.join(format!("klik-2026-12-{d:02}.sqlite")))
        );
        // The same day again: nothing new.
        assert_eq!(
            nightly(&source.url, &folder, 3, day(d)).await.unwrap(),
            None
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "klik-2026-12-03.sqlite",
            "klik-2026-12-04.sqlite",
            "klik-2026-12-05.sqlite",
            "klik-notes.txt"
        ]
    );
    let checked = check(&folder.join("klik-2026-12-05.sqlite")).await.unwrap();
    assert!(checked.participants > 0);

    // A folder that cannot be written: said, and no half file left with the day's name.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, b"a file, not a folder").unwrap();
    let refused = nightly(&source.url, &blocked, 3, day(6)).await.unwrap_err();
    assert!(
        refused.contains("cannot create the backup folder"),
        "{refused}"
    );
}

/// The jobs make the nightly backup when `KLIK_BACKUP_DIR` is set.
#[tokio::test]
async fn the_background_jobs_write_the_nightly_backup() {
    let source = demo_programme().await;
    let dir = tempfile::tempdir().unwrap();
    let mut state = common::test_state(&source);
    let mut config = (*state.config).clone();
    config.backup_dir = Some(dir.path().to_path_buf());
    state.config = Arc::new(config);
    let runner = klik_server::jobs::JobRunner::new(state.clone()).unwrap();
    runner.tick().await;
    let today = app::domain::time::local_date(state.clock.now(), state.config.time_zone);
    let file = dir
        .path()
        .join(format!("klik-{}.sqlite", today.format("%Y-%m-%d")));
    assert!(check(&file).await.is_ok(), "{} written", file.display());
}
