//! The moderation desk's texts (`/moderation`), apart from the readers'
//! so that the readers' app carries none of them (the desk is its own
//! bundle); the tables are in `fr.rs`, `en.rs` and `ar.rs` like the
//! others. The desk's title and the static deployment's notice are the
//! readers' (`Strings::desk_title`, `desk_needs_server`).

use crate::lang::Lang;

use super::{AR_DESK, EN_DESK, FR_DESK};

pub struct DeskStrings {
    pub sign_in_heading: &'static str,
    pub name: &'static str,
    pub password: &'static str,
    pub sign_in: &'static str,
    pub signing_in: &'static str,
    pub sign_in_failed: &'static str,
    pub too_many_tries: &'static str,
    pub session_ended: &'static str,
    pub signed_in_as: &'static str,
    pub sign_out: &'static str,
    pub queue_heading: &'static str,
    pub filter_label: &'static str,
    pub filter_all: &'static str,
    pub filter_pending: &'static str,
    pub filter_reported: &'static str,
    pub count_pending: &'static str,
    pub count_reported: &'static str,
    pub empty: &'static str,
    pub shortcuts_heading: &'static str,
    pub key_approve: &'static str,
    pub key_reject: &'static str,
    pub key_next: &'static str,
    pub key_previous: &'static str,
    pub state_pending: &'static str,
    pub state_reported: &'static str,
    pub in_article: &'static str,
    pub in_reply_to: &'static str,
    pub reports_heading: &'static str,
    pub no_reports: &'static str,
    pub author_key: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub restore: &'static str,
    pub ban: &'static str,
    pub ban_days: &'static str,
    pub reason: &'static str,
    pub ban_send: &'static str,
    pub banned_done: &'static str,
    pub approved: &'static str,
    pub rejected: &'static str,
    pub restored: &'static str,
    pub action_failed: &'static str,
    pub log_heading: &'static str,
    pub log_empty: &'static str,
    pub log_approve: &'static str,
    pub log_reject: &'static str,
    pub log_restore: &'static str,
    pub log_feature: &'static str,
    pub log_unfeature: &'static str,
    pub log_ban: &'static str,
    pub log_unban: &'static str,
    pub load_more: &'static str,
}

pub fn desk_strings(lang: Lang) -> &'static DeskStrings {
    match lang {
        Lang::Fr => &FR_DESK,
        Lang::En => &EN_DESK,
        Lang::Ar => &AR_DESK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_fills_every_desk_string() {
        for lang in Lang::ALL {
            let d = desk_strings(lang);
            let all = [
                d.sign_in_heading,
                d.name,
                d.password,
                d.sign_in,
                d.signing_in,
                d.sign_in_failed,
                d.too_many_tries,
                d.session_ended,
                d.signed_in_as,
                d.sign_out,
                d.queue_heading,
                d.filter_label,
                d.filter_all,
                d.filter_pending,
                d.filter_reported,
                d.count_pending,
                d.count_reported,
                d.empty,
                d.shortcuts_heading,
                d.key_approve,
                d.key_reject,
                d.key_next,
                d.key_previous,
                d.state_pending,
                d.state_reported,
                d.in_article,
                d.in_reply_to,
                d.reports_heading,
                d.no_reports,
                d.author_key,
                d.approve,
                d.reject,
                d.restore,
                d.ban,
                d.ban_days,
                d.reason,
                d.ban_send,
                d.banned_done,
                d.approved,
                d.rejected,
                d.restored,
                d.action_failed,
                d.log_heading,
                d.log_empty,
                d.log_approve,
                d.log_reject,
                d.log_restore,
                d.log_feature,
                d.log_unfeature,
                d.log_ban,
                d.log_unban,
                d.load_more,
            ];
            assert!(all.iter().all(|text| !text.trim().is_empty()), "{lang:?}");
        }
    }
}
