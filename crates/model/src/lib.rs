//! Gazette's contract types (docs/API.md) and the pure logic shared by the
//! app and the reference server: no DOM, no async, no I/O.

pub mod comment_text;
pub mod contract;
pub mod dates;
pub mod draft;
pub mod i18n;
pub mod inline_data;
pub mod lang;
pub mod links;
pub mod listing;
pub mod moderation;
pub mod offline;
pub mod page_meta;
pub mod plural;
pub mod reading;
pub mod routes;
pub mod share;
pub mod storage_keys;
pub mod text;
pub mod thread;
pub mod validate;
