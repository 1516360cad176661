//! A comment listing by pages (contract 1.1), shared by the server, which
//! pages what it answers, and the build, which writes a flat export's pages
//! for static hosts: the thread order, where pages end, one comment's
//! sub-thread, and, for the app, whether what it has read of the pages
//! already holds a whole sub-thread.

use std::collections::HashSet;

use crate::contract::{Comment, CommentList, CommentStatus, SubThread};
use crate::thread::Thread;

/// At most this many comments on one page...
pub const MAX_PAGE_COMMENTS: usize = 200;
/// ...and at most this many bytes of their JSON (a single comment above it
/// still gets a page of its own).
pub const MAX_PAGE_BYTES: usize = 256 * 1024;

/// `comments` in thread order: top-level comments newest first, each
/// followed by its whole sub-tree depth-first, replies oldest first. The
/// tree is [`Thread::build`]'s (duplicates dropped, replies to a missing
/// parent and broken cycles at the top level); pending entries stay.
pub fn thread_order(comments: &[Comment]) -> Vec<Comment> {
    let pending: Vec<Comment> = comments
        .iter()
        .filter(|c| c.status == CommentStatus::Pending)
        .cloned()
        .collect();
    let thread = Thread::build(comments, &pending);
    let mut order = Vec::with_capacity(thread.nodes.len());
    let mut stack: Vec<usize> = thread.roots.iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        order.push(i);
        stack.extend(thread.nodes[i].children.iter().rev());
    }
    let mut nodes: Vec<Option<Comment>> =
        thread.nodes.into_iter().map(|n| Some(n.comment)).collect();
    order.into_iter().filter_map(|i| nodes[i].take()).collect()
}

/// Splits comments in thread order into pages: each at most
/// [`MAX_PAGE_COMMENTS`] comments and [`MAX_PAGE_BYTES`] of JSON. An empty
/// listing is one empty page.
pub fn pages(ordered: Vec<Comment>) -> Vec<Vec<Comment>> {
    let mut pages = vec![Vec::new()];
    let mut bytes = 0;
    for comment in ordered {
        let size = serde_json::to_string(&comment).map_or(0, |json| json.len() + 1);
        let page = pages.last_mut().expect("one page at least");
        if !page.is_empty() && (page.len() == MAX_PAGE_COMMENTS || bytes + size > MAX_PAGE_BYTES) {
            pages.push(Vec::new());
            bytes = 0;
        }
        bytes += size;
        pages.last_mut().expect("one page at least").push(comment);
    }
    pages
}

/// Page `n` (from 1) of `slug`'s listing, `next` naming the following one;
/// `None` past the last page. `total` counts the published comments of
/// every page.
pub fn listing_page(slug: &str, pages: Vec<Vec<Comment>>, n: usize) -> Option<CommentList> {
    let total = pages
        .iter()
        .flatten()
        .filter(|c| c.status == CommentStatus::Published)
        .count();
    let count = pages.len();
    let comments = pages.into_iter().nth(n.checked_sub(1)?)?;
    Some(CommentList {
        article: slug.to_owned(),
        total: Some(u32::try_from(total).unwrap_or(u32::MAX)),
        comments,
        next: (n < count).then(|| crate::routes::api::comments_page(slug, n + 1)),
    })
}

/// Comment `id`'s sub-thread in a listing in thread order: its ancestors
/// from the top, the comment, and the replies below it in thread order,
/// the replies paged as a listing is; page `n` from 1. `None` when `id` is
/// not in the listing or `n` is past the last page.
pub fn sub_thread(slug: &str, ordered: &[Comment], id: &str, n: usize) -> Option<SubThread> {
    let at = ordered.iter().position(|c| c.id == id)?;
    let end = at + 1 + subtree_len(&ordered[at..]);
    // A parent comes before its replies in thread order, so the chain is
    // followed backwards only (a cycle the build broke cannot loop).
    let mut ancestors = Vec::new();
    let mut upto = at;
    let mut parent = ordered[at].parent_id.as_deref();
    while let Some(p) = parent {
        let Some(i) = ordered[..upto].iter().rposition(|c| c.id == p) else {
            break;
        };
        ancestors.push(ordered[i].clone());
        parent = ordered[i].parent_id.as_deref();
        upto = i;
    }
    ancestors.reverse();
    let pages = pages(ordered[at + 1..end].to_vec());
    let count = pages.len();
    let replies = pages.into_iter().nth(n.checked_sub(1)?)?;
    Some(SubThread {
        article: slug.to_owned(),
        ancestors,
        comment: ordered[at].clone(),
        replies,
        next: (n < count).then(|| crate::routes::api::sub_thread_page(slug, id, n + 1)),
    })
}

/// How many comments after `from[0]`, in thread order, are its replies at
/// any depth: they follow it without a break.
fn subtree_len(from: &[Comment]) -> usize {
    let mut inside: HashSet<&str> = HashSet::from([from[0].id.as_str()]);
    for (k, c) in from.iter().enumerate().skip(1) {
        match c.parent_id.as_deref() {
            Some(p) if inside.contains(p) => {
                inside.insert(&c.id);
            }
            _ => return k - 1,
        }
    }
    from.len() - 1
}

/// Whether the comments read so far (pages in thread order, `more` telling
/// whether pages remain) hold comment `id` and all its replies: a comment
/// after its sub-tree was read, or the pages ended.
pub fn holds_sub_thread(read: &[Comment], id: &str, more: bool) -> bool {
    read.iter()
        .position(|c| c.id == id)
        .is_some_and(|at| !more || at + 1 + subtree_len(&read[at..]) < read.len())
}

/// The reader's own pending comments that have a place among the pages
/// read so far: every one once no page remains, else those that answer
/// nobody or a comment already read (the others wait for their parent's
/// page, rather than show at the top level meanwhile).
pub fn placeable_pending(own: Vec<Comment>, read: &[Comment], more: bool) -> Vec<Comment> {
    if !more {
        return own;
    }
    let mut placed: HashSet<String> = read.iter().map(|c| c.id.clone()).collect();
    let mut kept = Vec::with_capacity(own.len());
    let mut waiting = own;
    // A reply to one's own pending reply follows it in.
    loop {
        let before = kept.len();
        waiting.retain(|c| match c.parent_id.as_deref() {
            Some(p) if !placed.contains(p) => true,
            _ => {
                placed.insert(c.id.clone());
                kept.push(c.clone());
                false
            }
        });
        if kept.len() == before {
            return kept;
        }
    }
}

#[cfg(test)]
#[path = "listing_tests.rs"]
mod tests;
