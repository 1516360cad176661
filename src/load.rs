//! A page's data as an explicit state machine (loading → ready or failed),
//! with a retry that goes back through loading. Requests run in the
//! component's reactive owner, so leaving the page aborts them.

use std::future::Future;

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
    let run = Callback::new(move |()| {
        set_state.set(Load::Loading);
        if let Some(future) = fetch.try_with_value(|f| f()) {
            spawn_local_scoped(async move {
                let result = future.await;
                set_state.try_set(match result {
                    Ok(value) => Load::Ready(value),
                    Err(error) => Load::Failed(error),
                });
            });
        }
    });
    run.run(());
    (state, run)
}
