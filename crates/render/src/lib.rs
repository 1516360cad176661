//! Renders the app's pages to HTML natively, with the app's own components
//! (the `gazette` crate without its `csr` feature): at build time for a
//! static host (crates/prerender), and per request in the reference server
//! with its live data.

#![recursion_limit = "256"]

mod head;
mod loader;
pub mod markup;
mod page;
pub mod security;
pub mod site_files;

use gazette_model::routes::Route;

pub use page::render;

/// The API responses the page at `url` is rendered from, when it is a page
/// rendered ahead of the app: every route (`Route::inline_paths`; an
/// article's comments load in the app); `None` for any other path.
pub fn data_for(url: &str) -> Option<Vec<String>> {
    Route::parse(url)
        .filter(Route::is_rendered)
        .map(|route| route.inline_paths())
}
