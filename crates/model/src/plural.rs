//! CLDR plural categories for the interface languages.

use crate::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// The CLDR cardinal category of a whole number `n` in `lang`.
pub fn plural_category(n: u64, lang: Lang) -> Plural {
    match lang {
        // French: 0 and 1 are singular ("0 commentaire", "1 commentaire").
        Lang::Fr if n <= 1 => Plural::One,
        Lang::En if n == 1 => Plural::One,
        Lang::Fr | Lang::En => Plural::Other,
        Lang::Ar => match (n, n % 100) {
            (0, _) => Plural::Zero,
            (1, _) => Plural::One,
            (2, _) => Plural::Two,
            (_, 3..=10) => Plural::Few,
            (_, 11..=99) => Plural::Many,
            _ => Plural::Other,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_treats_zero_and_one_as_singular() {
        assert_eq!(plural_category(0, Lang::Fr), Plural::One);
        assert_eq!(plural_category(1, Lang::Fr), Plural::One);
        assert_eq!(plural_category(2, Lang::Fr), Plural::Other);
    }

    #[test]
    fn english_has_one_and_other() {
        assert_eq!(plural_category(0, Lang::En), Plural::Other);
        assert_eq!(plural_category(1, Lang::En), Plural::One);
        assert_eq!(plural_category(21, Lang::En), Plural::Other);
    }

    #[test]
    fn arabic_has_six_forms() {
        let cases = [
            (0, Plural::Zero),
            (1, Plural::One),
            (2, Plural::Two),
            (3, Plural::Few),
            (10, Plural::Few),
            (11, Plural::Many),
            (99, Plural::Many),
            (100, Plural::Other),
            (102, Plural::Other),
            (103, Plural::Few),
            (111, Plural::Many),
        ];
        for (n, category) in cases {
            assert_eq!(plural_category(n, Lang::Ar), category, "{n}");
        }
    }
}
