//! The database's schema, by versions, for each backend, applied at start
//! in one transaction: SQLite counts in `PRAGMA user_version`, PostgreSQL in
//! the table `gazette_schema`, under an advisory lock so that two servers
//! starting at the same moment migrate once. A database newer than this
//! server knows is refused rather than misread.

use rusqlite::{Connection, TransactionBehavior};

/// SQLite's versions; version N is `MIGRATIONS[N - 1]`.
const MIGRATIONS: &[&str] = &[
    // 1: comments and idempotency records (the first release; `IF NOT
    // EXISTS` because its databases carry no version).
    "
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
    ",
    // 2: moderation. A comment's `status` may now also be `rejected`.
    "
    ALTER TABLE comments ADD COLUMN author_key TEXT;
    ALTER TABLE comments ADD COLUMN featured INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX comments_by_status ON comments (status, seq);
    CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE moderators (
        name TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        moderator TEXT NOT NULL REFERENCES moderators (name) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
    );
    CREATE TABLE reports (
        comment_seq INTEGER NOT NULL REFERENCES comments (seq),
        client_key TEXT NOT NULL,
        reason TEXT NOT NULL,
        note TEXT,
        created_at INTEGER NOT NULL,
        cleared INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (comment_seq, client_key)
    );
    CREATE INDEX reports_open ON reports (cleared, comment_seq);
    CREATE TABLE bans (
        author_key TEXT PRIMARY KEY,
        reason TEXT,
        until INTEGER NOT NULL,
        moderator TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE TABLE decisions (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        moderator TEXT NOT NULL,
        action TEXT NOT NULL,
        comment_id TEXT,
        reason TEXT
    );
    ",
];

/// The SQLite schema version this server writes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// Rate-limit hits, in a temporary table of SQLite's writer (`limits`).
pub const SQLITE_TEMP: &str = "
    CREATE TEMP TABLE IF NOT EXISTS limit_hits (entry TEXT NOT NULL, at_ms INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS temp.limit_hits_by_entry ON limit_hits (entry, at_ms);
    ";

/// PostgreSQL's versions; version N is `PG_MIGRATIONS[N - 1]`. Integers
/// are `BIGINT` (the storage binds 64-bit integers); `seq` columns come from
/// sequences, and new comments' ids from `comment_numbers`, so that several
/// servers never hand out the same one.
const PG_MIGRATIONS: &[&str] = &[
    // 1: the schema of SQLite's version 2, and shared rate-limit hits
    // (unlogged: lost in a crash, which only resets the limits).
    "
    CREATE TABLE comments (
        seq BIGSERIAL PRIMARY KEY,
        article TEXT NOT NULL,
        id TEXT NOT NULL,
        parent_id TEXT,
        author TEXT NOT NULL,
        title TEXT,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL,
        author_key TEXT,
        featured BIGINT NOT NULL DEFAULT 0,
        UNIQUE (article, id)
    );
    CREATE INDEX comments_by_id ON comments (id);
    CREATE INDEX comments_by_status ON comments (status, seq);
    CREATE SEQUENCE comment_numbers;
    CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        status BIGINT NOT NULL,
        response TEXT NOT NULL,
        created_at BIGINT NOT NULL
    );
    CREATE INDEX idempotency_by_age ON idempotency (created_at);
    CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE moderators (
        name TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        created_at BIGINT NOT NULL
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        moderator TEXT NOT NULL REFERENCES moderators (name) ON DELETE CASCADE,
        expires_at BIGINT NOT NULL
    );
    CREATE TABLE reports (
        comment_seq BIGINT NOT NULL REFERENCES comments (seq),
        client_key TEXT NOT NULL,
        reason TEXT NOT NULL,
        note TEXT,
        created_at BIGINT NOT NULL,
        cleared BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (comment_seq, client_key)
    );
    CREATE INDEX reports_open ON reports (cleared, comment_seq);
    CREATE TABLE bans (
        author_key TEXT PRIMARY KEY,
        reason TEXT,
        until BIGINT NOT NULL,
        moderator TEXT NOT NULL,
        created_at BIGINT NOT NULL
    );
    CREATE TABLE decisions (
        seq BIGSERIAL PRIMARY KEY,
        at TEXT NOT NULL,
        moderator TEXT NOT NULL,
        action TEXT NOT NULL,
        comment_id TEXT,
        reason TEXT
    );
    CREATE UNLOGGED TABLE limit_hits (entry TEXT NOT NULL, at_ms BIGINT NOT NULL);
    CREATE INDEX limit_hits_by_entry ON limit_hits (entry, at_ms);
    ",
];

/// The PostgreSQL schema version this server writes.
pub const PG_VERSION: u32 = PG_MIGRATIONS.len() as u32;

/// The advisory lock that migrations hold (any constant; "gazette").
const MIGRATION_LOCK: i64 = 0x67617a65747465;

/// Brings a PostgreSQL database to [`PG_VERSION`], or says why it cannot.
pub fn migrate_postgres(client: &mut postgres::Client) -> Result<(), String> {
    let text = |e: postgres::Error| e.to_string();
    let mut tx = client.transaction().map_err(text)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(text)?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS gazette_schema (version BIGINT NOT NULL)")
        .map_err(text)?;
    let found: i64 = tx
        .query_one("SELECT COALESCE(MAX(version), 0) FROM gazette_schema", &[])
        .and_then(|row| row.try_get(0))
        .map_err(text)?;
    if found > i64::from(PG_VERSION) {
        return Err(newer(found, PG_VERSION));
    }
    for (i, statements) in PG_MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.batch_execute(statements)
            .map_err(|e| format!("schema version {}: {e}", i + 1))?;
    }
    tx.execute("DELETE FROM gazette_schema", &[])
        .map_err(text)?;
    tx.execute(
        "INSERT INTO gazette_schema (version) VALUES ($1)",
        &[&i64::from(PG_VERSION)],
    )
    .map_err(text)?;
    tx.commit().map_err(text)
}

fn newer(found: impl std::fmt::Display, known: u32) -> String {
    format!(
        "the database has schema version {found}; this server knows up to {known}: use a newer gazette-server"
    )
}

/// Brings a SQLite database to [`VERSION`], or says why it cannot.
pub fn migrate_sqlite(conn: &mut Connection) -> Result<(), String> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| e.to_string())?;
    let found: u32 = tx
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| e.to_string())?;
    if found > VERSION {
        return Err(newer(found, VERSION));
    }
    for (i, statements) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(statements)
            .map_err(|e| format!("schema version {}: {e}", i + 1))?;
    }
    tx.pragma_update(None, "user_version", VERSION)
        .map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_release_database_is_brought_up_to_date_and_keeps_its_comments() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute(
            "INSERT INTO comments (article, id, author, body, created_at, status)
             VALUES ('a', 'c1', 'x', 'y', '2026-01-01T00:00:00+00:00', 'published')",
            [],
        )
        .unwrap();
        migrate_sqlite(&mut conn).unwrap();
        let (count, featured): (u32, i64) = conn
            .query_row("SELECT COUNT(*), MAX(featured) FROM comments", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((count, featured), (1, 0));
        // Running again changes nothing.
        migrate_sqlite(&mut conn).unwrap();
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", VERSION + 1)
            .unwrap();
        let error = migrate_sqlite(&mut conn).unwrap_err();
        assert!(error.contains("newer gazette-server"), "{error}");
    }
}
