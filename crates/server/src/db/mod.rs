//! Comments and idempotency records in SQLite (WAL mode).
//!
//! One writer connection behind a mutex takes every write, each in one
//! immediate transaction (the comment and its idempotency record together),
//! so the check-then-insert of an Idempotency-Key cannot race. A few reader
//! connections serve the listings concurrently.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use gazette_model::contract::{Comment, CommentStatus, NewComment, Timestamp};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, TransactionBehavior};

mod blocking;

pub use blocking::blocking;

/// How long an Idempotency-Key is remembered.
pub const KEY_TTL_SECONDS: i64 = 24 * 60 * 60;

const READERS: usize = 4;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS comments (
    seq INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    id TEXT NOT NULL,
    parent_id TEXT,
    author TEXT NOT NULL,
    title TEXT,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    UNIQUE (article, id)
);
CREATE INDEX IF NOT EXISTS comments_by_id ON comments (id);
CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_by_age ON idempotency (created_at);
";

pub struct Db {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
}

/// A response stored under an Idempotency-Key.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredResponse {
    pub fingerprint: String,
    pub status: u16,
    pub body: String,
}

/// What a comment to store looks like, with its request's identity.
pub struct NewRecord<'a> {
    pub article: &'a str,
    /// Validated and normalized.
    pub comment: &'a NewComment,
    pub status: CommentStatus,
    pub created_at: Timestamp,
    pub key: &'a str,
    pub fingerprint: &'a str,
    pub now_unix: i64,
}

#[derive(Debug)]
pub enum PostOutcome {
    /// Stored; the 201 body.
    Created(String),
    /// The key was used before (within its lifetime).
    Previous(StoredResponse),
    /// `parent_id` names no comment of this article.
    UnknownParent,
}

