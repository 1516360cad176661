//! Every text Gazette shows to people, in the app and in the server's
//! answers, once per language: the tables of `fr.rs`, `en.rs` and `ar.rs`
//! (a missing key in one language is a compile error: each table is a value
//! of the same struct), and the worded strings with numbers or names
//! (`words.rs`, `fields.rs`). Components add no words of their own, only
//! the spaces and punctuation that join these.

mod ar;
mod desk;
mod en;
mod fields;
mod fr;
mod words;

pub use ar::{AR, AR_API, AR_DESK};
pub use desk::{desk_strings, DeskStrings};
pub use en::{EN, EN_API, EN_DESK};
pub use fields::field_error;
pub use fr::{FR, FR_API, FR_DESK};
pub use words::*;

use crate::lang::Lang;

pub struct Strings {
    pub skip_to_content: &'static str,
    pub menu: &'static str,
    pub sections_nav: &'static str,
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
    pub offline_banner: &'static str,
    pub offline_title: &'static str,
    pub offline_body: &'static str,
    pub saved_heading: &'static str,
    pub saved_none: &'static str,
    pub reply_waiting: &'static str,
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
    pub copy_fallback: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    // What a field error calls each field of the comment form.
    pub noun_author: &'static str,
    pub noun_title: &'static str,
    pub noun_body: &'static str,
    pub parent_not_found: &'static str,
    // Reporting a comment.
    pub report: &'static str,
    pub report_legend: &'static str,
    pub report_spam: &'static str,
    pub report_abuse: &'static str,
    pub report_off_topic: &'static str,
    pub report_other: &'static str,
    pub report_note: &'static str,
    pub report_send: &'static str,
    pub report_sent: &'static str,
    pub report_again: &'static str,
    pub report_failed: &'static str,
    pub report_choose: &'static str,
    pub banned: &'static str,
    // The moderation desk's page in the readers' app.
    pub desk_title: &'static str,
    pub desk_needs_server: &'static str,
    pub desk_open: &'static str,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
        Lang::Ar => &AR,
    }
}

/// The API's error answers (the server speaks the site's language). The
/// app never links these: a separate table keeps them out of the .wasm.
pub struct ApiMessages {
    pub not_found: &'static str,
    pub too_large: &'static str,
    /// A request body that did not arrive in time (`408 timeout`).
    pub timeout: &'static str,
    pub key_reused: &'static str,
    pub rate_limited: &'static str,
    pub malformed_json: &'static str,
    pub not_json: &'static str,
    pub missing_key: &'static str,
    pub bad_key: &'static str,
    pub method_not_allowed: &'static str,
    pub internal: &'static str,
    pub banned: &'static str,
    pub unauthorized: &'static str,
    pub forbidden: &'static str,
    pub bad_report: &'static str,
    pub bad_decision: &'static str,
    pub unavailable: &'static str,
}

pub fn api_messages(lang: Lang) -> &'static ApiMessages {
    match lang {
        Lang::Fr => &FR_API,
        Lang::En => &EN_API,
        Lang::Ar => &AR_API,
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
                s.skip_to_content,
                s.menu,
                s.sections_nav,
                s.front_heading,
                s.load_more,
                s.loading_more,
                s.loading,
                s.by,
                s.published,
                s.updated,
                s.photo_credit,
                s.tags,
                s.related,
                s.not_found_title,
                s.not_found_body,
                s.back_home,
                s.error_title,
                s.error_network,
                s.error_server,
                s.error_decode,
                s.retry,
                s.no_articles,
                s.footer_nav,
                s.comments_heading,
                s.comments_empty,
                s.comments_closed,
                s.sort_label,
                s.sort_newest,
                s.sort_oldest,
                s.sort_replies,
                s.show_more_comments,
                s.comment_deleted,
                s.continue_thread,
                s.whole_thread,
                s.parent_comment,
                s.back_to_article,
                s.thread_of,
                s.copy_link,
                s.link_copied,
                s.collapse,
                s.comment_not_found,
                s.reply,
                s.new_comment,
                s.field_author,
                s.field_author_hint,
                s.field_title,
                s.field_body,
                s.field_body_hint,
                s.honeypot,
                s.send,
                s.sending,
                s.cancel,
                s.send_failed,
                s.retry_send,
                s.sent,
                s.sent_pending,
                s.awaiting_moderation,
                s.posting_off,
                s.article_gone,
                s.form_has_errors,
                s.share,
                s.share_device,
                s.copy_fallback,
                s.language,
                s.theme,
                s.theme_auto,
                s.theme_light,
                s.theme_dark,
                s.noun_author,
                s.noun_title,
                s.noun_body,
                s.parent_not_found,
                s.report,
                s.report_legend,
                s.report_spam,
                s.report_abuse,
                s.report_off_topic,
                s.report_other,
                s.report_note,
                s.report_send,
                s.report_sent,
                s.report_again,
                s.report_failed,
                s.report_choose,
                s.banned,
                s.desk_title,
                s.desk_needs_server,
                s.desk_open,
            ];
            assert!(all.iter().all(|text| !text.trim().is_empty()), "{lang:?}");
        }
    }

    #[test]
    fn every_language_fills_every_api_message() {
        for lang in Lang::ALL {
            let m = api_messages(lang);
            let all = [
                m.not_found,
                m.too_large,
                m.timeout,
                m.key_reused,
                m.rate_limited,
                m.malformed_json,
                m.not_json,
                m.missing_key,
                m.bad_key,
                m.method_not_allowed,
                m.internal,
                m.banned,
                m.unauthorized,
                m.forbidden,
                m.bad_report,
                m.bad_decision,
                m.unavailable,
            ];
            assert!(all.iter().all(|text| text.ends_with('.')), "{lang:?}");
        }
    }
}
