//! The app shell: loads the plan and the progress data once, follows the URL
//! fragment (see `route`), and shows the page it names.

use leptos::prelude::*;
use plan_model::Lang;

use crate::components::Loaded;
use crate::data::{load_plan, load_progress};
use crate::pages::data::DataPage;
use crate::pages::indicator::IndicatorPage;
use crate::pages::overview::Overview;
use crate::pages::task::TaskPage;
use crate::route::Route;

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Root component.
#[component]
pub fn App() -> impl IntoView {
    let lang = Lang::Zh;
    let plan = LocalResource::new(load_plan);
    // Fetched side by side; the plan's parts show even if progress fails.
    let progress = LocalResource::new(load_progress);
    let hash = RwSignal::new(current_hash());
    // Back and forward change the fragment too, so history needs nothing more.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        hash.set(current_hash());
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    on_cleanup(move || listener.remove());
    let route = Memo::new(move |_| Route::parse(&hash.get()));
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            // The fragment is the route: move focus without changing it.
            ev.prevent_default();
            if let Some(main) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("main"))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = main.focus();
            }
        }>"跳到主要内容"</a>
        <header class="site-header">
            <p class="site-name">
                <a href=Route::Overview.href()>"昆山 AI 行动方案进展公开"</a>
            </p>
            <nav class="site-nav" aria-label="主导航">
                <a href=Route::Overview.href()>"总览"</a>
                <a href=Route::Data.href()>"数据与方法"</a>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            <Loaded
                resource=plan
                lang=lang
                ok=move |doc| match route.get() {
                    Route::Indicator(id) => {
                        view! { <IndicatorPage doc=doc id=id progress=progress lang=lang /> }.into_any()
                    }
                    Route::Task(id) => view! { <TaskPage doc=doc id=id progress=progress lang=lang /> }.into_any(),
                    Route::Data => view! { <DataPage doc=doc progress=progress lang=lang /> }.into_any(),
                    Route::Overview | Route::NotFound(_) => {
                        view! { <Overview doc=doc progress=progress lang=lang /> }.into_any()
                    }
                }
            />
        </main>
    }
}
