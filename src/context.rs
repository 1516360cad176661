//! App-wide context: the site description and the interface language.

use gazette_model::contract::Site;
use gazette_model::i18n::{strings, Strings};
use gazette_model::lang::Lang;
use leptos::prelude::*;

use crate::load::Load;

/// site.json, loaded once by the layout.
#[derive(Clone, Copy)]
pub struct SiteContext(pub ReadSignal<Load<Site>>);

impl SiteContext {
    /// The site's name once known (used in document titles).
    pub fn name(&self) -> Option<String> {
        match &*self.0.read() {
            Load::Ready(site) => Some(site.name.clone()),
            _ => None,
        }
    }
}

/// Whether the browser is online, kept by the app from the `online` and
/// `offline` events.
#[derive(Clone, Copy)]
pub struct Online(pub ReadSignal<bool>);

/// Whether the browser is online (tracked); online outside the app.
pub fn online() -> bool {
    use_context::<Online>().is_none_or(|o| o.0.get())
}

/// Whether the browser is online now (untracked).
pub fn online_now() -> bool {
    use_context::<Online>().is_none_or(|o| o.0.get_untracked())
}

/// The language the interface speaks.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

pub fn ui_lang() -> Lang {
    expect_context::<UiLang>().0.get_untracked()
}

pub fn ui_strings() -> &'static Strings {
    strings(ui_lang())
}
