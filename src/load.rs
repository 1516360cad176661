//! A page's data as an explicit state machine (loading → ready or failed),
//! with a retry that goes back through loading. Requests run in the
//! component's reactive owner, so leaving the page aborts them.

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use crate::api::ApiError;

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

/// Starts `fetch` now and on every call of the returned retry callback.
pub fn use_load<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> (ReadSignal<Load<T>>, Callback<()>)
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let (state, set_state) = signal(Load::Loading);
    let fetch = StoredValue::new_local(fetch);
    // Requests belong to the page that loads, not to the button that
    // retried (whose view goes away as the state changes).
    let owner = Owner::current();
    let run = Callback::new(move |()| {
        let start = || {
            set_state.set(Load::Loading);
            let Some(future) = fetch.try_with_value(|f| f()) else {
                return;
            };
            let mut future = Box::pin(future);
            // Data already in memory (prefetched, prerendered, seen before)
            // is shown in this very render, with no loading state between.
            match future
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()))
            {
                Poll::Ready(result) => set_state.set(settled(result)),
                Poll::Pending if crate::browser::is_live() => spawn_local_scoped(async move {
                    set_state.try_set(settled(future.await));
                }),
                // The prerender has no network: what is not there stays loading.
                Poll::Pending => {}
            }
        };
        match &owner {
            Some(owner) => owner.with(start),
            None => start(),
        }
    });
    run.run(());
    (state, run)
}

fn settled<T>(result: Result<T, ApiError>) -> Load<T> {
    match result {
        Ok(value) => Load::Ready(value),
        Err(error) => Load::Failed(error),
    }
}
