//! The filter controls (goal area, key task, district, period). Each change
//! is a navigation to a new fragment, so the state lives in the URL, back and
//! forward step through it, and a copied link shows the same view.

use std::cell::RefCell;

use leptos::prelude::*;
use plan_model::{Lang, PlanDocument};

use portal_view::format::task_label;
use portal_view::locale::tr;
use portal_view::url::{Filters, Location, Route};

/// Which filters a page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offered {
    /// Goal area select.
    pub goal: bool,
    /// Key task select.
    pub task: bool,
    /// District select.
    pub district: bool,
    /// Period (as-of date) select.
    pub period: bool,
}

impl Offered {
    /// The filters a page offers, if any: every one on the overview, all but
    /// the district on a district's page. The static site renders a page for
    /// each state of one of them (portal-site's `State`).
    pub fn on(route: &Route) -> Option<Offered> {
        match route {
            Route::Overview => {
                Some(Offered { goal: true, task: true, district: true, period: true })
            }
            Route::District(_) => {
                Some(Offered { goal: true, task: true, district: false, period: true })
            }
            _ => None,
        }
    }

    /// The names of the filters offered, as addresses name them.
    pub fn names(self) -> Vec<&'static str> {
        [
            (self.goal, "goal"),
            (self.task, "task"),
            (self.district, "district"),
            (self.period, "period"),
        ]
        .into_iter()
        .filter_map(|(offered, name)| offered.then_some(name))
        .collect()
    }
}

thread_local! {
    /// The select the reader just changed: the page is drawn anew for the new
    /// URL, and focus goes back to it so keyboard users keep their place.
    static REFOCUS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Writes one filter's value.
type SetFilter = fn(&mut Filters, Option<String>);

/// Adds a history entry for `href` (relative to the page's `<base>`, as
/// `pushState` reads it) and tells the app at once with a `popstate` of its
/// own; back and forward arrive as the browser's. Where history cannot be
/// written, the page is loaded at the new address.
pub fn navigate(href: &str) {
    let Some(w) = crate::browser::window() else { return };
    let pushed = w
        .history()
        .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)));
    if pushed.is_err() {
        let _ = w.location().set_href(href);
        return;
    }
    if let Ok(event) = web_sys::Event::new("popstate") {
        let _ = w.dispatch_event(&event);
    }
}

