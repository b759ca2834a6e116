//! Waiting for data: the skeleton while it loads, the error with a retry
//! button if it failed, and `Later` for parts below the first screen.

use leptos::prelude::*;
use plan_model::Lang;

use crate::data::Waited;
use portal_view::locale::tr;

/// Grey placeholder blocks in the shape of the page, shown while data loads.
#[component]
pub fn LoadingSkeleton(
    /// Reader's language.
    #[prop(into)]
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">{move || tr!(lang.get(), loading)}</span>
            <div class="skeleton-line skeleton-title"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-block"></div>
        </div>
    }
}

/// Renders its children in a task of its own, after the page around it: a
/// long page then starts as several short tasks, so the part on screen is
/// shown (and answers taps) sooner. For parts below the first screen only.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    // In a static render (natively, or the studio's worker) everything is
    // rendered at once.
    let ready = RwSignal::new(cfg!(static_render));
    #[cfg(not(static_render))]
    set_timeout(move || _ = ready.try_set(true), std::time::Duration::ZERO);
    // Until then an empty, hidden marker: "the page is not all there yet".
    move || {
        if ready.get() {
            children().into_any()
        } else {
            view! { <div data-later="" hidden></div> }.into_any()
        }
    }
}

/// A visible error that says what failed, with a button to try again.
#[component]
pub fn ErrorPanel(
    /// What failed, naming the file and the problem.
    #[prop(into)]
    message: String,
    /// Called when the reader asks to try again.
    on_retry: impl Fn() + 'static,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <h2>{tr!(lang, load_failed)}</h2>
            <p class="error-message">{message}</p>
            <button type="button" on:click=move |_| on_retry()>
                {tr!(lang, retry)}
            </button>
        </div>
    }
}

/// Shows data being waited for: a skeleton while it loads, `ok(value)` once
/// it has, and the error (naming the file and the problem) with a retry button
/// if it failed. Every part of a page that needs a data file goes through it.
/// Rendered natively (a static page), the data is already there and `ok` is
/// rendered at once: a suspense boundary would render only its fallback.
#[component]
pub fn Loaded<T, V, F>(
    /// The data to wait for (a fetch, or data handed over).
    #[prop(into)]
    resource: Waited<T>,
    /// Reader's language, for the error.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Renders the loaded value.
    ok: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    let shown = move || {
        resource.now.get().map(|loaded| match loaded {
            Ok(value) => ok(value).into_any(),
            Err(error) => view! {
                <ErrorPanel
                    message=error.message(lang.get())
                    lang=lang.get()
                    on_retry=move || resource.retry()
                />
            }
            .into_any(),
        })
    };
    #[cfg(not(static_render))]
    {
        view! { <Transition fallback=move || view! { <LoadingSkeleton lang=lang /> }>{shown}</Transition> }
    }
    #[cfg(static_render)]
    {
        shown
    }
}
