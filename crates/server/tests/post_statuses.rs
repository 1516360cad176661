//! Posting a comment over real HTTP: the created comment and every status and
//! error code of the contract.

mod support;

use serde_json::{json, Value};
use support::*;

fn published(comments: &[Value]) -> usize {
    comments
        .iter()
        .filter(|c| c["status"] == "published")
        .count()
}

fn is_contract_id(id: &str) -> bool {
    gazette_model::routes::is_valid_slug(id)
}

#[test]
fn a_post_is_stored_listed_and_counted() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let before = server.comments(ARTICLE);
    let count_before =
        server.get(&format!("articles/{ARTICLE}.json")).json()["comment_count"].clone();
    assert_eq!(count_before, published(&before));

    let reply = server.post(
        ARTICLE,
        Some(&key(1)),
        &comment_json(" Nadia ", "Bonjour\r\nà tous"),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let created = reply.json();
    let id = created["id"].as_str().unwrap();
    assert!(is_contract_id(id), "{id}");
    assert!(
        before.iter().all(|c| c["id"] != id),
        "{id} collides with an imported id"
    );
    assert_eq!(created["author"], "Nadia");
    assert_eq!(created["body"], "Bonjour\nà tous");
    assert_eq!(created["title"], Value::Null);
    assert_eq!(created["status"], "published");
    let created_at = created["created_at"].as_str().unwrap();
    assert!(created_at.ends_with("+00:00"), "{created_at}");
    assert!(gazette_model::contract::Timestamp::parse(created_at).is_some());

    let after = server.comments(ARTICLE);
    assert_eq!(after.len(), before.len() + 1);
    assert!(after.contains(&created));
    let list = server
        .get(&format!("articles/{ARTICLE}/comments.json"))
        .json();
    assert_eq!(list["total"], published(&after));
    assert_eq!(list["article"], ARTICLE);

    let article = server.get(&format!("articles/{ARTICLE}.json")).json();
    assert_eq!(article["comment_count"], published(&after));
    let front = server.get("front.json").json();
    let summary = front["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == ARTICLE)
        .expect("article on the front page");
    assert_eq!(summary["comment_count"], published(&after));

    // A reply to the new comment.
    let answer = json!({ "parent_id": id, "author": "Karim", "body": "D'accord" }).to_string();
    let reply = server.post(ARTICLE, Some(&key(2)), &answer);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.json()["parent_id"], id);
}

#[test]
fn bad_requests_are_400_invalid() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let cases: [(&str, Option<String>, String, Option<&str>); 9] = [
        (
            "malformed JSON",
            Some(key(1)),
            "{\"author\": \"N\", ".to_owned(),
            None,
        ),
        ("not an object", Some(key(2)), "[1, 2]".to_owned(), None),
        (
            "missing author",
            Some(key(3)),
            json!({ "body": "x" }).to_string(),
            Some("author"),
        ),
        (
            "blank body",
            Some(key(4)),
            comment_json("N", "  \n "),
            Some("body"),
        ),
        (
            "unknown parent",
            Some(key(5)),
            json!({ "parent_id": "c999999", "author": "N", "body": "x" }).to_string(),
            Some("parent_id"),
        ),
        (
            "parent of another article",
            Some(key(6)),
            json!({ "parent_id": "c91", "author": "N", "body": "x" }).to_string(),
            Some("parent_id"),
        ),
        (
            "malformed parent",
            Some(key(7)),
            json!({ "parent_id": "../c1", "author": "N", "body": "x" }).to_string(),
            Some("parent_id"),
        ),
        ("missing key", None, comment_json("N", "x"), None),
        (
            "key not a UUID",
            Some("not-a-uuid".to_owned()),
            comment_json("N", "x"),
            None,
        ),
    ];
    let before = server.comments(ARTICLE).len();
    for (what, key, body, field) in cases {
        let reply = server.post(ARTICLE, key.as_deref(), &body);
        assert_eq!(reply.status, 400, "{what}: {}", reply.body);
        let (code, got_field) = reply.error();
        assert_eq!(code, "invalid", "{what}");
        assert_eq!(got_field.as_deref(), field, "{what}");
    }
    // Content-Type other than JSON.
    let reply = reply_with_content_type(&server, "text/plain");
    assert_eq!((reply.status, reply.error().0.as_str()), (400, "invalid"));
    assert_eq!(server.comments(ARTICLE).len(), before, "nothing stored");
    // The messages are in the site's language (French).
    let reply = server.post(ARTICLE, Some(&key(9)), &json!({ "body": "x" }).to_string());
    assert_eq!(reply.json()["error"]["message"], "Le nom est obligatoire.");
}

