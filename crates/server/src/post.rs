//! `POST {api}/articles/{slug}/comments`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use gazette_model::contract::{Comment, CommentStatus, NewComment, Timestamp};
use gazette_model::validate::{validate_new_comment, Field, FieldError, Problem};
use serde_json::Value;

use crate::db::{blocking, NewRecord, PostOutcome, StoredResponse};
use crate::errors::{json_response, ApiError, Kind};
use crate::state::AppState;

pub async fn post_comment(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let lang = state.lang;
    let client = state.client(peer, &headers);
    let fail = |kind| ApiError::new(kind, lang);
    let body = body.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => fail(Kind::TooLarge),
        _ => fail(Kind::MalformedJson),
    })?;

    let article = state
        .content
        .article(&slug)
        .await
        .map_err(|e| ApiError::internal("reading the article", e, lang))?
        .ok_or_else(|| fail(Kind::NotFound))?;
    let open = article
        .get("comments_open")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    if !open || !state.site.comments.enabled {
        return Err(fail(Kind::Closed));
    }

    if !is_json(&headers) {
        return Err(fail(Kind::NotJson));
    }
    let key = idempotency_key(&headers).map_err(fail)?;
    let raw: NewComment = serde_json::from_slice(&body).map_err(|_| fail(Kind::MalformedJson))?;
    // The same body means the same request to the same article, whatever
    // the JSON's spacing or key order.
    let fingerprint = format!(
        "{slug}\n{}",
        serde_json::to_string(&raw).unwrap_or_default()
    );
    let (created_at, now_unix) = now();

    // A retry is answered before the rate limit counts it.
    let db = state.db.clone();
    let lookup_key = key.clone();
    if let Some(previous) = blocking(lang, move || db.find_key(&lookup_key, now_unix)).await? {
        return replay(previous, &fingerprint, lang);
    }
    let author_key = state.keys.key(client);
    let db = state.db.clone();
    let banned_key = author_key.clone();
    if blocking(lang, move || db.is_banned(&banned_key, now_unix)).await? {
        return Err(fail(Kind::Banned));
    }
    state
        .limiter
        .check(client)
        .map_err(|seconds| fail(Kind::RateLimited).retry_after(seconds))?;

    let comment =
        validate_new_comment(&raw, &state.site.comments).map_err(|e| ApiError::field(e, lang))?;
    let status = if state.moderate {
        CommentStatus::Pending
    } else {
        CommentStatus::Published
    };

    if !comment.website.is_empty() {
        // The honeypot: answer like a success, store nothing.
        let db = state.db.clone();
        let id = blocking(lang, move || db.preview_id()).await?;
        let fake = Comment {
            id,
            parent_id: comment.parent_id,
            author: comment.author,
            title: comment.title,
            body: comment.body,
            created_at,
            status,
            recommend_count: None,
            featured: false,
            edited_at: None,
        };
        let body = serde_json::to_string(&fake).unwrap_or_default();
        return Ok(json_response(StatusCode::CREATED, body));
    }

    let db = state.db.clone();
    let outcome = blocking(lang, move || {
        let outcome = db.post(&NewRecord {
            article: &slug,
            comment: &comment,
            status,
            created_at,
            author_key: &author_key,
            key: &key,
            fingerprint: &fingerprint,
            now_unix,
        });
        outcome.map(|outcome| (outcome, fingerprint))
    })
    .await?;
    match outcome {
        (PostOutcome::Created(body), _) => Ok(json_response(StatusCode::CREATED, body)),
        (PostOutcome::Previous(previous), fingerprint) => replay(previous, &fingerprint, lang),
        (PostOutcome::UnknownParent, _) => Err(ApiError::field(
            FieldError {
                field: Field::ParentId,
                problem: Problem::Invalid,
            },
            lang,
        )),
    }
}

/// The first answer again for the same body; `422` for another body.
pub(crate) fn replay(
    previous: StoredResponse,
    fingerprint: &str,
    lang: gazette_model::lang::Lang,
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

pub(crate) fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

/// The `Idempotency-Key` header, lower-cased; it must be a UUID.
pub(crate) fn idempotency_key(headers: &HeaderMap) -> Result<String, Kind> {
    let value = headers.get("idempotency-key").ok_or(Kind::MissingKey)?;
    let key = value.to_str().map_err(|_| Kind::BadKey)?.trim();
    if key.is_empty() {
        return Err(Kind::MissingKey);
    }
    if !is_uuid(key) {
        return Err(Kind::BadKey);
    }
    Ok(key.to_ascii_lowercase())
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits, any version.
pub fn is_uuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
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
    fn uuids() {
        assert!(is_uuid("6f1c2e5a-3b7d-4c8e-9a0b-1c2d3e4f5a6b"));
        assert!(is_uuid("6F1C2E5A-3B7D-4C8E-9A0B-1C2D3E4F5A6B"));
        assert!(!is_uuid("6f1c2e5a3b7d4c8e9a0b1c2d3e4f5a6b"));
        assert!(!is_uuid("6f1c2e5a-3b7d-4c8e-9a0b-1c2d3e4f5a6"));
        assert!(!is_uuid("6f1c2e5a-3b7d-4c8e-9a0b-1c2d3e4f5a6g"));
        assert!(!is_uuid("hello"));
    }

    #[test]
    fn now_has_a_utc_offset_and_no_fraction() {
        let text = now().0.to_rfc3339();
        assert!(text.ends_with("+00:00"), "{text}");
        assert_eq!(text.len(), "2026-01-01T00:00:00+00:00".len(), "{text}");
    }
}
