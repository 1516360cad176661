//! Listings by pages and sub-threads (contract 1.1) over real HTTP: an
//! article with 450 imported comments, replies at several depths.

mod support;

use std::collections::HashSet;
use std::path::Path;

use gazette_model::contract::{Comment, CommentList, CommentStatus, SubThread};
use gazette_model::listing::thread_order;
use gazette_model::routes::api;
use serde_json::json;
use support::*;

const COMMENTS: usize = 450;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// 150 threads of three: a top-level comment, a reply, a reply to that;
/// every tenth top-level comment deleted (a placeholder, its replies kept).
fn comments() -> Vec<Comment> {
    (0..COMMENTS)
        .map(|i| {
            let value = json!({
                "id": format!("p{i}"),
                "parent_id": (i % 3 != 0).then(|| format!("p{}", i - 1)),
                "author": format!("Lecteur {i}"),
                "body": format!("Commentaire numéro {i}."),
                "created_at": format!("2024-03-{:02}T{:02}:{:02}:00+01:00", 1 + i / 60 % 28, i / 60 % 24, i % 60),
                "status": if i % 30 == 0 { "deleted" } else { "published" },
            });
            serde_json::from_value(value).unwrap()
        })
        .collect()
}

/// A server whose content is the demo's, `ARTICLE` holding `comments()`.
fn start(fixture: &Fixture) -> Server {
    let content = fixture.dir.path().join("content");
    copy_dir(&content_dir(), &content);
    let list = json!({ "article": ARTICLE, "comments": comments(), "next": null });
    std::fs::write(
        content.join(format!("articles/{ARTICLE}/comments.json")),
        list.to_string(),
    )
    .unwrap();
    let mut config = fixture.config();
    config.content = content;
    Server::start(config)
}

