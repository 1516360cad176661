//! The moderation part of the contract (1.1) over real HTTP, what it does:
//! the queue, decisions and their log, reader reports and the threshold,
//! bans. Readers are told apart by the `X-Forwarded-For` a trusted proxy
//! (here: loopback) adds. Who may use it: `moderation_access.rs`.

mod support;

use serde_json::{json, Value};
use support::moderation::*;
use support::*;

#[test]
fn approving_a_pending_comment_makes_it_public_counted_and_logged() {
    let fixture = Fixture::new();
    let server = start(&fixture, true, 3);
    let before = listing(&server);
    let count_before = comment_count(&server);
    let posted = post_from(
        &server,
        "198.51.100.1",
        1,
        comment("Nadia", "Un avis à modérer.", None),
    );
    assert_eq!(posted.status, 201);
    let id = posted.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(ids(&listing(&server)), ids(&before));

    let cookie = session(&server);
    let queue = desk_get(&server, &cookie, "moderation/queue?state=pending").json();
    // The demo content holds pending comments of its own.
    let pending = queue["counts"]["pending"].as_u64().unwrap();
    assert!(pending >= 1);
    assert_eq!(queue["items"].as_array().unwrap().len() as u64, pending);
    let item = queue_item(&queue, &id);
    assert_eq!(item["comment"]["id"], id.as_str());
    assert_eq!(item["comment"]["status"], "pending");
    assert_eq!(item["article"]["slug"], ARTICLE);
    assert!(item["article"]["title"]
        .as_str()
        .is_some_and(|t| !t.is_empty() && t != ARTICLE));
    assert_eq!(item["parent"], Value::Null);
    assert_eq!(item["reports"]["count"], 0);
    assert_eq!(item["author_key"].as_str().unwrap().len(), 32);
    assert!(
        !queue.to_string().contains("198.51.100.1"),
        "no address on the desk"
    );

    // Without the header: refused, nothing changes.
    let path = format!("moderation/comments/{id}");
    let refused = send(
        "POST",
        &server.api(&path),
        &[("Cookie", &cookie)],
        Some(&json!({ "action": "approve" }).to_string()),
    );
    assert_eq!(
        (refused.status, refused.error().0.as_str()),
        (403, "forbidden")
    );
    let unknown = desk_post(
        &server,
        &cookie,
        "moderation/comments/nope",
        json!({ "action": "approve" }),
    );
    assert_eq!(unknown.status, 404);
    let bad = desk_post(&server, &cookie, &path, json!({ "action": "publish" }));
    assert_eq!((bad.status, bad.error().0.as_str()), (400, "invalid"));

    let approved = desk_post(
        &server,
        &cookie,
        &path,
        json!({ "action": "approve", "reason": "ok" }),
    );
    assert_eq!(approved.status, 200, "{}", approved.body);
    assert_eq!(approved.json()["status"], "published");
    let after = listing(&server);
    assert!(ids(&after).contains(&id));
    assert_eq!(after["total"], json!(before["total"].as_u64().unwrap() + 1));
    assert_eq!(
        comment_count(&server),
        json!(count_before.as_u64().unwrap() + 1)
    );
    let page = get(&server.url(&format!("/article/{ARTICLE}/comments")), &[]);
    assert!(
        page.body.contains("<div data-prerendered>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Un avis à modérer."),
        "the rendered thread shows it"
    );
    let queue = desk_get(&server, &cookie, "moderation/queue").json();
    assert_eq!(queue["counts"]["pending"], json!(pending - 1));

    let log = desk_get(&server, &cookie, "moderation/log").json();
    let entry = &log["items"][0];
    assert_eq!(entry["moderator"], "amina");
    assert_eq!(entry["action"], "approve");
    assert_eq!(entry["comment_id"], id.as_str());
    assert_eq!(entry["reason"], "ok");
    assert!(entry["at"].as_str().is_some());
}

