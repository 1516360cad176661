//! The document's head for the current page: its title, description and
//! canonical link, kept in step on client-side navigation. (A page rendered
//! ahead gets its whole head from gazette-render, Open Graph and structured
//! data included, from the same `page_meta` descriptions.)

use gazette_model::contract::{SectionRef, Site};
use gazette_model::i18n::page_title;
use gazette_model::page_meta::{section_description, site_description};
use gazette_model::routes::Route;
use gazette_model::share::canonical_url;
use leptos::prelude::*;

use crate::browser;
use crate::browser::document::{origin, pathname, set_canonical, set_description, set_title};
use crate::context::SiteContext;
use crate::load::Load;

/// What a page is, for its description.
pub enum About {
    /// The front page, or a page that describes nothing of its own.
    Site,
    Section(SectionRef),
    /// An article or its thread: the article's description (`page_meta`).
    Article(String),
    /// Not found: no canonical link, the site's description.
    NotFound,
}

/// Keeps the document's title ("{page} — {site}"), description and
/// canonical link for the calling page while it lives.
pub fn use_page_head(page: impl Fn() -> String + 'static, about: impl Fn() -> About + 'static) {
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
    if !browser::is_live() {
        // Effects do not run in the native render, which writes the head.
        set_title(&title());
        return;
    }
    Effect::new(move |_| set_title(&title()));
    Effect::new(move |_| {
        let Load::Ready(site) = &*site.0.read() else {
            return;
        };
        let about = about();
        set_description(&describe(site, &about));
        // The page's own address, also where a static host served it from
        // its file (`/article/x.html` is `/article/x`).
        let path = pathname();
        let path = Route::parse(&path).map_or(path, |route| route.href());
        let canonical = match about {
            About::NotFound => None,
            _ => Some(canonical_url(
                site.canonical_origin.as_deref(),
                &origin(),
                &path,
            )),
        };
        set_canonical(canonical.as_deref());
    });
}

fn describe(site: &Site, about: &About) -> String {
    match about {
        About::Site | About::NotFound => site_description(site),
        About::Section(section) => section_description(site, section),
        About::Article(description) => description.clone(),
    }
}
