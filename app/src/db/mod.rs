//! Database access (server only): connecting, migrating, and the repository functions.
//! Every function takes a connection, so tests run the same code on SQLite and PostgreSQL.

pub mod activities;
pub mod answer_keys;
pub mod audit;
pub mod buddies;
pub mod calendar;
pub mod drafts;
pub mod duos;
pub mod entities;
pub mod events;
pub mod invitations;
pub mod lists;
pub mod login_attempts;
pub mod matching;
pub mod outbox;
pub mod participants;
mod people_list;
pub mod person_data;
pub mod privacy;
pub mod referrals;
pub mod registers;
pub mod registrations;
pub mod reminders;
pub mod reports;
pub mod retention;
pub mod sessions;
pub mod settings;
pub mod stepping_stones;
pub mod timeline;
pub mod two_factor;
pub mod users;
pub mod writes;

/// A connection or a transaction, for the layers above that must not name sea-orm.
pub use sea_orm::ConnectionTrait as Connection;

use crate::domain::coded::Coded;
use crate::error::AppError;

/// A code read from `table`.`column`, decoded. A code Klik does not know (a newer release's,
/// or one written by hand) is an internal error that names where it was found: never a guess
/// that would show a duo in the wrong stage. Codes are not personal data, so the value is
/// logged too.
pub fn decode<T: Coded>(table: &str, column: &str, code: &str) -> Result<T, AppError> {
    T::from_code(code)
        .ok_or_else(|| AppError::internal(format!("unknown code {code:?} in {table}.{column}")))
}

/// Inserts `row` unless a row with the same `key` exists; `true` when this call inserted it.
/// Several requests or instances may race for one key: exactly one inserts it (on
/// PostgreSQL the others wait for its transaction, then insert nothing).
pub async fn insert_once<A>(
    db: &impl sea_orm::ConnectionTrait,
    row: A,
    key: <A::Entity as sea_orm::EntityTrait>::Column,
) -> Result<bool, AppError>
where
    A: sea_orm::ActiveModelTrait + Send,
{
    use sea_orm::EntityTrait;
    let result = A::Entity::insert(row)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(key)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await;
    match result {
        Ok(rows) => Ok(rows == 1),
        Err(sea_orm::DbErr::RecordNotInserted) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// An optional code (a column that may be null), decoded like [`decode`].
pub fn decode_opt<T: Coded>(
    table: &str,
    column: &str,
    code: Option<&str>,
) -> Result<Option<T>, AppError> {
    code.map(|c| decode(table, column, c)).transpose()
}

use std::str::FromStr;
use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

/// How long a request waits for the database (a pool connection, its turn to write, the
/// SQLite write lock) before it fails.
pub(crate) const PATIENCE: Duration = Duration::from_secs(10);
/// How long a request waits for a PostgreSQL connection before it answers that the database
/// is unavailable.
pub(crate) const OUTAGE_WAIT: Duration = Duration::from_secs(3);

/// After rows were written with their own ids: PostgreSQL's id sequences of `tables` move
/// past the highest id, so that the next insert does not collide. (SQLite needs nothing.)
pub async fn reset_sequences(
    db: &impl sea_orm::ConnectionTrait,
    tables: &[&str],
) -> Result<(), AppError> {
    if db.get_database_backend() != sea_orm::DbBackend::Postgres {
        return Ok(());
    }
    for table in tables {
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             (SELECT COALESCE(MAX(id), 1) FROM {table}))"
        );
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}

/// Whether `url` names an SQLite file (one writer at a time) rather than a server.
pub fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

/// The file of an SQLite URL (`None` for PostgreSQL, or a URL that is not one).
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    if !is_sqlite(url) {
        return None;
    }
    SqliteConnectOptions::from_str(url)
        .ok()
        .map(|o| o.get_filename().to_path_buf())
}

