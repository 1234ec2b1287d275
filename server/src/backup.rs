//! `klik backup FILE` and `klik restore FILE` for an SQLite installation. A backup is
//! SQLite's `VACUUM INTO`: one consistent snapshot, also while the server writes (a plain copy
//! of a database in WAL mode can miss or tear the latest transactions). Every backup and every
//! file to restore is checked: SQLite's integrity check and Klik's migrations table.
//! `klik serve` holds a shared lock on `<database>.lock` while it runs; a restore takes it
//! exclusively, so it never overwrites a database in use. PostgreSQL has its own tools
//! (`pg_dump`, `pg_restore`): see the README.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

/// What a checked backup holds.
#[derive(Debug, PartialEq, Eq)]
pub struct Checked {
    pub bytes: u64,
    pub migrations: i64,
    pub participants: i64,
}

const NOT_SQLITE: &str = "DATABASE_URL is not an SQLite file: for PostgreSQL use pg_dump and \
                          pg_restore (see the README, \"Backups\")";

fn lock_file(database: &Path) -> Result<File, String> {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    if let Some(folder) = database.parent()
        && !folder.as_os_str().is_empty()
    {
        std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {folder:?}: {e}"))?;
    }
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(PathBuf::from(name))
        .map_err(|e| format!("cannot open the lock file beside the database: {e}"))
}

/// Marks the SQLite database of `url` as in use until the returned file is dropped (several
/// servers may share it; a restore may not). `None` for PostgreSQL.
pub fn hold(url: &str) -> Result<Option<File>, String> {
    let Some(database) = app::db::sqlite_file(url) else {
        return Ok(None);
    };
    let file = lock_file(&database)?;
    match file.try_lock_shared() {
        Ok(()) => Ok(Some(file)),
        Err(TryLockError::WouldBlock) => {
            Err("a restore of this database is under way: start again when it is done".into())
        }
        Err(TryLockError::Error(e)) => Err(format!("cannot lock the database: {e}")),
    }
}

/// Copies the SQLite database of `url` into the new file `target`, then checks the copy.
pub async fn backup(url: &str, target: &Path) -> Result<Checked, String> {
    if app::db::sqlite_file(url).is_none() {
        return Err(NOT_SQLITE.into());
    }
    if target.exists() {
        return Err(format!(
            "{} exists already: a backup never overwrites a file, choose a new name",
            target.display()
        ));
    }
    let Some(path) = target.to_str() else {
        return Err("the backup's file name must be plain text (UTF-8)".into());
    };
    let db = app::db::connect(url, 1)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let copied = db
        .execute_unprepared(&format!("VACUUM INTO '{}'", path.replace('\'', "''")))
        .await
        .map_err(|e| format!("the backup failed: {e}"));
    let _ = db.close().await;
    copied?;
    check(target).await
}

/// Whether `file` is a sound Klik database: SQLite's integrity check passes and Klik's
/// migrations table is there. Opened read-only: checking changes nothing.
pub async fn check(file: &Path) -> Result<Checked, String> {
    let bytes = std::fs::metadata(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?
        .len();
    let url = format!("sqlite://{}?mode=ro", file.display());
    let db = Database::connect(url.as_str())
        .await
        .map_err(|e| format!("{} cannot be opened as a database: {e}", file.display()))?;
    let result = async {
        let not_klik = || format!("{} is not a Klik database", file.display());
        let one = |sql: &str| Statement::from_string(DbBackend::Sqlite, sql.to_owned());
        let integrity: String = db
            .query_one_raw(one("PRAGMA integrity_check"))
            .await
            .map_err(|_| not_klik())?
            .and_then(|row| row.try_get_by_index(0).ok())
            .ok_or_else(not_klik)?;
        if integrity != "ok" {
            return Err(format!("{} is damaged: {integrity}", file.display()));
        }
        let count = |table: &str| format!("SELECT COUNT(*) FROM {table}");
        let migrations: i64 = db
            .query_one_raw(one(&count("seaql_migrations")))
            .await
            .map_err(|_| not_klik())?
            .and_then(|row| row.try_get_by_index(0).ok())
            .filter(|n: &i64| *n > 0)
            .ok_or_else(not_klik)?;
        let participants: i64 = db
            .query_one_raw(one(&count("participant")))
            .await
            .map_err(|_| not_klik())?
            .and_then(|row| row.try_get_by_index(0).ok())
            .ok_or_else(not_klik)?;
        Ok(Checked {
            bytes,
            migrations,
            participants,
        })
    }
    .await;
    let _ = db.close().await;
    result
}

/// Puts the checked backup `source` in place of the SQLite database of `url`, which no
/// server may be using.
pub async fn restore(url: &str, source: &Path) -> Result<Checked, String> {
    let Some(database) = app::db::sqlite_file(url) else {
        return Err(NOT_SQLITE.into());
    };
    let checked = check(source).await?;
    let lock = lock_file(&database)?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            return Err(
                "the database is in use: stop every `klik serve` on it, then restore".into(),
            );
        }
        Err(TryLockError::Error(e)) => return Err(format!("cannot lock the database: {e}")),
    }
    // Copy beside it, then rename: the database is either the old one or the whole backup.
    let mut partial = database.as_os_str().to_owned();
    partial.push(".restoring");
    let partial = PathBuf::from(partial);
    std::fs::copy(source, &partial).map_err(|e| format!("cannot copy the backup: {e}"))?;
    File::open(&partial)
        .and_then(|f| f.sync_all())
        .map_err(|e| format!("cannot write the copy: {e}"))?;
    // The old database's write-ahead log belongs to it, not to the backup.
    for suffix in ["-wal", "-shm"] {
        let mut side = database.as_os_str().to_owned();
        side.push(suffix);
        match std::fs::remove_file(PathBuf::from(side)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot remove the old write-ahead log: {e}")),
        }
    }
    std::fs::rename(&partial, &database)
        .map_err(|e| format!("cannot put the backup in place: {e}"))?;
    drop(lock);
    Ok(checked)
}

