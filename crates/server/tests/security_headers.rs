//! The security headers on every kind of answer over real HTTP: rendered
//! pages, the shell, JSON, errors, hashed assets; the page policy lists the
//! hash of each inline script the page runs; HSTS only with `--hsts`.

mod support;

use base64::Engine;
use sha2::{Digest, Sha256};
use support::*;

/// The sources for the inline scripts of `html` a browser runs, computed
/// here from the page as a browser would.
fn script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    for part in html.split("<script").skip(1) {
        let (attrs, rest) = part.split_once('>').unwrap();
        let body = &rest[..rest.find("</script>").unwrap()];
        let data = attrs.contains("application/json") || attrs.contains("application/ld+json");
        if !data && !attrs.contains(" src=") {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
    }
    hashes
}

fn assert_locked_down(reply: &Reply, what: &str) {
    assert_eq!(
        reply.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        reply.header("referrer-policy"),
        Some("strict-origin-when-cross-origin"),
        "{what}"
    );
    assert_eq!(
        reply.header("cross-origin-opener-policy"),
        Some("same-origin"),
        "{what}"
    );
    assert!(
        reply
            .header("permissions-policy")
            .is_some_and(|p| p.contains("camera=()")),
        "{what}"
    );
    let policy = reply.header("content-security-policy").unwrap_or_default();
    for part in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self';",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "img-src 'self';",
        "connect-src 'self';",
    ] {
        assert!(policy.contains(part), "{part} for {what}: {policy}");
    }
    assert!(
        !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"),
        "{what}"
    );
}

#[test]
fn every_answer_is_locked_down_and_pages_allow_their_own_scripts_only() {
    let fixture = Fixture::new().rendering();
    let server = fixture.start();
    for (path, status) in [
        ("/".to_owned(), 200),
        (format!("/article/{ARTICLE}"), 200),
        (format!("/article/{ARTICLE}/comments/c1"), 200),
        // The not-found page, rendered.
        ("/no-such-page".to_owned(), 404),
    ] {
        let page = get(&server.url(&path), &[]);
        assert_eq!(page.status, status, "{path}");
        assert_locked_down(&page, &path);
        let policy = page.header("content-security-policy").unwrap();
        let hashes = script_hashes(&page.body);
        assert!(!hashes.is_empty(), "{path} runs the app's loader");
        for hash in &hashes {
            assert!(
                policy.contains(hash.as_str()),
                "{hash} of {path} in {policy}"
            );
        }
        assert_eq!(
            policy.matches("'sha256-").count(),
            hashes.len(),
            "{path}: no other script"
        );
    }
    for (path, status) in [
        ("/api/site.json".to_owned(), 200),
        ("/api/articles/nope.json".to_owned(), 404),
        (format!("/{HASHED_JS}"), 200),
        ("/sitemap.xml".to_owned(), 200),
    ] {
        let reply = get(&server.url(&path), &[]);
        assert_eq!(reply.status, status, "{path}");
        assert_locked_down(&reply, &path);
        let policy = reply.header("content-security-policy").unwrap();
        assert!(!policy.contains("'sha256-"), "{path}: {policy}");
        assert_eq!(reply.header("strict-transport-security"), None, "{path}");
    }
    let post = agent()
        .post(server.api(&format!("articles/{ARTICLE}/comments")))
        .header("Content-Type", "application/json")
        .send("{")
        .unwrap();
    assert_eq!(post.status(), 400);
    assert_eq!(
        post.headers()
            .get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
}

#[test]
fn strict_transport_security_only_with_the_flag() {
    let fixture = Fixture::new().rendering();
    let server = Server::start(gazette_server::state::Config {
        hsts: true,
        ..fixture.config()
    });
    for path in ["/", "/api/site.json"] {
        let reply = get(&server.url(path), &[]);
        assert_eq!(
            reply.header("strict-transport-security"),
            Some("max-age=63072000; includeSubDomains"),
            "{path}"
        );
    }
}

#[test]
fn a_304_leaves_the_kept_pages_policy_alone() {
    let fixture = Fixture::new().rendering();
    let server = fixture.start();
    let shell = get(&server.url("/shell.html"), &[]);
    assert_eq!(shell.status, 200);
    assert!(shell
        .header("content-security-policy")
        .is_some_and(|p| p.contains("'sha256-")));
    let modified = shell
        .header("last-modified")
        .expect("a Last-Modified")
        .to_owned();
    let again = get(
        &server.url("/shell.html"),
        &[("If-Modified-Since", &modified)],
    );
    assert_eq!(again.status, 304);
    // Its headers replace the cached answer's: no policy without the hashes.
    assert_eq!(again.header("content-security-policy"), None);
}
