//! The frame of every page: skip link, masthead, section menu, footer.

use gazette_model::contract::Site;
use gazette_model::links::safe_href;
use gazette_model::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::browser::document::reveal_id;
use crate::components::prefs::Preferences;
use crate::context::{online, ui_strings, SiteContext};
use crate::load::Load;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let s = ui_strings();
    let site = expect_context::<SiteContext>().0;
    let menu_open = RwSignal::new(false);
    // Close the folded menu whenever the reader goes to another page.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        menu_open.set(false);
    });
    view! {
        // The router handles in-page links itself, so the skip link moves
        // focus explicitly (WCAG 2.4.1).
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            reveal_id("main");
        }>{s.skip_to_content}</a>
        <header class="masthead">
            <div class="masthead-inner">
                <A href="/" attr:class="site-name">
                    {move || match &*site.read() {
                        Load::Ready(site) => site.name.clone(),
                        _ => String::new(),
                    }}
                </A>
                <Preferences/>
                <button type="button" class="menu-button" aria-controls="section-menu"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|open| *open = !*open)>
                    <span aria-hidden="true" class="menu-icon"></span>
                    {s.menu}
                </button>
            </div>
            <nav id="section-menu" class="section-menu" aria-label=s.sections_nav
                class:open=move || menu_open.get()
                on:click=move |_| menu_open.set(false)>
                <ul>
                    {move || match &*site.read() {
                        Load::Ready(site) => section_links(site).into_any(),
                        _ => ().into_any(),
                    }}
                </ul>
            </nav>
        </header>
        // Always in the page, so that screen readers announce its change.
        <div class="network-status" role="status">
            {move || (!online()).then(|| view! { <p class="offline-banner">{s.offline_banner}</p> })}
        </div>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            {move || match &*site.read() {
                Load::Ready(site) => footer(site).into_any(),
                _ => ().into_any(),
            }}
        </footer>
    }
}

fn section_links(site: &Site) -> impl IntoView {
    let s = ui_strings();
    let home = view! { <li><A href="/" exact=true>{s.front_heading}</A></li> };
    let sections = site
        .sections
        .iter()
        .map(|section| {
            let href = Route::section(&section.slug).href();
            let name = section.name.clone();
            view! { <li><A href=href>{name}</A></li> }
        })
        .collect_view();
    (home, sections)
}

fn footer(site: &Site) -> impl IntoView {
    let s = ui_strings();
    let links = site
        .footer_links
        .iter()
        .filter_map(|link| {
            let href = safe_href(&link.href)?.to_owned();
            Some(view! { <li><a href=href>{link.label.clone()}</a></li> })
        })
        .collect_view();
    view! {
        <p class="footer-name">{site.name.clone()}{site.tagline.clone().map(|t| format!(" — {t}"))}</p>
        <nav aria-label=s.footer_nav><ul>{links}</ul></nav>
    }
}
