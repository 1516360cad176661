//! The sitemaps, robots.txt and the Atom feeds (`routes::SiteFile`),
//! written live from the content by the same code as the build's
//! (`gazette_render::site_files`), and the origin absolute URLs are on.

use std::sync::Arc;

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use gazette_model::routes::SiteFile;
use gazette_render::site_files;

use crate::state::AppState;

/// The origin a request was made to, from its `Host` header, for absolute
/// URLs when site.json names no `canonical_origin`. The server speaks plain
/// HTTP: behind a TLS proxy, set `canonical_origin`. A `Host` that is not a
/// plain host name and port is not trusted: `http://localhost` then.
pub fn request_origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes().all(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')
                })
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

pub async fn serve(state: Arc<AppState>, file: SiteFile, origin: String) -> Response {
    let written = tokio::task::spawn_blocking(move || {
        let catalogue = state.content.catalogue()?;
        Ok::<_, String>(site_files::write(&file, &catalogue, &origin).map(|body| (file, body)))
    })
    .await;
    match written {
        Ok(Ok(Some((file, body)))) => {
            ([(header::CONTENT_TYPE, file.content_type())], body).into_response()
        }
        Ok(Ok(None)) => StatusCode::NOT_FOUND.into_response(),
        Ok(Err(reason)) => {
            eprintln!("error: writing a site file: {reason}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(error) => {
            eprintln!("error: writing a site file: {error}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
