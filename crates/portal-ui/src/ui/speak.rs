//! Read aloud (适老化): a button that has the browser speak the words it
//! carries, in the page's language. The loader (boot.js, scripts/harden-html.mjs)
//! speaks on a click only, stops on a second, and shows the buttons only where
//! the browser can speak (`html.can-speak`); nothing else is loaded for it.

use leptos::prelude::*;
use plan_model::Lang;

use portal_view::locale::tr;

/// A "read aloud" button for `text` (a status and why); without `text`, for
/// the chart of the card it is in: the loader reads the chart's own label
/// (its summary, as screen readers hear it), so the words are not written
/// into the page twice.
#[component]
pub fn Speak(
    /// The words spoken; none: the card's chart's.
    #[prop(optional, into)]
    text: Option<Signal<String>>,
    /// What is read, for the button's name ("图表摘要").
    what: &'static str,
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="speak"
            aria-pressed="false"
            aria-label=tr!(lang, speak_label, what = what)
            data-speak=move || text.map(|t| t.get())
        >
            {tr!(lang, speak_button)}
        </button>
    }
}
