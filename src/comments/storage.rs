//! What this browser keeps of its comments: unsent drafts, the name last
//! signed with, the ids of its own comments awaiting moderation, and the
//! reader's sort order. Keys: `gazette_model::storage_keys`.

use gazette_model::draft::Draft;
use gazette_model::storage_keys;
use gazette_model::thread::SortOrder;

use crate::browser::storage::{remove, store, stored};

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

/// Ids of this browser's own comments awaiting moderation on `slug`.
pub fn own_pending(slug: &str) -> Vec<String> {
    stored(&storage_keys::pending(slug))
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

pub fn remember_pending(slug: &str, id: &str) {
    let mut ids = own_pending(slug);
    ids.push(id.to_owned());
    if let Ok(json) = serde_json::to_string(&ids) {
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
