//! The one API client: one function per endpoint of docs/API.md, typed
//! errors, and cancellation of requests whose page was left.

use gazette_model::contract::{Article, ArticleList, CommentList, Site};
use gazette_model::links::{is_safe_api_path, is_valid_slug};
use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

use crate::browser;

/// Why a request gave no data. `NotFound` shows the not-found page; the
/// others show an error state with a retry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    NotFound,
    Network,
    Status(u16),
    Decode(String),
}

/// GETs `{api}/{path}` and decodes it. The request is aborted when the
/// reactive owner that started it is cleaned up (the reader left the page).
async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let url = format!("{}/{}", browser::api_root(), path);
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let controller = SendWrapper::new(controller);
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });
    let response = Request::get(&url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    match response.status() {
        200..=299 => {}
        404 => return Err(ApiError::NotFound),
        status => return Err(ApiError::Status(status)),
    }
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))
}

pub async fn site() -> Result<Site, ApiError> {
    get_json("site.json").await
}

pub async fn front() -> Result<ArticleList, ApiError> {
    get_json("front.json").await
}

pub async fn section(slug: &str) -> Result<ArticleList, ApiError> {
    if !is_valid_slug(slug) {
        return Err(ApiError::NotFound);
    }
    get_json(&format!("sections/{slug}.json")).await
}

/// A listing's `next` page, a path relative to the API root.
pub async fn next_page(path: &str) -> Result<ArticleList, ApiError> {
    if !is_safe_api_path(path) {
        return Err(ApiError::Decode(format!("unsafe next path {path:?}")));
    }
    get_json(path).await
}

pub async fn article(slug: &str) -> Result<Article, ApiError> {
    if !is_valid_slug(slug) {
        return Err(ApiError::NotFound);
    }
    get_json(&format!("articles/{slug}.json")).await
}

pub async fn comments(slug: &str) -> Result<CommentList, ApiError> {
    if !is_valid_slug(slug) {
        return Err(ApiError::NotFound);
    }
    get_json(&format!("articles/{slug}/comments.json")).await
}