/// One labelled select; "all" is the empty value.
#[component]
fn FilterSelect(
    label: &'static str,
    all: &'static str,
    name: &'static str,
    options: Vec<(String, String)>,
    /// Follows the URL (back and forward change it too).
    selected: Signal<Option<String>>,
    on_pick: impl Fn(Option<String>) + 'static,
) -> impl IntoView {
    let id = format!("filter-{name}");
    let changed = id.clone();
    view! {
        <div class="filter">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=name
                on:change=move |ev| {
                    REFOCUS.with(|r| *r.borrow_mut() = Some(changed.clone()));
                    let value = event_target_value(&ev);
                    on_pick(Some(value).filter(|v| !v.is_empty()));
                }
            >
                // The attribute as well as the property: a page rendered with a
                // filter chosen (a state's page) shows the choice without the app.
                <option
                    value=""
                    selected=move || selected.with(Option::is_none)
                    prop:selected=move || selected.with(Option::is_none)
                >
                    {all}
                </option>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let mine = value.clone();
                        let is_selected = Memo::new(move |_| selected.with(|s| s.as_deref() == Some(mine.as_str())));
                        view! { <option value=value selected=is_selected prop:selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The filter form for a page.
#[component]
pub fn FilterBar(
    /// The plan, for names.
    doc: std::sync::Arc<PlanDocument>,
    /// Dates with data, newest first.
    periods: Vec<String>,
    /// The page the filters belong to.
    route: Route,
    /// Current filters.
    #[prop(into)]
    filters: Signal<Filters>,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    // Which selects to show: the page's own (`Offered::on`).
    let offered = Offered::on(&route).unwrap_or(Offered {
        goal: false,
        task: false,
        district: false,
        period: false,
    });
    let go = {
        let route = route.clone();
        move |change: SetFilter| {
            let route = route.clone();
            move |value: Option<String>| {
                let mut next = filters.get_untracked();
                change(&mut next, value);
                navigate(&Location::href(lang, &route, &next));
            }
        }
    };
    let goals: Vec<(String, String)> =
        doc.goal_areas.iter().map(|g| (g.id.clone(), g.short_name.get(lang).to_owned())).collect();
    let tasks: Vec<(String, String)> =
        doc.tasks.iter().map(|t| (t.id.clone(), task_label(t, lang))).collect();
    let districts: Vec<(String, String)> =
        doc.districts.iter().map(|d| (d.id.clone(), d.name.get(lang).to_owned())).collect();
    let latest = periods.first().cloned();
    let period_options: Vec<(String, String)> = periods
        .iter()
        .map(|p| {
            let text = if Some(p) == latest.as_ref() {
                format!("{p} {}", tr!(lang, period_latest))
            } else {
                p.clone()
            };
            (p.clone(), text)
        })
        .collect();
    Effect::new(move |_| {
        // Again after each change: where the bar stays on screen (the overview)
        // the select keeps focus anyway, and the request must not linger.
        filters.track();
        if let Some(id) = REFOCUS.with(|r| r.borrow_mut().take()) {
            // After this render is in the document.
            request_animation_frame(move || {
                let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
                    return;
                };
                let Some(select) = document
                    .get_element_by_id(&id)
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                else {
                    return;
                };
                // Where it kept focus (the overview updates in place), focusing
                // again would only force the browser to lay out the page anew.
                let focused = document.active_element().is_some_and(|a| &a == select.as_ref());
                if !focused {
                    let _ = select.focus();
                }
            });
        }
    });
    let selects = [
        (offered.goal, tr!(lang, filter_goal), tr!(lang, filter_all_goals), "goal", goals),
        (offered.task, tr!(lang, filter_task), tr!(lang, filter_all_tasks), "task", tasks),
        (
            offered.district,
            tr!(lang, filter_district),
            tr!(lang, filter_all_districts),
            "district",
            districts,
        ),
        (
            offered.period,
            tr!(lang, filter_period),
            tr!(lang, filter_latest_period),
            "period",
            period_options,
        ),
    ]
    .into_iter()
    .filter(|select| select.0)
    .map(|(_, label, all, name, options)| {
        let (get, set): (fn(&Filters) -> Option<String>, SetFilter) = match name {
            "goal" => (|f| f.goal.clone(), |f, v| f.goal = v),
            "task" => (|f| f.task.clone(), |f, v| f.task = v),
            "district" => (|f| f.district.clone(), |f, v| f.district = v),
            _ => (|f| f.period.clone(), |f, v| f.period = v),
        };
        // Only this select's options follow a change of its own filter.
        let selected = Signal::from(Memo::new(move |_| filters.with(get)));
        view! {
            <FilterSelect label=label all=all name=name options=options selected=selected on_pick=go(set) />
        }
    })
    .collect_view();
    let clear_href = Location::href(lang, &route, &Filters::default());
    let clear = move || {
        (!filters.with(Filters::is_empty)).then(|| {
            view! {
                <a class="clear-filters" href=clear_href.clone()>
                    {tr!(lang, clear_filters)}
                </a>
            }
        })
    };
    // Folded away on a phone until asked for (style/main.css; wider screens
    // show the bar and no toggle); unfolded from the start when the address
    // has filters on, so the reader sees what narrows the page. The toggle
    // says how many are on. Before the app, the loader toggles the rendered
    // one and hands the state over (scripts/harden-html.mjs).
    let active = move || filters.with(Filters::active_count);
    let unfolded = RwSignal::new(filters.with_untracked(Filters::active_count) > 0);
    let summary = move || match active() {
        0 => tr!(lang, filters_label).to_owned(),
        n => format!("{} · {}", tr!(lang, filters_label), tr!(lang, filters_on, count = n)),
    };
    view! {
        <div class="filter-fold" class:unfolded=move || unfolded.get()>
            <button
                type="button"
                class="filter-toggle"
                aria-controls=FILTER_BAR_ID
                aria-expanded=move || unfolded.get().to_string()
                on:click=move |_| unfolded.update(|u| *u = !*u)
            >
                {summary}
            </button>
            <form id=FILTER_BAR_ID class="filter-bar" aria-label=tr!(lang, filters_label) on:submit=|ev| ev.prevent_default()>
                {selects}
                // A form is sent with a button (WCAG H32): with scripts off,
                // or before the app, the choices go into the address, which
                // the app reads; in the app each choice applies at once.
                <button type="submit" class="filter-apply">{tr!(lang, filters_apply)}</button>
                {clear}
            </form>
        </div>
    }
}

/// The id of the filter bar, which its toggle opens on a phone.
const FILTER_BAR_ID: &str = "filter-bar";
