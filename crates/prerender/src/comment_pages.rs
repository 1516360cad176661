//! A flat comment listing (a site's export: `{api}/articles/{slug}/comments.json`
//! with every comment, in any order) written as the pages of contract 1.1
//! for static hosts: thread order, page 1 at the listing's own path and
//! the others at `comments/pages/{n}.json`, each naming the next.

use gazette_model::contract::CommentList;
use gazette_model::listing::{listing_page, pages, thread_order};
use gazette_model::routes::api;

/// The files of `slug`'s listing by pages, as (API path, JSON), page 1
/// first. `total` stays the export's own count where it gives one.
pub fn comment_pages(slug: &str, flat: &str) -> Result<Vec<(String, String)>, String> {
    let list: CommentList =
        serde_json::from_str(flat).map_err(|e| format!("{}: {e}", api::comments(slug)))?;
    let pages = pages(thread_order(&list.comments));
    let count = pages.len();
    (1..=count)
        .map(|n| {
            let mut page = listing_page(slug, pages.clone(), n).expect("a page in range");
            page.total = list.total.or(page.total);
            let path = if n == 1 {
                api::comments(slug)
            } else {
                api::comments_page(slug, n)
            };
            let json = serde_json::to_string(&page).map_err(|e| format!("{path}: {e}"))?;
            Ok((path, json))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(count: usize) -> String {
        let comments: Vec<String> = (0..count)
            .map(|i| {
                let parent = if i % 3 == 0 { "null".to_owned() } else { format!("\"c{}\"", i - i % 3) };
                format!(
                    r#"{{"id":"c{i}","parent_id":{parent},"author":"a","body":"b","created_at":"2026-03-01T10:{:02}:{:02}+01:00"}}"#,
                    i / 60 % 60,
                    i % 60
                )
            })
            .collect();
        format!(r#"{{"article":"s","comments":[{}]}}"#, comments.join(","))
    }

    #[test]
    fn a_long_export_becomes_pages_that_chain_and_hold_each_comment_once() {
        let files = comment_pages("s", &flat(450)).expect("pages");
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "articles/s/comments.json",
                "articles/s/comments/pages/2.json",
                "articles/s/comments/pages/3.json"
            ]
        );
        let mut seen = Vec::new();
        for (k, (_, json)) in files.iter().enumerate() {
            let page: CommentList = serde_json::from_str(json).expect("a listing");
            assert_eq!(page.total, Some(450));
            let want_next = files.get(k + 1).map(|(p, _)| p.clone());
            assert_eq!(page.next, want_next);
            seen.extend(page.comments.into_iter().map(|c| c.id));
        }
        assert_eq!(seen.len(), 450);
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 450);
    }

    #[test]
    fn a_short_export_is_one_page_that_keeps_its_total() {
        let json = flat(5).replace(r#""article":"s","#, r#""article":"s","total":4,"#);
        let files = comment_pages("s", &json).expect("pages");
        assert_eq!(files.len(), 1);
        let page: CommentList = serde_json::from_str(&files[0].1).expect("a listing");
        assert_eq!(
            (page.total, page.next, page.comments.len()),
            (Some(4), None, 5)
        );
    }

    #[test]
    fn a_broken_export_names_its_file() {
        let error = comment_pages("s", "{").unwrap_err();
        assert!(error.starts_with("articles/s/comments.json"), "{error}");
    }
}
