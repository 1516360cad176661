//! Which links and identifiers from the API the app may follow.

/// The href to use for a link from the API, or `None` when it must render as
/// plain text: only `http`, `https` and `mailto` schemes, or a path on the
/// same site (`/…`, not the protocol-relative `//…`).
pub fn safe_href(href: &str) -> Option<&str> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if href.starts_with('/') {
        return (!href.starts_with("//") && !href.starts_with("/\\")).then_some(href);
    }
    let scheme_end = href.find(':')?;
    let scheme = &href[..scheme_end];
    let allowed = ["http", "https", "mailto"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme));
    let rest = &href[scheme_end + 1..];
    let has_target = if scheme.eq_ignore_ascii_case("mailto") {
        !rest.is_empty()
    } else {
        rest.starts_with("//") && rest.len() > 2
    };
    (allowed && has_target).then_some(href)
}

/// Whether a slug or id from a URL or the API matches the contract's
/// `^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`; anything else is "not found".
pub fn is_valid_slug(slug: &str) -> bool {
    let bytes = slug.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 128
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
}

/// Whether a `next` path from a listing is a relative API path the app may
/// fetch (no scheme, no parent segments, ends in `.json`).
pub fn is_safe_api_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains("..")
        && !path.contains(':')
        && !path.contains('\\')
        && path.ends_with(".json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_schemes_and_same_site_paths_pass() {
        for ok in [
            "https://example.org/a?b=c#d",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG",
            "mailto:redaction@example.org",
            "/section/culture",
            "/article/x#comment-c1",
        ] {
            assert_eq!(safe_href(ok), Some(ok), "{ok}");
        }
    }

    #[test]
    fn everything_else_is_text() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example/x",
            "/\\evil.example",
            "ftp://example.org",
            "https:",
            "mailto:",
            "relative/path",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
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
    fn next_paths_stay_inside_the_api() {
        assert!(is_safe_api_path("sections/maroc/page-2.json"));
        assert!(!is_safe_api_path("/etc/passwd.json"));
        assert!(!is_safe_api_path("../x.json"));
        assert!(!is_safe_api_path("https://evil.example/x.json"));
        assert!(!is_safe_api_path("sections/maroc/page-2"));
    }
}
