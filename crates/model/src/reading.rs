//! Reading time: words per minute per language plus time for images, the
//! way Medium and Ghost count them.

use crate::contract::{Article, Block};
use crate::lang::Lang;

/// Silent-reading speeds. French and English from the product brief
/// (calibrated: a French article of about 410 words reads in 2 minutes);
/// Arabic from Brysbaert's 2019 meta-analysis (138 words per minute).
pub fn words_per_minute(lang: Lang) -> u32 {
    match lang {
        Lang::Fr => 230,
        Lang::En => 238,
        Lang::Ar => 138,
    }
}

/// French elided articles and pronouns: `l'article` is two words.
const ELISIONS: [&str; 12] = [
    "l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu",
];

/// Counts words in any script: a whitespace-separated token is a word when it
/// holds at least one letter or digit (Arabic included); a French elision
/// (`l'`, `qu'`, … with `'` or `’`) before a word adds one more.
pub fn count_words(text: &str) -> u32 {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .map(|token| 1 + u32::from(starts_with_elision(token)))
        .sum()
}

fn starts_with_elision(token: &str) -> bool {
    let Some((head, tail)) = token.split_once(['\'', '’']) else {
        return false;
    };
    let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
    ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(head))
        && tail.chars().next().is_some_and(char::is_alphanumeric)
}

/// Seconds for `images` images: 12 s for the first, one second less for
/// each next one, never below 3 s.
pub fn image_seconds(images: u32) -> u32 {
    (0..images).map(|i| 12u32.saturating_sub(i).max(3)).sum()
}

/// Minutes to read `words` words and look at `images` images in `lang`,
/// rounded to the nearest minute, never below 1.
pub fn reading_minutes(words: u32, images: u32, lang: Lang) -> u32 {
    let seconds = f64::from(words) * 60.0 / f64::from(words_per_minute(lang))
        + f64::from(image_seconds(images));
    ((seconds / 60.0).round() as u32).max(1)
}

/// Words and images of an article's body (the hero image counts as an image).
pub fn article_words_and_images(article: &Article) -> (u32, u32) {
    let mut words = 0;
    let mut images = u32::from(article.summary.image.is_some());
    for block in &article.content.body {
        match block {
            Block::Paragraph { text, spans } => {
                words += text.as_deref().map_or(0, count_words);
                words += spans.iter().map(|s| count_words(&s.text)).sum::<u32>();
            }
            Block::Heading { text } => words += count_words(text),
            Block::Quote { text, cite } => {
                words += count_words(text) + cite.as_deref().map_or(0, count_words)
            }
            Block::Image { caption, .. } => {
                images += 1;
                words += caption.as_deref().map_or(0, count_words);
            }
            Block::List { items, .. } => words += items.iter().map(|i| count_words(i)).sum::<u32>(),
            Block::Unknown => {}
        }
    }
    (words, images)
}

/// The reading time of a whole article, in its own language.
pub fn article_reading_minutes(article: &Article) -> u32 {
    let (words, images) = article_words_and_images(article);
    reading_minutes(
        words,
        images,
        Lang::from_tag_or_default(&article.summary.lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_latin_words() {
        assert_eq!(count_words("The tram reaches the harbour."), 5);
        assert_eq!(count_words("  spaced\tout\nlines  "), 3);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words(" — , . ! "), 0, "punctuation alone is no word");
        assert_eq!(count_words("2026 : 14 km"), 3);
    }

    #[test]
    fn counts_french_elisions_as_two_words() {
        assert_eq!(count_words("l'article"), 2);
        assert_eq!(count_words("L’eau d'Essaouira qu'on aime"), 7);
        assert_eq!(count_words("jusqu'à lorsqu'il puisqu'elle"), 6);
        assert_eq!(count_words("aujourd'hui"), 1, "not an elision");
        assert_eq!(count_words("l'"), 1, "an apostrophe with nothing after");
        assert_eq!(count_words("« l'été »"), 2);
    }

    #[test]
    fn counts_arabic_words() {
        assert_eq!(count_words("افتتحت المكتبة البلدية أبوابها من جديد"), 6);
        assert_eq!(count_words("مرحبا، بالعالم!"), 2);
        assert_eq!(count_words("٢٠٢٦ سنة"), 2);
    }

    #[test]
    fn calibrated_on_the_source_site() {
        // The French page this product grew from shows 2 minutes for ~410 words.
        assert_eq!(reading_minutes(410, 0, Lang::Fr), 2);
        assert_eq!(reading_minutes(230, 0, Lang::Fr), 1);
        assert_eq!(reading_minutes(238 * 5, 0, Lang::En), 5);
        assert_eq!(reading_minutes(138 * 3, 0, Lang::Ar), 3);
        // Arabic reads slower: the same word count takes longer.
        assert!(reading_minutes(1000, 0, Lang::Ar) > reading_minutes(1000, 0, Lang::Fr));
    }

    #[test]
    fn never_below_one_minute() {
        assert_eq!(reading_minutes(0, 0, Lang::Fr), 1);
        assert_eq!(reading_minutes(10, 0, Lang::En), 1);
    }

    #[test]
    fn images_count_like_medium() {
        assert_eq!(image_seconds(0), 0);
        assert_eq!(image_seconds(1), 12);
        assert_eq!(image_seconds(2), 23);
        assert_eq!(image_seconds(10), (3..=12).sum::<u32>());
        assert_eq!(image_seconds(12), (3..=12).sum::<u32>() + 3 + 3);
        // 300 French words (78 s) + 10 images (75 s) = 153 s, rounds to 3 min.
        assert_eq!(reading_minutes(300, 10, Lang::Fr), 3);
        assert_eq!(reading_minutes(300, 0, Lang::Fr), 1);
    }
}
