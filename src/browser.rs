//! The browser at the edge: the document, its meta tags, storage and the
//! clock. Called from effects and handlers, never from view-building code.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The API root from `<meta name="api-root">`, without a trailing slash.
pub fn api_root() -> String {
    let from_meta = document()
        .and_then(|d| d.query_selector("meta[name=api-root]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlMetaElement>().ok())
        .map(|m| m.content());
    let root = from_meta.filter(|c| !c.trim().is_empty());
    root.as_deref().unwrap_or("/api").trim_end_matches('/').to_owned()
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Sets `lang` and `dir` on `<html>`.
pub fn set_document_lang(lang: &str, dir: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("dir", dir);
    }
}

/// Sets the colour theme on `<html>` (`data-theme`); "auto" follows the system.
pub fn set_theme(key: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = match key {
            "light" | "dark" => root.set_attribute("data-theme", key),
            _ => root.remove_attribute("data-theme"),
        };
    }
}

/// Moves focus to the element with this id (after a navigation or an action).
pub fn focus_id(id: &str) {
    let element = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A value kept in localStorage; `None` when absent or storage is refused.
pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Keeps a value in localStorage; storage refused (private mode) is not an error.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Forgets a value kept in localStorage.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// A fresh UUID v4 from the browser's cryptographic random numbers (time
/// and counters only where `crypto` is missing, which no supported browser is).
pub fn random_uuid() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        let seed = (now_millis() * 1000.0) as u128;
        bytes = seed.to_le_bytes();
    }
    gazette_model::draft::uuid_v4(bytes)
}

/// Whether the viewport is phone-sized (the CSS breakpoint of the menu).
pub fn is_narrow_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 47.99rem)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The fragment of the current URL, without `#`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// The page's origin, e.g. `https://news.example`.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Scrolls the element with this id into view and focuses it.
pub fn reveal_id(id: &str) {
    let element = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Writes text to the clipboard; `false` when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Whether the browser has a share sheet (`navigator.share`).
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the device's share sheet; call only from a click. A cancelled
/// share rejects its promise, which is not an error here.
pub fn share(title: &str, url: &str) {
    let Some(window) = web_sys::window() else { return };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(title);
    data.set_url(url);
    let promise = window.navigator().share_with_data(&data);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

thread_local! {
    /// The last scroll position of each path visited, for going back.
    static SCROLL: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// Set by a back or forward navigation until its page has restored.
    static RESTORE: Cell<bool> = const { Cell::new(false) };
}

fn pathname() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// Remembers where the reader is on the current page (a scroll listener).
pub fn note_scroll() {
    if RESTORE.get() {
        // Between a back navigation and its page showing, the browser clamps
        // the scroll to the short page: keep the position noted before.
        return;
    }
    let y = web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
    SCROLL.with_borrow_mut(|map| map.insert(pathname(), y));
}

/// Marks a back or forward navigation (a popstate listener).
pub fn note_history_navigation() {
    RESTORE.set(true);
}

/// After a page's content shows: on a back or forward navigation, puts the
/// reader where they were on that page.
pub fn restore_scroll() {
    if !RESTORE.replace(false) {
        return;
    }
    let y = SCROLL.with_borrow(|map| map.get(&pathname()).copied());
    if let (Some(y), Some(window)) = (y, web_sys::window()) {
        window.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Milliseconds since the epoch, for `gazette_model::dates`.
pub fn now_millis() -> f64 {
    js_sys_now()
}

fn js_sys_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.time_origin() + p.now())
        .unwrap_or(0.0)
}
