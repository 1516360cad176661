//! Sending one reply form: its draft (saved as the reader types, cleared
//! only by a 201), the check before sending, the Idempotency-Key every
//! retry of the same text reuses, one send at a time, and each answer of
//! the server turned into the form's status or a field's error. A reply
//! sent offline waits, queued in its draft with its key, and goes once the
//! network is back: on the `online` event, or when the form opens again
//! after a reload.

use gazette_model::contract::{Comment, CommentSettings, CommentStatus};
use gazette_model::draft::Draft;
use gazette_model::i18n::{field_error, strings};
use gazette_model::lang::Lang;
use gazette_model::validate::{validate_new_comment, Field};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use super::storage::{forget_draft, load_draft, remember_author, save_draft, stored_author};
use crate::api_post::{post_comment, PostError};
use crate::browser::clock::random_uuid;
use crate::browser::network::is_online;
use crate::browser::text::BrowserTables;
use crate::context::online;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Sending,
    Failed(PostError),
    /// Queued offline: sent when the network is back.
    Waiting,
    Sent {
        pending: bool,
    },
}

/// One reply form's state and its sending; `Copy`, for the form's handlers.
#[derive(Clone, Copy)]
pub struct Reply {
    pub draft: RwSignal<Draft>,
    /// The honeypot field: sent as typed, never kept.
    pub website: RwSignal<String>,
    pub status: RwSignal<Status>,
    /// The field the last check or answer found wrong, and why.
    pub field_error: RwSignal<Option<(Field, String)>>,
    target: StoredValue<(String, Option<String>)>,
    limits: StoredValue<CommentSettings>,
    lang: Lang,
    on_posted: Callback<Comment>,
    /// Called with the field to fix when a send is refused.
    on_invalid: Callback<Field>,
}

/// The state of the form replying to `parent` (or starting a new comment)
/// under article `slug`, from its kept draft or, for a new one, with the
/// name last signed with.
pub fn use_reply(
    slug: &str,
    parent: Option<&str>,
    limits: CommentSettings,
    lang: Lang,
    on_posted: Callback<Comment>,
    on_invalid: Callback<Field>,
) -> Reply {
    let initial = load_draft(slug, parent).unwrap_or_else(|| Draft {
        author: stored_author(),
        ..Draft::default()
    });
    let queued = initial.queued;
    let reply = Reply {
        draft: RwSignal::new(initial),
        website: RwSignal::new(String::new()),
        status: RwSignal::new(if queued {
            Status::Waiting
        } else {
            Status::Idle
        }),
        field_error: RwSignal::new(None),
        target: StoredValue::new((slug.to_owned(), parent.map(str::to_owned))),
        limits: StoredValue::new(limits),
        lang,
        on_posted,
        on_invalid,
    };
    // Queued (also before a reload): sent once the browser is online,
    // now or at its `online` event.
    Effect::new(move |_| {
        if online() && reply.draft.with_untracked(|d| d.queued) {
            reply.send();
        }
    });
    reply
}

impl Reply {
    /// Changes the draft as the reader types, and keeps it.
    pub fn edit(self, change: impl FnOnce(&mut Draft)) {
        self.draft.update(change);
        self.draft.with_untracked(|d| self.save(d));
        if matches!(self.status.get_untracked(), Status::Sent { .. }) {
            self.status.set(Status::Idle);
        }
    }

    fn save(self, draft: &Draft) {
        self.target
            .with_value(|(slug, parent)| save_draft(slug, parent.as_deref(), draft));
    }

    /// The message of `field`'s error, if it has one (tracked).
    pub fn error_for(self, field: Field) -> Option<String> {
        self.field_error
            .get()
            .filter(|(f, _)| *f == field)
            .map(|(_, message)| message)
    }

    /// Checks the draft and sends it, unless a send is in flight.
    pub fn send(self) {
        if self.status.get_untracked() == Status::Sending {
            return;
        }
        let (slug, parent) = self.target.get_value();
        let mut request = self
            .draft
            .with_untracked(|d| d.to_request(parent.as_deref()));
        request.website = self.website.get_untracked();
        let checked = match self
            .limits
            .with_value(|limits| validate_new_comment(&request, limits, &BrowserTables))
        {
            Ok(checked) => checked,
            Err(error) => {
                self.field_error
                    .set(Some((error.field, field_error(&error, self.lang))));
                self.status.set(Status::Idle);
                self.on_invalid.run(error.field);
                return;
            }
        };
        self.field_error.set(None);
        let payload = serde_json::to_string(&checked).unwrap_or_default();
        let mut current = self.draft.get_untracked();
        let key = current.key_for(&payload, random_uuid);
        if !is_online() {
            self.queue(current);
            return;
        }
        self.save(&current);
        self.draft.set(current);
        self.status.set(Status::Sending);
        spawn_local_scoped(async move {
            let result = post_comment(&slug, &checked, &key).await;
            if self.draft.is_disposed() {
                // The form went away meanwhile (closed, or the reader left):
                // only what the browser keeps changes.
                match &result {
                    Ok(_) => {
                        forget_draft(&slug, parent.as_deref());
                        remember_author(&checked.author);
                    }
                    Err(PostError::Unreachable) if !is_online() => {
                        if let Some(mut kept) = load_draft(&slug, parent.as_deref()) {
                            kept.queued = true;
                            save_draft(&slug, parent.as_deref(), &kept);
                        }
                    }
                    Err(_) => {}
                }
                return;
            }
            match result {
                Ok(comment) => {
                    forget_draft(&slug, parent.as_deref());
                    remember_author(&checked.author);
                    self.draft.set(Draft {
                        author: checked.author.clone(),
                        ..Draft::default()
                    });
                    let pending = comment.status == CommentStatus::Pending;
                    self.status.set(Status::Sent { pending });
                    self.on_posted.run(comment);
                }
                Err(PostError::Unreachable) if !is_online() => {
                    self.queue(self.draft.get_untracked());
                }
                Err(PostError::Rejected(detail)) if detail.code == "key_reused" => {
                    // The key went with other text: the next send takes a new one.
                    self.draft.update(|d| {
                        d.key.clear();
                        d.queued = false;
                    });
                    self.draft.with_untracked(|d| self.save(d));
                    self.status.set(Status::Failed(PostError::Unreachable));
                }
                Err(PostError::Rejected(detail)) => {
                    let field = match detail.field.as_deref() {
                        Some("author") => Field::Author,
                        Some("title") => Field::Title,
                        _ => Field::Body,
                    };
                    let message = if detail.message.is_empty() {
                        strings(self.lang).form_has_errors.to_owned()
                    } else {
                        detail.message.clone()
                    };
                    self.field_error.set(Some((field, message)));
                    self.unqueue();
                    self.status.set(Status::Failed(PostError::Rejected(detail)));
                    self.on_invalid.run(field);
                }
                Err(PostError::Unreachable) => {
                    self.status.set(Status::Failed(PostError::Unreachable))
                }
                Err(error) => {
                    // The server answered: waiting again would not help.
                    self.unqueue();
                    self.status.set(Status::Failed(error));
                }
            }
        });
    }

    /// Keeps `draft` (with its key) to send once the network is back.
    fn queue(self, mut draft: Draft) {
        draft.queued = true;
        self.save(&draft);
        self.draft.set(draft);
        self.status.set(Status::Waiting);
    }

    fn unqueue(self) {
        if self.draft.with_untracked(|d| d.queued) {
            self.draft.update(|d| d.queued = false);
            self.draft.with_untracked(|d| self.save(d));
        }
    }
}
