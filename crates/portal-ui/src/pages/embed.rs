//! One chart alone, for an `<iframe>` on another site: title, subtitle,
//! the chart, its table (behind a disclosure), source, as-of date, licence,
//! the sample notice when flagged, and a link to the full view. It tells the
//! host page its height (see docs/embedding.md) so the iframe can fit it.

use leptos::html;
use leptos::prelude::*;
use plan_model::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::context::{WithAssessment, use_lang, use_plan, use_portal};
use crate::echarts::EChart;
use crate::share::{FigureTable, TileMap, keyboard_points};
use crate::ui::{NotFound, PageTitle, safe_link};
use portal_view::figures::{Figure, FigureError, build};
use portal_view::locale::tr;
use portal_view::url::{FigureId, Filters, Location, Subject};

/// A chart the static site has already built for this embed page (with the
/// release's view model, no filters): the page shows it instead of building
/// it again. The app never provides one.
#[derive(Debug, Clone)]
pub struct Prebuilt(pub Figure);

/// The `type` of the message an embed posts to its host page.
pub const HEIGHT_MESSAGE: &str = "kunshan-embed:height";

/// The embed view.
#[component]
pub fn EmbedPage(
    /// Which chart.
    id: FigureId,
) -> impl IntoView {
    let (doc, lang) = (use_plan(), use_lang());
    // Filters, release and theme from the URL (the page is made anew for new ones).
    let filters = use_portal().filters.get_untracked();
    if id.plan_only() {
        return figure_or_error(build(&id, &doc, None, lang, &filters), &id, lang);
    }
    let prebuilt = use_context::<Prebuilt>()
        .map(|Prebuilt(figure)| figure)
        .filter(|f| f.id == id && f.lang == lang && f.filters == filters);
    view! {
        <WithAssessment
            at_period=true
            ok=move |assessed| {
                let built = match &prebuilt {
                    Some(figure) => Ok(figure.clone()),
                    None => build(&id, &doc, Some(&assessed), lang, &filters),
                };
                figure_or_error(built, &id, lang)
            }
        />
    }
    .into_any()
}

fn figure_or_error(built: Result<Figure, FigureError>, id: &FigureId, lang: Lang) -> AnyView {
    match built {
        Ok(figure) => view! { <EmbedView figure=figure /> }.into_any(),
        Err(FigureError::Unknown { kind, id }) => {
            let what = match kind {
                Subject::Indicator => tr!(lang, indicator_word),
                Subject::Task => tr!(lang, task_word),
                Subject::District => tr!(lang, district_word),
                Subject::Department => tr!(lang, department_word),
            };
            view! { <NotFound what=what id=id lang=lang /> }.into_any()
        }
        Err(_) => view! {
            <p class="empty-state">{tr!(lang, embed_nothing)} " (" {id.path()} ")"</p>
        }
        .into_any(),
    }
}

/// Posts the embed's height to the host page whenever it changes.
fn report_height(
    root: &web_sys::HtmlElement,
) -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    let window = crate::browser::window()?;
    let parent = window.parent().ok().flatten()?;
    // Not in a frame: nobody to tell.
    if parent == window {
        return None;
    }
    let measured = root.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let Some(w) = crate::browser::window() else { return };
        let bottom = measured.get_bounding_client_rect().bottom() + w.scroll_y().unwrap_or(0.0);
        let height = bottom.ceil() + 1.0;
        let message = format!(r#"{{"type":"{HEIGHT_MESSAGE}","version":1,"height":{height}}}"#);
        if let (Ok(message), Ok(Some(parent))) = (js_sys::JSON::parse(&message), w.parent()) {
            // Only a height: nothing private, so any host page may read it.
            let _ = parent.post_message(&message, "*");
        }
    });
    let observer = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()).ok()?;
    observer.observe(root);
    Some((observer, post))
}

/// The chart with its frame.
#[component]
fn EmbedView(figure: Figure) -> impl IntoView {
    let lang = figure.lang;
    let root = NodeRef::<html::Article>::new();
    let reporter = StoredValue::new_local(None);
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            reporter.set_value(report_height(&el));
        }
    });
    on_cleanup(move || {
        if let Some((observer, _)) = reporter.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    });
    let full_view = {
        let filters = Filters { theme: None, ..figure.filters.clone() };
        Location::href(lang, &figure.id.page(), &filters)
    };
    let p = figure.provenance.clone();
    let licence = match safe_link(&p.licence_url) {
        Some(href) => {
            view! { <a href=href target="_blank" rel="noopener license">{p.licence.clone()}</a> }
                .into_any()
        }
        None => p.licence.clone().into_any(),
    };
    let (sample, as_of) = (p.sample, p.as_of.clone());
    // Same parts as `Provenance::source_line`, with the version and date marked up.
    let release = p.release.clone().map(|v| {
        view! {
            " · " {tr!(lang, figures_from)}
            {sample.then(|| format!("{}, ", tr!(lang, sample_not_official)))}
            {tr!(lang, release_version)} " " <span class="embed-release">{v}</span> ", "
            {tr!(lang, as_of)} " " <time class="embed-as-of" datetime=as_of.clone()>{as_of.clone()}</time>
        }
    });
    view! {
        <article class="embed" node_ref=root>
            <PageTitle what=figure.title.clone() description=figure.subtitle.clone() lang=lang />
            <h1 class="embed-title">{figure.title.clone()}</h1>
            <p class="embed-subtitle">{figure.subtitle.clone()}</p>
            {figure.filter_note.clone().map(|n| view! { <p class="embed-filters">{n}</p> })}
            {p.sample.then(|| view! {
                <p class="sample-notice embed-sample" role="note">
                    <strong>{tr!(lang, sample_export_note)}</strong>
                </p>
            })}
            {match &figure.map {
                // A cell opens the district on the portal, not in the frame.
                Some(map) => view! {
                    <TileMap
                        label=figure.description.clone()
                        picture=portal_view::picture::tiles(map, figure.height.px(), Some("_blank"))
                    />
                }
                .into_any(),
                None => view! {
                    <EChart
                        chart=Signal::stored(figure.chart.clone())
                        label=figure.description.clone()
                        height=figure.height.css()
                        lang=lang
                        keyboard=keyboard_points(&figure)
                        chosen=figure.chosen.clone()
                        picture=figure.picture()
                    />
                }
                .into_any(),
            }}
            <details class="embed-table">
                <summary>{tr!(lang, show_table)}</summary>
                <FigureTable table=figure.table.clone() lang=lang />
            </details>
            <p class="embed-source">
                {tr!(lang, targets_from)} {p.publisher.clone()} " (" {p.document_number.clone()} ")"
                {release}
                " · " {licence}
                " · " {tr!(lang, compiled_by)} {tr!(lang, site_name)}
            </p>
            <p class="embed-link">
                <a href=full_view target="_blank" rel="noopener">{tr!(lang, embed_full_view)}</a>
            </p>
        </article>
    }
}
