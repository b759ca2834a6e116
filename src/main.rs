//! Entry point: mounts the portal into the page.

use kunshan_portal::App;

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        kunshan_portal::panic_panel::show();
    }));
    leptos::mount::mount_to_body(App);
}
