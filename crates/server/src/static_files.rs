//! The app's files: the sitemaps, robots.txt and feeds, written live
//! (crate::site_files); for each page of the app (`Route`: front page,
//! sections, articles, threads, permalinks), the page rendered now with this
//! server's live data by the app's own components (gazette_render), or the
//! not-found page with a `404` when its subject does not exist (no such
//! article or section); `/moderation`, the moderation desk's own bundle
//! (`desk/index.html`); a page's static file address (`/article/x.html`, as
//! a build writes it, stale against the database) or a trailing slash, a
//! `301` to the page; a file if it exists; anything else, the rendered
//! not-found page with a `404`. Only GET and HEAD: any other method is
//! `405` with `Allow`. The shell is `shell.html` as the build writes it
//! beside its prerendered pages, or `index.html` in a plain Trunk build
//! (which cannot be rendered: then a page, or the not-found page, is that
//! shell, and the app renders it). Hashed assets are cached for a year,
//! everything else is revalidated on each use.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::services::ServeDir;

use gazette_model::routes::{api, is_hashed_asset, Route, SiteFile};

use crate::api::api_json;
use crate::errors::Kind;
use crate::site_files::{self, request_origin};
use crate::state::AppState;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
/// The methods of every page and file.
const ALLOW: &str = "GET, HEAD";

pub fn router(dir: &Path, state: Arc<AppState>) -> Router {
    let (root, not_found_state) = (dir.to_owned(), state.clone());
    let not_found = move |request: Request| {
        let (root, state) = (root.clone(), not_found_state.clone());
        let origin = request_origin(request.headers());
        async move { not_found_page(&root, &state, &origin).await }
    };
    let files = ServeDir::new(dir).fallback(not_found.into_service());
    let root = dir.to_owned();
    // Pages first: `/article/x` is a page even where dist/ has a folder
    // `article/x/` (its thread's prerendered file), which ServeDir would
    // answer with a redirect to `/article/x/`.
    let serve = move |request: Request| {
        let (root, mut files, state) = (root.clone(), files.clone(), state.clone());
        async move {
            if !matches!(*request.method(), Method::GET | Method::HEAD) {
                return method_not_allowed();
            }
            let path = request.uri().path();
            let origin = request_origin(request.headers());
            if let Some(file) = SiteFile::parse(path) {
                return site_files::serve(state, file, origin).await;
            }
            if let Some(route) = Route::parse(path) {
                let href = route.href();
                if href != path {
                    return moved_to(&href, request.uri().query());
                }
                return serve_page(&root, &state, &route, &origin).await;
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

/// `405` with the methods pages and files have.
fn method_not_allowed() -> Response {
    (
        StatusCode::METHOD_NOT_ALLOWED,
        [
            (header::ALLOW, ALLOW),
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
        ],
        "Method Not Allowed\n",
    )
        .into_response()
}

/// A `301` to the page's own address, with the request's query.
fn moved_to(href: &str, query: Option<&str>) -> Response {
    let location = match query {
        Some(query) => format!("{href}?{query}"),
        None => href.to_owned(),
    };
    let location = HeaderValue::try_from(location)
        .or_else(|_| HeaderValue::try_from(href))
        .unwrap_or(HeaderValue::from_static("/"));
    (
        StatusCode::MOVED_PERMANENTLY,
        [(header::LOCATION, location)],
    )
        .into_response()
}

fn html_page(status: StatusCode, html: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, REVALIDATE),
        ],
        html,
    )
        .into_response()
}

async fn serve_page(dir: &Path, state: &AppState, route: &Route, origin: &str) -> Response {
    let page = if *route == Route::Moderation && desk_file(dir).is_file() {
        desk_file(dir)
    } else {
        shell_file(dir)
    };
    let Ok(shell) = tokio::fs::read_to_string(page).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !route.is_rendered() {
        return html_page(StatusCode::OK, shell);
    }
    match render_live(state, &shell, route, origin).await {
        Live::Page(html) => html_page(StatusCode::OK, html),
        Live::NotFound => not_found_in(state, shell, origin).await,
        Live::Failed => html_page(StatusCode::OK, shell),
    }
}

/// A page rendered from the live data, or why not.
enum Live {
    Page(String),
    /// The page's subject (`Route::subject_path`) does not exist.
    NotFound,
    /// Other data failed, or the rendering: the shell lets the app show why.
    Failed,
}

/// The page of `route` rendered from this server's answers to the paths
/// it carries inline.
async fn render_live(state: &AppState, shell: &str, route: &Route, origin: &str) -> Live {
    let paths = route.inline_paths();
    let mut data = Vec::with_capacity(paths.len());
    for path in paths {
        match api_json(state, &path).await {
            Ok(json) => data.push((path, json)),
            Err(error)
                if error.status == Kind::NotFound.status()
                    && route.subject_path().as_ref() == Some(&path) =>
            {
                return Live::NotFound
            }
            Err(_) => return Live::Failed,
        }
    }
    let (shell, url, origin) = (shell.to_owned(), route.href(), origin.to_owned());
    let rendered =
        tokio::task::spawn_blocking(move || gazette_render::render(&shell, &url, &data, &origin))
            .await;
    match rendered {
        Ok(Ok(html)) => Live::Page(html),
        Ok(Err(reason)) => {
            eprintln!("rendering a page: {reason}; serving the shell");
            Live::Failed
        }
        Err(error) => {
            eprintln!("rendering a page failed: {error}; serving the shell");
            Live::Failed
        }
    }
}

/// `404` with the app's not-found page, for a path that is neither a page
/// nor a file.
async fn not_found_page(dir: &Path, state: &AppState, origin: &str) -> Response {
    match tokio::fs::read_to_string(shell_file(dir)).await {
        Ok(shell) => not_found_in(state, shell, origin).await,
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `404` with the not-found page rendered in `shell` (as a static build's
/// 404.html), or the shell itself when it cannot be rendered.
async fn not_found_in(state: &AppState, shell: String, origin: &str) -> Response {
    let Ok(site) = api_json(state, api::SITE).await else {
        return html_page(StatusCode::NOT_FOUND, shell);
    };
    let (page, origin) = (shell.clone(), origin.to_owned());
    let rendered = tokio::task::spawn_blocking(move || {
        gazette_render::render_not_found(&page, &site, &origin)
    })
    .await;
    let html = match rendered {
        Ok(Ok(html)) => html,
        Ok(Err(reason)) => {
            eprintln!("rendering the not-found page: {reason}; serving the shell");
            shell
        }
        Err(error) => {
            eprintln!("rendering the not-found page failed: {error}; serving the shell");
            shell
        }
    };
    html_page(StatusCode::NOT_FOUND, html)
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
