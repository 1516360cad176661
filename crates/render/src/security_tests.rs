use super::*;

const PAGE: &str = concat!(
    "<!DOCTYPE html><html><head>\n    <meta name=\"api-root\" content=\"/api\">",
    "<script>var a = 1;</script>",
    "<script type=\"application/ld+json\">{\"a\":1}</script>",
    "<script type=\"module\">import '/g.js';</script>",
    "<script src=\"/x.js\"></script>",
    "</head><body><script type=\"application/json\" data-api=\"site.json\">{}</script></body></html>"
);

#[test]
fn hashes_the_scripts_that_run_and_only_those() {
    // `printf 'var a = 1;' | openssl dgst -sha256 -binary | base64`
    assert_eq!(
        inline_script_hashes(PAGE),
        vec![
            "'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='".to_owned(),
            sha256_source("import '/g.js';"),
        ]
    );
    assert_eq!(
        inline_script_hashes("<p>no scripts</p>"),
        Vec::<String>::new()
    );
}

#[test]
fn the_policy_is_strict() {
    let policy = site_policy(&[PAGE], false);
    for part in [
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        "style-src 'self';",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "img-src 'self';",
        "connect-src 'self';",
    ] {
        assert!(policy.contains(part), "{part} in {policy}");
    }
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
    assert!(!site_policy(&[PAGE], true).contains("frame-ancestors"));
}

#[test]
fn an_api_on_another_site_is_allowed_for_data_and_images_only() {
    let policy = content_security_policy(&[], "https://comments.example:8443/api", false);
    assert!(policy.contains("connect-src 'self' https://comments.example:8443;"));
    assert!(policy.contains("img-src 'self' https://comments.example:8443;"));
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
    assert_eq!(api_origin("/api"), None);
    assert_eq!(api_origin("javascript://x/api"), None);
    assert_eq!(api_origin("https://a.example\"; x/api"), None);
    assert_eq!(
        api_origin("https://a.example/api"),
        Some("https://a.example")
    );
}

#[test]
fn a_page_carries_its_own_policy_first_in_its_head() {
    let page = with_meta_policy(PAGE);
    let meta_at = page
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .unwrap();
    assert!(meta_at < page.find("<script").unwrap());
    assert!(page.contains(&crate::markup::escape(&sha256_source("import '/g.js';"))));
    // Written again, it is replaced, not doubled.
    let again = with_meta_policy(&page);
    assert_eq!(
        again
            .matches("http-equiv=\"Content-Security-Policy\"")
            .count(),
        1
    );
    assert_eq!(again, page);
}

#[test]
fn headers_with_hsts_only_when_asked() {
    let names = |hsts| -> Vec<&str> { headers("x", hsts).iter().map(|(n, _)| *n).collect() };
    assert!(!names(false).contains(&"Strict-Transport-Security"));
    assert!(names(true).contains(&"Strict-Transport-Security"));
    assert!(names(false).contains(&"Cross-Origin-Opener-Policy"));
}

#[test]
fn line_breaks_are_hashed_as_the_browser_reads_them() {
    assert_eq!(
        inline_script_hashes("<script>a;\r\nb;\rc;</script>"),
        inline_script_hashes("<script>a;\nb;\nc;</script>")
    );
}
