//! Entry point: mounts the portal into the page.

use kunshan_portal::App;

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        kunshan_portal::panic_panel::show();
    }));
    // The loading shell from index.html goes in the same task as the app
    // comes, so no frame shows both.
    if let Some(shell) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot-shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}
