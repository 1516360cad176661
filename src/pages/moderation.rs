//! `/moderation`: the moderation desk (`crate::desk`).

use leptos::prelude::*;

use crate::desk::Desk;

#[component]
pub fn ModerationPage() -> impl IntoView {
    view! { <Desk/> }
}
