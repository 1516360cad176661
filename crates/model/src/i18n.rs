//! Every interface string, once per language. A missing key in one
//! language is a compile error: each table is a value of the same struct.
//! Worded strings with numbers are functions here too, so components never
//! write text of their own.

use crate::lang::Lang;
use crate::plural::{plural_category, Plural};

pub struct Strings {
    pub skip_to_content: &'static str,
    pub menu: &'static str,
    pub sections_nav: &'static str,
    pub home: &'static str,
    pub front_heading: &'static str,
    pub load_more: &'static str,
    pub loading_more: &'static str,
    pub loading: &'static str,
    pub by: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub photo_credit: &'static str,
    pub tags: &'static str,
    pub related: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub error_title: &'static str,
    pub error_network: &'static str,
    pub error_server: &'static str,
    pub error_decode: &'static str,
    pub retry: &'static str,
    pub no_articles: &'static str,
    pub footer_nav: &'static str,
    pub comments_heading: &'static str,
    pub comments_empty: &'static str,
    pub comments_closed: &'static str,
    pub sort_label: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub sort_replies: &'static str,
    pub show_more_comments: &'static str,
    pub comment_deleted: &'static str,
    pub continue_thread: &'static str,
    pub whole_thread: &'static str,
    pub parent_comment: &'static str,
    pub back_to_article: &'static str,
    pub thread_of: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub collapse: &'static str,
    pub comment_not_found: &'static str,
    pub reply: &'static str,
    pub new_comment: &'static str,
    pub field_author: &'static str,
    pub field_author_hint: &'static str,
    pub field_title: &'static str,
    pub field_body: &'static str,
    pub field_body_hint: &'static str,
    pub honeypot: &'static str,
    pub send: &'static str,
    pub sending: &'static str,
    pub cancel: &'static str,
    pub send_failed: &'static str,
    pub retry_send: &'static str,
    pub sent: &'static str,
    pub sent_pending: &'static str,
    pub awaiting_moderation: &'static str,
    pub posting_off: &'static str,
    pub article_gone: &'static str,
    pub form_has_errors: &'static str,
    pub share: &'static str,
    pub share_device: &'static str,
    pub share_menu: &'static str,
    pub copy_fallback: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
}

pub static FR: Strings = Strings {
    skip_to_content: "Aller au contenu",
    menu: "Menu",
    sections_nav: "Rubriques",
    home: "Accueil",
    front_heading: "À la une",
    load_more: "Voir plus d’articles",
    loading_more: "Chargement des articles suivants…",
    loading: "Chargement…",
    by: "Par",
    published: "Publié le",
    updated: "Mis à jour le",
    photo_credit: "Crédit photo :",
    tags: "Mots-clés",
    related: "À lire aussi",
    not_found_title: "Page introuvable",
    not_found_body: "Cette adresse ne correspond à aucune page : l’article a peut-être été déplacé, ou le lien contient une faute de frappe.",
    back_home: "Retour à la une",
    error_title: "Le contenu n’a pas pu être chargé",
    error_network: "Le serveur ne répond pas. Vérifiez votre connexion.",
    error_server: "Le serveur a répondu par une erreur",
    error_decode: "Les données reçues sont illisibles.",
    retry: "Réessayer",
    no_articles: "Aucun article pour le moment.",
    footer_nav: "Liens du site",
    comments_heading: "Commentaires",
    comments_empty: "Soyez le premier à donner votre avis",
    comments_closed: "Les commentaires sont fermés pour cet article.",
    sort_label: "Trier les commentaires",
    sort_newest: "Les plus récents",
    sort_oldest: "Les plus anciens",
    sort_replies: "Les plus discutés",
    show_more_comments: "Afficher plus de commentaires",
    comment_deleted: "Commentaire supprimé",
    continue_thread: "Continuer cette discussion",
    whole_thread: "Voir toute la discussion",
    parent_comment: "Remonter au commentaire parent",
    back_to_article: "Retour à l’article",
    thread_of: "Discussion autour de l’article",
    copy_link: "Copier le lien",
    link_copied: "Lien copié",
    collapse: "Replier",
    comment_not_found: "Ce commentaire n’existe pas ou a été retiré.",
    reply: "Répondre",
    new_comment: "Donner votre avis",
    field_author: "Votre nom",
    field_author_hint: "Affiché avec votre commentaire et mémorisé sur cet appareil.",
    field_title: "Titre (facultatif)",
    field_body: "Votre commentaire",
    field_body_hint: "Texte simple : les liens http(s) deviennent cliquables. Votre brouillon est conservé sur cet appareil.",
    honeypot: "Ne remplissez pas ce champ",
    send: "Publier",
    sending: "Envoi en cours…",
    cancel: "Annuler",
    send_failed: "Non envoyé : votre texte est conservé.",
    retry_send: "Réessayer l’envoi",
    sent: "Votre commentaire est publié.",
    sent_pending: "Votre commentaire est enregistré et attend la modération.",
    awaiting_moderation: "En attente de modération",
    posting_off: "Les commentaires sont en lecture seule sur ce site.",
    article_gone: "Cet article n’existe plus : votre texte est conservé.",
    form_has_errors: "Le commentaire n’a pas été envoyé : corrigez les champs signalés.",
    share: "Partager",
    share_device: "Partager avec une application…",
    share_menu: "Options de partage",
    copy_fallback: "Le presse-papiers est indisponible : copiez ce lien.",
    language: "Langue",
    theme: "Thème",
    theme_auto: "Automatique",
    theme_light: "Clair",
    theme_dark: "Sombre",
};

