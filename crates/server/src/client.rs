//! Who a client is, without keeping who they are: `author_key`, a keyed
//! hash (HMAC-SHA-256) of the client's address under a secret kept in the
//! database. Stable per client, so a moderator can ban a repeat offender
//! and one reader's reports count once; opaque, so no moderator ever sees
//! an address. IPv6 clients count by their /64, as for the rate limit.

use std::net::IpAddr;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::rate_limit::client_key;

pub struct ClientKeys {
    secret: Vec<u8>,
}

impl ClientKeys {
    pub fn new(secret: &str) -> ClientKeys {
        ClientKeys {
            secret: secret.as_bytes().to_vec(),
        }
    }

    /// The client's `author_key`: 32 hex digits.
    pub fn key(&self, ip: IpAddr) -> String {
        self.key_of(&client_key(ip).to_string())
    }

    /// The key of an imported comment, which has no client: its author's
    /// name, so a ban on it bans no reader.
    pub fn imported(&self, author: &str) -> String {
        self.key_of(&format!("imported:{author}"))
    }

    fn key_of(&self, text: &str) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.secret).expect("HMAC takes a key of any length");
        mac.update(text.as_bytes());
        hex(&mac.finalize().into_bytes()[..16])
    }
}

/// Lower-case hex digits of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `n` random bytes from the operating system, as hex.
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).expect("the operating system's random numbers");
    hex(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_stable_per_client_and_secret_and_shows_no_address() {
        let keys = ClientKeys::new("secret one");
        let ip: IpAddr = "203.0.113.7".parse().unwrap();
        let key = keys.key(ip);
        assert_eq!(key.len(), 32);
        assert_eq!(key, keys.key(ip));
        assert!(!key.contains("203"));
        assert_ne!(key, keys.key("203.0.113.8".parse().unwrap()));
        assert_ne!(key, ClientKeys::new("secret two").key(ip));
        // One IPv6 /64 is one client.
        assert_eq!(
            keys.key("2001:db8::1".parse().unwrap()),
            keys.key("2001:db8::2".parse().unwrap())
        );
        assert!(gazette_model::routes::is_valid_slug(&key));
    }
}
