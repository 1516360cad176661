//! Posts per client per minute, as a token bucket per IP address (IPv6
//! clients by their /64, since one host usually holds a whole /64); and
//! failed moderator sign-ins, 5 in 15 minutes per client or per name.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// Buckets kept before the full (idle) ones are dropped.
const MAX_TRACKED: usize = 10_000;

pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

impl RateLimiter {
    /// `per_minute` posts a minute, in bursts of up to `per_minute`; 0 for no limit.
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter {
            per_minute,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one post from `client`'s allowance, or says in how many whole
    /// seconds the next one is allowed.
    pub fn check(&self, client: IpAddr) -> Result<(), u64> {
        self.check_at(client, Instant::now())
    }

    pub fn check_at(&self, client: IpAddr, now: Instant) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_TRACKED {
            buckets.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.at).as_secs_f64() * per_second < capacity
            });
        }
        let bucket = buckets.entry(client_key(client)).or_insert(Bucket {
            tokens: capacity,
            at: now,
        });
        let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_second).min(capacity);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            // The epsilon keeps float noise from adding a second.
            Err(((1.0 - bucket.tokens) / per_second - 1e-6).ceil().max(1.0) as u64)
        }
    }
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

/// Failed sign-ins allowed per client and per name in [`FAILURE_WINDOW`].
pub const MAX_FAILURES: usize = 5;
pub const FAILURE_WINDOW: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Failed sign-ins per client address and per name.
#[derive(Default)]
pub struct Failures {
    recent: Mutex<HashMap<String, Vec<Instant>>>,
}

impl Failures {
    /// Seconds until `client` or `name` may try again, if either is over the limit.
    pub fn blocked(&self, client: IpAddr, name: &str, now: Instant) -> Option<u64> {
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        [client_entry(client), name_entry(name)]
            .iter()
            .filter_map(|key| {
                let times = recent.get_mut(key)?;
                times.retain(|t| now.saturating_duration_since(*t) < FAILURE_WINDOW);
                (times.len() >= MAX_FAILURES).then(|| {
                    let oldest = times[0];
                    (FAILURE_WINDOW - now.saturating_duration_since(oldest))
                        .as_secs()
                        .max(1)
                })
            })
            .max()
    }

    pub fn record(&self, client: IpAddr, name: &str, now: Instant) {
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        if recent.len() > 10_000 {
            recent.retain(|_, times| {
                times
                    .iter()
                    .any(|t| now.saturating_duration_since(*t) < FAILURE_WINDOW)
            });
        }
        for key in [client_entry(client), name_entry(name)] {
            recent.entry(key).or_default().push(now);
        }
    }
}

fn client_entry(client: IpAddr) -> String {
    format!("ip:{}", client_key(client))
}

fn name_entry(name: &str) -> String {
    format!("name:{name}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn allows_a_burst_then_refills() {
        let limiter = RateLimiter::new(3);
        let ip: IpAddr = "203.0.113.7".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.check_at(ip, t0), Ok(()));
        }
        assert_eq!(limiter.check_at(ip, t0), Err(20));
        assert_eq!(limiter.check_at(ip, t0 + Duration::from_secs(19)), Err(1));
        assert_eq!(limiter.check_at(ip, t0 + Duration::from_secs(21)), Ok(()));
        // Other clients have their own allowance.
        assert_eq!(limiter.check_at("203.0.113.8".parse().unwrap(), t0), Ok(()));
    }

    #[test]
    fn ipv6_clients_share_their_64() {
        let limiter = RateLimiter::new(1);
        let t0 = Instant::now();
        assert!(limiter.check_at("2001:db8::1".parse().unwrap(), t0).is_ok());
        assert!(limiter
            .check_at("2001:db8::2".parse().unwrap(), t0)
            .is_err());
        assert!(limiter
            .check_at("2001:db8:0:1::1".parse().unwrap(), t0)
            .is_ok());
    }

    #[test]
    fn zero_means_no_limit() {
        let limiter = RateLimiter::new(0);
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        assert!((0..1000).all(|_| limiter.check(ip).is_ok()));
    }

    #[test]
    fn five_failures_block_the_client_and_the_name() {
        let failures = Failures::default();
        let (ip, other): (IpAddr, IpAddr) = (
            "203.0.113.7".parse().unwrap(),
            "203.0.113.9".parse().unwrap(),
        );
        let t0 = Instant::now();
        for _ in 0..MAX_FAILURES {
            assert_eq!(failures.blocked(ip, "amina", t0), None);
            failures.record(ip, "amina", t0);
        }
        assert!(failures.blocked(ip, "someone", t0).is_some());
        assert!(failures.blocked(other, "amina", t0).is_some());
        assert_eq!(failures.blocked(other, "someone", t0), None);
        assert_eq!(failures.blocked(ip, "amina", t0 + FAILURE_WINDOW), None);
    }
}