fn reply_with_content_type(server: &Server, content_type: &str) -> Reply {
    let mut response = agent()
        .post(server.api(&format!("articles/{ARTICLE}/comments")))
        .header("Content-Type", content_type)
        .header("Idempotency-Key", key(99))
        .send(comment_json("N", "x"))
        .unwrap();
    Reply {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.body_mut().read_to_string().unwrap(),
    }
}

#[test]
fn too_long_fields_are_400_too_long_counted_in_characters() {
    let fixture = Fixture::new();
    let server = fixture.start();
    // 4000 two-byte characters: at the limit.
    let at_limit = "é".repeat(4000);
    let reply = server.post(ARTICLE, Some(&key(1)), &comment_json("Nadia", &at_limit));
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.json()["body"].as_str().unwrap().chars().count(), 4000);

    let over = "é".repeat(4001);
    let reply = server.post(ARTICLE, Some(&key(2)), &comment_json("Nadia", &over));
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.error(),
        ("too_long".to_owned(), Some("body".to_owned()))
    );
    assert_eq!(
        reply.json()["error"]["message"],
        "Le message ne peut pas dépasser 4000 caractères."
    );

    let reply = server.post(ARTICLE, Some(&key(3)), &comment_json(&"ع".repeat(61), "x"));
    assert_eq!(
        reply.error(),
        ("too_long".to_owned(), Some("author".to_owned()))
    );
    let title = json!({ "author": "N", "title": "t".repeat(121), "body": "x" }).to_string();
    let reply = server.post(ARTICLE, Some(&key(4)), &title);
    assert_eq!(
        reply.error(),
        ("too_long".to_owned(), Some("title".to_owned()))
    );
}

#[test]
fn closed_article_is_403() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let reply = server.post(CLOSED_ARTICLE, Some(&key(1)), &comment_json("N", "x"));
    assert_eq!(reply.status, 403);
    assert_eq!(reply.error().0, "closed");
}

#[test]
fn body_over_64_kib_is_413_in_the_contract_shape() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let body = comment_json("N", &"a".repeat(70 * 1024));
    let reply = server.post(ARTICLE, Some(&key(1)), &body);
    assert_eq!(reply.status, 413);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.error().0, "too_large");
    // Just under the limit is read (and then judged on its fields).
    let body = comment_json("N", &"a".repeat(60 * 1024));
    let reply = server.post(ARTICLE, Some(&key(2)), &body);
    assert_eq!(
        reply.error(),
        ("too_long".to_owned(), Some("body".to_owned()))
    );
}

#[test]
fn too_many_posts_are_429_with_retry_after() {
    let fixture = Fixture::new();
    let server = Server::start(gazette_server::state::Config {
        rate_limit: 2,
        ..fixture.config()
    });
    for n in 0..2 {
        assert_eq!(
            server
                .post(ARTICLE, Some(&key(n)), &comment_json("N", &format!("{n}")))
                .status,
            201
        );
    }
    let reply = server.post(ARTICLE, Some(&key(2)), &comment_json("N", "trop"));
    assert_eq!(reply.status, 429);
    assert_eq!(reply.error().0, "rate_limited");
    let retry: u64 = reply
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    // A retry of an accepted post is still answered.
    let replay = server.post(ARTICLE, Some(&key(1)), &comment_json("N", "1"));
    assert_eq!(replay.status, 201);
}

