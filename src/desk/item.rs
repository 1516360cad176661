//! One comment in the moderation queue: its state and reports, the article
//! and the comment it answers for context, its text, and the decisions.

use gazette_model::dates::format_date_time;
use gazette_model::i18n::strings;
use gazette_model::moderation::{Action, QueueItem, ReportReason};
use gazette_model::routes::Route;
use leptos::prelude::*;

use super::desk;
use crate::components::comment_body::comment_body;
use crate::context::ui_lang;

/// The decision the `a` key (and the first button) takes: a pending comment
/// is approved, a reported one restored (kept, its reports settled).
pub fn first_action(item: &QueueItem) -> Action {
    if item.comment.status == gazette_model::contract::CommentStatus::Pending {
        Action::Approve
    } else {
        Action::Restore
    }
}

/// The element id of the item at `index`, for focus.
pub fn item_id(index: usize) -> String {
    format!("desk-item-{index}")
}

fn reason_label(reason: &str, lang: gazette_model::lang::Lang) -> String {
    let s = strings(lang);
    match ReportReason::from_key(reason) {
        Some(ReportReason::Spam) => s.report_spam.to_owned(),
        Some(ReportReason::Abuse) => s.report_abuse.to_owned(),
        Some(ReportReason::OffTopic) => s.report_off_topic.to_owned(),
        Some(ReportReason::Other) => s.report_other.to_owned(),
        None => reason.to_owned(),
    }
}

#[component]
pub fn QueueEntry(
    item: QueueItem,
    index: usize,
    selected: Signal<bool>,
    /// The optional reason the moderator typed for this item.
    reason: RwSignal<String>,
    busy: Signal<bool>,
    on_select: Callback<usize>,
    on_decide: Callback<(usize, Action)>,
    /// Ban the author for so many days.
    on_ban: Callback<(usize, u32)>,
) -> impl IntoView {
    let d = desk();
    let lang = ui_lang();
    let c = &item.comment;
    let pending = c.status == gazette_model::contract::CommentStatus::Pending;
    let heading_id = format!("{}-heading", item_id(index));
    let reason_id = format!("{}-reason", item_id(index));
    let days_id = format!("{}-days", item_id(index));
    let banning = RwSignal::new(false);
    let days = RwSignal::new(30u32);
    let first = first_action(&item);
    let first_label = if first == Action::Approve {
        d.approve
    } else {
        d.restore
    };
    let title = c.title.clone().filter(|t| !t.trim().is_empty());
    let reports = item.reports.clone();
    let parent = item.parent.clone();
    let article_href = Route::article(&item.article.slug).href();
    view! {
        <li>
            <article class="desk-item" class:selected=selected id=item_id(index) tabindex="-1"
                aria-labelledby=format!("{}-heading", item_id(index))
                aria-current=move || selected.get().then_some("true")
                on:focusin=move |_| on_select.run(index)>
                <p class="desk-item-state">
                    <span class="badge">{if pending { d.state_pending } else { d.state_reported }}</span>
                </p>
                <h3 id=heading_id class="comment-author" dir="auto">{c.author.clone()}</h3>
                <p class="comment-meta">
                    <time datetime=c.created_at.to_rfc3339()>{format_date_time(&c.created_at, lang)}</time>
                    " · " {d.in_article} " : "
                    <a href=article_href dir="auto">{item.article.title.clone()}</a>
                </p>
                {parent.map(|p| view! {
                    <blockquote class="desk-parent">
                        <p class="comment-meta">{d.in_reply_to} " " <span dir="auto">{p.author.clone()}</span></p>
                        <div class="comment-body" dir="auto">{comment_body(&p.body)}</div>
                    </blockquote>
                })}
                {title.map(|t| view! { <h4 class="comment-title" dir="auto">{t}</h4> })}
                <div class="comment-body" dir="auto">{comment_body(&c.body)}</div>
                <div class="desk-reports">
                    <h4>{d.reports_heading} " (" {reports.count} ")"</h4>
                    {if reports.reasons.is_empty() {
                        view! { <p>{d.no_reports}</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {reports.reasons.iter().map(|(reason, n)| view! {
                                    <li>{reason_label(reason, lang)} " : " {*n}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
                <p class="desk-key">{d.author_key} " : " <code>{item.author_key.clone()}</code></p>
                <div class="field">
                    <label for=reason_id.clone()>{d.reason}</label>
                    <input id=reason_id type="text" maxlength="500"
                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                </div>
                <div class="form-actions">
                    <button type="button" class="button" aria-keyshortcuts="a" disabled=busy
                        on:click=move |_| on_decide.run((index, first))>{first_label}</button>
                    <button type="button" class="button secondary" aria-keyshortcuts="r" disabled=busy
                        on:click=move |_| on_decide.run((index, Action::Reject))>{d.reject}</button>
                    <button type="button" class="button secondary" aria-expanded=move || banning.get().to_string()
                        on:click=move |_| banning.update(|open| *open = !*open)>{d.ban}</button>
                </div>
                {move || banning.get().then(|| view! {
                    <div class="desk-ban">
                        <div class="field">
                            <label for=days_id.clone()>{d.ban_days}</label>
                            <input id=days_id.clone() type="number" min="1" max="3650" inputmode="numeric"
                                prop:value=move || days.get().to_string()
                                on:input=move |ev| if let Ok(n) = event_target_value(&ev).parse() { days.set(n) }/>
                        </div>
                        <button type="button" class="button" disabled=busy
                            on:click=move |_| on_ban.run((index, days.get_untracked()))>{d.ban_send}</button>
                    </div>
                })}
            </article>
        </li>
    }
}
