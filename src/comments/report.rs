//! "Signaler": a reader flags a comment for the moderators. The control
//! opens a small form (a reason, an optional note), sends it once with its
//! own Idempotency-Key (a retry of the same report reuses it), and says
//! what happens next; a second report of the same comment says it was
//! reported already. Offered only where the backend takes writes.

use gazette_model::i18n::{rate_limited, Strings};
use gazette_model::moderation::{NewReport, ReportReason, MAX_REPORT_NOTE};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use crate::api_post::{post_report, PostError};
use crate::browser::before_paint;
use crate::browser::clock::random_uuid;
use crate::context::{ui_lang, ui_strings};

#[derive(Clone, Debug, PartialEq)]
enum State {
    Closed,
    Open,
    Sending,
    Failed(PostError),
    /// Sent: `true` for a first report, `false` when it was reported already.
    Done(bool),
}

fn reason_label(s: &Strings, reason: ReportReason) -> &'static str {
    match reason {
        ReportReason::Spam => s.report_spam,
        ReportReason::Abuse => s.report_abuse,
        ReportReason::OffTopic => s.report_off_topic,
        ReportReason::Other => s.report_other,
    }
}

#[component]
pub fn ReportControl(slug: String, id: String) -> impl IntoView {
    let s = ui_strings();
    let lang = ui_lang();
    let state = RwSignal::new(State::Closed);
    let reason = RwSignal::new(None::<ReportReason>);
    let note = RwSignal::new(String::new());
    let missing_reason = RwSignal::new(false);
    // One key per report as written: a retry after a failure reuses it.
    let key = StoredValue::new(None::<(NewReport, String)>);
    let toggle_ref = NodeRef::<html::Button>::new();
    let first_reason = NodeRef::<html::Input>::new();
    let form_id = format!("report-{id}");
    let prefix = StoredValue::new(form_id.clone());
    let field = move |name: &str| prefix.with_value(|p| format!("{p}-{name}"));

    let open = move |_| {
        if matches!(state.get_untracked(), State::Closed) {
            state.set(State::Open);
            before_paint(move || {
                if let Some(input) = first_reason.get_untracked() {
                    let _ = input.focus();
                }
            });
        } else if !matches!(state.get_untracked(), State::Done(_)) {
            state.set(State::Closed);
        }
    };
    let close = move || {
        state.set(State::Closed);
        if let Some(button) = toggle_ref.get_untracked() {
            let _ = button.focus();
        }
    };
    let (send_slug, send_id) = (slug.clone(), id.clone());
    let send = move || {
        if state.get_untracked() == State::Sending {
            return;
        }
        let Some(chosen) = reason.get_untracked() else {
            missing_reason.set(true);
            if let Some(input) = first_reason.get_untracked() {
                let _ = input.focus();
            }
            return;
        };
        missing_reason.set(false);
        let text = note.get_untracked().trim().to_owned();
        let report = NewReport {
            reason: chosen,
            note: (!text.is_empty()).then_some(text),
        };
        let idempotency_key = key.with_value(|kept| match kept {
            Some((sent, key)) if *sent == report => key.clone(),
            _ => random_uuid(),
        });
        key.set_value(Some((report.clone(), idempotency_key.clone())));
        state.set(State::Sending);
        let (slug, id) = (send_slug.clone(), send_id.clone());
        spawn_local_scoped(async move {
            match post_report(&slug, &id, &report, &idempotency_key).await {
                Ok(first) => state.set(State::Done(first)),
                Err(error) => state.set(State::Failed(error)),
            }
        });
    };
    let message = move || match state.get() {
        State::Done(true) => Some(s.report_sent.to_owned()),
        State::Done(false) => Some(s.report_again.to_owned()),
        State::Failed(PostError::Banned) => Some(s.banned.to_owned()),
        State::Failed(PostError::RateLimited(seconds)) => Some(rate_limited(seconds, lang)),
        State::Failed(PostError::Gone) => Some(s.comment_not_found.to_owned()),
        State::Failed(_) => Some(s.report_failed.to_owned()),
        _ => None,
    };
    let is_open = move || matches!(state.get(), State::Open | State::Sending | State::Failed(_));
    let done = move || matches!(state.get(), State::Done(_));
    let failed = move || matches!(state.get(), State::Failed(_));
    let controls = form_id.clone();

    view! {
        <button type="button" class="link-button" node_ref=toggle_ref
            aria-expanded=move || is_open().to_string()
            aria-controls=move || is_open().then(|| controls.clone())
            disabled=done
            on:click=open>
            {s.report}
        </button>
        <p class="report-status" role="status" class:error=failed>{message}</p>
        {move || is_open().then(|| {
            let send = send.clone();
            view! {
                <form class="report-form" id=form_id.clone() novalidate aria-label=s.report
                    on:submit=move |ev| { ev.prevent_default(); send(); }
                    on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
                    <fieldset aria-describedby=move || missing_reason.get().then(|| field("reason-error"))>
                        <legend>{s.report_legend}</legend>
                        {ReportReason::ALL.into_iter().enumerate().map(|(i, r)| {
                            let input_id = field(r.key());
                            let node = if i == 0 { first_reason } else { NodeRef::new() };
                            view! {
                                <div class="choice">
                                    <input type="radio" name=field("reason") id=input_id.clone() value=r.key()
                                        node_ref=node
                                        prop:checked=move || reason.get() == Some(r)
                                        on:change=move |_| { reason.set(Some(r)); missing_reason.set(false); }/>
                                    <label for=input_id>{reason_label(s, r)}</label>
                                </div>
                            }
                        }).collect_view()}
                        {move || missing_reason.get().then(|| view! {
                            <p class="field-error" id=field("reason-error")>{s.report_choose}</p>
                        })}
                    </fieldset>
                    <div class="field">
                        <label for=field("note")>{s.report_note}</label>
                        <textarea id=field("note") name="note" rows="2" maxlength=MAX_REPORT_NOTE.to_string()
                            prop:value=move || note.get()
                            on:input=move |ev| note.set(event_target_value(&ev))>
                        </textarea>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button" disabled=move || state.get() == State::Sending>
                            {move || if state.get() == State::Sending { s.sending } else { s.report_send }}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| close()>{s.cancel}</button>
                    </div>
                </form>
            }
        })}
    }
}
