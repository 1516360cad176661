//! The server's accept loop, in place of `axum::serve`: it caps the
//! connections (`registry`), gives each one the timeouts of
//! `ConnectionLimits` (`connection`, `phase`), and on shutdown lets the
//! requests in flight finish for a grace period, then closes everything.
//!
//! At the cap, a new connection makes room by closing the connection that
//! has waited longest for a request head: a slow or idle client, never a
//! request being answered. When every connection is answering one, new
//! connections wait in the listen queue until one ends. Readers are thus
//! answered at once however many slow clients hold on.

mod bodies;
mod connection;
mod files;
mod phase;
mod registry;
mod watched;

use std::future::Future;
use std::io;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

pub use bodies::{body_timed_out, BodyTimedOut};
pub use files::connection_cap;

use crate::state::ConnectionLimits;
use registry::Registry;

/// Serves `router` on `listener` until `shutdown` completes; then waits up
/// to `limits.shutdown_grace` for the requests in flight.
pub async fn serve(
    router: Router,
    listener: TcpListener,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let registry = Registry::new(connection_cap(limits.max_connections));
    let (stop, stopped) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    refused(e).await;
                    continue;
                }
            },
        };
        let entry = tokio::select! {
            biased;
            () = &mut shutdown => break,
            entry = registry.admit() => entry,
        };
        while connections.try_join_next().is_some() {}
        let (router, stopped) = (router.clone(), stopped.clone());
        connections.spawn(async move {
            let phase = entry.phase.clone();
            connection::serve(stream, peer, phase, router, limits, stopped).await;
            drop(entry);
        });
    }
    // New clients are refused from here on.
    drop(listener);
    let _ = stop.send(true);
    let finished = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(limits.shutdown_grace, finished)
        .await
        .is_err()
    {
        eprintln!(
            "shutting down: closing {} connections after the grace period",
            connections.len()
        );
        connections.abort_all();
        while connections.join_next().await.is_some() {}
    }
    Ok(())
}

/// An accept that failed: a client gone before it was accepted is no
/// matter; out of files or memory, wait a little rather than spin.
async fn refused(e: io::Error) {
    use io::ErrorKind::*;
    if matches!(
        e.kind(),
        ConnectionAborted | ConnectionReset | ConnectionRefused | Interrupted
    ) {
        return;
    }
    eprintln!("error: accepting a connection: {e}");
    tokio::time::sleep(Duration::from_millis(100)).await;
}
