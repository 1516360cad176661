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

use gazette_model::routes::api;

pub use page::render;

/// A path no route has: the app renders its not-found page there.
pub const NOT_FOUND_URL: &str = "/404";

/// The app's not-found page in `shell`, from site.json alone (the frame
/// shows the site): a static build's 404.html, and the server's answer for
/// an unknown page or file.
pub fn render_not_found(shell: &str, site_json: &str, origin: &str) -> Result<String, String> {
    let data = [(api::SITE.to_owned(), site_json.to_owned())];
    render(shell, NOT_FOUND_URL, &data, origin)
}
