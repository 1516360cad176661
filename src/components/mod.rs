//! Components: turn data and signals into markup; they fetch nothing.

pub mod blocks;
pub mod feed;
pub mod layout;
pub mod prefs;
pub mod reply_form;
pub mod share;
pub mod states;
pub mod summary;
pub mod thread;
pub mod time;
pub mod title;
