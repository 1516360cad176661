//! Comments, idempotency records, moderation and rate limits, in SQLite
//! (the embedded default) or PostgreSQL (several servers on one database).
//!
//! The logic is written once, against the [`sql::Sql`] interface that both
//! backends implement (`sqlite`, `postgres`); handlers only see [`Db`].
//! Every write runs in one transaction: a comment and its idempotency
//! record together, a decision and its log entry together; transactions
//! that must not interleave (two posts with one Idempotency-Key, a client's
//! rate limit) take a lock on their name ([`sql::Sql::lock`]). The schema
//! is `schema`; what the public sees of the comments is `visibility`;
//! moderation is `moderation`; rate limits are `limits`.

use std::collections::HashMap;

use gazette_model::contract::{Comment, CommentStatus, NewComment, Timestamp};

mod blocking;
pub mod copy;
pub mod limits;
pub mod moderation;
pub mod postgres;
pub mod schema;
pub mod sql;
pub mod sqlite;
pub mod visibility;

pub use blocking::blocking;
pub use sql::StoreError;

use sql::{exists, first, one_int, Dialect, Param, Row as SqlRow, Sql};
use visibility::{public_listing, Row, Stored};

/// How long an Idempotency-Key is remembered.
pub const KEY_TTL_SECONDS: i64 = 24 * 60 * 60;

/// Open reports that hide a comment unless told otherwise (`--report-threshold`).
pub const DEFAULT_REPORT_THRESHOLD: u32 = 3;

/// Where the comments are kept, as `--db` gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Location {
    Sqlite(std::path::PathBuf),
    /// A `postgres://` (or `postgresql://`) URL.
    Postgres(String),
}

impl Location {
    pub fn parse(text: &str) -> Location {
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            Location::Postgres(text.to_owned())
        } else {
            Location::Sqlite(text.into())
        }
    }
}

impl Location {
    /// As given on the command line (a URL with its password).
    pub fn as_arg(&self) -> std::ffi::OsString {
        match self {
            Location::Sqlite(path) => path.clone().into_os_string(),
            Location::Postgres(url) => url.into(),
        }
    }
}

impl std::fmt::Display for Location {
    /// The place, without a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => match (url.find("://"), url.rfind('@')) {
                (Some(scheme), Some(at)) if at > scheme => {
                    write!(f, "{}://…{}", &url[..scheme], &url[at..])
                }
                _ => write!(f, "{url}"),
            },
        }
    }
}

impl std::str::FromStr for Location {
    type Err = std::convert::Infallible;
    fn from_str(text: &str) -> Result<Location, Self::Err> {
        Ok(Location::parse(text))
    }
}

enum Backend {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

pub struct Db {
    backend: Backend,
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
    pub fn open(location: &Location) -> Result<Db, String> {
        Db::open_with(location, DEFAULT_REPORT_THRESHOLD)
    }

    pub fn open_with(location: &Location, report_threshold: u32) -> Result<Db, String> {
        let backend = match location {
            Location::Sqlite(path) => Backend::Sqlite(sqlite::Sqlite::open(path)?),
            Location::Postgres(url) => Backend::Postgres(postgres::Postgres::open(url)?),
        };
        Ok(Db {
            backend,
            report_threshold,
        })
    }

    /// Runs `f` in one write transaction; commits when it succeeds.
    pub fn write<T>(&self, f: impl FnOnce(&mut dyn Sql) -> sql::Result<T>) -> sql::Result<T> {
        match &self.backend {
            Backend::Sqlite(db) => db.write(f),
            Backend::Postgres(db) => db.write(f),
        }
    }

    /// Runs `f` in one read-only snapshot.
    pub fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> sql::Result<T>) -> sql::Result<T> {
        match &self.backend {
            Backend::Sqlite(db) => db.read(f),
            Backend::Postgres(db) => db.read(f),
        }
    }

    /// Whether the database answers (`/readyz`).
    pub fn ping(&self) -> sql::Result<()> {
        self.read(|conn| conn.query("SELECT 1", &[]).map(drop))
    }

    /// Stores `comments` for `article` unless the database already holds
    /// comments for it. Returns how many were stored.
    pub fn import_if_empty(&self, article: &str, comments: &[Comment]) -> sql::Result<usize> {
        self.write(|tx| {
            tx.lock(&format!("import\n{article}"))?;
            if exists(
                tx,
                "SELECT 1 FROM comments WHERE article = ?1 LIMIT 1",
                &[article.into()],
            )? {
                return Ok(0);
            }
            let mut stored = 0;
            for c in comments {
                let created_at = c.created_at.to_rfc3339();
                stored += tx.execute(
                    "INSERT INTO comments
                     (article, id, parent_id, author, title, body, created_at, status)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT DO NOTHING",
                    &[
                        article.into(),
                        (&c.id).into(),
                        c.parent_id.as_ref().into(),
                        (&c.author).into(),
                        c.title.as_ref().into(),
                        (&c.body).into(),
                        created_at.as_str().into(),
                        Stored::of(c.status).name().into(),
                    ],
                )? as usize;
            }
            Ok(stored)
        })
    }

