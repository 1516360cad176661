//! Any path no route matches.

use leptos::prelude::*;

use crate::components::states::NotFound;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound/> }
}
