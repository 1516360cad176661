//! The head of a page rendered ahead: what a crawler and a link preview
//! read. The description, the canonical link, Open Graph and the Twitter
//! card, the Atom feed a page has, and JSON-LD structured data
//! (`NewsArticle`, `BreadcrumbList`, `WebSite`). Absolute URLs are on
//! `site.json`'s `canonical_origin`, else on the origin given (the build's
//! `--origin`, or the origin a server was asked on).

use gazette_model::contract::{Article, ArticleList, CommentList, Image, Site};
use gazette_model::i18n::{strings, thread_title};
use gazette_model::lang::Lang;
use gazette_model::page_meta::{
    article_description, og_locale, section_description, site_description,
};
use gazette_model::routes::Route;
use gazette_model::share::absolute_url;
use serde_json::{json, Value};

use crate::markup::escape;

/// What a page was rendered from.
pub struct PageData<'a> {
    pub site: &'a Site,
    /// `None`: the not-found page.
    pub route: Option<&'a Route>,
    pub article: Option<&'a Article>,
    pub list: Option<&'a ArticleList>,
    pub comments: Option<&'a CommentList>,
    /// The origin absolute URLs are on when site.json names none.
    pub origin: &'a str,
    /// The publisher's logo (a path or URL), from the shell's `<link rel="icon">`.
    pub logo: Option<&'a str>,
}

impl PageData<'_> {
    /// The absolute URL of a site path (or an absolute URL as it is).
    pub fn url(&self, path: &str) -> String {
        absolute_url(self.site.canonical_origin.as_deref(), self.origin, path)
    }
}

/// The tags for the page's `<head>`, one per line.
pub fn tags(page: &PageData) -> String {
    let site = page.site;
    let mut out = Head::default();
    let description = description(page);
    out.meta("name", "description", &description);
    let Some(route) = page.route else {
        out.meta("name", "robots", "noindex");
        return out.0;
    };
    let url = page.url(&route.href());
    out.link("canonical", &url, None);
    let article = page
        .article
        .filter(|_| matches!(route, Route::Article { .. }));
    out.meta(
        "property",
        "og:type",
        if article.is_some() {
            "article"
        } else {
            "website"
        },
    );
    out.meta("property", "og:title", &og_title(page, route));
    out.meta("property", "og:description", &description);
    out.meta("property", "og:url", &url);
    out.meta("property", "og:site_name", &site.name);
    let lang = page
        .article
        .map_or(site.lang.as_str(), |a| a.summary.lang.as_str());
    out.meta("property", "og:locale", &og_locale(lang));
    let image = page.article.and_then(|a| a.summary.image.as_ref());
    if let Some(image) = image {
        out.meta("property", "og:image", &page.url(&image.src));
        if let (Some(width), Some(height)) = (image.width, image.height) {
            out.meta("property", "og:image:width", &width.to_string());
            out.meta("property", "og:image:height", &height.to_string());
        }
        out.meta("property", "og:image:alt", &image.alt);
    }
    if let Some(article) = article {
        let summary = &article.summary;
        out.meta(
            "property",
            "article:published_time",
            &summary.published_at.0.to_rfc3339(),
        );
        let modified = summary.updated_at.as_ref().unwrap_or(&summary.published_at);
        out.meta(
            "property",
            "article:modified_time",
            &modified.0.to_rfc3339(),
        );
        out.meta("property", "article:section", &summary.section.name);
        for tag in &article.content.tags {
            out.meta("property", "article:tag", tag);
        }
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    out.meta("name", "twitter:card", card);
    if let Some(feed) = route.feed() {
        let title = match route {
            Route::Section { .. } => format!("{} — {}", og_title(page, route), site.name),
            _ => site.name.clone(),
        };
        out.link(
            "alternate",
            &page.url(&feed.href()),
            Some(("application/atom+xml", &title)),
        );
    }
    for data in structured_data(page, route, &url, &description) {
        out.json_ld(&data);
    }
    out.0
}

/// The page's description (`page_meta`, as the app sets it on navigation).
fn description(page: &PageData) -> String {
    match (page.article, page.list.and_then(|l| l.section.as_ref())) {
        (Some(article), _) => article_description(&article.summary, &article.content.body),
        (None, Some(section)) => section_description(page.site, section),
        _ => site_description(page.site),
    }
}

fn og_title(page: &PageData, route: &Route) -> String {
    let article_title = page.article.map(|a| a.summary.title.clone());
    match route {
        Route::Article { .. } => article_title.unwrap_or_default(),
        Route::Thread { .. } | Route::Comment { .. } => {
            let lang = Lang::from_tag_or_default(&page.site.lang);
            thread_title(&article_title.unwrap_or_default(), lang)
        }
        Route::Section { .. } => page
            .list
            .and_then(|l| l.section.as_ref())
            .map(|s| s.name.clone())
            .unwrap_or_else(|| page.site.name.clone()),
        Route::Front | Route::Moderation => page.site.name.clone(),
    }
}

/// JSON-LD objects for the page.
fn structured_data(page: &PageData, route: &Route, url: &str, description: &str) -> Vec<Value> {
    let site = page.site;
    let home = page.url("/");
    match (route, page.article) {
        (Route::Front, _) => vec![json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site.name,
            "url": home,
            "description": description,
            "inLanguage": site.lang,
            "publisher": publisher(page),
        })],
        (Route::Section { slug }, _) => {
            let name = og_title(page, route);
            vec![breadcrumbs(&[
                (site.name.as_str(), home),
                (name.as_str(), page.url(&Route::section(slug).href())),
            ])]
        }
        (Route::Article { .. }, Some(article)) => {
            vec![
                news_article(page, article, url, description),
                article_breadcrumbs(page, article, None),
            ]
        }
        (Route::Thread { .. } | Route::Comment { .. }, Some(article)) => {
            let lang = Lang::from_tag_or_default(&site.lang);
            let heading = strings(lang).comments_heading;
            vec![article_breadcrumbs(page, article, Some((heading, url)))]
        }
        _ => Vec::new(),
    }
}

