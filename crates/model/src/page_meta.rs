//! What a page says about itself to search engines and link previews: its
//! description and its locale. The app keeps `<meta name="description">` in
//! step with it on client-side navigation; gazette-render writes it, with
//! the Open Graph tags and the structured data, into each page rendered
//! ahead. The canonical address is `share::canonical_url`.

use crate::contract::{ArticleSummary, Block, SectionRef, Site};

/// The longest description, in characters; search results cut about there.
pub const DESCRIPTION_MAX: usize = 200;

/// `text` as a description: whitespace collapsed, and cut at a word
/// boundary with "…" when longer than [`DESCRIPTION_MAX`].
pub fn description(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let whole = words.join(" ");
    if whole.chars().count() <= DESCRIPTION_MAX {
        return whole;
    }
    let mut cut = String::new();
    for word in words {
        if cut.chars().count() + word.chars().count() + 1 >= DESCRIPTION_MAX {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    if cut.is_empty() {
        cut = whole.chars().take(DESCRIPTION_MAX - 1).collect();
    }
    cut.push('…');
    cut
}

/// The front page's description: the site's tagline, else its name.
pub fn site_description(site: &Site) -> String {
    description(
        site.tagline
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&site.name),
    )
}

/// A section page's description: the section's own, else the site's.
pub fn section_description(site: &Site, section: &SectionRef) -> String {
    match section
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        Some(text) => description(text),
        None => site_description(site),
    }
}

/// An article's description: its lede, else its first paragraph, else its
/// title.
pub fn article_description(summary: &ArticleSummary, body: &[Block]) -> String {
    if let Some(lede) = summary.lede.as_deref().filter(|l| !l.trim().is_empty()) {
        return description(lede);
    }
    let first = body.iter().find_map(|block| match block {
        Block::Paragraph { text, spans } => {
            let text = match text {
                Some(text) => text.clone(),
                None => spans.iter().map(|s| s.text.as_str()).collect(),
            };
            (!text.trim().is_empty()).then_some(text)
        }
        _ => None,
    });
    description(first.as_deref().unwrap_or(&summary.title))
}

/// The Open Graph locale of a BCP 47 tag: `fr_FR`, `en_US`, `ar_MA` (the
/// site is Moroccan) for the interface's languages; a tag with a region
/// keeps it (`en-GB` → `en_GB`).
pub fn og_locale(tag: &str) -> String {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or("").to_ascii_lowercase();
    if let Some(region) = parts.find(|p| p.len() == 2) {
        return format!("{language}_{}", region.to_ascii_uppercase());
    }
    match language.as_str() {
        "fr" => "fr_FR".to_owned(),
        "en" => "en_US".to_owned(),
        "ar" => "ar_MA".to_owned(),
        "" => "fr_FR".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::Span;

    fn site(tagline: Option<&str>) -> Site {
        serde_json::from_value(serde_json::json!({
            "name": "La Gazette", "tagline": tagline, "lang": "fr", "sections": []
        }))
        .unwrap()
    }

    fn summary(lede: Option<&str>) -> ArticleSummary {
        serde_json::from_value(serde_json::json!({
            "slug": "x", "title": "Le titre", "lede": lede, "lang": "fr",
            "section": { "slug": "maroc", "name": "Maroc" },
            "published_at": "2026-03-19T09:30:00+01:00"
        }))
        .unwrap()
    }

    #[test]
    fn short_text_is_kept_with_its_spaces_collapsed() {
        assert_eq!(description("  Un   texte\ncourt. "), "Un texte court.");
    }

    #[test]
    fn long_text_is_cut_at_a_word_with_an_ellipsis() {
        let text = "mot ".repeat(100);
        let cut = description(&text);
        assert!(cut.chars().count() <= DESCRIPTION_MAX, "{cut}");
        assert!(cut.ends_with("mot…"), "{cut}");
        let one_word = "a".repeat(500);
        assert_eq!(description(&one_word).chars().count(), DESCRIPTION_MAX);
        let arabic = "كلمة ".repeat(80);
        assert!(description(&arabic).ends_with("كلمة…"));
    }

    #[test]
    fn the_front_page_says_the_tagline_else_the_name() {
        assert_eq!(site_description(&site(Some("Sans hâte"))), "Sans hâte");
        assert_eq!(site_description(&site(None)), "La Gazette");
        assert_eq!(site_description(&site(Some("  "))), "La Gazette");
    }

    #[test]
    fn a_section_says_its_description_else_the_sites() {
        let mut section = SectionRef {
            slug: "maroc".into(),
            name: "Maroc".into(),
            description: Some("Les régions.".into()),
        };
        assert_eq!(
            section_description(&site(Some("T")), &section),
            "Les régions."
        );
        section.description = None;
        assert_eq!(section_description(&site(Some("T")), &section), "T");
    }

    #[test]
    fn an_article_says_its_lede_else_its_first_paragraph_else_its_title() {
        let body = vec![
            Block::Heading {
                text: "Intertitre".into(),
            },
            Block::Paragraph {
                text: None,
                spans: vec![
                    Span {
                        text: "Premier ".into(),
                        href: None,
                        em: false,
                        strong: false,
                    },
                    Span {
                        text: "paragraphe.".into(),
                        href: None,
                        em: true,
                        strong: false,
                    },
                ],
            },
        ];
        assert_eq!(
            article_description(&summary(Some("Le chapeau.")), &body),
            "Le chapeau."
        );
        assert_eq!(
            article_description(&summary(None), &body),
            "Premier paragraphe."
        );
        assert_eq!(article_description(&summary(None), &[]), "Le titre");
    }

    #[test]
    fn locales_for_open_graph() {
        assert_eq!(og_locale("fr"), "fr_FR");
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("ar"), "ar_MA");
        assert_eq!(og_locale("en-GB"), "en_GB");
        assert_eq!(og_locale("ar-ma"), "ar_MA");
        assert_eq!(og_locale("es"), "es");
    }
}
