//! Command-line flags.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

use crate::state::Config;

/// Gazette's reference server: serves the app, the content API and its
/// comments (stored in SQLite).
#[derive(Debug, Parser)]
#[command(name = "gazette-server", version, about)]
pub struct Cli {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// SQLite database file (created if missing).
    #[arg(long, default_value = "./gazette.db")]
    pub db: PathBuf,
    /// Folder of the built app (index.html and its hashed assets).
    #[arg(long = "static", default_value = "dist")]
    pub static_dir: PathBuf,
    /// Folder of the content JSON (site.json, front.json, sections/, articles/).
    #[arg(long, default_value = "dist/api")]
    pub content: PathBuf,
    /// Hold new comments for moderation (status "pending").
    #[arg(long)]
    pub moderate: bool,
    /// Allow this origin (e.g. https://news.example) to call the API from a browser.
    #[arg(long, value_name = "URL")]
    pub cors_origin: Option<String>,
    /// Comments one client (IP address) may post per minute; 0 turns the limit off.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub rate_limit: u32,
    /// Path the API is served under.
    #[arg(long, default_value = "/api")]
    pub api_prefix: String,
}

impl Cli {
    pub fn into_config(self) -> Result<(SocketAddr, Config), String> {
        let prefix = self.api_prefix.trim_end_matches('/').to_owned();
        if !prefix.starts_with('/') || prefix.len() < 2 || prefix.contains(['{', '}', '*']) {
            return Err(format!(
                "--api-prefix must be a path such as /api, not {:?}",
                self.api_prefix
            ));
        }
        let cors_origin = match self.cors_origin {
            Some(origin) => {
                let origin = origin.trim_end_matches('/').to_owned();
                if !(origin.starts_with("http://") || origin.starts_with("https://")) {
                    return Err(format!(
                        "--cors-origin must be an http(s) origin, not {origin:?}"
                    ));
                }
                Some(origin)
            }
            None => None,
        };
        Ok((
            self.addr,
            Config {
                db: self.db,
                static_dir: self.static_dir,
                content: self.content,
                moderate: self.moderate,
                cors_origin,
                rate_limit: self.rate_limit,
                api_prefix: prefix,
            },
        ))
    }
}
