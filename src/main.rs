//! Entry point: mounts the portal into the page.

use kunshan_portal::App;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
