//! `POST {api}/articles/{slug}/comments`.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use gazette_model::contract::{Comment, CommentStatus, NewComment};
use gazette_model::text::NativeTables;
use gazette_model::validate::{validate_new_comment, Field, FieldError, Problem};
use serde_json::Value;

use crate::db::{blocking, NewRecord, PostOutcome};
use crate::errors::{json_response, ApiError, Kind};
use crate::state::AppState;
use crate::writes::{
    body_bytes, idempotency_key, is_json, now, refuse_banned, refuse_invalid, replay, replayed,
    take,
};

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
    let body = body_bytes(body, lang)?;

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

    // A `400` from here on is counted against the client's allowance of
    // invalid posts, never against the budget of its valid ones.
    let invalid = |error| refuse_invalid(&state, client, "post", error);
    if !is_json(&headers) {
        return Err(invalid(fail(Kind::NotJson)).await);
    }
    let key = match idempotency_key(&headers) {
        Ok(key) => key,
        Err(kind) => return Err(invalid(fail(kind)).await),
    };
    let raw: NewComment = match serde_json::from_slice(&body) {
        Ok(raw) => raw,
        Err(_) => return Err(invalid(fail(Kind::MalformedJson)).await),
    };
    // The same body means the same request to the same article, whatever
    // the JSON's spacing or key order.
    let fingerprint = format!(
        "{slug}\n{}",
        serde_json::to_string(&raw).unwrap_or_default()
    );
    let (created_at, now_unix) = now();

    if let Some(previous) = replayed(&state, &key, &fingerprint, now_unix).await? {
        return Ok(previous);
    }
    let author_key = state.keys.key(client);
    refuse_banned(&state, &author_key, now_unix).await?;
    let comment = match validate_new_comment(&raw, &state.site.comments, &NativeTables) {
        Ok(comment) => comment,
        Err(e) => return Err(invalid(ApiError::field(e, lang)).await),
    };
    // A valid post (the honeypot's too: it must look like one) spends the
    // budget; a parent that turns out not to exist is judged in the same
    // transaction as the storing, after it.
    take(&state, client, "post").await?;
    let status = if state.moderate {
        CommentStatus::Pending
    } else {
        CommentStatus::Published
    };

    if !comment.website.is_empty() {
        // The honeypot: answer like a success, store nothing.
        let db = state.db.clone();
        let id = blocking(lang, move || db.honeypot_id()).await?;
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
