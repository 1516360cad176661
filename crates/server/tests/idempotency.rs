//! Idempotency keys over real HTTP: replays, reused keys, and concurrent posts
//! each stored once.

mod support;

use std::collections::HashSet;

use serde_json::json;
use support::*;

#[test]
fn same_key_same_body_replays_and_stores_once() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let before = server.comments(ARTICLE).len();
    let body = comment_json("Nadia", "Une seule fois");
    let first = server.post(ARTICLE, Some(&key(7)), &body);
    assert_eq!(first.status, 201);
    // Same values, other spacing and key order: the same body.
    let same = json!({ "website": "", "body": "Une seule fois", "title": "", "author": "Nadia", "parent_id": null });
    for _ in 0..3 {
        let again = server.post(
            ARTICLE,
            Some(&key(7)),
            &serde_json::to_string_pretty(&same).unwrap(),
        );
        assert_eq!(again.status, 201);
        assert_eq!(again.json(), first.json());
        assert_eq!(again.header("idempotent-replayed"), Some("true"));
    }
    assert_eq!(server.comments(ARTICLE).len(), before + 1);
}

#[test]
fn same_key_other_body_is_422() {
    let fixture = Fixture::new();
    let server = fixture.start();
    assert_eq!(
        server
            .post(ARTICLE, Some(&key(8)), &comment_json("N", "un"))
            .status,
        201
    );
    let reply = server.post(ARTICLE, Some(&key(8)), &comment_json("N", "deux"));
    assert_eq!(reply.status, 422);
    assert_eq!(reply.error().0, "key_reused");
    // The same body to another article is another request too.
    let reply = server.post(
        "budget-eau-casablanca",
        Some(&key(8)),
        &comment_json("N", "un"),
    );
    assert_eq!(
        (reply.status, reply.error().0.as_str()),
        (422, "key_reused")
    );
}

#[test]
fn fifty_concurrent_posts_are_each_stored_once() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let before = server.comments(ARTICLE).len();
    let url = server.api(&format!("articles/{ARTICLE}/comments"));
    let threads: Vec<_> = (0..50u64)
        .map(|n| {
            let url = url.clone();
            std::thread::spawn(move || {
                let reply = post(
                    &url,
                    Some(&key(1000 + n)),
                    &comment_json("N", &format!("n°{n}")),
                );
                assert_eq!(reply.status, 201, "{}", reply.body);
                reply.json()["id"].as_str().unwrap().to_owned()
            })
        })
        .collect();
    let ids: HashSet<String> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(ids.len(), 50);
    let after = server.comments(ARTICLE);
    assert_eq!(after.len(), before + 50);
    let listed: HashSet<&str> = after.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(ids.iter().all(|id| listed.contains(id.as_str())));
}
