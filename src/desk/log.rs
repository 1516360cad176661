//! The decision log, newest first: who decided what, when, and why.

use gazette_model::dates::format_date_time;
use gazette_model::moderation::{Action, LogEntry};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use super::desk;
use crate::api_moderation::{self, DeskError};
use crate::context::ui_lang;

fn action_label(action: Action) -> &'static str {
    let d = desk();
    match action {
        Action::Approve => d.log_approve,
        Action::Reject => d.log_reject,
        Action::Restore => d.log_restore,
        Action::Feature => d.log_feature,
        Action::Unfeature => d.log_unfeature,
        Action::Ban => d.log_ban,
        Action::Unban => d.log_unban,
    }
}

/// The log, loaded again each time `version` changes.
#[component]
pub fn LogPanel(version: Signal<u32>, on_error: Callback<DeskError>) -> impl IntoView {
    let d = desk();
    let lang = ui_lang();
    let entries = RwSignal::new(None::<Vec<LogEntry>>);
    Effect::new(move |_| {
        version.track();
        spawn_local_scoped(async move {
            match api_moderation::log(None).await {
                Ok(log) => entries.set(Some(log.items)),
                Err(error) => on_error.run(error),
            }
        });
    });
    view! {
        <section class="desk-log" aria-labelledby="desk-log-title">
            <h2 id="desk-log-title">{d.log_heading}</h2>
            {move || entries.get().map(|items| if items.is_empty() {
                view! { <p>{d.log_empty}</p> }.into_any()
            } else {
                view! {
                    <ol class="desk-log-list">
                        {items.into_iter().map(|e| view! {
                            <li>
                                <time datetime=e.at.to_rfc3339()>{format_date_time(&e.at, lang)}</time>
                                " · " <strong dir="auto">{e.moderator}</strong> " " {action_label(e.action)}
                                {e.comment_id.map(|id| view! { " " <code>{id}</code> })}
                                {e.reason.map(|r| view! { " : " <q dir="auto">{r}</q> })}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            })}
        </section>
    }
}
