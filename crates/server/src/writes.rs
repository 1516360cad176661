//! What every write of a reader checks before it stores anything: the
//! body, JSON, the Idempotency-Key and a replay of it, a ban, the rate
//! limit (and the allowance of invalid writes); and the clock. Shared by posts (`post`) and reports (`report`);
//! the moderation desk uses the body and JSON checks.

use std::net::IpAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use gazette_model::contract::Timestamp;
use gazette_model::lang::Lang;

use crate::db::limits::Window;
use crate::db::{blocking, StoredResponse};
use crate::errors::{json_response, ApiError, Kind};
use crate::listen::body_timed_out;
use crate::rate_limit::{client_entry, invalid_per_minute, now_ms, per_minute};
use crate::state::AppState;

/// The request's body, or the contract's error for one too large, too slow
/// to arrive (`--body-timeout`) or unread.
pub fn body_bytes(body: Result<Bytes, BytesRejection>, lang: Lang) -> Result<Bytes, ApiError> {
    body.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(Kind::TooLarge, lang),
        _ if body_timed_out(&e) => ApiError::new(Kind::Timeout, lang),
        _ => ApiError::new(Kind::MalformedJson, lang),
    })
}

/// The first answer again when `key` was used before (a retry is answered
/// before the rate limit counts it); `None` for a new key.
pub async fn replayed(
    state: &AppState,
    key: &str,
    fingerprint: &str,
    now_unix: i64,
) -> Result<Option<Response>, ApiError> {
    let lang = state.lang;
    let db = state.db.clone();
    let lookup_key = key.to_owned();
    match blocking(lang, move || db.find_key(&lookup_key, now_unix)).await? {
        Some(previous) => replay(previous, fingerprint, lang).map(Some),
        None => Ok(None),
    }
}

/// Refuses a banned client (`403 banned`), then takes one write of kind
/// `what` ("post", "report") from its allowance (`429` with Retry-After).
pub async fn admit(
    state: &AppState,
    author_key: &str,
    client: IpAddr,
    what: &str,
    now_unix: i64,
) -> Result<(), ApiError> {
    refuse_banned(state, author_key, now_unix).await?;
    take(state, client, what).await
}

/// `403 banned` for a banned client.
pub async fn refuse_banned(
    state: &AppState,
    author_key: &str,
    now_unix: i64,
) -> Result<(), ApiError> {
    let lang = state.lang;
    let db = state.db.clone();
    let key = author_key.to_owned();
    if blocking(lang, move || db.is_banned(&key, now_unix)).await? {
        return Err(ApiError::new(Kind::Banned, lang));
    }
    Ok(())
}

/// Takes one write of kind `what` from the client's per-minute allowance
/// (`--rate-limit`), or answers `429` with Retry-After.
pub async fn take(state: &AppState, client: IpAddr, what: &str) -> Result<(), ApiError> {
    let window = per_minute(state.rate_limit);
    take_from(state, client_entry(what, client), window).await
}

/// The answer to an invalid write of kind `what`: `error`, counted against
/// the client's allowance of invalid writes (`rate_limit::invalid_per_minute`,
/// apart from the valid ones'), or `429` once that is spent. When the count
/// cannot be kept (the database is down), `error` all the same.
pub async fn refuse_invalid(
    state: &AppState,
    client: IpAddr,
    what: &str,
    error: ApiError,
) -> ApiError {
    let entry = client_entry(&format!("{what}-invalid"), client);
    match take_from(state, entry, invalid_per_minute(state.rate_limit)).await {
        Err(refused) if refused.status == StatusCode::TOO_MANY_REQUESTS => refused,
        _ => error,
    }
}

async fn take_from(state: &AppState, entry: String, window: Window) -> Result<(), ApiError> {
    let lang = state.lang;
    let db = state.db.clone();
    match blocking(lang, move || db.take(&entry, window, now_ms())).await? {
        Some(seconds) => Err(ApiError::new(Kind::RateLimited, lang).retry_after(seconds)),
        None => Ok(()),
    }
}

/// The first answer again for the same body; `422` for another body.
pub fn replay(
    previous: StoredResponse,
    fingerprint: &str,
    lang: Lang,
) -> Result<Response, ApiError> {
    if previous.fingerprint != fingerprint {
        return Err(ApiError::new(Kind::KeyReused, lang));
    }
    let status = StatusCode::from_u16(previous.status).unwrap_or(StatusCode::CREATED);
    let mut response = json_response(status, previous.body);
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    Ok(response)
}

pub fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

/// The `Idempotency-Key` header, lower-cased: one header, a UUID v4.
pub fn idempotency_key(headers: &HeaderMap) -> Result<String, Kind> {
    let mut values = headers.get_all("idempotency-key").iter();
    let value = values.next().ok_or(Kind::MissingKey)?;
    if values.next().is_some() {
        // Two keys: which one the client meant cannot be told.
        return Err(Kind::BadKey);
    }
    let key = value.to_str().map_err(|_| Kind::BadKey)?.trim();
    if key.is_empty() {
        return Err(Kind::MissingKey);
    }
    if !is_uuid_v4(key) {
        return Err(Kind::BadKey);
    }
    Ok(key.to_ascii_lowercase())
}

/// `xxxxxxxx-xxxx-4xxx-Yxxx-xxxxxxxxxxxx` in hex digits, `Y` one of 8, 9,
/// a or b: a random (version 4) UUID, as the contract asks. An all-zero
/// UUID, or a version 1 one (a time and a machine's address), is refused.
pub fn is_uuid_v4(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            14 => *b == b'4',
            19 => matches!(b.to_ascii_lowercase(), b'8' | b'9' | b'a' | b'b'),
            _ => b.is_ascii_hexdigit(),
        })
}

/// Now, to the second, with a `+00:00` offset; and as Unix seconds.
pub fn now() -> (Timestamp, i64) {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let time = chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .fixed_offset();
    (Timestamp(time), seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_random_uuids_are_keys() {
        assert!(is_uuid_v4("6f1c2e5a-3b7d-4c8e-9a0b-1c2d3e4f5a6b"));
        assert!(is_uuid_v4("6F1C2E5A-3B7D-4C8E-BA0B-1C2D3E4F5A6B"));
        for bad in [
            "6f1c2e5a3b7d4c8e9a0b1c2d3e4f5a6b",
            "6f1c2e5a-3b7d-4c8e-9a0b-1c2d3e4f5a6",
            "6f1c2e5a-3b7d-4c8e-9a0b-1c2d3e4f5a6g",
            "00000000-0000-0000-0000-000000000000",
            // Version 1: a time and a MAC address.
            "6f1c2e5a-3b7d-11ee-9a0b-1c2d3e4f5a6b",
            // Version 4 digits, but not the RFC 4122 variant.
            "6f1c2e5a-3b7d-4c8e-ca0b-1c2d3e4f5a6b",
            "hello",
        ] {
            assert!(!is_uuid_v4(bad), "{bad}");
        }
    }

    #[test]
    fn now_has_a_utc_offset_and_no_fraction() {
        let text = now().0.to_rfc3339();
        assert!(text.ends_with("+00:00"), "{text}");
        assert_eq!(text.len(), "2026-01-01T00:00:00+00:00".len(), "{text}");
    }
}
