//! Work that waits until its element comes near the screen: charts below the
//! fold are drawn when scrolled towards, the release before is fetched only
//! when "what changed" is reached. The only user of `IntersectionObserver`.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Watches an element until it comes within `screens` screen heights of the
/// viewport (above or below it); dropping it stops watching.
pub struct NearScreen {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl NearScreen {
    /// Calls `then` once, when `element` comes near (in a task of its own,
    /// after a layout); at once where the browser cannot tell.
    pub fn watch(
        element: &web_sys::Element,
        screens: f64,
        then: impl FnOnce() + 'static,
    ) -> Option<Self> {
        let pending = Rc::new(Cell::new(Some(then)));
        let run = {
            let pending = pending.clone();
            move || {
                if let Some(then) = pending.take() {
                    then();
                }
            }
        };
        let on_entries = run.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting()
            });
            if near {
                on_entries();
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(&format!("{}% 0px", screens * 100.0));
        match web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) {
            Ok(observer) => {
                observer.observe(element);
                Some(Self { observer, _callback: callback })
            }
            Err(_) => {
                run();
                None
            }
        }
    }
}

impl Drop for NearScreen {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Whether `element` is shown and within `screens` screen heights of the
/// viewport now, as [`NearScreen`] counts (reads layout; for the one decision
/// that cannot wait for an observer).
pub fn is_near_now(element: &web_sys::Element, screens: f64) -> bool {
    let Some(height) =
        crate::browser::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64())
    else {
        return true;
    };
    let rect = element.get_bounding_client_rect();
    let shown = rect.width() > 0.0 || rect.height() > 0.0;
    shown && rect.bottom() >= -screens * height && rect.top() <= height * (1.0 + screens)
}
