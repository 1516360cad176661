//! Going back puts the reader where they were: the last scroll position of
//! each path, restored after a back or forward navigation.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::document::pathname;
use super::window;

thread_local! {
    /// The last scroll position of each path visited, for going back.
    static SCROLL: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// Set by a back or forward navigation until its page has restored.
    static RESTORE: Cell<bool> = const { Cell::new(false) };
}

/// Remembers where the reader is on the current page (a scroll listener).
pub fn note_scroll() {
    if RESTORE.get() {
        // Between a back navigation and its page showing, the browser clamps
        // the scroll to the short page: keep the position noted before.
        return;
    }
    let y = window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
    SCROLL.with_borrow_mut(|map| map.insert(pathname(), y));
}

/// Marks a back or forward navigation (a popstate listener).
pub fn note_history_navigation() {
    RESTORE.set(true);
}

/// After a page's content shows: on a back or forward navigation, puts the
/// reader where they were on that page.
pub fn restore_scroll() {
    if !RESTORE.replace(false) {
        return;
    }
    let y = SCROLL.with_borrow(|map| map.get(&pathname()).copied());
    if let (Some(y), Some(window)) = (y, window()) {
        window.scroll_to_with_x_and_y(0.0, y);
    }
}
