//! Share controls: one "Share" button opening a menu with the device's
//! share sheet (where the browser has one), the networks' share links and
//! "Copy link" (with a selectable field when the clipboard is refused).
//! The menu is built only when opened, so a comment costs one button.

use gazette_model::i18n::share_on;
use gazette_model::share::{canonical_url, share_url, Network};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::before_paint;
use crate::browser::document::origin;
use crate::browser::share::{can_share, copy_text, share};
use crate::context::{ui_lang, ui_strings, SiteContext};
use crate::load::Load;

#[derive(Clone, Copy, PartialEq)]
enum Copy {
    Idle,
    Copied,
    Refused,
}

/// Share controls for the page at site `path` titled `title`. `id` makes
/// the menu's element ids unique on the page.
#[component]
pub fn ShareControls(id: String, title: String, path: String) -> impl IntoView {
    let s = ui_strings();
    let lang = ui_lang();
    let site = expect_context::<SiteContext>().0;
    let open = RwSignal::new(false);
    let copy = RwSignal::new(Copy::Idle);
    let button = NodeRef::<html::Button>::new();
    let fallback = NodeRef::<html::Input>::new();
    let menu_id = format!("share-{id}");
    let url = Memo::new(move |_| {
        let canonical = match &*site.read() {
            Load::Ready(site) => site.canonical_origin.clone(),
            _ => None,
        };
        canonical_url(canonical.as_deref(), &origin(), &path)
    });
    let close = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let title = StoredValue::new(title);
    let menu = move || {
        open.get().then(|| {
            let link = url.get();
            let links = Network::ALL
                .into_iter()
                .map(|network| {
                    let href = title.with_value(|t| share_url(network, t, &link));
                    let label = share_on(network.name(), network == Network::Email, lang);
                    view! {
                        <li><a href=href target="_blank" rel="noopener noreferrer">{label}</a></li>
                    }
                })
                .collect_view();
            let device = can_share().then(|| {
                let link = link.clone();
                view! {
                    <li><button type="button" class="link-button" on:click=move |_| {
                        title.with_value(|t| share(t, &link));
                    }>{s.share_device}</button></li>
                }
            });
            let copy_link = link.clone();
            view! {
                <ul class="share-menu" id=menu_id.clone()>
                    {device}
                    {links}
                    <li><button type="button" class="link-button" on:click=move |_| {
                        let link = copy_link.clone();
                        spawn_local(async move {
                            let copied = copy_text(&link).await;
                            copy.try_set(if copied { Copy::Copied } else { Copy::Refused });
                            if !copied {
                                before_paint(move || select_all(fallback));
                            }
                        });
                    }>{s.copy_link}</button></li>
                </ul>
                {move || (copy.get() == Copy::Refused).then(|| view! {
                    <label class="copy-fallback">{s.copy_fallback}
                        <input type="text" readonly prop:value=url.get() node_ref=fallback
                            on:focus=move |_| select_all(fallback)/>
                    </label>
                })}
            }
        })
    };
    view! {
        <div class="share" lang=lang.tag() dir=lang.dir() on:keydown=move |ev| if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            close();
        }>
            <button type="button" class="link-button share-button" node_ref=button
                aria-expanded=move || open.get().to_string() aria-controls=format!("share-{id}")
                on:click=move |_| { copy.set(Copy::Idle); open.update(|o| *o = !*o); }>
                {s.share}
            </button>
            {menu}
            <span class="visually-hidden" role="status">
                {move || (copy.get() == Copy::Copied).then_some(s.link_copied)}
            </span>
            {move || (copy.get() == Copy::Copied).then(|| view! { <span class="copied" aria-hidden="true">{s.link_copied}</span> })}
        </div>
    }
}

/// Focuses and selects the fallback field's URL, ready to copy by hand.
fn select_all(field: NodeRef<html::Input>) {
    if let Some(input) = field.get_untracked() {
        let _ = input.focus();
        input.select();
    }
}
