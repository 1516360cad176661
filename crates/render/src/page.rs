//! One page: the app rendered at a URL from given API responses, put into
//! the shell with those responses inline. In the browser, main.rs takes the
//! responses into the API client's memory, removes this markup and mounts
//! the app, whose first render is then the same page.

use gazette::browser::document::{rendered_title, set_title};
use gazette_model::inline_data;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::loader::start_app_after_paint;

/// The shell with the app rendered at `url` from `data` (API path, JSON).
pub fn render(shell: &str, url: &str, data: &[(String, String)]) -> Result<String, String> {
    // Only this page's data: what an earlier page left would be stale here.
    gazette::api::forget_all();
    for (path, text) in data {
        gazette::api::seed(path, text);
    }
    set_title("");
    let owner = Owner::new();
    let markup = owner.with(|| {
        provide_context(RequestUrl::new(url));
        view! { <gazette::App/> }.to_html()
    });
    drop(owner);
    let title = rendered_title();

    // The head first, on the small shell; the page's body goes in last.
    let mut page = start_app_after_paint(shell)?;
    // Tells the shell's script (index.html), which runs after it, that the
    // page is rendered ahead: nothing to preload, the data is inline.
    let paths: Vec<&str> = data.iter().map(|(path, _)| path.as_str()).collect();
    let meta = format!(
        "<meta name=\"gazette-inline\" content=\"{}\">\n    <title>",
        escape_text(&paths.join(" "))
    );
    page = page.replacen("<title>", &meta, 1);
    if !title.is_empty() {
        page = replace_between(
            &page,
            "<title>",
            "</title>",
            &format!("<title>{}</title>", escape_text(&title)),
        )
        .ok_or("the shell has no <title>")?;
    }
    let inline: String = data
        .iter()
        .map(|(path, text)| inline_data::element(path, text) + "\n")
        .collect();
    let body = format!("<body>\n<div data-prerendered>{markup}</div>\n{inline}");
    replace_between(&page, "<body>", "</noscript>", &body)
        .ok_or_else(|| "the shell has no <body> with its <noscript>".to_owned())
}

/// Replaces from `start` to the end of `end` (both included).
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> Option<String> {
    let from = text.find(start)?;
    let to = from + text[from..].find(end)? + end.len();
    Some(format!("{}{with}{}", &text[..from], &text[to..]))
}

/// Text for an element or a quoted attribute.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_span() {
        assert_eq!(
            replace_between("a<b>x</b>c", "<b>", "</b>", "y").as_deref(),
            Some("ayc")
        );
        assert_eq!(replace_between("abc", "<b>", "</b>", "y"), None);
    }
}
