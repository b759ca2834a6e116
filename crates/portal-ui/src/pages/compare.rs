//! Districts side by side (`<lang>/compare/?towns=a,b`): two to five chosen
//! in a form whose choice is the address, then a table of where each stands,
//! each one against expected progress over time, and each by key task. With
//! none chosen (and for a reader with scripts off, who cannot choose), the
//! first and the last of the ranking.

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::Lang;

use crate::context::{WithAssessment, use_lang, use_plan, use_portal};
use crate::share::FigureCard;
use crate::ui::{DataTable, PageTitle, ReleaseBar, SampleNotice, StatusWords, navigate};
use portal_view::assessed::Assessed;
use portal_view::compare::Compared;
use portal_view::figures;
use portal_view::format::{NO_FIGURE, rank_text, status_class};
use portal_view::locale::tr;
use portal_view::url::{FigureId, Filters, Location, Route};

/// The compare page.
#[component]
pub fn ComparePage() -> impl IntoView {
    let lang = use_lang();
    // The page is made anew for a new choice (the app draws it again).
    let filters = use_portal().filters.get_untracked();
    let title = tr!(lang, compare_page_title);
    view! {
        <article class="compare-page">
            <nav class="breadcrumb" aria-label=tr!(lang, breadcrumb_label)>
                <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                " › "
                {tr!(lang, districts_word)}
            </nav>
            <PageTitle what=title.to_owned() description=tr!(lang, compare_intro).to_owned() lang=lang />
            <h1>{title}</h1>
            <p class="page-intro">{tr!(lang, compare_intro)}</p>
            <WithAssessment
                at_period=true
                ok=move |assessed| view! { <Comparison assessed=assessed lang=lang filters=filters.clone() /> }
            />
        </article>
    }
    .into_any()
}

/// A district's name by id, in the page's language.
fn name_of(assessed: &Assessed, id: &str, lang: Lang) -> String {
    let district = assessed.plan.districts.iter().find(|d| d.id == id);
    district.map(|d| d.name.get(lang).to_owned()).unwrap_or_default()
}

/// Names of districts by id, as a list in words.
fn names_of(assessed: &Assessed, ids: &[String], lang: Lang) -> String {
    let names: Vec<String> = ids.iter().map(|id| name_of(assessed, id, lang)).collect();
    names.join(tr!(lang, list_separator))
}

#[component]
fn Comparison(assessed: Arc<Assessed>, lang: Lang, filters: Filters) -> impl IntoView {
    let doc = use_plan();
    let data = &assessed.data;
    let compared = Compared::of(&assessed, &filters);
    let said = if compared.by_default {
        let name = |id: Option<&String>| id.map(|id| name_of(&assessed, id, lang));
        let (first, last) = (name(compared.towns.first()), name(compared.towns.last()));
        tr!(
            lang,
            compare_default,
            first = first.unwrap_or_default(),
            last = last.unwrap_or_default()
        )
    } else if compared.towns.len() == 1 {
        tr!(lang, compare_one_more).to_owned()
    } else {
        tr!(lang, compare_showing, names = names_of(&assessed, &compared.towns, lang))
    };
    let left_out = (!compared.left_out.is_empty()).then(|| {
        let names = names_of(&assessed, &compared.left_out, lang);
        view! { <p class="compare-note">{tr!(lang, compare_left_out, names = names)}</p> }
    });
    let unknown = (!compared.unknown.is_empty()).then(|| {
        let ids = compared.unknown.join(tr!(lang, list_separator));
        view! { <p class="compare-note">{tr!(lang, compare_unknown, ids = ids)}</p> }
    });
    let figure = |id: FigureId| {
        figures::build(&id, &doc, Some(&assessed), lang, &filters)
            .ok()
            .map(|f| view! { <FigureCard figure=f /> })
    };
    view! {
        <ReleaseBar release=data.release.clone() lang=lang />
        {data.release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        <ChooseTowns assessed=assessed.clone() lang=lang filters=filters.clone() chosen=compared.towns.clone() />
        <p class="compare-showing">{said}</p>
        {left_out}
        {unknown}
        <SideBySide assessed=assessed.clone() lang=lang towns=compared.towns.clone() filters=filters.clone() />
        {figure(FigureId::CompareTrend)}
        {figure(FigureId::CompareTasks)}
    }
    .into_any()
}

/// The choice: a box per district (with its status, in words and glyph), in
/// a form whose address is the comparison's. Without the app the browser
/// sends the form (`towns=a&towns=b`), and the page at that address starts
/// the app; with it, the choice is checked (two to five) and shown in place.
#[component]
fn ChooseTowns(
    assessed: Arc<Assessed>,
    lang: Lang,
    filters: Filters,
    chosen: Vec<String>,
) -> impl IntoView {
    let picked = RwSignal::new(chosen.clone());
    let message = RwSignal::new(String::new());
    let shown = assessed.plan.indicators_in(filters.goal.as_deref(), filters.task.as_deref());
    let standings = assessed.standings(&shown);
    let boxes = assessed
        .plan
        .districts
        .iter()
        .map(|d| {
            let id = d.id.clone();
            let toggled = id.clone();
            let status = standings.of(&id).map(|s| s.roll_up.status);
            view! {
                <li>
                    <label>
                        <input
                            type="checkbox"
                            name="towns"
                            value=id.clone()
                            checked=chosen.contains(&id)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                picked.update(|p| {
                                    p.retain(|t| t != &toggled);
                                    if on {
                                        p.push(toggled.clone());
                                    }
                                });
                            }
                        />
                        " " {d.name.get(lang).to_owned()}
                        {status.map(|s| view! {
                            " " <span class=status_class(s) aria-hidden="true">{s.icon()}</span>
                            <span class="visually-hidden">{match lang {
                                Lang::Zh => format!("（{}）", s.label(lang)),
                                Lang::En => format!(" ({})", s.label(lang)),
                            }}</span>
                        })}
                    </label>
                </li>
            }
        })
        .collect_view();
    let keep = filters.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let towns = picked.get_untracked();
        let n = towns.len();
        if !(2..=Filters::MAX_TOWNS).contains(&n) {
            message.set(tr!(lang, compare_count_wrong, n = n));
            return;
        }
        message.set(String::new());
        navigate(&Location::href(lang, &Route::Compare, &Filters { towns, ..keep.clone() }));
    };
    view! {
        <form class="card compare-form" action=Route::Compare.href(lang) method="get" on:submit=submit>
            <fieldset>
                <legend>{tr!(lang, compare_choose)}</legend>
                <ul class="compare-choices">{boxes}</ul>
            </fieldset>
            // What else the address holds (a pinned release) goes with the choice.
            {filters.release.clone().map(|r| view! { <input type="hidden" name="release" value=r /> })}
            <button type="submit">{tr!(lang, compare_submit)}</button>
            <p class="compare-message" role="status">{move || message.get()}</p>
            <noscript>
                <p>
                    {tr!(lang, compare_noscript)} " "
                    <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                </p>
            </noscript>
        </form>
    }
    .into_any()
}

