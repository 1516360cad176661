//! `/moderation`: the moderation desk. The desk itself (`crate::desk`) is
//! only in the desk's bundle (feature `desk`, `dist/desk/`, which the
//! server serves at this address); the readers' app says here what a
//! reader who lands on the address needs to know: on a static deployment
//! (`posting: false`) that moderation needs the server, else where the
//! desk is (a full page load, which the server answers with the desk).

use leptos::prelude::*;

use crate::components::head::{use_page_head, About};
use crate::context::{ui_strings, SiteContext};
use crate::load::Load;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let s = ui_strings();
    use_page_head(move || s.desk_title.to_owned(), || About::Site);
    let site = expect_context::<SiteContext>().0;
    let posting = move || match &*site.read() {
        Load::Ready(site) => Some(site.comments.posting),
        Load::Failed(_) => Some(false),
        Load::Loading => None,
    };
    view! {
        <section class="desk" aria-labelledby="desk-title">
            <h1 id="desk-title">{s.desk_title}</h1>
            {move || match posting() {
                None => view! { <p class="loading">{s.loading}</p> }.into_any(),
                Some(false) => view! { <p class="notice">{s.desk_needs_server}</p> }.into_any(),
                Some(true) => desk().into_any(),
            }}
        </section>
    }
}

#[cfg(feature = "desk")]
fn desk() -> impl IntoView {
    view! { <crate::desk::Desk/> }
}

#[cfg(not(feature = "desk"))]
fn desk() -> impl IntoView {
    view! { <p><a href="/moderation" rel="external">{ui_strings().desk_open}</a></p> }
}
