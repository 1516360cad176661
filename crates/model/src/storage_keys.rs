//! Every key the app keeps in the browser's localStorage, in one list.
//! `index.html` reads [`LANG`] and [`THEME`] before the app starts
//! (`crates/render/tests/index_html.rs` checks it reads these).

/// The interface language the reader chose (`fr`, `en`, `ar`).
pub const LANG: &str = "gazette.lang";
/// The colour theme the reader chose (`auto`, `light`, `dark`).
pub const THEME: &str = "gazette.theme";
/// The name the reader last signed a comment with.
pub const AUTHOR: &str = "gazette.author";
/// The order the reader last chose for comment threads.
pub const COMMENT_SORT: &str = "gazette.comment-sort";

/// The draft replying to `parent` (or starting a new comment) under
/// article `slug`.
pub fn draft(slug: &str, parent: Option<&str>) -> String {
    format!("gazette.draft.{slug}.{}", parent.unwrap_or("top"))
}

/// The ids of this browser's own comments awaiting moderation on `slug`.
pub fn pending(slug: &str) -> String {
    format!("gazette.pending.{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_kept_per_article_and_parent() {
        assert_eq!(draft("a", None), "gazette.draft.a.top");
        assert_eq!(draft("a", Some("c12")), "gazette.draft.a.c12");
        assert_ne!(draft("a", Some("c1")), draft("b", Some("c1")));
    }

    #[test]
    fn every_key_is_in_the_gazette_namespace() {
        for key in [
            LANG,
            THEME,
            AUTHOR,
            COMMENT_SORT,
            &draft("a", None),
            &pending("a"),
        ] {
            assert!(key.starts_with("gazette."), "{key}");
        }
        assert_eq!(pending("x"), "gazette.pending.x");
    }
}
