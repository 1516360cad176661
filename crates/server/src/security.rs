//! The security headers on every answer (gazette_render::security): an HTML
//! page's Content-Security-Policy lists the hashes of that page's own inline
//! scripts, read from the page being sent (a rendered page, the shell, the
//! desk's bundle); other answers get the policy with no script hashes.
//! `Strict-Transport-Security` with `--hsts` only.

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use gazette_render::security::{content_security_policy, headers, inline_script_hashes};

/// Pages larger than this are not read for their scripts (none is near).
const MAX_PAGE: usize = 16 * 1024 * 1024;

pub async fn security_headers(State(hsts): State<bool>, request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    // A 304's headers replace the cached answer's: its policy must stay the
    // one computed from the body the browser kept.
    if response.status() == axum::http::StatusCode::NOT_MODIFIED {
        return response;
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let (mut parts, body) = response.into_parts();
    let (body, scripts) = if is_html {
        match to_bytes(body, MAX_PAGE).await {
            Ok(bytes) => {
                let scripts = inline_script_hashes(&String::from_utf8_lossy(&bytes));
                (Body::from(bytes), scripts)
            }
            Err(_) => return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        }
    } else {
        (body, Vec::new())
    };
    // The API is this server's: `'self'` covers it.
    let policy = content_security_policy(&scripts, "/api", false);
    for (name, value) in headers(&policy, hsts) {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            parts.headers.insert(name, value);
        }
    }
    Response::from_parts(parts, body)
}
