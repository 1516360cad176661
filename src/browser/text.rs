//! The Unicode tables the comment rules need (`gazette_model::text`), taken
//! from the browser (`String.prototype.normalize`, `Intl.Segmenter`) so the
//! app carries none. Outside a browser, the model's native tables.

#[cfg(not(target_arch = "wasm32"))]
use gazette_model::text::NativeTables;
use gazette_model::text::Tables;

/// The platform's tables.
pub struct BrowserTables;

impl Tables for BrowserTables {
    fn nfc(&self, text: &str) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            js_sys::JsString::from(text).normalize("NFC").into()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            NativeTables.nfc(text)
        }
    }

    fn graphemes(&self, text: &str) -> usize {
        #[cfg(target_arch = "wasm32")]
        {
            live::graphemes(text)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            NativeTables.graphemes(text)
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod live {
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    thread_local! {
        static SEGMENTER: Option<Intl::Segmenter> = segmenter();
    }

    /// `Intl.Segmenter` by graphemes (its default), where the browser has it.
    fn segmenter() -> Option<Intl::Segmenter> {
        let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
        Reflect::has(&intl, &JsValue::from_str("Segmenter"))
            .unwrap_or(false)
            .then(|| Intl::Segmenter::new(&Array::new(), &Object::new()))
    }

    /// Grapheme clusters; a browser without `Intl.Segmenter` counts
    /// characters, never fewer than the server would, so the server still
    /// accepts what the app lets through.
    pub fn graphemes(text: &str) -> usize {
        SEGMENTER.with(|s| match s {
            Some(s) => Array::from(&s.segment(text)).length() as usize,
            None => text.chars().count(),
        })
    }
}
