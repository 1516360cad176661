//! The one API client: one function per endpoint of docs/API.md, typed
//! errors, and cancellation of requests whose page was left.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use gazette_model::contract::{Article, ArticleList, CommentList, Site, SubThread};
use gazette_model::routes::{api, is_api_path, is_valid_slug};
use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

use crate::browser;
use crate::browser::document::api_root;

/// Why a request gave no data. `NotFound` shows the not-found page; the
/// others show an error state with a retry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    NotFound,
    Network,
    Status(u16),
    Decode(String),
}

/// Recently fetched responses, by API path: going back shows a page from
/// memory, and a link the reader points at is fetched before the click.
const CACHE_ENTRIES: usize = 16;

/// A response's text as the cache keeps it: in the browser a JavaScript
/// string, outside the .wasm's linear memory (which never shrinks, so
/// sixteen kept listings would hold it at their high-water mark); natively
/// (the prerender) a Rust string.
#[cfg(target_arch = "wasm32")]
type Kept = js_sys::JsString;
#[cfg(not(target_arch = "wasm32"))]
type Kept = Rc<str>;

/// A kept text, copied into Rust for decoding (and dropped after it).
fn unkept(text: &Kept) -> Rc<str> {
    #[cfg(target_arch = "wasm32")]
    return String::from(text).into();
    #[cfg(not(target_arch = "wasm32"))]
    text.clone()
}

thread_local! {
    static CACHE: RefCell<VecDeque<(String, Kept)>> = const { RefCell::new(VecDeque::new()) };
}

fn cached(path: &str) -> Option<Rc<str>> {
    CACHE.with_borrow(|cache| {
        cache
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, text)| unkept(text))
    })
}

fn is_cached(path: &str) -> bool {
    CACHE.with_borrow(|cache| cache.iter().any(|(p, _)| p == path))
}

fn remember(path: &str, text: &str) {
    let text = Kept::from(text);
    CACHE.with_borrow_mut(|cache| {
        cache.retain(|(p, _)| p != path);
        if cache.len() == CACHE_ENTRIES {
            cache.pop_front();
        }
        cache.push_back((path.to_owned(), text));
    });
}

/// Puts a response in memory before the app starts: the data the page was
/// prerendered from, so the first render shows the same content at once.
pub fn seed(path: &str, text: &str) {
    if is_api_path(path) {
        remember(path, text);
    }
}

/// Empties the memory (the prerender, between pages).
pub fn forget_all() {
    CACHE.with_borrow_mut(VecDeque::clear);
}

/// Drops a path from memory (its content changed, or it did not decode).
pub fn forget(path: &str) {
    CACHE.with_borrow_mut(|cache| cache.retain(|(p, _)| p != path));
}

/// GETs `{api}/{path}` as text. With `abort_on_cleanup`, the request is
/// aborted when the reactive owner that started it is cleaned up (the
/// reader left the page).
async fn fetch_text(path: &str, abort_on_cleanup: bool) -> Result<Rc<str>, ApiError> {
    if !browser::is_live() {
        // The prerender has no network: what it was not given stays loading.
        return std::future::pending().await;
    }
    let url = format!("{}/{}", api_root(), path);
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    if abort_on_cleanup {
        let controller = SendWrapper::new(controller);
        on_cleanup(move || {
            if let Some(controller) = controller.take() {
                controller.abort();
            }
        });
    }
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
    let text: Rc<str> = response.text().await.map_err(|_| ApiError::Network)?.into();
    remember(path, &text);
    Ok(text)
}

/// GETs `{api}/{path}` (from memory when it was fetched lately) and decodes it.
async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    get_decoded(path, |text| serde_json::from_str(text)).await
}

async fn get_decoded<T>(
    path: &str,
    decode: fn(&str) -> Result<T, serde_json::Error>,
) -> Result<T, ApiError> {
    let text = match cached(path) {
        Some(text) => text,
        None => fetch_text(path, true).await?,
    };
    decode(&text).map_err(|e| {
        forget(path);
        ApiError::Decode(e.to_string())
    })
}

/// Fetches an article and its comments into memory ahead of a click.
pub fn prefetch_article(slug: &str) {
    if !is_valid_slug(slug) {
        return;
    }
    for path in [api::article(slug), api::comments(slug)] {
        if !is_cached(&path) {
            leptos::task::spawn_local(async move {
                let _ = fetch_text(&path, false).await;
            });
        }
    }
}

/// Forgets an article's comments, every page and sub-thread of them (after
/// the reader posted one).
pub fn forget_comments(slug: &str) {
    let listing = api::comments(slug);
    let pages = format!("{}/", listing.trim_end_matches(".json"));
    CACHE.with_borrow_mut(|cache| cache.retain(|(p, _)| *p != listing && !p.starts_with(&pages)));
}

pub async fn site() -> Result<Site, ApiError> {
    get_json(api::SITE).await
}

pub async fn front() -> Result<ArticleList, ApiError> {
    get_json(api::FRONT).await
}

pub async fn section(slug: &str) -> Result<ArticleList, ApiError> {
    if !is_valid_slug(slug) {
        return Err(ApiError::NotFound);
    }
    get_json(&api::section(slug)).await
}

/// A listing's `next` page (of articles or of comments), a path relative
/// to the API root.
pub async fn next_page<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    if !is_api_path(path) {
        return Err(ApiError::Decode(format!("unsafe next path {path:?}")));
    }
    get_json(path).await
}

pub async fn article(slug: &str) -> Result<Article, ApiError> {
    if !is_valid_slug(slug) {
        return Err(ApiError::NotFound);
    }
    get_decoded(&api::article(slug), Article::from_json).await
}

pub async fn comments(slug: &str) -> Result<CommentList, ApiError> {
    if !is_valid_slug(slug) {
        return Err(ApiError::NotFound);
    }
    get_json(&api::comments(slug)).await
}

/// One comment's sub-thread (contract 1.1; `NotFound` where a static host
/// has no such file).
pub async fn sub_thread(slug: &str, id: &str) -> Result<SubThread, ApiError> {
    if !is_valid_slug(slug) || !is_valid_slug(id) {
        return Err(ApiError::NotFound);
    }
    get_json(&api::sub_thread(slug, id)).await
}
