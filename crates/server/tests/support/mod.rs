//! Starts a real server on 127.0.0.1:0 with a temporary database and static
//! folder, and talks to it over HTTP. The database is a SQLite file, or,
//! when `GAZETTE_TEST_PG` names a PostgreSQL server, a fresh database on it
//! (`pg`): every test runs on both backends.

#![allow(dead_code)]

pub mod moderation;
pub mod pg;
pub mod raw;

use std::path::PathBuf;
use std::thread::JoinHandle;

use gazette_server::db::Location;
use gazette_server::state::Config;
use gazette_server::{serve, App};
use serde_json::Value;
use tempfile::TempDir;

pub const INDEX_HTML: &str = "<!doctype html><title>Gazette test</title><p>app shell</p>\n";
pub const HASHED_JS: &str = "gazette-1a2b3c4d5e6f7a8b.js";
pub const ARTICLE: &str = "tram-ligne-3-tilwa";
pub const CLOSED_ARTICLE: &str = "a-propos-de-la-gazette";

/// A shell as Trunk writes it: the app's loader and preloads.
pub const SHELL: &str = concat!(
    "<!DOCTYPE html><html lang=\"fr\"><head><title>La Gazette</title>\n",
    "<script type=\"module\">\nimport init, * as bindings from '/gazette-1a2b3c4d5e6f7a8b.js';\n",
    "const wasm = await init({ module_or_path: '/gazette-1a2b3c4d5e6f7a8b_bg.wasm' });\n</script>\n",
    "<link rel=\"modulepreload\" href=\"/gazette-1a2b3c4d5e6f7a8b.js\" integrity=\"sha384-J\">",
    "<link rel=\"preload\" href=\"/gazette-1a2b3c4d5e6f7a8b_bg.wasm\" integrity=\"sha384-W\" as=\"fetch\" type=\"application/wasm\"></head>\n",
    "<body>\n<noscript>JavaScript.</noscript>\n</body></html>\n"
);

pub fn content_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/api"))
}

/// A temporary folder holding a tiny static app, and the database.
pub struct Fixture {
    pub dir: TempDir,
    pub db: Location,
    /// The PostgreSQL database made for this fixture, dropped with it.
    pg: Option<pg::TestDatabase>,
}

impl Fixture {
    /// On the backend the test run asks for (`GAZETTE_TEST_PG`).
    pub fn new() -> Fixture {
        Fixture::on(pg::TestDatabase::from_env())
    }

    /// On SQLite, whatever the test run asks for.
    pub fn sqlite() -> Fixture {
        Fixture::on(None)
    }

    fn on(pg: Option<pg::TestDatabase>) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let static_dir = dir.path().join("static");
        std::fs::create_dir(&static_dir).unwrap();
        std::fs::write(static_dir.join("index.html"), INDEX_HTML).unwrap();
        std::fs::write(static_dir.join(HASHED_JS), "console.log('gazette');\n").unwrap();
        let db = match &pg {
            Some(database) => Location::Postgres(database.url.clone()),
            None => Location::Sqlite(dir.path().join("gazette.db")),
        };
        Fixture { dir, db, pg }
    }

    pub fn is_postgres(&self) -> bool {
        self.pg.is_some()
    }

    /// Every byte the database keeps: SQLite's file and its WAL, or every
    /// row of every PostgreSQL table as text.
    pub fn stored_bytes(&self) -> String {
        match (&self.db, &self.pg) {
            (Location::Sqlite(path), _) => {
                let mut bytes = std::fs::read(path).unwrap();
                bytes.extend(std::fs::read(path.with_extension("db-wal")).unwrap_or_default());
                String::from_utf8_lossy(&bytes).into_owned()
            }
            (_, Some(database)) => database.dump(),
            _ => unreachable!("a PostgreSQL fixture holds its database"),
        }
    }

    /// With the shell the build writes beside its pages, so that the server
    /// renders pages with its live data.
    pub fn rendering(self) -> Fixture {
        std::fs::write(self.dir.path().join("static/shell.html"), SHELL).unwrap();
        self
    }

    pub fn config(&self) -> Config {
        Config {
            db: self.db.clone(),
            static_dir: self.dir.path().join("static"),
            content: content_dir(),
            moderate: false,
            cors_origin: None,
            rate_limit: 1000,
            api_prefix: "/api".to_owned(),
            report_threshold: 3,
            trusted_proxies: Vec::new(),
            hsts: false,
            connections: Default::default(),
        }
    }

    pub fn start(&self) -> Server {
        Server::start(self.config())
    }
}