pub static EN: Strings = Strings {
    skip_to_content: "Skip to content",
    menu: "Menu",
    sections_nav: "Sections",
    home: "Home",
    front_heading: "Top stories",
    load_more: "Load more articles",
    loading_more: "Loading more articles…",
    loading: "Loading…",
    by: "By",
    published: "Published",
    updated: "Updated",
    photo_credit: "Photo:",
    tags: "Tags",
    related: "Related articles",
    not_found_title: "Page not found",
    not_found_body: "No page lives at this address: the article may have moved, or the link may hold a typo.",
    back_home: "Back to the front page",
    error_title: "This content could not be loaded",
    error_network: "The server is not answering. Check your connection.",
    error_server: "The server answered with an error",
    error_decode: "The data received could not be read.",
    retry: "Try again",
    no_articles: "No articles yet.",
    footer_nav: "Site links",
    comments_heading: "Comments",
    comments_empty: "Be the first to share your view",
    comments_closed: "Comments are closed for this article.",
    sort_label: "Sort comments",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    sort_replies: "Most replies",
    show_more_comments: "Show more comments",
    comment_deleted: "Comment deleted",
    continue_thread: "Continue this thread",
    whole_thread: "View the whole thread",
    parent_comment: "Up to the parent comment",
    back_to_article: "Back to the article",
    thread_of: "Discussion of the article",
    copy_link: "Copy link",
    link_copied: "Link copied",
    collapse: "Collapse",
    comment_not_found: "This comment does not exist or was removed.",
    reply: "Reply",
    new_comment: "Join the discussion",
    field_author: "Your name",
    field_author_hint: "Shown with your comment and remembered on this device.",
    field_title: "Title (optional)",
    field_body: "Your comment",
    field_body_hint: "Plain text: http(s) links become clickable. Your draft is kept on this device.",
    honeypot: "Leave this field empty",
    send: "Post",
    sending: "Sending…",
    cancel: "Cancel",
    send_failed: "Not sent: your text is kept.",
    retry_send: "Try sending again",
    sent: "Your comment is published.",
    sent_pending: "Your comment is saved and awaits moderation.",
    awaiting_moderation: "Awaiting moderation",
    posting_off: "Comments are read-only on this site.",
    article_gone: "This article no longer exists: your text is kept.",
    form_has_errors: "The comment was not sent: fix the fields marked.",
    share: "Share",
    share_device: "Share with an app…",
    share_menu: "Sharing options",
    copy_fallback: "The clipboard is unavailable: copy this link.",
    language: "Language",
    theme: "Theme",
    theme_auto: "Automatic",
    theme_light: "Light",
    theme_dark: "Dark",
};

