//! What every comment of one rendered thread shares: the tree, the
//! article, the depth limit, the clock, whether replies are offered, and
//! the comments this reader posted during this visit.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gazette_model::contract::{Comment, CommentSettings, CommentStatus};
use gazette_model::dates::utc_from_millis;
use gazette_model::lang::Lang;
use gazette_model::routes::Route;
use gazette_model::thread::Thread;
use leptos::prelude::*;

use super::storage::remember_pending;
use crate::api;
use crate::browser::before_paint;
use crate::browser::clock::now_millis;
use crate::browser::document::{is_narrow_screen, reveal_id};
use crate::context::ui_lang;

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
                remember_pending(&pending_slug, &comment);
            }
            let element_id = format!("comment-{}", comment.id);
            api::forget_comments(&pending_slug);
            // A replayed answer (a retry of a send the server had stored)
            // names a comment the page may already show.
            let shown = known.find(&comment.id).is_some()
                || posted.with_untracked(|list| list.iter().any(|c| c.id == comment.id));
            if !shown {
                posted.update(|list| list.push(comment));
            }
            before_paint(move || reveal_id(&element_id));
        });
        ThreadCtx {
            thread,
            slug: slug.into(),
            max_depth: if is_narrow_screen() { 3 } else { 6 },
            now: utc_from_millis(now_millis()),
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

    /// The URL of one comment's sub-thread.
    pub fn permalink(&self, id: &str) -> String {
        Route::comment(&self.slug, id).href()
    }

    /// The URL of the whole thread.
    pub fn thread_href(&self) -> String {
        Route::thread(&self.slug).href()
    }
}

/// What the thread may offer for writing.
#[derive(Clone)]
pub struct Posting {
    pub can_post: Signal<bool>,
    pub limits: CommentSettings,
}
