//! Copies a whole site from one database to another (`gazette-server
//! migrate`): comments with their ids and order, idempotency records,
//! the `author_key` secret, moderators, sessions, reports, bans and the
//! log. The destination must hold no comments; everything is written in
//! one transaction, then counted on both sides.

use super::sql::{one_int, Cell, Dialect, Param, Result, StoreError};
use super::Db;

/// Each table and the columns copied, parents before children.
const TABLES: &[(&str, &str)] = &[
    ("settings", "name, value"),
    (
        "comments",
        "seq, article, id, parent_id, author, title, body, created_at, status, author_key, featured",
    ),
    ("idempotency", "key, fingerprint, status, response, created_at"),
    ("moderators", "name, hash, created_at"),
    ("sessions", "token_hash, moderator, expires_at"),
    ("reports", "comment_seq, client_key, reason, note, created_at, cleared"),
    ("bans", "author_key, reason, until, moderator, created_at"),
    ("decisions", "seq, at, moderator, action, comment_id, reason"),
];

/// Rows of a table in the source and in the destination after the copy.
#[derive(Debug, PartialEq, Eq)]
pub struct Counted {
    pub table: &'static str,
    pub source: i64,
    pub copied: i64,
}

pub fn copy(from: &Db, to: &Db) -> Result<Vec<Counted>> {
    let rows = from.read(|conn| {
        TABLES
            .iter()
            .map(|(table, columns)| conn.query(&format!("SELECT {columns} FROM {table}"), &[]))
            .collect::<Result<Vec<_>>>()
    })?;
    to.write(|tx| {
        if one_int(tx, "SELECT COUNT(*) FROM comments", &[])? > 0 {
            return Err(StoreError::Failed(
                "the destination already holds comments: migrate into an empty database".into(),
            ));
        }
        // A fresh destination made its own secret: the source's replaces it,
        // so that readers keep their author_key.
        tx.execute("DELETE FROM settings", &[])?;
        for ((table, columns), rows) in TABLES.iter().zip(&rows) {
            let count = columns.split(',').count();
            let marks = (1..=count).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
            let insert = format!("INSERT INTO {table} ({columns}) VALUES ({marks})");
            for row in rows {
                let params: Vec<Param> = row
                    .0
                    .iter()
                    .map(|cell| match cell {
                        Cell::Null => Param::Null,
                        Cell::Int(v) => Param::Int(*v),
                        Cell::Text(v) => Param::Text(v),
                    })
                    .collect();
                tx.execute(&insert, &params)?;
            }
        }
        if tx.dialect() == Dialect::Postgres {
            // Sequences continue after the copied rows.
            tx.execute(
                "SELECT setval(pg_get_serial_sequence('comments', 'seq'), COALESCE(MAX(seq), 0) + 1, false) FROM comments",
                &[],
            )?;
            tx.execute(
                "SELECT setval(pg_get_serial_sequence('decisions', 'seq'), COALESCE(MAX(seq), 0) + 1, false) FROM decisions",
                &[],
            )?;
            tx.execute(
                "SELECT setval('comment_numbers', COALESCE(MAX(seq), 0) + 1, false) FROM comments",
                &[],
            )?;
        }
        Ok(())
    })?;
    let count = |db: &Db, table: &str| {
        db.read(|conn| one_int(conn, &format!("SELECT COUNT(*) FROM {table}"), &[]))
    };
    TABLES
        .iter()
        .map(|(table, _)| {
            Ok(Counted {
                table,
                source: count(from, table)?,
                copied: count(to, table)?,
            })
        })
        .collect()
}
