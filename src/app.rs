//! The app: context providers, the layout and the routes.

use gazette_model::lang::Lang;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::browser;
use crate::components::layout::Layout;
use crate::components::prefs::stored_lang;
use crate::context::{SiteContext, UiLang};
use crate::load::{use_load, Load};
use crate::pages::article::ArticlePage;
use crate::pages::front::FrontPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::section::SectionPage;
use crate::pages::thread::ThreadPage;

#[component]
pub fn App() -> impl IntoView {
    let (site, _retry_site) = use_load(api::site);
    provide_context(SiteContext(site));
    // The interface speaks the reader's chosen language, else the site's.
    let chosen = stored_lang();
    let ui_lang = RwSignal::new(chosen.unwrap_or(Lang::Fr));
    provide_context(UiLang(ui_lang));
    Effect::new(move |_| {
        if let (None, Load::Ready(site)) = (chosen, &*site.read()) {
            let lang = Lang::from_tag_or_default(&site.lang);
            if ui_lang.get_untracked() != lang {
                ui_lang.set(lang);
            }
        }
    });
    // Going back puts the reader where they were (see browser::restore_scroll).
    if browser::is_live() {
        window_event_listener(leptos::ev::scroll, |_| browser::note_scroll());
        window_event_listener(leptos::ev::popstate, |_| browser::note_history_navigation());
    }
    Effect::new(move |_| {
        let lang = ui_lang.get();
        browser::set_document_lang(lang.tag(), lang.dir());
    });
    view! {
        <Router>
            // Components read their strings once: a new language renders
            // the frame and the page anew.
            {move || { ui_lang.track(); view! {
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=FrontPage/>
                    <Route path=path!("/section/:slug") view=SectionPage/>
                    <Route path=path!("/article/:slug") view=ArticlePage/>
                    <Route path=path!("/article/:slug/comments") view=ThreadPage/>
                    <Route path=path!("/article/:slug/comments/:id") view=ThreadPage/>
                </Routes>
            </Layout>
            }}}
        </Router>
    }
}
