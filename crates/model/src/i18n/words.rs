//! Worded strings with numbers or names, in every language: plurals,
//! counts, labels that name someone.

use crate::lang::Lang;
use crate::plural::{plural_category, Plural};

/// "Temps de lecture : 2 min", "2 min read", "مدة القراءة: دقيقتان".
pub fn reading_time(minutes: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Temps de lecture : {minutes} min"),
        Lang::En => format!("{minutes} min read"),
        Lang::Ar => match plural_category(u64::from(minutes), lang) {
            Plural::One => "مدة القراءة: دقيقة واحدة".to_owned(),
            Plural::Two => "مدة القراءة: دقيقتان".to_owned(),
            Plural::Few => format!("مدة القراءة: {minutes} دقائق"),
            _ => format!("مدة القراءة: {minutes} دقيقة"),
        },
    }
}

/// "1 commentaire", "2 commentaires", "3 تعليقات".
pub fn comment_count(n: u32, lang: Lang) -> String {
    match (lang, plural_category(u64::from(n), lang)) {
        (Lang::Fr, Plural::One) => format!("{n} commentaire"),
        (Lang::Fr, _) => format!("{n} commentaires"),
        (Lang::En, Plural::One) => format!("{n} comment"),
        (Lang::En, _) => format!("{n} comments"),
        (Lang::Ar, Plural::Zero) => "لا تعليقات".to_owned(),
        (Lang::Ar, Plural::One) => "تعليق واحد".to_owned(),
        (Lang::Ar, Plural::Two) => "تعليقان".to_owned(),
        (Lang::Ar, Plural::Few) => format!("{n} تعليقات"),
        (Lang::Ar, _) => format!("{n} تعليقا"),
    }
}

/// "3 réponses", "1 reply", "ردّان".
pub fn reply_count(n: usize, lang: Lang) -> String {
    let n64 = n as u64;
    match (lang, plural_category(n64, lang)) {
        (Lang::Fr, Plural::One) => format!("{n} réponse"),
        (Lang::Fr, _) => format!("{n} réponses"),
        (Lang::En, Plural::One) => format!("{n} reply"),
        (Lang::En, _) => format!("{n} replies"),
        (Lang::Ar, Plural::Zero) => "لا ردود".to_owned(),
        (Lang::Ar, Plural::One) => "ردّ واحد".to_owned(),
        (Lang::Ar, Plural::Two) => "ردّان".to_owned(),
        (Lang::Ar, Plural::Few) => format!("{n} ردود"),
        (Lang::Ar, _) => format!("{n} ردّا"),
    }
}

/// The label of a collapsed comment's button: "Afficher 3 réponses masquées".
pub fn expand_replies(n: usize, lang: Lang) -> String {
    let count = reply_count(n, lang);
    match lang {
        Lang::Fr if n <= 1 => format!("Afficher {count} masquée"),
        Lang::Fr => format!("Afficher {count} masquées"),
        Lang::En => format!("Show {count} hidden"),
        Lang::Ar => format!("إظهار المخفي: {count}"),
    }
}

/// "Afficher 4 autres réponses".
pub fn more_replies(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Afficher {} de plus", reply_count(n, lang)),
        Lang::En if n == 1 => "Show 1 more reply".to_owned(),
        Lang::En => format!("Show {n} more replies"),
        Lang::Ar => format!("عرض المزيد: {}", reply_count(n, lang)),
    }
}

/// A comment's accessible name: its author, and its depth when it is a reply.
pub fn comment_label(author: &str, depth: usize, lang: Lang) -> String {
    let level = depth + 1;
    match (lang, depth) {
        (Lang::Fr, 0) => format!("Commentaire de {author}"),
        (Lang::Fr, _) => format!("Réponse de {author}, niveau {level}"),
        (Lang::En, 0) => format!("Comment by {author}"),
        (Lang::En, _) => format!("Reply by {author}, level {level}"),
        (Lang::Ar, 0) => format!("تعليق من {author}"),
        (Lang::Ar, _) => format!("ردّ من {author}، المستوى {level}"),
    }
}

/// "Trop d’envois rapprochés : réessayez dans 30 s."
pub fn rate_limited(seconds: u64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Trop d’envois rapprochés : réessayez dans {seconds} s. Votre texte est conservé."
        ),
        Lang::En => {
            format!("Too many posts in a row: try again in {seconds} s. Your text is kept.")
        }
        Lang::Ar => format!("محاولات إرسال كثيرة متتالية: أعد المحاولة بعد {seconds} ث. نصّك محفوظ."),
    }
}

/// The live count under the comment field: "120 / 4000 caractères".
pub fn char_count(used: usize, max: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{used} / {max} caractères"),
        Lang::En => format!("{used} / {max} characters"),
        Lang::Ar => format!("{used} / {max} حرفا"),
    }
}

