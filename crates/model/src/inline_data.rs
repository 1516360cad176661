//! The API responses a prerendered page carries inline, one element each:
//! `<script type="application/json" data-api="{path}">{json}</script>`.
//! The prerender writes them, the reference server swaps in its live
//! responses, and the app reads them into its API memory before it starts.

const OPEN: &str = "<script type=\"application/json\" data-api=\"";
const CLOSE: &str = "</script>";

/// The element carrying `json`, the response for API `path` (a plain
/// relative path such as `articles/x.json`). `<` only occurs inside JSON
/// strings, where `\u003c` means the same, so the JSON cannot end the
/// element early.
pub fn element(path: &str, json: &str) -> String {
    format!(
        "{OPEN}{}\">{}{CLOSE}",
        escape_attr(path),
        json.replace('<', "\\u003c")
    )
}

/// The API paths carried by the page, in order.
pub fn paths(html: &str) -> Vec<String> {
    spans(html).map(|(_, path, _)| path.to_owned()).collect()
}

/// The page with each carried response for which `live` has one replaced
/// by it; the others are kept.
pub fn replace(html: &str, mut live: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = 0;
    for (start, path, end) in spans(html) {
        if let Some(json) = live(path) {
            out.push_str(&html[rest..start]);
            out.push_str(&element(path, &json));
            rest = end;
        }
    }
    out.push_str(&html[rest..]);
    out
}

/// (start, path, end) of each element, in bytes.
fn spans(html: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + html[from..].find(OPEN)?;
        let path_start = start + OPEN.len();
        let path_end = path_start + html[path_start..].find('"')?;
        let end = path_end + html[path_end..].find(CLOSE)? + CLOSE.len();
        from = end;
        Some((start, &html[path_start..path_end], end))
    })
}

fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_cannot_close_its_element() {
        let json = r#"{"t":"</script><script>alert(1)</script><!--"}"#;
        let el = element("site.json", json);
        assert_eq!(el.matches("</script>").count(), 1);
        assert!(el.ends_with("</script>"));
        let inner = &el[el.find('>').unwrap() + 1..el.len() - CLOSE.len()];
        let back: serde_json::Value = serde_json::from_str(inner).unwrap();
        assert_eq!(back["t"], "</script><script>alert(1)</script><!--");
    }

    #[test]
    fn finds_and_replaces_by_path() {
        let page = format!(
            "<body><main>x</main>\n{}\n{}\n</body>",
            element("site.json", r#"{"a":1}"#),
            element("articles/x.json", r#"{"b":2}"#)
        );
        assert_eq!(paths(&page), ["site.json", "articles/x.json"]);
        let swapped = replace(&page, |path| {
            (path == "articles/x.json").then(|| r#"{"b":3}"#.to_owned())
        });
        assert_eq!(
            swapped,
            format!(
                "<body><main>x</main>\n{}\n{}\n</body>",
                element("site.json", r#"{"a":1}"#),
                element("articles/x.json", r#"{"b":3}"#)
            )
        );
        assert_eq!(
            replace("<p>no data</p>", |_| Some("{}".into())),
            "<p>no data</p>"
        );
    }
}
