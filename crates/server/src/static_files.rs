//! The app's files: the sitemaps, robots.txt and feeds, written live
//! (crate::site_files); a file if it exists; else, for the pages the app renders
//! ahead (front page, sections, articles, threads: gazette_render::data_for),
//! the page rendered now with this server's live data by the app's own
//! components; `/moderation`, the moderation desk's own bundle
//! (`desk/index.html`); else the shell, the app that routes in the browser. The
//! shell is `shell.html` as the build writes it beside its prerendered
//! pages, or `index.html` in a plain Trunk build. Hashed assets are cached
//! for a year, everything else is revalidated on each use.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::services::ServeDir;

use gazette_model::routes::{is_hashed_asset, Route, SiteFile};

use crate::api::api_json;
use crate::site_files::{self, request_origin};
use crate::state::AppState;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";

pub fn router(dir: &Path, state: Arc<AppState>) -> Router {
    let root = dir.to_owned();
    let files_state = state.clone();
    let page = move |request: Request| {
        let (root, state) = (root.clone(), state.clone());
        let origin = request_origin(request.headers());
        async move { serve_page(&root, &state, request.uri().path(), &origin).await }
    };
    let files = ServeDir::new(dir).fallback(page.clone().into_service());
    // Pages first: `/article/x` is a page even where dist/ has a folder
    // `article/x/` (its thread's prerendered file), which ServeDir would
    // answer with a redirect to `/article/x/`.
    let serve = move |request: Request| {
        let (page, mut files, state) = (page.clone(), files.clone(), files_state.clone());
        async move {
            let path = request.uri().path();
            if let Some(file) = SiteFile::parse(path) {
                return site_files::serve(state, file, request_origin(request.headers())).await;
            }
            let is_page = path == "/index.html"
                || gazette_render::data_for(path).is_some()
                || Route::parse(path) == Some(Route::Moderation);
            if is_page {
                return page(request).await;
            }
            match files.try_call(request).await {
                Ok(response) => response.into_response(),
                Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            }
        }
    };
    Router::new()
        .fallback(serve)
        .layer(axum::middleware::from_fn(cache_control))
}

async fn serve_page(dir: &Path, state: &AppState, url: &str, origin: &str) -> Response {
    let page = if Route::parse(url) == Some(Route::Moderation) && desk_file(dir).is_file() {
        desk_file(dir)
    } else {
        shell_file(dir)
    };
    let Ok(shell) = tokio::fs::read_to_string(page).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let url = if url == "/index.html" { "/" } else { url };
    let html = match gazette_render::data_for(url) {
        Some(paths) => render_live(state, &shell, url, paths, origin)
            .await
            .unwrap_or(shell),
        None => shell,
    };
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, REVALIDATE),
        ],
        html,
    )
        .into_response()
}

/// The page at `url` rendered from this server's answers to `paths`; `None`
/// when one of them fails (the shell then lets the app show why).
async fn render_live(
    state: &AppState,
    shell: &str,
    url: &str,
    paths: Vec<String>,
    origin: &str,
) -> Option<String> {
    let mut data = Vec::with_capacity(paths.len());
    for path in paths {
        let json = api_json(state, &path).await.ok()?;
        data.push((path, json));
    }
    let (shell, url, origin) = (shell.to_owned(), url.to_owned(), origin.to_owned());
    let rendered =
        tokio::task::spawn_blocking(move || gazette_render::render(&shell, &url, &data, &origin))
            .await;
    match rendered {
        Ok(Ok(html)) => Some(html),
        Ok(Err(reason)) => {
            eprintln!("rendering a page: {reason}; serving the shell");
            None
        }
        Err(error) => {
            eprintln!("rendering a page failed: {error}; serving the shell");
            None
        }
    }
}

/// The moderation desk's own bundle (scripts/build.sh), served at `/moderation`.
pub fn desk_file(dir: &Path) -> PathBuf {
    dir.join("desk/index.html")
}

/// The app's shell: shell.html beside prerendered pages, else index.html.
pub fn shell_file(dir: &Path) -> PathBuf {
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

#[cfg(test)]
mod tests {
    use super::shell_file;

    #[test]
    fn the_shell_is_shell_html_else_index_html() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "front page").unwrap();
        assert_eq!(shell_file(dir.path()), dir.path().join("index.html"));
        std::fs::write(dir.path().join("shell.html"), "shell").unwrap();
        assert_eq!(shell_file(dir.path()), dir.path().join("shell.html"));
    }
}
