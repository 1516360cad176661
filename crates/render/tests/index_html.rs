//! index.html's inline script keeps JavaScript copies of what the model
//! owns: the API paths each route needs (it preloads them while the .wasm
//! downloads; `routes::Route::api_paths`) and the storage keys it reads
//! before the app starts (`storage_keys`). This runs that script in Node
//! for a table of paths and compares what it does with the model's answers.

use std::collections::BTreeMap;
use std::process::Command;

use gazette_model::routes::{api, Route};
use gazette_model::storage_keys;

/// Paths as `location.pathname` gives them (percent-encoded). Not in the
/// table: a trailing slash (`/article/x/`), which the model ignores and the
/// script does not (such a reader gets no preload, only the app's fetch);
/// and a page's file address (`/article/x.html`), which only a static host
/// serves, always as the page rendered ahead, whose data is inline (the
/// script then preloads nothing).
const PATHS: &[&str] = &[
    "/",
    "/section/maroc",
    "/section/grand-angle_2",
    "/article/budget-eau-casablanca",
    "/article/x/comments",
    "/article/x/comments/c12",
    "/article/x/comments/c%201",
    "/article/%2E%2E",
    "/section/%C3%A9",
    "/section/a/b",
    "/section/-x",
    "/article/x.json",
    "/article/x/comments/c1/more",
    "/pas/de/page",
    "/shell.html",
];

/// Runs the first inline `<script>` of index.html once per path with a
/// stand-in `document`, `location` and `localStorage`; answers, per path,
/// the URLs it preloads and the storage keys it reads.
const HARNESS: &str = r#"
const vm = require("node:vm");
const [script, paths] = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
const result = {};
for (const pathname of paths) {
  const preloads = [], keys = [];
  const head = { appendChild: (link) => preloads.push(link.href) };
  const document = {
    documentElement: { lang: "fr", dataset: {} },
    head,
    createElement: () => ({}),
    querySelector: (selector) => (selector === "meta[name=api-root]" ? { content: "/api" } : null),
  };
  const localStorage = { getItem: (key) => (keys.push(key), null) };
  vm.runInNewContext(script, { document, location: { pathname }, localStorage });
  result[pathname] = { preloads, keys };
}
process.stdout.write(JSON.stringify(result));
"#;

#[derive(serde::Deserialize)]
struct Seen {
    preloads: Vec<String>,
    keys: Vec<String>,
}

fn run_index_script() -> BTreeMap<String, Seen> {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../index.html"))
        .expect("index.html at the repository root");
    let from = html
        .find("<script>")
        .expect("an inline script in index.html")
        + "<script>".len();
    let to = from + html[from..].find("</script>").expect("a closed script");
    let input = serde_json::to_string(&(&html[from..to], PATHS)).unwrap();
    let mut child = Command::new("node")
        .args(["-e", HARNESS])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("node on PATH (the end-to-end suite needs it too)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "node failed on index.html's script"
    );
    serde_json::from_slice(&output.stdout).expect("the harness's JSON")
}

#[test]
fn index_html_preloads_what_each_route_needs_and_reads_the_known_keys() {
    let seen = run_index_script();
    for path in PATHS {
        // The not-found page needs site.json too (the frame shows it).
        let needed =
            Route::parse(path).map_or_else(|| vec![api::SITE.to_owned()], |r| r.api_paths());
        let expected: Vec<String> = needed.iter().map(|p| format!("/api/{p}")).collect();
        assert_eq!(seen[*path].preloads, expected, "preloads of {path}");
        assert_eq!(
            seen[*path].keys,
            [storage_keys::THEME, storage_keys::LANG],
            "storage keys read on {path}"
        );
    }
}