    /// What the public sees of `article`'s comments, in the order
    /// stored, and how many are published (`visibility`).
    pub fn list(&self, article: &str) -> sql::Result<(Vec<Comment>, u32)> {
        let rows = self.read(|conn| {
            conn.query(
                &format!("{SELECT_ROW} WHERE c.article = ?1 ORDER BY c.seq"),
                &[article.into()],
            )
        })?;
        let rows = rows
            .iter()
            .map(|row| Ok(read_row(row)?.row))
            .collect::<sql::Result<Vec<_>>>()?;
        Ok(public_listing(rows, self.report_threshold))
    }

    /// Published comments per article, for the slugs given.
    pub fn published_counts(&self, articles: &[String]) -> sql::Result<HashMap<String, u32>> {
        let mut counts = HashMap::new();
        if articles.is_empty() {
            return Ok(counts);
        }
        let threshold = match self.report_threshold {
            0 => i64::MAX,
            n => i64::from(n),
        };
        self.read(|conn| {
            // SQLite allows far more parameters than a page lists; chunk anyway.
            for chunk in articles.chunks(500) {
                let marks = (2..chunk.len() + 2)
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(",");
                let params: Vec<Param> = std::iter::once(threshold.into())
                    .chain(chunk.iter().map(Param::from))
                    .collect();
                let rows = conn.query(
                    &format!(
                        "SELECT c.article, COUNT(*) FROM comments c
                         WHERE c.status = 'published' AND c.article IN ({marks})
                         AND ({OPEN_REPORTS}) < ?1
                         GROUP BY c.article"
                    ),
                    &params,
                )?;
                for row in rows {
                    counts.insert(row.text(0)?, row.count(1)?);
                }
            }
            Ok(counts)
        })
    }

    /// The response stored under `key`, if it is younger than a day.
    pub fn find_key(&self, key: &str, now_unix: i64) -> sql::Result<Option<StoredResponse>> {
        self.read(|conn| find_key(conn, key, now_unix))
    }

    /// An id for the honeypot's answer that no comment has and none will
    /// get ([`honeypot_id`]).
    pub fn honeypot_id(&self) -> sql::Result<String> {
        self.read(|conn| loop {
            let id = honeypot_id(random_u64());
            if !exists(
                conn,
                "SELECT 1 FROM comments WHERE id = ?1 LIMIT 1",
                &[(&id).into()],
            )? {
                return Ok(id);
            }
        })
    }

