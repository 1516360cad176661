//! The sitemaps, robots.txt and Atom feeds written from the demo content,
//! parsed as XML and checked: required elements there, URLs absolute, dates
//! RFC 3339, newest first; and text that would break XML stays text.

mod support;

use chrono::{DateTime, FixedOffset};
use gazette_model::routes::SiteFile;
use gazette_render::site_files::{write, Catalogue, NEWS_WINDOW_HOURS};
use roxmltree::{Document, Node};
use support::*;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS: &str = "http://www.google.com/schemas/sitemap-news/0.9";

fn catalogue() -> Catalogue {
    let mut slugs: Vec<String> = std::fs::read_dir(content_dir().join("articles"))
        .unwrap()
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".json")
                .map(str::to_owned)
        })
        .collect();
    slugs.sort();
    Catalogue::load(
        |path| std::fs::read_to_string(content_dir().join(path)).ok(),
        &slugs,
    )
    .unwrap()
}

fn written(catalogue: &Catalogue, file: SiteFile) -> String {
    write(&file, catalogue, ORIGIN).expect("a file")
}

fn date(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn absolute(url: &str) -> &str {
    assert!(
        url.starts_with(&format!("{ORIGIN}/")),
        "{url} is not absolute on the origin"
    );
    url
}

fn child<'a>(node: Node<'a, 'a>, ns: &str, name: &str) -> Option<Node<'a, 'a>> {
    node.children().find(|n| n.has_tag_name((ns, name)))
}

fn text<'a>(node: Node<'a, 'a>, ns: &str, name: &str) -> &'a str {
    child(node, ns, name)
        .and_then(|n| n.text())
        .unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name()))
}

fn children<'a>(node: Node<'a, 'a>, ns: &str, name: &str) -> Vec<Node<'a, 'a>> {
    node.children()
        .filter(|n| n.has_tag_name((ns, name)))
        .collect()
}

#[test]
fn the_sitemap_lists_every_article_and_section_with_lastmod() {
    let catalogue = catalogue();
    let xml = written(&catalogue, SiteFile::Sitemap);
    let doc = Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert!(root.has_tag_name((SITEMAP, "urlset")));
    let locs: Vec<&str> = children(root, SITEMAP, "url")
        .into_iter()
        .map(|url| {
            date(text(url, SITEMAP, "lastmod"));
            absolute(text(url, SITEMAP, "loc"))
        })
        .collect();
    assert!(locs.contains(&format!("{ORIGIN}/").as_str()));
    for article in &catalogue.articles {
        let loc = format!("{ORIGIN}/article/{}", article.summary.slug);
        assert!(locs.contains(&loc.as_str()), "{loc} missing");
    }
    for (slug, _) in &catalogue.sections {
        assert!(
            locs.contains(&format!("{ORIGIN}/section/{slug}").as_str()),
            "{slug} missing"
        );
    }
    assert_eq!(
        locs.len(),
        1 + catalogue.sections.len() + catalogue.articles.len()
    );
}

#[test]
fn the_news_sitemap_lists_the_latest_articles_in_the_google_news_format() {
    let catalogue = catalogue();
    let xml = written(&catalogue, SiteFile::NewsSitemap);
    let doc = Document::parse(&xml).unwrap();
    let urls = children(doc.root_element(), SITEMAP, "url");
    assert!(!urls.is_empty());
    let newest = catalogue
        .articles
        .iter()
        .map(|a| a.summary.published_at.0)
        .max()
        .unwrap();
    for url in urls {
        absolute(text(url, SITEMAP, "loc"));
        let news = child(url, NEWS, "news").expect("<news:news>");
        let publication = child(news, NEWS, "publication").expect("<news:publication>");
        assert_eq!(text(publication, NEWS, "name"), "La Gazette");
        assert!(["fr", "en", "ar"].contains(&text(publication, NEWS, "language")));
        let at = date(text(news, NEWS, "publication_date"));
        assert!(newest - at <= chrono::Duration::hours(NEWS_WINDOW_HOURS));
        assert!(!text(news, NEWS, "title").is_empty());
    }
}

#[test]
fn robots_names_both_sitemaps() {
    let robots = written(&catalogue(), SiteFile::Robots);
    assert!(
        robots.contains(&format!("Sitemap: {ORIGIN}/sitemap.xml\n")),
        "{robots}"
    );
    assert!(
        robots.contains(&format!("Sitemap: {ORIGIN}/news-sitemap.xml\n")),
        "{robots}"
    );
    assert!(robots.contains("Disallow: /moderation\n"));
}