/// Before `klik serve` migrates an SQLite database that holds a Klik schema of an earlier
/// release: a checked backup, so that an upgrade can be rolled back by restoring it. It goes
/// to `KLIK_BACKUP_DIR`, or beside the database. `None` when there is nothing to keep (a new
/// database, a schema already up to date, PostgreSQL).
pub async fn before_upgrade(
    url: &str,
    dir: Option<&Path>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<PathBuf>, String> {
    let Some(database) = app::db::sqlite_file(url) else {
        return Ok(None);
    };
    if !database.exists() {
        return Ok(None);
    }
    let db = app::db::connect(url, 1)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let lag = app::db::schema_lag(&db).await;
    let _ = db.close().await;
    let (applied, pending) = lag.map_err(|e| format!("cannot read the schema's version: {e}"))?;
    let Some(first) = pending.first().filter(|_| applied > 0) else {
        return Ok(None);
    };
    let folder = match dir {
        Some(dir) => dir.to_path_buf(),
        None => database.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create the backup folder {}: {e}", folder.display()))?;
    let target = folder.join(format!(
        "klik-before-{}-{}.sqlite",
        first,
        now.format("%Y%m%d-%H%M%S")
    ));
    backup(url, &target).await?;
    Ok(Some(target))
}

/// The name of the nightly backup of `day`.
fn nightly_name(day: chrono::NaiveDate) -> String {
    format!("klik-{}.sqlite", day.format("%Y-%m-%d"))
}

/// The nightly backup (`KLIK_BACKUP_DIR`): one checked backup per day of the programme's
/// calendar, written the first time the jobs run on that day, then the oldest nightly backups
/// beyond `keep` are deleted (other files in the folder are left alone). `None` when today's
/// backup exists already.
pub async fn nightly(
    url: &str,
    dir: &Path,
    keep: u32,
    today: chrono::NaiveDate,
) -> Result<Option<PathBuf>, String> {
    let target = dir.join(nightly_name(today));
    if target.exists() {
        return Ok(None);
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create the backup folder {}: {e}", dir.display()))?;
    // Written under a name of its own, then renamed: a half-written or unchecked file never
    // carries the day's name (and a second instance on the same file does no harm).
    let partial = dir.join(format!(
        "{}.{}.partial",
        nightly_name(today),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&partial);
    if let Err(e) = backup(url, &partial).await {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, &target)
        .map_err(|e| format!("cannot name the backup {}: {e}", target.display()))?;
    let mut kept: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix("klik-")?.strip_suffix(".sqlite"))
                .and_then(|day| chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
                .is_some()
        })
        .collect();
    // Dates sort by name.
    kept.sort();
    let surplus = kept.len().saturating_sub(keep as usize);
    for old in &kept[..surplus] {
        std::fs::remove_file(old)
            .map_err(|e| format!("cannot delete the old backup {}: {e}", old.display()))?;
    }
    Ok(Some(target))
}
