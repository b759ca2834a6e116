//! The ECharts script: whether it has arrived (the loader in
//! scripts/harden-html.mjs starts it when a reader first reaches for a
//! chart; until then, and in print, charts are pictures), and which ECharts
//! theme the reader's colours call for.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Whether the ECharts script has arrived. The loader starts it `async`, once
/// the loading shell is painted, so pages show their text and tables without
/// waiting for it; charts draw once it is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Library {
    /// The loader waits to be asked: the first chart a reader reaches for asks.
    NotRequested,
    Loading,
    Ready,
    /// It did not load (blocked, 404, cut short, altered).
    Missing,
}

/// Fired by scripts/echarts-entry.js once `window.echarts` is set.
const READY_EVENT: &str = "kunshan:echarts-ready";
/// Fired by the loader (scripts/harden-html.mjs) if the script fails to load;
/// it also marks the script element `data-failed`.
const FAILED_EVENT: &str = "kunshan:echarts-failed";
/// The loader's ECharts script element.
const SCRIPT_ID: &str = "echarts-script";
/// The loader's function that adds that element (once; later calls do nothing).
const LOAD_FUNCTION: &str = "kunshanLoadCharts";

fn loader_function() -> Option<js_sys::Function> {
    let window = crate::browser::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str(LOAD_FUNCTION)).ok()?.dyn_into().ok()
}

/// Asks the loader for ECharts now.
pub(super) fn request_library() {
    if let Some(load) = loader_function() {
        let _ = load.call0(&JsValue::NULL);
    }
    LIBRARY.with(|state| state.set(library_now()));
}

/// Asks for the library and waits until it is there (an export of a chart a
/// reader never reached for), or says why not.
pub async fn library_ready() -> Result<(), super::ChartError> {
    request_library();
    // Up to about 20 s: a slow phone connection may take that long for 180 KB.
    for _ in 0..600 {
        match library_now() {
            Library::Ready => return Ok(()),
            Library::Missing => return Err(super::ChartError::LibraryMissing),
            Library::NotRequested | Library::Loading => portal_browser::next_paint().await,
        }
    }
    Err(super::ChartError::LibraryMissing)
}

fn library_now() -> Library {
    let Some(window) = crate::browser::window() else { return Library::Missing };
    if js_sys::Reflect::get(&window, &JsValue::from_str("echarts")).is_ok_and(|e| e.is_object()) {
        return Library::Ready;
    }
    let Some(document) = window.document() else { return Library::Missing };
    match document.get_element_by_id(SCRIPT_ID) {
        Some(script) if script.has_attribute("data-failed") => Library::Missing,
        Some(_) => Library::Loading,
        None if loader_function().is_some() => Library::NotRequested,
        // No loader (a test page): loading until the page has finished.
        None if document.ready_state() == "complete" => Library::Missing,
        None => Library::Loading,
    }
}

thread_local! {
    /// One signal for the whole page (an `Arc` signal: no component owns it).
    static LIBRARY: ArcRwSignal<Library> = {
        let state = ArcRwSignal::new(library_now());
        if state.get_untracked() != Library::Ready && let Some(window) = crate::browser::window() {
            for event in [READY_EVENT, FAILED_EVENT, "load"] {
                let seen = state.clone();
                let on_event = Closure::once_into_js(move || seen.set(library_now()));
                let _ = window.add_event_listener_with_callback(event, on_event.unchecked_ref());
            }
        }
        state
    };
}

/// The library's state, tracked: an effect reading it runs again when it arrives.
pub(super) fn library() -> Library {
    LIBRARY.with(|state| {
        let seen = state.get();
        // Set by other means than the script tag (tests load it themselves).
        if seen != Library::Ready && library_now() == Library::Ready {
            state.set(Library::Ready);
            return Library::Ready;
        }
        seen
    })
}

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The reader's colour scheme, as a media query list to read and follow.
pub(super) fn colour_scheme() -> Option<web_sys::MediaQueryList> {
    crate::browser::window().and_then(|w| w.match_media(DARK_QUERY).ok().flatten())
}

/// ECharts' built-in theme for the page: light text on dark, or the default.
/// The reader's own choice (see `prefs`) wins over the system setting.
pub(super) fn theme_name() -> &'static str {
    if crate::prefs::is_dark() { "dark" } else { "default" }
}
