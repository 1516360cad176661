fn main() {
    console_error_panic_hook::set_once();
    for (path, text) in gazette::browser::take_prerendered() {
        gazette::api::seed(&path, &text);
    }
    leptos::mount::mount_to_body(gazette::App);
}
