//! One comment and, below it, as many of its replies as the limits allow.

use gazette_model::contract::{Comment, CommentStatus};
use gazette_model::dates::{format_comment_date, format_date_time};
use gazette_model::i18n::{
    collapse_replies, comment_label, expand_replies, more_replies, reply_count, reply_to,
};
use leptos::prelude::*;

use super::ctx::ThreadCtx;
use super::reply_form::ReplyForm;
use super::report::ReportControl;
use super::storage::has_draft;
use crate::components::comment_body::comment_body;
use crate::components::share::ShareControls;
use crate::context::ui_strings;

/// Replies shown under a comment before "show N more replies".
const REPLIES_SHOWN: usize = 3;

/// Whether comment `target` is on screen when the thread first renders
/// with `roots` in order and `shown` of them listed.
pub fn initially_visible(ctx: &ThreadCtx, roots: &[usize], shown: usize, target: &str) -> bool {
    let thread = &ctx.thread;
    let Some(i) = thread.find(target) else {
        return false;
    };
    let mut path = thread.ancestors(i);
    path.push(i);
    let top = path[0];
    if !roots.iter().take(shown).any(|&r| r == top) || path.len() > ctx.max_depth {
        return false;
    }
    path.windows(2).all(|pair| {
        let siblings = &thread.nodes[pair[0]].children;
        siblings.iter().take(REPLIES_SHOWN).any(|&c| c == pair[1])
    })
}

/// The `<li>` of thread comment `i`, `rel_depth` levels below the rendered
/// top, with as many of its replies as the limits allow.
pub fn comment_item(ctx: &ThreadCtx, i: usize, rel_depth: usize) -> AnyView {
    let s = ui_strings();
    let node = &ctx.thread.nodes[i];
    let id = node.comment.id.clone();
    let collapsed = RwSignal::new(false);
    let replies_shown = RwSignal::new(REPLIES_SHOWN);
    let children = node.children.clone();
    let descendants = node.descendants;
    let at_depth_limit = rel_depth + 1 >= ctx.max_depth;
    let toggle = (!children.is_empty() && !at_depth_limit).then_some((collapsed, descendants));

    let ctx_children = ctx.clone();
    let replies_id = format!("replies-{id}");
    let continue_href = ctx.permalink(&id);
    let replies = move || {
        if children.is_empty() || collapsed.get() {
            return ().into_any();
        }
        if at_depth_limit {
            return view! {
                <p class="continue">
                    <a href=continue_href.clone()>
                        {s.continue_thread}" ("{reply_count(descendants, ctx_children.lang)}")"
                    </a>
                </p>
            }
            .into_any();
        }
        let total = children.len();
        let limit = replies_shown.get().min(total);
        let items = children[..limit]
            .iter()
            .map(|&child| comment_item(&ctx_children, child, rel_depth + 1))
            .collect_view();
        let rest = total - limit;
        view! {
            <ul class="replies" id=replies_id.clone()>{items}</ul>
            {(rest > 0).then(|| view! {
                <button type="button" class="link-button more-replies"
                    on:click=move |_| replies_shown.update(|n| *n += 10)>
                    {more_replies(rest, ctx_children.lang)}
                </button>
            })}
        }
        .into_any()
    };
    let posted = posted_replies(ctx, &id, rel_depth + 1);
    view! {
        <li class="comment-item" class:is-target=ctx.target.as_deref() == Some(id.as_str())>
            {comment_article(ctx, &node.comment, node.depth, toggle)}
            {replies}
            {posted}
        </li>
    }
    .into_any()
}

/// Comments this reader posted in this visit under `parent`, newest last.
fn posted_replies(ctx: &ThreadCtx, parent: &str, rel_depth: usize) -> impl IntoView {
    let ctx = ctx.clone();
    let parent = parent.to_owned();
    move || {
        let mine: Vec<Comment> = ctx
            .posted
            .read()
            .iter()
            .filter(|c| c.parent_id.as_deref() == Some(parent.as_str()))
            .cloned()
            .collect();
        (!mine.is_empty()).then(|| {
            let items = mine
                .iter()
                .map(|c| posted_item(&ctx, c, rel_depth))
                .collect_view();
            view! { <ul class="replies">{items}</ul> }
        })
    }
}