#[test]
fn invalid_posts_do_not_spend_the_budget_of_valid_ones_but_have_a_cap_of_their_own() {
    let fixture = Fixture::new();
    let limit = 2;
    let server = Server::start(gazette_server::state::Config {
        rate_limit: limit,
        ..fixture.config()
    });
    let invalid_cap = limit * gazette_server::rate_limit::INVALID_POSTS_PER_VALID;
    // A reader's mistakes, and a client's garbage: as many as the cap allows.
    let invalid = |n: u32| match n % 4 {
        0 => server.post(ARTICLE, Some(&key(n.into())), &comment_json("N", " ")),
        1 => server.post(
            ARTICLE,
            Some(&key(n.into())),
            &json!({ "body": "x" }).to_string(),
        ),
        2 => server.post(ARTICLE, Some(&key(n.into())), "{\"author\": "),
        _ => server.post(ARTICLE, None, &comment_json("N", "x")),
    };
    for n in 0..invalid_cap {
        let reply = invalid(n);
        assert_eq!(reply.status, 400, "invalid post {n}: {}", reply.body);
    }
    // The reader's valid posts still have their whole budget…
    for n in 0..limit {
        let reply = server.post(
            ARTICLE,
            Some(&key(1000 + u64::from(n))),
            &comment_json("N", &format!("valide {n}")),
        );
        assert_eq!(reply.status, 201, "valid post {n}: {}", reply.body);
    }
    let over = server.post(ARTICLE, Some(&key(2000)), &comment_json("N", "de trop"));
    assert_eq!(over.status, 429);
    // …and a flood of garbage is refused once past its own cap.
    let flood = invalid(invalid_cap);
    assert_eq!(flood.status, 429, "{}", flood.body);
    assert_eq!(flood.error().0, "rate_limited");
    assert!(flood.header("retry-after").is_some());
}

#[test]
fn honeypot_is_accepted_and_discarded() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let before = server.comments(ARTICLE);
    let bot = |n: u64| {
        let body = json!({ "author": "Promo", "body": format!("Achetez {n}"), "website": "http://spam.example" });
        server.post(ARTICLE, Some(&key(n)), &body.to_string())
    };
    let reply = bot(1);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let fake = reply.json();
    let fake_id = fake["id"].as_str().unwrap().to_owned();
    assert!(is_contract_id(&fake_id));
    assert_eq!(fake["status"], "published");
    assert_eq!(server.comments(ARTICLE), before);
    // Every fake has an id of its own.
    let other = bot(2).json()["id"].as_str().unwrap().to_owned();
    assert_ne!(other, fake_id);

    // No comment gets a fake's id: not the next one, nor any later.
    let real = server.post(ARTICLE, Some(&key(3)), &comment_json("Nadia", "Vrai"));
    assert_eq!(real.status, 201, "{}", real.body);
    let real_id = real.json()["id"].as_str().unwrap().to_owned();
    assert!(real_id != fake_id && real_id != other, "{real_id}");
    let listed = server.comments(ARTICLE);
    assert_eq!(listed.len(), before.len() + 1);
    for id in [&fake_id, &other] {
        assert!(listed.iter().all(|c| c["id"] != id.as_str()), "{id} listed");
        let sub_thread = server.get(&format!("articles/{ARTICLE}/comments/{id}.json"));
        assert_eq!(sub_thread.status, 404, "{id}");
    }
    // A reply to a fake has no parent.
    let reply = json!({ "parent_id": fake_id, "author": "N", "body": "x" }).to_string();
    let reply = server.post(ARTICLE, Some(&key(4)), &reply);
    assert_eq!(
        reply.error(),
        ("invalid".to_owned(), Some("parent_id".to_owned()))
    );
}

#[test]
fn moderated_posts_are_pending_not_public_and_not_counted() {
    let fixture = Fixture::new().rendering();
    let server = Server::start(gazette_server::state::Config {
        moderate: true,
        ..fixture.config()
    });
    let list_before = server
        .get(&format!("articles/{ARTICLE}/comments.json"))
        .json();
    let reply = server.post(ARTICLE, Some(&key(1)), &comment_json("N", "en attente"));
    assert_eq!(reply.status, 201);
    let pending = reply.json();
    assert_eq!(pending["status"], "pending");
    let list = server
        .get(&format!("articles/{ARTICLE}/comments.json"))
        .json();
    // Contract 1.1: held comments are not public; only the 201 carries it.
    assert_eq!(list["comments"], list_before["comments"]);
    assert!(!list.to_string().contains("en attente"));
    assert_eq!(list["total"], list_before["total"]);
    let page = support::get(&server.url(&format!("/article/{ARTICLE}/comments")), &[]);
    assert!(
        page.body.contains("<div data-prerendered>"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("en attente"),
        "the rendered page carries it"
    );
    let article = server.get(&format!("articles/{ARTICLE}.json")).json();
    assert_eq!(article["comment_count"], list_before["total"]);
}
