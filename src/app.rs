//! The app shell: loads the plan and the progress data once, follows the URL
//! fragment (see `route`), sets the language, and shows the page it names.

use leptos::prelude::*;
use plan_model::Lang;

use crate::components::{Loaded, NotFound};
use crate::data::{load_plan, load_progress};
use crate::filter_bar::Announcer;
use crate::locale::{I18nContextProvider, locale, use_i18n};
use crate::pages::data::DataPage;
use crate::pages::department::DepartmentPage;
use crate::pages::district::DistrictPage;
use crate::pages::embed::EmbedPage;
use crate::pages::indicator::IndicatorPage;
use crate::pages::overview::Overview;
use crate::pages::task::TaskPage;
use crate::prefs::{self, Theme};
use crate::route::{Location, Route};
use crate::tr;

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Writes the fragment without a new history entry (and without `hashchange`).
fn replace_hash(href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// The URL's language, else the remembered one, else Chinese. A URL without a
/// language is rewritten in place to name it, so a copied link shows the same.
fn resolve(hash: &str) -> Location {
    let mut location = Location::parse(hash);
    let lang = location.lang.or_else(prefs::remembered_lang).unwrap_or_default();
    if location.lang.is_none() && !matches!(location.route, Route::NotFound(_)) {
        replace_hash(&Location::href(lang, &location.route, &location.filters));
    }
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
        <I18nContextProvider>
            <Shell />
        </I18nContextProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    let location = RwSignal::new(resolve(&current_hash()));
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
    provide_context(crate::components::Integrity(integrity));
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);
    // Back and forward change the fragment too, so history needs nothing more.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = resolve(&current_hash());
        let page_changed = location.with_untracked(|l| l.route != next.route);
        location.set(next);
        if page_changed && let Some(w) = web_sys::window() {
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
    });
    let route = Memo::new(move |_| location.with(|l| l.route.clone()));
    let filters = Memo::new(move |_| location.with(|l| l.filters.clone()));
    let embedded = Memo::new(move |_| route.with(|r| matches!(r, Route::Embed(_))));
    Effect::new(move |_| {
        // An embed takes its theme from its URL (the host page's choice), never
        // from what this reader chose on the portal.
        if embedded.get() {
            let chosen = filters.with(|f| f.theme.clone());
            prefs::apply_theme(chosen.map_or(Theme::System, |c| Theme::from_code(&c)));
        } else {
            prefs::apply_theme(prefs::theme());
        }
        prefs::mark_embedded(embedded.get());
    });
    view! {
        {move || {
            let lang = lang.get();
            (!embedded.get()).then(|| view! {
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
                }>{tr!(lang, skip_to_content)}</a>
                <SiteHeader lang=lang location=location />
            })
        }}
        <main id="main" tabindex="-1">
            <Loaded
                resource=plan
                lang=lang
                ok=move |doc| {
                    let lang = lang.get();
                    // Only the overview follows filter changes in place; the other
                    // pages are drawn anew for them.
                    let live_filters = filters;
                    let filters = if matches!(route.get(), Route::Overview) {
                        filters.get_untracked()
                    } else {
                        filters.get()
                    };
                    match route.get() {
                        Route::Indicator(id) => {
                            view! { <IndicatorPage doc=doc id=id progress=progress lang=lang /> }.into_any()
                        }
                        Route::Task(id) => view! { <TaskPage doc=doc id=id progress=progress lang=lang /> }.into_any(),
                        Route::District(id) => {
                            view! { <DistrictPage doc=doc id=id progress=progress lang=lang filters=filters /> }.into_any()
                        }
                        Route::Department(id) => {
                            view! { <DepartmentPage doc=doc id=id progress=progress lang=lang /> }.into_any()
                        }
                        Route::Data => view! { <DataPage doc=doc progress=progress lang=lang /> }.into_any(),
                        Route::Overview => {
                            view! { <Overview doc=doc progress=progress lang=lang filters=live_filters /> }.into_any()
                        }
                        Route::Embed(id) => {
                            view! { <EmbedPage doc=doc id=id progress=progress lang=lang filters=filters /> }.into_any()
                        }
                        Route::NotFound(path) => {
                            view! { <NotFound lang=lang what=tr!(lang, page_word) id=path /> }.into_any()
                        }
                    }
                }
            />
        </main>
        {move || (!embedded.get()).then(|| view! { <SiteFooter lang=lang.get() /> })}
        <p class="visually-hidden live-region" role="status" aria-live="polite">
            {move || announcer.0.get()}
        </p>
    }
}

/// Site name, main navigation, language switch, theme and text-size controls.
#[component]
fn SiteHeader(lang: Lang, location: RwSignal<Location>) -> impl IntoView {
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    // The same view and filters in the other language.
    let switch_href = move || location.with(|l| Location::href(other, &l.route, &l.filters));
    let theme = RwSignal::new(prefs::theme());
    let large = RwSignal::new(prefs::large_text());
    view! {
        <header class="site-header">
            <p class="site-name">
                <a href=Route::Overview.href(lang)>{tr!(lang, site_name)}</a>
            </p>
            <nav class="site-nav" aria-label=tr!(lang, nav_label)>
                <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                <a href=Route::Data.href(lang)>{tr!(lang, nav_data)}</a>
            </nav>
            <div class="site-controls">
                <a class="lang-switch" href=switch_href hreflang=other.tag() lang=other.tag()>
                    {tr!(other, switch_to_this_language)}
                </a>
                <label class="control">
                    <span>{tr!(lang, theme_label)}</span>
                    <select
                        class="theme-select"
                        on:change=move |ev| {
                            let chosen = Theme::from_code(&event_target_value(&ev));
                            theme.set(chosen);
                            prefs::set_theme(chosen);
                        }
                    >
                        {[Theme::System, Theme::Light, Theme::Dark]
                            .into_iter()
                            .map(|t| {
                                let name = match t {
                                    Theme::System => tr!(lang, theme_system),
                                    Theme::Light => tr!(lang, theme_light),
                                    Theme::Dark => tr!(lang, theme_dark),
                                };
                                view! {
                                    <option value=t.code() selected=move || theme.get() == t>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button
                    type="button"
                    class="text-size-toggle"
                    aria-pressed=move || large.get().to_string()
                    on:click=move |_| {
                        let on = !large.get_untracked();
                        large.set(on);
                        prefs::set_large_text(on);
                    }
                >
                    {tr!(lang, large_text)}
                </button>
            </div>
        </header>
    }
}

/// Where the figures come from, on every page.
#[component]
fn SiteFooter(lang: Lang) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr!(lang, footer_note)}</p>
        </footer>
    }
}
