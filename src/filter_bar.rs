//! The filter controls (goal area, key task, district, period). Each change
//! is a navigation to a new fragment, so the state lives in the URL, back and
//! forward step through it, and a copied link shows the same view.

use leptos::prelude::*;
use plan_model::{Lang, PlanDocument};

use crate::route::{Filters, Location, Route};
use crate::tr;

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

fn navigate(href: &str) {
    if let Some(w) = web_sys::window() {
        // Setting the fragment adds a history entry and fires `hashchange`.
        let _ = w.location().set_hash(href.trim_start_matches('#'));
    }
}

/// One labelled select; "all" is the empty value.
#[component]
fn FilterSelect(
    label: &'static str,
    all: &'static str,
    name: &'static str,
    options: Vec<(String, String)>,
    selected: Option<String>,
    on_pick: impl Fn(Option<String>) + 'static,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="filter">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=name
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    on_pick(Some(value).filter(|v| !v.is_empty()));
                }
            >
                <option value="" selected=selected.is_none()>{all}</option>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = selected.as_deref() == Some(value.as_str());
                        view! { <option value=value selected=is_selected>{text}</option> }
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
    doc: PlanDocument,
    /// Dates with data, newest first.
    periods: Vec<String>,
    /// The page the filters belong to.
    route: Route,
    /// Current filters.
    filters: Filters,
    /// Which selects to show.
    offered: Offered,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let go = {
        let route = route.clone();
        let filters = filters.clone();
        move |change: fn(&mut Filters, Option<String>)| {
            let route = route.clone();
            let filters = filters.clone();
            move |value: Option<String>| {
                let mut next = filters.clone();
                change(&mut next, value);
                navigate(&Location::href(lang, &route, &next));
            }
        }
    };
    let goals: Vec<(String, String)> =
        doc.goal_areas.iter().map(|g| (g.id.clone(), g.short_name.get(lang).to_owned())).collect();
    let tasks: Vec<(String, String)> = doc
        .tasks
        .iter()
        .map(|t| (t.id.clone(), format!("{}. {}", t.number, t.name.get(lang))))
        .collect();
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
    let clear = (!filters.is_empty()).then(|| {
        view! {
            <a class="clear-filters" href=Location::href(lang, &route, &Filters::default())>
                {tr!(lang, clear_filters)}
            </a>
        }
    });
    view! {
        <form class="filter-bar" aria-label=tr!(lang, filters_label) on:submit=|ev| ev.prevent_default()>
            {offered
                .goal
                .then(|| {
                    view! {
                        <FilterSelect
                            label=tr!(lang, filter_goal)
                            all=tr!(lang, filter_all_goals)
                            name="goal"
                            options=goals
                            selected=filters.goal.clone()
                            on_pick=go(|f, v| f.goal = v)
                        />
                    }
                })}
            {offered
                .task
                .then(|| {
                    view! {
                        <FilterSelect
                            label=tr!(lang, filter_task)
                            all=tr!(lang, filter_all_tasks)
                            name="task"
                            options=tasks
                            selected=filters.task.clone()
                            on_pick=go(|f, v| f.task = v)
                        />
                    }
                })}
            {offered
                .district
                .then(|| {
                    view! {
                        <FilterSelect
                            label=tr!(lang, filter_district)
                            all=tr!(lang, filter_all_districts)
                            name="district"
                            options=districts
                            selected=filters.district.clone()
                            on_pick=go(|f, v| f.district = v)
                        />
                    }
                })}
            {offered
                .period
                .then(|| {
                    view! {
                        <FilterSelect
                            label=tr!(lang, filter_period)
                            all=tr!(lang, filter_latest_period)
                            name="period"
                            options=period_options
                            selected=filters.period.clone()
                            on_pick=go(|f, v| f.period = v)
                        />
                    }
                })}
            {clear}
        </form>
    }
}
