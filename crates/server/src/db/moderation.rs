//! Moderation's storage: moderators and their sessions, reader reports,
//! bans, decisions and their log, and the secret behind `author_key`.
//! Every decision changes its comment and writes its log entry in one
//! transaction.

use std::collections::BTreeMap;

use gazette_model::contract::{Comment, Timestamp};
use gazette_model::moderation::{Action, QueueCounts, QueueState, ReportSummary};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::visibility::Stored;
use super::{find_key, read_row, remember_response, Db, StoredComment, StoredResponse, SELECT_ROW};

/// Items a page of the queue or the log holds.
pub const PAGE: usize = 50;

/// A comment in the queue, with its context.
pub struct QueueEntry {
    pub comment: StoredComment,
    pub parent: Option<Comment>,
    pub reports: ReportSummary,
}

/// One entry of the decision log.
pub struct LogRow {
    pub seq: i64,
    pub at: String,
    pub moderator: String,
    pub action: String,
    pub comment_id: Option<String>,
    pub reason: Option<String>,
}

pub enum ReportOutcome {
    /// Counted: the `201` body.
    Created(String),
    /// This client had reported it already: the `200` body.
    Again(String),
    /// The Idempotency-Key was used before.
    Previous(StoredResponse),
    /// No such public comment on this article.
    NotFound,
}

pub enum DecisionOutcome {
    Done(Comment),
    NotFound,
    /// The id names comments on several articles: say which.
    Ambiguous,
    /// Feature or unfeature a comment that is not published.
    NotApplicable,
}

/// A reader's report, with its request's identity.
pub struct NewReportRecord<'a> {
    pub article: &'a str,
    pub comment_id: &'a str,
    pub client_key: &'a str,
    pub reason: &'a str,
    pub note: Option<&'a str>,
    pub key: &'a str,
    pub fingerprint: &'a str,
    pub now_unix: i64,
}

impl Db {
    /// The server's secret for `author_key`, made on first use.
    pub fn author_key_secret(&self, fresh: impl FnOnce() -> String) -> rusqlite::Result<String> {
        let conn = self.writer();
        let found: Option<String> = conn
            .query_row(
                "SELECT value FROM settings WHERE name = 'author_key_secret'",
                [],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(secret) = found {
            return Ok(secret);
        }
        let secret = fresh();
        conn.execute(
            "INSERT INTO settings (name, value) VALUES ('author_key_secret', ?1)",
            [&secret],
        )?;
        Ok(secret)
    }

    /// Adds a moderator, or gives an existing one a new password. Returns
    /// whether the name is new.
    pub fn set_moderator(&self, name: &str, hash: &str, now_unix: i64) -> rusqlite::Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let updated = tx.execute(
            "UPDATE moderators SET hash = ?2 WHERE name = ?1",
            [name, hash],
        )?;
        if updated == 0 {
            tx.execute(
                "INSERT INTO moderators (name, hash, created_at) VALUES (?1, ?2, ?3)",
                params![name, hash, now_unix],
            )?;
        } else {
            // A new password ends the sessions opened with the old one.
            tx.execute("DELETE FROM sessions WHERE moderator = ?1", [name])?;
        }
        tx.commit()?;
        Ok(updated == 0)
    }

    /// Removes a moderator and ends their sessions. Returns whether there was one.
    pub fn remove_moderator(&self, name: &str) -> rusqlite::Result<bool> {
        let conn = self.writer();
        conn.execute("DELETE FROM sessions WHERE moderator = ?1", [name])?;
        Ok(conn.execute("DELETE FROM moderators WHERE name = ?1", [name])? > 0)
    }

    pub fn moderator_hash(&self, name: &str) -> rusqlite::Result<Option<String>> {
        self.reader()
            .query_row(
                "SELECT hash FROM moderators WHERE name = ?1",
                [name],
                |row| row.get(0),
            )
            .optional()
    }

