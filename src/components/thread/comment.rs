//! One comment and, below it, as many of its replies as the limits allow.

use gazette_model::contract::CommentStatus;
use gazette_model::dates::{format_comment_date, format_date_time};
use gazette_model::i18n::{comment_label, expand_replies, more_replies, reply_count};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::body::comment_body;
use super::{ThreadCtx, REPLIES_SHOWN};
use crate::browser;
use crate::context::ui_strings;

/// Whether comment `target` is on screen when the thread first renders
/// with `roots` in order and `shown` of them listed.
pub fn initially_visible(ctx: &ThreadCtx, roots: &[usize], shown: usize, target: &str) -> bool {
    let thread = &ctx.thread;
    let Some(i) = thread.find(target) else { return false };
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

/// The `<li>` of comment `i`, `rel_depth` levels below the rendered top.
pub fn comment_item(ctx: &ThreadCtx, i: usize, rel_depth: usize) -> AnyView {
    let s = ui_strings();
    let node = &ctx.thread.nodes[i];
    let c = &node.comment;
    let id = c.id.clone();
    let is_target = ctx.target.as_deref() == Some(id.as_str());
    let deleted = c.status == CommentStatus::Deleted;
    let label = if deleted {
        s.comment_deleted.to_owned()
    } else {
        comment_label(&c.author, node.depth, ctx.lang)
    };
    let collapsed = RwSignal::new(false);
    let replies_shown = RwSignal::new(REPLIES_SHOWN);
    let children = node.children.clone();
    let descendants = node.descendants;
    let replies_id = format!("replies-{id}");
    let at_depth_limit = rel_depth + 1 >= ctx.max_depth;
    let permalink = ctx.permalink(&id);

    let header = (!deleted).then(|| {
        let title = c.title.clone().filter(|t| !t.trim().is_empty());
        let relative = format_comment_date(&c.created_at, ctx.now, ctx.lang);
        let absolute = format_date_time(&c.created_at, ctx.lang);
        view! {
            {title.map(|t| view! { <h3 class="comment-title" dir="auto">{t}</h3> })}
            <p class="comment-meta">
                <span class="comment-author" dir="auto">{c.author.clone()}</span>
                <time datetime=c.created_at.to_rfc3339() title=absolute>{relative}</time>
            </p>
            <div class="comment-body" dir="auto">{comment_body(&c.body)}</div>
        }
    });

    let ctx_children = ctx.clone();
    let replies = move || {
        if children.is_empty() || collapsed.get() {
            return ().into_any();
        }
        if at_depth_limit {
            let href = ctx_children.permalink(&ctx_children.thread.nodes[i].comment.id);
            return view! {
                <p class="continue">
                    <a href=href>{s.continue_thread}" ("{reply_count(descendants, ctx_children.lang)}")"</a>
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

    let has_children = !node.children.is_empty();
    let lang = ctx.lang;
    let controls_id = format!("replies-{id}");
    view! {
        <li class="comment-item" class:is-target=is_target>
            <article class="comment" class:deleted=deleted id=format!("comment-{id}")
                tabindex="-1" aria-label=label>
                {header}
                {deleted.then(|| view! { <p class="comment-deleted">{s.comment_deleted}</p> })}
                <div class="comment-actions">
                    {(has_children && !at_depth_limit).then(|| view! {
                        <button type="button" class="link-button" aria-controls=controls_id
                            aria-expanded=move || (!collapsed.get()).to_string()
                            on:click=move |_| collapsed.update(|c| *c = !*c)>
                            {move || if collapsed.get() {
                                expand_replies(descendants, lang)
                            } else {
                                format!("{} ({})", s.collapse, reply_count(descendants, lang))
                            }}
                        </button>
                    })}
                    {(!deleted).then(|| view! { <CopyLink path=permalink/> })}
                </div>
            </article>
            {replies}
        </li>
    }
    .into_any()
}

/// "Copy link": the comment's permalink to the clipboard, confirmed in text.
#[component]
fn CopyLink(path: String) -> impl IntoView {
    let s = ui_strings();
    let copied = RwSignal::new(false);
    let url = format!("{}{}", browser::origin(), path);
    view! {
        <a class="link-button permalink" href=path>{"#"}</a>
        <button type="button" class="link-button" on:click=move |_| {
            let url = url.clone();
            spawn_local(async move {
                let ok = browser::copy_text(&url).await;
                copied.try_set(ok);
            });
        }>
            {move || if copied.get() { s.link_copied } else { s.copy_link }}
        </button>
        <span class="visually-hidden" role="status">{move || copied.get().then_some(s.link_copied)}</span>
    }
}
