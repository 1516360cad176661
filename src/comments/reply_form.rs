//! The reply form's markup: one for a new comment at the top of a thread,
//! and the same inline under any comment. What it keeps and how it sends
//! are `send`'s; a send in flight disables the button.

use gazette_model::contract::{Comment, CommentSettings};
use gazette_model::i18n::{char_count, rate_limited};
use gazette_model::text::Tables;
use gazette_model::validate::Field;
use leptos::html;
use leptos::prelude::*;

use super::send::{use_reply, Reply, Status};
use crate::api_post::PostError;
use crate::browser::before_paint;
use crate::browser::text::BrowserTables;
use crate::context::{ui_lang, ui_strings};

#[component]
pub fn ReplyForm(
    slug: String,
    parent: Option<String>,
    limits: CommentSettings,
    on_posted: Callback<Comment>,
    /// The form's accessible name.
    label: String,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let s = ui_strings();
    let lang = ui_lang();
    let author_ref = NodeRef::<html::Input>::new();
    let title_ref = NodeRef::<html::Input>::new();
    let body_ref = NodeRef::<html::Textarea>::new();
    let on_invalid = Callback::new(move |field: Field| match field {
        Field::Author => focus(author_ref),
        Field::Title => focus(title_ref),
        Field::Body | Field::ParentId => focus(body_ref),
    });
    let max_body = limits.max_body;
    let reply = use_reply(
        &slug,
        parent.as_deref(),
        limits,
        lang,
        on_posted,
        on_invalid,
    );
    let Reply {
        draft,
        website,
        status,
        field_error,
        ..
    } = reply;

    let prefix = format!("reply-{}", parent.as_deref().unwrap_or("top"));
    let id = move |name: &str| format!("{prefix}-{name}");

    if autofocus {
        before_paint(move || focus(author_ref));
    }

    let error_for = move |field: Field| move || reply.error_for(field);
    let described = move |field: Field, hint: &str| {
        let mut ids = String::from(hint);
        if field_error.get().is_some_and(|(f, _)| f == field) {
            ids.push(' ');
            ids.push_str(&format!("{hint}-error"));
        }
        ids
    };
    let author_hint = id("author-hint");
    let title_hint = id("title-hint");
    let body_hint = id("body-hint");
    let body_len = move || draft.with(|d| BrowserTables.graphemes(d.body.trim()));
    let status_message = move || match status.get() {
        Status::Idle | Status::Sending => None,
        Status::Waiting => Some(s.reply_waiting.to_owned()),
        Status::Sent { pending: false } => Some(s.sent.to_owned()),
        Status::Sent { pending: true } => Some(s.sent_pending.to_owned()),
        Status::Failed(PostError::Unreachable) => Some(s.send_failed.to_owned()),
        Status::Failed(PostError::RateLimited(seconds)) => Some(rate_limited(seconds, lang)),
        Status::Failed(PostError::Closed) => Some(s.comments_closed.to_owned()),
        Status::Failed(PostError::Banned) => Some(s.banned.to_owned()),
        Status::Failed(PostError::Gone) => Some(s.article_gone.to_owned()),
        Status::Failed(PostError::Rejected(_)) => Some(s.form_has_errors.to_owned()),
    };
    let over_limit = move || body_len() > max_body;
    let failed = move || matches!(status.get(), Status::Failed(_));
    let sending = move || status.get() == Status::Sending;

    view! {
        <form class="reply-form" novalidate aria-label=label
            on:submit=move |ev| { ev.prevent_default(); reply.send(); }
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    if let Some(cancel) = on_cancel { ev.prevent_default(); cancel.run(()); }
                }
            }>
            <div class="field">
                <label for=id("author")>{s.field_author}</label>
                <input id=id("author") name="author" type="text" autocomplete="nickname" node_ref=author_ref
                    aria-describedby={let h = author_hint.clone(); move || described(Field::Author, &h)}
                    aria-invalid=move || error_for(Field::Author)().is_some().to_string()
                    prop:value=move || draft.with(|d| d.author.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); reply.edit(|d| d.author = v); }/>
                <p class="hint" id=author_hint.clone()>{s.field_author_hint}</p>
                <FieldError id=format!("{author_hint}-error") message=Signal::derive(error_for(Field::Author))/>
            </div>
            <div class="field">
                <label for=id("title")>{s.field_title}</label>
                <input id=id("title") name="title" type="text" node_ref=title_ref
                    aria-describedby={let h = title_hint.clone(); move || error_for(Field::Title)().map(|_| format!("{h}-error"))}
                    aria-invalid=move || error_for(Field::Title)().is_some().to_string()
                    prop:value=move || draft.with(|d| d.title.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); reply.edit(|d| d.title = v); }/>
                <FieldError id=format!("{title_hint}-error") message=Signal::derive(error_for(Field::Title))/>
            </div>
            <div class="field">
                <label for=id("body")>{s.field_body}</label>
                <textarea id=id("body") name="body" rows="5" node_ref=body_ref
                    aria-describedby={let h = body_hint.clone(); move || format!("{} {h}-count", described(Field::Body, &h))}
                    aria-invalid=move || error_for(Field::Body)().is_some().to_string()
                    prop:value=move || draft.with(|d| d.body.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); reply.edit(|d| d.body = v); }>
                </textarea>
                <p class="hint" id=body_hint.clone()>{s.field_body_hint}</p>
                <p class="hint count" id=format!("{body_hint}-count") class:over=over_limit>
                    {move || char_count(body_len(), max_body, lang)}
                </p>
                <FieldError id=format!("{body_hint}-error") message=Signal::derive(error_for(Field::Body))/>
            </div>
            <div class="honeypot" aria-hidden="true">
                <label for=id("website")>{s.honeypot}</label>
                <input id=id("website") name="website" type="text" tabindex="-1" autocomplete="off"
                    prop:value=move || website.get() on:input=move |ev| website.set(event_target_value(&ev))/>
            </div>
            <p class="form-status" role="status" class:error=failed>{status_message}</p>
            <div class="form-actions">
                <button type="submit" class="button" disabled=sending>
                    {move || if sending() { s.sending } else if failed() { s.retry_send } else { s.send }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button secondary" on:click=move |_| cancel.run(())>{s.cancel}</button>
                })}
            </div>
        </form>
    }
}

#[component]
fn FieldError(id: String, message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|m| view! { <p class="field-error" id=id.clone()>{m}</p> })
    }
}

fn focus<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    use wasm_bindgen::JsCast;
    if let Some(element) = node.get_untracked() {
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}
