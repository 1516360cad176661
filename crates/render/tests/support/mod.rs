//! What the render tests share: a shell as Trunk writes it, the demo
//! content, and reading tags back out of a page.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use gazette_model::routes::Route;

pub const ORIGIN: &str = "http://127.0.0.1:8080";

/// index.html as Trunk writes it, reduced to what gazette-render reads.
pub const SHELL: &str = concat!(
    "<!DOCTYPE html>\n<html lang=\"fr\" dir=\"ltr\">\n<head>\n",
    "<meta name=\"description\" content=\"La Gazette : l’actualité.\">\n",
    "<link rel=\"icon\" href=\"/logo-0123456789abcdef.svg\">\n",
    "<title>La Gazette</title>\n<script type=\"module\">\nimport init, * as bindings from '/g-1.js';\n",
    "const wasm = await init({ module_or_path: '/g-1_bg.wasm' });\n</script>\n",
    "<link rel=\"modulepreload\" href=\"/g-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-J\">",
    "<link rel=\"preload\" href=\"/g-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-W\" as=\"fetch\" type=\"application/wasm\">\n",
    "</head>\n<body>\n<noscript>JavaScript.</noscript>\n</body>\n</html>\n"
);

pub fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/api")
}

pub fn demo(path: &str) -> String {
    std::fs::read_to_string(content_dir().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The page at `url` rendered from the demo content, with `replace` applied
/// to the responses (API path → JSON) first.
pub fn render_demo(url: &str, replace: &dyn Fn(&str, String) -> String) -> String {
    let route = Route::parse(url);
    let paths = route.map_or_else(|| vec!["site.json".to_owned()], |r| r.inline_paths());
    let data: Vec<(String, String)> = paths
        .into_iter()
        .map(|path| {
            let json = replace(&path, demo(&path));
            (path, json)
        })
        .collect();
    gazette_render::render(SHELL, url, &data, ORIGIN).unwrap()
}

/// The page's `<head>`.
pub fn head(page: &str) -> &str {
    &page[..page.find("</head>").expect("a head")]
}

/// Every tag of `head` starting with `start`, e.g. `<meta `.
pub fn tags<'a>(head: &'a str, start: &str) -> Vec<&'a str> {
    head.match_indices(start)
        .map(|(at, _)| &head[at..at + head[at..].find('>').unwrap() + 1])
        .collect()
}

/// The value of attribute `name` in `tag`, unescaped.
pub fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let value = &tag[start..start + tag[start..].find('"')?];
    Some(
        value
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// The `content` of every `<meta>` whose `key` (`name` or `property`) is `value`.
pub fn metas(page: &str, key: &str, value: &str) -> Vec<String> {
    tags(head(page), "<meta ")
        .into_iter()
        .filter(|t| attr(t, key).as_deref() == Some(value))
        .filter_map(|t| attr(t, "content"))
        .collect()
}

pub fn meta(page: &str, key: &str, value: &str) -> Option<String> {
    let all = metas(page, key, value);
    assert!(all.len() <= 1, "{value} is there {} times", all.len());
    all.into_iter().next()
}

/// The `href` of the `<link>` with this `rel`.
pub fn link(page: &str, rel: &str) -> Option<String> {
    tags(head(page), "<link ")
        .into_iter()
        .find(|t| attr(t, "rel").as_deref() == Some(rel))
        .and_then(|t| attr(t, "href"))
}

/// Every JSON-LD object in the head, parsed.
pub fn json_ld(page: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    head(page)
        .match_indices(open)
        .map(|(at, _)| {
            let from = at + open.len();
            let to = from + head(page)[from..].find("</script>").unwrap();
            serde_json::from_str(&head(page)[from..to]).expect("valid JSON")
        })
        .collect()
}

pub fn of_type<'a>(data: &'a [serde_json::Value], kind: &str) -> &'a serde_json::Value {
    data.iter()
        .find(|d| d["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {data:?}"))
}
