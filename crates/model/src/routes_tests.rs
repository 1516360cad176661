use super::*;

fn paths(route: &str) -> Option<Vec<String>> {
    Route::parse(route).map(|r| r.api_paths())
}

#[test]
fn every_route_parses_back_from_its_href() {
    for route in [
        Route::Front,
        Route::section("maroc"),
        Route::article("budget-eau_2026"),
        Route::thread("x"),
        Route::comment("x", "c12"),
    ] {
        assert_eq!(
            Route::parse(&route.href()),
            Some(route.clone()),
            "{route:?}"
        );
    }
    assert_eq!(Route::comment("x", "c1").href(), "/article/x/comments/c1");
    assert_eq!(Route::parse("/article/x/"), Some(Route::article("x")));
    assert_eq!(Route::parse(""), Some(Route::Front));
}

#[test]
fn anything_else_is_not_found() {
    for other in [
        "/article/x/comments/c%201",
        "/article/../x",
        "/section/a/b",
        "/section/",
        "/pas/de/page",
        "/article/x.json",
        "/article/x/comments/c1/more",
        "/shell.html",
        "/section/é",
    ] {
        assert_eq!(Route::parse(other), None, "{other}");
    }
}

#[test]
fn the_file_a_static_build_writes_a_page_to_is_that_page() {
    // A static host serves `/article/x.html` too: the app shows the article
    // there, not the not-found page, and links and canonicals say `/article/x`.
    for route in [
        Route::Front,
        Route::section("maroc"),
        Route::article("x"),
        Route::thread("x"),
    ] {
        let file = format!("/{}", route.file().unwrap());
        assert_eq!(Route::parse(&file), Some(route.clone()), "{file}");
        assert_ne!(route.href(), file);
    }
    assert_eq!(Route::parse("/index.html"), Some(Route::Front));
    assert_eq!(
        Route::parse("/article/x.html").map(|r| r.href()).as_deref(),
        Some("/article/x")
    );
    // Only the files the build writes: no other `.html` address is a page.
    for other in [
        "/article/x/comments/c1.html",
        "/moderation.html",
        "/shell.html",
        "/404.html",
        "/index",
        "/article/x/.html",
        "/article/.html",
        "/article/x.html.html",
        "/article/x.html/",
        "/article/x/comments/index.html",
        "/desk/index.html",
    ] {
        assert_eq!(Route::parse(other), None, "{other}");
    }
}

#[test]
fn the_api_paths_each_page_needs() {
    assert_eq!(paths("/").unwrap(), ["site.json", "front.json"]);
    assert_eq!(
        paths("/section/maroc").unwrap(),
        ["site.json", "sections/maroc.json"]
    );
    let article = ["site.json", "articles/x.json", "articles/x/comments.json"];
    assert_eq!(paths("/article/x").unwrap(), article);
    assert_eq!(paths("/article/x/comments").unwrap(), article);
    // A permalink needs the comment's sub-thread, not the whole listing.
    assert_eq!(
        paths("/article/x/comments/c1").unwrap(),
        [
            "site.json",
            "articles/x.json",
            "articles/x/comments/c1.json"
        ]
    );
}

#[test]
fn a_page_exists_when_its_subject_does() {
    let subject = |route: &str| Route::parse(route).unwrap().subject_path();
    assert_eq!(subject("/").as_deref(), Some("front.json"));
    assert_eq!(
        subject("/section/maroc").as_deref(),
        Some("sections/maroc.json")
    );
    for page in [
        "/article/x",
        "/article/x/comments",
        "/article/x/comments/c1",
    ] {
        assert_eq!(subject(page).as_deref(), Some("articles/x.json"), "{page}");
        // Among the data the page is rendered from.
        assert!(Route::parse(page)
            .unwrap()
            .inline_paths()
            .contains(&subject(page).unwrap()));
    }
    assert_eq!(subject("/moderation"), None);
}

#[test]
fn an_article_page_rendered_ahead_leaves_its_comments_out() {
    let inline = |route: &str| Route::parse(route).unwrap().inline_paths();
    assert_eq!(inline("/article/x"), ["site.json", "articles/x.json"]);
    assert_eq!(inline("/article/x/comments"), paths("/article/x").unwrap());
    assert_eq!(
        inline("/article/x/comments/c1"),
        paths("/article/x/comments/c1").unwrap()
    );
    assert_eq!(inline("/"), ["site.json", "front.json"]);
}

