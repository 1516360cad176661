//! Moderators' credentials and sessions: argon2id password hashes, session
//! tokens kept only as their SHA-256 in the database, and the session
//! cookie. The limit on failed sign-ins is `rate_limit::Failures`.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

use crate::client::{hex, random_hex};

/// The session cookie's name.
pub const COOKIE: &str = "gazette_moderation";
/// How long a session lasts.
pub const SESSION_SECONDS: i64 = 12 * 60 * 60;

/// A salted argon2id hash (PHC string) of `password`.
pub fn hash_password(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| e.to_string())
}

/// Checks `password` against `stored` (or, for an unknown name, against a
/// hash nobody's password matches, so that both take the same time).
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    static DECOY: LazyLock<String> =
        LazyLock::new(|| hash_password(&random_hex(16)).unwrap_or_default());
    let hash = stored.unwrap_or(DECOY.as_str());
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    matches && stored.is_some()
}

/// A new session token (sent in the cookie) and its hash (stored).
pub fn new_token() -> (String, String) {
    let token = random_hex(32);
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The session token in the request's cookie, if any.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|value| value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The `Set-Cookie` value for a session (`token` `None`: ending it).
pub fn cookie(token: Option<&str>, path: &str, secure: bool) -> String {
    let (value, age) = match token {
        Some(token) => (token, SESSION_SECONDS),
        None => ("", 0),
    };
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={value}; HttpOnly; SameSite=Strict; Path={path}; Max-Age={age}{secure}")
}

/// Whether the request came over HTTPS (through a proxy that says so).
pub fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_stored_salted_and_checked() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("correct horse"));
        assert_ne!(hash, hash_password("correct horse battery").unwrap());
        assert!(verify_password("correct horse battery", Some(&hash)));
        assert!(!verify_password("correct horse batterz", Some(&hash)));
        assert!(!verify_password("correct horse battery", None));
    }

    #[test]
    fn the_cookie_is_read_back_and_carries_its_flags() {
        let (token, hash) = new_token();
        assert_eq!(hash, token_hash(&token));
        let set = cookie(Some(&token), "/api/moderation", true);
        for flag in [
            "HttpOnly",
            "SameSite=Strict",
            "Path=/api/moderation",
            "Secure",
            "Max-Age=43200",
        ] {
            assert!(set.contains(flag), "{set}");
        }
        let mut headers = HeaderMap::new();
        headers.insert(
            axum::http::header::COOKIE,
            format!("a=b; {COOKIE}={token}").parse().unwrap(),
        );
        assert_eq!(cookie_token(&headers), Some(token));
    }
}
