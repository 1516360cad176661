//! Who a rate limit counts and how much it allows: posts and reports per
//! client per minute (IPv6 clients by their /64, since one host usually
//! holds a whole /64), invalid posts apart with five times the allowance;
//! failed moderator sign-ins, 5 in 15 minutes per client
//! or per name. The counting is the database's (`db::limits`), shared by
//! every server on it.

use std::net::IpAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::db::limits::Window;

/// Failed sign-ins allowed per client and per name in 15 minutes.
pub const SIGN_IN_FAILURES: Window = Window {
    limit: 5,
    seconds: 15 * 60,
};

/// `per_minute` writes a minute; 0 for no limit.
pub fn per_minute(per_minute: u32) -> Window {
    Window {
        limit: per_minute,
        seconds: 60,
    }
}

/// Invalid posts (answered `400`) a client may send a minute for each
/// valid one `--rate-limit` allows: counted apart, so that a reader's
/// mistakes never spend their budget, yet a flood of garbage is refused.
pub const INVALID_POSTS_PER_VALID: u32 = 5;

/// The allowance of invalid posts when valid ones have `per_minute`.
pub fn invalid_per_minute(valid_per_minute: u32) -> Window {
    per_minute(valid_per_minute.saturating_mul(INVALID_POSTS_PER_VALID))
}

/// The address a client counts as: IPv6 by its /64.
pub fn client_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let mut segments = v6.segments();
            segments[4..].fill(0);
            IpAddr::V6(segments.into())
        }
        v4 => v4,
    }
}

/// The rate-limit entry of `what` (posts, reports…) by `client`.
pub fn client_entry(what: &str, client: IpAddr) -> String {
    format!("{what}\nip:{}", client_key(client))
}

/// The sign-in failures counted against `client` and against `name`.
pub fn sign_in_entries(client: IpAddr, name: &str) -> [String; 2] {
    [
        client_entry("sign-in", client),
        format!("sign-in\nname:{name}"),
    ]
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{Db, Location};

    fn db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&Location::Sqlite(dir.path().join("limits.db"))).unwrap();
        (dir, db)
    }

    #[test]
    fn allows_a_burst_then_the_oldest_hit_must_expire() {
        let (_dir, db) = db();
        let ip: IpAddr = "203.0.113.7".parse().unwrap();
        let entry = client_entry("post", ip);
        let t0 = 1_000_000_000_000;
        for i in 0..3 {
            assert_eq!(db.take(&entry, per_minute(3), t0 + i * 1000), Ok(None));
        }
        assert_eq!(db.take(&entry, per_minute(3), t0 + 2000), Ok(Some(58)));
        assert_eq!(db.take(&entry, per_minute(3), t0 + 59_500), Ok(Some(1)));
        assert_eq!(db.take(&entry, per_minute(3), t0 + 60_001), Ok(None));
        // Other clients, and other kinds of writes, have their own allowance.
        let other = client_entry("post", "203.0.113.8".parse().unwrap());
        assert_eq!(db.take(&other, per_minute(3), t0), Ok(None));
        assert_eq!(
            db.take(&client_entry("report", ip), per_minute(3), t0),
            Ok(None)
        );
    }

    #[test]
    fn ipv6_clients_share_their_64() {
        let (_dir, db) = db();
        let entry = |ip: &str| client_entry("post", ip.parse().unwrap());
        let t0 = 1_000_000_000_000;
        assert_eq!(db.take(&entry("2001:db8::1"), per_minute(1), t0), Ok(None));
        assert!(db
            .take(&entry("2001:db8::2"), per_minute(1), t0)
            .unwrap()
            .is_some());
        assert_eq!(
            db.take(&entry("2001:db8:0:1::1"), per_minute(1), t0),
            Ok(None)
        );
    }

    #[test]
    fn zero_means_no_limit() {
        let (_dir, db) = db();
        let entry = client_entry("post", "127.0.0.1".parse().unwrap());
        assert!((0..200).all(|i| db.take(&entry, per_minute(0), i) == Ok(None)));
    }

    #[test]
    fn five_failures_block_the_client_and_the_name() {
        let (_dir, db) = db();
        let (ip, other): (IpAddr, IpAddr) = (
            "203.0.113.7".parse().unwrap(),
            "203.0.113.9".parse().unwrap(),
        );
        let t0 = 1_000_000_000_000;
        for _ in 0..SIGN_IN_FAILURES.limit {
            let entries = sign_in_entries(ip, "amina");
            assert_eq!(db.blocked(&entries, SIGN_IN_FAILURES, t0), Ok(None));
            db.hit(&entries, t0).unwrap();
        }
        let blocked = |ip, name| db.blocked(&sign_in_entries(ip, name), SIGN_IN_FAILURES, t0);
        assert_eq!(blocked(ip, "someone"), Ok(Some(900)));
        assert!(blocked(other, "amina").unwrap().is_some());
        assert_eq!(blocked(other, "someone"), Ok(None));
        let later = t0 + SIGN_IN_FAILURES.seconds * 1000;
        assert_eq!(
            db.blocked(&sign_in_entries(ip, "amina"), SIGN_IN_FAILURES, later),
            Ok(None)
        );
    }
}
