//! The moderation desk at `/moderation`, linked from nowhere a reader sees,
//! and built only into the desk's own bundle (feature `desk`):
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

use gazette_model::moderation::{Queue, QueueState};

use crate::api_moderation::{self, DeskError};
use crate::context::{ui_lang, ui_strings};

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

/// The desk, in the desk's bundle: `pages::moderation` frames it.
#[component]
pub fn Desk() -> impl IntoView {
    view! { <Session/> }
}

/// Signed in or not: the queue answers `401` when not. The queue that
/// answered is the panel's first, not fetched again.
#[component]
fn Session() -> impl IntoView {
    let phase = RwSignal::new(Phase::Checking);
    let first = StoredValue::new(None::<Queue>);
    spawn_local_scoped(async move {
        phase.set(match api_moderation::queue(QueueState::All, None).await {
            Ok(queue) => {
                first.set_value(Some(queue));
                Phase::SignedIn
            }
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
        Phase::SignedIn => {
            let initial = first.try_update_value(Option::take).flatten();
            view! { <QueuePanel initial on_signed_out=signed_out/> }.into_any()
        }
    }
}
