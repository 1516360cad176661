//! PostgreSQL, for several servers on one database.
//!
//! The `postgres` crate (tokio-postgres behind a blocking client) fits the
//! storage's one seam: every call already runs on the blocking pool. A small
//! pool keeps up to [`MAX_CONNECTIONS`] connections; one that broke (the
//! database restarted) is dropped and the next call connects again, so a
//! database that comes back is used again without a restart. A call that
//! cannot get a connection fails at once as `Unavailable` (`503`).

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use postgres::error::SqlState;
use postgres::types::{IsNull, ToSql, Type};
use postgres::{Client, NoTls};

use super::sql::{Cell, Dialect, Param, Result, Row, Sql, StoreError};

/// Connections one server keeps open at most.
pub const MAX_CONNECTIONS: usize = 16;

/// How long a call waits for a free connection before it answers `503`.
const WAIT_FOR_CONNECTION: Duration = Duration::from_secs(5);

pub struct Postgres {
    config: postgres::Config,
    idle: Mutex<Pool>,
    freed: Condvar,
}

struct Pool {
    idle: Vec<Client>,
    open: usize,
}

impl Postgres {
    /// Connects to `url` and brings the schema up to date.
    pub fn open(url: &str) -> std::result::Result<Postgres, String> {
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e| format!("not a PostgreSQL URL ({e})"))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(3));
        }
        config.keepalives(true);
        if config.get_application_name().is_none() {
            config.application_name("gazette-server");
        }
        let db = Postgres {
            config,
            idle: Mutex::new(Pool {
                idle: Vec::new(),
                open: 0,
            }),
            freed: Condvar::new(),
        };
        let mut conn = db.connection().map_err(|e| e.to_string())?;
        super::schema::migrate_postgres(conn.client())?;
        drop(conn);
        Ok(db)
    }

    /// Runs `f` in one transaction; commits when it succeeds.
    pub fn write<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let mut conn = self.connection()?;
        let mut tx = conn.client().transaction().map_err(error)?;
        let value = f(&mut Handle(&mut tx))?;
        tx.commit().map_err(error)?;
        Ok(value)
    }

    /// Runs `f` in one read-only transaction: one snapshot.
    pub fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let mut conn = self.connection()?;
        let mut tx = conn
            .client()
            .build_transaction()
            .read_only(true)
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .start()
            .map_err(error)?;
        let value = f(&mut Handle(&mut tx))?;
        tx.commit().map_err(error)?;
        Ok(value)
    }

    fn connection(&self) -> Result<Connection<'_>> {
        let mut pool = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            while let Some(client) = pool.idle.pop() {
                if client.is_closed() {
                    pool.open -= 1;
                    continue;
                }
                return Ok(Connection {
                    client: Some(client),
                    db: self,
                });
            }
            if pool.open < MAX_CONNECTIONS {
                pool.open += 1;
                drop(pool);
                return match self.config.connect(NoTls) {
                    Ok(client) => Ok(Connection {
                        client: Some(client),
                        db: self,
                    }),
                    Err(e) => {
                        self.release(None);
                        Err(StoreError::Unavailable(e.to_string()))
                    }
                };
            }
            let (next, timeout) = self
                .freed
                .wait_timeout(pool, WAIT_FOR_CONNECTION)
                .unwrap_or_else(|p| p.into_inner());
            pool = next;
            if timeout.timed_out() && pool.idle.is_empty() && pool.open >= MAX_CONNECTIONS {
                return Err(StoreError::Unavailable("no free connection".into()));
            }
        }
    }

    /// Gives a connection back (or, with `None` or a broken one, its place).
    fn release(&self, client: Option<Client>) {
        let mut pool = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        match client {
            Some(client) if !client.is_closed() => pool.idle.push(client),
            _ => pool.open -= 1,
        }
        drop(pool);
        self.freed.notify_one();
    }
}

impl Drop for Postgres {
    /// Closing a client blocks on its own runtime, which tokio refuses on
    /// an async thread (where the server's state is dropped): close them on
    /// a thread of their own.
    fn drop(&mut self) {
        let idle = std::mem::take(&mut self.idle.get_mut().unwrap_or_else(|p| p.into_inner()).idle);
        if !idle.is_empty() {
            let _ = std::thread::spawn(move || drop(idle)).join();
        }
    }
}

/// A connection taken from the pool, given back when dropped.
struct Connection<'a> {
    client: Option<Client>,
    db: &'a Postgres,
}

impl Connection<'_> {
    fn client(&mut self) -> &mut Client {
        self.client
            .as_mut()
            .expect("a pooled connection holds its client")
    }
}

impl Drop for Connection<'_> {
    fn drop(&mut self) {
        self.db.release(self.client.take());
    }
}

struct Handle<'t, 'c>(&'t mut postgres::Transaction<'c>);

/// `?1` placeholders as PostgreSQL's `$1`.
fn dollars(sql: &str) -> String {
    sql.replace('?', "$")
}

impl Sql for Handle<'_, '_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn execute(&mut self, sql: &str, params: &[Param]) -> Result<u64> {
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        self.0.execute(&dollars(sql), &refs).map_err(error)
    }

    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>> {
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        let rows = self.0.query(&dollars(sql), &refs).map_err(error)?;
        rows.iter().map(read_row).collect()
    }
}

fn read_row(row: &postgres::Row) -> Result<Row> {
    let mut cells = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let ty = column.type_();
        let cell = if *ty == Type::INT8 {
            row.try_get::<_, Option<i64>>(i).map(|v| v.map(Cell::Int))
        } else if *ty == Type::INT4 {
            row.try_get::<_, Option<i32>>(i)
                .map(|v| v.map(|v| Cell::Int(v.into())))
        } else if *ty == Type::INT2 {
            row.try_get::<_, Option<i16>>(i)
                .map(|v| v.map(|v| Cell::Int(v.into())))
        } else if *ty == Type::BOOL {
            row.try_get::<_, Option<bool>>(i)
                .map(|v| v.map(|v| Cell::Int(v.into())))
        } else {
            row.try_get::<_, Option<String>>(i)
                .map(|v| v.map(Cell::Text))
        };
        cells.push(cell.map_err(error)?.unwrap_or(Cell::Null));
    }
    Ok(Row(cells))
}

impl ToSql for Param<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match *self {
            Param::Null => Ok(IsNull::Yes),
            Param::Text(v) => v.to_sql(ty, out),
            Param::Int(v) if *ty == Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
            Param::Int(v) if *ty == Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
            Param::Int(v) if *ty == Type::BOOL => (v != 0).to_sql(ty, out),
            Param::Int(v) => v.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A lost connection or a database that is shutting down or starting is
/// unavailability; a statement the database refused is a failure.
fn error(e: postgres::Error) -> StoreError {
    let unavailable = match e.code() {
        // No SQLSTATE: the connection broke (closed, I/O), or a value did
        // not convert (a defect: a failure).
        None => {
            e.is_closed()
                || std::error::Error::source(&e).is_some_and(|cause| cause.is::<std::io::Error>())
                || e.to_string().contains("connection")
        }
        Some(code) => {
            code.code().starts_with("08")
                || [
                    SqlState::ADMIN_SHUTDOWN,
                    SqlState::CRASH_SHUTDOWN,
                    SqlState::CANNOT_CONNECT_NOW,
                    SqlState::TOO_MANY_CONNECTIONS,
                    SqlState::READ_ONLY_SQL_TRANSACTION,
                ]
                .contains(code)
        }
    };
    if unavailable {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::Failed(e.to_string())
    }
}
