//! The files for crawlers and feed readers (`routes::SiteFile`): the
//! sitemap, the Google News sitemap, robots.txt, and Atom feeds (RFC 4287)
//! for the site and each section. The build writes them into `dist/`
//! (crates/prerender); the server answers them live from its content. Both
//! call [`Catalogue::load`] then [`write`].

use chrono::{DateTime, Duration, FixedOffset};
use gazette_model::contract::{Article, ArticleList, ArticleSummary, Site};
use gazette_model::page_meta::{section_description, site_description};
use gazette_model::routes::{api, Route, SiteFile};
use gazette_model::share::absolute_url;

use crate::markup::escape;

/// How far back from the newest article the news sitemap reaches (Google
/// News reads two days), and how many articles it lists at most.
pub const NEWS_WINDOW_HOURS: i64 = 48;
pub const NEWS_MAX: usize = 1000;

/// What the files are written from: site.json, the front page's and each
/// section's first page, and every article.
pub struct Catalogue {
    pub site: Site,
    pub front: ArticleList,
    pub sections: Vec<(String, ArticleList)>,
    pub articles: Vec<Article>,
}

impl Catalogue {
    /// Reads the content through `load` (API path → JSON, `None` when there
    /// is no such file), for the articles of `article_slugs`.
    pub fn load(
        load: impl Fn(&str) -> Option<String>,
        article_slugs: &[String],
    ) -> Result<Catalogue, String> {
        let json = |path: &str| load(path).ok_or_else(|| format!("{path}: missing"));
        let site: Site = decode(api::SITE, &json(api::SITE)?)?;
        let front: ArticleList = decode(api::FRONT, &json(api::FRONT)?)?;
        let mut sections = Vec::new();
        for section in &site.sections {
            let path = api::section(&section.slug);
            if let Some(text) = load(&path) {
                sections.push((section.slug.clone(), decode(&path, &text)?));
            }
        }
        let mut articles = Vec::new();
        for slug in article_slugs {
            let path = api::article(slug);
            let article = Article::from_json(&json(&path)?).map_err(|e| format!("{path}: {e}"))?;
            articles.push(article);
        }
        Ok(Catalogue {
            site,
            front,
            sections,
            articles,
        })
    }

    /// Every file, for the build.
    pub fn files(&self) -> Vec<SiteFile> {
        let mut files = vec![
            SiteFile::Sitemap,
            SiteFile::NewsSitemap,
            SiteFile::Robots,
            SiteFile::Feed,
        ];
        files.extend(
            self.sections
                .iter()
                .map(|(slug, _)| SiteFile::SectionFeed { slug: slug.clone() }),
        );
        files
    }

    fn article(&self, slug: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.summary.slug == slug)
    }
}

fn decode<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))
}

/// The body of `file`; `None` for a section the catalogue has not.
/// Absolute URLs are on site.json's `canonical_origin`, else on `origin`.
pub fn write(file: &SiteFile, catalogue: &Catalogue, origin: &str) -> Option<String> {
    let url = |path: &str| absolute_url(catalogue.site.canonical_origin.as_deref(), origin, path);
    Some(match file {
        SiteFile::Sitemap => sitemap(catalogue, &url),
        SiteFile::NewsSitemap => news_sitemap(catalogue, &url),
        SiteFile::Robots => format!(
            "User-agent: *\nAllow: /\nDisallow: {}\n\nSitemap: {}\nSitemap: {}\n",
            Route::Moderation.href(),
            url(&SiteFile::Sitemap.href()),
            url(&SiteFile::NewsSitemap.href()),
        ),
        SiteFile::Feed => feed(catalogue, None, &catalogue.front, &url),
        SiteFile::SectionFeed { slug } => {
            let (_, list) = catalogue.sections.iter().find(|(s, _)| s == slug)?;
            feed(catalogue, Some(slug), list, &url)
        }
    })
}

type Url<'a> = &'a dyn Fn(&str) -> String;

fn modified(summary: &ArticleSummary) -> DateTime<FixedOffset> {
    summary
        .updated_at
        .as_ref()
        .unwrap_or(&summary.published_at)
        .0
}

fn newest<'a>(
    summaries: impl Iterator<Item = &'a ArticleSummary>,
) -> Option<DateTime<FixedOffset>> {
    summaries.map(modified).max()
}

