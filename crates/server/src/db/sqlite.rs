//! SQLite (WAL mode), the embedded default.
//!
//! One writer connection behind a mutex takes every write, each in one
//! immediate transaction, so a check-then-insert cannot race. A few reader
//! connections serve the listings concurrently. Rate-limit hits live in a
//! temporary table of the writer: one process owns a SQLite file, and they
//! need no trip to the disk.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{params_from_iter, Connection, ErrorCode, TransactionBehavior};

use super::sql::{Cell, Dialect, Param, Result, Row, Sql, StoreError};

const READERS: usize = 4;

pub struct Sqlite {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
}

impl Sqlite {
    pub fn open(path: &Path) -> std::result::Result<Sqlite, String> {
        Sqlite::open_here(path).map_err(|e| match why_not_writable(path) {
            Some(why) => format!("{e} ({why})"),
            None => e,
        })
    }

    fn open_here(path: &Path) -> std::result::Result<Sqlite, String> {
        let text = |e: rusqlite::Error| e.to_string();
        let mut writer = Connection::open(path).map_err(text)?;
        writer.busy_timeout(Duration::from_secs(10)).map_err(text)?;
        writer
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(text)?;
        // FULL: a comment that got its 201 survives a power cut, not only a crash.
        writer
            .pragma_update(None, "synchronous", "FULL")
            .map_err(text)?;
        writer
            .pragma_update(None, "foreign_keys", true)
            .map_err(text)?;
        super::schema::migrate_sqlite(&mut writer)?;
        writer
            .execute_batch(super::schema::SQLITE_TEMP)
            .map_err(text)?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let reader = Connection::open(path).map_err(text)?;
            reader.busy_timeout(Duration::from_secs(10)).map_err(text)?;
            reader
                .pragma_update(None, "query_only", true)
                .map_err(text)?;
            readers.push(Mutex::new(reader));
        }
        Ok(Sqlite {
            writer: Mutex::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
        })
    }

    /// Runs `f` in one immediate transaction on the writer; commits when it
    /// succeeds.
    pub fn write<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let mut conn = self
            .writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(error)?;
        let mut handle = Handle(&tx);
        let value = f(&mut handle)?;
        tx.commit().map_err(error)?;
        Ok(value)
    }

    /// Runs `f` on a reader, in one (deferred) transaction: one snapshot.
    pub fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let mut conn = self.reader();
        let tx = conn.transaction().map_err(error)?;
        let mut handle = Handle(&tx);
        f(&mut handle)
    }

    fn reader(&self) -> MutexGuard<'_, Connection> {
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        for i in 0..self.readers.len() {
            if let Ok(conn) = self.readers[(start + i) % self.readers.len()].try_lock() {
                return conn;
            }
        }
        self.readers[start % self.readers.len()]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// What the system says when asked to write `path` or its folder (a file
/// system mounted read-only, a missing folder), for SQLite's bare "unable
/// to open database file". Creates nothing.
fn why_not_writable(path: &Path) -> Option<String> {
    let probe = if path.exists() {
        std::fs::OpenOptions::new().append(true).open(path).err()
    } else {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        std::fs::read_dir(folder.unwrap_or(Path::new("."))).err()
    };
    probe.map(|e| e.to_string())
}

struct Handle<'c>(&'c Connection);

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match *self {
            Param::Null => ValueRef::Null,
            Param::Int(v) => ValueRef::Integer(v),
            Param::Text(v) => ValueRef::Text(v.as_bytes()),
        }))
    }
}

impl Sql for Handle<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn execute(&mut self, sql: &str, params: &[Param]) -> Result<u64> {
        let mut statement = self.0.prepare_cached(sql).map_err(error)?;
        let changed = statement.execute(params_from_iter(params)).map_err(error)?;
        Ok(changed as u64)
    }

    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>> {
        let mut statement = self.0.prepare_cached(sql).map_err(error)?;
        let columns = statement.column_count();
        let mut rows = statement.query(params_from_iter(params)).map_err(error)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(error)? {
            let mut cells = Vec::with_capacity(columns);
            for i in 0..columns {
                cells.push(match row.get::<_, Value>(i).map_err(error)? {
                    Value::Null => Cell::Null,
                    Value::Integer(v) => Cell::Int(v),
                    Value::Real(v) => Cell::Int(v as i64),
                    Value::Text(v) => Cell::Text(v),
                    Value::Blob(v) => Cell::Text(String::from_utf8_lossy(&v).into_owned()),
                });
            }
            out.push(Row(cells));
        }
        Ok(out)
    }
}

/// A database locked by another process past the busy timeout, a full
/// disk, a file or folder made read-only, an I/O error: the database cannot
/// take the write now, nothing was stored (the transaction rolled back),
/// and it may again once the operator acts (`503`). Anything else fails.
fn error(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(
            ErrorCode::DatabaseBusy
            | ErrorCode::DatabaseLocked
            | ErrorCode::DiskFull
            | ErrorCode::ReadOnly
            | ErrorCode::SystemIoFailure
            | ErrorCode::CannotOpen,
        ) => StoreError::Unavailable(e.to_string()),
        _ => StoreError::Failed(e.to_string()),
    }
}
