//! A listing read page by page (contract 1.1): the tree of what was read so
//! far, and the next page fetched when the reader wants more of it. The
//! first page alone draws the first screen; a page is parsed only when the
//! reader goes past what the ones before it hold.

use std::sync::Arc;

use gazette_model::contract::{Comment, CommentList};
use gazette_model::listing::placeable_pending;
use gazette_model::thread::Thread;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use super::storage::{forget_decided, own_pending};
use crate::api::{self, ApiError};

/// The tree of the comments read so far, with this browser's own pending
/// comments that have a place among them; `more` when pages remain.
pub fn build_thread(slug: &str, read: &[Comment], more: bool) -> Thread {
    forget_decided(slug, read);
    Thread::build(read, &placeable_pending(own_pending(slug), read, more))
}

/// The rest of a listing whose first page was read.
#[derive(Clone, Copy)]
pub struct Pages {
    /// The tree of every page read so far.
    pub thread: RwSignal<Arc<Thread>>,
    /// The next page's path, while pages remain.
    pub next: RwSignal<Option<String>>,
    /// A page is on its way.
    pub busy: RwSignal<bool>,
    pub failed: RwSignal<Option<ApiError>>,
    /// Every comment read (kept only while pages remain, to rebuild the tree).
    read: StoredValue<Vec<Comment>>,
    /// What the first page said the listing holds in all.
    pub total: Option<u32>,
}

impl Pages {
    /// The pages after `first`, whose tree is `thread`; `readable` when
    /// the reader can ask for them (not in a preview, which links to the
    /// whole thread instead and so keeps no copy of the first page).
    pub fn new(first: &CommentList, thread: Arc<Thread>, readable: bool) -> Self {
        let read = if readable && first.next.is_some() {
            first.comments.clone()
        } else {
            Vec::new()
        };
        Pages {
            thread: RwSignal::new(thread),
            next: RwSignal::new(first.next.clone()),
            busy: RwSignal::new(false),
            failed: RwSignal::new(None),
            read: StoredValue::new(read),
            total: first.total,
        }
    }

    /// A thread that came whole.
    pub fn whole(thread: Arc<Thread>) -> Self {
        let first = CommentList {
            article: String::new(),
            total: None,
            comments: Vec::new(),
            next: None,
        };
        Pages::new(&first, thread, false)
    }

    /// Whether every page was read.
    pub fn complete(self) -> bool {
        self.next.read().is_none()
    }

    /// Reads the next page, unless none remains or one is on its way, and
    /// builds the tree anew with it; with `all`, the pages after it too.
    pub fn read_next(self, slug: Arc<str>, all: bool) {
        let Some(path) = self.next.get_untracked() else {
            return;
        };
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.failed.set(None);
        spawn_local_scoped(async move {
            let result = api::next_page::<CommentList>(&path).await;
            // The thread may have gone (the reader left) while the page travelled.
            if self.read.is_disposed() {
                return;
            }
            match result {
                Ok(page) => {
                    // Page numbers are offsets: a comment posted between two
                    // requests can repeat one at the boundary (the tree keeps
                    // the first).
                    let more = page.next.is_some();
                    self.read.update_value(|read| read.extend(page.comments));
                    let thread = self.read.with_value(|read| build_thread(&slug, read, more));
                    if !more {
                        self.read.set_value(Vec::new());
                    }
                    self.thread.set(Arc::new(thread));
                    self.next.set(page.next);
                    self.busy.set(false);
                    if all {
                        self.read_next(slug, true);
                    }
                }
                Err(error) => {
                    self.failed.set(Some(error));
                    self.busy.set(false);
                }
            }
        });
    }
}
