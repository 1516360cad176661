//! No soft 404s, over real HTTP: unknown pages and files answer `404` with
//! the rendered not-found page, other methods than GET and HEAD `405` with
//! `Allow`, and a page's static file address (`/article/x.html`) redirects
//! to the page.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;

use gazette_model::i18n::strings;
use gazette_model::lang::Lang;
use support::*;

/// A comment of ARTICLE's imported thread.
const COMMENT: &str = "c101";

fn not_found_title() -> &'static str {
    strings(Lang::Fr).not_found_title
}

/// One request written by hand (any method, CONNECT and TRACE included, as a
/// scanner sends them), read to the end: (status, head, body).
fn raw(server: &Server, method: &str, path: &str) -> (u16, String, String) {
    let address = server.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {answer}"));
    (status, head.to_owned(), body.to_owned())
}

/// A header of `head`, its name in any case.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

#[test]
fn unknown_pages_and_files_are_404_with_the_rendered_not_found_page() {
    let fixture = Fixture::new().rendering();
    let server = fixture.start();
    for path in [
        "/article/nope",
        "/article/nope/comments",
        "/article/nope/comments/c1",
        "/section/nope",
        "/section/maroc/page/2",
        "/pas/de/page",
        "/article/x/comments/c%201",
        "/.env",
        "/.git/config",
        "/wp-login.php",
        "/gazette-ffffffffffffffff.js",
    ] {
        let reply = get(&server.url(path), &[]);
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("text/html; charset=utf-8"),
            "{path}"
        );
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{path}");
        assert!(
            reply.body.contains("<div data-prerendered>") && reply.body.contains(not_found_title()),
            "{path}: {}",
            reply.body
        );
        // The head of the not-found page: no canonical address.
        assert!(!reply.body.contains("rel=\"canonical\""), "{path}");
    }
    // HEAD as GET, without the body.
    assert_eq!(raw(&server, "HEAD", "/article/nope").0, 404);
}

#[test]
fn the_pages_that_exist_are_still_200() {
    let fixture = Fixture::new().rendering();
    let server = fixture.start();
    for path in [
        "/".to_owned(),
        "/section/maroc".to_owned(),
        format!("/article/{ARTICLE}"),
        format!("/article/{ARTICLE}/comments"),
        format!("/article/{ARTICLE}/comments/{COMMENT}"),
    ] {
        let reply = get(&server.url(&path), &[]);
        assert_eq!(reply.status, 200, "{path}");
        assert!(reply.body.contains("<div data-prerendered>"), "{path}");
        assert!(!reply.body.contains(not_found_title()), "{path}");
    }
    // A comment not (or not yet) public, of an article that exists: the
    // thread's app (a reader's own pending comment is theirs to see).
    let reply = get(
        &server.url(&format!("/article/{ARTICLE}/comments/c999999")),
        &[],
    );
    assert_eq!((reply.status, reply.body.as_str()), (200, SHELL));
    let desk = get(&server.url("/moderation"), &[]);
    assert_eq!((desk.status, desk.body.as_str()), (200, SHELL));
    // Files of the build are files.
    assert_eq!(get(&server.url(&format!("/{HASHED_JS}")), &[]).status, 200);
    assert_eq!(get(&server.url("/shell.html"), &[]).status, 200);
    assert_eq!(raw(&server, "HEAD", "/").0, 200);
}

#[test]
fn a_plain_trunk_build_answers_404_with_its_shell() {
    // No shell.html beside prerendered pages: nothing to render the page
    // with, the app says "not found" itself; the status still says so.
    let fixture = Fixture::new();
    let server = fixture.start();
    for path in ["/article/nope", "/.env", "/gazette-ffffffffffffffff.js"] {
        let reply = get(&server.url(path), &[]);
        assert_eq!(
            (reply.status, reply.body.as_str()),
            (404, INDEX_HTML),
            "{path}"
        );
    }
    let front = get(&server.url("/"), &[]);
    assert_eq!((front.status, front.body.as_str()), (200, INDEX_HTML));
}