fn sitemap(catalogue: &Catalogue, url: Url) -> String {
    let mut pages = Vec::new();
    let all = catalogue.articles.iter().map(|a| &a.summary);
    pages.push((Route::Front, newest(all.clone())));
    for (slug, list) in &catalogue.sections {
        pages.push((Route::section(slug), newest(list.articles.iter())));
    }
    for summary in all {
        pages.push((Route::article(&summary.slug), Some(modified(summary))));
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (route, lastmod) in pages {
        out += &format!("<url><loc>{}</loc>", escape(&url(&route.href())));
        if let Some(at) = lastmod {
            out += &format!("<lastmod>{}</lastmod>", at.to_rfc3339());
        }
        out += "</url>\n";
    }
    out + "</urlset>\n"
}

fn news_sitemap(catalogue: &Catalogue, url: Url) -> String {
    let mut recent: Vec<&ArticleSummary> = catalogue.articles.iter().map(|a| &a.summary).collect();
    recent.sort_by_key(|s| std::cmp::Reverse(s.published_at.0));
    if let Some(latest) = recent.first().map(|s| s.published_at.0) {
        let since = latest - Duration::hours(NEWS_WINDOW_HOURS);
        recent.retain(|s| s.published_at.0 >= since);
    }
    recent.truncate(NEWS_MAX);
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ",
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
    ));
    for summary in recent {
        out += &format!(
            concat!(
                "<url><loc>{loc}</loc><news:news><news:publication><news:name>{name}</news:name>",
                "<news:language>{lang}</news:language></news:publication>",
                "<news:publication_date>{date}</news:publication_date>",
                "<news:title>{title}</news:title></news:news></url>\n"
            ),
            loc = escape(&url(&Route::article(&summary.slug).href())),
            name = escape(&catalogue.site.name),
            lang = escape(&summary.lang),
            date = summary.published_at.0.to_rfc3339(),
            title = escape(&summary.title),
        );
    }
    out + "</urlset>\n"
}

fn feed(catalogue: &Catalogue, section: Option<&str>, list: &ArticleList, url: Url) -> String {
    let site = &catalogue.site;
    let (page, title, subtitle, file) = match (section, &list.section) {
        (Some(slug), Some(section)) => (
            Route::section(slug),
            format!("{} — {}", section.name, site.name),
            section_description(site, section),
            SiteFile::SectionFeed {
                slug: slug.to_owned(),
            },
        ),
        (Some(slug), None) => (
            Route::section(slug),
            site.name.clone(),
            site_description(site),
            SiteFile::SectionFeed {
                slug: slug.to_owned(),
            },
        ),
        (None, _) => (
            Route::Front,
            site.name.clone(),
            site_description(site),
            SiteFile::Feed,
        ),
    };
    let mut entries: Vec<&ArticleSummary> = list.articles.iter().collect();
    entries.sort_by_key(|s| std::cmp::Reverse(s.published_at.0));
    let updated = newest(entries.iter().copied())
        .map(|at| at.to_rfc3339())
        .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".to_owned());
    let mut out = format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n",
            "<id>{id}</id>\n<title>{title}</title>\n<subtitle>{subtitle}</subtitle>\n",
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"{self_url}\"/>\n",
            "<link rel=\"alternate\" type=\"text/html\" href=\"{id}\"/>\n",
            "<updated>{updated}</updated>\n<author><name>{site}</name></author>\n",
            "<generator>Gazette</generator>\n"
        ),
        lang = escape(&site.lang),
        id = escape(&url(&page.href())),
        title = escape(&title),
        subtitle = escape(&subtitle),
        self_url = escape(&url(&file.href())),
        updated = updated,
        site = escape(&site.name),
    );
    for summary in entries {
        out += &entry(catalogue.article(&summary.slug), summary, url);
    }
    out + "</feed>\n"
}

fn entry(article: Option<&Article>, summary: &ArticleSummary, url: Url) -> String {
    let link = url(&Route::article(&summary.slug).href());
    let mut out = format!(
        concat!(
            "<entry xml:lang=\"{lang}\">\n<id>{id}</id>\n<title>{title}</title>\n",
            "<link rel=\"alternate\" type=\"text/html\" href=\"{id}\"/>\n",
            "<published>{published}</published>\n<updated>{updated}</updated>\n"
        ),
        lang = escape(&summary.lang),
        id = escape(&link),
        title = escape(&summary.title),
        published = summary.published_at.0.to_rfc3339(),
        updated = modified(summary).to_rfc3339(),
    );
    if let Some(article) = article {
        for author in &article.content.authors {
            out += &format!("<author><name>{}</name></author>\n", escape(&author.name));
        }
    }
    out += &format!(
        "<category term=\"{}\" label=\"{}\"/>\n",
        escape(&summary.section.slug),
        escape(&summary.section.name)
    );
    for tag in article
        .map(|a| a.content.tags.as_slice())
        .unwrap_or_default()
    {
        out += &format!("<category term=\"{}\"/>\n", escape(tag));
    }
    if let Some(lede) = &summary.lede {
        out += &format!("<summary>{}</summary>\n", escape(lede));
    }
    if let Some(image) = &summary.image {
        out += &format!(
            "<link rel=\"enclosure\" type=\"{}\" href=\"{}\" title=\"{}\"/>\n",
            image_type(&image.src),
            escape(&url(&image.src)),
            escape(&image.alt)
        );
    }
    out + "</entry>\n"
}

/// The media type of an image, from its file name.
fn image_type(src: &str) -> &'static str {
    let name = src
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match name.rsplit('.').next() {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("gif") => "image/gif",
        _ => "image/jpeg",
    }
}
