//! The reader's preferences: interface language and colour theme, both
//! kept in localStorage and applied to `<html>`.

use gazette_model::i18n::language_name;
use gazette_model::lang::Lang;
use gazette_model::storage_keys;
use leptos::prelude::*;

use crate::browser::document::set_theme;
use crate::browser::storage::{store, stored};
use crate::context::{ui_strings, UiLang};

const THEMES: [&str; 3] = ["auto", "light", "dark"];

/// The interface language the reader chose, if any.
pub fn stored_lang() -> Option<Lang> {
    stored(storage_keys::LANG).and_then(|tag| Lang::from_tag(&tag))
}

#[component]
pub fn Preferences() -> impl IntoView {
    let s = ui_strings();
    let ui_lang = expect_context::<UiLang>().0;
    let theme = RwSignal::new(stored(storage_keys::THEME).unwrap_or_else(|| "auto".to_owned()));
    let theme_label = |key: &str| match key {
        "light" => s.theme_light,
        "dark" => s.theme_dark,
        _ => s.theme_auto,
    };
    view! {
        <div class="prefs">
            <label>
                <span>{s.language}</span>
                <select on:change=move |ev| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                        store(storage_keys::LANG, lang.tag());
                        ui_lang.set(lang);
                    }
                }>
                    {Lang::ALL.into_iter().map(|lang| view! {
                        <option value=lang.tag() lang=lang.tag() selected=ui_lang.get_untracked() == lang>
                            {language_name(lang)}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>{s.theme}</span>
                <select on:change=move |ev| {
                    let key = event_target_value(&ev);
                    store(storage_keys::THEME, &key);
                    set_theme(&key);
                    theme.set(key);
                }>
                    {THEMES.into_iter().map(|key| view! {
                        <option value=key selected=move || theme.get() == key>{theme_label(key)}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}