fn news_article(page: &PageData, article: &Article, url: &str, description: &str) -> Value {
    let summary = &article.summary;
    let modified = summary.updated_at.as_ref().unwrap_or(&summary.published_at);
    let authors: Vec<Value> = article
        .content
        .authors
        .iter()
        .map(|a| json!({ "@type": "Person", "name": a.name }))
        .collect();
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": summary.title,
        "description": description,
        "datePublished": summary.published_at.0.to_rfc3339(),
        "dateModified": modified.0.to_rfc3339(),
        "author": authors,
        "publisher": publisher(page),
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "url": url,
        "inLanguage": summary.lang,
        "articleSection": summary.section.name,
        "isAccessibleForFree": true,
    });
    if let Some(image) = &summary.image {
        data["image"] = json!([image_object(page, image)]);
    }
    if !article.content.tags.is_empty() {
        data["keywords"] = json!(article.content.tags);
    }
    let count = page
        .comments
        .and_then(|c| c.total)
        .or(summary.comment_count);
    if let Some(count) = count {
        data["commentCount"] = json!(count);
    }
    if article.content.authors.is_empty() {
        // Google asks for an author: the newsroom, when no one signed.
        data["author"] =
            json!([{ "@type": "Organization", "name": page.site.name, "url": page.url("/") }]);
    }
    data
}

fn image_object(page: &PageData, image: &Image) -> Value {
    let mut data =
        json!({ "@type": "ImageObject", "url": page.url(&image.src), "caption": image.alt });
    if let (Some(width), Some(height)) = (image.width, image.height) {
        data["width"] = json!(width);
        data["height"] = json!(height);
    }
    data
}

fn publisher(page: &PageData) -> Value {
    let mut data = json!({ "@type": "Organization", "name": page.site.name, "url": page.url("/") });
    if let Some(logo) = page.logo {
        data["logo"] = json!({ "@type": "ImageObject", "url": page.url(logo) });
    }
    data
}

fn article_breadcrumbs(page: &PageData, article: &Article, last: Option<(&str, &str)>) -> Value {
    let summary = &article.summary;
    let mut items = vec![
        (page.site.name.as_str(), page.url("/")),
        (
            summary.section.name.as_str(),
            page.url(&Route::section(&summary.section.slug).href()),
        ),
        (
            summary.title.as_str(),
            page.url(&Route::article(&summary.slug).href()),
        ),
    ];
    if let Some((name, url)) = last {
        items.push((name, url.to_owned()));
    }
    breadcrumbs(&items)
}

fn breadcrumbs(items: &[(&str, String)]) -> Value {
    let list: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url })
        })
        .collect();
    json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": list })
}

/// Head tags, written one per line.
#[derive(Default)]
struct Head(String);

impl Head {
    fn meta(&mut self, key: &str, name: &str, content: &str) {
        self.0 += &format!("<meta {key}=\"{name}\" content=\"{}\">\n", escape(content));
    }

    fn link(&mut self, rel: &str, href: &str, typed: Option<(&str, &str)>) {
        let extra = typed
            .map(|(kind, title)| format!(" type=\"{kind}\" title=\"{}\"", escape(title)))
            .unwrap_or_default();
        self.0 += &format!("<link rel=\"{rel}\"{extra} href=\"{}\">\n", escape(href));
    }

    /// JSON inside `<script>`: `<`, `>` and `&` as JSON escapes, so no text
    /// (`</script>`, `<!--`) can end the element or change how it parses.
    fn json_ld(&mut self, data: &Value) {
        let text = data
            .to_string()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026");
        self.0 += &format!("<script type=\"application/ld+json\">{text}</script>\n");
    }
}