/// Where each compared district stands, a column each.
#[component]
fn SideBySide(
    assessed: Arc<Assessed>,
    lang: Lang,
    towns: Vec<String>,
    filters: Filters,
) -> impl IntoView {
    let doc = &assessed.plan;
    let shown = doc.indicators_in(filters.goal.as_deref(), filters.task.as_deref());
    let standings = assessed.standings(&shown);
    let of = |id: &String| standings.of(id);
    let one = |v: Option<f64>| v.map_or_else(|| NO_FIGURE.to_owned(), |v| format!("{v:.1}"));
    let row = |label: String, cells: Vec<AnyView>| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
            </tr>
        }
    };
    let each = |f: &dyn Fn(&String) -> AnyView| towns.iter().map(f).collect::<Vec<_>>();
    let mut headers = vec![tr!(lang, compare_measure).to_owned()];
    headers.extend(towns.iter().map(|id| name_of(&assessed, id, lang)));
    let pages = each(&|id| {
        let name = name_of(&assessed, id, lang);
        view! { <a href=Route::District(id.clone()).href(lang)>{name}</a> }.into_any()
    });
    let status = each(&|id| match of(id) {
        Some(s) => view! { <StatusWords status=s.roll_up.status lang=lang /> }.into_any(),
        None => NO_FIGURE.into_any(),
    });
    let ranked = standings.list.iter().filter(|s| s.rank.is_some()).count();
    let rank =
        each(&|id| format!("{} / {ranked}", rank_text(of(id).and_then(|s| s.rank))).into_any());
    let done = each(&|id| one(of(id).and_then(|s| s.roll_up.mean_completion_percent)).into_any());
    let expected = each(&|id| one(of(id).and_then(|s| s.roll_up.mean_expected_percent)).into_any());
    let lead = each(&|id| {
        of(id)
            .and_then(|s| s.lead_points)
            .map_or_else(|| NO_FIGURE.to_owned(), |l| format!("{l:+.1}"))
            .into_any()
    });
    let indicators = each(&|id| {
        shown
            .iter()
            .filter(|i| assessed.card.in_district(id, i).is_some())
            .count()
            .to_string()
            .into_any()
    });
    let named = each(&|id| {
        doc.commitments
            .iter()
            .filter(|c| c.district.as_deref() == Some(id.as_str()))
            .count()
            .to_string()
            .into_any()
    });
    view! {
        <section class="card compare-table" aria-labelledby="compare-table-heading">
            <h2 id="compare-table-heading">{tr!(lang, compare_table_heading)}</h2>
            <DataTable caption=tr!(lang, compare_table_caption) headers=headers class="compare-side">
                {row(tr!(lang, col_district).to_owned(), pages)}
                {row(tr!(lang, col_status).to_owned(), status)}
                {row(tr!(lang, rank_label).to_owned(), rank)}
                {row(format!("{} %", tr!(lang, mean_completion)), done)}
                {row(tr!(lang, col_expected).to_owned(), expected)}
                {row(tr!(lang, compare_row_lead).to_owned(), lead)}
                {row(tr!(lang, compare_row_indicators).to_owned(), indicators)}
                {row(tr!(lang, compare_row_commitments).to_owned(), named)}
            </DataTable>
        </section>
    }
    .into_any()
}
