//! The comments feature, in one folder: an article's thread with its
//! loading and error states (`thread`), the sorted list (`list`), each
//! comment and its replies (`comment`, `body`), the reply form's markup
//! (`reply_form`) and its sending (`send`), and what this browser keeps of
//! them: drafts, the name, pending ids, the sort order (`storage`). Pages
//! compose [`ThreadBody`]; the component tests (tests/web.rs) also draw a
//! [`ThreadList`] alone.
//!
//! Inside, each file uses only those listed before it in this order:
//! storage, send, reply_form, body, ctx, comment, list, thread.

mod body;
mod comment;
mod ctx;
mod list;
mod reply_form;
mod send;
mod storage;
mod thread;

pub use ctx::{Posting, ThreadCtx};
pub use list::ThreadList;
pub use thread::{load_comments, ThreadBody, ThreadScope};
