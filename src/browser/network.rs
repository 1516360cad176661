//! The network as the reader's browser sees it: whether it is online, the
//! service worker that keeps read articles for offline reading (written by
//! the build: crates/prerender/src/sw.js), and the list of articles it saved.

use gazette_model::offline::{saved_articles as parse_saved, SavedArticle};
use gazette_model::routes::{SAVED_ARTICLES, SERVICE_WORKER};
use wasm_bindgen::JsValue;

use super::window;

/// Whether the browser believes it is online (natively: yes).
pub fn is_online() -> bool {
    window().is_none_or(|w| w.navigator().on_line())
}

/// Registers the build's service worker where the browser offers them (a
/// secure context); a build without one (`trunk serve`) just stays online
/// only.
pub fn register_service_worker() {
    let Some(window) = window() else {
        return;
    };
    let navigator = window.navigator();
    let offered = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|sw| !sw.is_undefined() && !sw.is_null());
    if !offered || !window.is_secure_context() {
        return;
    }
    let registration = navigator.service_worker().register(SERVICE_WORKER);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = wasm_bindgen_futures::JsFuture::from(registration).await {
            leptos::logging::log!("no offline reading: {error:?}");
        }
    });
}

/// The articles saved for offline reading, last opened first; none without
/// the service worker.
pub async fn saved_articles() -> Vec<SavedArticle> {
    let Ok(response) = gloo_net::http::Request::get(SAVED_ARTICLES).send().await else {
        return Vec::new();
    };
    if !response.ok() {
        return Vec::new();
    }
    response
        .text()
        .await
        .map(|text| parse_saved(&text))
        .unwrap_or_default()
}
