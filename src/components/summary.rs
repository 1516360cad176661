//! An article's card in a list: section, title, lede, date, reading time.

use gazette_model::contract::{ArticleSummary, Image};
use gazette_model::i18n::{comment_count, reading_time};
use gazette_model::lang::{dir_of, Lang};
use gazette_model::links::safe_href;
use gazette_model::reading::reading_minutes;
use gazette_model::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::time::DateText;

/// The id of a card's title link, so focus can move to it.
pub fn card_link_id(slug: &str) -> String {
    format!("card-{slug}")
}

#[component]
pub fn ArticleCard(summary: ArticleSummary) -> impl IntoView {
    let lang = Lang::from_tag_or_default(&summary.lang);
    let minutes = summary
        .word_count
        .map(|words| reading_time(reading_minutes(words, 0, lang), lang));
    let comments = summary
        .comment_count
        .filter(|n| *n > 0)
        .map(|n| comment_count(n, lang));
    let href = Route::article(&summary.slug).href();
    let prefetch_slug = summary.slug.clone();
    let prefetch = StoredValue::new(prefetch_slug);
    let prefetch_now = move || prefetch.with_value(|slug| api::prefetch_article(slug));
    let section_href = Route::section(&summary.section.slug).href();
    view! {
        <li class="card" lang=summary.lang.clone() dir=dir_of(&summary.lang)>
            {summary.image.map(|image| view! { <CardImage image/> })}
            <p class="kicker"><A href=section_href>{summary.section.name}</A></p>
            <h2 class="card-title" on:mouseenter=move |_| prefetch_now()
                on:focusin=move |_| prefetch_now() on:touchstart=move |_| prefetch_now()>
                <A href=href attr:id=card_link_id(&summary.slug)>{summary.title}</A>
            </h2>
            {summary.lede.map(|lede| view! { <p class="card-lede">{lede}</p> })}
            <p class="meta">
                <DateText at=summary.published_at lang/>
                {minutes.map(|m| view! { <span class="badge">{m}</span> })}
                {comments.map(|c| view! { <span class="meta-comments">{c}</span> })}
            </p>
        </li>
    }
}

#[component]
fn CardImage(image: Image) -> impl IntoView {
    safe_href(&image.src).map(|src| {
        view! {
            <img class="card-image" src=src.to_owned() alt=image.alt width=image.width
                height=image.height loading="lazy" decoding="async"/>
        }
    })
}
