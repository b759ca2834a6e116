//! The app shell: loads the plan and the progress data once, shares them and
//! their assessment with every page (`crate::context`), follows the URL (see
//! `url`), sets the language, and shows the page it names (`Frame`, which the
//! static pages are rendered with too).

mod header;

use header::{SiteFooter, SiteHeader};
use leptos::prelude::*;

use crate::context::{LoadedPlan, Portal};
use crate::data::{load_plan, load_progress};
use crate::pages::commitments::CommitmentsPage;
use crate::pages::compare::ComparePage;
use crate::pages::data::DataPage;
use crate::pages::department::DepartmentPage;
use crate::pages::district::DistrictPage;
use crate::pages::embed::EmbedPage;
use crate::pages::indicator::IndicatorPage;
use crate::pages::overview::Overview;
use crate::pages::search::SearchPage;
use crate::pages::task::TaskPage;
use crate::prefs;
use crate::ui::{Announcer, Loaded, NotFound};
use portal_view::locale::tr;
use portal_view::locale::{I18nContextProvider, locale, use_i18n};
use portal_view::url::{Location, Route};

/// Where this page is within the site: its path from the site's root (the
/// page's `<base>`) and its query.
fn current() -> Location {
    let Some(window) = crate::browser::window() else { return Location::parse("", "") };
    let base = window.document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let href = window.location().href().unwrap_or_default();
    let here = href.split('#').next().unwrap_or_default();
    let within =
        here.strip_prefix(base.split(['?', '#']).next().unwrap_or_default()).unwrap_or(here);
    let (path, query) = within.split_once('?').unwrap_or((within, ""));
    let mut location = Location::parse(path, query);
    // The site's root is the Chinese overview.
    let lang = location.lang.unwrap_or_default();
    location.lang = Some(lang);
    prefs::remember_lang(lang);
    location
}

/// Root component.
#[component]
pub fn App() -> impl IntoView {
    leptos_meta::provide_meta_context();
    prefs::apply_theme(prefs::theme());
    prefs::apply_large_text(prefs::large_text());
    view! {
        // The page says its own language (`zh-CN`, `en`, rendered into the
        // HTML); the locale's code ("zh") is not a region-tagged language.
        <I18nContextProvider set_lang_attr_on_html=false>
            <Shell />
        </I18nContextProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    let location = RwSignal::new(current());
    // A pinned view (`?release=<version>`) reads that release's frozen files.
    let release = Memo::new(move |_| location.with(|l| l.filters.release.clone()));
    let plan = LocalResource::new(move || load_plan(release.get()));
    // Fetched side by side; the plan's parts show even if progress fails.
    // Waits for the plan to check the figures against it, without subscribing
    // to it: a subscription would fetch progress.json again once the plan arrives.
    let progress = LocalResource::new(move || {
        let plan = leptos::reactive::computed::ScopedFuture::new_untracked(plan.into_future());
        load_progress(release.get(), plan)
    });
    // Once both have loaded without error (again after a retry): are they the
    // files the release manifest names?
    let both_loaded = Memo::new(move |_| {
        plan.with(|p| matches!(p, Some(Ok(_)))) && progress.with(|p| matches!(p, Some(Ok(_))))
    });
    let integrity = LocalResource::new(move || {
        let release = release.get();
        let ready = both_loaded.get();
        async move { if ready { Some(crate::data::verify(release).await) } else { None } }
    });
    provide_context(crate::ui::Integrity(integrity));
    // Which release the page was rendered from: a pinned view shows another
    // on purpose.
    if location.with_untracked(|l| l.filters.release.is_none())
        && let Some(rendered) = rendered_release()
    {
        provide_context(crate::ui::RenderedFrom(rendered));
    }
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);
    // A filter change adds a history entry (`history.pushState`, then a
    // `popstate` of our own); back and forward come as the browser's.
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        let next = current();
        let page_changed = location.with_untracked(|l| l.route != next.route);
        location.set(next);
        if page_changed && let Some(w) = crate::browser::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    on_cleanup(move || listener.remove());
    let lang = Memo::new(move |_| location.with(|l| l.lang.unwrap_or_default()));
    Effect::new(move |_| {
        let l = locale(lang.get());
        if i18n.get_locale_untracked() != l {
            i18n.set_locale(l);
        }
        // The rendered page says it already, but "not found" (404.html) is
        // Chinese at every address.
        if let Some(html) =
            crate::browser::window().and_then(|w| w.document()).and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", lang.get().tag());
        }
    });
    let route = Memo::new(move |_| location.with(|l| l.route.clone()));
    let filters = Memo::new(move |_| location.with(|l| l.filters.clone()));
    provide_context(Portal::new(plan.into(), progress.into(), lang, filters));
    let embedded = Memo::new(move |_| route.with(|r| matches!(r, Route::Embed(_))));
    Effect::new(move |_| {
        // An embed takes its theme from its URL (the host page's choice), never
        // from what this reader chose on the portal.
        if embedded.get() {
            let chosen = filters.with(|f| f.theme);
            prefs::apply_theme(chosen.unwrap_or_default());
        } else {
            prefs::apply_theme(prefs::theme());
        }
        prefs::mark_embedded(embedded.get());
    });
    // The page rendered into the HTML stays until this one has its data,
    // then gives way in one frame (src/main.rs mounted the app hidden).
    let settled = Memo::new(move |_| plan.with(Option::is_some) && progress.with(Option::is_some));
    Effect::new(move |_| {
        if settled.get() {
            request_animation_frame(take_over);
        }
    });
    view! { <Frame plan=plan.into() location=location announcer=announcer /> }
}

