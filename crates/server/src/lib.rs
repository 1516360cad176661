//! Gazette's reference API server: the app's static files, the content API
//! read from JSON files, comments stored in SQLite, reader reports and the
//! moderation API.
//!
//! `main.rs` is a thin wrapper so that tests can start the same server
//! in-process: [`App::open`] then [`serve`]. This file only wires the
//! modules together; the configuration and the handlers' shared state are
//! `state`, the storage is `db`.

pub mod api;
pub mod backup;
pub mod cli;
pub mod client;
pub mod content;
pub mod db;
pub mod errors;
pub mod health;
pub mod import;
pub mod listen;
pub mod log;
pub mod migrate;
pub mod moderation;
pub mod moderators;
pub mod post;
pub mod proxy;
pub mod rate_limit;
pub mod report;
pub mod security;
pub mod site_files;
pub mod state;
pub mod static_files;
pub mod writes;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use gazette_model::lang::Lang;
use tokio::net::TcpListener;

use crate::client::ClientKeys;
use crate::content::Content;
use crate::db::Db;
use crate::state::{AppState, Config, ConnectionLimits};

/// A ready server: database open, demo comments imported, routes built.
pub struct App {
    router: Router,
    connections: ConnectionLimits,
}

impl App {
    /// Opens the database, imports the content's comment threads where the
    /// database has none, and builds the routes. Blocking.
    pub fn open(config: Config) -> Result<App, String> {
        let content = Content::new(&config.content);
        let site = content.load_site().map_err(|e| {
            format!(
                "cannot read {}: {e}",
                config.content.join("site.json").display()
            )
        })?;
        let db = Db::open_with(&config.db, config.report_threshold)
            .map_err(|e| format!("cannot open database {}: {e}", config.db))?;
        let secret = db
            .author_key_secret(|| client::random_hex(32))
            .map_err(|e| format!("cannot read the server's secret: {e}"))?;
        import::import_demo_threads(&content, &db);
        if !config.static_dir.join("index.html").is_file() {
            eprintln!(
                "warning: {} has no index.html; the app will not be served",
                config.static_dir.display()
            );
        }
        let state = Arc::new(AppState {
            lang: Lang::from_tag_or_default(&site.lang),
            content,
            db: Arc::new(db),
            site,
            moderate: config.moderate,
            rate_limit: config.rate_limit,
            keys: ClientKeys::new(&secret),
            api_prefix: config.api_prefix.clone(),
            trusted_proxies: config.trusted_proxies.clone(),
        });
        let router = Router::new()
            .route("/healthz", axum::routing::get(health::healthz))
            .route(
                "/readyz",
                axum::routing::get(health::readyz).with_state(state.clone()),
            )
            .nest(
                &config.api_prefix,
                api::router(state.clone(), config.cors_origin.as_deref())?,
            )
            .fallback_service(static_files::router(&config.static_dir, state))
            .layer(axum::middleware::from_fn_with_state(
                config.hsts,
                security::security_headers,
            ))
            .layer(tower_http::compression::CompressionLayer::new())
            .layer(axum::middleware::from_fn(log::log_request));
        Ok(App {
            router,
            connections: config.connections,
        })
    }

    pub fn router(&self) -> Router {
        self.router.clone()
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets the
/// requests in flight finish within the grace period (`listen`).
pub async fn serve(
    app: App,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    listen::serve(app.router, listener, app.connections, shutdown).await
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            eprintln!("error: cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(e) => {
                eprintln!("error: cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("shutting down: finishing the requests in flight");
}