#[test]
fn reports_count_once_per_client_and_the_threshold_hides_until_a_decision() {
    let fixture = Fixture::new();
    let server = start(&fixture, false, 3);
    let posted = post_from(
        &server,
        "198.51.100.1",
        1,
        comment("Troll", "Un message insultant.", None),
    );
    let id = posted.json()["id"].as_str().unwrap().to_owned();
    let total = listing(&server)["total"].as_u64().unwrap();

    // Bad requests.
    let url = server.api(&format!("articles/{ARTICLE}/comments/{id}/reports"));
    let no_key = send("POST", &url, &[], Some(r#"{"reason":"spam"}"#));
    assert_eq!((no_key.status, no_key.error().0.as_str()), (400, "invalid"));
    let bad = send(
        "POST",
        &url,
        &[("Idempotency-Key", &key(90))],
        Some(r#"{"reason":"rude"}"#),
    );
    assert_eq!((bad.status, bad.error().0.as_str()), (400, "invalid"));
    let long = json!({ "reason": "other", "note": "x".repeat(501) }).to_string();
    let bad = send("POST", &url, &[("Idempotency-Key", &key(91))], Some(&long));
    assert_eq!(bad.error(), ("invalid".into(), Some("note".into())));
    assert_eq!(
        report_from(&server, "203.0.113.1", 92, "nope", "spam").status,
        404
    );

    let first = report_from(&server, "203.0.113.1", 10, &id, "abuse");
    assert_eq!(
        (first.status, first.json()),
        (201, json!({ "reported": true }))
    );
    let replay = report_from(&server, "203.0.113.1", 10, &id, "abuse");
    assert_eq!(replay.status, 201);
    assert_eq!(replay.header("idempotent-replayed"), Some("true"));
    let again = report_from(&server, "203.0.113.1", 11, &id, "spam");
    assert_eq!(
        (again.status, again.json()),
        (200, json!({ "reported": true }))
    );
    assert!(
        ids(&listing(&server)).contains(&id),
        "one reader does not hide it"
    );

    assert_eq!(
        report_from(&server, "203.0.113.2", 12, &id, "abuse").status,
        201
    );
    assert!(ids(&listing(&server)).contains(&id));
    assert_eq!(
        report_from(&server, "203.0.113.3", 13, &id, "spam").status,
        201
    );
    let hidden = listing(&server);
    assert!(!ids(&hidden).contains(&id), "three readers take it out");
    assert_eq!(hidden["total"], json!(total - 1));
    assert!(!hidden.to_string().contains("insultant"));
    assert!(!hidden.to_string().contains("author_key") && !hidden.to_string().contains("abuse"));
    let page = get(&server.url(&format!("/article/{ARTICLE}/comments")), &[]);
    assert!(
        page.body.contains("<div data-prerendered>"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Un message insultant."));

    let cookie = session(&server);
    let queue = desk_get(&server, &cookie, "moderation/queue?state=reported").json();
    assert_eq!(queue["counts"]["reported"], 1);
    assert_eq!(
        queue["items"][0]["reports"],
        json!({ "count": 3, "reasons": { "abuse": 2, "spam": 1 } })
    );

    let restored = desk_post(
        &server,
        &cookie,
        &format!("moderation/comments/{id}"),
        json!({ "action": "restore" }),
    );
    assert_eq!(restored.status, 200, "{}", restored.body);
    assert!(ids(&listing(&server)).contains(&id));
    assert_eq!(listing(&server)["total"], json!(total));
    assert_eq!(
        desk_get(&server, &cookie, "moderation/queue").json()["counts"]["reported"],
        0
    );
    // Settled reports do not count again; the same readers cannot report twice.
    assert_eq!(
        report_from(&server, "203.0.113.3", 14, &id, "spam").status,
        200
    );
    assert!(ids(&listing(&server)).contains(&id));
}

#[test]
fn a_rejected_comment_leaves_and_its_replies_keep_their_place() {
    let fixture = Fixture::new();
    let server = start(&fixture, false, 3);
    let parent = post_from(
        &server,
        "198.51.100.1",
        1,
        comment("A", "Texte rejeté.", None),
    );
    let parent_id = parent.json()["id"].as_str().unwrap().to_owned();
    let reply = post_from(
        &server,
        "198.51.100.2",
        2,
        comment("B", "Une réponse.", Some(&parent_id)),
    );
    let reply_id = reply.json()["id"].as_str().unwrap().to_owned();
    let total = listing(&server)["total"].as_u64().unwrap();

    let cookie = session(&server);
    let rejected = desk_post(
        &server,
        &cookie,
        &format!("moderation/comments/{parent_id}"),
        json!({ "action": "reject", "reason": "insulte" }),
    );
    assert_eq!(rejected.status, 200, "{}", rejected.body);
    let list = listing(&server);
    let comments = list["comments"].as_array().unwrap();
    let placeholder = comments
        .iter()
        .find(|c| c["id"] == parent_id.as_str())
        .expect("placeholder");
    assert_eq!(placeholder["status"], "deleted");
    assert_eq!(placeholder["body"], "");
    assert_eq!(placeholder["author"], "");
    let kept = comments
        .iter()
        .find(|c| c["id"] == reply_id.as_str())
        .expect("the reply");
    assert_eq!(kept["parent_id"], parent_id.as_str());
    assert_eq!(list["total"], json!(total - 1));
    assert!(!list.to_string().contains("Texte rejeté"));

    let log = desk_get(&server, &cookie, "moderation/log").json();
    assert_eq!(log["items"][0]["action"], "reject");
    assert_eq!(log["items"][0]["reason"], "insulte");
}

#[test]
fn a_banned_client_cannot_post_or_report_until_the_ban_is_lifted() {
    let fixture = Fixture::new();
    let server = start(&fixture, true, 3);
    let troll = "198.51.100.66";
    let first = post_from(&server, troll, 1, comment("Troll", "Premier.", None));
    let cookie = session(&server);
    let queue = desk_get(&server, &cookie, "moderation/queue").json();
    let author_key = queue_item(&queue, first.json()["id"].as_str().unwrap())["author_key"]
        .as_str()
        .unwrap()
        .to_owned();

    let no_header = send(
        "POST",
        &server.api("moderation/bans"),
        &[("Cookie", &cookie)],
        Some(&json!({ "author_key": author_key }).to_string()),
    );
    assert_eq!(no_header.status, 403);
    let ban = desk_post(
        &server,
        &cookie,
        "moderation/bans",
        json!({ "author_key": author_key, "reason": "récidive", "days": 7 }),
    );
    assert_eq!(ban.status, 201, "{}", ban.body);
    assert_eq!(ban.json()["author_key"], author_key.as_str());

    let refused = post_from(&server, troll, 2, comment("Troll", "Encore.", None));
    assert_eq!(
        (refused.status, refused.error().0.as_str()),
        (403, "banned")
    );
    let other = post_from(
        &server,
        "198.51.100.67",
        3,
        comment("Sara", "Bonjour.", None),
    );
    assert_eq!(other.status, 201);
    let published = listing(&server)["comments"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let report = report_from(&server, troll, 4, &published, "spam");
    assert_eq!((report.status, report.error().0.as_str()), (403, "banned"));

    let lift = send(
        "DELETE",
        &server.api(&format!("moderation/bans/{author_key}")),
        &[("Cookie", &cookie), DESK],
        None,
    );
    assert_eq!(lift.status, 204);
    assert_eq!(
        post_from(&server, troll, 5, comment("Troll", "Pardon.", None)).status,
        201
    );
    let actions: Vec<Value> = desk_get(&server, &cookie, "moderation/log").json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].clone())
        .collect();
    assert_eq!(actions[..2], [json!("unban"), json!("ban")]);
}