pub static AR: Strings = Strings {
    skip_to_content: "انتقل إلى المحتوى",
    menu: "القائمة",
    sections_nav: "الأقسام",
    home: "الرئيسية",
    front_heading: "أبرز الأخبار",
    load_more: "عرض مزيد من المقالات",
    loading_more: "جارٍ تحميل المقالات التالية…",
    loading: "جارٍ التحميل…",
    by: "بقلم",
    published: "نُشر في",
    updated: "حُدّث في",
    photo_credit: "حقوق الصورة:",
    tags: "الوسوم",
    related: "اقرأ أيضا",
    not_found_title: "الصفحة غير موجودة",
    not_found_body: "لا توجد صفحة بهذا العنوان: ربما نُقل المقال أو أن في الرابط خطأ.",
    back_home: "العودة إلى الصفحة الرئيسية",
    error_title: "تعذّر تحميل المحتوى",
    error_network: "الخادم لا يستجيب. تحقّق من اتصالك.",
    error_server: "ردّ الخادم بخطأ",
    error_decode: "تعذّرت قراءة البيانات المستلمة.",
    retry: "إعادة المحاولة",
    no_articles: "لا توجد مقالات حاليا.",
    footer_nav: "روابط الموقع",
    comments_heading: "التعليقات",
    comments_empty: "كن أول من يبدي رأيه",
    comments_closed: "التعليقات مغلقة على هذا المقال.",
    sort_label: "ترتيب التعليقات",
    sort_newest: "الأحدث أولا",
    sort_oldest: "الأقدم أولا",
    sort_replies: "الأكثر ردودا",
    show_more_comments: "عرض مزيد من التعليقات",
    comment_deleted: "تعليق محذوف",
    continue_thread: "متابعة هذا النقاش",
    whole_thread: "عرض النقاش كاملا",
    parent_comment: "الانتقال إلى التعليق الأصلي",
    back_to_article: "العودة إلى المقال",
    thread_of: "النقاش حول المقال",
    copy_link: "نسخ الرابط",
    link_copied: "تم نسخ الرابط",
    collapse: "طي",
    comment_not_found: "هذا التعليق غير موجود أو تمت إزالته.",
    reply: "ردّ",
    new_comment: "شارك برأيك",
    field_author: "اسمك",
    field_author_hint: "يظهر مع تعليقك ويُحفظ على هذا الجهاز.",
    field_title: "العنوان (اختياري)",
    field_body: "تعليقك",
    field_body_hint: "نص عادي: تصبح روابط http(s) قابلة للنقر. تُحفظ مسودتك على هذا الجهاز.",
    honeypot: "اترك هذا الحقل فارغا",
    send: "نشر",
    sending: "جارٍ الإرسال…",
    cancel: "إلغاء",
    send_failed: "لم يُرسل: نصّك محفوظ.",
    retry_send: "أعد محاولة الإرسال",
    sent: "نُشر تعليقك.",
    sent_pending: "حُفظ تعليقك وهو في انتظار المراجعة.",
    awaiting_moderation: "في انتظار المراجعة",
    posting_off: "التعليقات للقراءة فقط على هذا الموقع.",
    article_gone: "هذا المقال لم يعد موجودا: نصّك محفوظ.",
    form_has_errors: "لم يُرسل التعليق: صحّح الحقول المشار إليها.",
    share: "مشاركة",
    share_device: "المشاركة عبر تطبيق…",
    share_menu: "خيارات المشاركة",
    copy_fallback: "الحافظة غير متاحة: انسخ هذا الرابط.",
    language: "اللغة",
    theme: "المظهر",
    theme_auto: "تلقائي",
    theme_light: "فاتح",
    theme_dark: "داكن",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
        Lang::Ar => &AR,
    }
}

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
        Lang::Fr => format!("Trop d’envois rapprochés : réessayez dans {seconds} s. Votre texte est conservé."),
        Lang::En => format!("Too many posts in a row: try again in {seconds} s. Your text is kept."),
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
    fn every_language_fills_every_string() {
        for lang in Lang::ALL {
            let s = strings(lang);
            let all = [
                s.skip_to_content, s.menu, s.sections_nav, s.home, s.front_heading,
                s.load_more, s.loading_more, s.loading, s.by, s.published, s.updated,
                s.photo_credit, s.tags, s.related, s.not_found_title, s.not_found_body,
                s.back_home, s.error_title, s.error_network, s.error_server,
                s.error_decode, s.retry, s.no_articles, s.footer_nav, s.comments_heading,
                s.comments_empty, s.comments_closed, s.sort_label, s.sort_newest,
                s.sort_oldest, s.sort_replies, s.show_more_comments, s.comment_deleted,
                s.continue_thread, s.whole_thread, s.parent_comment, s.back_to_article,
                s.thread_of, s.copy_link, s.link_copied, s.collapse, s.comment_not_found,
                s.reply, s.new_comment, s.field_author, s.field_author_hint, s.field_title, s.field_body, s.field_body_hint,
                s.honeypot, s.send, s.sending, s.cancel, s.send_failed, s.retry_send, s.sent,
                s.sent_pending, s.awaiting_moderation, s.posting_off, s.article_gone, s.form_has_errors,
                s.share, s.share_device, s.share_menu, s.copy_fallback, s.language, s.theme, s.theme_auto, s.theme_light, s.theme_dark,
            ];
            assert!(all.iter().all(|text| !text.trim().is_empty()), "{lang:?}");
        }
    }

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
        assert_eq!(comment_label("magic91", 0, Lang::Fr), "Commentaire de magic91");
        assert_eq!(comment_label("magic91", 2, Lang::En), "Reply by magic91, level 3");
    }

    #[test]
    fn titles_name_the_page_then_the_site() {
        assert_eq!(page_title("Culture", "La Gazette"), "Culture — La Gazette");
        assert_eq!(page_title("", "La Gazette"), "La Gazette");
    }
}
