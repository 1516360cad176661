//! Checking a new comment against the site's limits, the same way in the app
//! (before sending) and in the server (before storing). What an error says
//! to the reader is `i18n::field_error`.
//!
//! Each field is trimmed, its line endings made `\n`, put in Normalization
//! Form C, and cleared of noncharacters and bidirectional controls (which
//! could make a name read as another); a name with nothing visible is
//! missing. Lengths count user-perceived characters (grapheme clusters), so
//! a family emoji is one. The rules are in `text`; the Unicode tables come
//! from the caller's platform ([`Tables`]).

use crate::contract::{CommentSettings, NewComment};
use crate::routes::is_valid_slug;
use crate::text::{self, has_visible, is_bidi_control, is_noncharacter, Tables};

/// A field of [`NewComment`] that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Author,
    Title,
    Body,
    ParentId,
}

impl Field {
    /// The field's name on the wire, as in the error's `field`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Author => "author",
            Field::Title => "title",
            Field::Body => "body",
            Field::ParentId => "parent_id",
        }
    }
}

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Required and empty (after trimming).
    Missing,
    /// Longer than `max` characters.
    TooLong { max: usize },
    /// Characters or a value that are not allowed.
    Invalid,
}

/// The first problem found in a new comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    /// The contract's error code: `too_long` or `invalid`.
    pub fn code(&self) -> &'static str {
        match self.problem {
            Problem::TooLong { .. } => "too_long",
            Problem::Missing | Problem::Invalid => "invalid",
        }
    }
}

/// Checks `c` against `limits` and returns it as it is stored: each field
/// cleaned as the module says, an empty title or parent as `None`. The
/// honeypot `website` is passed through untouched (the server decides what
/// to do).
pub fn validate_new_comment(
    c: &NewComment,
    limits: &CommentSettings,
    tables: &impl Tables,
) -> Result<NewComment, FieldError> {
    let author = single_line(Field::Author, &c.author, limits.max_author, tables)?;
    if !has_visible(&author) {
        return Err(missing(Field::Author));
    }
    let title = single_line(
        Field::Title,
        c.title.as_deref().unwrap_or(""),
        limits.max_title,
        tables,
    )?;
    let body = clean(&normalize_newlines(&c.body), tables);
    if !has_visible(&body) {
        return Err(missing(Field::Body));
    }
    if body
        .chars()
        .any(|ch| ch.is_control() && ch != '\n' && ch != '\t')
    {
        return Err(invalid(Field::Body));
    }
    check_length(Field::Body, &body, limits.max_body, tables)?;
    let parent_id = match c.parent_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) if is_valid_slug(id) => Some(id.to_owned()),
        Some(_) => return Err(invalid(Field::ParentId)),
    };
    Ok(NewComment {
        parent_id,
        author,
        title: has_visible(&title).then_some(title),
        body,
        website: c.website.clone(),
    })
}

/// `text` trimmed, in NFC, without noncharacters or bidi controls.
fn clean(text: &str, tables: &impl Tables) -> String {
    let kept: String = text::trim(text)
        .chars()
        .filter(|&ch| !is_noncharacter(ch) && !is_bidi_control(ch))
        .collect();
    tables.nfc(text::trim(&kept))
}

/// A cleaned one-line field: no control characters, at most `max`
/// characters.
fn single_line(
    field: Field,
    text: &str,
    max: usize,
    tables: &impl Tables,
) -> Result<String, FieldError> {
    let text = clean(text, tables);
    if text.chars().any(char::is_control) {
        return Err(invalid(field));
    }
    check_length(field, &text, max, tables)?;
    Ok(text)
}

fn check_length(
    field: Field,
    text: &str,
    max: usize,
    tables: &impl Tables,
) -> Result<(), FieldError> {
    if tables.graphemes(text) > max {
        Err(FieldError {
            field,
            problem: Problem::TooLong { max },
        })
    } else {
        Ok(())
    }
}

fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn missing(field: Field) -> FieldError {
    FieldError {
        field,
        problem: Problem::Missing,
    }
}

