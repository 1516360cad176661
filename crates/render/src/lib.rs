//! Renders the app's pages to HTML natively, with the app's own components
//! (the `gazette` crate without its `csr` feature): at build time for a
//! static host (crates/prerender), and per request in the reference server
//! with its live data.

#![recursion_limit = "256"]

mod loader;
mod page;

use gazette_model::links::is_valid_slug;

pub use page::render;

/// The API responses the page at `url` is rendered from, when it is a page
/// rendered ahead of the app: the front page, a section, an article (its
/// comments load in the app), an article's thread and a comment's sub-thread.
pub fn data_for(url: &str) -> Option<Vec<String>> {
    let segments: Vec<&str> = url.trim_end_matches('/').split('/').skip(1).collect();
    let site = "site.json".to_owned();
    match segments[..] {
        [] | [""] => Some(vec![site, "front.json".into()]),
        ["section", slug] if is_valid_slug(slug) => {
            Some(vec![site, format!("sections/{slug}.json")])
        }
        ["article", slug] if is_valid_slug(slug) => {
            Some(vec![site, format!("articles/{slug}.json")])
        }
        ["article", slug, "comments"] | ["article", slug, "comments", _]
            if is_valid_slug(slug) && segments.get(3).is_none_or(|id| is_valid_slug(id)) =>
        {
            Some(vec![
                site,
                format!("articles/{slug}.json"),
                format!("articles/{slug}/comments.json"),
            ])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::data_for;

    #[test]
    fn the_pages_rendered_ahead_and_their_data() {
        assert_eq!(data_for("/").unwrap(), ["site.json", "front.json"]);
        assert_eq!(
            data_for("/section/maroc").unwrap(),
            ["site.json", "sections/maroc.json"]
        );
        assert_eq!(
            data_for("/article/x").unwrap(),
            ["site.json", "articles/x.json"]
        );
        assert_eq!(
            data_for("/article/x/").unwrap(),
            ["site.json", "articles/x.json"]
        );
        assert_eq!(
            data_for("/article/x/comments").unwrap(),
            ["site.json", "articles/x.json", "articles/x/comments.json"]
        );
        assert_eq!(
            data_for("/article/x/comments/c1"),
            data_for("/article/x/comments")
        );
        for other in [
            "/article/x/comments/c%201",
            "/article/../x",
            "/section/a/b",
            "/pas/de/page",
            "/article/x.json",
            "/shell.html",
        ] {
            assert_eq!(data_for(other), None, "{other}");
        }
    }
}
