#![recursion_limit = "256"]
//! Gazette, the app: routes, pages and components over the content API.
//! Contract types and pure logic live in the `gazette-model` crate.

pub mod api;
#[cfg(feature = "desk")]
pub mod api_moderation;
pub mod api_post;
mod app;
pub mod browser;
pub mod comments;
pub mod components;
pub mod context;
#[cfg(feature = "desk")]
pub mod desk;
pub mod load;
pub mod pages;

pub use app::App;