fn listing(server: &Server, path: &str) -> CommentList {
    let reply = server.get(path);
    assert_eq!(reply.status, 200, "{path}: {}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

/// As the server shows it: a deleted comment is a placeholder with no text.
fn public(comments: Vec<Comment>) -> Vec<Comment> {
    comments
        .into_iter()
        .map(|c| match c.status {
            CommentStatus::Deleted => Comment {
                author: String::new(),
                title: None,
                body: String::new(),
                ..c
            },
            _ => c,
        })
        .collect()
}

fn assert_not_found(server: &Server, path: &str) {
    let reply = server.get(path);
    assert_eq!(reply.status, 404, "{path}: {}", reply.body);
    assert_eq!(reply.error().0, "not_found", "{path}");
}

#[test]
fn a_long_listing_comes_by_pages_in_thread_order() {
    let fixture = Fixture::new();
    let server = start(&fixture);
    let published = comments()
        .iter()
        .filter(|c| c.status == CommentStatus::Published)
        .count() as u32;

    let first = listing(&server, &api::comments(ARTICLE));
    assert_eq!(first.article, ARTICLE);
    assert_eq!(first.comments.len(), 200);
    assert_eq!(first.total, Some(published));
    assert_eq!(first.next, Some(api::comments_page(ARTICLE, 2)));

    let mut all = first.comments.clone();
    let mut next = first.next;
    let mut seen = 1;
    while let Some(path) = next {
        seen += 1;
        assert_eq!(path, api::comments_page(ARTICLE, seen));
        let page = listing(&server, &path);
        assert_eq!(page.total, Some(published), "{path}");
        assert!(!page.comments.is_empty() && page.comments.len() <= 200);
        all.extend(page.comments);
        next = page.next;
    }
    assert_eq!(seen, 3);
    let ids: HashSet<&str> = all.iter().map(|c| c.id.as_str()).collect();
    assert_eq!((all.len(), ids.len()), (COMMENTS, COMMENTS));
    assert_eq!(all, public(thread_order(&comments())));
    // Newest top-level first, each followed by its replies.
    assert_eq!(all[0].id, "p447");
    assert_eq!(all[1].id, "p448");
    assert_eq!(all[2].id, "p449");
    assert_eq!(all[3].id, "p444");

    // The demo's 300-comment article: two pages.
    let demo = "stationnement-payant-centre";
    let page = listing(&server, &api::comments(demo));
    assert_eq!(page.comments.len(), 200);
    assert_eq!(page.next, Some(api::comments_page(demo, 2)));
    let page = listing(&server, &api::comments_page(demo, 2));
    assert_eq!((page.comments.len(), page.next), (100, None));

    // Past the end, and page numbers written another way, are no page.
    for path in [
        api::comments_page(ARTICLE, 4),
        api::comments_page(ARTICLE, 1),
        format!("articles/{ARTICLE}/comments/pages/02.json"),
        format!("articles/{ARTICLE}/comments/pages/x.json"),
        format!("articles/{ARTICLE}/comments/pages/-2.json"),
        format!("articles/{ARTICLE}/comments/pages/.json"),
        format!("articles/{ARTICLE}/comments/pages/2"),
        api::comments_page("pas-un-article", 2),
        api::comments_page(demo, 3),
    ] {
        assert_not_found(&server, &path);
    }
    // A listing that is one page.
    let short = listing(&server, &api::comments(CLOSED_ARTICLE));
    assert_eq!(short.next, None);
    assert_not_found(&server, &api::comments_page(CLOSED_ARTICLE, 2));
}

#[test]
fn a_sub_thread_has_its_ancestors_and_replies() {
    let fixture = Fixture::new();
    let server = start(&fixture);
    let get = |id: &str| -> SubThread {
        let path = api::sub_thread(ARTICLE, id);
        let reply = server.get(&path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        serde_json::from_str(&reply.body).unwrap()
    };
    let ids = |comments: &[Comment]| comments.iter().map(|c| c.id.clone()).collect::<Vec<_>>();

    let top = get("p3");
    assert_eq!(top.article, ARTICLE);
    assert!(top.ancestors.is_empty());
    assert_eq!(top.comment.id, "p3");
    assert_eq!(ids(&top.replies), ["p4", "p5"]);
    assert_eq!(top.next, None);

    let reply = get("p4");
    assert_eq!(ids(&reply.ancestors), ["p3"]);
    assert_eq!(ids(&reply.replies), ["p5"]);
    let deepest = get("p5");
    assert_eq!(ids(&deepest.ancestors), ["p3", "p4"]);
    assert!(deepest.replies.is_empty());

    // A placeholder's sub-thread: its replies keep their place.
    let deleted = get("p0");
    assert_eq!(deleted.comment.status, CommentStatus::Deleted);
    assert!(deleted.comment.body.is_empty());
    assert_eq!(ids(&deleted.replies), ["p1", "p2"]);

    // Posts and reports still go to their own routes; a new reply is in
    // its parent's sub-thread.
    let body = json!({ "parent_id": "p5", "author": "Salma", "body": "Et moi aussi." });
    let posted = server.post(ARTICLE, Some(&key(1)), &body.to_string());
    assert_eq!(posted.status, 201, "{}", posted.body);
    let new_id = posted.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(ids(&get("p3").replies), ["p4", "p5", new_id.as_str()]);
    let report = post(
        &server.api(&api::report(ARTICLE, "p4")),
        Some(&key(2)),
        &json!({ "reason": "spam" }).to_string(),
    );
    assert!(report.status < 300, "{}: {}", report.status, report.body);

    for path in [
        api::sub_thread(ARTICLE, "pas-un-commentaire"),
        api::sub_thread("pas-un-article", "p3"),
        api::sub_thread_page(ARTICLE, "p3", 2),
        format!("articles/{ARTICLE}/comments/p3/pages/1.json"),
        format!("articles/{ARTICLE}/comments/p3/pages/02.json"),
        format!("articles/{ARTICLE}/comments/p3/extra/pages/2.json"),
    ] {
        assert_not_found(&server, &path);
    }
}

#[test]
fn a_held_comment_has_no_sub_thread() {
    let fixture = Fixture::new();
    let mut config = fixture.config();
    config.moderate = true;
    let server = Server::start(config);
    let posted = server.post(
        ARTICLE,
        Some(&key(1)),
        &comment_json("Salma", "En attente."),
    );
    assert_eq!(posted.status, 201, "{}", posted.body);
    let posted = posted.json();
    assert_eq!(posted["status"], "pending");
    let id = posted["id"].as_str().unwrap();
    assert_not_found(&server, &api::sub_thread(ARTICLE, id));
}

#[test]
fn a_rendered_thread_carries_its_first_page_only() {
    let fixture = Fixture::new().rendering();
    let server = start(&fixture);
    let html = get(&server.url(&format!("/article/{ARTICLE}/comments")), &[]).body;
    assert!(html.contains("<div data-prerendered>"), "{html}");
    let path = api::comments(ARTICLE);
    let open = format!("data-api=\"{path}\">");
    let start = html.find(&open).expect("inline data") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    let inline: CommentList = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(inline.comments.len(), 200);
    assert_eq!(inline.next, Some(api::comments_page(ARTICLE, 2)));
    assert_eq!(inline, listing(&server, &path));
}