pub struct Server {
    pub base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(config: Config) -> Server {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            // Blocking, as in main.rs: outside the runtime's async threads.
            let app = App::open(config).expect("server starts");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                serve(app, listener, async {
                    let _ = stop_rx.await;
                })
                .await
                .unwrap();
            });
        });
        let addr = addr_rx.recv().expect("server address");
        Server {
            base: format!("http://{addr}"),
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn api(&self, path: &str) -> String {
        format!("{}/api/{path}", self.base)
    }

    /// Graceful shutdown; returns once the database is closed.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            thread.join().expect("server thread");
        }
    }

    pub fn get(&self, path: &str) -> Reply {
        get(&self.api(path), &[])
    }

    pub fn post(&self, article: &str, key: Option<&str>, body: &str) -> Reply {
        post(
            &self.api(&format!("articles/{article}/comments")),
            key,
            body,
        )
    }

    /// Every comment of an article as listed, page after page.
    pub fn comments(&self, article: &str) -> Vec<Value> {
        listed_comments(|path| self.get(path), article)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Every comment of `article` as listed, following `next` from page 1;
/// `get_api` GETs a path relative to the API root.
pub fn listed_comments(get_api: impl Fn(&str) -> Reply, article: &str) -> Vec<Value> {
    let mut path = format!("articles/{article}/comments.json");
    let mut all = Vec::new();
    loop {
        let reply = get_api(&path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        let page = reply.json();
        all.extend(page["comments"].as_array().unwrap().iter().cloned());
        match page["next"].as_str() {
            Some(next) => path = next.to_owned(),
            None => return all,
        }
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts the contract's error shape and returns (code, field).
    pub fn error(&self) -> (String, Option<String>) {
        let json = self.json();
        let error = &json["error"];
        assert!(
            error["message"].as_str().is_some_and(|m| !m.is_empty()),
            "no message: {}",
            self.body
        );
        (
            error["code"].as_str().expect("code").to_owned(),
            error["field"].as_str().map(str::to_owned),
        )
    }
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(30)))
        .build()
        .into()
}

fn reply(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = result.expect("HTTP exchange");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = if headers.contains_key("content-encoding") {
        String::new()
    } else {
        response.body_mut().read_to_string().expect("body")
    };
    Reply {
        status,
        headers,
        body,
    }
}

pub fn get(url: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = agent().get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    reply(request.call())
}

pub fn post(url: &str, key: Option<&str>, body: &str) -> Reply {
    let mut request = agent().post(url).header("Content-Type", "application/json");
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    reply(request.send(body))
}

/// The server binary on `config` (and `flags`), on a free port: the child
/// and its base URL, read from the line it announces itself with.
pub fn spawn_binary(config: &Config, flags: &[&str]) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette-server"))
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(config.db.as_arg())
        .arg("--static")
        .arg(&config.static_dir)
        .arg("--content")
        .arg(&config.content)
        .args(flags)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("gazette-server runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("Gazette on ")
        .and_then(|url| url.strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    (child, base)
}

/// A distinct, well-formed UUID v4 for each `n`.
pub fn key(n: u64) -> String {
    format!("6f1c2e5a-3b7d-4c8e-9a0b-{n:012x}")
}

pub fn comment_json(author: &str, body: &str) -> String {
    serde_json::json!({ "parent_id": null, "author": author, "title": "", "body": body, "website": "" })
        .to_string()
}

/// Any request: `method` to `url` with `headers` and an optional JSON body.
pub fn send(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Reply {
    let mut request = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if body.is_some() {
        request = request.header("Content-Type", "application/json");
    }
    let request = request
        .body(body.unwrap_or_default().to_owned())
        .expect("a request");
    reply(agent().run(request))
}
