//! The site's header (name, navigation, language switch, theme and text
//! size) and footer, on every page but an embed.

use leptos::prelude::*;
use plan_model::Lang;

use crate::prefs;
use portal_view::locale::tr;
use portal_view::url::Theme;
use portal_view::url::{Location, Route};

/// Site name, main navigation, language switch, theme and text-size controls.
#[component]
pub fn SiteHeader(lang: Lang, location: RwSignal<Location>) -> impl IntoView {
    let other = lang.other();
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
                <a href=Route::Commitments.href(lang)>{tr!(lang, nav_commitments)}</a>
                // Short in English, so the four fit one line on a phone.
                <a href=Route::Data.href(lang)>{tr!(lang, nav_data_short)}</a>
                <a href=Route::Search.href(lang)>{tr!(lang, search_heading)}</a>
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
pub fn SiteFooter(
    lang: Lang,
    /// The page's Atom feed, from the site's root (`Location::feed_path`).
    feed: String,
) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr!(lang, footer_note)}</p>
            <p><a class="feed-link" href=feed type="application/atom+xml">{tr!(lang, feed_label)}</a></p>
            <p><a class="publish-link" href=Route::Publish.href(lang)>{tr!(lang, footer_publish)}</a></p>
        </footer>
    }
}
