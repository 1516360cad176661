//! What a field error of a new comment says, in every language: the same
//! sentence in the app (before sending) and in the server's answer.

use super::strings;
use crate::lang::Lang;
use crate::plural::{plural_category, Plural};
use crate::validate::{Field, FieldError, Problem};

/// A sentence for the reader about `error`, in `lang`.
pub fn field_error(error: &FieldError, lang: Lang) -> String {
    let s = strings(lang);
    let noun = match error.field {
        Field::ParentId => return s.parent_not_found.to_owned(),
        Field::Author => s.noun_author,
        Field::Title => s.noun_title,
        Field::Body => s.noun_body,
    };
    match (error.problem, lang) {
        (Problem::Missing, Lang::Fr) => format!("{} est obligatoire.", capitalize(noun)),
        (Problem::Missing, Lang::En) => format!("{} is required.", capitalize(noun)),
        (Problem::Missing, Lang::Ar) => format!("{noun} مطلوب."),
        (Problem::TooLong { max }, Lang::Fr) => format!(
            "{} ne peut pas dépasser {max} {}.",
            capitalize(noun),
            if max <= 1 {
                "caractère"
            } else {
                "caractères"
            }
        ),
        (Problem::TooLong { max }, Lang::En) => format!(
            "{} cannot be longer than {max} {}.",
            capitalize(noun),
            if max == 1 { "character" } else { "characters" }
        ),
        (Problem::TooLong { max }, Lang::Ar) => {
            format!("لا يمكن أن يتجاوز {noun} {}.", arabic_chars(max))
        }
        (Problem::Invalid, Lang::Fr) => format!(
            "{} contient des caractères non autorisés.",
            capitalize(noun)
        ),
        (Problem::Invalid, Lang::En) => {
            format!(
                "{} contains characters that are not allowed.",
                capitalize(noun)
            )
        }
        (Problem::Invalid, Lang::Ar) => format!("يحتوي {noun} على أحرف غير مسموح بها."),
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "N characters" in Arabic, with the noun in the form the number asks for.
fn arabic_chars(n: usize) -> String {
    match plural_category(n as u64, Lang::Ar) {
        Plural::Zero => "0 حرف".to_owned(),
        Plural::One => "حرفًا واحدًا".to_owned(),
        Plural::Two => "حرفين".to_owned(),
        Plural::Few => format!("{n} أحرف"),
        Plural::Many => format!("{n} حرفًا"),
        Plural::Other => format!("{n} حرف"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(field: Field, problem: Problem) -> FieldError {
        FieldError { field, problem }
    }

    #[test]
    fn messages_speak_each_language() {
        let too_long = error(Field::Body, Problem::TooLong { max: 4000 });
        assert_eq!(
            field_error(&too_long, Lang::Fr),
            "Le message ne peut pas dépasser 4000 caractères."
        );
        assert_eq!(
            field_error(&too_long, Lang::En),
            "The message cannot be longer than 4000 characters."
        );
        assert_eq!(
            field_error(&too_long, Lang::Ar),
            "لا يمكن أن يتجاوز التعليق 4000 حرف."
        );
        let author = error(Field::Author, Problem::TooLong { max: 60 });
        assert_eq!(
            field_error(&author, Lang::Ar),
            "لا يمكن أن يتجاوز الاسم 60 حرفًا."
        );
        assert_eq!(
            field_error(&error(Field::Author, Problem::Missing), Lang::Fr),
            "Le nom est obligatoire."
        );
        assert_eq!(
            field_error(&error(Field::Body, Problem::Missing), Lang::En),
            "The message is required."
        );
        assert_eq!(
            field_error(&error(Field::ParentId, Problem::Invalid), Lang::En),
            "The comment you are replying to cannot be found."
        );
        for lang in Lang::ALL {
            for field in [Field::Author, Field::Title, Field::Body, Field::ParentId] {
                for problem in [
                    Problem::Missing,
                    Problem::Invalid,
                    Problem::TooLong { max: 1 },
                ] {
                    let m = field_error(&error(field, problem), lang);
                    assert!(m.len() > 5 && m.ends_with('.'), "{lang:?} {m}");
                }
            }
        }
    }
}
