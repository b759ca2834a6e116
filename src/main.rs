//! Entry point: mounts the portal into the page, hidden, beside the page as
//! rendered into the HTML; the app shows itself in its place once its data is
//! in (`app::Shell`), so the reader never sees a page without its content.

use portal_ui::App;
use portal_ui::app::APP_ROOT;

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        portal_ui::panic_panel::show();
    }));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let root = document
        .get_element_by_id(APP_ROOT)
        .or_else(|| {
            let root = document.create_element("div").ok()?;
            root.set_id(APP_ROOT);
            document.body()?.append_child(&root).ok()?;
            Some(root)
        })
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(root) = root {
        // Hidden only where a rendered page is there to show meanwhile.
        if document.get_element_by_id(portal_ui::app::RENDERED_PAGE).is_some() {
            let _ = root.set_attribute("hidden", "");
        }
        leptos::mount::mount_to(root, App).forget();
    }
}
