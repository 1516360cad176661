//! `_headers` and `_redirects` read the way Netlify and Cloudflare Pages
//! read them, over a build's folder: every page type, file and unknown path
//! gets the answer the nginx file gives it.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use super::*;

const HASHED_JS: &str = "gazette-0123456789abcdef.js";
const HASHED_WASM: &str = "gazette-0123456789abcdef_bg.wasm";
const DESK_JS: &str = "desk/gazette-fedcba9876543210.js";

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "index.html",
        "shell.html",
        "404.html",
        HASHED_JS,
        HASHED_WASM,
        "main-00112233445566aa.css",
        "feed.xml",
        "sitemap.xml",
        "news-sitemap.xml",
        "robots.txt",
        "section/maroc.html",
        "section/maroc/feed.xml",
        "article/x.html",
        "article/x/comments.html",
        "api/site.json",
        "api/articles/x.json",
        "media/x.svg",
        "desk/index.html",
        DESK_JS,
    ] {
        let path = dir.path().join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, file).unwrap();
    }
    dir
}

/// A `_redirects` or `_headers` path pattern against a URL path: `:name`
/// matches one segment, a final `*` the rest.
fn matches(pattern: &str, path: &str) -> bool {
    if let Some(prefix) = pattern.strip_suffix('*') {
        return path.starts_with(prefix);
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (pattern.split('/').collect(), path.split('/').collect());
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(p, s)| p.starts_with(':') && !s.is_empty() || p == s)
}

/// What the host answers for `path`: (file, status).
fn serve(dist: &Path, redirects: &str, path: &str) -> (String, u16) {
    let file = |name: &str| dist.join(name.trim_start_matches('/')).is_file();
    if path == "/" {
        return ("index.html".into(), 200);
    }
    if file(path) {
        return (path[1..].into(), 200);
    }
    if file(&format!("{path}.html")) {
        return (format!("{}.html", &path[1..]), 200);
    }
    for line in redirects
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let parts: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(parts.len(), 3, "a rule is `from to status`: {line}");
        if matches(parts[0], path) {
            assert!(file(parts[1]), "{line}: no such file");
            return (parts[1][1..].into(), parts[2].parse().unwrap());
        }
    }
    ("404.html".into(), 404)
}

/// The headers the host sends for `path`: every matching rule, values of
/// one name joined with ", " (as Cloudflare Pages does).
fn headers_for(rules: &str, path: &str) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut applies = false;
    for line in rules.lines().filter(|l| !l.starts_with('#')) {
        if let Some(header) = line.strip_prefix("  ") {
            let (name, value) = header.split_once(": ").expect("`  Name: value`");
            if applies {
                out.entry(name.to_owned())
                    .and_modify(|v| *v = format!("{v}, {value}"))
                    .or_insert_with(|| value.to_owned());
            }
        } else {
            applies = matches(line.trim(), path);
        }
    }
    out
}

#[test]
fn every_page_type_is_served_as_nginx_serves_it() {
    let dist = dist();
    let rules = redirects();
    for (path, file, status) in [
        ("/", "index.html", 200),
        ("/section/maroc", "section/maroc.html", 200),
        ("/article/x", "article/x.html", 200),
        ("/article/x/comments", "article/x/comments.html", 200),
        ("/article/x/comments/c12", "shell.html", 200),
        ("/moderation", "shell.html", 200),
        ("/feed.xml", "feed.xml", 200),
        ("/section/maroc/feed.xml", "section/maroc/feed.xml", 200),
        ("/sitemap.xml", "sitemap.xml", 200),
        ("/api/site.json", "api/site.json", 200),
        ("/article/nope", "404.html", 404),
        ("/section/nope", "404.html", 404),
        ("/.env", "404.html", 404),
        ("/article/x/comments/c12/more", "404.html", 404),
    ] {
        assert_eq!(
            serve(dist.path(), &rules, path),
            (file.to_owned(), status),
            "{path}"
        );
    }
}

#[test]
fn each_path_gets_one_cache_rule_hashed_files_immutable() {
    let dist = dist();
    let every = gazette_render::security::headers("default-src 'self'", false);
    let rules = headers(dist.path(), &every).unwrap();
    for path in [
        "/",
        "/section/maroc",
        "/article/x",
        "/article/x/comments",
        "/article/x/comments/c12",
        "/moderation",
        "/index.html",
        "/shell.html",
        "/404.html",
        "/feed.xml",
        "/section/maroc/feed.xml",
        "/robots.txt",
        "/api/site.json",
        "/media/x.svg",
        "/desk/",
        "/desk/index.html",
    ] {
        let got = headers_for(&rules, path);
        assert_eq!(
            got.get("Cache-Control").map(String::as_str),
            Some(REVALIDATE),
            "{path}\n{rules}"
        );
        for (name, value) in &every {
            assert_eq!(got.get(*name), Some(value), "{name} on {path}");
        }
    }
    for file in [HASHED_JS, HASHED_WASM, "main-00112233445566aa.css", DESK_JS] {
        let got = headers_for(&rules, &format!("/{file}"));
        assert_eq!(
            got.get("Cache-Control").map(String::as_str),
            Some(IMMUTABLE),
            "{file}\n{rules}"
        );
    }
}

#[test]
fn nginx_gets_every_security_header_on_every_answer() {
    let every = gazette_render::security::headers("script-src 'self' 'sha256-x'", true);
    let include = nginx_headers(&every);
    for (name, value) in &every {
        assert!(
            include.contains(&format!("add_header {name} \"{value}\" always;\n")),
            "{name} in {include}"
        );
    }
    assert!(include.contains("Strict-Transport-Security"));
}
