//! The states a page shows when it has no data yet, or none at all:
//! skeletons shaped like the page, the error state with a retry, and the
//! not-found page.

use gazette_model::i18n::server_error;
use gazette_model::offline::SavedArticle;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::ApiError;
use crate::browser::before_paint;
use crate::browser::network::saved_articles;
use crate::browser::scroll::restore_scroll;
use crate::components::head::{use_page_head, About};
use crate::context::{online_now, ui_lang, ui_strings};
use crate::load::Load;

/// Renders `ready` with the data, or the skeleton, error or not-found state.
pub fn load_view<T, V>(
    state: ReadSignal<Load<T>>,
    retry: Callback<()>,
    skeleton: fn() -> AnyView,
    ready: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match state.get() {
        Load::Loading => skeleton(),
        Load::Ready(data) => {
            before_paint(restore_scroll);
            ready(data).into_any()
        }
        Load::Failed(ApiError::NotFound) => view! { <NotFound/> }.into_any(),
        Load::Failed(error) => view! { <ErrorState error retry/> }.into_any(),
    }
}

/// What failed and a retry. `inline` for a part of a page (a thread, the
/// next page of a list): its heading is then not the page's `h1`. Offline,
/// a page says so and lists the articles saved for offline reading.
#[component]
pub fn ErrorState(
    error: ApiError,
    retry: Callback<()>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let s = ui_strings();
    if error == ApiError::Network && !inline && !online_now() {
        return view! { <OfflineState retry/> }.into_any();
    }
    let detail = match &error {
        ApiError::Network => s.error_network.to_owned(),
        ApiError::Status(code) => server_error(*code, ui_lang()),
        ApiError::Decode(_) | ApiError::NotFound => s.error_decode.to_owned(),
    };
    if let ApiError::Decode(reason) = &error {
        leptos::logging::warn!("API data rejected: {reason}");
    }
    view! {
        <section class="state state-error" role="alert" aria-labelledby="error-title">
            {if inline {
                view! { <h3 id="error-title">{s.error_title}</h3> }.into_any()
            } else {
                view! { <h1 id="error-title">{s.error_title}</h1> }.into_any()
            }}
            <p>{detail}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {s.retry}
            </button>
        </section>
    }
    .into_any()
}

/// Offline, for a page the browser has not saved: what is readable instead.
#[component]
fn OfflineState(retry: Callback<()>) -> impl IntoView {
    let s = ui_strings();
    let saved = RwSignal::new(None::<Vec<SavedArticle>>);
    leptos::task::spawn_local_scoped(async move {
        saved.try_set(Some(saved_articles().await));
    });
    view! {
        <section class="state state-offline" aria-labelledby="offline-title">
            <h1 id="offline-title">{s.offline_title}</h1>
            <p>{s.offline_body}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {s.retry}
            </button>
            <h2>{s.saved_heading}</h2>
            {move || saved.get().map(|articles| if articles.is_empty() {
                view! { <p>{s.saved_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="saved-articles">
                        {articles.into_iter().map(|a| view! {
                            <li><A href=a.href>{a.title}</A></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let s = ui_strings();
    use_page_head(move || s.not_found_title.to_owned(), || About::NotFound);
    view! {
        <section class="state state-not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{s.not_found_title}</h1>
            <p>{s.not_found_body}</p>
            <p><A href="/">{s.back_home}</A></p>
        </section>
    }
}

/// The loading shape of a list of article cards.
pub fn list_skeleton() -> AnyView {
    let s = ui_strings();
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">{s.loading}</p>
            <div class="skeleton-line skeleton-title" aria-hidden="true"></div>
            <ul class="cards" aria-hidden="true">
                {(0..6).map(|_| view! {
                    <li class="card card-skeleton">
                        <div class="skeleton-image"></div>
                        <div class="skeleton-line"></div>
                        <div class="skeleton-line short"></div>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// The loading shape of an article.
pub fn article_skeleton() -> AnyView {
    let s = ui_strings();
    view! {
        <div class="skeleton article" aria-busy="true">
            <p class="visually-hidden" role="status">{s.loading}</p>
            <div aria-hidden="true">
                <div class="skeleton-line short"></div>
                <div class="skeleton-line skeleton-title"></div>
                <div class="skeleton-line"></div>
                <div class="skeleton-image hero"></div>
                {(0..8).map(|_| view! { <div class="skeleton-line"></div> }).collect_view()}
            </div>
        </div>
    }
    .into_any()
}
