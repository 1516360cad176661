//! Moderation's storage: moderators and their sessions, reader reports,
//! bans, decisions and their log, and the secret behind `author_key`.
//! Every decision changes its comment and writes its log entry in one
//! transaction.

use std::collections::BTreeMap;

use gazette_model::contract::{Comment, Timestamp};
use gazette_model::moderation::{Action, QueueCounts, QueueState, ReportSummary};

use super::sql::{exists, first, one_int, Result, Sql};
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
    /// The server's secret for `author_key`, made on first use (by the
    /// first of several servers to ask).
    pub fn author_key_secret(&self, fresh: impl FnOnce() -> String) -> Result<String> {
        let secret = fresh();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (name, value) VALUES ('author_key_secret', ?1)
                 ON CONFLICT (name) DO NOTHING",
                &[secret.as_str().into()],
            )?;
            first(
                tx,
                "SELECT value FROM settings WHERE name = 'author_key_secret'",
                &[],
            )?
            .map_or(Ok(secret.clone()), |row| row.text(0))
        })
    }

    /// Adds a moderator, or gives an existing one a new password. Returns
    /// whether the name is new.
    pub fn set_moderator(&self, name: &str, hash: &str, now_unix: i64) -> Result<bool> {
        self.write(|tx| {
            let updated = tx.execute(
                "UPDATE moderators SET hash = ?2 WHERE name = ?1",
                &[name.into(), hash.into()],
            )?;
            if updated == 0 {
                tx.execute(
                    "INSERT INTO moderators (name, hash, created_at) VALUES (?1, ?2, ?3)",
                    &[name.into(), hash.into(), now_unix.into()],
                )?;
            } else {
                // A new password ends the sessions opened with the old one.
                tx.execute("DELETE FROM sessions WHERE moderator = ?1", &[name.into()])?;
            }
            Ok(updated == 0)
        })
    }

    /// Removes a moderator and ends their sessions. Returns whether there was one.
    pub fn remove_moderator(&self, name: &str) -> Result<bool> {
        self.write(|tx| {
            tx.execute("DELETE FROM sessions WHERE moderator = ?1", &[name.into()])?;
            Ok(tx.execute("DELETE FROM moderators WHERE name = ?1", &[name.into()])? > 0)
        })
    }

    pub fn moderator_hash(&self, name: &str) -> Result<Option<String>> {
        self.read(|conn| {
            first(
                conn,
                "SELECT hash FROM moderators WHERE name = ?1",
                &[name.into()],
            )?
            .map(|row| row.text(0))
            .transpose()
        })
    }

    pub fn open_session(
        &self,
        token_hash: &str,
        moderator: &str,
        expires_at: i64,
        now_unix: i64,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sessions WHERE expires_at <= ?1",
                &[now_unix.into()],
            )?;
            tx.execute(
                "INSERT INTO sessions (token_hash, moderator, expires_at) VALUES (?1, ?2, ?3)",
                &[token_hash.into(), moderator.into(), expires_at.into()],
            )?;
            Ok(())
        })
    }

    /// The moderator whose session `token_hash` is, while it lasts.
    pub fn session(&self, token_hash: &str, now_unix: i64) -> Result<Option<String>> {
        self.read(|conn| {
            first(
                conn,
                "SELECT moderator FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
                &[token_hash.into(), now_unix.into()],
            )?
            .map(|row| row.text(0))
            .transpose()
        })
    }

    pub fn end_session(&self, token_hash: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sessions WHERE token_hash = ?1",
                &[token_hash.into()],
            )?;
            Ok(())
        })
    }

    /// Whether `author_key` is banned at `now_unix`.
    pub fn is_banned(&self, author_key: &str, now_unix: i64) -> Result<bool> {
        self.read(|conn| is_banned(conn, author_key, now_unix))
    }

    /// Counts a reader's report once per client and comment, with its
    /// idempotency record, in one transaction.
    pub fn report(&self, record: &NewReportRecord) -> Result<ReportOutcome> {
        self.write(|tx| {
            tx.lock(record.key)?;
            if let Some(previous) = find_key(tx, record.key, record.now_unix)? {
                return Ok(ReportOutcome::Previous(previous));
            }
            let seq = first(
                tx,
                "SELECT seq FROM comments WHERE article = ?1 AND id = ?2 AND status = 'published'",
                &[record.article.into(), record.comment_id.into()],
            )?;
            let Some(seq) = seq else {
                return Ok(ReportOutcome::NotFound);
            };
            let inserted = tx.execute(
                "INSERT INTO reports (comment_seq, client_key, reason, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT DO NOTHING",
                &[
                    seq.int(0)?.into(),
                    record.client_key.into(),
                    record.reason.into(),
                    record.note.into(),
                    record.now_unix.into(),
                ],
            )?;
            let status = if inserted == 1 { 201 } else { 200 };
            let body = r#"{"reported":true}"#.to_owned();
            remember_response(
                tx,
                record.key,
                record.fingerprint,
                status,
                &body,
                record.now_unix,
            )?;
            Ok(if inserted == 1 {
                ReportOutcome::Created(body)
            } else {
                ReportOutcome::Again(body)
            })
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
    ) -> Result<DecisionOutcome> {
        self.write(|tx| {
            let found = comments_with_id(tx, id, article)?;
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
                &[comment.seq.into(), status.name().into(), featured.into()],
            )?;
            if clear {
                tx.execute(
                    "UPDATE reports SET cleared = 1 WHERE comment_seq = ?1",
                    &[comment.seq.into()],
                )?;
            }
            log(tx, at, moderator, action, Some(id), reason)?;
            let stored = first(
                tx,
                &format!("{SELECT_ROW} WHERE c.seq = ?1"),
                &[comment.seq.into()],
            )?
            .ok_or_else(|| super::StoreError::Failed("the decided comment is gone".into()))?;
            Ok(DecisionOutcome::Done(read_row(&stored)?.row.comment))
        })
    }

    /// Bans `author_key` until `until_unix` (a new ban replaces an old one).
    pub fn ban(
        &self,
        author_key: &str,
        reason: Option<&str>,
        until_unix: i64,
        moderator: &str,
        at: &Timestamp,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO bans (author_key, reason, until, moderator, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (author_key) DO UPDATE SET reason = excluded.reason,
                 until = excluded.until, moderator = excluded.moderator,
                 created_at = excluded.created_at",
                &[
                    author_key.into(),
                    reason.into(),
                    until_unix.into(),
                    moderator.into(),
                    at.0.timestamp().into(),
                ],
            )?;
            log(tx, at, moderator, Action::Ban, None, reason)
        })
    }

    /// Lifts a ban. Returns whether there was one.
    pub fn unban(&self, author_key: &str, moderator: &str, at: &Timestamp) -> Result<bool> {
        self.write(|tx| {
            let lifted = tx.execute(
                "DELETE FROM bans WHERE author_key = ?1",
                &[author_key.into()],
            )? > 0;
            if lifted {
                log(tx, at, moderator, Action::Unban, None, None)?;
            }
            Ok(lifted)
        })
    }

    /// A page of the queue, oldest first, after the comment `after` (a seq).
    pub fn queue(
        &self,
        state: QueueState,
        after: i64,
    ) -> Result<(Vec<QueueEntry>, QueueCounts, Option<i64>)> {
        let pending = "c.status = 'pending'";
        let reported = format!("(c.status = 'published' AND ({}) > 0)", super::OPEN_REPORTS);
        let filter = match state {
            QueueState::Pending => pending.to_owned(),
            QueueState::Reported => reported.clone(),
            QueueState::All => format!("({pending} OR {reported})"),
        };
        self.read(|conn| {
            let rows = conn.query(
                &format!(
                    "{SELECT_ROW} WHERE {filter} AND c.seq > ?1 ORDER BY c.seq LIMIT {}",
                    PAGE + 1
                ),
                &[after.into()],
            )?;
            let mut comments = rows.iter().map(read_row).collect::<Result<Vec<_>>>()?;
            let next = (comments.len() > PAGE).then(|| {
                comments.truncate(PAGE);
                comments.last().map_or(after, |c| c.seq)
            });
            let mut entries = Vec::with_capacity(comments.len());
            for comment in comments {
                let parent = match &comment.row.comment.parent_id {
                    Some(parent) => first(
                        conn,
                        &format!("{SELECT_ROW} WHERE c.article = ?1 AND c.id = ?2"),
                        &[(&comment.article).into(), parent.into()],
                    )?
                    .map(|row| read_row(&row).map(|p| p.row.comment))
                    .transpose()?,
                    None => None,
                };
                let mut reasons = BTreeMap::new();
                for row in conn.query(
                    "SELECT reason, COUNT(*) FROM reports
                     WHERE comment_seq = ?1 AND cleared = 0 GROUP BY reason",
                    &[comment.seq.into()],
                )? {
                    reasons.insert(row.text(0)?, row.count(1)?);
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
            let count = |conn: &mut dyn Sql, filter: &str| {
                one_int(
                    conn,
                    &format!("SELECT COUNT(*) FROM comments c WHERE {filter}"),
                    &[],
                )
                .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
            };
            let counts = QueueCounts {
                pending: count(conn, pending)?,
                reported: count(conn, &reported)?,
            };
            Ok((entries, counts, next))
        })
    }

    /// A page of the decision log, newest first, before entry `before`.
    pub fn log(&self, before: i64) -> Result<(Vec<LogRow>, Option<i64>)> {
        self.read(|conn| {
            let rows = conn.query(
                &format!(
                    "SELECT seq, at, moderator, action, comment_id, reason FROM decisions
                     WHERE seq < ?1 ORDER BY seq DESC LIMIT {}",
                    PAGE + 1
                ),
                &[before.into()],
            )?;
            let mut rows = rows
                .iter()
                .map(|r| {
                    Ok(LogRow {
                        seq: r.int(0)?,
                        at: r.text(1)?,
                        moderator: r.text(2)?,
                        action: r.text(3)?,
                        comment_id: r.opt_text(4)?,
                        reason: r.opt_text(5)?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let next = (rows.len() > PAGE).then(|| {
                rows.truncate(PAGE);
                rows.last().map_or(before, |r| r.seq)
            });
            Ok((rows, next))
        })
    }
}

pub(super) fn is_banned(conn: &mut dyn Sql, author_key: &str, now_unix: i64) -> Result<bool> {
    exists(
        conn,
        "SELECT 1 FROM bans WHERE author_key = ?1 AND until > ?2",
        &[author_key.into(), now_unix.into()],
    )
}

fn comments_with_id(
    conn: &mut dyn Sql,
    id: &str,
    article: Option<&str>,
) -> Result<Vec<StoredComment>> {
    let rows = match article {
        Some(article) => conn.query(
            &format!("{SELECT_ROW} WHERE c.id = ?1 AND c.article = ?2 LIMIT 2"),
            &[id.into(), article.into()],
        )?,
        None => conn.query(
            &format!("{SELECT_ROW} WHERE c.id = ?1 LIMIT 2"),
            &[id.into()],
        )?,
    };
    rows.iter().map(read_row).collect()
}

fn log(
    tx: &mut dyn Sql,
    at: &Timestamp,
    moderator: &str,
    action: Action,
    comment_id: Option<&str>,
    reason: Option<&str>,
) -> Result<()> {
    let at = at.to_rfc3339();
    tx.execute(
        "INSERT INTO decisions (at, moderator, action, comment_id, reason)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            at.as_str().into(),
            moderator.into(),
            action.key().into(),
            comment_id.into(),
            reason.into(),
        ],
    )?;
    Ok(())
}
