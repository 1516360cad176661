//! Offline reading: the list of saved articles the service worker answers
//! at `routes::SAVED_ARTICLES` (written by crates/prerender/src/sw.js).

use serde::Deserialize;

use crate::routes::Route;

/// An article kept for offline reading.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SavedArticle {
    pub href: String,
    pub title: String,
}

#[derive(Deserialize)]
struct SavedList {
    #[serde(default)]
    articles: Vec<SavedArticle>,
}

/// The saved articles in `json`, last opened first; only links to an
/// article of this site are kept. Anything unreadable is an empty list.
pub fn saved_articles(json: &str) -> Vec<SavedArticle> {
    let list: SavedList = serde_json::from_str(json).unwrap_or(SavedList {
        articles: Vec::new(),
    });
    list.articles
        .into_iter()
        .filter(|a| matches!(Route::parse(&a.href), Some(Route::Article { .. })))
        .filter(|a| !a.title.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_sites_articles_only() {
        let json = r#"{"articles":[
            {"href":"/article/tram-ligne-3","title":"Tram"},
            {"href":"https://evil.example/article/x","title":"Away"},
            {"href":"javascript:alert(1)","title":"Script"},
            {"href":"/section/maroc","title":"Section"},
            {"href":"/article/blank","title":"  "}
        ]}"#;
        assert_eq!(
            saved_articles(json),
            vec![SavedArticle {
                href: "/article/tram-ligne-3".into(),
                title: "Tram".into()
            }]
        );
    }

    #[test]
    fn anything_unreadable_is_no_list() {
        assert!(saved_articles("<html>404</html>").is_empty());
        assert!(saved_articles("{}").is_empty());
    }
}