/// The release named by the page's `<meta name="portal-release">`.
fn rendered_release() -> Option<String> {
    let document = crate::browser::window()?.document()?;
    let meta = document.query_selector("meta[name=portal-release]").ok()??;
    meta.get_attribute("content").filter(|v| !v.is_empty())
}

/// Puts the app where the page rendered into the HTML was. The loader
/// (`boot-*.js`, scripts/harden-html.mjs) does it on `kunshan:take-over`,
/// carrying over what the reader was doing (focus, open disclosures, choices)
/// and disposing the charts it drew; without it, this does the swap alone.
fn take_over() {
    let Some(window) = crate::browser::window() else { return };
    let Some(document) = window.document() else { return };
    // Not before every part is there (`ui::Later` puts the lower parts in a
    // task of their own): the page shown must not grow after the swap.
    if document.query_selector("#app [data-later]").ok().flatten().is_some() {
        request_animation_frame(take_over);
        return;
    }
    if let Ok(event) = web_sys::Event::new(TAKE_OVER_EVENT) {
        let _ = window.dispatch_event(&event);
    }
    if let Some(rendered) = document.get_element_by_id(RENDERED_PAGE) {
        rendered.remove();
    }
    if let Some(app) = document.get_element_by_id(APP_ROOT) {
        let _ = app.remove_attribute("hidden");
    }
}

/// The id of the element holding the page as rendered into the HTML.
pub const RENDERED_PAGE: &str = "page";
/// The event that hands the page over to the app.
pub const TAKE_OVER_EVENT: &str = "kunshan:take-over";
/// The id of the element the app is mounted in.
pub const APP_ROOT: &str = "app";

/// Everything a page shows, around and with its view: the skip link, header,
/// the view, footer and the live region. The same component renders the
/// static pages (natively, `crate::site`) and the app in the browser.
#[component]
pub fn Frame(
    /// The plan, loading or loaded.
    plan: crate::data::Waited<std::sync::Arc<plan_model::PlanDocument>>,
    /// Where the reader is.
    location: RwSignal<Location>,
    /// The live region's text.
    announcer: Announcer,
) -> impl IntoView {
    let portal = crate::context::use_portal();
    let (lang, filters) = (portal.lang, portal.filters);
    let route = Memo::new(move |_| location.with(|l| l.route.clone()));
    let embedded = Memo::new(move |_| route.with(|r| matches!(r, Route::Embed(_))));
    view! {
        {move || {
            let lang = lang.get();
            // The page's own address: `#main` alone would be read against
            // the page's `<base>`, the site's root.
            let main_href = format!("{}#main", route.with(|r| Location::page_path(lang, r)));
            (!embedded.get()).then(|| view! {
                <a class="skip-link" href=main_href on:click=|ev| {
                    // Move focus without a new history entry.
                    ev.prevent_default();
                    if let Some(main) = crate::browser::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id("main"))
                        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                    {
                        let _ = main.focus();
                    }
                }>{tr!(lang, skip_to_content)}</a>
                <SiteHeader lang=lang location=location />
            })
        }}
        <main id="main" tabindex="-1">
            <Loaded
                resource=plan
                lang=lang
                ok=move |plan| {
                    // Pages read the language once: a new one makes the page anew.
                    lang.track();
                    provide_context(LoadedPlan(plan));
                    // Only the overview follows filter changes in place; the other
                    // pages are drawn anew for them.
                    if !matches!(route.get(), Route::Overview) {
                        filters.track();
                    }
                    match route.get() {
                        Route::Indicator(id) => view! { <IndicatorPage id=id /> }.into_any(),
                        Route::Task(id) => view! { <TaskPage id=id /> }.into_any(),
                        Route::District(id) => view! { <DistrictPage id=id /> }.into_any(),
                        Route::Department(id) => view! { <DepartmentPage id=id /> }.into_any(),
                        Route::Data => view! { <DataPage /> }.into_any(),
                        Route::Commitments => view! { <CommitmentsPage /> }.into_any(),
                        Route::Search => view! { <SearchPage /> }.into_any(),
                        Route::Compare => view! { <ComparePage /> }.into_any(),
                        Route::Publish => publish_page(),
                        Route::Overview => view! { <Overview /> }.into_any(),
                        Route::Embed(id) => view! { <EmbedPage id=id /> }.into_any(),
                        Route::NotFound(path) => {
                            let lang = lang.get();
                            view! { <NotFound lang=lang what=tr!(lang, page_word) id=path /> }
                                .into_any()
                        }
                    }
                }
            />
        </main>
        {move || {
            (!embedded.get()).then(|| {
                let feed = route.with(|r| Location::feed_path(lang.get(), r));
                view! { <SiteFooter lang=lang.get() feed=feed /> }
            })
        }}
        <p class="visually-hidden live-region" role="status" aria-live="polite">
            {move || announcer.0.get()}
        </p>
    }
}

/// The studio's page. Natively it is rendered whole; in the browser the
/// portal's app never runs there (the page loads the studio's own wasm
/// instead), so the app carries a link to it rather than its words, and no
/// reader's download grows for it.
#[cfg(static_render)]
fn publish_page() -> AnyView {
    view! { <crate::pages::publish::PublishPage /> }.into_any()
}

#[cfg(not(static_render))]
fn publish_page() -> AnyView {
    let lang = crate::context::use_lang();
    view! { <p><a href=Route::Publish.href(lang) rel="external">{tr!(lang, footer_publish)}</a></p> }
        .into_any()
}
