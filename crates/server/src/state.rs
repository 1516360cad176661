//! The server's configuration, as given on the command line, and the state
//! every handler shares.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderMap;
use gazette_model::contract::Site;
use gazette_model::lang::Lang;

use crate::client::ClientKeys;
use crate::content::Content;
use crate::db::{Db, Location};
use crate::proxy::{client_address, Cidr};

/// Largest accepted request body (64 KiB); larger ones get `413 too_large`.
pub const MAX_BODY: usize = 64 * 1024;

/// What the server needs to know, as given on the command line.
#[derive(Clone, Debug)]
pub struct Config {
    /// A SQLite file or a PostgreSQL URL.
    pub db: Location,
    pub static_dir: PathBuf,
    pub content: PathBuf,
    pub moderate: bool,
    pub cors_origin: Option<String>,
    pub rate_limit: u32,
    pub api_prefix: String,
    /// Open reports that take a comment out of the public listing until a
    /// moderator decides (0: reports never hide a comment).
    pub report_threshold: u32,
    /// Proxies whose `X-Forwarded-For` names the client (`proxy`).
    pub trusted_proxies: Vec<Cidr>,
    /// Send `Strict-Transport-Security` (the site is served over HTTPS).
    pub hsts: bool,
    /// How long a client may take, and how many may be connected (`listen`).
    pub connections: ConnectionLimits,
}

/// The bounds on connections that keep slow or idle clients from starving
/// the others (`listen`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// A new connection's request head must be complete within this; on a
    /// kept-alive connection, within this of the next request's first byte.
    pub header_timeout: Duration,
    /// A kept-alive connection waits this long for the next request.
    pub idle_timeout: Duration,
    /// A request body must be complete within this of the server starting
    /// to read it, or the request is answered `408 timeout`.
    pub body_timeout: Duration,
    /// Connections served at once; at the cap, the one waiting longest for
    /// a request head makes room, else the new one waits to be accepted.
    pub max_connections: usize,
    /// On shutdown, how long the requests in flight may take to finish.
    pub shutdown_grace: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> ConnectionLimits {
        ConnectionLimits {
            header_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            body_timeout: Duration::from_secs(30),
            max_connections: 1024,
            shutdown_grace: Duration::from_secs(10),
        }
    }
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
    /// Posts per client per minute; reports get the same budget, counted
    /// apart (`rate_limit`; 0: no limit).
    pub rate_limit: u32,
    /// `author_key`s.
    pub keys: ClientKeys,
    /// Where the API is served (the session cookie's path starts there).
    pub api_prefix: String,
    pub trusted_proxies: Vec<Cidr>,
}

impl AppState {
    /// The client of a request from `peer` (`proxy::client_address`).
    pub fn client(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        client_address(peer.ip(), headers, &self.trusted_proxies)
    }
}
