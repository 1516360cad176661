//! One page: the app rendered at a URL from given API responses, put into
//! the shell with those responses inline. In the browser, main.rs takes the
//! responses into the API client's memory, removes this markup and mounts
//! the app, whose first render is then the same page. The page carries its
//! security policy in a `<meta http-equiv>` (crate::security).

use gazette::browser::document::{rendered_title, set_title};
use gazette_model::contract::{Article, ArticleList, CommentList, Site};
use gazette_model::inline_data;
use gazette_model::lang::dir_of;
use gazette_model::routes::{api, Route};
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::head::{self, PageData};
use crate::loader::start_app_after_paint;
use crate::markup::{attr, escape, tag};
use crate::security::with_meta_policy;

/// The shell with the app rendered at `url` from `data` (API path, JSON),
/// its head describing the page (crate::head) with absolute URLs on
/// site.json's `canonical_origin`, else on `origin`.
pub fn render(
    shell: &str,
    url: &str,
    data: &[(String, String)],
    origin: &str,
) -> Result<String, String> {
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
        escape(&paths.join(" "))
    );
    page = page.replacen("<title>", &meta, 1);
    if !title.is_empty() {
        page = replace_between(
            &page,
            "<title>",
            "</title>",
            &format!("<title>{}</title>", escape(&title)),
        )
        .ok_or("the shell has no <title>")?;
    }
    page = describe(&page, url, data, origin)?;
    let inline: String = data
        .iter()
        .map(|(path, text)| inline_data::element(path, text) + "\n")
        .collect();
    let body = format!("<body>\n<div data-prerendered>{markup}</div>\n{inline}");
    let page = replace_between(&page, "<body>", "</noscript>", &body)
        .ok_or_else(|| "the shell has no <body> with its <noscript>".to_owned())?;
    Ok(with_meta_policy(&page))
}

/// The shell's generic description replaced by the page's head tags, and
/// `<html>` in the site's language.
fn describe(
    page: &str,
    url: &str,
    data: &[(String, String)],
    origin: &str,
) -> Result<String, String> {
    let json = |path: &str| {
        data.iter()
            .find(|(p, _)| p == path)
            .map(|(_, text)| text.as_str())
    };
    let site_json = json(api::SITE).ok_or("a rendered page needs site.json")?;
    let site: Site = serde_json::from_str(site_json).map_err(|e| format!("site.json: {e}"))?;
    let route = Route::parse(url);
    let slug = route.as_ref().and_then(Route::slug);
    let article = slug
        .and_then(|slug| json(&api::article(slug)))
        .and_then(|text| Article::from_json(text).ok());
    let list = match &route {
        Some(Route::Front) => json(api::FRONT),
        Some(Route::Section { slug }) => json(&api::section(slug)),
        _ => None,
    }
    .and_then(|text| serde_json::from_str::<ArticleList>(text).ok());
    let comments = slug
        .and_then(|slug| json(&api::comments(slug)))
        .and_then(|text| serde_json::from_str::<CommentList>(text).ok());
    let logo = tag(page, "<link rel=\"icon\"").and_then(|t| attr(t, "href"));
    let tags = head::tags(&PageData {
        site: &site,
        route: route.as_ref(),
        article: article.as_ref(),
        list: list.as_ref(),
        comments: comments.as_ref(),
        origin,
        logo,
    });
    // In place of the shell's generic description, else before its title.
    let page = match tag(page, "<meta name=\"description\"") {
        Some(generic) => page.replacen(generic, tags.trim_end(), 1),
        None => page.replacen("<title>", &format!("{tags}<title>"), 1),
    };
    let html = tag(&page, "<html").ok_or("the shell has no <html>")?;
    let lang = format!(
        "<html lang=\"{}\" dir=\"{}\">",
        escape(&site.lang),
        dir_of(&site.lang)
    );
    Ok(page.replacen(html, &lang, 1))
}

/// Replaces from `start` to the end of `end` (both included).
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> Option<String> {
    let from = text.find(start)?;
    let to = from + text[from..].find(end)? + end.len();
    Some(format!("{}{with}{}", &text[..from], &text[to..]))
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
