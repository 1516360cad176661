//! The app: context providers, the layout and the page of each route
//! (`gazette_model::routes`, the one owner of the site's addresses).

use gazette_model::lang::Lang;
use gazette_model::routes::Route;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use crate::api;
use crate::browser;
use crate::browser::scroll::{note_history_navigation, note_scroll};
use crate::comments::ThreadScope;
use crate::components::layout::Layout;
use crate::components::prefs::stored_lang;
use crate::context::{Online, SiteContext, UiLang};
use crate::load::{use_load, Load};
use crate::pages::article::ArticlePage;
use crate::pages::front::FrontPage;
use crate::pages::moderation::ModerationPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::section::SectionPage;
use crate::pages::thread::ThreadPage;

#[component]
pub fn App() -> impl IntoView {
    let (site, _retry_site) = use_load(api::site);
    provide_context(SiteContext(site));
    // The interface speaks the reader's chosen language, else the site's.
    let chosen = stored_lang();
    // site.json is often known at once (inline in a rendered page, or in
    // memory): then the first render, and the native one, speak its language.
    let site_lang = match &*site.read_untracked() {
        Load::Ready(site) => Lang::from_tag(&site.lang),
        _ => None,
    };
    let ui_lang = RwSignal::new(chosen.or(site_lang).unwrap_or(Lang::Fr));
    provide_context(UiLang(ui_lang));
    Effect::new(move |_| {
        if let (None, Load::Ready(site)) = (chosen, &*site.read()) {
            let lang = Lang::from_tag_or_default(&site.lang);
            if ui_lang.get_untracked() != lang {
                ui_lang.set(lang);
            }
        }
    });
    // Going back puts the reader where they were (see browser::scroll).
    if browser::is_live() {
        window_event_listener(leptos::ev::scroll, |_| note_scroll());
        window_event_listener(leptos::ev::popstate, |_| note_history_navigation());
    }
    let online = RwSignal::new(browser::network::is_online());
    if browser::is_live() {
        window_event_listener(leptos::ev::online, move |_| online.set(true));
        window_event_listener(leptos::ev::offline, move |_| online.set(false));
    }
    provide_context(Online(online.read_only()));
    Effect::new(move |_| {
        let lang = ui_lang.get();
        browser::document::set_lang(lang.tag(), lang.dir());
    });
    view! {
        <Router>
            // Components read their strings once: a new language renders
            // the frame and the page anew.
            {move || { ui_lang.track(); view! {
            <Layout><RoutePage/></Layout>
            }}}
        </Router>
    }
}

/// The page of the current URL. A new path is a new page: its own state,
/// and the old page's requests aborted.
#[component]
fn RoutePage() -> impl IntoView {
    let pathname = use_location().pathname;
    // The router updates the address bar (and scrolls to the top) once the
    // new page is drawn, when told so (as its own `Routes` would).
    let navigation = use_context::<BrowserUrl>();
    move || {
        let page = page_of(Route::parse(&pathname.get()));
        if let Some(navigation) = &navigation {
            navigation.ready_to_complete();
        }
        page
    }
}

fn page_of(route: Option<Route>) -> AnyView {
    match route {
        Some(Route::Front) => view! { <FrontPage/> }.into_any(),
        Some(Route::Section { slug }) => view! { <SectionPage slug/> }.into_any(),
        Some(Route::Article { slug }) => view! { <ArticlePage slug/> }.into_any(),
        Some(Route::Thread { slug }) => {
            view! { <ThreadPage slug scope=ThreadScope::Whole/> }.into_any()
        }
        Some(Route::Comment { slug, id }) => {
            view! { <ThreadPage slug scope=ThreadScope::From(id)/> }.into_any()
        }
        Some(Route::Moderation) => view! { <ModerationPage/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}
