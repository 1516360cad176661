//! The reader's writes to the API: a new comment (`POST {api}/articles/
//! {slug}/comments`) and a report (`…/comments/{id}/reports`), each with
//! its Idempotency-Key, a timeout, and every answer of the contract typed.

use gazette_model::contract::{Comment, ErrorDetail, ErrorResponse, NewComment};
use gazette_model::moderation::NewReport;
use gazette_model::routes::api;
use gloo_net::http::Request;
use leptos::prelude::set_timeout;
use std::time::Duration;

use crate::browser::document::api_root;

/// How long a send may take before the reader is told it was not sent.
const TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Clone, Debug, PartialEq)]
pub enum PostError {
    /// Offline, refused, timed out, or a 5xx: the draft stays, retry offered.
    Unreachable,
    /// 400, 413, 422: what the server said, and about which field.
    Rejected(ErrorDetail),
    /// 429, with the seconds from Retry-After.
    RateLimited(u64),
    /// 403: comments are closed on this article.
    Closed,
    /// 403 `banned`: the moderators suspended this reader.
    Banned,
    /// 404: the article (or the comment reported) is gone.
    Gone,
}

pub async fn post_comment(
    slug: &str,
    request: &NewComment,
    key: &str,
) -> Result<Comment, PostError> {
    let body = serde_json::to_string(request).map_err(|_| PostError::Unreachable)?;
    let (_, text) = post_json(&api::post_comment(slug), body, key).await?;
    serde_json::from_str(&text).map_err(|_| PostError::Unreachable)
}

/// Reports comment `id`; `true` when this is the reader's first report of
/// it (`201`), `false` when they had reported it already (`200`).
pub async fn post_report(
    slug: &str,
    id: &str,
    report: &NewReport,
    key: &str,
) -> Result<bool, PostError> {
    let body = serde_json::to_string(report).map_err(|_| PostError::Unreachable)?;
    let (status, _) = post_json(&api::report(slug, id), body, key).await?;
    Ok(status == 201)
}

/// POSTs `body` to `path` under the API root; a 2xx status and its body,
/// or the contract's error typed.
async fn post_json(path: &str, body: String, key: &str) -> Result<(u16, String), PostError> {
    let url = format!("{}/{path}", api_root());
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    if let Some(controller) = controller {
        set_timeout(move || controller.abort(), TIMEOUT);
    }
    let response = Request::post(&url)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .abort_signal(signal.as_ref())
        .body(body)
        .map_err(|_| PostError::Unreachable)?
        .send()
        .await
        .map_err(|_| PostError::Unreachable)?;
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    let text = response.text().await.map_err(|_| PostError::Unreachable)?;
    let detail = || match serde_json::from_str::<ErrorResponse>(&text) {
        Ok(e) => e.error,
        Err(_) => ErrorDetail {
            code: "invalid".into(),
            message: String::new(),
            field: None,
        },
    };
    match status {
        200..=299 => Ok((status, text)),
        403 if detail().code == "banned" => Err(PostError::Banned),
        403 => Err(PostError::Closed),
        404 => Err(PostError::Gone),
        429 => Err(PostError::RateLimited(
            retry_after
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(60),
        )),
        400..=499 => Err(PostError::Rejected(detail())),
        _ => Err(PostError::Unreachable),
    }
}
