//! Rate limits, kept in the database so that several servers share them:
//! a sliding window of hits per entry (a client's posts, its reports, a
//! client's or a name's failed sign-ins). A check and its hit run in one
//! transaction under the entry's lock, so N servers give one client one
//! budget, not N. (SQLite keeps the hits in a temporary table of its one
//! writer; PostgreSQL in an unlogged table.)

use super::sql::{first, one_int, Result, Sql};
use super::Db;

/// At most `limit` hits in any `seconds`; a limit of 0 means none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub limit: u32,
    pub seconds: i64,
}

/// The longest window any limit uses: older hits are forgotten.
pub const LONGEST_WINDOW_SECONDS: i64 = 15 * 60;

impl Db {
    /// Counts one hit for `entry`, or says in how many whole seconds the
    /// next one is allowed (and counts nothing).
    pub fn take(&self, entry: &str, window: Window, now_ms: i64) -> Result<Option<u64>> {
        if window.limit == 0 {
            return Ok(None);
        }
        self.write(|tx| {
            tx.lock(entry)?;
            forget(tx, entry, now_ms)?;
            if let Some(wait) = wait(tx, entry, window, now_ms)? {
                return Ok(Some(wait));
            }
            hit(tx, entry, now_ms)?;
            Ok(None)
        })
    }

    /// Seconds until every one of `entries` is under its limit, if one is
    /// not; counts nothing. (On the writer: SQLite's hits are there.)
    pub fn blocked(&self, entries: &[String], window: Window, now_ms: i64) -> Result<Option<u64>> {
        self.write(|conn| {
            let mut longest = None;
            for entry in entries {
                longest = longest.max(wait(conn, entry, window, now_ms)?);
            }
            Ok(longest)
        })
    }

    /// Counts one hit for each of `entries`.
    pub fn hit(&self, entries: &[String], now_ms: i64) -> Result<()> {
        self.write(|tx| {
            for entry in entries {
                forget(tx, entry, now_ms)?;
                hit(tx, entry, now_ms)?;
            }
            Ok(())
        })
    }
}

/// Drops `entry`'s hits older than any window, and now and then everyone's.
fn forget(tx: &mut dyn Sql, entry: &str, now_ms: i64) -> Result<()> {
    let before = now_ms - LONGEST_WINDOW_SECONDS * 1000;
    tx.execute(
        "DELETE FROM limit_hits WHERE entry = ?1 AND at_ms <= ?2",
        &[entry.into(), before.into()],
    )?;
    if now_ms % 64 == 0 {
        tx.execute("DELETE FROM limit_hits WHERE at_ms <= ?1", &[before.into()])?;
    }
    Ok(())
}

fn hit(tx: &mut dyn Sql, entry: &str, now_ms: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO limit_hits (entry, at_ms) VALUES (?1, ?2)",
        &[entry.into(), now_ms.into()],
    )?;
    Ok(())
}

/// Seconds until `entry` has fewer than `window.limit` hits in the window.
fn wait(conn: &mut dyn Sql, entry: &str, window: Window, now_ms: i64) -> Result<Option<u64>> {
    let since = now_ms - window.seconds * 1000;
    let params = [entry.into(), since.into()];
    let count = one_int(
        conn,
        "SELECT COUNT(*) FROM limit_hits WHERE entry = ?1 AND at_ms > ?2",
        &params,
    )?;
    let limit = i64::from(window.limit);
    if window.limit == 0 || count < limit {
        return Ok(None);
    }
    // The hit whose expiry brings the count under the limit.
    let expiring = first(
        conn,
        &format!(
            "SELECT at_ms FROM limit_hits WHERE entry = ?1 AND at_ms > ?2
             ORDER BY at_ms LIMIT 1 OFFSET {}",
            count - limit
        ),
        &params,
    )?
    .map_or(Ok(now_ms), |row| row.int(0))?;
    let ms = expiring + window.seconds * 1000 - now_ms;
    Ok(Some(((ms.max(0) as u64).div_ceil(1000)).max(1)))
}
