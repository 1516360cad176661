#![recursion_limit = "256"]

use gazette::{api, browser};

fn main() {
    console_error_panic_hook::set_once();
    let prerendered = browser::take_prerendered_data();
    if prerendered.is_empty() {
        return start();
    }
    for (path, text) in &prerendered {
        api::seed(path, text);
    }
    // The page is on screen already. The app takes it over once its images
    // have painted too: its first render is the same page from the same
    // data, and the reader's largest paint stays the prerendered one.
    browser::after_load_painted(start);
}

fn start() {
    browser::remove_prerendered();
    leptos::mount::mount_to_body(gazette::App);
}