#[test]
fn the_files_of_a_static_build() {
    let file = |route: &str| Route::parse(route).unwrap().file();
    assert_eq!(file("/").as_deref(), Some("index.html"));
    assert_eq!(
        file("/section/maroc").as_deref(),
        Some("section/maroc.html")
    );
    assert_eq!(file("/article/x").as_deref(), Some("article/x.html"));
    assert_eq!(
        file("/article/x/comments").as_deref(),
        Some("article/x/comments.html")
    );
    assert_eq!(file("/article/x/comments/c1"), None);
}

#[test]
fn comment_listings_name_their_article() {
    assert_eq!(api::comments_of(&api::comments("x")), Some("x"));
    assert_eq!(api::comments_of("articles/x.json"), None);
    assert_eq!(api::comments_of("articles/../comments.json"), None);
    assert_eq!(api::post_comment("x"), "articles/x/comments");
    assert_eq!(
        api::POST_COMMENT_ROUTE.replace("{slug}", "x"),
        format!("/{}", api::post_comment("x"))
    );
}

#[test]
fn slugs_follow_the_contract_pattern() {
    assert!(is_valid_slug("budget-eau_2026"));
    assert!(is_valid_slug("c103"));
    assert!(is_valid_slug(&"a".repeat(128)));
    assert!(!is_valid_slug(&"a".repeat(129)));
    assert!(!is_valid_slug(""));
    assert!(!is_valid_slug("-leading"));
    assert!(!is_valid_slug("../etc"));
    assert!(!is_valid_slug("é"));
    assert!(!is_valid_slug("a b"));
}

#[test]
fn only_contract_shaped_api_paths_pass() {
    for ok in [
        "site.json",
        "front/page-2.json",
        "sections/maroc/page-2.json",
        "articles/x/comments.json",
    ] {
        assert!(is_api_path(ok), "{ok}");
    }
    for bad in [
        "",
        "../site.json",
        "../x.json",
        "articles/../../etc/passwd.json",
        "/etc/passwd.json",
        "https://evil.example/x.json",
        "articles//x.json",
        "articles/x",
        "sections/maroc/page-2",
        ".hidden.json",
        "a\\b.json",
        "articles/x.json/",
        "articles/%2e%2e.json",
    ] {
        assert!(!is_api_path(bad), "{bad}");
    }
}

#[test]
fn site_files_round_trip_and_refuse_bad_slugs() {
    for file in [
        SiteFile::Sitemap,
        SiteFile::NewsSitemap,
        SiteFile::Robots,
        SiteFile::Feed,
        SiteFile::SectionFeed {
            slug: "maroc".into(),
        },
    ] {
        assert_eq!(
            SiteFile::parse(&file.href()),
            Some(file.clone()),
            "{file:?}"
        );
    }
    for bad in [
        "/section/../feed.xml",
        "/section//feed.xml",
        "/section/a/b/feed.xml",
        "/feed.xml/",
        "/sitemap.xml.gz",
    ] {
        assert_eq!(SiteFile::parse(bad), None, "{bad}");
    }
    assert_eq!(Route::Front.feed(), Some(SiteFile::Feed));
    assert_eq!(
        Route::section("maroc").feed().map(|f| f.href()).as_deref(),
        Some("/section/maroc/feed.xml")
    );
    assert_eq!(Route::article("x").feed(), None);
}

#[test]
fn hashed_names() {
    for yes in [
        "/gazette-1a2b3c4d5e6f7a8b_bg.wasm",
        "/gazette-1a2b3c4d5e6f7a8b.js",
        "/assets/style-0123456789abcdef.css",
    ] {
        assert!(is_hashed_asset(yes), "{yes}");
    }
    for no in [
        "/",
        "/index.html",
        "/gazette.js",
        "/gazette-1a2b3c4d5e6f7a8.js",
        "/gazette-1a2b3c4d5e6f7a8g.js",
        "/article/x-1a2b3c4d5e6f7a8b",
        "/1a2b3c4d5e6f7a8b-x/gazette.js",
    ] {
        assert!(!is_hashed_asset(no), "{no}");
    }
}
