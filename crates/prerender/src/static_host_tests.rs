//! `_headers` and `_redirects` read the way Netlify and Cloudflare Pages
//! read them, over a build's folder: every page type, file and unknown path
//! gets the answer the nginx file gives it; and that nginx file itself,
//! served by Debian's nginx as scripts/serve-nginx.sh runs it.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

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
    let rules = redirects(&["x".to_owned()]);
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
        // A permalink of an article that does not exist.
        ("/article/nope/comments/c12", "404.html", 404),
    ] {
        assert_eq!(
            serve(dist.path(), &rules, path),
            (file.to_owned(), status),
            "{path}"
        );
    }
}

#[test]
fn past_the_rules_a_host_reads_one_rule_serves_every_permalink() {
    let dist = dist();
    let placeholders = |rules: &str| {
        rules
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains(':'))
            .count()
    };
    let articles: Vec<String> = (0..DYNAMIC_RULES).map(|n| format!("a{n}")).collect();
    let rules = redirects(&articles);
    assert_eq!(placeholders(&rules), DYNAMIC_RULES, "{rules}");
    let last = format!("/article/a{}/comments/c1", DYNAMIC_RULES - 1);
    assert_eq!(
        serve(dist.path(), &rules, &last),
        ("shell.html".into(), 200)
    );
    assert_eq!(
        serve(dist.path(), &rules, "/article/nope/comments/c1").1,
        404
    );

    let more: Vec<String> = (0..=DYNAMIC_RULES).map(|n| format!("a{n}")).collect();
    let rules = redirects(&more);
    assert_eq!(placeholders(&rules), 1, "{rules}");
    let last = format!("/article/a{DYNAMIC_RULES}/comments/c1");
    assert_eq!(
        serve(dist.path(), &rules, &last),
        ("shell.html".into(), 200)
    );
    // The rule without a placeholder comes first.
    let first_rule = rules.lines().find(|l| !l.starts_with('#')).unwrap();
    assert_eq!(first_rule, "/moderation /shell.html 200");
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

/// `scripts/serve-nginx.sh` serving `dist` with deploy/nginx/gazette.conf,
/// stopped (SIGTERM: the script then stops nginx and cleans up) when dropped.
struct Nginx {
    child: Child,
    address: String,
}

impl Nginx {
    fn serve(dist: &Path) -> Nginx {
        let every = gazette_render::security::headers("default-src 'self'", false);
        fs::write(dist.join(NGINX_HEADERS), nginx_headers(&every)).unwrap();
        // A free port, given back for nginx to take.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = dist.join("nginx.log");
        let child = Command::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../scripts/serve-nginx.sh"
        ))
        .arg(dist)
        .arg(port.to_string())
        .stdout(Stdio::null())
        .stderr(fs::File::create(&log).unwrap())
        .spawn()
        .expect("scripts/serve-nginx.sh runs");
        let mut nginx = Nginx {
            child,
            address: format!("127.0.0.1:{port}"),
        };
        // nginx takes a moment to listen; a bound, not a retry of the test.
        let start = Instant::now();
        while TcpStream::connect(&nginx.address).is_err() {
            let exited = nginx.child.try_wait().unwrap();
            if exited.is_some() || start.elapsed() > Duration::from_secs(60) {
                panic!(
                    "nginx did not start ({exited:?}; scripts/setup.sh installs it):\n{}",
                    fs::read_to_string(&log).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        nginx
    }

    /// `method path` with one request on its own connection: (status,
    /// head, body).
    fn ask(&self, method: &str, path: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: news.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let answer = String::from_utf8_lossy(&answer).into_owned();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok());
        let status = status.unwrap_or_else(|| panic!("no status line: {answer}"));
        (status, head.to_owned(), body.to_owned())
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// A header of `head`, its name in any case.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

#[test]
fn nginx_serves_pages_real_404s_405s_and_redirects_html_addresses() {
    let dist = dist();
    let nginx = Nginx::serve(dist.path());
    for (path, file) in [
        ("/", "index.html"),
        ("/section/maroc", "section/maroc.html"),
        ("/article/x", "article/x.html"),
        ("/article/x/comments", "article/x/comments.html"),
        ("/article/x/comments/c12", "shell.html"),
        ("/moderation", "shell.html"),
        ("/api/site.json", "api/site.json"),
    ] {
        let (status, head, body) = nginx.ask("GET", path);
        assert_eq!((status, body.as_str()), (200, file), "{path}: {head}");
        assert_eq!(header(&head, "allow"), None, "{path}");
        assert_eq!(nginx.ask("HEAD", path).0, 200, "HEAD {path}");
    }
    for path in [
        "/article/nope",
        "/section/nope",
        "/.env",
        "/article/nope/comments/c12",
        "/article/x/comments/c12/more",
        "/gazette-ffffffffffffffff.js",
        "/404.html",
    ] {
        let (status, head, body) = nginx.ask("GET", path);
        assert_eq!((status, body.as_str()), (404, "404.html"), "{path}: {head}");
    }
    let (status, _, body) = nginx.ask("GET", "/api/articles/nope.json");
    assert_eq!(status, 404);
    assert!(body.contains("\"not_found\""), "{body}");

    for (from, to) in [
        ("/article/x.html", "/article/x"),
        (
            "/article/x.html?utm_source=a&b=%C3%A9",
            "/article/x?utm_source=a&b=%C3%A9",
        ),
        ("/article/x/comments.html", "/article/x/comments"),
        ("/section/maroc.html", "/section/maroc"),
        ("/index.html", "/"),
        ("/index.html?x=1", "/?x=1"),
        ("/article/x/?x=1", "/article/x?x=1"),
    ] {
        let (status, head, _) = nginx.ask("GET", from);
        assert_eq!(status, 301, "{from}: {head}");
        assert_eq!(header(&head, "location"), Some(to), "{from}");
    }

    let hashed = format!("/{HASHED_JS}");
    for method in [
        "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT",
    ] {
        for path in [
            "/",
            "/article/x",
            "/.env",
            "/api/site.json",
            hashed.as_str(),
        ] {
            let (status, head, body) = nginx.ask(method, path);
            assert_eq!(status, 405, "{method} {path}: {head}");
            assert_eq!(header(&head, "allow"), Some("GET, HEAD"), "{method} {path}");
            assert!(!body.contains(".html"), "{method} {path}: {body}");
        }
    }
}
