//! Date wording in the interface languages, from chrono's accessors (no
//! strftime machinery: it costs about 7.6 KB brotli in the .wasm). `now` is
//! always passed in, so every function here is pure and testable.
//!
//! The project keeps its own month tables rather than chrono's
//! `unstable-locales`: three languages need 36 names, and the Arabic ones are
//! the Moroccan forms (ماي, يوليوز, غشت, شتنبر, نونبر, دجنبر) that the site
//! this grew from uses, with Western digits as in Morocco.

use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc};

use crate::contract::Timestamp;
use crate::lang::Lang;
use crate::plural::{plural_category, Plural};

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
];

fn month_name(month0: u32, lang: Lang) -> &'static str {
    let table = match lang {
        Lang::Fr => &MONTHS_FR,
        Lang::En => &MONTHS_EN,
        Lang::Ar => &MONTHS_AR,
    };
    table[(month0 as usize) % 12]
}

/// The calendar date in the offset the API gave: "19 mars 2016",
/// "March 19, 2016", "19 مارس 2016".
pub fn format_date(at: &Timestamp, lang: Lang) -> String {
    let d = at.0;
    let month = month_name(d.month0(), lang);
    match lang {
        Lang::En => format!("{month} {}, {}", d.day(), d.year()),
        Lang::Fr | Lang::Ar => format!("{} {month} {}", d.day(), d.year()),
    }
}

/// Date and time: "le 19 mars 2016 à 13h13", "on March 19, 2016 at 1:13 PM",
/// "19 مارس 2016 على الساعة 13:13".
pub fn format_date_time(at: &Timestamp, lang: Lang) -> String {
    let date = format_date(at, lang);
    let (h, m) = (at.0.hour(), at.0.minute());
    match lang {
        Lang::Fr => format!("le {date} à {h}h{m:02}"),
        Lang::En => {
            let (h12, meridiem) = match h {
                0 => (12, "AM"),
                1..=11 => (h, "AM"),
                12 => (12, "PM"),
                _ => (h - 12, "PM"),
            };
            format!("on {date} at {h12}:{m:02} {meridiem}")
        }
        Lang::Ar => format!("{date} على الساعة {h}:{m:02}"),
    }
}

/// A comment's date: relative when it is less than a day old ("il y a 3
/// heures"), else absolute with the time.
pub fn format_comment_date(at: &Timestamp, now: DateTime<Utc>, lang: Lang) -> String {
    let elapsed = now.signed_duration_since(at.0.with_timezone(&Utc));
    let seconds = elapsed.num_seconds();
    if !(0..86_400).contains(&seconds) {
        return format_date_time(at, lang);
    }
    if seconds < 60 {
        return match lang {
            Lang::Fr => "à l'instant",
            Lang::En => "just now",
            Lang::Ar => "الآن",
        }
        .to_owned();
    }
    let (n, unit) = if seconds < 3600 {
        (seconds / 60, TimeUnit::Minute)
    } else {
        (seconds / 3600, TimeUnit::Hour)
    };
    time_ago(n as u64, unit, lang)
}

#[derive(Clone, Copy)]
enum TimeUnit {
    Minute,
    Hour,
}

fn time_ago(n: u64, unit: TimeUnit, lang: Lang) -> String {
    let one = plural_category(n, lang) == Plural::One;
    match (lang, unit) {
        (Lang::Fr, TimeUnit::Minute) => format!("il y a {n} minute{}", if one { "" } else { "s" }),
        (Lang::Fr, TimeUnit::Hour) => format!("il y a {n} heure{}", if one { "" } else { "s" }),
        (Lang::En, TimeUnit::Minute) => format!("{n} minute{} ago", if one { "" } else { "s" }),
        (Lang::En, TimeUnit::Hour) => format!("{n} hour{} ago", if one { "" } else { "s" }),
        (Lang::Ar, unit) => {
            let (single, dual, few, many) = match unit {
                TimeUnit::Minute => ("دقيقة", "دقيقتين", "دقائق", "دقيقة"),
                TimeUnit::Hour => ("ساعة", "ساعتين", "ساعات", "ساعة"),
            };
            match plural_category(n, lang) {
                Plural::One => format!("منذ {single}"),
                Plural::Two => format!("منذ {dual}"),
                Plural::Few => format!("منذ {n} {few}"),
                _ => format!("منذ {n} {many}"),
            }
        }
    }
}

