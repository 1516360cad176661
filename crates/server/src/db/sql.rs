//! The one interface both storage backends implement: run a statement,
//! read its rows. The storage's logic (`db`, `db::moderation`,
//! `db::limits`) is written once against [`Sql`]; `db::sqlite` and
//! `db::postgres` carry it to each database.
//!
//! Statements are written in the dialect both databases share (`?1`
//! placeholders, which PostgreSQL's driver turns into `$1`; `ON CONFLICT`,
//! `RETURNING`, `COALESCE`), and integers are 64-bit everywhere.

use std::fmt;

/// A statement's parameter.
#[derive(Clone, Copy, Debug)]
pub enum Param<'a> {
    Null,
    Int(i64),
    Text(&'a str),
}

impl From<i64> for Param<'_> {
    fn from(value: i64) -> Self {
        Param::Int(value)
    }
}

impl From<bool> for Param<'_> {
    fn from(value: bool) -> Self {
        Param::Int(i64::from(value))
    }
}

impl<'a> From<&'a str> for Param<'a> {
    fn from(value: &'a str) -> Self {
        Param::Text(value)
    }
}

impl<'a> From<&'a String> for Param<'a> {
    fn from(value: &'a String) -> Self {
        Param::Text(value)
    }
}

impl<'a, T: Into<Param<'a>>> From<Option<T>> for Param<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Param::Null, Into::into)
    }
}

/// One value of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
}

/// One row of a result, read by column index.
#[derive(Debug)]
pub struct Row(pub Vec<Cell>);

impl Row {
    fn cell(&self, i: usize) -> Result<&Cell> {
        self.0
            .get(i)
            .ok_or_else(|| StoreError::Failed(format!("no column {i}")))
    }

    pub fn int(&self, i: usize) -> Result<i64> {
        match self.cell(i)? {
            Cell::Int(v) => Ok(*v),
            other => Err(StoreError::Failed(format!(
                "column {i}: {other:?} is not an integer"
            ))),
        }
    }

    pub fn count(&self, i: usize) -> Result<u32> {
        Ok(u32::try_from(self.int(i)?.max(0)).unwrap_or(u32::MAX))
    }

    pub fn text(&self, i: usize) -> Result<String> {
        self.opt_text(i)?
            .ok_or_else(|| StoreError::Failed(format!("column {i} is null")))
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.cell(i)? {
            Cell::Null => Ok(None),
            Cell::Text(v) => Ok(Some(v.clone())),
            other => Err(StoreError::Failed(format!(
                "column {i}: {other:?} is not text"
            ))),
        }
    }
}

/// Which database a statement runs on, for the few things they do apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// Why a storage call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The database cannot be reached (down, restarting, out of
    /// connections): nothing was stored; try again shortly (`503`).
    Unavailable(String),
    /// Anything else (`500`).
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(f, "database unavailable: {why}"),
            StoreError::Failed(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for StoreError {}

pub type Result<T> = std::result::Result<T, StoreError>;

/// A connection, or a transaction on one.
pub trait Sql {
    fn dialect(&self) -> Dialect;

    /// Runs a statement; returns the rows it changed.
    fn execute(&mut self, sql: &str, params: &[Param]) -> Result<u64>;

    /// Runs a query; returns every row.
    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>>;

    /// Serializes the transactions that name `name` until this one ends
    /// (PostgreSQL's advisory lock; SQLite's writer already runs alone).
    fn lock(&mut self, name: &str) -> Result<()> {
        if self.dialect() == Dialect::Postgres {
            self.execute("SELECT pg_advisory_xact_lock(hashtext(?1))", &[name.into()])?;
        }
        Ok(())
    }
}

/// The first row of a query, if any.
pub fn first(conn: &mut dyn Sql, sql: &str, params: &[Param]) -> Result<Option<Row>> {
    Ok(conn.query(sql, params)?.into_iter().next())
}

/// The first column of the one row a query answers (a count, a value).
pub fn one_int(conn: &mut dyn Sql, sql: &str, params: &[Param]) -> Result<i64> {
    first(conn, sql, params)?
        .ok_or_else(|| StoreError::Failed(format!("no row from {sql}")))?
        .int(0)
}

/// Whether a query answers any row.
pub fn exists(conn: &mut dyn Sql, sql: &str, params: &[Param]) -> Result<bool> {
    Ok(first(conn, sql, params)?.is_some())
}
