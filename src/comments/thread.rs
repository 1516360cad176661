//! An article's comment thread with its heading, notices and states: under
//! the article (a preview), on its own route (`/article/{slug}/comments`),
//! and one comment's sub-thread (`/article/{slug}/comments/{id}`).

use std::sync::Arc;

use gazette_model::contract::{CommentList, CommentSettings};
use gazette_model::thread::Thread;
use leptos::prelude::*;
use leptos_router::components::A;

use super::comment::comment_item;
use super::ctx::{Posting, ThreadCtx};
use super::list::ThreadList;
use super::storage::{forget_decided, own_pending};
use crate::api::{self, ApiError};
use crate::browser::before_paint;
use crate::browser::document::{location_hash, reveal_id};
use crate::components::states::ErrorState;
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
                forget_decided(&slug, &list.comments);
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
            let hash = location_hash();
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
    before_paint(move || reveal_id(&element_id));
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