#[test]
fn other_methods_than_get_and_head_are_405_with_allow() {
    let fixture = Fixture::new().rendering();
    let server = fixture.start();
    let article = format!("/article/{ARTICLE}");
    let asset = format!("/{HASHED_JS}");
    for method in [
        "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT",
    ] {
        for path in [
            "/",
            article.as_str(),
            "/.env",
            asset.as_str(),
            "/moderation",
        ] {
            let (status, head, body) = raw(&server, method, path);
            assert_eq!(status, 405, "{method} {path}: {head}");
            assert_eq!(header(&head, "allow"), Some("GET, HEAD"), "{method} {path}");
            assert!(!body.contains("data-prerendered"), "{method} {path}");
        }
    }
}

#[test]
fn the_apis_unknown_methods_are_405_with_allow_in_the_contract_shape() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let comments = format!("/api/articles/{ARTICLE}/comments");
    for (method, path, allow) in [
        ("PUT", "/api/site.json", "GET,HEAD"),
        ("DELETE", "/api/front.json", "GET,HEAD"),
        ("TRACE", "/api/site.json", "GET,HEAD"),
        ("CONNECT", "/api/site.json", "GET,HEAD"),
        ("PUT", comments.as_str(), "POST"),
        ("DELETE", "/api/moderation/queue", "GET,HEAD"),
    ] {
        let (status, head, body) = raw(&server, method, path);
        assert_eq!(status, 405, "{method} {path}: {head}{body}");
        let allowed: String = header(&head, "allow")
            .unwrap_or_else(|| panic!("{method} {path}: no Allow in {head}"))
            .replace(' ', "");
        assert_eq!(allowed, allow, "{method} {path}");
        assert_eq!(
            header(&head, "content-type"),
            Some("application/json"),
            "{method} {path}"
        );
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            json["error"]["code"], "method_not_allowed",
            "{method} {path}"
        );
    }
}

#[test]
fn a_pages_file_address_redirects_to_the_page_with_its_query() {
    let fixture = Fixture::new().rendering();
    // As a build writes them: stale against the database.
    let static_dir = fixture.dir.path().join("static");
    std::fs::create_dir_all(static_dir.join(format!("article/{ARTICLE}"))).unwrap();
    for file in [
        format!("article/{ARTICLE}.html"),
        format!("article/{ARTICLE}/comments.html"),
        "section/maroc.html".to_owned(),
    ] {
        std::fs::create_dir_all(static_dir.join(&file).parent().unwrap()).unwrap();
        std::fs::write(static_dir.join(file), "stale").unwrap();
    }
    let server = fixture.start();
    for (from, to) in [
        (
            format!("/article/{ARTICLE}.html"),
            format!("/article/{ARTICLE}"),
        ),
        (
            format!("/article/{ARTICLE}.html?utm_source=x&a=%C3%A9"),
            format!("/article/{ARTICLE}?utm_source=x&a=%C3%A9"),
        ),
        (
            format!("/article/{ARTICLE}/comments.html"),
            format!("/article/{ARTICLE}/comments"),
        ),
        (
            "/section/maroc.html".to_owned(),
            "/section/maroc".to_owned(),
        ),
        ("/index.html".to_owned(), "/".to_owned()),
        ("/index.html?x=1".to_owned(), "/?x=1".to_owned()),
        // One address a page: a trailing slash goes too.
        (
            format!("/article/{ARTICLE}/"),
            format!("/article/{ARTICLE}"),
        ),
        // An unknown article's address too; there it is the 404.
        ("/article/nope.html".to_owned(), "/article/nope".to_owned()),
    ] {
        for method in ["GET", "HEAD"] {
            let (status, head, body) = raw(&server, method, &from);
            assert_eq!(status, 301, "{method} {from}: {head}");
            assert_eq!(header(&head, "location"), Some(to.as_str()), "{from}");
            assert!(!body.contains("stale"), "{from}");
        }
    }
    // Other `.html` files are files, or not found.
    assert_eq!(raw(&server, "GET", "/shell.html").0, 200);
    assert_eq!(raw(&server, "GET", "/article/x/comments/c1.html").0, 404);
    assert_eq!(raw(&server, "GET", "/moderation.html").0, 404);
}
