//! A comment thread: sort control, progressive top-level list, nested
//! replies. Rendering is bounded: a page of top-level comments, the first
//! few replies of each, and a depth limit past which a "continue this
//! thread" link leads to the sub-thread route.

mod body;
mod comment;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gazette_model::contract::{Comment, CommentSettings, CommentStatus};
use gazette_model::dates::utc_from_millis;
use gazette_model::i18n::comment_count;
use gazette_model::lang::Lang;
use gazette_model::thread::{SortOrder, Thread};
use leptos::prelude::*;

use crate::browser;
use crate::components::reply_form::ReplyForm;
use crate::context::{ui_lang, ui_strings};

pub use comment::{comment_item, posted_item};

/// Top-level comments shown at first, and added by each "show more".
pub const ROOTS_PAGE: usize = 20;
/// Replies shown under a comment before "show N more replies".
pub const REPLIES_SHOWN: usize = 3;
const SORT_KEY: &str = "gazette.comment-sort";

/// What every comment of one rendered thread shares.
#[derive(Clone)]
pub struct ThreadCtx {
    pub thread: Arc<Thread>,
    pub slug: Arc<str>,
    /// Replies deeper than this (relative to the rendered top) go behind a link.
    pub max_depth: usize,
    pub now: DateTime<Utc>,
    pub lang: Lang,
    /// The comment the URL points at, marked and scrolled to.
    pub target: Option<String>,
    /// Whether reply forms are offered (the backend takes writes and the
    /// article's comments are open); it can change once the article loads.
    pub can_post: Signal<bool>,
    pub limits: CommentSettings,
    /// Comments this reader posted during this visit, shown in place.
    pub posted: RwSignal<Vec<Comment>>,
    pub on_posted: Callback<Comment>,
}

impl ThreadCtx {
    pub fn new(thread: Arc<Thread>, slug: &str, target: Option<String>, posting: Posting) -> Self {
        let posted = RwSignal::new(Vec::<Comment>::new());
        let pending_slug = slug.to_owned();
        let known = thread.clone();
        let on_posted = Callback::new(move |comment: Comment| {
            if comment.status == CommentStatus::Pending {
                remember_pending(&pending_slug, &comment.id);
            }
            let element_id = format!("comment-{}", comment.id);
            crate::api::forget_comments(&pending_slug);
            // A replayed answer (a retry of a send the server had stored)
            // names a comment the page may already show.
            let shown = known.find(&comment.id).is_some()
                || posted.with_untracked(|list| list.iter().any(|c| c.id == comment.id));
            if !shown {
                posted.update(|list| list.push(comment));
            }
            browser::before_paint(move || browser::reveal_id(&element_id));
        });
        ThreadCtx {
            thread,
            slug: slug.into(),
            max_depth: if browser::is_narrow_screen() { 3 } else { 6 },
            now: utc_from_millis(browser::now_millis()),
            lang: ui_lang(),
            target,
            can_post: posting.can_post,
            limits: posting.limits,
            posted,
            on_posted,
        }
    }

    /// The depth of a reply to `parent`, a thread comment or one posted now.
    pub fn depth_of_parent(&self, parent: Option<&str>) -> usize {
        let mut depth = 0;
        let mut at = parent.map(str::to_owned);
        while let Some(id) = at.take() {
            if let Some(i) = self.thread.find(&id) {
                return depth + self.thread.nodes[i].depth + 1;
            }
            at = self.posted.with_untracked(|list| {
                list.iter()
                    .find(|c| c.id == id)
                    .and_then(|c| c.parent_id.clone())
            });
            depth += 1;
            if depth > 10_000 {
                break;
            }
        }
        depth
    }

    pub fn permalink(&self, id: &str) -> String {
        format!("/article/{}/comments/{id}", self.slug)
    }

    pub fn thread_href(&self) -> String {
        format!("/article/{}/comments", self.slug)
    }
}

/// What the thread may offer for writing.
#[derive(Clone)]
pub struct Posting {
    pub can_post: Signal<bool>,
    pub limits: CommentSettings,
}

fn pending_key(slug: &str) -> String {
    format!("gazette.pending.{slug}")
}

/// Ids of this browser's own comments awaiting moderation on `slug`.
pub fn own_pending(slug: &str) -> Vec<String> {
    browser::stored(&pending_key(slug))
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn remember_pending(slug: &str, id: &str) {
    let mut ids = own_pending(slug);
    ids.push(id.to_owned());
    if let Ok(json) = serde_json::to_string(&ids) {
        browser::store(&pending_key(slug), &json);
    }
}

/// The sort order kept from the reader's last choice.
fn stored_sort() -> SortOrder {
    browser::stored(SORT_KEY)
        .and_then(|key| SortOrder::from_key(&key))
        .unwrap_or_default()
}

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
        let visible = comment::initially_visible(
            &ctx,
            &roots.get_untracked(),
            shown.get_untracked(),
            &target,
        );
        let navigate = leptos_router::hooks::use_navigate();
        browser::before_paint(move || {
            if visible {
                browser::reveal_id(&element_id);
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
                            browser::store(SORT_KEY, order.key());
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
        <ul class="thread">
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
