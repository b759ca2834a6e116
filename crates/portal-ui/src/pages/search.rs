//! Search: everything there is to find in the release (every indicator, key
//! task, commitment, district, department and progress report), listed in
//! groups with where each lives. The loader's search (scripts/page/search.js,
//! fetched only on this page) narrows the list in place as a reader types,
//! from `?q=` too; without scripts the whole list is there for the browser's
//! own find in page. No app is needed, nor started by typing.

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::Lang;

use crate::context::{WithAssessment, use_lang};
use crate::ui::PageTitle;
use portal_view::assessed::Assessed;
use portal_view::locale::tr;
use portal_view::search::{Kind, entries};
use portal_view::url::Route;

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="search-page">
            <PageTitle what=tr!(lang, search_heading).to_owned() description=tr!(lang, search_no_script).to_owned() lang=lang />
            <h1 id="search-heading">{tr!(lang, search_heading)}</h1>
            <SearchBox lang=lang id="search-page-q" />
            <WithAssessment ok=move |assessed| view! { <Everything assessed=assessed lang=lang /> } />
        </article>
    }
}

/// The search form: a plain `GET` to the search page (`q`), so it works
/// with or without scripts.
#[component]
fn SearchBox(
    /// Reader's language.
    lang: Lang,
    /// The field's id, unique on the page.
    id: &'static str,
) -> impl IntoView {
    view! {
        <form class="search-box" role="search" action=Route::Search.href(lang) method="get">
            <label for=id>{tr!(lang, search_label)}</label>
            <input
                type="search"
                id=id
                name="q"
                autocomplete="off"
                enterkeyhint="search"
                placeholder=tr!(lang, search_placeholder)
            />
            <button type="submit">{tr!(lang, search_button)}</button>
        </form>
    }
}

#[component]
fn Everything(assessed: Arc<Assessed>, lang: Lang) -> impl IntoView {
    let listed = entries(&assessed.plan, &assessed.data, lang);
    let total = listed.len();
    let groups = Kind::ALL
        .into_iter()
        .map(|kind| {
            let items = listed
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| {
                    view! {
                        <li data-other=e.other.clone()>
                            <a href=e.href(lang)>{e.title.clone()}</a>
                            {(!e.text.is_empty()).then(|| view! { <p class="search-text">{e.text.clone()}</p> })}
                        </li>
                    }
                })
                .collect_view();
            let heading = format!("search-group-{}", kind.code());
            let labelled_by = heading.clone();
            view! {
                <section class="search-group" data-kind=kind.code() aria-labelledby=labelled_by>
                    <h2 id=heading>{kind.heading(lang)}</h2>
                    <ul class="search-list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    let all = tr!(lang, search_all, n = total);
    let all_template = all.clone();
    view! {
        <p
            class="search-status"
            role="status"
            data-all=all_template
            data-found=tr!(lang, search_found)
            data-found-one=tr!(lang, search_found_one)
            data-none=tr!(lang, search_none)
        >
            {all}
        </p>
        <p class="search-no-script">{tr!(lang, search_no_script)}</p>
        <div class="search-index">{groups}</div>
    }
}