/// The current instant, for callers that have a clock in milliseconds since
/// the epoch (the browser's `Date.now()`).
pub fn utc_from_millis(millis: f64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(millis as i64)
        .single()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).expect("valid test time")
    }

    fn now(text: &str) -> DateTime<Utc> {
        at(text).0.with_timezone(&Utc)
    }

    #[test]
    fn dates_in_each_language() {
        let t = at("2016-03-19T13:13:00+01:00");
        assert_eq!(format_date(&t, Lang::Fr), "19 mars 2016");
        assert_eq!(format_date(&t, Lang::En), "March 19, 2016");
        assert_eq!(format_date(&t, Lang::Ar), "19 مارس 2016");
    }

    #[test]
    fn dates_keep_the_offset_the_api_gave() {
        // 23:30 on 31 Dec at +01:00 is already 1 Jan in UTC; show the local day.
        let t = at("2025-12-31T23:30:00+01:00");
        assert_eq!(format_date(&t, Lang::Fr), "31 décembre 2025");
        assert_eq!(
            format_date_time(&t, Lang::Fr),
            "le 31 décembre 2025 à 23h30"
        );
        let t = at("2025-08-01T00:05:00-05:00");
        assert_eq!(format_date(&t, Lang::En), "August 1, 2025");
        assert_eq!(format_date(&t, Lang::Ar), "1 غشت 2025");
    }

    #[test]
    fn date_and_time_in_each_language() {
        let t = at("2016-03-19T13:13:00+01:00");
        assert_eq!(format_date_time(&t, Lang::Fr), "le 19 mars 2016 à 13h13");
        assert_eq!(
            format_date_time(&t, Lang::En),
            "on March 19, 2016 at 1:13 PM"
        );
        assert_eq!(
            format_date_time(&t, Lang::Ar),
            "19 مارس 2016 على الساعة 13:13"
        );
        let midnight = at("2016-03-19T00:07:00+00:00");
        assert_eq!(
            format_date_time(&midnight, Lang::En),
            "on March 19, 2016 at 12:07 AM"
        );
        assert_eq!(
            format_date_time(&midnight, Lang::Fr),
            "le 19 mars 2016 à 0h07"
        );
    }

    #[test]
    fn recent_comments_read_relative() {
        let t = at("2026-11-29T10:00:00+01:00");
        let cases = [
            ("2026-11-29T09:00:30Z", Lang::Fr, "à l'instant"),
            ("2026-11-29T09:01:00Z", Lang::Fr, "il y a 1 minute"),
            ("2026-11-29T09:45:00Z", Lang::Fr, "il y a 45 minutes"),
            ("2026-11-29T12:00:00Z", Lang::Fr, "il y a 3 heures"),
            ("2026-11-29T10:00:00Z", Lang::En, "1 hour ago"),
            ("2026-11-29T09:02:00Z", Lang::En, "2 minutes ago"),
            ("2026-11-29T10:00:00Z", Lang::Ar, "منذ ساعة"),
            ("2026-11-29T11:00:00Z", Lang::Ar, "منذ ساعتين"),
            ("2026-11-29T14:00:00Z", Lang::Ar, "منذ 5 ساعات"),
            ("2026-11-29T09:12:00Z", Lang::Ar, "منذ 12 دقيقة"),
        ];
        for (current, lang, expected) in cases {
            assert_eq!(
                format_comment_date(&t, now(current), lang),
                expected,
                "{current}"
            );
        }
    }

    #[test]
    fn old_and_future_comments_read_absolute() {
        let t = at("2016-03-19T13:13:00+01:00");
        assert_eq!(
            format_comment_date(&t, now("2016-03-20T12:14:00Z"), Lang::Fr),
            "le 19 mars 2016 à 13h13"
        );
        // A clock behind the server's: never "in -3 minutes".
        assert_eq!(
            format_comment_date(&t, now("2016-03-19T12:00:00Z"), Lang::En),
            "on March 19, 2016 at 1:13 PM"
        );
    }

    #[test]
    fn millis_to_utc() {
        assert_eq!(utc_from_millis(0.0).timestamp(), 0);
        assert_eq!(
            utc_from_millis(1_458_389_580_000.0),
            now("2016-03-19T12:13:00Z")
        );
    }
}
