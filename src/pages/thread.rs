//! The comment thread: under an article (a preview), on its own route
//! (`/article/{slug}/comments`), and one comment's sub-thread
//! (`/article/{slug}/comments/{id}`).

use std::sync::Arc;

use gazette_model::contract::{Article, CommentList, CommentSettings};
use gazette_model::links::is_valid_slug;
use gazette_model::thread::Thread;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiError};
use crate::browser;
use crate::components::states::{article_skeleton, ErrorState, NotFound};
use crate::components::thread::{comment_item, own_pending, Posting, ThreadCtx, ThreadList};
use crate::components::title::use_document_title;
use crate::context::{ui_strings, SiteContext};
use crate::load::{use_load, Load};

/// Which part of a thread to show.
#[derive(Clone, Debug, PartialEq)]
pub enum ThreadScope {
    /// Under the article: the first top-level comments.
    Preview,
    Whole,
    /// One comment and everything below it.
    From(String),
}

/// Starts loading an article's comments (the article page starts it beside
/// the article's own request, so both travel at once).
pub fn load_comments(slug: String) -> (ReadSignal<Load<CommentList>>, Callback<()>) {
    use_load(move || {
        let slug = slug.clone();
        async move { api::comments(&slug).await }
    })
}

/// A thread's heading and its loading, error or loaded state; the article
/// above it stays whatever happens here.
#[component]
pub fn ThreadBody(
    slug: String,
    scope: ThreadScope,
    state: ReadSignal<Load<CommentList>>,
    retry: Callback<()>,
    /// The article's `comments_open`.
    comments_open: Signal<bool>,
) -> impl IntoView {
    let s = ui_strings();
    let site = expect_context::<SiteContext>().0;
    let settings = move || match &*site.read() {
        Load::Ready(site) => site.comments.clone(),
        _ => CommentSettings::default(),
    };
    let enabled = move || settings().enabled;
    let notice = move || {
        if !comments_open.get() {
            Some(s.comments_closed)
        } else if !settings().posting {
            Some(s.posting_off)
        } else {
            None
        }
    };
    // The thread waits for site.json too: its limits and whether it takes
    // replies come from there.
    let site_known = move || !matches!(*site.read(), Load::Loading);
    let body = move || {
        state.with(|state| match state {
            _ if !site_known() => {
                view! { <p class="thread-loading" role="status">{s.loading}</p> }.into_any()
            }
            Load::Loading => {
                view! { <p class="thread-loading" role="status">{s.loading}</p> }.into_any()
            }
            Load::Failed(ApiError::NotFound) if scope == ThreadScope::Preview => {
                view! { <p class="thread-empty">{s.comments_empty}</p> }.into_any()
            }
            Load::Failed(error) => {
                view! { <ErrorState error=error.clone() retry inline=true/> }.into_any()
            }
            Load::Ready(list) => {
                let thread = Arc::new(Thread::build(&list.comments, &own_pending(&slug)));
                // Untracked: the thread is built once; only `can_post` follows
                // the article as it arrives.
                let limits = untrack(settings);
                let can_post = Signal::derive(move || settings().posting && comments_open.get());
                let posting = Posting { can_post, limits };
                thread_view(thread, &slug, &scope, posting)
            }
        })
    };
    view! {
        <Show when=enabled>
            <section class="comments" aria-labelledby="comments-title">
                <h2 id="comments-title">{s.comments_heading}</h2>
                {move || notice().map(|text| view! { <p class="notice">{text}</p> })}
                {body.clone()}
            </section>
        </Show>
    }
}

fn thread_view(thread: Arc<Thread>, slug: &str, scope: &ThreadScope, posting: Posting) -> AnyView {
    match scope {
        ThreadScope::Preview => {
            let hash = browser::location_hash();
            let target = hash.strip_prefix("comment-").map(str::to_owned);
            let ctx = ThreadCtx::new(thread, slug, target, posting);
            view! { <ThreadList ctx preview=true/> }.into_any()
        }
        ThreadScope::Whole => {
            view! { <ThreadList ctx=ThreadCtx::new(thread, slug, None, posting)/> }.into_any()
        }
        ThreadScope::From(id) => sub_thread(thread, slug, id, posting),
    }
}

fn sub_thread(thread: Arc<Thread>, slug: &str, id: &str, posting: Posting) -> AnyView {
    let s = ui_strings();
    let ctx = ThreadCtx::new(thread, slug, Some(id.to_owned()), posting);
    let whole = ctx.thread_href();
    let Some(i) = ctx.thread.find(id) else {
        return view! {
            <p>{s.comment_not_found}</p>
            <p><A href=whole>{s.whole_thread}</A></p>
        }
        .into_any();
    };
    let parent = ctx.thread.nodes[i]
        .parent
        .map(|p| ctx.permalink(&ctx.thread.nodes[p].comment.id));
    let element_id = format!("comment-{id}");
    browser::before_paint(move || browser::reveal_id(&element_id));
    view! {
        <nav class="thread-nav" aria-label=s.comments_heading>
            <ul>
                {parent.map(|href| view! { <li><A href=href>{s.parent_comment}</A></li> })}
                <li><A href=whole>{s.whole_thread}</A></li>
            </ul>
        </nav>
        <ul class="thread">{comment_item(&ctx, i, 0)}</ul>
    }
    .into_any()
}

/// `/article/{slug}/comments` and `/article/{slug}/comments/{id}`.
#[component]
pub fn ThreadPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let params = params.read();
        let slug = params.get("slug").unwrap_or_default();
        let scope = match params.get("id") {
            Some(id) => ThreadScope::From(id),
            None => ThreadScope::Whole,
        };
        let valid =
            is_valid_slug(&slug) && !matches!(&scope, ThreadScope::From(id) if !is_valid_slug(id));
        if valid {
            view! { <ThreadRoute slug scope/> }.into_any()
        } else {
            view! { <NotFound/> }.into_any()
        }
    }
}

#[component]
fn ThreadRoute(slug: String, scope: ThreadScope) -> impl IntoView {
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
    use_document_title(move || match title() {
        t if t.is_empty() => s.comments_heading.to_owned(),
        t => format!("{} : {t}", s.comments_heading),
    });
    let href = format!("/article/{slug}");
    // Both requests travel at once; the page shows when the article's title
    // is known (or failed), so nothing moves under the reader afterwards.
    let (comments, retry) = load_comments(slug.clone());
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
