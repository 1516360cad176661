//! `/`: the latest articles of all sections.

use leptos::prelude::*;

use crate::api;
use crate::components::feed::ArticleFeed;
use crate::components::head::{use_page_head, About};
use crate::components::states::{list_skeleton, load_view};
use crate::context::ui_strings;
use crate::load::use_load;

#[component]
pub fn FrontPage() -> impl IntoView {
    let s = ui_strings();
    use_page_head(String::new, || About::Site);
    let (state, retry) = use_load(api::front);
    view! {
        <h1 class="page-title">{s.front_heading}</h1>
        {load_view(state, retry, list_skeleton, |list| view! { <ArticleFeed first=list/> })}
    }
}