impl Db {
    pub fn open(path: &Path) -> rusqlite::Result<Db> {
        let writer = Connection::open(path)?;
        writer.busy_timeout(std::time::Duration::from_secs(10))?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: a comment that got its 201 survives a power cut, not only a crash.
        writer.pragma_update(None, "synchronous", "FULL")?;
        writer.execute_batch(SCHEMA)?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let reader = Connection::open(path)?;
            reader.busy_timeout(std::time::Duration::from_secs(10))?;
            reader.pragma_update(None, "query_only", true)?;
            readers.push(Mutex::new(reader));
        }
        Ok(Db {
            writer: Mutex::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
        })
    }

    fn writer(&self) -> MutexGuard<'_, Connection> {
        self.writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
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

    /// Stores `comments` for `article` unless the database already holds
    /// comments for it. Returns how many were stored.
    pub fn import_if_empty(&self, article: &str, comments: &[Comment]) -> rusqlite::Result<usize> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let has_any: bool = tx
            .query_row(
                "SELECT 1 FROM comments WHERE article = ?1 LIMIT 1",
                [article],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if has_any {
            return Ok(0);
        }
        let mut stored = 0;
        {
            let mut insert = tx.prepare(
                "INSERT OR IGNORE INTO comments
                 (article, id, parent_id, author, title, body, created_at, status)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for c in comments {
                stored += insert.execute(params![
                    article,
                    c.id,
                    c.parent_id,
                    c.author,
                    c.title,
                    c.body,
                    c.created_at.to_rfc3339(),
                    status_name(c.status),
                ])?;
            }
        }
        tx.commit()?;
        Ok(stored)
    }

    /// Every comment of `article` in the order stored, and how many are published.
    pub fn list(&self, article: &str) -> rusqlite::Result<(Vec<Comment>, u32)> {
        let conn = self.reader();
        let mut select = conn.prepare_cached(
            "SELECT id, parent_id, author, title, body, created_at, status
             FROM comments WHERE article = ?1 ORDER BY seq",
        )?;
        let comments = select
            .query_map([article], |row| {
                let created_at: String = row.get(5)?;
                let status: String = row.get(6)?;
                Ok(Comment {
                    id: row.get(0)?,
                    parent_id: row.get(1)?,
                    author: row.get(2)?,
                    title: row.get(3)?,
                    body: row.get(4)?,
                    created_at: Timestamp::parse(&created_at).unwrap_or_else(epoch),
                    status: parse_status(&status),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let published = comments
            .iter()
            .filter(|c| c.status == CommentStatus::Published)
            .count() as u32;
        Ok((comments, published))
    }

    /// Published comments per article, for the slugs given.
    pub fn published_counts(&self, articles: &[String]) -> rusqlite::Result<HashMap<String, u32>> {
        let mut counts = HashMap::new();
        if articles.is_empty() {
            return Ok(counts);
        }
        let conn = self.reader();
        // SQLite allows far more parameters than a page lists; chunk anyway.
        for chunk in articles.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut select = conn.prepare(&format!(
                "SELECT article, COUNT(*) FROM comments
                 WHERE status = 'published' AND article IN ({marks}) GROUP BY article"
            ))?;
            let rows = select.query_map(params_from_iter(chunk), |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, u32>(1)?))
            })?;
            for row in rows {
                let (article, count) = row?;
                counts.insert(article, count);
            }
        }
        Ok(counts)
    }

    /// The response stored under `key`, if it is younger than a day.
    pub fn find_key(&self, key: &str, now_unix: i64) -> rusqlite::Result<Option<StoredResponse>> {
        find_key(&self.reader(), key, now_unix)
    }

    /// The id the next stored comment would get (for the honeypot's answer).
    pub fn preview_id(&self) -> rusqlite::Result<String> {
        next_id(&self.reader())
    }

    /// Stores a comment and its idempotency record in one transaction, unless
    /// the key was used meanwhile or the parent does not exist.
    pub fn post(&self, record: &NewRecord) -> rusqlite::Result<PostOutcome> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(previous) = find_key(&tx, record.key, record.now_unix)? {
            return Ok(PostOutcome::Previous(previous));
        }
        if let Some(parent) = &record.comment.parent_id {
            let exists = tx
                .query_row(
                    "SELECT 1 FROM comments WHERE article = ?1 AND id = ?2",
                    [record.article, parent],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if !exists {
                return Ok(PostOutcome::UnknownParent);
            }
        }
        let comment = Comment {
            id: next_id(&tx)?,
            parent_id: record.comment.parent_id.clone(),
            author: record.comment.author.clone(),
            title: record.comment.title.clone(),
            body: record.comment.body.clone(),
            created_at: record.created_at,
            status: record.status,
        };
        let body = serde_json::to_string(&comment)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        tx.execute(
            "INSERT INTO comments (article, id, parent_id, author, title, body, created_at, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                record.article,
                comment.id,
                comment.parent_id,
                comment.author,
                comment.title,
                comment.body,
                comment.created_at.to_rfc3339(),
                status_name(comment.status),
            ],
        )?;
        tx.execute(
            "DELETE FROM idempotency WHERE created_at <= ?1",
            [record.now_unix - KEY_TTL_SECONDS],
        )?;
        tx.execute(
            "INSERT OR REPLACE INTO idempotency (key, fingerprint, status, response, created_at)
             VALUES (?1, ?2, 201, ?3, ?4)",
            params![record.key, record.fingerprint, body, record.now_unix],
        )?;
        tx.commit()?;
        Ok(PostOutcome::Created(body))
    }
}

fn epoch() -> Timestamp {
    Timestamp(chrono::DateTime::UNIX_EPOCH.fixed_offset())
}

fn find_key(
    conn: &Connection,
    key: &str,
    now_unix: i64,
) -> rusqlite::Result<Option<StoredResponse>> {
    conn.prepare_cached(
        "SELECT fingerprint, status, response FROM idempotency WHERE key = ?1 AND created_at > ?2",
    )?
    .query_row(params![key, now_unix - KEY_TTL_SECONDS], |row| {
        Ok(StoredResponse {
            fingerprint: row.get(0)?,
            status: row.get(1)?,
            body: row.get(2)?,
        })
    })
    .optional()
}

/// New ids are `g` and a number above every stored row, skipped past any
/// imported id that happens to look the same: unique in the whole database.
fn next_id(conn: &Connection) -> rusqlite::Result<String> {
    let mut n: i64 = conn.query_row("SELECT IFNULL(MAX(seq), 0) + 1 FROM comments", [], |row| {
        row.get(0)
    })?;
    loop {
        let id = format!("g{n}");
        let taken = conn
            .query_row(
                "SELECT 1 FROM comments WHERE id = ?1 LIMIT 1",
                [&id],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !taken {
            return Ok(id);
        }
        n += 1;
    }
}

fn status_name(status: CommentStatus) -> &'static str {
    match status {
        CommentStatus::Published => "published",
        CommentStatus::Pending => "pending",
        CommentStatus::Deleted => "deleted",
    }
}

fn parse_status(name: &str) -> CommentStatus {
    match name {
        "pending" => CommentStatus::Pending,
        "deleted" => CommentStatus::Deleted,
        _ => CommentStatus::Published,
    }
}
