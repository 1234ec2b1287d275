//! Write transactions, one at a time on SQLite.
//!
//! SQLite lets one connection write at a time; a second writer sleeps in its busy handler
//! (1, 2, 5, 10 ms… without being woken) and a transaction that read before writing can fail
//! outright when another connection wrote in between. So on SQLite every write transaction
//! of a server takes its turn here first (a fair queue, no sleeping), and starts `IMMEDIATE`
//! (it holds the write lock from its first statement: nothing can write in between). The
//! pool can then hold more than one connection: while one writes, another is handed back to
//! the pool or serves a read. PostgreSQL needs no turn: it has row locks.

use std::sync::Arc;

use sea_orm::{
    ConnAcquireErr, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    ExecResult, QueryResult, SqliteTransactionMode, Statement, TransactionOptions,
    TransactionTrait,
};
use tokio::sync::{Mutex, OwnedMutexGuard};

use super::{PATIENCE, is_sqlite};

/// Hands out the turns to write; clones share the queue (one per server).
#[derive(Clone, Default)]
pub struct WriteGate(Option<Arc<Mutex<()>>>);

impl WriteGate {
    /// A queue for SQLite; none for PostgreSQL.
    pub fn for_url(url: &str) -> WriteGate {
        WriteGate(is_sqlite(url).then(|| Arc::new(Mutex::new(()))))
    }

    /// Waits for the turn, then begins a transaction on `db`.
    pub async fn begin(&self, db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
        let turn = match &self.0 {
            Some(queue) => Some(
                tokio::time::timeout(PATIENCE, Arc::clone(queue).lock_owned())
                    .await
                    // Fails the way a busy pool does.
                    .map_err(|_| DbErr::ConnectionAcquire(ConnAcquireErr::Timeout))?,
            ),
            None => None,
        };
        let txn = match db.get_database_backend() {
            DbBackend::Sqlite => {
                db.begin_with_options(TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..Default::default()
                })
                .await?
            }
            _ => db.begin().await?,
        };
        Ok(WriteTxn { txn, _turn: turn })
    }
}

/// Where a write goes: into the caller's transaction, or on its own (a transaction of its own
/// where it needs one).
pub enum Write<'a> {
    In(&'a WriteTxn),
    Alone(&'a WriteGate, &'a DatabaseConnection),
}

/// A transaction that holds the turn to write until it is committed or rolled back (or
/// dropped: then it rolls back).
pub struct WriteTxn {
    txn: DatabaseTransaction,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTxn {
    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await
    }

    pub async fn rollback(self) -> Result<(), DbErr> {
        self.txn.rollback().await
    }
}

/// So that `&txn` goes wherever a connection does, as a plain transaction would.
#[async_trait::async_trait]
impl ConnectionTrait for WriteTxn {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.txn.support_returning()
    }
}
