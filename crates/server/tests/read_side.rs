//! The read side over real HTTP: content files, imported threads, and 404 for
//! unknown paths and traversal.

mod support;

use std::collections::HashSet;

use gazette_model::contract::{Comment, CommentList, CommentStatus};
use gazette_model::listing::thread_order;
use support::*;

#[test]
fn imported_threads_are_served_as_given_but_what_is_held() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let slug = "bibliotheque-municipale-reouverture";
    let thread = |article: &str| -> Vec<Comment> {
        let bytes =
            std::fs::read(content_dir().join(format!("articles/{article}/comments.json"))).unwrap();
        // Contract 1.1: pending comments are not public, and a deleted
        // one is a placeholder with no text.
        serde_json::from_slice::<CommentList>(&bytes)
            .unwrap()
            .comments
            .into_iter()
            .filter(|c| c.status != CommentStatus::Pending)
            .map(|c| match c.status {
                CommentStatus::Deleted => Comment {
                    author: String::new(),
                    title: None,
                    body: String::new(),
                    ..c
                },
                _ => c,
            })
            .collect::<Vec<_>>()
    };
    // Contract 1.1: in thread order, by pages.
    let thread = |article: &str| thread_order(&thread(article));
    let listed: CommentList =
        serde_json::from_str(&server.get(&format!("articles/{slug}/comments.json")).body).unwrap();
    assert_eq!(listed.article, slug);
    assert_eq!(listed.comments, thread(slug));
    assert_eq!(
        listed.total,
        Some(
            thread(slug)
                .iter()
                .filter(|c| c.status == CommentStatus::Published)
                .count() as u32
        )
    );
    assert_eq!(listed.next, None);
    // Every demo thread, placeholders included.
    let mut statuses = HashSet::new();
    for entry in std::fs::read_dir(content_dir().join("articles")).unwrap() {
        let path = entry.unwrap().path();
        if !path.join("comments.json").is_file() {
            continue;
        }
        let article = path.file_name().unwrap().to_str().unwrap();
        let listed: Vec<Comment> = server
            .comments(article)
            .into_iter()
            .map(|c| serde_json::from_value(c).unwrap())
            .collect();
        assert_eq!(listed, thread(article), "{article}");
        statuses.extend(listed.iter().map(|c| format!("{:?}", c.status)));
    }
    assert_eq!(statuses.len(), 2, "{statuses:?}");
}

#[test]
fn read_side_serves_the_content_files() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let site = server.get("site.json");
    assert_eq!(site.status, 200);
    assert_eq!(site.header("content-type"), Some("application/json"));
    assert_eq!(site.json()["comments"]["posting"], true);
    assert_eq!(site.json()["name"], "La Gazette");
    for path in [
        "front.json",
        "front/page-2.json",
        "sections/maroc.json",
        "sections/maroc/page-2.json",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert!(reply.json()["articles"].is_array(), "{path}");
    }
    let article = server.get("articles/solar-valley-long-read.json").json();
    assert!(article["body"].is_array());
    for related in article["related"].as_array().unwrap() {
        assert!(related["comment_count"].is_u64());
    }
}

#[test]
fn unknown_paths_and_traversal_are_404() {
    let fixture = Fixture::new();
    let server = fixture.start();
    for path in [
        "articles/nope.json",
        "articles/nope/comments.json",
        "sections/nope.json",
        "nope",
        "articles/..%2F..%2Fsite.json",
        "articles/%2e%2e/site.json",
        "..%2fCargo.toml",
        "articles/.hidden.json",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
        assert_eq!(reply.error().0, "not_found", "{path}");
    }
    let reply = server.post("nope", Some(&key(1)), &comment_json("N", "x"));
    assert_eq!((reply.status, reply.error().0.as_str()), (404, "not_found"));
    let reply = server.post("..%2Fsite", Some(&key(1)), &comment_json("N", "x"));
    assert_eq!(reply.status, 404);
}

#[test]
fn healthz_and_readyz_answer_200_while_the_database_answers() {
    let fixture = Fixture::new();
    let server = fixture.start();
    for (path, status) in [("/healthz", "ok"), ("/readyz", "ready")] {
        let reply = get(&server.url(path), &[]);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.json()["status"], status, "{path}");
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{path}");
    }
}