    /// Stores a comment and its idempotency record in one transaction, unless
    /// the key was used meanwhile or the parent does not exist.
    pub fn post(&self, record: &NewRecord) -> sql::Result<PostOutcome> {
        self.write(|tx| {
            tx.lock(record.key)?;
            if let Some(previous) = find_key(tx, record.key, record.now_unix)? {
                return Ok(PostOutcome::Previous(previous));
            }
            if let Some(parent) = &record.comment.parent_id {
                let found = exists(
                    tx,
                    "SELECT 1 FROM comments WHERE article = ?1 AND id = ?2",
                    &[record.article.into(), parent.into()],
                )?;
                if !found {
                    return Ok(PostOutcome::UnknownParent);
                }
            }
            let comment = Comment {
                id: next_id(tx)?,
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
            let body =
                serde_json::to_string(&comment).map_err(|e| StoreError::Failed(e.to_string()))?;
            let created_at = comment.created_at.to_rfc3339();
            tx.execute(
                "INSERT INTO comments
                 (article, id, parent_id, author, title, body, created_at, status, author_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                &[
                    record.article.into(),
                    (&comment.id).into(),
                    comment.parent_id.as_ref().into(),
                    (&comment.author).into(),
                    comment.title.as_ref().into(),
                    (&comment.body).into(),
                    created_at.as_str().into(),
                    Stored::of(comment.status).name().into(),
                    record.author_key.into(),
                ],
            )?;
            remember_response(
                tx,
                record.key,
                record.fingerprint,
                201,
                &body,
                record.now_unix,
            )?;
            Ok(PostOutcome::Created(body))
        })
    }
}

fn epoch() -> Timestamp {
    Timestamp(chrono::DateTime::UNIX_EPOCH.fixed_offset())
}

/// Keeps the answer to the request under `key` (in the caller's
/// transaction) and forgets those past their lifetime.
fn remember_response(
    tx: &mut dyn Sql,
    key: &str,
    fingerprint: &str,
    status: u16,
    body: &str,
    now_unix: i64,
) -> sql::Result<()> {
    tx.execute(
        "DELETE FROM idempotency WHERE created_at <= ?1",
        &[(now_unix - KEY_TTL_SECONDS).into()],
    )?;
    tx.execute(
        "INSERT INTO idempotency (key, fingerprint, status, response, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint,
         status = excluded.status, response = excluded.response,
         created_at = excluded.created_at",
        &[
            key.into(),
            fingerprint.into(),
            i64::from(status).into(),
            body.into(),
            now_unix.into(),
        ],
    )?;
    Ok(())
}

fn find_key(conn: &mut dyn Sql, key: &str, now_unix: i64) -> sql::Result<Option<StoredResponse>> {
    let row = first(
        conn,
        "SELECT fingerprint, status, response FROM idempotency WHERE key = ?1 AND created_at > ?2",
        &[key.into(), (now_unix - KEY_TTL_SECONDS).into()],
    )?;
    row.map(|row| {
        Ok(StoredResponse {
            fingerprint: row.text(0)?,
            status: u16::try_from(row.int(1)?).unwrap_or(500),
            body: row.text(2)?,
        })
    })
    .transpose()
}

/// New ids are `g` and a number no other comment got (PostgreSQL's
/// sequence; SQLite's largest row plus one, under its one writer), skipped
/// past any imported id that happens to look the same.
fn next_id(conn: &mut dyn Sql) -> sql::Result<String> {
    let next = |conn: &mut dyn Sql, after: Option<i64>| match (conn.dialect(), after) {
        (Dialect::Postgres, _) => one_int(conn, "SELECT nextval('comment_numbers')", &[]),
        (Dialect::Sqlite, Some(n)) => Ok(n + 1),
        (Dialect::Sqlite, None) => {
            one_int(conn, "SELECT COALESCE(MAX(seq), 0) + 1 FROM comments", &[])
        }
    };
    let mut n = next(conn, None)?;
    loop {
        let id = format!("g{n}");
        if !exists(
            conn,
            "SELECT 1 FROM comments WHERE id = ?1 LIMIT 1",
            &[(&id).into()],
        )? {
            return Ok(id);
        }
        n = next(conn, Some(n))?;
    }
}

/// The honeypot's fake ids: `g0` and 15 digits from `random`, a shape
/// [`next_id`] never gives (its numbers start at 1, without a leading zero),
/// so no later comment takes a fake's id; [`Db::honeypot_id`] skips any
/// stored one (an imported id may look the same). Still a contract id, and
/// like a real one to a bot.
fn honeypot_id(random: u64) -> String {
    format!("g0{:015}", random % 1_000_000_000_000_000)
}

fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("the operating system's random numbers");
    u64::from_le_bytes(bytes)
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

fn read_row(row: &SqlRow) -> sql::Result<StoredComment> {
    let created_at = row.text(5)?;
    let stored = Stored::parse(&row.text(6)?);
    Ok(StoredComment {
        row: Row {
            comment: Comment {
                id: row.text(0)?,
                parent_id: row.opt_text(1)?,
                author: row.text(2)?,
                title: row.opt_text(3)?,
                body: row.text(4)?,
                created_at: Timestamp::parse(&created_at).unwrap_or_else(epoch),
                status: stored.status(),
                recommend_count: None,
                featured: row.int(7)? != 0,
                edited_at: None,
            },
            stored,
            open_reports: row.count(8)?,
        },
        seq: row.int(9)?,
        article: row.text(10)?,
        author_key: row.opt_text(11)?,
    })
}

#[cfg(test)]
mod tests {
    use super::honeypot_id;
    use gazette_model::routes::is_valid_slug;

    #[test]
    fn honeypot_ids_are_contract_ids_that_no_new_comment_gets() {
        for random in [0, 7, 999_999_999_999_999, u64::MAX] {
            let id = honeypot_id(random);
            assert!(is_valid_slug(&id), "{id}");
            assert_eq!(id.len(), 17, "{id}");
            // New ids are `g{n}`, n from 1: never a zero after the `g`.
            assert!(id.starts_with("g0"), "{id}");
            let n: u64 = id[1..].parse().unwrap();
            assert_ne!(format!("g{n}"), id);
        }
    }
}
