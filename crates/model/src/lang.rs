//! Languages: the three the interface speaks, and text direction for any tag.

/// A language the interface and the date wording are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];

    /// The interface language for a BCP 47 tag; `None` for one it does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match primary_subtag(tag).as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// Like [`Lang::from_tag`], falling back to French, the site's own language.
    pub fn from_tag_or_default(tag: &str) -> Lang {
        Lang::from_tag(tag).unwrap_or(Lang::Fr)
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn dir(self) -> &'static str {
        dir_of(self.tag())
    }
}

fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// `"rtl"` for the right-to-left languages of the contract (ar, he, fa, ur), else `"ltr"`.
pub fn dir_of(tag: &str) -> &'static str {
    match primary_subtag(tag).as_str() {
        "ar" | "he" | "fa" | "ur" => "rtl",
        _ => "ltr",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_follows_the_primary_subtag() {
        assert_eq!(dir_of("ar"), "rtl");
        assert_eq!(dir_of("ar-MA"), "rtl");
        assert_eq!(dir_of("HE"), "rtl");
        assert_eq!(dir_of("fa_IR"), "rtl");
        assert_eq!(dir_of("fr"), "ltr");
        assert_eq!(dir_of("en-GB"), "ltr");
        assert_eq!(dir_of(""), "ltr");
    }

    #[test]
    fn interface_languages_from_tags() {
        assert_eq!(Lang::from_tag("fr-MA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en"), Some(Lang::En));
        assert_eq!(Lang::from_tag("ar"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag_or_default("de"), Lang::Fr);
    }
}