/// A share link's accessible name: "Partager sur X", "Envoyer par e-mail".
pub fn share_on(network: &str, email: bool, lang: Lang) -> String {
    match (lang, email) {
        (Lang::Fr, true) => "Envoyer par e-mail".to_owned(),
        (Lang::En, true) => "Send by e-mail".to_owned(),
        (Lang::Ar, true) => "الإرسال بالبريد الإلكتروني".to_owned(),
        (Lang::Fr, false) => format!("Partager sur {network}"),
        (Lang::En, false) => format!("Share on {network}"),
        (Lang::Ar, false) => format!("المشاركة على {network}"),
    }
}

/// The accessible name of an inline reply form: "Répondre à Nadia".
pub fn reply_to(author: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Répondre à {author}"),
        Lang::En => format!("Reply to {author}"),
        Lang::Ar => format!("الردّ على {author}"),
    }
}

/// The error state's detail for an HTTP status: "Le serveur a répondu par une erreur (503)."
pub fn server_error(status: u16, lang: Lang) -> String {
    format!("{} ({status}).", super::strings(lang).error_server)
}

/// The collapse button of a comment with replies: "Replier (3 réponses)".
pub fn collapse_replies(n: usize, lang: Lang) -> String {
    format!(
        "{} ({})",
        super::strings(lang).collapse,
        reply_count(n, lang)
    )
}

/// A thread page's own title: "Commentaires : {article title}".
pub fn thread_title(article_title: &str, lang: Lang) -> String {
    let heading = super::strings(lang).comments_heading;
    if article_title.is_empty() {
        heading.to_owned()
    } else {
        format!("{heading} : {article_title}")
    }
}

/// The name of each interface language, in that language.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Français",
        Lang::En => "English",
        Lang::Ar => "العربية",
    }
}

/// A page's document title: "Culture — La Gazette".
pub fn page_title(page: &str, site: &str) -> String {
    if page.is_empty() {
        site.to_owned()
    } else {
        format!("{page} — {site}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_wording() {
        assert_eq!(reading_time(2, Lang::Fr), "Temps de lecture : 2 min");
        assert_eq!(reading_time(2, Lang::En), "2 min read");
        assert_eq!(reading_time(1, Lang::Ar), "مدة القراءة: دقيقة واحدة");
        assert_eq!(reading_time(2, Lang::Ar), "مدة القراءة: دقيقتان");
        assert_eq!(reading_time(5, Lang::Ar), "مدة القراءة: 5 دقائق");
        assert_eq!(reading_time(12, Lang::Ar), "مدة القراءة: 12 دقيقة");
    }

    #[test]
    fn comment_counts_use_plural_rules() {
        assert_eq!(comment_count(0, Lang::Fr), "0 commentaire");
        assert_eq!(comment_count(1, Lang::Fr), "1 commentaire");
        assert_eq!(comment_count(2, Lang::Fr), "2 commentaires");
        assert_eq!(comment_count(1, Lang::En), "1 comment");
        assert_eq!(comment_count(0, Lang::En), "0 comments");
        assert_eq!(comment_count(0, Lang::Ar), "لا تعليقات");
        assert_eq!(comment_count(2, Lang::Ar), "تعليقان");
        assert_eq!(comment_count(4, Lang::Ar), "4 تعليقات");
        assert_eq!(comment_count(25, Lang::Ar), "25 تعليقا");
    }

    #[test]
    fn thread_wording() {
        assert_eq!(reply_count(1, Lang::Fr), "1 réponse");
        assert_eq!(reply_count(3, Lang::Fr), "3 réponses");
        assert_eq!(reply_count(2, Lang::Ar), "ردّان");
        assert_eq!(expand_replies(3, Lang::Fr), "Afficher 3 réponses masquées");
        assert_eq!(more_replies(1, Lang::En), "Show 1 more reply");
        assert_eq!(more_replies(4, Lang::Fr), "Afficher 4 réponses de plus");
        assert_eq!(
            comment_label("magic91", 0, Lang::Fr),
            "Commentaire de magic91"
        );
        assert_eq!(
            comment_label("magic91", 2, Lang::En),
            "Reply by magic91, level 3"
        );
    }

    #[test]
    fn worded_labels() {
        assert_eq!(
            server_error(503, Lang::Fr),
            "Le serveur a répondu par une erreur (503)."
        );
        assert_eq!(collapse_replies(3, Lang::Fr), "Replier (3 réponses)");
        assert_eq!(thread_title("Eau", Lang::Fr), "Commentaires : Eau");
        assert_eq!(thread_title("", Lang::En), "Comments");
    }

    #[test]
    fn titles_name_the_page_then_the_site() {
        assert_eq!(page_title("Culture", "La Gazette"), "Culture — La Gazette");
        assert_eq!(page_title("", "La Gazette"), "La Gazette");
    }
}
