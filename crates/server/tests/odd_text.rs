//! Text that could surprise, posted over real HTTP: invisible names, bidi
//! overrides, noncharacters, decomposed accents, emoji made of several
//! characters, and Idempotency-Keys that are not one random UUID.

mod support;

use serde_json::json;
use support::*;

fn post_as(server: &Server, n: u64, author: &str, title: &str, body: &str) -> Reply {
    let comment =
        json!({ "parent_id": null, "author": author, "title": title, "body": body, "website": "" });
    server.post(ARTICLE, Some(&key(n)), &comment.to_string())
}

#[test]
fn a_name_with_nothing_visible_is_refused_as_missing() {
    let fixture = Fixture::new();
    let server = fixture.start();
    for (n, author) in [
        "\u{200B}\u{200B}\u{200B}",
        "\u{FEFF}",
        "\u{3164}\u{3164}",
        "\u{202E}",
    ]
    .into_iter()
    .enumerate()
    {
        let reply = post_as(&server, n as u64, author, "", "Un texte.");
        assert_eq!(reply.status, 400, "{author:?}: {}", reply.body);
        assert_eq!(
            reply.error(),
            ("invalid".to_owned(), Some("author".to_owned())),
            "{author:?}"
        );
    }
    let reply = post_as(&server, 9, "Nadia", "", "\u{200B}\u{FEFF}");
    assert_eq!(
        (reply.status, reply.error()),
        (400, ("invalid".to_owned(), Some("body".to_owned())))
    );
}

#[test]
fn overrides_and_noncharacters_are_taken_out_and_text_is_stored_composed() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let reply = post_as(
        &server,
        1,
        "Nad\u{202E}ia",
        "Cafe\u{0301}",
        "Un \u{FFFE}texte\u{FDD0} e\u{0301}crit.",
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let created = reply.json();
    assert_eq!(created["author"], "Nadia");
    assert_eq!(created["title"], "Café");
    assert_eq!(created["body"], "Un texte écrit.");
    let listed = server.comments(ARTICLE);
    let stored = listed.iter().find(|c| c["id"] == created["id"]).unwrap();
    assert_eq!(
        (&stored["author"], &stored["body"]),
        (&created["author"], &created["body"])
    );
}

#[test]
fn limits_count_what_readers_see_as_one_character() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    // 70 characters, 10 that a reader sees; the site allows 60.
    let reply = post_as(&server, 1, &family.repeat(10), "", "Bonjour.");
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.json()["author"], family.repeat(10));
    let reply = post_as(&server, 2, &family.repeat(61), "", "Bonjour.");
    assert_eq!(
        (reply.status, reply.error()),
        (400, ("too_long".to_owned(), Some("author".to_owned())))
    );
}

#[test]
fn an_idempotency_key_is_one_random_uuid() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let url = server.api(&format!("articles/{ARTICLE}/comments"));
    let body = comment_json("Clé Testeuse", "Bonjour.");
    for bad in [
        "00000000-0000-0000-0000-000000000000",
        "6f1c2e5a-3b7d-11ee-9a0b-1c2d3e4f5a6b",
    ] {
        let reply = post(&url, Some(bad), &body);
        assert_eq!(
            (reply.status, reply.error().0.as_str()),
            (400, "invalid"),
            "{bad}"
        );
    }
    let two = send(
        "POST",
        &url,
        &[("Idempotency-Key", &key(1)), ("Idempotency-Key", &key(2))],
        Some(&body),
    );
    assert_eq!((two.status, two.error().0.as_str()), (400, "invalid"));
    assert!(
        server
            .comments(ARTICLE)
            .iter()
            .all(|c| c["author"] != "Clé Testeuse"),
        "nothing was stored"
    );
    assert_eq!(post(&url, Some(&key(3)), &body).status, 201);
}
