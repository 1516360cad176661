//! What this browser keeps of its comments: unsent drafts, the name last
//! signed with, its own comments awaiting moderation, and the
//! reader's sort order. Keys: `gazette_model::storage_keys`.

use gazette_model::contract::{Comment, CommentStatus};
use gazette_model::draft::Draft;
use gazette_model::storage_keys;
use gazette_model::thread::SortOrder;

use crate::browser::storage::{remove, store, stored};

/// Pending comments kept per article.
const MAX_PENDING: usize = 20;

/// The draft of the form replying to `parent` (or starting a new comment).
pub fn load_draft(slug: &str, parent: Option<&str>) -> Option<Draft> {
    serde_json::from_str(&stored(&storage_keys::draft(slug, parent))?).ok()
}

pub fn save_draft(slug: &str, parent: Option<&str>, draft: &Draft) {
    if let Ok(json) = serde_json::to_string(draft) {
        store(&storage_keys::draft(slug, parent), &json);
    }
}

/// Forgets a draft once its comment is stored.
pub fn forget_draft(slug: &str, parent: Option<&str>) {
    remove(&storage_keys::draft(slug, parent));
}

/// Whether a draft with text is kept (an inline form reopens after a reload).
pub fn has_draft(slug: &str, parent: Option<&str>) -> bool {
    load_draft(slug, parent).is_some_and(|d| !d.is_blank())
}

/// The name the reader last signed a comment with.
pub fn stored_author() -> String {
    stored(storage_keys::AUTHOR).unwrap_or_default()
}

pub fn remember_author(name: &str) {
    store(storage_keys::AUTHOR, name);
}

/// This browser's own comments awaiting moderation on `slug`, as the
/// `201` answers gave them: a server keeps them out of its listing.
pub fn own_pending(slug: &str) -> Vec<Comment> {
    stored(&storage_keys::pending(slug))
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Keeps a comment awaiting moderation (the last [`MAX_PENDING`] per article).
pub fn remember_pending(slug: &str, comment: &Comment) {
    let mut kept = own_pending(slug);
    kept.retain(|c| c.id != comment.id);
    kept.push(comment.clone());
    let excess = kept.len().saturating_sub(MAX_PENDING);
    kept.drain(..excess);
    keep_pending(slug, &kept);
}

/// Forgets the pending comments `listing` now shows published (or as a
/// placeholder): a moderator decided.
pub fn forget_decided(slug: &str, listing: &[Comment]) {
    let mut kept = own_pending(slug);
    let before = kept.len();
    kept.retain(|mine| {
        !listing
            .iter()
            .any(|c| c.id == mine.id && c.status != CommentStatus::Pending)
    });
    if kept.len() != before {
        keep_pending(slug, &kept);
    }
}

fn keep_pending(slug: &str, kept: &[Comment]) {
    if kept.is_empty() {
        remove(&storage_keys::pending(slug));
    } else if let Ok(json) = serde_json::to_string(kept) {
        store(&storage_keys::pending(slug), &json);
    }
}

/// The sort order kept from the reader's last choice.
pub fn stored_sort() -> SortOrder {
    stored(storage_keys::COMMENT_SORT)
        .and_then(|key| SortOrder::from_key(&key))
        .unwrap_or_default()
}

pub fn remember_sort(order: SortOrder) {
    store(storage_keys::COMMENT_SORT, order.key());
}
