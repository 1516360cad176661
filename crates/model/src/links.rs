//! Which links from the API the app may follow (addresses of its own:
//! `routes`).

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
}
