//! `/article/{slug}`: one article, whole.

use gazette_model::contract::{Article, ArticleContent, ArticleSummary, Image};
use gazette_model::i18n::{reading_time, strings};
use gazette_model::lang::{dir_of, Lang};
use gazette_model::links::safe_href;
use gazette_model::page_meta::article_description;
use gazette_model::reading::article_reading_minutes;
use gazette_model::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::comments::{load_comments, ThreadBody, ThreadScope};
use crate::components::blocks::{Body, Caption};
use crate::components::head::{use_page_head, About};
use crate::components::share::ShareControls;
use crate::components::states::{article_skeleton, load_view};
use crate::components::summary::ArticleCard;
use crate::components::time::DateText;
use crate::load::{use_load, Load};

/// The article, then its comments (the first few, as a preview).
#[component]
pub fn ArticlePage(slug: String) -> impl IntoView {
    let fetch_slug = slug.clone();
    let (state, retry) = use_load(move || {
        let slug = fetch_slug.clone();
        async move { api::article(&slug).await }
    });
    let (comments, retry_comments) = load_comments(slug.clone(), &ThreadScope::Preview);
    let article_ready = move || matches!(*state.read(), Load::Ready(_));
    let comments_open = Signal::derive(move || match &*state.read() {
        Load::Ready(article) => article.content.comments_open,
        _ => true,
    });
    view! {
        {load_view(state, retry, article_skeleton, |article| view! { <ArticleView article/> })}
        <Show when=article_ready>
            <ThreadBody slug=slug.clone() scope=ThreadScope::Preview state=comments retry=retry_comments comments_open/>
        </Show>
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let minutes = article_reading_minutes(&article);
    let description = article_description(&article.summary, &article.content.body);
    let Article { summary, content } = article;
    let ArticleContent {
        authors,
        body,
        tags,
        related,
        ..
    } = content;
    let ArticleSummary {
        slug: summary_slug,
        title,
        lede,
        section,
        lang: tag,
        published_at,
        updated_at,
        image,
        ..
    } = summary;
    let page_title = title.clone();
    let share_title = title.clone();
    let share_path = Route::article(&summary_slug).href();
    use_page_head(
        move || page_title.clone(),
        move || About::Article(description.clone()),
    );
    // Everything inside the article speaks its language, labels included.
    let lang = Lang::from_tag_or_default(&tag);
    let s = strings(lang);
    let authors = authors
        .into_iter()
        .map(|a| a.name)
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <article class="article" lang=tag.clone() dir=dir_of(&tag)>
            <header class="article-header">
                <p class="kicker"><A href=Route::section(&section.slug).href()>{section.name}</A></p>
                <h1>{title}</h1>
                {lede.map(|lede| view! { <p class="lede">{lede}</p> })}
                <p class="meta">
                    {(!authors.is_empty()).then(|| view! {
                        <span class="byline">{s.by}" "{authors}</span>
                    })}
                    <span>{s.published}" "<DateText at=published_at lang/></span>
                    {updated_at.map(|at| view! { <span>{s.updated}" "<DateText at lang/></span> })}
                    <span class="badge">{reading_time(minutes, lang)}</span>
                </p>
                <ShareControls id="top".to_owned() title=share_title.clone() path=share_path.clone()/>
            </header>
            {image.map(|image| view! { <Hero image lang/> })}
            <Body blocks=body lang/>
            <footer class="article-share"><ShareControls id="bottom".to_owned() title=share_title.clone() path=share_path.clone()/></footer>
            {(!tags.is_empty()).then(|| view! {
                <section class="tags" aria-label=s.tags>
                    <h2 class="visually-hidden">{s.tags}</h2>
                    <ul>{tags.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </section>
            })}
        </article>
        {(!related.is_empty()).then(|| view! {
            <section class="related" aria-labelledby="related-title">
                <h2 id="related-title">{s.related}</h2>
                <ul class="cards">
                    {related.into_iter().map(|summary| view! { <ArticleCard summary/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn Hero(image: Image, lang: Lang) -> impl IntoView {
    let Image {
        src,
        alt,
        credit,
        width,
        height,
    } = image;
    safe_href(&src).map(|src| {
        view! {
            <figure class="hero">
                <img src=src.to_owned() alt=alt width=width height=height fetchpriority="high"/>
                <Caption caption=None credit lang/>
            </figure>
        }
    })
}
