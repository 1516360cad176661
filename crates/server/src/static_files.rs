//! The app's files: a file if it exists, else index.html (the app routes in
//! the browser). Hashed assets are cached for a year, everything else is
//! revalidated on each use.

use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeader;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

pub fn router(dir: &Path) -> Router {
    let index = SetResponseHeader::overriding(
        ServeFile::new(dir.join("index.html")),
        header::CACHE_CONTROL,
        HeaderValue::from_static(REVALIDATE),
    );
    Router::new()
        .fallback_service(ServeDir::new(dir).fallback(index))
        .layer(axum::middleware::from_fn(cache_control))
}

async fn cache_control(request: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    if !response.headers().contains_key(header::CACHE_CONTROL) {
        let ok = matches!(
            response.status(),
            StatusCode::OK | StatusCode::PARTIAL_CONTENT
        );
        let value = if hashed && ok { IMMUTABLE } else { REVALIDATE };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// Whether a path names a file whose name carries a content hash, as the
/// build writes them: `gazette-1a2b3c4d5e6f7a8b_bg.wasm`, `style-….css`: a
/// `-`, 16 hex digits, then `.` or `_`.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let bytes = name.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b'-'
            && bytes.len() > i + 17
            && bytes[i + 1..i + 17].iter().all(u8::is_ascii_hexdigit)
            && matches!(bytes[i + 17], b'.' | b'_')
    }) && name.contains('.')
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn hashed_names() {
        for yes in [
            "/gazette-1a2b3c4d5e6f7a8b_bg.wasm",
            "/gazette-1a2b3c4d5e6f7a8b.js",
            "/assets/style-0123456789abcdef.css",
        ] {
            assert!(is_hashed_asset(yes), "{yes}");
        }
        for no in [
            "/",
            "/index.html",
            "/gazette.js",
            "/gazette-1a2b3c4d5e6f7a8.js",
            "/gazette-1a2b3c4d5e6f7a8g.js",
            "/article/x-1a2b3c4d5e6f7a8b",
            "/1a2b3c4d5e6f7a8b-x/gazette.js",
        ] {
            assert!(!is_hashed_asset(no), "{no}");
        }
    }
}
