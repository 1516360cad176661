//! The comments feature, in one folder: an article's thread with its
//! loading and error states (`thread`), the sorted list (`list`), each
//! comment and its replies (`comment`; its body is
//! `components::comment_body`), the reply form's markup (`reply_form`) and
//! its sending (`send`), the "Signaler" control (`report`), a listing read
//! page by page (`pages`), and what this
//! browser keeps of them: drafts, the name, its own pending comments, the
//! sort order (`storage`). Pages
//! compose [`ThreadBody`]; the component tests (tests/web.rs) also draw a
//! [`ThreadList`] alone.
//!
//! Inside, each file uses only those listed before it in this order:
//! storage, send, reply_form, report, pages, ctx, comment, list, thread.

mod comment;
mod ctx;
mod list;
mod pages;
mod reply_form;
mod report;
mod send;
mod storage;
mod thread;

pub use ctx::{Posting, ThreadCtx};
pub use list::ThreadList;
pub use thread::{load_comments, ThreadBody, ThreadScope};
