//! What one connection is doing: waiting for a request head, or busy with
//! a request. Its watchdog reads the deadline from here, the accept loop
//! reads which connection has waited longest (`registry`), and the
//! connection's reads and requests write it.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use tokio::sync::Notify;

use crate::state::ConnectionLimits;

pub struct Phase {
    /// Accept order: ties between equal instants go to the older.
    pub id: u64,
    state: Mutex<State>,
    /// Wakes this connection's watchdog.
    changed: Notify,
    /// Wakes the accept loop when it waits for a connection to make room.
    waiting: Arc<Notify>,
}

struct State {
    /// A request is being answered: from its head to the end of its answer.
    busy: bool,
    /// At least one request was answered (the connection was kept alive).
    served: bool,
    /// Since when the connection has waited for a request head: its
    /// opening, or the end of the last answer.
    waiting_since: Instant,
    /// The first byte read since then.
    first_byte: Option<Instant>,
    /// The accept loop wants this connection closed to make room.
    evicted: bool,
    /// Done with HTTP (draining what the client still sends): it no
    /// longer counts as waiting.
    closing: bool,
}

/// What the watchdog does next.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    Close,
    /// Close at this instant unless something changes first.
    CloseAt(Instant),
    /// Nothing to time (a request is being answered; its body has its own
    /// deadline).
    Wait,
}

impl Phase {
    pub fn new(id: u64, waiting: Arc<Notify>) -> Phase {
        Phase {
            id,
            state: Mutex::new(State {
                busy: false,
                served: false,
                waiting_since: Instant::now(),
                first_byte: None,
                evicted: false,
                closing: false,
            }),
            changed: Notify::new(),
            waiting,
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere cannot leave the few flags half-written.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A request head was read: busy until the guard is dropped (with the
    /// answer's body, once hyper has sent it or given up).
    pub fn request_started(self: &Arc<Self>) -> RequestGuard {
        self.state().busy = true;
        self.changed.notify_one();
        RequestGuard {
            phase: Some(self.clone()),
        }
    }

    fn request_ended(&self) {
        {
            let mut state = self.state();
            state.busy = false;
            state.served = true;
            state.waiting_since = Instant::now();
            state.first_byte = None;
        }
        self.changed.notify_one();
        self.waiting.notify_one();
    }

    /// Bytes came in: the first one while waiting starts the head's clock
    /// on a kept-alive connection.
    pub fn bytes_read(&self) {
        let mut state = self.state();
        if !state.busy && state.first_byte.is_none() {
            state.first_byte = Some(Instant::now());
            drop(state);
            self.changed.notify_one();
        }
    }

    /// Closes the connection to make room, unless a request began since
    /// it was picked (`false`).
    pub fn evict(&self) -> bool {
        {
            let mut state = self.state();
            if state.busy || state.closing {
                return false;
            }
            state.evicted = true;
        }
        self.changed.notify_one();
        true
    }

    pub fn closing(&self) {
        self.state().closing = true;
    }

    /// Since when the connection has waited for a request head; `None`
    /// while it answers one (or is closing), when it may not be evicted.
    pub fn waiting_since(&self) -> Option<Instant> {
        let state = self.state();
        (!state.busy && !state.evicted && !state.closing).then_some(state.waiting_since)
    }

    /// When the connection is to be closed. During shutdown (`stopping`),
    /// a connection that is not in the middle of a request closes now.
    pub fn next(&self, limits: &ConnectionLimits, stopping: bool, now: Instant) -> Next {
        let state = self.state();
        if state.evicted {
            return Next::Close;
        }
        if state.busy {
            return Next::Wait;
        }
        if stopping && state.first_byte.is_none() {
            return Next::Close;
        }
        let deadline = match (state.served, state.first_byte) {
            (false, _) => state.waiting_since + limits.header_timeout,
            (true, None) => state.waiting_since + limits.idle_timeout,
            (true, Some(first)) => first + limits.header_timeout,
        };
        if now >= deadline {
            Next::Close
        } else {
            Next::CloseAt(deadline)
        }
    }

    /// Completes when the phase changed since the last call.
    pub async fn changed(&self) {
        self.changed.notified().await
    }
}

/// Ends the request's busy time when dropped.
pub struct RequestGuard {
    phase: Option<Arc<Phase>>,
}

impl Drop for RequestGuard {
    fn drop(&mut self) {
        if let Some(phase) = self.phase.take() {
            phase.request_ended();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn limits() -> ConnectionLimits {
        ConnectionLimits {
            header_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            ..ConnectionLimits::default()
        }
    }

    fn phase() -> Arc<Phase> {
        Arc::new(Phase::new(1, Arc::new(Notify::new())))
    }

    #[test]
    fn a_new_connection_has_the_header_timeout_from_its_opening() {
        let phase = phase();
        let opened = phase.waiting_since().unwrap();
        phase.bytes_read();
        let now = Instant::now();
        assert_eq!(
            phase.next(&limits(), false, now),
            Next::CloseAt(opened + Duration::from_secs(30))
        );
        assert_eq!(
            phase.next(&limits(), false, opened + Duration::from_secs(31)),
            Next::Close
        );
    }

    #[test]
    fn a_kept_alive_connection_waits_the_idle_timeout_then_the_header_timeout() {
        let phase = phase();
        drop(phase.request_started());
        let idle = phase.waiting_since().unwrap();
        let now = Instant::now();
        assert_eq!(
            phase.next(&limits(), false, now),
            Next::CloseAt(idle + Duration::from_secs(60))
        );
        phase.bytes_read();
        match phase.next(&limits(), false, Instant::now()) {
            Next::CloseAt(at) => assert!(at < idle + Duration::from_secs(31), "{at:?}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_busy_connection_is_not_timed_nor_evicted() {
        let phase = phase();
        let guard = phase.request_started();
        assert_eq!(phase.next(&limits(), true, Instant::now()), Next::Wait);
        assert_eq!(phase.waiting_since(), None);
        assert!(!phase.evict());
        drop(guard);
        assert!(phase.waiting_since().is_some());
    }

    #[test]
    fn on_shutdown_only_a_connection_without_a_request_under_way_closes_at_once() {
        let phase = phase();
        assert_eq!(phase.next(&limits(), true, Instant::now()), Next::Close);
        phase.bytes_read();
        assert!(matches!(
            phase.next(&limits(), true, Instant::now()),
            Next::CloseAt(_)
        ));
    }

    #[test]
    fn an_evicted_connection_closes_and_is_no_longer_a_candidate() {
        let phase = phase();
        assert!(phase.evict());
        assert_eq!(phase.next(&limits(), false, Instant::now()), Next::Close);
        assert_eq!(phase.waiting_since(), None);
    }
}
