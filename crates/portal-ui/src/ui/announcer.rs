//! The shell's live region: what a filter change did, or the chart point the
//! keyboard reached, said in a sentence that screen readers read out.

use leptos::prelude::*;

/// The shell's polite live region. Pages say here, in a sentence, what a
/// filter change did; screen readers read it out. (A region inserted with new
/// content is often not announced, so it lives in the shell, not the page.)
#[derive(Debug, Clone, Copy)]
pub struct Announcer(pub RwSignal<String>);

/// The visible line saying what the filters left, also sent to the live region.
#[component]
pub fn FilterStatus(
    /// The sentence.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    if let Some(Announcer(live)) = use_context::<Announcer>() {
        Effect::new(move |_| live.set(text.get()));
    }
    view! { <p class="filter-status">{text}</p> }
}
