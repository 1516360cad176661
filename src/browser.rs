//! The browser at the edge: the document, its meta tags, storage and the
//! clock. Called from effects and handlers, never from view-building code.

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

/// Moves focus to the element with this id (after a navigation or an action).
pub fn focus_id(id: &str) {
    let element = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
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
