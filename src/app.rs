//! The app shell: loads the plan and the progress data once and hands them to the page.

use leptos::prelude::*;
use plan_model::Lang;

use crate::components::{ErrorPanel, LoadingSkeleton};
use crate::data::{load_plan, load_progress};
use crate::pages::overview::Overview;

/// Root component.
#[component]
pub fn App() -> impl IntoView {
    let lang = Lang::Zh;
    let plan = LocalResource::new(load_plan);
    // Fetched side by side; the plan's parts show even if progress fails.
    let progress = LocalResource::new(load_progress);
    view! {
        <a class="skip-link" href="#main">"跳到主要内容"</a>
        <header class="site-header">
            <p class="site-name">"昆山 AI 行动方案进展公开"</p>
        </header>
        <main id="main" tabindex="-1">
            <Transition fallback=|| view! { <LoadingSkeleton /> }>
                {move || {
                    plan.get()
                        .map(|loaded| match loaded {
                            Ok(doc) => view! { <Overview doc=doc progress=progress lang=lang /> }.into_any(),
                            Err(error) => {
                                view! {
                                    <ErrorPanel
                                        message=error.message(lang)
                                        on_retry=move || plan.refetch()
                                    />
                                }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </main>
    }
}
