#![recursion_limit = "256"]

use gazette::api;
use gazette::browser::handoff::{after_load_painted, remove_prerendered, take_prerendered_data};

fn main() {
    console_error_panic_hook::set_once();
    let prerendered = take_prerendered_data();
    if prerendered.is_empty() {
        return start();
    }
    for (path, text) in &prerendered {
        api::seed(path, text);
    }
    // The page is on screen already. The app takes it over once its images
    // have painted too: its first render is the same page from the same
    // data, and the reader's largest paint stays the prerendered one.
    after_load_painted(start);
}

fn start() {
    remove_prerendered();
    leptos::mount::mount_to_body(gazette::App);
    // Readers keep what they read for offline reading; the desk needs the
    // server anyway.
    #[cfg(not(feature = "desk"))]
    gazette::browser::network::register_service_worker();
}