/// Checks an Atom feed (RFC 4287) and answers its entries' links.
fn check_feed(xml: &str, self_path: &str) -> Vec<String> {
    let doc = Document::parse(xml).unwrap();
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    absolute(text(feed, ATOM, "id"));
    assert!(!text(feed, ATOM, "title").is_empty());
    date(text(feed, ATOM, "updated"));
    let links = children(feed, ATOM, "link");
    let self_link = links
        .iter()
        .find(|l| l.attribute("rel") == Some("self"))
        .expect("rel=self");
    assert_eq!(
        self_link.attribute("href"),
        Some(format!("{ORIGIN}{self_path}").as_str())
    );
    let feed_author = child(feed, ATOM, "author").is_some();
    let mut previous: Option<DateTime<FixedOffset>> = None;
    let mut entries = Vec::new();
    for entry in children(feed, ATOM, "entry") {
        absolute(text(entry, ATOM, "id"));
        assert!(!text(entry, ATOM, "title").is_empty());
        date(text(entry, ATOM, "updated"));
        let published = date(text(entry, ATOM, "published"));
        if let Some(previous) = previous {
            assert!(published <= previous, "newest first");
        }
        previous = Some(published);
        assert!(
            feed_author || child(entry, ATOM, "author").is_some(),
            "an author for every entry"
        );
        assert!(!children(entry, ATOM, "category").is_empty());
        assert!(!text(entry, ATOM, "summary").is_empty());
        let alternate = children(entry, ATOM, "link")
            .into_iter()
            .find(|l| l.attribute("rel") == Some("alternate"))
            .and_then(|l| l.attribute("href"))
            .expect("an alternate link");
        entries.push(absolute(alternate).to_owned());
    }
    entries
}

#[test]
fn the_sites_feed_has_the_front_pages_articles_newest_first_with_authors_and_images() {
    let catalogue = catalogue();
    let xml = written(&catalogue, SiteFile::Feed);
    let entries = check_feed(&xml, "/feed.xml");
    assert_eq!(entries.len(), catalogue.front.articles.len());
    let doc = Document::parse(&xml).unwrap();
    let first = children(doc.root_element(), ATOM, "entry")[0];
    let slug = entries[0].rsplit('/').next().unwrap();
    let article = catalogue
        .articles
        .iter()
        .find(|a| a.summary.slug == slug)
        .unwrap();
    let authors: Vec<&str> = children(first, ATOM, "author")
        .into_iter()
        .map(|a| text(a, ATOM, "name"))
        .collect();
    let expected: Vec<&str> = article
        .content
        .authors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(authors, expected);
    if let Some(image) = &article.summary.image {
        let enclosure = children(first, ATOM, "link")
            .into_iter()
            .find(|l| l.attribute("rel") == Some("enclosure"))
            .expect("the hero image");
        assert_eq!(
            enclosure.attribute("href"),
            Some(format!("{ORIGIN}{}", image.src).as_str())
        );
        assert!(enclosure.attribute("type").unwrap().starts_with("image/"));
    }
}

#[test]
fn each_section_has_its_feed() {
    let catalogue = catalogue();
    assert!(!catalogue.sections.is_empty());
    for (slug, list) in &catalogue.sections {
        let file = SiteFile::SectionFeed { slug: slug.clone() };
        let entries = check_feed(&written(&catalogue, file.clone()), &file.href());
        assert_eq!(entries.len(), list.articles.len(), "{slug}");
    }
    assert!(write(
        &SiteFile::SectionFeed {
            slug: "nope".into()
        },
        &catalogue,
        ORIGIN
    )
    .is_none());
}

#[test]
fn markup_in_titles_stays_text() {
    let mut catalogue = catalogue();
    let hostile = "<b>Tram</b> & \"métro\" ]]> \u{1}";
    let slug = catalogue.front.articles[0].slug.clone();
    catalogue.front.articles[0].title = hostile.into();
    let xml = written(&catalogue, SiteFile::Feed);
    let doc = Document::parse(&xml).unwrap();
    let entry = children(doc.root_element(), ATOM, "entry")
        .into_iter()
        .find(|e| text(*e, ATOM, "id").ends_with(&slug))
        .unwrap();
    assert_eq!(text(entry, ATOM, "title"), "<b>Tram</b> & \"métro\" ]]> ");
}
