//! The hand-off from a page rendered ahead (crates/render): the API
//! responses it carries inline, its markup, and the moment the app may take
//! it over.

use wasm_bindgen::JsCast;

use super::{before_paint, document, window};

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
