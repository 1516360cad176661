//! One client connection: hyper's HTTP/1 over the socket, a watchdog that
//! closes it when a timeout of its `Phase` passes (or the accept loop needs
//! its slot, or the server stops), and a lingering close so that a client
//! still sending a body reads the answer rather than a reset.

use std::convert::Infallible;
use std::future::{poll_fn, Future};
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderValue, Request, Response};
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::Instant;
use tower::ServiceExt;

use super::bodies::{TimedBody, Tracked};
use super::phase::{Next, Phase};
use super::watched::Watched;
use crate::state::ConnectionLimits;

/// After the answer, what the client still sends (the rest of a body too
/// large, or too slow) is read and dropped for this long at most: closing
/// with unread bytes would reset the connection, and a client still
/// writing would never read the answer.
const LINGER_FOR: Duration = Duration::from_secs(5);

type Answer = Response<Tracked<Body>>;
type Answering = Pin<Box<dyn Future<Output = Result<Answer, Infallible>> + Send>>;

/// Serves `stream` until the client leaves or a limit closes it.
pub async fn serve(
    stream: TcpStream,
    peer: SocketAddr,
    phase: Arc<Phase>,
    router: Router,
    limits: ConnectionLimits,
    mut stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let service = {
        let (phase, stop) = (phase.clone(), stop.clone());
        service_fn(move |request: Request<Incoming>| -> Answering {
            let request_guard = phase.request_started();
            let mut request =
                request.map(|body| Body::new(TimedBody::new(body, limits.body_timeout)));
            request.extensions_mut().insert(ConnectInfo(peer));
            let (router, stop) = (router.clone(), stop.clone());
            Box::pin(async move {
                let Ok(mut response) = router.oneshot(request).await;
                if *stop.borrow() {
                    response
                        .headers_mut()
                        .insert(header::CONNECTION, HeaderValue::from_static("close"));
                }
                Ok(response.map(|body| Tracked::new(body, request_guard)))
            })
        })
    };
    let mut connection = http1::Builder::new()
        // The watchdog times heads, including the wait between requests.
        .header_read_timeout(None)
        .serve_connection(TokioIo::new(Watched::new(stream, phase.clone())), service);
    let done = tokio::select! {
        done = poll_fn(|cx| connection.poll_without_shutdown(cx)) => done.is_ok(),
        () = watchdog(&phase, &limits, &mut stop) => false,
    };
    if done {
        phase.closing();
        linger(connection.into_parts().io.into_inner().into_inner()).await;
    }
}

/// Completes when the connection is to be closed.
async fn watchdog(phase: &Phase, limits: &ConnectionLimits, stop: &mut watch::Receiver<bool>) {
    let mut stop_gone = false;
    loop {
        let stopping = *stop.borrow_and_update();
        let listen = !stopping && !stop_gone;
        let deadline = match phase.next(limits, stopping, std::time::Instant::now()) {
            Next::Close => return,
            Next::CloseAt(at) => Some(Instant::from_std(at)),
            Next::Wait => None,
        };
        let sleep = async {
            match deadline {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            () = sleep => {}
            () = phase.changed() => {}
            changed = stop.changed(), if listen => stop_gone = changed.is_err(),
        }
    }
}

/// Sends the end of the stream, then reads what the client still sends
/// until it closes too (or `LINGER_FOR`), so that closing resets nothing.
async fn linger(mut stream: TcpStream) {
    if stream.shutdown().await.is_err() {
        return;
    }
    let deadline = Instant::now() + LINGER_FOR;
    let mut buffer = vec![0; 64 * 1024];
    while let Ok(Ok(read)) = tokio::time::timeout_at(deadline, stream.read(&mut buffer)).await {
        if read == 0 {
            return;
        }
    }
}
