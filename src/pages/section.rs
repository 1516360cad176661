//! `/section/{slug}`: a section's articles, newest first, page by page.

use gazette_model::contract::ArticleList;
use leptos::prelude::*;

use crate::api;
use crate::components::feed::ArticleFeed;
use crate::components::head::{use_page_head, About};
use crate::components::states::{list_skeleton, load_view};
use crate::load::use_load;

#[component]
pub fn SectionPage(slug: String) -> impl IntoView {
    let (state, retry) = use_load(move || {
        let slug = slug.clone();
        async move { api::section(&slug).await }
    });
    load_view(
        state,
        retry,
        list_skeleton,
        |list| view! { <SectionView list/> },
    )
}

#[component]
fn SectionView(list: ArticleList) -> impl IntoView {
    let section = list.section.clone();
    let name = section.as_ref().map(|s| s.name.clone()).unwrap_or_default();
    let title = name.clone();
    let about = section.clone();
    use_page_head(
        move || title.clone(),
        move || about.clone().map_or(About::Site, About::Section),
    );
    view! {
        <h1 class="page-title">{name}</h1>
        {section.and_then(|s| s.description).map(|d| view! { <p class="page-description">{d}</p> })}
        <ArticleFeed first=list/>
    }
}
