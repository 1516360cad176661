//! The document title of the current page.

use gazette_model::i18n::page_title;
use leptos::prelude::*;

use crate::browser;
use crate::browser::document::set_title;
use crate::context::SiteContext;

/// Keeps `document.title` as "{page} — {site}" while the calling page lives.
pub fn use_document_title(page: impl Fn() -> String + 'static) {
    let site = expect_context::<SiteContext>();
    let title = move || {
        let site_name = site.name().unwrap_or_default();
        let page = page();
        if site_name.is_empty() {
            page
        } else {
            page_title(&page, &site_name)
        }
    };
    if browser::is_live() {
        Effect::new(move |_| set_title(&title()));
    } else {
        // Effects do not run in the native render.
        set_title(&title());
    }
}
