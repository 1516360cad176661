//! `POST {api}/articles/{slug}/comments/{id}/reports`: a reader flags a
//! comment. Idempotent by its Idempotency-Key; one client (its
//! `author_key`) counts once per comment, a second report answers `200`.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use gazette_model::moderation::{NewReport, MAX_REPORT_NOTE};

use crate::db::blocking;
use crate::db::moderation::{NewReportRecord, ReportOutcome};
use crate::errors::{json_response, ApiError, Kind};
use crate::state::AppState;
use crate::writes::{admit, body_bytes, idempotency_key, is_json, now, replay, replayed};

pub async fn post_report(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let lang = state.lang;
    let client = state.client(peer, &headers);
    let fail = |kind| ApiError::new(kind, lang);
    let body = body_bytes(body, lang)?;
    if !state.content.article_exists(&slug).await {
        return Err(fail(Kind::NotFound));
    }
    if !is_json(&headers) {
        return Err(fail(Kind::NotJson));
    }
    let key = idempotency_key(&headers).map_err(fail)?;
    let report: NewReport = serde_json::from_slice(&body).map_err(|_| fail(Kind::BadReport))?;
    let note = report
        .note
        .as_deref()
        .map(str::trim)
        .filter(|note| !note.is_empty());
    if note.is_some_and(|note| note.chars().count() > MAX_REPORT_NOTE) {
        return Err(fail(Kind::BadReport).on_field("note"));
    }
    let fingerprint = format!(
        "report\n{slug}\n{id}\n{}",
        serde_json::to_string(&report).unwrap_or_default()
    );
    let (_, now_unix) = now();

    if let Some(previous) = replayed(&state, &key, &fingerprint, now_unix).await? {
        return Ok(previous);
    }
    let client_key = state.keys.key(client);
    admit(&state, &client_key, client, "report", now_unix).await?;

    let db = state.db.clone();
    let note = note.map(str::to_owned);
    let outcome = blocking(lang, move || {
        let outcome = db.report(&NewReportRecord {
            article: &slug,
            comment_id: &id,
            client_key: &client_key,
            reason: report.reason.key(),
            note: note.as_deref(),
            key: &key,
            fingerprint: &fingerprint,
            now_unix,
        });
        outcome.map(|outcome| (outcome, fingerprint))
    })
    .await?;
    match outcome {
        (ReportOutcome::Created(body), _) => Ok(json_response(StatusCode::CREATED, body)),
        (ReportOutcome::Again(body), _) => Ok(json_response(StatusCode::OK, body)),
        (ReportOutcome::Previous(previous), fingerprint) => replay(previous, &fingerprint, lang),
        (ReportOutcome::NotFound, _) => Err(fail(Kind::NotFound)),
    }
}
