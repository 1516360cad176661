//! An article's comment thread with its heading, notices and states: under
//! the article (a preview), on its own route (`/article/{slug}/comments`),
//! and one comment's sub-thread (`/article/{slug}/comments/{id}`).

use std::sync::Arc;

use gazette_model::contract::{CommentList, CommentSettings, SubThread};
use gazette_model::listing::holds_sub_thread;
use gazette_model::thread::Thread;
use leptos::prelude::*;
use leptos_router::components::A;

use super::comment::comment_item;
use super::ctx::{Posting, ThreadCtx};
use super::list::ThreadList;
use super::pages::{build_thread, Pages};
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

/// Starts loading what `scope` shows of an article's comments (the page
/// starts it beside the article's own request, so both travel at once):
/// the listing's first page, or one comment's sub-thread.
pub fn load_comments(
    slug: String,
    scope: &ThreadScope,
) -> (ReadSignal<Load<CommentList>>, Callback<()>) {
    let id = match scope {
        ThreadScope::From(id) => Some(id.clone()),
        _ => None,
    };
    use_load(move || {
        let (slug, id) = (slug.clone(), id.clone());
        async move {
            match id {
                Some(id) => fetch_sub_thread(&slug, &id).await,
                None => api::comments(&slug).await,
            }
        }
    })
}

/// Comment `id`'s sub-thread, with its ancestors, as one listing: from the
/// sub-thread route, or where a static host has none, from the listing's
/// pages, read until they hold the whole sub-thread.
async fn fetch_sub_thread(slug: &str, id: &str) -> Result<CommentList, ApiError> {
    match api::sub_thread(slug, id).await {
        Ok(sub) => {
            let mut comments = sub.ancestors;
            comments.push(sub.comment);
            comments.extend(sub.replies);
            let mut next = sub.next;
            while let Some(path) = next {
                let page: SubThread = api::next_page(&path).await?;
                comments.extend(page.replies);
                next = page.next;
            }
            Ok(CommentList {
                article: sub.article,
                total: None,
                comments,
                next: None,
            })
        }
        Err(ApiError::NotFound) => {
            let mut list = api::comments(slug).await?;
            while let Some(path) = list.next.take() {
                if holds_sub_thread(&list.comments, id, true) {
                    break;
                }
                let page: CommentList = api::next_page(&path).await?;
                list.comments.extend(page.comments);
                list.next = page.next;
            }
            Ok(list)
        }
        Err(error) => Err(error),
    }
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
                let thread = Arc::new(build_thread(&slug, &list.comments, list.next.is_some()));
                let pages = Pages::new(list, thread.clone(), scope == ThreadScope::Whole);
                // Untracked: the thread is built once (and grows by pages);
                // only `can_post` follows the article as it arrives.
                let limits = untrack(settings);
                let can_post = Signal::derive(move || settings().posting && comments_open.get());
                let posting = Posting { can_post, limits };
                thread_view(thread, pages, &slug, &scope, posting)
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

fn thread_view(
    thread: Arc<Thread>,
    pages: Pages,
    slug: &str,
    scope: &ThreadScope,
    posting: Posting,
) -> AnyView {
    match scope {
        ThreadScope::Preview => {
            let hash = location_hash();
            let target = hash.strip_prefix("comment-").map(str::to_owned);
            let ctx = ThreadCtx::new(thread, slug, target, posting);
            view! { <ThreadList ctx pages preview=true/> }.into_any()
        }
        ThreadScope::Whole => {
            view! { <ThreadList ctx=ThreadCtx::new(thread, slug, None, posting) pages/> }.into_any()
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