fn invalid(field: Field) -> FieldError {
    FieldError {
        field,
        problem: Problem::Invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::NativeTables;

    fn limits() -> CommentSettings {
        CommentSettings {
            max_author: 10,
            max_title: 12,
            max_body: 20,
            ..CommentSettings::default()
        }
    }

    fn comment(author: &str, title: Option<&str>, body: &str) -> NewComment {
        NewComment {
            author: author.to_owned(),
            title: title.map(str::to_owned),
            body: body.to_owned(),
            ..NewComment::default()
        }
    }

    fn error(c: &NewComment) -> FieldError {
        validate_new_comment(c, &limits(), &NativeTables).expect_err("should be rejected")
    }

    #[test]
    fn a_good_comment_comes_back_trimmed() {
        let c = NewComment {
            parent_id: Some(" c103 ".to_owned()),
            author: "  Nadia ".to_owned(),
            title: Some(" Merci ".to_owned()),
            body: "\n Bonjour\r\n\r\nà tous \n".to_owned(),
            website: String::new(),
        };
        let ok = validate_new_comment(&c, &limits(), &NativeTables).unwrap();
        assert_eq!(ok.author, "Nadia");
        assert_eq!(ok.title.as_deref(), Some("Merci"));
        assert_eq!(ok.body, "Bonjour\n\nà tous");
        assert_eq!(ok.parent_id.as_deref(), Some("c103"));
    }

    #[test]
    fn author_is_required() {
        for author in ["", "   ", "\t\n"] {
            let e = error(&comment(author, None, "texte"));
            assert_eq!(e, missing(Field::Author));
            assert_eq!(e.code(), "invalid");
            assert_eq!(e.field.name(), "author");
        }
    }

    #[test]
    fn body_is_required() {
        for body in ["", "  \r\n  "] {
            assert_eq!(error(&comment("Nadia", None, body)), missing(Field::Body));
        }
    }

    #[test]
    fn title_is_optional_and_empty_means_none() {
        for title in [None, Some(""), Some("   ")] {
            let ok =
                validate_new_comment(&comment("Nadia", title, "texte"), &limits(), &NativeTables)
                    .unwrap();
            assert_eq!(ok.title, None);
        }
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        // Each of these is 2 or 3 bytes in UTF-8 but one character.
        let author = "éééééééééé"; // 10 chars, 20 bytes
        let title = "مرحبامرحبامر"; // 12 chars
        let body = "€".repeat(20); // 20 chars, 60 bytes
        let ok = validate_new_comment(
            &comment(author, Some(title), &body),
            &limits(),
            &NativeTables,
        );
        assert!(ok.is_ok(), "{ok:?}");

        let e = error(&comment(&format!("{author}é"), None, "x"));
        assert_eq!(
            (e.field, e.problem),
            (Field::Author, Problem::TooLong { max: 10 })
        );
        assert_eq!(e.code(), "too_long");

        let e = error(&comment("Nadia", Some(&format!("{title}ا")), "x"));
        assert_eq!(
            (e.field, e.problem),
            (Field::Title, Problem::TooLong { max: 12 })
        );

        let e = error(&comment("Nadia", None, &format!("{body}€")));
        assert_eq!(
            (e.field, e.problem),
            (Field::Body, Problem::TooLong { max: 20 })
        );
    }

    #[test]
    fn emoji_count_as_one_character_each() {
        let body = "😀".repeat(20);
        assert!(validate_new_comment(&comment("N", None, &body), &limits(), &NativeTables).is_ok());
        let body = "😀".repeat(21);
        assert_eq!(error(&comment("N", None, &body)).field, Field::Body);
    }

    #[test]
    fn surrounding_whitespace_does_not_count() {
        let body = format!("   {}   ", "a".repeat(20));
        assert!(validate_new_comment(&comment("N", None, &body), &limits(), &NativeTables).is_ok());
    }

    #[test]
    fn control_characters_are_invalid() {
        assert_eq!(
            error(&comment("Na\ndia", None, "x")),
            invalid(Field::Author)
        );
        assert_eq!(
            error(&comment("N", Some("a\u{0}b"), "x")),
            invalid(Field::Title)
        );
        assert_eq!(error(&comment("N", None, "a\u{7}b")), invalid(Field::Body));
        // Newlines and tabs are fine in a body.
        assert!(
            validate_new_comment(&comment("N", None, "a\n\tb"), &limits(), &NativeTables).is_ok()
        );
    }

    #[test]
    fn parent_id_must_be_a_slug() {
        let mut c = comment("N", None, "x");
        for bad in ["../c1", "-c1", "c 1", "é", &"a".repeat(129)] {
            c.parent_id = Some(bad.to_owned());
            let e = error(&c);
            assert_eq!(e, invalid(Field::ParentId), "{bad}");
            assert_eq!(e.field.name(), "parent_id");
        }
        c.parent_id = Some(String::new());
        assert_eq!(
            validate_new_comment(&c, &limits(), &NativeTables)
                .unwrap()
                .parent_id,
            None
        );
    }

    #[test]
    fn honeypot_is_passed_through() {
        let mut c = comment("N", None, "x");
        c.website = "http://spam.example".to_owned();
        assert_eq!(
            validate_new_comment(&c, &limits(), &NativeTables)
                .unwrap()
                .website,
            c.website
        );
    }

    #[test]
    fn ten_family_emoji_are_ten_characters() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
        let ok = validate_new_comment(
            &comment(&family.repeat(10), None, "x"),
            &limits(),
            &NativeTables,
        );
        assert_eq!(ok.map(|c| c.author), Ok(family.repeat(10)));
        let e = error(&comment(&family.repeat(11), None, "x"));
        assert_eq!(
            (e.field, e.problem),
            (Field::Author, Problem::TooLong { max: 10 })
        );
    }

    #[test]
    fn text_is_stored_composed() {
        let ok = validate_new_comment(
            &comment("Rene\u{0301}e", Some("cafe\u{0301}"), "e\u{0301}te\u{0301}"),
            &limits(),
            &NativeTables,
        )
        .unwrap();
        assert_eq!(
            (ok.author.as_str(), ok.title.as_deref(), ok.body.as_str()),
            ("Renée", Some("café"), "été")
        );
    }

    #[test]
    fn a_name_with_nothing_visible_is_missing() {
        for author in [
            "\u{200B}\u{200B}",
            "\u{FEFF}",
            "\u{3164}",
            "\u{200D}\u{FE0F}",
            "\u{202E}",
            "\u{FFFE}",
        ] {
            assert_eq!(
                error(&comment(author, None, "texte")),
                missing(Field::Author),
                "{author:?}"
            );
        }
        assert_eq!(
            error(&comment("N", None, "\u{200B} \u{FEFF}")),
            missing(Field::Body)
        );
        let ok = validate_new_comment(
            &comment("N", Some("\u{200B}"), "x"),
            &limits(),
            &NativeTables,
        )
        .unwrap();
        assert_eq!(ok.title, None);
    }

    #[test]
    fn bidi_controls_and_noncharacters_are_taken_out() {
        let ok = validate_new_comment(
            &comment(
                "Nad\u{202E}ia",
                Some("\u{2067}Titre\u{2069}"),
                "un\u{FFFE} texte\u{FDD0}",
            ),
            &limits(),
            &NativeTables,
        )
        .unwrap();
        assert_eq!(ok.author, "Nadia");
        assert_eq!(ok.title.as_deref(), Some("Titre"));
        assert_eq!(ok.body, "un texte");
        // The marks that Arabic and Hebrew text needs stay.
        let ok = validate_new_comment(
            &comment("N\u{200F}", None, "x\u{200E}"),
            &limits(),
            &NativeTables,
        )
        .unwrap();
        assert_eq!(
            (ok.author.as_str(), ok.body.as_str()),
            ("N\u{200F}", "x\u{200E}")
        );
    }
}
