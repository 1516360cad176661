//! The moderation desk: sign-in, the queue with its keyboard, decisions,
//! bans and the log, against the contract's moderation API.

use leptos::prelude::*;

#[component]
pub fn Desk() -> impl IntoView {
    view! { <main id="main"></main> }
}
