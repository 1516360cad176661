//! The browser at the edge: the document, its meta tags, storage and the
//! clock. Called from effects and handlers, never from view-building code.
//!
//! Outside a browser (the build-time prerender, see crates/prerender) there
//! is no window: every function here then answers as a browser with empty
//! storage would, and the document title is kept for the prerender to read.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use wasm_bindgen::JsCast;

/// Whether this runs in a browser (not the native prerender).
pub fn is_live() -> bool {
    cfg!(target_arch = "wasm32")
}

fn window() -> Option<web_sys::Window> {
    if is_live() {
        web_sys::window()
    } else {
        None
    }
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Runs `f` before the next repaint (never outside a browser).
pub fn before_paint(f: impl FnOnce() + 'static) {
    if is_live() {
        leptos::prelude::request_animation_frame(f);
    }
}

/// The API root from `<meta name="api-root">`, without a trailing slash.
pub fn api_root() -> String {
    let from_meta = document()
        .and_then(|d| d.query_selector("meta[name=api-root]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlMetaElement>().ok())
        .map(|m| m.content());
    let root = from_meta.filter(|c| !c.trim().is_empty());
    root.as_deref()
        .unwrap_or("/api")
        .trim_end_matches('/')
        .to_owned()
}

pub fn set_title(title: &str) {
    match document() {
        Some(d) => d.set_title(title),
        None => TITLE.with_borrow_mut(|t| title.clone_into(t)),
    }
}

/// The last title set outside a browser (read by the prerender).
pub fn prerendered_title() -> String {
    TITLE.with_borrow(String::clone)
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
    window()?.local_storage().ok().flatten()
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
    let filled = window()
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
    window()
        .and_then(|w| w.match_media("(max-width: 47.99rem)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The fragment of the current URL, without `#`.
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// The page's origin, e.g. `https://news.example`.
pub fn origin() -> String {
    window()
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
    let Some(window) = window() else { return false };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Whether the browser has a share sheet (`navigator.share`).
pub fn can_share() -> bool {
    window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the device's share sheet; call only from a click. A cancelled
/// share rejects its promise, which is not an error here.
pub fn share(title: &str, url: &str) {
    let Some(window) = window() else { return };
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
    /// The document title outside a browser.
    static TITLE: RefCell<String> = const { RefCell::new(String::new()) };
    /// The last scroll position of each path visited, for going back.
    static SCROLL: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// Set by a back or forward navigation until its page has restored.
    static RESTORE: Cell<bool> = const { Cell::new(false) };
}

fn pathname() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// Remembers where the reader is on the current page (a scroll listener).
pub fn note_scroll() {
    if RESTORE.get() {
        // Between a back navigation and its page showing, the browser clamps
        // the scroll to the short page: keep the position noted before.
        return;
    }
    let y = window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
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
    if let (Some(y), Some(window)) = (y, window()) {
        window.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Milliseconds since the epoch, for `gazette_model::dates`.
pub fn now_millis() -> f64 {
    if !is_live() {
        return std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    }
    window()
        .and_then(|w| w.performance())
        .map(|p| p.time_origin() + p.now())
        .unwrap_or(0.0)
}

/// Takes the API responses the prerender put in the page (see
/// crates/prerender), as (path, JSON text); empty on any other page.
pub fn take_prerendered_data() -> Vec<(String, String)> {
    let Some(document) = document() else {
        return Vec::new();
    };
    let mut data = Vec::new();
    while let Some(script) = document.query_selector("script[data-api]").ok().flatten() {
        if let (Some(path), Some(text)) = (script.get_attribute("data-api"), script.text_content())
        {
            data.push((path, text));
        }
        script.remove();
    }
    data
}

/// Removes the prerendered markup, which the app is about to render anew.
pub fn remove_prerendered() {
    if let Some(markup) =
        document().and_then(|d| d.query_selector("[data-prerendered]").ok().flatten())
    {
        markup.remove();
    }
}

/// Runs `f` once the page has loaded and painted, the images of the
/// prerendered markup included (decoded, then two frames).
pub fn after_load_painted(f: impl FnOnce() + 'static) {
    let painted = move || {
        wasm_bindgen_futures::spawn_local(async move {
            for image in prerendered_images() {
                let _ = wasm_bindgen_futures::JsFuture::from(image.decode()).await;
            }
            before_paint(move || before_paint(f));
        })
    };
    let Some(window) = window() else { return };
    if window
        .document()
        .is_some_and(|d| d.ready_state() == "complete")
    {
        return painted();
    }
    let on_load = wasm_bindgen::closure::Closure::once_into_js(painted);
    let _ = window.add_event_listener_with_callback("load", on_load.unchecked_ref());
}

/// The images of the prerendered markup that the browser loads at once.
fn prerendered_images() -> Vec<web_sys::HtmlImageElement> {
    let Some(list) = document().and_then(|d| {
        d.query_selector_all("[data-prerendered] img:not([loading=lazy])")
            .ok()
    }) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlImageElement>().ok())
        .collect()
}
