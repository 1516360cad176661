//! The connections being served, and the cap on them: a new connection
//! beyond the cap makes room by closing the one that has waited longest for
//! a request head (a slow or idle client), else waits for a slot.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};

use super::phase::Phase;

pub struct Registry {
    slots: Arc<Semaphore>,
    connections: Mutex<HashMap<u64, Arc<Phase>>>,
    next_id: AtomicU64,
    /// A connection began to wait for a request head (it may make room).
    waiting: Arc<Notify>,
}

/// A connection's place: its slot and its phase, both given back on drop.
pub struct Entry {
    pub phase: Arc<Phase>,
    registry: Arc<Registry>,
    _slot: OwnedSemaphorePermit,
}

impl Registry {
    pub fn new(cap: usize) -> Arc<Registry> {
        Arc::new(Registry {
            slots: Arc::new(Semaphore::new(cap)),
            connections: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
            waiting: Arc::new(Notify::new()),
        })
    }

    fn connections(&self) -> MutexGuard<'_, HashMap<u64, Arc<Phase>>> {
        self.connections
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A slot for a connection just accepted: a free one, or the one of the
    /// connection that has waited longest for a request head, closed for
    /// it; when every connection is answering a request, the first to end.
    pub async fn admit(self: &Arc<Self>) -> Entry {
        let mut evicted = false;
        let slot = loop {
            if let Ok(slot) = self.slots.clone().try_acquire_owned() {
                break slot;
            }
            if !evicted {
                evicted = self.evict_longest_waiting();
            }
            tokio::select! {
                slot = self.slots.clone().acquire_owned() => {
                    break slot.expect("the slots are never closed");
                }
                () = self.waiting.notified(), if !evicted => {}
            }
        };
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let phase = Arc::new(Phase::new(id, self.waiting.clone()));
        self.connections().insert(id, phase.clone());
        Entry {
            phase,
            registry: self.clone(),
            _slot: slot,
        }
    }

    fn evict_longest_waiting(&self) -> bool {
        let connections = self.connections();
        loop {
            let longest = connections
                .values()
                .filter_map(|phase| phase.waiting_since().map(|since| (since, phase.id, phase)))
                .min_by_key(|(since, id, _)| (*since, *id));
            match longest {
                // A request may have begun since: then it is no candidate.
                Some((_, _, phase)) if phase.evict() => return true,
                Some(_) => continue,
                None => return false,
            }
        }
    }
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.registry.connections().remove(&self.phase.id);
    }
}
