//! The server over real HTTP: every status and error code of the contract.

mod support;

use std::collections::HashSet;

use gazette_model::contract::{Comment, CommentList, CommentStatus};
use serde_json::{json, Value};
use support::*;

fn published(comments: &[Value]) -> usize {
    comments
        .iter()
        .filter(|c| c["status"] == "published")
        .count()
}

fn is_contract_id(id: &str) -> bool {
    gazette_model::links::is_valid_slug(id)
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
fn imported_threads_are_served_as_given() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let slug = "bibliotheque-municipale-reouverture";
    let thread = |article: &str| -> Vec<Comment> {
        let bytes =
            std::fs::read(content_dir().join(format!("articles/{article}/comments.json"))).unwrap();
        serde_json::from_slice::<CommentList>(&bytes)
            .unwrap()
            .comments
    };
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
    // Every demo thread, statuses other than published included.
    let mut statuses = HashSet::new();
    for entry in std::fs::read_dir(content_dir().join("articles")).unwrap() {
        let path = entry.unwrap().path();
        if !path.join("comments.json").is_file() {
            continue;
        }
        let article = path.file_name().unwrap().to_str().unwrap();
        let listed: CommentList = serde_json::from_str(
            &server
                .get(&format!("articles/{article}/comments.json"))
                .body,
        )
        .unwrap();
        assert_eq!(listed.comments, thread(article), "{article}");
        statuses.extend(listed.comments.iter().map(|c| format!("{:?}", c.status)));
    }
    assert_eq!(statuses.len(), 3, "{statuses:?}");
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
fn too_many_posts_are_429_with_retry_after() {
    let fixture = Fixture::new();
    let server = Server::start(gazette_server::Config {
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
fn honeypot_is_accepted_and_discarded() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let before = server.comments(ARTICLE);
    let bot = json!({ "author": "Promo", "body": "Achetez", "website": "http://spam.example" })
        .to_string();
    let reply = server.post(ARTICLE, Some(&key(1)), &bot);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let fake = reply.json();
    assert!(is_contract_id(fake["id"].as_str().unwrap()));
    assert_eq!(fake["status"], "published");
    assert_eq!(server.comments(ARTICLE), before);
}

#[test]
fn moderated_posts_are_pending_and_not_counted() {
    let fixture = Fixture::new();
    let server = Server::start(gazette_server::Config {
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
    assert!(list["comments"].as_array().unwrap().contains(&pending));
    assert_eq!(list["total"], list_before["total"]);
    let article = server.get(&format!("articles/{ARTICLE}.json")).json();
    assert_eq!(article["comment_count"], list_before["total"]);
}

#[test]
fn a_restart_keeps_every_comment_and_does_not_reimport() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let imported = server.comments(ARTICLE).len();
    let empty = "accord-peche-mediterranee";
    assert!(server.comments(empty).is_empty());
    let mut ids = Vec::new();
    for (n, article) in [ARTICLE, ARTICLE, empty].into_iter().enumerate() {
        let reply = server.post(
            article,
            Some(&key(n as u64)),
            &comment_json("N", &format!("{n}")),
        );
        assert_eq!(reply.status, 201);
        ids.push(reply.json()["id"].as_str().unwrap().to_owned());
    }
    let before_ours = server.comments(ARTICLE);
    let before_empty = server.comments(empty);
    server.stop();

    let server = fixture.start();
    assert_eq!(server.comments(ARTICLE), before_ours);
    assert_eq!(server.comments(ARTICLE).len(), imported + 2);
    assert_eq!(server.comments(empty), before_empty);
    // New ids stay unique after the restart, and keys are remembered.
    let reply = server.post(ARTICLE, Some(&key(99)), &comment_json("N", "après"));
    assert!(!ids.contains(&reply.json()["id"].as_str().unwrap().to_owned()));
    let replay = server.post(ARTICLE, Some(&key(0)), &comment_json("N", "0"));
    assert_eq!(replay.json()["id"], ids[0].as_str());
}

#[test]
fn a_restart_does_not_import_a_thread_again() {
    // A copy of the content whose demo thread changes between two runs.
    let fixture = Fixture::new();
    let content = fixture.dir.path().join("content");
    copy_dir(&content_dir(), &content);
    let config = gazette_server::Config {
        content: content.clone(),
        ..fixture.config()
    };
    let server = Server::start(config.clone());
    let first = server.comments(ARTICLE);
    assert!(!first.is_empty());
    server.stop();

    let file = content.join(format!("articles/{ARTICLE}/comments.json"));
    let mut thread: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let mut extra = thread["comments"][0].clone();
    extra["id"] = json!("c-added-later");
    thread["comments"].as_array_mut().unwrap().push(extra);
    std::fs::write(&file, thread.to_string()).unwrap();

    let server = Server::start(config);
    assert_eq!(server.comments(ARTICLE), first);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
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

#[test]
fn the_app_is_served_with_a_spa_fallback() {
    let fixture = Fixture::new();
    let server = fixture.start();
    for path in ["/", "/article/x", "/section/maroc/page/2"] {
        let reply = get(&server.url(path), &[]);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.body, INDEX_HTML, "{path}");
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{path}");
    }
    let asset = get(&server.url(&format!("/{HASHED_JS}")), &[]);
    assert_eq!(asset.body, "console.log('gazette');\n");
    assert_eq!(
        asset.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    // A missing hashed name falls back to index.html, which is never immutable.
    let missing = get(&server.url("/gazette-ffffffffffffffff.js"), &[]);
    assert_eq!(missing.body, INDEX_HTML);
    assert_eq!(missing.header("cache-control"), Some("no-cache"));
    // The API never falls back to the app.
    let api = get(&server.url("/api/article/x"), &[]);
    assert_eq!(api.status, 404);
    assert_eq!(api.error().0, "not_found");
}

#[test]
fn responses_are_compressed_when_asked() {
    let fixture = Fixture::new();
    let server = fixture.start();
    for encoding in ["br", "gzip"] {
        let reply = get(&server.api("front.json"), &[("Accept-Encoding", encoding)]);
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("content-encoding"), Some(encoding));
    }
    let plain = get(&server.api("front.json"), &[]);
    assert_eq!(plain.header("content-encoding"), None);
}

#[test]
fn cors_headers_only_with_the_flag() {
    let origin = "https://news.example";
    let fixture = Fixture::new();
    let server = fixture.start();
    let reply = get(&server.api("site.json"), &[("Origin", origin)]);
    assert!(
        !reply
            .headers
            .keys()
            .any(|k| k.as_str().starts_with("access-control-")),
        "{:?}",
        reply.headers
    );
    server.stop();

    let server = Server::start(gazette_server::Config {
        cors_origin: Some(origin.to_owned()),
        ..fixture.config()
    });
    let reply = get(&server.api("site.json"), &[("Origin", origin)]);
    assert_eq!(reply.header("access-control-allow-origin"), Some(origin));
    let mut preflight = agent()
        .options(server.api(&format!("articles/{ARTICLE}/comments")))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "content-type,idempotency-key",
        )
        .call()
        .unwrap();
    assert!(preflight.status().is_success());
    let headers = preflight.headers().clone();
    let _ = preflight.body_mut().read_to_string();
    assert_eq!(headers["access-control-allow-origin"], origin);
    let allowed = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed.contains("idempotency-key") && allowed.contains("content-type"),
        "{allowed}"
    );
    assert!(headers["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .contains("POST"));
    // Another origin is not allowed.
    let reply = get(
        &server.api("site.json"),
        &[("Origin", "https://evil.example")],
    );
    assert_eq!(reply.header("access-control-allow-origin"), None);
}

#[cfg(unix)]
#[test]
fn the_binary_announces_itself_and_stops_cleanly_on_sigterm() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let fixture = Fixture::new();
    let config = fixture.config();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette-server"))
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(&config.db)
        .arg("--static")
        .arg(&config.static_dir)
        .arg("--content")
        .arg(&config.content)
        .args(["--rate-limit", "5", "--api-prefix", "/v1/"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("gazette-server runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("Gazette on ")
        .and_then(|url| url.strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let reply = post(
        &format!("{base}/v1/articles/{ARTICLE}/comments"),
        Some(&key(1)),
        &comment_json("N", "avant l'arrêt"),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let id = reply.json()["id"].clone();
    assert_eq!(get(&format!("{base}/api/site.json"), &[]).body, INDEX_HTML);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");

    let server = fixture.start();
    assert!(server.comments(ARTICLE).iter().any(|c| c["id"] == id));
}
