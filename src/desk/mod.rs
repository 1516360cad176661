//! The moderation desk at `/moderation`, linked from nowhere a reader sees:
//! sign-in (`sign_in`), the queue with its keyboard and decisions
//! (`queue`, one item: `item`), and the decision log (`log`), against the
//! contract's moderation API (`crate::api_moderation`). Comment text here
//! is as untrusted as anywhere: text nodes only.
//!
//! Inside, each file uses only those listed before it: item, log, queue,
//! sign_in.

mod item;
mod log;
mod queue;
mod sign_in;

use gazette_model::i18n::{desk_strings, DeskStrings};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use crate::api_moderation::{self, DeskError};
use crate::components::title::use_document_title;
use crate::context::{ui_lang, ui_strings, SiteContext};
use crate::load::Load;
use gazette_model::moderation::QueueState;

use queue::QueuePanel;
use sign_in::SignInForm;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    Checking,
    /// With why, when the desk was signed out by the server.
    SignedOut(Option<&'static str>),
    SignedIn,
}

fn desk() -> &'static DeskStrings {
    desk_strings(ui_lang())
}

#[component]
pub fn Desk() -> impl IntoView {
    let d = desk();
    use_document_title(move || d.title.to_owned());
    let site = expect_context::<SiteContext>().0;
    let posting = move || match &*site.read() {
        Load::Ready(site) => Some(site.comments.posting),
        Load::Failed(_) => Some(false),
        Load::Loading => None,
    };
    view! {
        <section class="desk" aria-labelledby="desk-title">
            <h1 id="desk-title">{d.title}</h1>
            {move || match posting() {
                None => view! { <p class="loading">{ui_strings().loading}</p> }.into_any(),
                Some(false) => view! { <p class="notice">{d.needs_server}</p> }.into_any(),
                Some(true) => view! { <Session/> }.into_any(),
            }}
        </section>
    }
}

/// Signed in or not: the queue answers `401` when not.
#[component]
fn Session() -> impl IntoView {
    let phase = RwSignal::new(Phase::Checking);
    spawn_local_scoped(async move {
        phase.set(match api_moderation::queue(QueueState::All, None).await {
            Ok(_) => Phase::SignedIn,
            Err(_) => Phase::SignedOut(None),
        });
    });
    let signed_in = Callback::new(move |()| phase.set(Phase::SignedIn));
    let signed_out = Callback::new(move |error: Option<DeskError>| {
        let why = error.map(|_| desk().session_ended);
        phase.set(Phase::SignedOut(why));
    });
    move || match phase.get() {
        Phase::Checking => view! { <p class="loading">{ui_strings().loading}</p> }.into_any(),
        Phase::SignedOut(why) => {
            view! { <SignInForm notice=why on_signed_in=signed_in/> }.into_any()
        }
        Phase::SignedIn => view! { <QueuePanel on_signed_out=signed_out/> }.into_any(),
    }
}
