//! The document: its meta tags, title, language, theme, focus and location.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use super::{document, window};

thread_local! {
    /// The document title outside a browser.
    static TITLE: RefCell<String> = const { RefCell::new(String::new()) };
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

/// Sets `<meta name="description">`, adding it when the page has none.
pub fn set_description(text: &str) {
    if let Some(meta) = head_element("meta[name=description]", "meta", &[("name", "description")]) {
        let _ = meta.set_attribute("content", text);
    }
}

/// Sets `<link rel="canonical">` to `href`, or removes it (`None`).
pub fn set_canonical(href: Option<&str>) {
    match href {
        Some(href) => {
            if let Some(link) = head_element("link[rel=canonical]", "link", &[("rel", "canonical")])
            {
                let _ = link.set_attribute("href", href);
            }
        }
        None => {
            let found =
                document().and_then(|d| d.query_selector("link[rel=canonical]").ok().flatten());
            if let Some(link) = found {
                link.remove();
            }
        }
    }
}

/// The head's element for `selector`, created with `attributes` when missing.
fn head_element(
    selector: &str,
    tag: &str,
    attributes: &[(&str, &str)],
) -> Option<web_sys::Element> {
    let document = document()?;
    if let Some(found) = document.query_selector(selector).ok().flatten() {
        return Some(found);
    }
    let element = document.create_element(tag).ok()?;
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    document.head()?.append_child(&element).ok()?;
    Some(element)
}

/// The last title set outside a browser (read by the native render).
pub fn rendered_title() -> String {
    TITLE.with_borrow(String::clone)
}

/// Sets `lang` and `dir` on `<html>`.
pub fn set_lang(lang: &str, dir: &str) {
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

fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves focus to the element with this id (after a navigation or an action).
pub fn focus_id(id: &str) {
    if let Some(element) = element_by_id(id) {
        let _ = element.focus();
    }
}

/// Scrolls the element with this id into view and focuses it.
pub fn reveal_id(id: &str) {
    if let Some(element) = element_by_id(id) {
        element.scroll_into_view();
        let _ = element.focus();
    }
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

/// The path of the current URL.
pub fn pathname() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The page's origin, e.g. `https://news.example`.
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
