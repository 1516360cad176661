//! A thread's list: its count, the sort control, the form for a new
//! comment, and the top-level comments page by page (or the first few, as
//! a preview under the article, with a link to the whole thread).

use gazette_model::contract::{Comment, CommentStatus};
use gazette_model::i18n::comment_count;
use gazette_model::thread::SortOrder;
use leptos::prelude::*;

use super::comment::{comment_item, initially_visible, posted_item};
use super::ctx::ThreadCtx;
use super::reply_form::ReplyForm;
use super::storage::{remember_sort, stored_sort};
use crate::browser::before_paint;
use crate::browser::document::reveal_id;
use crate::context::ui_strings;

/// Top-level comments shown at first, and added by each "show more".
const ROOTS_PAGE: usize = 20;

/// The whole thread (or its first comments when `preview` is set, with a
/// link to the whole thread).
#[component]
pub fn ThreadList(ctx: ThreadCtx, #[prop(optional)] preview: bool) -> impl IntoView {
    let s = ui_strings();
    let lang = ctx.lang;
    let base_count = ctx.thread.published_count();
    let posted = ctx.posted;
    let count = move || {
        base_count
            + posted.with(|list| {
                list.iter()
                    .filter(|c| c.status == CommentStatus::Published)
                    .count()
            })
    };
    let sort = RwSignal::new(stored_sort());
    let shown = RwSignal::new(ROOTS_PAGE.min(if preview { 10 } else { usize::MAX }));
    let thread = ctx.thread.clone();
    let roots = Memo::new(move |_| thread.sorted_roots(sort.get()));
    let total_roots = ctx.thread.roots.len();

    // A `#comment-{id}` in the URL: mark and scroll to it when it is on
    // screen, else open its sub-thread.
    if let Some(target) = ctx.target.clone() {
        let element_id = format!("comment-{target}");
        let href = ctx.permalink(&target);
        let visible =
            initially_visible(&ctx, &roots.get_untracked(), shown.get_untracked(), &target);
        let navigate = leptos_router::hooks::use_navigate();
        before_paint(move || {
            if visible {
                reveal_id(&element_id);
            } else {
                navigate(&href, Default::default());
            }
        });
    }

    let ctx_for_list = ctx.clone();
    let more_left = move || shown.get() < total_roots;
    view! {
        <div class="thread-bar">
            <p class="thread-count">{move || comment_count(count() as u32, lang)}</p>
            {(total_roots > 1).then(|| view! {
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
        {move || (total_roots == 0 && posted.read().is_empty()).then(|| view! { <p class="thread-empty">{s.comments_empty}</p> })}
        <ul class="thread" class:preview=preview>
            {let ctx = ctx.clone(); move || {
                let mine: Vec<Comment> = posted.read().iter().rev().filter(|c| c.parent_id.is_none()).cloned().collect();
                mine.iter().map(|c| posted_item(&ctx, c, 0)).collect_view()
            }}
            <For each=move || roots.get().into_iter().take(shown.get()) key=|i| *i
                children=move |i| comment_item(&ctx_for_list, i, 0)/>
        </ul>
        <Show when=more_left>
            {if preview {
                let href = ctx.thread_href();
                view! { <p class="more"><a href=href class="button">{s.whole_thread}</a></p> }.into_any()
            } else {
                view! {
                    <p class="more">
                        <button type="button" class="button secondary"
                            on:click=move |_| shown.update(|n| *n += ROOTS_PAGE)>
                            {s.show_more_comments}
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
