//! The content folder: JSON files at the contract's paths, read on each
//! request so that a republished file shows at once.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use gazette_model::contract::Site;
use gazette_model::routes::{api, is_api_path, is_valid_slug};
use gazette_render::site_files::Catalogue;
use serde_json::Value;

pub struct Content {
    root: PathBuf,
}

impl Content {
    pub fn new(root: &Path) -> Content {
        Content {
            root: root.to_owned(),
        }
    }

    /// The file for an API path such as `sections/maroc/page-2.json`, or
    /// `None` when the path is not one the contract could name
    /// (`routes::is_api_path`).
    pub fn resolve(&self, api_path: &str) -> Option<PathBuf> {
        is_api_path(api_path).then(|| self.root.join(api_path))
    }

    /// The raw bytes at an API path; `None` when there is no such file.
    pub async fn read(&self, api_path: &str) -> io::Result<Option<Vec<u8>>> {
        let Some(file) = self.resolve(api_path) else {
            return Ok(None);
        };
        match tokio::fs::read(&file).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if is_missing(&e) => Ok(None),
            Err(e) => Err(io::Error::new(e.kind(), format!("{}: {e}", file.display()))),
        }
    }

    /// The JSON at an API path; `None` when there is no such file.
    pub async fn read_json(&self, api_path: &str) -> io::Result<Option<Value>> {
        match self.read(api_path).await? {
            Some(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| {
                io::Error::new(io::ErrorKind::InvalidData, format!("{api_path}: {e}"))
            }),
            None => Ok(None),
        }
    }

    /// `articles/{slug}.json`, or `None` for a bad slug or a missing file.
    pub async fn article(&self, slug: &str) -> io::Result<Option<Value>> {
        if !is_valid_slug(slug) {
            return Ok(None);
        }
        self.read_json(&api::article(slug)).await
    }

    pub async fn article_exists(&self, slug: &str) -> bool {
        if !is_valid_slug(slug) {
            return false;
        }
        tokio::fs::metadata(self.root.join(api::article(slug)))
            .await
            .is_ok_and(|m| m.is_file())
    }

    /// site.json, decoded (blocking; used at start).
    pub fn load_site(&self) -> Result<Site, String> {
        let bytes = std::fs::read(self.root.join("site.json")).map_err(|e| e.to_string())?;
        serde_json::from_slice(&bytes).map_err(|e| e.to_string())
    }

    /// The slugs of every `articles/{slug}.json` (blocking; used at start).
    pub fn article_slugs(&self) -> io::Result<Vec<String>> {
        let mut slugs = Vec::new();
        for entry in std::fs::read_dir(self.root.join("articles"))? {
            let entry = entry?;
            let name = entry.file_name();
            let Some(slug) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
                continue;
            };
            if is_valid_slug(slug) && entry.file_type()?.is_file() {
                slugs.push(slug.to_owned());
            }
        }
        slugs.sort();
        Ok(slugs)
    }

    /// What the sitemaps and feeds are written from: site.json, the front
    /// page, the sections and every article, as the files hold them now
    /// (blocking).
    pub fn catalogue(&self) -> Result<Catalogue, String> {
        let slugs = self.article_slugs().map_err(|e| format!("articles: {e}"))?;
        let load = |path: &str| {
            let file = self.resolve(path)?;
            std::fs::read_to_string(file).ok()
        };
        Catalogue::load(load, &slugs)
    }

    /// `articles/{slug}/comments.json` as raw bytes (blocking; used at start).
    pub fn comments_file(&self, slug: &str) -> io::Result<Option<Vec<u8>>> {
        match std::fs::read(self.root.join(api::comments(slug))) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if is_missing(&e) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

fn is_missing(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

/// The article slugs whose `comment_count` a response carries: the article
/// itself (for `articles/…`), its `related` list, and a listing's `articles`.
pub fn counted_slugs(api_path: &str, json: &Value) -> Vec<String> {
    let mut slugs = Vec::new();
    let mut visit = |summary: &Value| {
        if let Some(slug) = summary.get("slug").and_then(Value::as_str) {
            slugs.push(slug.to_owned());
        }
    };
    if api_path.starts_with("articles/") {
        visit(json);
    }
    for list in ["articles", "related"] {
        if let Some(items) = json.get(list).and_then(Value::as_array) {
            items.iter().for_each(&mut visit);
        }
    }
    slugs
}

/// Sets `comment_count` to the database's count wherever [`counted_slugs`]
/// found a slug.
pub fn patch_counts(api_path: &str, json: &mut Value, counts: &HashMap<String, u32>) {
    fn patch(summary: &mut Value, counts: &HashMap<String, u32>) {
        let Some(object) = summary.as_object_mut() else {
            return;
        };
        let Some(slug) = object.get("slug").and_then(Value::as_str) else {
            return;
        };
        let count = counts.get(slug).copied().unwrap_or(0);
        object.insert("comment_count".to_owned(), Value::from(count));
    }
    if api_path.starts_with("articles/") {
        patch(json, counts);
    }
    for list in ["articles", "related"] {
        if let Some(items) = json.get_mut(list).and_then(Value::as_array_mut) {
            items.iter_mut().for_each(|item| patch(item, counts));
        }
    }
}

/// site.json as this server tells it: it takes writes.
pub fn patch_site(json: &mut Value) {
    let Some(site) = json.as_object_mut() else {
        return;
    };
    let comments = site
        .entry("comments")
        .or_insert_with(|| Value::Object(Default::default()));
    if let Some(comments) = comments.as_object_mut() {
        comments.insert("posting".to_owned(), Value::Bool(true));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn counts_are_patched_in_articles_lists_and_related() {
        let mut article = json!({
            "slug": "a", "comment_count": 9,
            "related": [{ "slug": "b" }, { "slug": "c", "comment_count": 4 }]
        });
        assert_eq!(counted_slugs("articles/a.json", &article), ["a", "b", "c"]);
        let counts = HashMap::from([("a".to_owned(), 2), ("b".to_owned(), 5)]);
        patch_counts("articles/a.json", &mut article, &counts);
        assert_eq!(article["comment_count"], 2);
        assert_eq!(article["related"][0]["comment_count"], 5);
        assert_eq!(article["related"][1]["comment_count"], 0);

        let mut front = json!({ "slug": "not-an-article", "articles": [{ "slug": "a" }] });
        assert_eq!(counted_slugs("front.json", &front), ["a"]);
        patch_counts("front.json", &mut front, &counts);
        assert_eq!(front["articles"][0]["comment_count"], 2);
        assert!(front.get("comment_count").is_none());
    }

    #[test]
    fn site_says_posting() {
        let mut site = json!({ "name": "x", "comments": { "posting": false, "max_body": 10 } });
        patch_site(&mut site);
        assert_eq!(site["comments"], json!({ "posting": true, "max_body": 10 }));
        let mut bare = json!({ "name": "x" });
        patch_site(&mut bare);
        assert_eq!(bare["comments"]["posting"], true);
    }
}
