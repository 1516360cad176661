//! The app: context providers, the layout and the routes.

use gazette_model::lang::Lang;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::browser;
use crate::components::layout::Layout;
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
    let ui_lang = RwSignal::new(Lang::Fr);
    provide_context(UiLang(ui_lang));
    // The interface speaks the site's language.
    Effect::new(move |_| {
        if let Load::Ready(site) = &*site.read() {
            ui_lang.set(Lang::from_tag_or_default(&site.lang));
        }
    });
    Effect::new(move |_| {
        let lang = ui_lang.get();
        browser::set_document_lang(lang.tag(), lang.dir());
    });
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=FrontPage/>
                    <Route path=path!("/section/:slug") view=SectionPage/>
                    <Route path=path!("/article/:slug") view=ArticlePage/>
                    <Route path=path!("/article/:slug/comments") view=ThreadPage/>
                    <Route path=path!("/article/:slug/comments/:id") view=ThreadPage/>
                </Routes>
            </Layout>
        </Router>
    }
}