/// Opens a pool on `url`. For SQLite the file (and its folder) is created when missing, in
/// WAL mode with foreign keys on and a busy timeout so that concurrent writers wait.
pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    if is_sqlite(url) {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| DbErr::Custom(format!("invalid SQLite URL: {e}")))?;
        if let Some(folder) = options.get_filename().parent()
            && !folder.as_os_str().is_empty()
        {
            std::fs::create_dir_all(folder)
                .map_err(|e| DbErr::Custom(format!("cannot create {folder:?}: {e}")))?;
        }
    }
    let mut options = ConnectOptions::new(url);
    if is_sqlite(url) {
        // A SQLite file cannot go stale the way a network connection can: no ping before
        // each use (a round trip to the connection's thread per statement).
        options.test_before_acquire(false);
    } else {
        // A ping before every statement doubled the round trips to PostgreSQL. A connection
        // in use a moment ago is alive, or broke in use and was dropped (sqlx pings each one
        // it takes back); one idle for longer may have been cut, and is pinged first.
        options.test_before_acquire_if_idle_for(IDLE_BEFORE_PING);
    }
    options
        .max_connections(max_connections)
        .connect_timeout(PATIENCE)
        // While PostgreSQL is down a request waits this long for a connection, then answers
        // 503 (`AppError::Unavailable`) instead of hanging; sqlx keeps retrying until then.
        .acquire_timeout(if is_sqlite(url) {
            PATIENCE
        } else {
            OUTAGE_WAIT
        })
        // Statements carry personal data as parameters: never log them.
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                // Writes outside a transaction do not take a turn (`writes`): they wait for
                // the lock here.
                .busy_timeout(PATIENCE)
        });
    Database::connect(options).await
}

/// How long a PostgreSQL connection may have been idle before it is pinged ([`connect`]).
const IDLE_BEFORE_PING: Duration = Duration::from_secs(1);

/// How many connections [`connect_readers`] opens on SQLite.
const SQLITE_READERS: u32 = 4;

/// The pool for reads outside transactions that every request makes (who is signed in, what a
/// buddy may touch). SQLite writes one transaction at a time (`writes`), so the main pool
/// stays small (`KLIK_DB_MAX_CONNECTIONS`); reading on connections of their own (WAL lets them
/// read while another writes) keeps those reads from queueing behind writes, each statement
/// being a round trip to its connection's thread. PostgreSQL has no such limit: the same pool.
pub async fn connect_readers(
    url: &str,
    db: &DatabaseConnection,
) -> Result<DatabaseConnection, DbErr> {
    if is_sqlite(url) {
        connect(url, SQLITE_READERS).await
    } else {
        Ok(db.clone())
    }
}

/// Brings the schema up to date, and gives a new installation its default lists. On
/// PostgreSQL several instances may start at once: all of it runs in one transaction under
/// an advisory lock, so one migrates while the others wait, then find nothing left to do
/// (and a failed migration leaves the schema as it was).
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    use sea_orm::{ConnectionTrait, TransactionTrait};
    let now = chrono::Utc::now();
    let seed = |e: AppError| DbErr::Custom(e.to_string());
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        let txn = db.begin().await?;
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
            .await?;
        Migrator::up(&txn, None).await?;
        lists::seed_defaults(&txn, now).await.map_err(seed)?;
        txn.commit().await
    } else {
        Migrator::up(db, None).await?;
        lists::seed_defaults(db, now).await.map_err(seed)
    }
}

/// The advisory lock's key: "klik" in ASCII, so that it does not collide with another
/// application's lock on a shared server.
const MIGRATION_LOCK: i64 = 0x6b6c_696b;

/// How far the schema of a database lags behind this build: the migrations it has applied
/// and those still to run (read only: a new database gets no migrations table from this).
pub async fn schema_lag(db: &DatabaseConnection) -> Result<(usize, Vec<String>), DbErr> {
    let all = Migrator::get_migration_with_status_read_only(db).await?;
    let (pending, applied): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|m| m.status() == migrations::MigrationStatus::Pending);
    Ok((
        applied.len(),
        pending.into_iter().map(|m| m.name().to_owned()).collect(),
    ))
}

/// Whether the database answers.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.ping().await
}
