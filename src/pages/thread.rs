//! `/article/{slug}/comments` and `/article/{slug}/comments/{id}`: the
//! article's title above its whole thread or one comment's sub-thread.

use gazette_model::contract::Article;
use gazette_model::i18n::thread_title;
use gazette_model::page_meta::article_description;
use gazette_model::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::comments::{load_comments, ThreadBody, ThreadScope};
use crate::components::head::{use_page_head, About};
use crate::components::states::article_skeleton;
use crate::context::{ui_lang, ui_strings};
use crate::load::{use_load, Load};

#[component]
pub fn ThreadPage(slug: String, scope: ThreadScope) -> impl IntoView {
    let s = ui_strings();
    let fetch_slug = slug.clone();
    let (article, _) = use_load(move || {
        let slug = fetch_slug.clone();
        async move { api::article(&slug).await }
    });
    let title = move || match &*article.read() {
        Load::Ready(Article { summary, .. }) => summary.title.clone(),
        _ => String::new(),
    };
    let comments_open = Signal::derive(move || match &*article.read() {
        Load::Ready(article) => article.content.comments_open,
        _ => true,
    });
    let lang = ui_lang();
    let about = move || match &*article.read() {
        Load::Ready(Article { summary, content }) => {
            About::Article(article_description(summary, &content.body))
        }
        _ => About::Site,
    };
    use_page_head(move || thread_title(&title(), lang), about);
    let href = Route::article(&slug).href();
    // Both requests travel at once; the page shows when the article's title
    // is known (or failed), so nothing moves under the reader afterwards.
    let (comments, retry) = load_comments(slug.clone(), &scope);
    let settled = move || !matches!(*article.read(), Load::Loading);
    view! {
        <Show when=settled fallback=article_skeleton>
            <header class="thread-header">
                <p class="kicker">{s.thread_of}</p>
                <h1 class="thread-article"><A href=href.clone()>{move || {
                    let t = title();
                    if t.is_empty() { s.back_to_article.to_owned() } else { t }
                }}</A></h1>
            </header>
            <ThreadBody slug=slug.clone() scope=scope.clone() state=comments retry comments_open/>
        </Show>
    }
}
