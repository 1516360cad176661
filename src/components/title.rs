//! The document title of the current page.

use gazette_model::i18n::page_title;
use leptos::prelude::*;

use crate::browser;
use crate::context::SiteContext;

/// Keeps `document.title` as "{page} — {site}" while the calling page lives.
pub fn use_document_title(page: impl Fn() -> String + 'static) {
    let site = expect_context::<SiteContext>();
    Effect::new(move |_| {
        let site_name = site.name().unwrap_or_default();
        let page = page();
        let title = if site_name.is_empty() {
            page
        } else {
            page_title(&page, &site_name)
        };
        browser::set_title(&title);
    });
}
