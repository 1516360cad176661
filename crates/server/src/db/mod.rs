//! Comments, idempotency records and moderation in SQLite (WAL mode).
//!
//! One writer connection behind a mutex takes every write, each in one
//! immediate transaction (the comment and its idempotency record together;
//! a decision and its log entry together), so the check-then-insert of an
//! Idempotency-Key cannot race. A few reader connections serve the
//! listings concurrently. The schema is `schema`; what the public sees of
//! the comments is `visibility`; moderation's tables are `moderation`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use gazette_model::contract::{Comment, CommentStatus, NewComment, Timestamp};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, TransactionBehavior};

mod blocking;
pub mod moderation;
pub mod schema;
pub mod visibility;

pub use blocking::blocking;

use visibility::{public_listing, Row, Stored};

/// How long an Idempotency-Key is remembered.
pub const KEY_TTL_SECONDS: i64 = 24 * 60 * 60;

const READERS: usize = 4;

/// Open reports that hide a comment unless told otherwise (`--report-threshold`).
pub const DEFAULT_REPORT_THRESHOLD: u32 = 3;

pub struct Db {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    /// Open reports that take a comment out of the public listing (0: never).
    pub report_threshold: u32,
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
    /// The writer's per-client key (`author_key`).
    pub author_key: &'a str,
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
    /// Opens (or creates) the database and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Db, String> {
        Db::open_with(path, DEFAULT_REPORT_THRESHOLD)
    }

    pub fn open_with(path: &Path, report_threshold: u32) -> Result<Db, String> {
        let text = |e: rusqlite::Error| e.to_string();
        let mut writer = Connection::open(path).map_err(text)?;
        writer
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(text)?;
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
        schema::migrate(&mut writer)?;
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            let reader = Connection::open(path).map_err(text)?;
            reader
                .busy_timeout(std::time::Duration::from_secs(10))
                .map_err(text)?;
            reader
                .pragma_update(None, "query_only", true)
                .map_err(text)?;
            readers.push(Mutex::new(reader));
        }
        Ok(Db {
            writer: Mutex::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
            report_threshold,
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
                    Stored::of(c.status).name(),
                ])?;
            }
        }
        tx.commit()?;
        Ok(stored)
    }

    /// What the public sees of `article`'s comments, in the order
    /// stored, and how many are published (`visibility`).
    pub fn list(&self, article: &str) -> rusqlite::Result<(Vec<Comment>, u32)> {
        let conn = self.reader();
        let mut select =
            conn.prepare_cached(&format!("{SELECT_ROW} WHERE c.article = ?1 ORDER BY c.seq"))?;
        let rows = select
            .query_map([article], |row| Ok(read_row(row)?.row))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(public_listing(rows, self.report_threshold))
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
                "SELECT c.article, COUNT(*) FROM comments c
                 WHERE c.status = 'published' AND c.article IN ({marks})
                 AND ({OPEN_REPORTS}) < ?{threshold}
                 GROUP BY c.article",
                threshold = chunk.len() + 1,
            ))?;
            let threshold = match self.report_threshold {
                0 => i64::MAX,
                n => i64::from(n),
            };
            let values = chunk
                .iter()
                .map(|slug| rusqlite::types::Value::Text(slug.clone()))
                .chain([rusqlite::types::Value::Integer(threshold)]);
            let rows = select.query_map(params_from_iter(values), |row| {
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
            recommend_count: None,
            featured: false,
            edited_at: None,
        };
        let body = serde_json::to_string(&comment)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        tx.execute(
            "INSERT INTO comments
             (article, id, parent_id, author, title, body, created_at, status, author_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                record.article,
                comment.id,
                comment.parent_id,
                comment.author,
                comment.title,
                comment.body,
                comment.created_at.to_rfc3339(),
                Stored::of(comment.status).name(),
                record.author_key,
            ],
        )?;
        remember_response(
            &tx,
            record.key,
            record.fingerprint,
            201,
            &body,
            record.now_unix,
        )?;
        tx.commit()?;
        Ok(PostOutcome::Created(body))
    }
}

fn epoch() -> Timestamp {
    Timestamp(chrono::DateTime::UNIX_EPOCH.fixed_offset())
}

/// Keeps the answer to the request under `key` (in the caller's
/// transaction) and forgets those past their lifetime.
fn remember_response(
    conn: &Connection,
    key: &str,
    fingerprint: &str,
    status: u16,
    body: &str,
    now_unix: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM idempotency WHERE created_at <= ?1",
        [now_unix - KEY_TTL_SECONDS],
    )?;
    conn.execute(
        "INSERT OR REPLACE INTO idempotency (key, fingerprint, status, response, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![key, fingerprint, status, body, now_unix],
    )?;
    Ok(())
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

/// Open reports of the comment `c` (a correlated subquery).
const OPEN_REPORTS: &str =
    "SELECT COUNT(*) FROM reports r WHERE r.comment_seq = c.seq AND r.cleared = 0";

/// The columns [`read_row`] reads, from `comments c`.
const SELECT_ROW: &str = "SELECT c.id, c.parent_id, c.author, c.title, c.body, c.created_at,
    c.status, c.featured,
    (SELECT COUNT(*) FROM reports r WHERE r.comment_seq = c.seq AND r.cleared = 0),
    c.seq, c.article, c.author_key
    FROM comments c";

/// A comment as the moderation desk sees it: its row and where it is.
pub struct StoredComment {
    pub row: Row,
    pub seq: i64,
    pub article: String,
    pub author_key: Option<String>,
}

fn read_row(row: &rusqlite::Row) -> rusqlite::Result<StoredComment> {
    let created_at: String = row.get(5)?;
    let stored = Stored::parse(&row.get::<_, String>(6)?);
    Ok(StoredComment {
        row: Row {
            comment: Comment {
                id: row.get(0)?,
                parent_id: row.get(1)?,
                author: row.get(2)?,
                title: row.get(3)?,
                body: row.get(4)?,
                created_at: Timestamp::parse(&created_at).unwrap_or_else(epoch),
                status: stored.status(),
                recommend_count: None,
                featured: row.get::<_, i64>(7)? != 0,
                edited_at: None,
            },
            stored,
            open_reports: row.get(8)?,
        },
        seq: row.get(9)?,
        article: row.get(10)?,
        author_key: row.get(11)?,
    })
}
