//! The queue: pending and reported comments, oldest first, with counts per
//! state, a filter, decisions by button or key (`a` approve, `r` reject,
//! `j` / `k` next and previous; the first item is selected when the queue
//! opens, and the next one after each decision), bans, and the log below.

use std::collections::HashMap;

use gazette_model::moderation::{Action, NewBan, Queue, QueueState};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use wasm_bindgen::JsCast;

use super::desk;
use super::item::{first_action, item_id, QueueEntry};
use super::log::LogPanel;
use crate::api_moderation::{self, DeskError};
use crate::browser::before_paint;
use crate::browser::document::focus_id;

fn done_message(action: Action) -> &'static str {
    let d = desk();
    match action {
        Action::Approve => d.approved,
        Action::Reject => d.rejected,
        _ => d.restored,
    }
}

/// Whether a key press belongs to a field being typed in.
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(
                el.tag_name().as_str(),
                "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON"
            )
        })
}

#[component]
pub fn QueuePanel(
    /// The queue as the desk found it on opening, if it has it.
    initial: Option<Queue>,
    on_signed_out: Callback<Option<DeskError>>,
) -> impl IntoView {
    let d = desk();
    let filter = RwSignal::new(QueueState::All);
    let fetch_first = initial.is_none();
    let queue = RwSignal::new(initial);
    let selected = RwSignal::new(0usize);
    let status = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let log_version = RwSignal::new(0u32);
    let reasons = StoredValue::new(HashMap::<String, RwSignal<String>>::new());
    // Requests belong to the panel, not to the item whose view a reload replaces.
    // A component always runs under an owner; a new root is only a fallback.
    let owner = StoredValue::new(Owner::current().unwrap_or_else(Owner::new));

    let failed = Callback::new(move |error: DeskError| {
        busy.set(false);
        if error == DeskError::Unauthorized {
            on_signed_out.run(Some(error));
        } else {
            status.set(Some(d.action_failed));
        }
    });
    let focus_selected = move || {
        let index = selected.get_untracked();
        before_paint(move || focus_id(&item_id(index)));
    };
    // Loads the queue again; `focus` moves focus to the selected item.
    let reload = Callback::new(move |focus: bool| {
        spawn_in(owner, async move {
            match api_moderation::queue(filter.get_untracked(), None).await {
                Ok(fresh) => {
                    let last = fresh.items.len().saturating_sub(1);
                    selected.update(|s| *s = (*s).min(last));
                    queue.set(Some(fresh));
                    busy.set(false);
                    if focus {
                        focus_selected();
                    }
                }
                Err(error) => failed.run(error),
            }
        })
    });
    if fetch_first {
        reload.run(false);
    }

    let item_at = move |index: usize| {
        queue.with_untracked(|q| q.as_ref().and_then(|q| q.items.get(index).cloned()))
    };
    let reason_of = move |key: &str| {
        reasons
            .with_value(|r| r.get(key).map(|s| s.get_untracked()))
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
    };
    // The item a decision is about and its reason, unless one is in flight.
    let take = move |index: usize| {
        let item = item_at(index).filter(|_| !busy.get_untracked())?;
        busy.set(true);
        let reason = reason_of(&entry_key(&item.article.slug, &item.comment.id));
        Some((item, reason))
    };
    let decide = Callback::new(move |(index, action): (usize, Action)| {
        let Some((item, reason)) = take(index) else {
            return;
        };
        spawn_in(owner, async move {
            match api_moderation::decide(&item.comment.id, &item.article.slug, action, reason).await
            {
                Ok(_) => {
                    status.set(Some(done_message(action)));
                    selected.set(index);
                    log_version.update(|v| *v += 1);
                    reload.run(true);
                }
                Err(error) => failed.run(error),
            }
        });
    });
    let ban = Callback::new(move |(index, days): (usize, u32)| {
        let Some((item, reason)) = take(index) else {
            return;
        };
        spawn_in(owner, async move {
            let request = NewBan {
                author_key: item.author_key.clone(),
                reason,
                days: days.clamp(1, 3650),
            };
            match api_moderation::ban(&request).await {
                Ok(()) => {
                    busy.set(false);
                    status.set(Some(d.banned_done));
                    log_version.update(|v| *v += 1);
                }
                Err(error) => failed.run(error),
            }
        });
    });
    let select = Callback::new(move |index: usize| selected.set(index));

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(&ev) {
            return;
        }
        let count = queue.with_untracked(|q| q.as_ref().map_or(0, |q| q.items.len()));
        if count == 0 {
            return;
        }
        let index = selected.get_untracked().min(count - 1);
        match ev.key().as_str() {
            "j" => {
                selected.set((index + 1).min(count - 1));
                focus_selected();
            }
            "k" => {
                selected.set(index.saturating_sub(1));
                focus_selected();
            }
            "a" => {
                if let Some(item) = item_at(index) {
                    decide.run((index, first_action(&item)));
                }
            }
            "r" => decide.run((index, Action::Reject)),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let sign_out = move |_| {
        spawn_in(owner, async move {
            let _ = api_moderation::sign_out().await;
            on_signed_out.run(None);
        })
    };
    let counts = move || queue.with(|q| q.as_ref().map(|q| q.counts).unwrap_or_default());
    let items = move || {
        queue.get().map(|q| {
            if q.items.is_empty() {
                return view! { <p class="desk-empty">{d.empty}</p> }.into_any();
            }
            view! {
                <ol class="desk-queue">
                    {q.items.into_iter().enumerate().map(|(index, item)| {
                        let key = entry_key(&item.article.slug, &item.comment.id);
                        let reason = reasons.with_value(|r| r.get(&key).copied()).unwrap_or_else(|| {
                            let signal = owner.with_value(|o| o.with(|| RwSignal::new(String::new())));
                            reasons.update_value(|r| { r.insert(key, signal); });
                            signal
                        });
                        view! {
                            <QueueEntry item index reason
                                selected=Signal::derive(move || selected.get() == index)
                                busy=busy.into()
                                on_select=select on_decide=decide on_ban=ban/>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        })
    };

    view! {
        <div class="desk-bar">
            <p class="desk-counts">
                <span>{d.count_pending} " : " <strong>{move || counts().pending}</strong></span>
                <span>{d.count_reported} " : " <strong>{move || counts().reported}</strong></span>
            </p>
            <button type="button" class="button secondary" on:click=sign_out>{d.sign_out}</button>
        </div>
        <p class="form-status" role="status">{move || status.get()}</p>
        <section class="desk-shortcuts" aria-labelledby="desk-keys-title">
            <h2 id="desk-keys-title">{d.shortcuts_heading}</h2>
            <ul>
                <li><kbd>"a"</kbd> " " {d.key_approve}</li>
                <li><kbd>"r"</kbd> " " {d.key_reject}</li>
                <li><kbd>"j"</kbd> " " {d.key_next}</li>
                <li><kbd>"k"</kbd> " " {d.key_previous}</li>
            </ul>
        </section>
        <section class="desk-queue-panel" aria-labelledby="desk-queue-title">
            <h2 id="desk-queue-title">{d.queue_heading}</h2>
            <div class="field desk-filter">
                <label for="desk-filter">{d.filter_label}</label>
                <select id="desk-filter" on:change=move |ev| {
                    let state = QueueState::from_key(&event_target_value(&ev)).unwrap_or_default();
                    filter.set(state);
                    selected.set(0);
                    if fetch_first {
        reload.run(false);
    }
                }>
                    <option value="all" selected=true>{d.filter_all}</option>
                    <option value="pending">{d.filter_pending}</option>
                    <option value="reported">{d.filter_reported}</option>
                </select>
            </div>
            {items}
        </section>
        <LogPanel version=log_version.into() on_error=failed/>
    }
}

/// Runs `task` as the panel's: it outlives the item view that started it.
fn spawn_in(owner: StoredValue<Owner>, task: impl std::future::Future<Output = ()> + 'static) {
    owner.with_value(|o| o.with(|| spawn_local_scoped(task)));
}

fn entry_key(slug: &str, id: &str) -> String {
    format!("{slug}/{id}")
}
