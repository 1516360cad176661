//! Command-line flags.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand};

use crate::db::Location;
use crate::proxy::Cidr;
use crate::state::{Config, ConnectionLimits};

/// Gazette's reference server: serves the app, the content API and its
/// comments (stored in SQLite).
#[derive(Debug, Parser)]
#[command(name = "gazette-server", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Where comments are kept: a SQLite file (created if missing) or a
    /// postgres:// URL (one database shared by several servers).
    #[arg(long, value_name = "FILE|URL", default_value = "./gazette.db")]
    pub db: Location,
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
    /// Reader reports that take a comment out of the public listing until a
    /// moderator decides; 0: reports never hide a comment.
    #[arg(long, value_name = "N", default_value_t = crate::db::DEFAULT_REPORT_THRESHOLD)]
    pub report_threshold: u32,
    /// A proxy or load balancer (address or block, e.g. 10.0.0.0/8) whose
    /// X-Forwarded-For names the client; repeatable.
    #[arg(long = "trusted-proxy", value_name = "CIDR")]
    pub trusted_proxies: Vec<Cidr>,
    /// Send Strict-Transport-Security: only when readers reach the site
    /// over HTTPS (a TLS proxy in front), never on plain HTTP.
    #[arg(long)]
    pub hsts: bool,
    /// Seconds a client has to send a request head: from connecting, or
    /// from the first byte of its next request on a kept-alive connection.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout: u64,
    /// Seconds a kept-alive connection may wait for its next request.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout: u64,
    /// Seconds a client has to send a request body (else `408 timeout`).
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub body_timeout: u64,
    /// Connections served at once (lowered to what the file limit allows);
    /// at the cap, the connection waiting longest for a request makes room.
    #[arg(long, value_name = "N", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections: u64,
    /// Seconds the requests in flight may take to finish on SIGTERM or
    /// Ctrl-C; then every connection is closed.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    pub shutdown_grace: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add or remove the moderators who sign in at /moderation.
    Moderators {
        #[command(subcommand)]
        action: ModeratorAction,
    },
    /// Copy a whole site (comments, idempotency records, moderation) into
    /// an empty database, e.g. from SQLite to PostgreSQL, and print the
    /// rows counted on both sides.
    Migrate {
        #[arg(long, value_name = "FILE|URL")]
        from: Location,
        #[arg(long, value_name = "FILE|URL")]
        to: Location,
    },
    /// Copy a SQLite site, consistently while its server writes, to FILE
    /// (replaced once the copy checks out), and print its comment count.
    Backup {
        #[arg(long, value_name = "FILE", default_value = "./gazette.db")]
        db: Location,
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ModeratorAction {
    /// Add a moderator (or set a new password): the password, 12
    /// characters at least, is read from standard input.
    Add {
        name: String,
        /// A SQLite file (created if missing) or a postgres:// URL.
        #[arg(long, value_name = "FILE|URL", default_value = "./gazette.db")]
        db: Location,
    },
    /// Remove a moderator and end their sessions.
    Remove {
        name: String,
        #[arg(long, value_name = "FILE|URL", default_value = "./gazette.db")]
        db: Location,
    },
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
                report_threshold: self.report_threshold,
                trusted_proxies: self.trusted_proxies,
                hsts: self.hsts,
                connections: ConnectionLimits {
                    header_timeout: Duration::from_secs(self.header_timeout),
                    idle_timeout: Duration::from_secs(self.idle_timeout),
                    body_timeout: Duration::from_secs(self.body_timeout),
                    max_connections: usize::try_from(self.max_connections).unwrap_or(usize::MAX),
                    shutdown_grace: Duration::from_secs(self.shutdown_grace),
                },
            },
        ))
    }
}
