//! The server's configuration, as given on the command line, and the state
//! every handler shares.

use std::path::PathBuf;
use std::sync::Arc;

use gazette_model::contract::Site;
use gazette_model::lang::Lang;

use crate::content::Content;
use crate::db::Db;
use crate::rate_limit::RateLimiter;

/// Largest accepted request body (64 KiB); larger ones get `413 too_large`.
pub const MAX_BODY: usize = 64 * 1024;

/// What the server needs to know, as given on the command line.
#[derive(Clone, Debug)]
pub struct Config {
    pub db: PathBuf,
    pub static_dir: PathBuf,
    pub content: PathBuf,
    pub moderate: bool,
    pub cors_origin: Option<String>,
    pub rate_limit: u32,
    pub api_prefix: String,
}

/// What every handler shares.
pub struct AppState {
    pub content: Content,
    pub db: Arc<Db>,
    /// site.json as loaded at start: the comment limits and the language of
    /// error messages.
    pub site: Site,
    pub lang: Lang,
    pub moderate: bool,
    pub limiter: RateLimiter,
}
