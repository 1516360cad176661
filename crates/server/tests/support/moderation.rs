//! The moderation tests' shared steps (tests/moderation_*.rs): a server with
//! one moderator that trusts loopback as a proxy, signing in, the desk's
//! requests, and readers told apart by the `X-Forwarded-For` it names.

use std::io::Cursor;

use gazette_server::cli::ModeratorAction;
use gazette_server::moderators;
use serde_json::{json, Value};

use super::*;

pub const PASSWORD: &str = "une phrase de passe solide";

/// A server with one moderator, `amina`, trusting loopback as a proxy.
pub fn start(fixture: &Fixture, moderate: bool, threshold: u32) -> Server {
    std::fs::write(fixture.dir.path().join("static/shell.html"), SHELL).unwrap();
    add_moderator(fixture, "amina", PASSWORD).expect("moderator added");
    Server::start(gazette_server::state::Config {
        moderate,
        report_threshold: threshold,
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..fixture.config()
    })
}

pub fn add_moderator(fixture: &Fixture, name: &str, password: &str) -> Result<String, String> {
    moderators::run(
        ModeratorAction::Add {
            name: name.into(),
            db: fixture.config().db,
        },
        Cursor::new(format!("{password}\n")),
    )
}

pub const DESK: (&str, &str) = ("X-Gazette-Moderation", "1");

pub fn sign_in(server: &Server, name: &str, password: &str) -> Reply {
    let body = json!({ "name": name, "password": password }).to_string();
    send(
        "POST",
        &server.api("moderation/session"),
        &[DESK],
        Some(&body),
    )
}

/// Signs in as amina; the `Cookie` header value to send.
pub fn session(server: &Server) -> String {
    let reply = sign_in(server, "amina", PASSWORD);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let set = reply.header("set-cookie").expect("a cookie").to_owned();
    set.split(';').next().unwrap().to_owned()
}

pub fn desk_get(server: &Server, cookie: &str, path: &str) -> Reply {
    send("GET", &server.api(path), &[("Cookie", cookie)], None)
}

pub fn desk_post(server: &Server, cookie: &str, path: &str, body: Value) -> Reply {
    send(
        "POST",
        &server.api(path),
        &[("Cookie", cookie), DESK],
        Some(&body.to_string()),
    )
}

/// A reader's post from `client` (an address the proxy names).
pub fn post_from(server: &Server, client: &str, n: u64, body: Value) -> Reply {
    send(
        "POST",
        &server.api(&format!("articles/{ARTICLE}/comments")),
        &[("X-Forwarded-For", client), ("Idempotency-Key", &key(n))],
        Some(&body.to_string()),
    )
}

pub fn report_from(server: &Server, client: &str, n: u64, id: &str, reason: &str) -> Reply {
    send(
        "POST",
        &server.api(&format!("articles/{ARTICLE}/comments/{id}/reports")),
        &[("X-Forwarded-For", client), ("Idempotency-Key", &key(n))],
        Some(&json!({ "reason": reason, "note": "insultes" }).to_string()),
    )
}

pub fn comment(author: &str, body: &str, parent: Option<&str>) -> Value {
    json!({ "parent_id": parent, "author": author, "title": "", "body": body, "website": "" })
}

pub fn listing(server: &Server) -> Value {
    server
        .get(&format!("articles/{ARTICLE}/comments.json"))
        .json()
}

pub fn ids(list: &Value) -> Vec<String> {
    list["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

pub fn queue_item<'a>(queue: &'a Value, id: &str) -> &'a Value {
    queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["comment"]["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in the queue: {queue}"))
}

pub fn comment_count(server: &Server) -> Value {
    server.get(&format!("articles/{ARTICLE}.json")).json()["comment_count"].clone()
}
