//! The app's files: a file if it exists, else the page prerendered for the
//! path (`/article/x` → article/x.html), else shell.html, the app that routes
//! in the browser (index.html in a build without prerendered pages). A
//! prerendered page carries the API responses it was rendered from; they are
//! swapped for this server's live ones (comment counts). Hashed assets are
//! cached for a year, everything else is revalidated on each use.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use gazette_model::inline_data;
use tower_http::services::ServeDir;

use crate::api::content_json;
use crate::AppState;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

pub fn router(dir: &Path, state: Arc<AppState>) -> Router {
    let root = dir.to_owned();
    let page = move |request: Request| {
        let file = page_for(&root, request.uri().path());
        let state = state.clone();
        async move { serve_page(&file, &state).await }
    };
    Router::new()
        .route("/", get(page.clone()))
        .route("/index.html", get(page.clone()))
        .fallback_service(ServeDir::new(dir).fallback(page.into_service()))
        .layer(axum::middleware::from_fn(cache_control))
}

async fn serve_page(file: &Path, state: &AppState) -> Response {
    let Ok(html) = tokio::fs::read_to_string(file).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut live = HashMap::new();
    for path in inline_data::paths(&html) {
        if let Ok(json) = content_json(state, &path).await {
            live.insert(path, json);
        }
    }
    let html = inline_data::replace(&html, |path| live.remove(path));
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, REVALIDATE),
        ],
        html,
    )
        .into_response()
}

/// The HTML page for an app path that is no file: its prerendered page when
/// the build wrote one, else the shell.
pub fn page_for(dir: &Path, path: &str) -> PathBuf {
    if path == "/" || path == "/index.html" {
        return dir.join("index.html");
    }
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let plain = |s: &&str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if segments.iter().all(plain) {
        let page = dir.join(format!("{}.html", segments.join("/")));
        if page.is_file() {
            return page;
        }
    }
    let shell = dir.join("shell.html");
    if shell.is_file() {
        shell
    } else {
        dir.join("index.html")
    }
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
    use std::path::Path;

    use super::{is_hashed_asset, page_for};

    #[test]
    fn prerendered_page_else_shell() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("article")).unwrap();
        for file in ["index.html", "shell.html", "article/x.html"] {
            std::fs::write(dir.path().join(file), file).unwrap();
        }
        let page = |path| {
            page_for(dir.path(), path)
                .strip_prefix(dir.path())
                .unwrap()
                .to_owned()
        };
        assert_eq!(page("/article/x"), Path::new("article/x.html"));
        assert_eq!(page("/article/x/"), Path::new("article/x.html"));
        for other in [
            "/article/y",
            "/article/x/comments",
            "/article/../shell",
            "/article/x.html/",
            "/a%2Fb",
        ] {
            assert_eq!(page(other), Path::new("shell.html"), "{other}");
        }
        std::fs::remove_file(dir.path().join("shell.html")).unwrap();
        assert_eq!(page("/article/y"), Path::new("index.html"));
    }

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
