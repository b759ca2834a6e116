//! The app shell: loads the plan once and hands it to the page.

use leptos::prelude::*;
use plan_model::Lang;

use crate::components::{ErrorPanel, LoadingSkeleton};
use crate::data::load_plan;
use crate::pages::overview::Overview;

/// Root component.
#[component]
pub fn App() -> impl IntoView {
    let lang = Lang::Zh;
    let plan = LocalResource::new(load_plan);
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
                            Ok(doc) => view! { <Overview doc=doc lang=lang /> }.into_any(),
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
