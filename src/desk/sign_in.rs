//! The desk's sign-in form: name and password, one attempt at a time, and
//! a clear answer for wrong credentials or too many tries.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use super::desk;
use crate::api_moderation::{self, DeskError};

#[component]
pub fn SignInForm(notice: Option<&'static str>, on_signed_in: Callback<()>) -> impl IntoView {
    let d = desk();
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let error = RwSignal::new(notice);
    let name_ref = NodeRef::<html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        spawn_local_scoped(async move {
            let result =
                api_moderation::sign_in(&name.get_untracked(), &password.get_untracked()).await;
            sending.set(false);
            match result {
                Ok(()) => {
                    password.set(String::new());
                    on_signed_in.run(());
                }
                Err(e) => {
                    error.set(Some(match e {
                        DeskError::Unauthorized => d.sign_in_failed,
                        DeskError::TooManyTries => d.too_many_tries,
                        DeskError::Failed => d.action_failed,
                    }));
                    if let Some(input) = name_ref.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
        });
    };
    view! {
        <form class="desk-sign-in" aria-labelledby="desk-sign-in-title" on:submit=submit>
            <h2 id="desk-sign-in-title">{d.sign_in_heading}</h2>
            <p class="form-status error" role="alert">{move || error.get()}</p>
            <div class="field">
                <label for="desk-name">{d.name}</label>
                <input id="desk-name" name="username" type="text" autocomplete="username" required
                    node_ref=name_ref
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="desk-password">{d.password}</label>
                <input id="desk-password" name="password" type="password" autocomplete="current-password" required
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
            </div>
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || sending.get()>
                    {move || if sending.get() { d.signing_in } else { d.sign_in }}
                </button>
            </div>
        </form>
    }
}
