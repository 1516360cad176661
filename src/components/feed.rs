//! A list of article cards that grows page by page through `next` links.

use gazette_model::contract::{ArticleList, ArticleSummary};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use crate::api::{self, ApiError};
use crate::browser::before_paint;
use crate::browser::document::focus_id;
use crate::components::states::ErrorState;
use crate::components::summary::{card_link_id, ArticleCard};
use crate::context::ui_strings;

#[component]
pub fn ArticleFeed(first: ArticleList) -> impl IntoView {
    let s = ui_strings();
    let articles = RwSignal::new(first.articles);
    let next = RwSignal::new(first.next);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<ApiError>);

    let load_more = Callback::new(move |()| {
        let Some(path) = next.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        spawn_local_scoped(async move {
            match api::next_page::<ArticleList>(&path).await {
                Ok(page) => {
                    let first_new = page.articles.first().map(|a| card_link_id(&a.slug));
                    articles.update(|list| append_new(list, page.articles));
                    next.set(page.next);
                    if let Some(id) = first_new {
                        before_paint(move || focus_id(&id));
                    }
                }
                Err(error) => failed.set(Some(error)),
            }
            busy.set(false);
        });
    });

    view! {
        <Show when=move || !articles.read().is_empty() fallback=move || view! { <p>{s.no_articles}</p> }>
            <ul class="cards">
                <For each=move || articles.get() key=|a| a.slug.clone()
                    children=|summary| view! { <ArticleCard summary/> }/>
            </ul>
        </Show>
        {move || failed.get().map(|error| view! { <ErrorState error retry=load_more inline=true/> })}
        <Show when=move || next.read().is_some() && failed.read().is_none()>
            <p class="more">
                <button type="button" class="button" aria-disabled=move || busy.get().to_string()
                    on:click=move |_| load_more.run(())>
                    {move || if busy.get() { s.loading_more } else { s.load_more }}
                </button>
            </p>
        </Show>
    }
}

/// Appends a page, skipping articles already listed (pages can overlap when
/// an article is published between two requests).
fn append_new(list: &mut Vec<ArticleSummary>, page: Vec<ArticleSummary>) {
    for article in page {
        if !list.iter().any(|a| a.slug == article.slug) {
            list.push(article);
        }
    }
}
