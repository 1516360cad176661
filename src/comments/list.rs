//! A thread's list: its count, the sort control, the form for a new
//! comment, and the top-level comments page by page (or the first few, as
//! a preview under the article, with a link to the whole thread).

use std::sync::Arc;

use gazette_model::contract::{Comment, CommentStatus};
use gazette_model::i18n::comment_count;
use gazette_model::thread::SortOrder;
use leptos::prelude::*;

use super::comment::{comment_item, initially_visible, posted_item};
use super::ctx::ThreadCtx;
use super::pages::Pages;
use super::reply_form::ReplyForm;
use super::storage::{remember_sort, stored_sort};
use crate::browser::before_paint;
use crate::browser::document::reveal_id;
use crate::components::states::ErrorState;
use crate::context::ui_strings;

/// Top-level comments shown at first, and added by each "show more".
const ROOTS_PAGE: usize = 20;

/// The whole thread (or its first comments when `preview` is set, with a
/// link to the whole thread). `pages`: the rest of a listing that came by
/// pages, read as the reader asks for more or for another order.
#[component]
pub fn ThreadList(
    ctx: ThreadCtx,
    #[prop(optional)] preview: bool,
    #[prop(optional)] pages: Option<Pages>,
) -> impl IntoView {
    let s = ui_strings();
    let lang = ctx.lang;
    let pages = pages.unwrap_or_else(|| Pages::whole(ctx.thread.clone()));
    let posted = ctx.posted;
    let count = move || {
        let read = pages.thread.with(|t| t.published_count());
        let base = match pages.total {
            Some(total) if !pages.complete() => total as usize,
            _ => read,
        };
        base + posted.with(|list| {
            list.iter()
                .filter(|c| c.status == CommentStatus::Published)
                .count()
        })
    };
    let sort = RwSignal::new(stored_sort());
    let shown = RwSignal::new(ROOTS_PAGE.min(if preview { 10 } else { usize::MAX }));
    // Top-level comments by id, in order: only those whose replies were all
    // read (the last one read may continue on the next page), newest first
    // until every page is read.
    let roots = Memo::new(move |_| {
        let thread = pages.thread.get();
        let complete = pages.complete();
        let order = if complete {
            sort.get()
        } else {
            SortOrder::Newest
        };
        let mut roots = thread.sorted_roots(order);
        if !complete {
            roots.pop();
        }
        roots
            .into_iter()
            .map(|i| (thread.nodes[i].comment.id.clone(), i))
            .collect::<Vec<_>>()
    });
    let available = move || roots.with(Vec::len);
    let several = ctx.thread.roots.len() > 1 || !pages.complete();

    // A `#comment-{id}` in the URL: mark and scroll to it when it is on
    // screen, else open its sub-thread.
    if let Some(target) = ctx.target.clone() {
        let element_id = format!("comment-{target}");
        let href = ctx.permalink(&target);
        let order: Vec<usize> = roots.with_untracked(|r| r.iter().map(|(_, i)| *i).collect());
        let visible = initially_visible(&ctx, &order, shown.get_untracked(), &target);
        let navigate = leptos_router::hooks::use_navigate();
        before_paint(move || {
            if visible {
                reveal_id(&element_id);
            } else {
                navigate(&href, Default::default());
            }
        });
    }

    // More pages when the reader asks for more than is read, or for an
    // order that needs them all.
    if !preview {
        let slug = ctx.slug.clone();
        Effect::new(move |_| {
            let all = sort.get() != SortOrder::Newest;
            if !pages.complete() && (all || shown.get() > available()) {
                pages.read_next(slug.clone(), all);
            }
        });
    }

    // Each row is drawn with the tree of its time: a page read later does
    // not change a top-level comment whose replies were all read before.
    let row_ctx = StoredValue::new_local(ctx.clone());
    let row = move |(_, i): (String, usize)| {
        let thread = pages.thread.get_untracked();
        row_ctx.update_value(|c| {
            if !Arc::ptr_eq(&c.thread, &thread) {
                c.thread = thread;
            }
        });
        row_ctx.with_value(|c| comment_item(c, i, 0))
    };
    let more_left = move || shown.get() < available() || !pages.complete();
    let reading_all = move || sort.get() != SortOrder::Newest && !pages.complete();
    view! {
        <div class="thread-bar">
            <p class="thread-count">{move || comment_count(count() as u32, lang)}</p>
            {several.then(|| view! {
                <p class="sort">
                    <label for="comment-sort">{s.sort_label}</label>
                    <select id="comment-sort" on:change=move |ev| {
                        if let Some(order) = SortOrder::from_key(&event_target_value(&ev)) {
                            remember_sort(order);
                            sort.set(order);
                        }
                    }>
                        {SortOrder::ALL.into_iter().map(|order| view! {
                            <option value=order.key() selected=move || sort.get() == order>
                                {sort_label(order)}
                            </option>
                        }).collect_view()}
                    </select>
                    " "<span class="thread-loading" role="status">{move || (reading_all() && pages.failed.read().is_none()).then_some(s.loading)}</span>
                </p>
            })}
        </div>
        {let (slug, limits, on_posted, can_post) = (ctx.slug.to_string(), ctx.limits.clone(), ctx.on_posted, ctx.can_post);
        move || can_post.get().then(|| view! {
            <div class="new-comment">
                <h3>{s.new_comment}</h3>
                <ReplyForm slug=slug.clone() parent=None limits=limits.clone() on_posted label=s.new_comment.to_owned()/>
            </div>
        })}
        {move || (available() == 0 && pages.complete() && posted.read().is_empty()).then(|| view! { <p class="thread-empty">{s.comments_empty}</p> })}
        <ul class="thread" class:preview=preview>
            {let ctx = ctx.clone(); move || {
                let mine: Vec<Comment> = posted.read().iter().rev().filter(|c| c.parent_id.is_none()).cloned().collect();
                mine.iter().map(|c| posted_item(&ctx, c, 0)).collect_view()
            }}
            <For each=move || roots.get().into_iter().take(shown.get()) key=|(id, _)| id.clone()
                children=row/>
        </ul>
        {let slug = ctx.slug.clone(); move || pages.failed.get().map(|error| {
            let slug = slug.clone();
            let all = reading_all();
            view! { <ErrorState error retry=Callback::new(move |()| pages.read_next(slug.clone(), all)) inline=true/> }
        })}
        <Show when=more_left>
            {if preview {
                let href = ctx.thread_href();
                view! { <p class="more"><a href=href class="button">{s.whole_thread}</a></p> }.into_any()
            } else {
                view! {
                    <p class="more">
                        <button type="button" class="button secondary"
                            aria-disabled=move || (pages.busy.get() && shown.get() >= available()).to_string()
                            on:click=move |_| {
                                if shown.get_untracked() < available() || !pages.busy.get_untracked() {
                                    shown.update(|n| *n += ROOTS_PAGE);
                                }
                            }>
                            {move || if pages.busy.get() && shown.get() >= available() { s.loading_more } else { s.show_more_comments }}
                        </button>
                    </p>
                }.into_any()
            }}
        </Show>
    }
}

fn sort_label(order: SortOrder) -> &'static str {
    let s = ui_strings();
    match order {
        SortOrder::Newest => s.sort_newest,
        SortOrder::Oldest => s.sort_oldest,
        SortOrder::MostReplies => s.sort_replies,
    }
}
