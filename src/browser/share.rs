//! The clipboard and the device's share sheet.

use super::window;

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
