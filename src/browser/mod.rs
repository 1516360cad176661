//! The browser at the edge, one file per concern: the document
//! (`document`), localStorage (`storage`), the clock and random ids
//! (`clock`), the clipboard and share sheet (`share`), scroll restoration
//! (`scroll`), the hand-off from a page rendered ahead (`handoff`) and the
//! network and the service worker for offline reading (`network`), and the
//! Unicode tables of comment validation (`text`).
//!
//! Reads (storage, the location, the clock, the screen size) may run while
//! a view is built. Changes to the document (focus, scroll, title, theme,
//! storage writes) run from effects, event handlers or [`before_paint`].
//! Outside a browser (the native render, see crates/render) there is no
//! window: every function here then answers as a browser with empty storage
//! would, and the document title is kept for the render to read.

pub mod clock;
pub mod document;
pub mod handoff;
pub mod network;
pub mod scroll;
pub mod share;
pub mod storage;
pub mod text;

/// Whether this runs in a browser (not the native render).
pub fn is_live() -> bool {
    cfg!(target_arch = "wasm32")
}

fn window() -> Option<web_sys::Window> {
    if is_live() {
        web_sys::window()
    } else {
        None
    }
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Runs `f` before the next repaint (never outside a browser).
pub fn before_paint(f: impl FnOnce() + 'static) {
    if is_live() {
        leptos::prelude::request_animation_frame(f);
    }
}
