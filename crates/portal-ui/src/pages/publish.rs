//! The publishing studio's page, for staff: what it is for, the blank
//! templates (written with the site: `site::publish`), and the place the
//! studio's own wasm fills (`crates/studio`; only this page loads it, and not
//! the portal's app). Without scripts the page says how else to publish.

use leptos::prelude::*;

use crate::context::use_lang;
use crate::ui::PageTitle;
use portal_view::locale::tr;

/// Where the templates are, from the site's root.
pub const TEMPLATES_DIR: &str = "templates";
/// The figures' template as a workbook, and as CSV.
pub const FIGURES_TEMPLATE: &str = "progress-template";
/// The updates template (tasks and commitments) as a workbook.
pub const UPDATES_TEMPLATE: &str = "updates-template";
/// The element the studio mounts into.
pub const STUDIO_ROOT: &str = "studio";

/// The publishing studio's page.
#[component]
pub fn PublishPage() -> impl IntoView {
    let lang = use_lang();
    let file = |name: &str, ext: &str| format!("{TEMPLATES_DIR}/{name}.{ext}");
    view! {
        <article class="publish-page">
            <PageTitle what=tr!(lang, nav_publish) description=tr!(lang, publish_intro) lang=lang />
            <h1>{tr!(lang, nav_publish)}</h1>
            <p class="lede">{tr!(lang, publish_intro)}</p>
            <section class="card" aria-labelledby="templates-heading">
                <h2 id="templates-heading">{tr!(lang, publish_templates_heading)}</h2>
                <ul>
                    <li>
                        <a href=file(FIGURES_TEMPLATE, "xlsx") download>{tr!(lang, publish_template_figures)}</a>
                        " · "
                        <a href=file(FIGURES_TEMPLATE, "csv") download>"CSV"</a>
                    </li>
                    <li>
                        <a href=file(UPDATES_TEMPLATE, "xlsx") download>{tr!(lang, publish_template_updates)}</a>
                        " · "
                        <a href=file(UPDATES_TEMPLATE, "csv") download>"CSV"</a>
                    </li>
                </ul>
                <p>{tr!(lang, publish_templates_note)}</p>
            </section>
            <div id=STUDIO_ROOT class="studio-root card">
                <p class="studio-needs-js">{tr!(lang, publish_needs_js)}</p>
            </div>
        </article>
    }
}
