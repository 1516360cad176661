//! The static app (SPA fallback, caching), compression and CORS over real HTTP.

mod support;

use support::*;

#[test]
fn the_app_is_served_with_a_spa_fallback() {
    let fixture = Fixture::new();
    let server = fixture.start();
    // A plain Trunk build (no shell.html): its pages are the shell.
    for path in [
        "/".to_owned(),
        format!("/article/{ARTICLE}"),
        "/moderation".to_owned(),
    ] {
        let reply = get(&server.url(&path), &[]);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.body, INDEX_HTML, "{path}");
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{path}");
    }
    // Any other path too, with its 404 (tests/not_found.rs).
    for path in ["/article/x", "/section/maroc/page/2"] {
        let reply = get(&server.url(path), &[]);
        assert_eq!(
            (reply.status, reply.body.as_str()),
            (404, INDEX_HTML),
            "{path}"
        );
    }
    let asset = get(&server.url(&format!("/{HASHED_JS}")), &[]);
    assert_eq!(asset.body, "console.log('gazette');\n");
    assert_eq!(
        asset.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    // A missing hashed name is not found, and never immutable.
    let missing = get(&server.url("/gazette-ffffffffffffffff.js"), &[]);
    assert_eq!((missing.status, missing.body.as_str()), (404, INDEX_HTML));
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

    let server = Server::start(gazette_server::state::Config {
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

/// The JSON a page carries inline for `path` (see gazette_model::inline_data).
fn inline_json(html: &str, path: &str) -> serde_json::Value {
    let open = format!("data-api=\"{path}\">");
    let start = html.find(&open).expect("inline data") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn pages_are_rendered_with_the_live_data() {
    let fixture = Fixture::new().rendering();
    let static_dir = fixture.dir.path().join("static");
    // As the build writes it: the thread's file in a folder named as the article.
    std::fs::create_dir_all(static_dir.join(format!("article/{ARTICLE}"))).unwrap();
    std::fs::write(
        static_dir.join(format!("article/{ARTICLE}/comments.html")),
        "stale",
    )
    .unwrap();
    let server = fixture.start();
    let thread = server.url(&format!("/article/{ARTICLE}/comments"));

    let article = get(&server.url(&format!("/article/{ARTICLE}")), &[]);
    assert_eq!(article.status, 200);
    assert!(
        article.body.contains("<div data-prerendered>"),
        "{}",
        article.body
    );

    let first = get(&thread, &[]);
    assert_eq!(first.status, 200);
    assert_eq!(
        first.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(first.header("cache-control"), Some("no-cache"));
    assert!(
        first.body.contains("<div data-prerendered>"),
        "{}",
        first.body
    );
    let listing = format!("articles/{ARTICLE}/comments.json");
    assert_eq!(
        inline_json(&first.body, &listing),
        server.get(&listing).json()
    );
    assert_eq!(
        inline_json(&first.body, "site.json"),
        server.get("site.json").json()
    );
    let title = server.get(&format!("articles/{ARTICLE}.json")).json()["title"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        first.body.contains(&format!(
            "<title>Commentaires : {title} — La Gazette</title>"
        )),
        "{}",
        first.body
    );
    // The app is fetched after the page paints, not preloaded.
    assert!(
        !first.body.contains("<link rel=\"modulepreload\"")
            && first
                .body
                .contains("await import(\"/gazette-1a2b3c4d5e6f7a8b.js\")")
    );

    // A comment posted now is in the next page's markup, as text.
    let body = "Rendu par le serveur : <script>alert(1)</script>";
    let posted = server.post(ARTICLE, Some(&key(1)), &comment_json("Salma", body));
    assert_eq!(posted.status, 201);
    let second = get(&thread, &[]).body;
    assert!(
        second.contains("Rendu par le serveur : &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{second}"
    );
    assert!(!second.contains("<script>alert(1)"), "{second}");
    let comments = inline_json(&second, &listing)["comments"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(comments, server.comments(ARTICLE).len());

    // Everything else is the not-found page, rendered: unknown articles,
    // other paths (tests/not_found.rs).
    for path in [
        "/article/pas-un-article",
        "/pas/de/page",
        "/article/x/comments/c%201",
    ] {
        let reply = get(&server.url(path), &[]);
        assert_eq!(reply.status, 404, "{path}");
        assert!(reply.body.contains("<div data-prerendered>"), "{path}");
    }
}

/// The `content` of `<meta property="{property}">` in a page.
fn og(html: &str, property: &str) -> Option<String> {
    let key = format!("<meta property=\"{property}\" content=\"");
    let start = html.find(&key)? + key.len();
    Some(html[start..start + html[start..].find('"')?].to_owned())
}

#[test]
fn rendered_pages_describe_themselves_with_live_counts_on_the_origin_asked() {
    let fixture = Fixture::new().rendering();
    let server = fixture.start();
    let page = || get(&server.url(&format!("/article/{ARTICLE}")), &[]).body;
    let comment_count = |html: &str| -> u64 {
        let open = "<script type=\"application/ld+json\">";
        html.match_indices(open)
            .map(|(at, _)| {
                let from = at + open.len();
                let text = &html[from..from + html[from..].find("</script>").unwrap()];
                serde_json::from_str::<serde_json::Value>(text).unwrap()
            })
            .find(|data| data["@type"] == "NewsArticle")
            .expect("NewsArticle")["commentCount"]
            .as_u64()
            .unwrap()
    };
    let before = page();
    assert_eq!(
        og(&before, "og:url"),
        Some(server.url(&format!("/article/{ARTICLE}")))
    );
    assert_eq!(og(&before, "og:type").as_deref(), Some("article"));
    let count = comment_count(&before);
    let posted = server.post(ARTICLE, Some(&key(1)), &comment_json("Salma", "Compté."));
    assert_eq!(posted.status, 201);
    assert_eq!(comment_count(&page()), count + 1, "the count is live");
    // A Host that is not a host name is not written into the page.
    let forged = get(
        &server.url(&format!("/article/{ARTICLE}")),
        &[("host", "evil.example\"><script>")],
    );
    assert_eq!(
        og(&forged.body, "og:url"),
        Some(format!("http://localhost/article/{ARTICLE}"))
    );
}

#[test]
fn sitemaps_robots_and_feeds_are_written_live() {
    let fixture = Fixture::new();
    let server = fixture.start();
    for (path, kind) in [
        ("/feed.xml", "application/atom+xml"),
        ("/section/maroc/feed.xml", "application/atom+xml"),
        ("/sitemap.xml", "application/xml"),
        ("/news-sitemap.xml", "application/xml"),
        ("/robots.txt", "text/plain"),
    ] {
        let reply = get(&server.url(path), &[]);
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply.header("content-type").unwrap().starts_with(kind),
            "{path}"
        );
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{path}");
    }
    let feed = get(&server.url("/section/maroc/feed.xml"), &[]).body;
    assert!(
        feed.contains(&format!(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
            server.url("/section/maroc/feed.xml")
        )),
        "{feed}"
    );
    let sitemap = get(&server.url("/sitemap.xml"), &[]).body;
    assert!(sitemap.contains(&format!(
        "<loc>{}</loc>",
        server.url(&format!("/article/{ARTICLE}"))
    )));
    let robots = get(&server.url("/robots.txt"), &[]).body;
    assert!(
        robots.contains(&format!("Sitemap: {}\n", server.url("/sitemap.xml"))),
        "{robots}"
    );
    assert_eq!(get(&server.url("/section/nope/feed.xml"), &[]).status, 404);
}
