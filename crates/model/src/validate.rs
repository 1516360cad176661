//! Checking a new comment against the site's limits, the same way in the app
//! (before sending) and in the server (before storing). What an error says
//! to the reader is `i18n::field_error`.
//!
//! Lengths are counted in Unicode scalar values (`char`s), after trimming and
//! after line endings are normalized to `\n`.

use crate::contract::{CommentSettings, NewComment};
use crate::routes::is_valid_slug;

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

/// Checks `c` against `limits` and returns it trimmed and normalized: line
/// endings as `\n`, an empty title or parent as `None`. The honeypot
/// `website` is passed through untouched (the server decides what to do).
pub fn validate_new_comment(
    c: &NewComment,
    limits: &CommentSettings,
) -> Result<NewComment, FieldError> {
    let author = single_line(Field::Author, &c.author, limits.max_author)?;
    if author.is_empty() {
        return Err(missing(Field::Author));
    }
    let title = single_line(
        Field::Title,
        c.title.as_deref().unwrap_or(""),
        limits.max_title,
    )?;
    let body = normalize_newlines(c.body.trim());
    let body = body.trim().to_owned();
    if body.is_empty() {
        return Err(missing(Field::Body));
    }
    if body
        .chars()
        .any(|ch| ch.is_control() && ch != '\n' && ch != '\t')
    {
        return Err(invalid(Field::Body));
    }
    check_length(Field::Body, &body, limits.max_body)?;
    let parent_id = match c.parent_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) if is_valid_slug(id) => Some(id.to_owned()),
        Some(_) => return Err(invalid(Field::ParentId)),
    };
    Ok(NewComment {
        parent_id,
        author,
        title: (!title.is_empty()).then_some(title),
        body,
        website: c.website.clone(),
    })
}

/// A trimmed one-line field: no control characters, at most `max` chars.
fn single_line(field: Field, text: &str, max: usize) -> Result<String, FieldError> {
    let text = text.trim();
    if text.chars().any(char::is_control) {
        return Err(invalid(field));
    }
    check_length(field, text, max)?;
    Ok(text.to_owned())
}

fn check_length(field: Field, text: &str, max: usize) -> Result<(), FieldError> {
    if text.chars().count() > max {
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
        validate_new_comment(c, &limits()).expect_err("should be rejected")
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
        let ok = validate_new_comment(&c, &limits()).unwrap();
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
            let ok = validate_new_comment(&comment("Nadia", title, "texte"), &limits()).unwrap();
            assert_eq!(ok.title, None);
        }
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        // Each of these is 2 or 3 bytes in UTF-8 but one character.
        let author = "éééééééééé"; // 10 chars, 20 bytes
        let title = "مرحبامرحبامر"; // 12 chars
        let body = "€".repeat(20); // 20 chars, 60 bytes
        let ok = validate_new_comment(&comment(author, Some(title), &body), &limits());
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
        assert!(validate_new_comment(&comment("N", None, &body), &limits()).is_ok());
        let body = "😀".repeat(21);
        assert_eq!(error(&comment("N", None, &body)).field, Field::Body);
    }

    #[test]
    fn surrounding_whitespace_does_not_count() {
        let body = format!("   {}   ", "a".repeat(20));
        assert!(validate_new_comment(&comment("N", None, &body), &limits()).is_ok());
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
        assert!(validate_new_comment(&comment("N", None, "a\n\tb"), &limits()).is_ok());
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
        assert_eq!(validate_new_comment(&c, &limits()).unwrap().parent_id, None);
    }

    #[test]
    fn honeypot_is_passed_through() {
        let mut c = comment("N", None, "x");
        c.website = "http://spam.example".to_owned();
        assert_eq!(
            validate_new_comment(&c, &limits()).unwrap().website,
            c.website
        );
    }
}
