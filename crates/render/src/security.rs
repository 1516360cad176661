//! The pages' security policy: a strict Content-Security-Policy whose
//! `script-src` lists the sha-256 hash of each inline script the pages
//! carry (computed here from the built pages, never typed by hand), and the
//! other headers every answer carries. One policy for a whole site: the
//! server sends it (crates/server), the build writes it into the static
//! hosts' `_headers` and the nginx include (crates/prerender), and each page
//! carries it in a `<meta http-equiv>` as a fallback.

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::markup::{attr, tag};

/// `Strict-Transport-Security` for HTTPS deployments (behind a flag).
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// What the app does not use, turned off.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), \
     magnetometer=(), microphone=(), payment=(), usb=()";

/// The sha-256 sources (`'sha256-…'`) of the inline scripts in `html`
/// that a browser runs: those with no `src` and a JavaScript type. Data
/// blocks (`application/json`, `application/ld+json`) never run.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        rest = &rest[at..];
        let Some(open) = tag(rest, "<script") else {
            break;
        };
        let body_start = open.len();
        let Some(body_len) = rest[body_start..].find("</script>") else {
            break;
        };
        let body = &rest[body_start..body_start + body_len];
        let runs = matches!(
            attr(open, "type"),
            None | Some("module" | "text/javascript" | "application/javascript")
        );
        if runs && attr(open, "src").is_none() {
            let source = sha256_source(body);
            if !hashes.contains(&source) {
                hashes.push(source);
            }
        }
        rest = &rest[body_start + body_len..];
    }
    hashes
}

/// The browser hashes a script as its parser read it: line breaks as LF.
fn sha256_source(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The API root's origin when it is on another site than the pages
/// (`https://comments.example/api`); `None` for a path such as `/api`.
pub fn api_origin(api_root: &str) -> Option<&str> {
    let scheme_end = api_root.find("://")? + 3;
    let host_end = api_root[scheme_end..]
        .find('/')
        .map_or(api_root.len(), |i| scheme_end + i);
    let origin = &api_root[..host_end];
    let safe = origin
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b":/.-[]".contains(&b));
    (safe && (origin.starts_with("https://") || origin.starts_with("http://"))).then_some(origin)
}

/// The site's policy, for the pages that carry `scripts` (their inline
/// script hashes) and read the API at `api_root`. `for_meta` leaves out
/// `frame-ancestors`, which a `<meta>` policy may not carry.
pub fn content_security_policy(scripts: &[String], api_root: &str, for_meta: bool) -> String {
    let site = match api_origin(api_root) {
        Some(api) => format!("'self' {api}"),
        None => "'self'".to_owned(),
    };
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in scripts {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    let mut policy = format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src {site}; \
         connect-src {site}; font-src 'self'; manifest-src 'self'; worker-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'"
    );
    if !for_meta {
        policy.push_str("; frame-ancestors 'none'");
    }
    policy
}

/// The API root a page names in `<meta name="api-root">` (`/api` without).
pub fn page_api_root(html: &str) -> &str {
    tag(html, "<meta name=\"api-root\"")
        .and_then(|t| attr(t, "content"))
        .unwrap_or("/api")
}

/// The site's policy for a set of pages: every inline script any of them
/// runs, and the API root the first one names.
pub fn site_policy(pages: &[&str], for_meta: bool) -> String {
    let mut scripts: Vec<String> = Vec::new();
    for page in pages {
        for hash in inline_script_hashes(page) {
            if !scripts.contains(&hash) {
                scripts.push(hash);
            }
        }
    }
    let api_root = pages.first().map_or("/api", |p| page_api_root(p));
    content_security_policy(&scripts, api_root, for_meta)
}

/// The headers every answer carries, with `csp` as its policy and
/// `Strict-Transport-Security` when `hsts`.
pub fn headers(csp: &str, hsts: bool) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("Content-Security-Policy", csp.to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        (
            "Referrer-Policy",
            "strict-origin-when-cross-origin".to_owned(),
        ),
        ("Permissions-Policy", PERMISSIONS_POLICY.to_owned()),
        ("Cross-Origin-Opener-Policy", "same-origin".to_owned()),
    ];
    if hsts {
        out.push(("Strict-Transport-Security", HSTS.to_owned()));
    }
    out
}

/// `page` with the policy of its own inline scripts in a `<meta
/// http-equiv>` right after `<head>`, before anything it governs. A page
/// that has one already gets it replaced.
pub fn with_meta_policy(page: &str) -> String {
    let page = without_meta_policy(page);
    let policy = content_security_policy(&inline_script_hashes(&page), page_api_root(&page), true);
    let meta = format!(
        "<head>\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        crate::markup::escape(&policy)
    );
    page.replacen("<head>", &meta, 1)
}

fn without_meta_policy(page: &str) -> String {
    match tag(page, "<meta http-equiv=\"Content-Security-Policy\"") {
        Some(old) => page
            .replacen(&format!("\n    {old}"), "", 1)
            .replacen(old, "", 1),
        None => page.to_owned(),
    }
}

#[cfg(test)]
#[path = "security_tests.rs"]
mod tests;
