//! What a comment's text may hold, the same in the app and the server.
//!
//! The rules are here; the Unicode tables they need (NFC and grapheme
//! clusters) come from the platform through [`Tables`]: on the server (and in
//! native tests) the `unicode-normalization` and `unicode-segmentation`
//! crates ([`NativeTables`]), in the browser its own `String.normalize` and
//! `Intl.Segmenter` (the app's `browser::text`), so the app does not carry
//! tables the browser already has.

/// Unicode data a platform supplies.
pub trait Tables {
    /// `text` in Normalization Form C.
    fn nfc(&self, text: &str) -> String;
    /// User-perceived characters (extended grapheme clusters) in `text`.
    fn graphemes(&self, text: &str) -> usize;
}

/// The tables of the `unicode-normalization` and `unicode-segmentation`
/// crates (everywhere but in wasm).
#[cfg(not(target_arch = "wasm32"))]
pub struct NativeTables;

#[cfg(not(target_arch = "wasm32"))]
impl Tables for NativeTables {
    fn nfc(&self, text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        text.nfc().collect()
    }

    fn graphemes(&self, text: &str) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        text.graphemes(true).count()
    }
}

/// A Unicode noncharacter (U+FDD0–U+FDEF, and the last two code points of
/// every plane, U+FFFE and U+FFFF among them): never meant for interchange.
pub fn is_noncharacter(ch: char) -> bool {
    let c = ch as u32;
    (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

/// A bidirectional embedding, override or isolate (U+202A–U+202E,
/// U+2066–U+2069): it reorders the text after it, so an author name could
/// read as someone else's. The marks LRM, RLM and ALM stay allowed.
pub fn is_bidi_control(ch: char) -> bool {
    matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that draw nothing on their own: white space, and Unicode's
/// default-ignorable code points (zero-width spaces and joiners, the byte
/// order mark, variation selectors, Hangul fillers, invisible operators,
/// tags), with the braille blank that renders as a space.
pub fn is_invisible(ch: char) -> bool {
    ch.is_whitespace()
        || ch.is_control()
        || matches!(
            ch,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Whether `text` has at least one character that shows.
pub fn has_visible(text: &str) -> bool {
    text.chars()
        .any(|ch| !is_invisible(ch) && !is_noncharacter(ch))
}

/// `text` without the white space and zero-width spaces around it (a byte
/// order mark pasted in front, say). Variation selectors and joiners are
/// kept: they belong to the emoji before them.
pub fn trim(text: &str) -> &str {
    text.trim_matches(|ch: char| {
        ch.is_whitespace() || matches!(ch, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noncharacters_of_every_plane() {
        for c in [
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{FDD0}',
            '\u{FDEF}',
            '\u{1FFFE}',
            '\u{10FFFF}',
        ] {
            assert!(is_noncharacter(c), "{:X}", c as u32);
        }
        for c in ['a', '\u{FDCF}', '\u{FDF0}', '\u{FFFD}', '\u{FEFF}', 'ش'] {
            assert!(!is_noncharacter(c), "{:X}", c as u32);
        }
    }

    #[test]
    fn overrides_and_isolates_are_bidi_controls_marks_are_not() {
        for c in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            assert!(is_bidi_control(c));
        }
        for c in ['\u{200E}', '\u{200F}', '\u{061C}', 'a'] {
            assert!(!is_bidi_control(c));
        }
    }

    #[test]
    fn nothing_visible_in_zero_width_or_filler_text() {
        for text in [
            "",
            " \t",
            "\u{200B}\u{200B}",
            "\u{FEFF}",
            "\u{3164}\u{3164}",
            "\u{2800}",
            "\u{FFFE}",
            "\u{200D}\u{FE0F}",
        ] {
            assert!(!has_visible(text), "{text:?}");
        }
        for text in ["a", "\u{200B}x", "نادية", "😀", "\u{0301}é"] {
            assert!(has_visible(text), "{text:?}");
        }
    }

    #[test]
    fn trimming_keeps_what_belongs_to_an_emoji() {
        assert_eq!(trim("\u{FEFF} Nadia \u{200B}"), "Nadia");
        assert_eq!(trim("❤\u{FE0F}"), "❤\u{FE0F}");
    }

    #[test]
    fn native_tables_compose_and_count_what_readers_see() {
        assert_eq!(NativeTables.nfc("e\u{0301}"), "é");
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
        assert_eq!(family.chars().count(), 7);
        assert_eq!(NativeTables.graphemes(&family.repeat(10)), 10);
        assert_eq!(NativeTables.graphemes("🇲🇦🇫🇷"), 2);
        assert_eq!(NativeTables.graphemes("مرحبا"), 5);
    }
}
