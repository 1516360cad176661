//! The API responses a rendered page carries inline, one element each:
//! `<script type="application/json" data-api="{path}">{json}</script>`.
//! gazette-render writes them (at build time, or per request in the
//! reference server), and the app reads them into its API memory before it
//! starts (`browser::take_prerendered_data`).

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
}
