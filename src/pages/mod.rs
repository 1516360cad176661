//! One module per route: load the data, handle its states, compose.

pub mod article;
pub mod front;
pub mod moderation;
pub mod not_found;
pub mod section;
pub mod thread;