    pub fn open_session(
        &self,
        token_hash: &str,
        moderator: &str,
        expires_at: i64,
        now_unix: i64,
    ) -> rusqlite::Result<()> {
        let conn = self.writer();
        conn.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now_unix])?;
        conn.execute(
            "INSERT INTO sessions (token_hash, moderator, expires_at) VALUES (?1, ?2, ?3)",
            params![token_hash, moderator, expires_at],
        )?;
        Ok(())
    }

    /// The moderator whose session `token_hash` is, while it lasts.
    pub fn session(&self, token_hash: &str, now_unix: i64) -> rusqlite::Result<Option<String>> {
        self.reader()
            .query_row(
                "SELECT moderator FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
                params![token_hash, now_unix],
                |row| row.get(0),
            )
            .optional()
    }

    pub fn end_session(&self, token_hash: &str) -> rusqlite::Result<()> {
        self.writer()
            .execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
        Ok(())
    }

    /// Whether `author_key` is banned at `now_unix`.
    pub fn is_banned(&self, author_key: &str, now_unix: i64) -> rusqlite::Result<bool> {
        Ok(self
            .reader()
            .query_row(
                "SELECT 1 FROM bans WHERE author_key = ?1 AND until > ?2",
                params![author_key, now_unix],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Counts a reader's report once per client and comment, with its
    /// idempotency record, in one transaction.
    pub fn report(&self, record: &NewReportRecord) -> rusqlite::Result<ReportOutcome> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(previous) = find_key(&tx, record.key, record.now_unix)? {
            return Ok(ReportOutcome::Previous(previous));
        }
        let seq: Option<i64> = tx
            .query_row(
                "SELECT seq FROM comments WHERE article = ?1 AND id = ?2 AND status = 'published'",
                [record.article, record.comment_id],
                |row| row.get(0),
            )
            .optional()?;
        let Some(seq) = seq else {
            return Ok(ReportOutcome::NotFound);
        };
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO reports (comment_seq, client_key, reason, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                seq,
                record.client_key,
                record.reason,
                record.note,
                record.now_unix
            ],
        )?;
        let status = if inserted == 1 { 201 } else { 200 };
        let body = r#"{"reported":true}"#.to_owned();
        remember_response(
            &tx,
            record.key,
            record.fingerprint,
            status,
            &body,
            record.now_unix,
        )?;
        tx.commit()?;
        Ok(if inserted == 1 {
            ReportOutcome::Created(body)
        } else {
            ReportOutcome::Again(body)
        })
    }

    /// Carries out a decision on comment `id` (of `article`, when given)
    /// and logs it.
    pub fn decide(
        &self,
        id: &str,
        article: Option<&str>,
        action: Action,
        reason: Option<&str>,
        moderator: &str,
        at: &Timestamp,
    ) -> rusqlite::Result<DecisionOutcome> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = comments_with_id(&tx, id, article)?;
        let comment = match &found[..] {
            [] => return Ok(DecisionOutcome::NotFound),
            [one] => one,
            _ => return Ok(DecisionOutcome::Ambiguous),
        };
        let published = comment.row.stored == Stored::Published;
        let (status, featured, clear) = match action {
            Action::Approve | Action::Restore => {
                (Stored::Published, comment.row.comment.featured, true)
            }
            Action::Reject => (Stored::Rejected, false, true),
            Action::Feature | Action::Unfeature if !published => {
                return Ok(DecisionOutcome::NotApplicable)
            }
            Action::Feature => (Stored::Published, true, false),
            Action::Unfeature => (Stored::Published, false, false),
            Action::Ban | Action::Unban => return Ok(DecisionOutcome::NotApplicable),
        };
        tx.execute(
            "UPDATE comments SET status = ?2, featured = ?3 WHERE seq = ?1",
            params![comment.seq, status.name(), featured],
        )?;
        if clear {
            tx.execute(
                "UPDATE reports SET cleared = 1 WHERE comment_seq = ?1",
                [comment.seq],
            )?;
        }
        log(&tx, at, moderator, action, Some(id), reason)?;
        let stored = tx.query_row(
            &format!("{SELECT_ROW} WHERE c.seq = ?1"),
            [comment.seq],
            read_row,
        )?;
        tx.commit()?;
        Ok(DecisionOutcome::Done(stored.row.comment))
    }

    /// Bans `author_key` until `until_unix` (a new ban replaces an old one).
    pub fn ban(
        &self,
        author_key: &str,
        reason: Option<&str>,
        until_unix: i64,
        moderator: &str,
        at: &Timestamp,
    ) -> rusqlite::Result<()> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT OR REPLACE INTO bans (author_key, reason, until, moderator, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![author_key, reason, until_unix, moderator, at.0.timestamp()],
        )?;
        log(&tx, at, moderator, Action::Ban, None, reason)?;
        tx.commit()
    }

    /// Lifts a ban. Returns whether there was one.
    pub fn unban(
        &self,
        author_key: &str,
        moderator: &str,
        at: &Timestamp,
    ) -> rusqlite::Result<bool> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let lifted = tx.execute("DELETE FROM bans WHERE author_key = ?1", [author_key])? > 0;
        if lifted {
            log(&tx, at, moderator, Action::Unban, None, None)?;
        }
        tx.commit()?;
        Ok(lifted)
    }

    /// A page of the queue, oldest first, after the comment `after` (a seq).
    pub fn queue(
        &self,
        state: QueueState,
        after: i64,
    ) -> rusqlite::Result<(Vec<QueueEntry>, QueueCounts, Option<i64>)> {
        let conn = self.reader();
        let pending = "c.status = 'pending'";
        let reported = format!("(c.status = 'published' AND ({}) > 0)", super::OPEN_REPORTS);
        let filter = match state {
            QueueState::Pending => pending.to_owned(),
            QueueState::Reported => reported.clone(),
            QueueState::All => format!("({pending} OR {reported})"),
        };
        let mut select = conn.prepare(&format!(
            "{SELECT_ROW} WHERE {filter} AND c.seq > ?1 ORDER BY c.seq LIMIT {}",
            PAGE + 1
        ))?;
        let mut comments = select
            .query_map([after], read_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let next = (comments.len() > PAGE).then(|| {
            comments.truncate(PAGE);
            comments.last().map_or(after, |c| c.seq)
        });
        let mut entries = Vec::with_capacity(comments.len());
        for comment in comments {
            let parent = match &comment.row.comment.parent_id {
                Some(parent) => conn
                    .query_row(
                        &format!("{SELECT_ROW} WHERE c.article = ?1 AND c.id = ?2"),
                        [&comment.article, parent],
                        read_row,
                    )
                    .optional()?
                    .map(|p| p.row.comment),
                None => None,
            };
            let mut reasons = BTreeMap::new();
            let mut by_reason = conn.prepare_cached(
                "SELECT reason, COUNT(*) FROM reports
                 WHERE comment_seq = ?1 AND cleared = 0 GROUP BY reason",
            )?;
            for row in by_reason.query_map([comment.seq], |r| Ok((r.get(0)?, r.get(1)?)))? {
                let (reason, count): (String, u32) = row?;
                reasons.insert(reason, count);
            }
            entries.push(QueueEntry {
                reports: ReportSummary {
                    count: reasons.values().sum(),
                    reasons,
                },
                comment,
                parent,
            });
        }
        let counts = QueueCounts {
            pending: conn.query_row(
                &format!("SELECT COUNT(*) FROM comments c WHERE {pending}"),
                [],
                |r| r.get(0),
            )?,
            reported: conn.query_row(
                &format!("SELECT COUNT(*) FROM comments c WHERE {reported}"),
                [],
                |r| r.get(0),
            )?,
        };
        Ok((entries, counts, next))
    }

    /// A page of the decision log, newest first, before entry `before`.
    pub fn log(&self, before: i64) -> rusqlite::Result<(Vec<LogRow>, Option<i64>)> {
        let conn = self.reader();
        let mut select = conn.prepare_cached(&format!(
            "SELECT seq, at, moderator, action, comment_id, reason FROM decisions
             WHERE seq < ?1 ORDER BY seq DESC LIMIT {}",
            PAGE + 1
        ))?;
        let mut rows = select
            .query_map([before], |r| {
                Ok(LogRow {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    moderator: r.get(2)?,
                    action: r.get(3)?,
                    comment_id: r.get(4)?,
                    reason: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let next = (rows.len() > PAGE).then(|| {
            rows.truncate(PAGE);
            rows.last().map_or(before, |r| r.seq)
        });
        Ok((rows, next))
    }
}

fn comments_with_id(
    conn: &Connection,
    id: &str,
    article: Option<&str>,
) -> rusqlite::Result<Vec<StoredComment>> {
    let mut select = conn.prepare_cached(&format!(
        "{SELECT_ROW} WHERE c.id = ?1 AND (?2 IS NULL OR c.article = ?2) LIMIT 2"
    ))?;
    let rows = select.query_map(params![id, article], read_row)?;
    rows.collect()
}

fn log(
    conn: &Connection,
    at: &Timestamp,
    moderator: &str,
    action: Action,
    comment_id: Option<&str>,
    reason: Option<&str>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO decisions (at, moderator, action, comment_id, reason)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![at.to_rfc3339(), moderator, action.key(), comment_id, reason],
    )?;
    Ok(())
}