/// A comment this reader just posted, with the replies they posted to it.
pub fn posted_item(ctx: &ThreadCtx, comment: &Comment, rel_depth: usize) -> AnyView {
    let depth = ctx.depth_of_parent(comment.parent_id.as_deref());
    view! {
        <li class="comment-item is-new">
            {comment_article(ctx, comment, depth, None)}
            {posted_replies(ctx, &comment.id, rel_depth + 1)}
        </li>
    }
    .into_any()
}

/// The `<article>` of one comment: title, author, date, body and actions.
/// `toggle` is the collapse state and reply count of a comment with replies.
fn comment_article(
    ctx: &ThreadCtx,
    c: &Comment,
    depth: usize,
    toggle: Option<(RwSignal<bool>, usize)>,
) -> impl IntoView {
    let s = ui_strings();
    let lang = ctx.lang;
    let id = c.id.clone();
    let deleted = c.status == CommentStatus::Deleted;
    let pending = c.status == CommentStatus::Pending;
    let label = if deleted {
        s.comment_deleted.to_owned()
    } else {
        comment_label(&c.author, depth, lang)
    };
    let header = (!deleted).then(|| {
        let title = c.title.clone().filter(|t| !t.trim().is_empty());
        let relative = format_comment_date(&c.created_at, ctx.now, lang);
        let absolute = format_date_time(&c.created_at, lang);
        view! {
            {title.map(|t| view! { <h3 class="comment-title" dir="auto">{t}</h3> })}
            <p class="comment-meta">
                <span class="comment-author" dir="auto">{c.author.clone()}</span>
                <a class="comment-date" href=ctx.permalink(&c.id)>
                    <time datetime=c.created_at.to_rfc3339() title=absolute>{relative}</time>
                </a>
                {pending.then(|| view! { <span class="badge">{s.awaiting_moderation}</span> })}
            </p>
            <div class="comment-body" dir="auto">{comment_body(&c.body)}</div>
        }
    });
    let controls_id = format!("replies-{id}");
    let can_post = ctx.can_post;
    let replying =
        RwSignal::new(can_post.get_untracked() && !deleted && has_draft(&ctx.slug, Some(&id)));
    let reply_button = NodeRef::<leptos::html::Button>::new();
    let close_form = Callback::new(move |()| {
        replying.set(false);
        if let Some(button) = reply_button.get_untracked() {
            let _ = button.focus();
        }
    });
    let form_ctx = ctx.clone();
    let form_parent = id.clone();
    let form_author = c.author.clone();
    let form = move || {
        replying.get().then(|| {
            let on_posted = form_ctx.on_posted;
            view! {
                <ReplyForm slug=form_ctx.slug.to_string() parent=Some(form_parent.clone())
                    label=reply_to(&form_author, form_ctx.lang)
                    limits=form_ctx.limits.clone() autofocus=true on_cancel=close_form
                    on_posted=Callback::new(move |comment| { replying.set(false); on_posted.run(comment); })/>
            }
        })
    };
    view! {
        <article class="comment" class:deleted=deleted id=format!("comment-{id}") tabindex="-1" aria-label=label>
            {header}
            {deleted.then(|| view! { <p class="comment-deleted">{s.comment_deleted}</p> })}
            <div class="comment-actions">
                {move || (can_post.get() && !deleted && !pending).then(|| view! {
                    <button type="button" class="link-button" node_ref=reply_button
                        aria-expanded=move || replying.get().to_string()
                        on:click=move |_| replying.update(|open| *open = !*open)>
                        {s.reply}
                    </button>
                })}
                {toggle.map(|(collapsed, descendants)| view! {
                    <button type="button" class="link-button"
                        aria-controls=move || (!collapsed.get()).then(|| controls_id.clone())
                        aria-expanded=move || (!collapsed.get()).to_string()
                        on:click=move |_| collapsed.update(|c| *c = !*c)>
                        {move || if collapsed.get() {
                            expand_replies(descendants, lang)
                        } else {
                            collapse_replies(descendants, lang)
                        }}
                    </button>
                })}
                {(!deleted && !pending).then(|| {
                    let title = c.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| c.author.clone());
                    view! { <ShareControls id=id.clone() title path=ctx.permalink(&id)/> }
                })}
                {let (slug, id) = (ctx.slug.to_string(), id.clone());
                move || (can_post.get() && !deleted && !pending).then(|| view! {
                    <ReportControl slug=slug.clone() id=id.clone()/>
                })}
            </div>
        </article>
        {form}
    }
}
