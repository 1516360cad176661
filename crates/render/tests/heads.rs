//! The heads of rendered pages, as a crawler and a link preview read them:
//! description, canonical, Open Graph, Twitter card, the feed link, and
//! JSON-LD checked against schema.org's and Google's required and
//! recommended properties; the page's language; hostile titles.

mod support;

use chrono::DateTime;
use gazette_model::page_meta::description;
use serde_json::Value;
use support::*;

const ARTICLE: &str = "/article/tram-ligne-3-tilwa";

fn is_absolute(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

fn rfc3339(text: &str) {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{text}: {e}"));
}

/// The demo content as it is.
fn same_json(_: &str, json: String) -> String {
    json
}

#[test]
fn an_article_previews_with_its_own_title_lede_and_image() {
    let page = render_demo(ARTICLE, &same_json);
    let article: Value = serde_json::from_str(&demo("articles/tram-ligne-3-tilwa.json")).unwrap();
    let url = format!("{ORIGIN}{ARTICLE}");
    // The lede, cut at a word near 200 characters.
    let lede = description(article["lede"].as_str().unwrap());
    assert!(lede.len() > 150 && lede.ends_with('…'), "{lede}");
    assert_eq!(meta(&page, "name", "description"), Some(lede.clone()));
    assert_eq!(link(&page, "canonical"), Some(url.clone()));
    assert_eq!(
        meta(&page, "property", "og:type").as_deref(),
        Some("article")
    );
    assert_eq!(
        meta(&page, "property", "og:title").as_deref(),
        article["title"].as_str()
    );
    assert_eq!(meta(&page, "property", "og:description"), Some(lede));
    assert_eq!(meta(&page, "property", "og:url"), Some(url));
    assert_eq!(
        meta(&page, "property", "og:site_name").as_deref(),
        Some("La Gazette")
    );
    assert_eq!(
        meta(&page, "property", "og:locale").as_deref(),
        Some("fr_FR")
    );
    let image = meta(&page, "property", "og:image").unwrap();
    assert_eq!(
        image,
        format!("{ORIGIN}{}", article["image"]["src"].as_str().unwrap())
    );
    assert_eq!(
        meta(&page, "property", "og:image:width").as_deref(),
        Some("1200")
    );
    assert_eq!(
        meta(&page, "property", "og:image:height").as_deref(),
        Some("675")
    );
    assert_eq!(
        meta(&page, "property", "og:image:alt").as_deref(),
        article["image"]["alt"].as_str()
    );
    rfc3339(&meta(&page, "property", "article:published_time").unwrap());
    let modified = meta(&page, "property", "article:modified_time").unwrap();
    assert_eq!(
        DateTime::parse_from_rfc3339(&modified).unwrap(),
        DateTime::parse_from_rfc3339(article["updated_at"].as_str().unwrap()).unwrap()
    );
    assert_eq!(
        meta(&page, "property", "article:section").as_deref(),
        Some("Maroc")
    );
    assert_eq!(
        metas(&page, "property", "article:tag"),
        ["Tilwa", "Transports", "Urbanisme"]
    );
    assert_eq!(
        meta(&page, "name", "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(
        metas(&page, "name", "description").len(),
        1,
        "the shell's generic one is gone"
    );
    assert!(
        !page.contains("l’actualité.\""),
        "the shell's description is replaced"
    );
}

#[test]
fn the_articles_structured_data_has_what_schema_org_and_google_ask() {
    let page = render_demo(ARTICLE, &same_json);
    let data = json_ld(&page);
    let news = of_type(&data, "NewsArticle");
    assert_eq!(news["@context"], "https://schema.org");
    // Required and recommended (schema.org NewsArticle, Google's Article).
    for property in [
        "headline",
        "description",
        "image",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "mainEntityOfPage",
        "inLanguage",
        "articleSection",
        "commentCount",
        "url",
    ] {
        assert!(!news[property].is_null(), "{property} missing in {news}");
    }
    assert!(news["headline"].as_str().unwrap().chars().count() <= 110);
    for image in news["image"].as_array().unwrap() {
        assert_eq!(image["@type"], "ImageObject");
        assert!(is_absolute(image["url"].as_str().unwrap()));
        assert!(
            image["width"].as_u64().unwrap() >= 696,
            "Google asks 696 px wide at least"
        );
    }
    rfc3339(news["datePublished"].as_str().unwrap());
    rfc3339(news["dateModified"].as_str().unwrap());
    let authors = news["author"].as_array().unwrap();
    assert_eq!(authors.len(), 1);
    assert_eq!(authors[0]["@type"], "Person");
    assert_eq!(authors[0]["name"], "Meriem Sbaï");
    let publisher = &news["publisher"];
    assert_eq!(publisher["@type"], "Organization");
    assert_eq!(publisher["name"], "La Gazette");
    assert_eq!(publisher["logo"]["@type"], "ImageObject");
    assert_eq!(
        publisher["logo"]["url"],
        format!("{ORIGIN}/logo-0123456789abcdef.svg")
    );
    assert_eq!(
        news["mainEntityOfPage"]["@id"],
        format!("{ORIGIN}{ARTICLE}")
    );
    assert_eq!(news["inLanguage"], "fr");
    assert_eq!(news["articleSection"], "Maroc");
    assert!(news["commentCount"].as_u64().is_some());

    let crumbs = of_type(&data, "BreadcrumbList")["itemListElement"]
        .as_array()
        .unwrap()
        .clone();
    let names: Vec<&str> = crumbs.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names[..2], ["La Gazette", "Maroc"]);
    assert_eq!(crumbs[2]["item"], format!("{ORIGIN}{ARTICLE}"));
    for (i, crumb) in crumbs.iter().enumerate() {
        assert_eq!(crumb["position"], i + 1);
        assert!(is_absolute(crumb["item"].as_str().unwrap()));
    }
}

#[test]
fn structured_data_stays_valid_json_whatever_the_title() {
    let hostile = "Il a dit \"non\" </script><script>alert(1)</script><!-- & \u{202B}قال لا\u{202C}";
    let page = render_demo(ARTICLE, &|path, json| {
        if path.starts_with("articles/") {
            let mut v: Value = serde_json::from_str(&json).unwrap();
            v["title"] = hostile.into();
            v["lede"] = hostile.into();
            v.to_string()
        } else {
            json
        }
    });
    let data = json_ld(&page);
    assert_eq!(of_type(&data, "NewsArticle")["headline"], hostile);
    assert_eq!(
        meta(&page, "property", "og:title").as_deref(),
        Some(hostile)
    );
    assert!(
        !head(&page).contains("<script>alert"),
        "nothing in the head is markup from the title"
    );
    let scripts = head(&page).matches("<script").count();
    assert_eq!(head(&page).matches("</script>").count(), scripts);
}

#[test]
fn the_front_page_is_a_website_with_its_feed() {
    let page = render_demo("/", &same_json);
    let site: Value = serde_json::from_str(&demo("site.json")).unwrap();
    assert_eq!(
        meta(&page, "name", "description").as_deref(),
        site["tagline"].as_str()
    );
    assert_eq!(
        meta(&page, "property", "og:type").as_deref(),
        Some("website")
    );
    assert_eq!(link(&page, "canonical"), Some(format!("{ORIGIN}/")));
    assert_eq!(link(&page, "alternate"), Some(format!("{ORIGIN}/feed.xml")));
    let website = of_type(&json_ld(&page), "WebSite").clone();
    assert_eq!(website["name"], "La Gazette");
    assert_eq!(website["url"], format!("{ORIGIN}/"));
}

#[test]
fn a_section_says_its_description_and_links_its_feed() {
    let page = render_demo("/section/maroc", &same_json);
    let site: Value = serde_json::from_str(&demo("site.json")).unwrap();
    assert_eq!(
        meta(&page, "name", "description").as_deref(),
        site["sections"][0]["description"].as_str()
    );
    let feed = tags(head(&page), "<link ")
        .into_iter()
        .find(|t| attr(t, "rel").as_deref() == Some("alternate"))
        .unwrap();
    assert_eq!(attr(feed, "type").as_deref(), Some("application/atom+xml"));
    assert_eq!(
        attr(feed, "href"),
        Some(format!("{ORIGIN}/section/maroc/feed.xml"))
    );
    let crumbs = of_type(&json_ld(&page), "BreadcrumbList")["itemListElement"].clone();
    assert_eq!(crumbs[1]["name"], "Maroc");
}

#[test]
fn absolute_urls_are_on_the_canonical_origin_when_the_site_names_one() {
    let page = render_demo(
        ARTICLE,
        &site_with("canonical_origin", "https://gazette.example"),
    );
    assert_eq!(
        link(&page, "canonical"),
        Some(format!("https://gazette.example{ARTICLE}"))
    );
    assert!(meta(&page, "property", "og:image")
        .unwrap()
        .starts_with("https://gazette.example/media/"));
}

/// The opening tag of the page's `<article>`.
fn article_tag(page: &str) -> &str {
    let article = &page[page.find("<article").unwrap()..];
    &article[..article.find('>').unwrap()]
}

/// The demo content with one field of site.json changed.
fn site_with(field: &'static str, value: &'static str) -> impl Fn(&str, String) -> String {
    move |path, json| {
        if path != "site.json" {
            return json;
        }
        let mut v: Value = serde_json::from_str(&json).unwrap();
        v[field] = value.into();
        v.to_string()
    }
}

#[test]
fn an_english_article_declares_its_language_on_its_content() {
    for (slug, lang, dir, locale) in [
        ("coastal-cities-water-forum", "en", "ltr", "en_US"),
        ("maarid-al-khatt", "ar", "rtl", "ar_MA"),
    ] {
        let page = render_demo(&format!("/article/{slug}"), &same_json);
        assert!(
            page.contains("<html lang=\"fr\" dir=\"ltr\">"),
            "the site speaks French"
        );
        let article = article_tag(&page);
        assert!(
            article.contains(&format!("lang=\"{lang}\""))
                && article.contains(&format!("dir=\"{dir}\"")),
            "{article}"
        );
        assert_eq!(
            meta(&page, "property", "og:locale").as_deref(),
            Some(locale)
        );
    }
}

#[test]
fn a_site_in_english_renders_its_pages_in_english() {
    let english = site_with("lang", "en");
    let page = render_demo("/", &english);
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(page.contains("Top stories"), "the interface speaks English");
    assert!(!page.contains("À la une"));
    let page = render_demo("/article/tram-ligne-3-tilwa/comments", &english);
    assert!(page.contains(">Comments"), "the thread speaks English");
}

#[test]
fn the_not_found_page_is_not_indexed() {
    let page = render_demo("/404", &same_json);
    assert_eq!(meta(&page, "name", "robots").as_deref(), Some("noindex"));
    assert_eq!(link(&page, "canonical"), None);
    assert!(json_ld(&page).is_empty());
}
