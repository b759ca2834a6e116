//! One district (区镇): its rank, its gap to the average of all districts, its
//! scorecard by key task and by indicator, and its completion over time
//! against the expected progress, and the commitments the plan names for it.
//! Task, goal-area and period filters apply.

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::Lang;
use plan_model::movers::rank_changes_since;
use plan_model::status::roll_up;

use crate::context::{WithAssessment, use_lang, use_plan, use_portal};
use crate::share::FigureCard;
use crate::ui::{
    CommitmentList, DataTable, EmptyState, Feedback, FilterBar, FilterStatus, FollowButton,
    NotFound, PageTitle, ReleaseBar, SampleNotice, Speak, StatusWords, stage_summary, states_of,
};
use portal_view::assessed::Assessed;
use portal_view::figures;
use portal_view::format::{NO_FIGURE, rank_text, with_unit};
use portal_view::locale::tr;
use portal_view::url::{FigureId, Filters, Location, Route};

/// The district page; shows "not found" for an unknown id.
#[component]
pub fn DistrictPage(
    /// District id from the URL.
    id: String,
) -> impl IntoView {
    let (doc, lang) = (use_plan(), use_lang());
    // The page is made anew for new filters (the district filter is this page's district).
    let filters = use_portal().filters.get_untracked();
    let Some(district) = doc.districts.iter().find(|d| d.id == id).cloned() else {
        return view! { <NotFound what=tr!(lang, district_word) id=id lang=lang /> }.into_any();
    };
    view! {
        <article class="district-page">
            <nav class="breadcrumb" aria-label=tr!(lang, breadcrumb_label)>
                <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                " › "
                {tr!(lang, districts_word)}
            </nav>
            <PageTitle
                what=district.name.get(lang).to_owned()
                description=format!("{} · {}", district.name.get(lang), tr!(lang, district_trend_subtitle))
                lang=lang
            />
            <h1>{district.name.get(lang).to_owned()}</h1>
            <WithAssessment
                at_period=true
                ok=move |assessed| {
                    view! {
                        <DistrictProgress
                            assessed=assessed
                            id=id.clone()
                            lang=lang
                            filters=filters.clone()
                        />
                    }
                }
            />
        </article>
    }
    .into_any()
}

fn one_decimal(v: Option<f64>) -> String {
    v.map_or_else(|| NO_FIGURE.to_owned(), |v| format!("{v:.1}"))
}

/// Needed a month and the recent pace, with whether it is enough; a dash
/// where the target does not build up or is met.
fn pace_cell(a: &plan_model::Assessment, lang: Lang) -> String {
    let Some(pace) = &a.pace else { return NO_FIGURE.to_owned() };
    let needed = format!("{:.1}", pace.needed_per_month);
    match (&pace.recent, pace.on_course) {
        (Some((recent, _)), Some(ok)) => {
            let verdict = if ok { tr!(lang, pace_enough) } else { tr!(lang, pace_short) };
            let recent = format!("{recent:.1}");
            tr!(lang, pace_cell, needed = needed, recent = recent, verdict = verdict)
        }
        _ => tr!(lang, pace_cell_needed, needed = needed),
    }
}

#[component]
fn DistrictProgress(
    assessed: Arc<Assessed>,
    id: String,
    lang: Lang,
    filters: Filters,
) -> impl IntoView {
    let (doc, data, card) = (&assessed.plan, &assessed.data, &assessed.card);
    let periods = assessed.full.periods();
    let ctx = assessed.ctx();
    let shown = doc.indicators_in(filters.goal.as_deref(), filters.task.as_deref());
    let own: Vec<String> =
        shown.iter().filter(|i| card.in_district(&id, i).is_some()).cloned().collect();
    let page_filters = filters.without_district();
    let bar_filters = page_filters.clone();
    let bar = view! {
        <ReleaseBar release=data.release.clone() lang=lang />
        {data.release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        <FilterBar
            doc=doc.clone()
            periods=periods
            route=Route::District(id.clone())
            filters=bar_filters
            lang=lang
        />
    };
    if own.is_empty() {
        return view! {
            {bar}
            <FilterStatus text=tr!(lang, filter_result_none) />
            <EmptyState lang=lang clear_href=Route::District(id.clone()).href(lang) />
        }
        .into_any();
    }
    let standings = assessed.standings(&shown);
    let average = standings.average;
    let mine = standings.of(&id).cloned();
    let overall = mine.as_ref().map(|s| s.roll_up.clone()).unwrap_or_else(|| roll_up(&ctx, []));
    let rank = mine.as_ref().and_then(|s| s.rank);
    let gap = overall.mean_completion_percent.zip(average).map(|(c, a)| c - a);
    // Its rank a quarter before, from this release's own figures: the arrow
    // and the words (an arrow alone would not say it).
    let rank_move = assessed
        .quarter_before()
        .map(|before| rank_changes_since(doc, (data, card), before, &shown))
        .and_then(|all| all.into_iter().find(|(d, _)| d == &id))
        .and_then(|(_, change)| {
            let places = change.places_up()?;
            let (n, since) = (places.unsigned_abs(), change.since.clone());
            Some(match places {
                0 => ("=", tr!(lang, rank_same, since = since)),
                p if p > 0 => ("↑", tr!(lang, rank_up, n = n, since = since)),
                _ => ("↓", tr!(lang, rank_down, n = n, since = since)),
            })
        });
    let gap_text = gap.map(|g| {
        let words = if g >= 0.0 { tr!(lang, above_average) } else { tr!(lang, below_average) };
        format!("{words} {:.1} {}", g.abs(), tr!(lang, points))
    });
    let indicator_rows = own
        .iter()
        .filter_map(|i| {
            let ind = doc.indicator(i)?;
            let a = card.in_district(&id, i)?;
            let unit = ind.unit.get(lang);
            let value = a.value.map_or_else(|| NO_FIGURE.to_owned(), |v| with_unit(v, unit, lang));
            let target = a.target.map_or_else(|| NO_FIGURE.to_owned(), |v| with_unit(v, unit, lang));
            Some(view! {
                <tr>
                    <th scope="row">
                        <a href=Route::Indicator(i.clone()).href(lang)>{ind.name.get(lang).to_owned()}</a>
                    </th>
                    <td class="status-cell">{a.status.icon()} " " {a.status.label(lang)}</td>
                    <td>{value}</td>
                    <td>{target}</td>
                    <td>{one_decimal(a.completion_percent)}</td>
                    <td>{one_decimal(a.expected_percent)}</td>
                    <td class="text-cell pace-cell">{pace_cell(a, lang)}</td>
                </tr>
            })
        })
        .collect_view();
    let figure = |f: FigureId| {
        figures::build(&f, doc, Some(&assessed), lang, &page_filters)
            .ok()
            .map(|f| view! { <FigureCard figure=f /> })
    };
    let tasks = figure(FigureId::DistrictTasks(id.clone()));
    let trend = figure(FigureId::DistrictTrend(id.clone()));
    let colour =
        format!("border-color: {}", portal_view::charts::progress::status_colour(overall.status));
    // What the box says, as one text to read aloud (with the filters' figures).
    let said = [
        overall.status.label(lang).to_owned(),
        format!("{} {} / {}", tr!(lang, rank_label), rank_text(rank), standings.list.len()),
        format!("{} {}%", tr!(lang, mean_completion), one_decimal(overall.mean_completion_percent)),
        format!("{} {}", tr!(lang, gap_to_average), gap_text.clone().unwrap_or_default()),
    ]
    .join(tr!(lang, sentence_separator));
    let named: Vec<String> = doc
        .commitments
        .iter()
        .filter(|c| c.district.as_deref() == Some(id.as_str()))
        .filter(|c| filters.task.is_none() || c.task == filters.task)
        .map(|c| c.id.clone())
        .collect();
    let commitments = if named.is_empty() {
        view! { <p class="no-commitments">{tr!(lang, district_commitments_none)}</p> }.into_any()
    } else {
        let summary = stage_summary(&states_of(doc, data, &named), lang);
        view! {
            <p class="stage-summary">{summary}</p>
            <CommitmentList plan=doc.clone() progress=data.clone() ids=named lang=lang show_task=true />
        }
        .into_any()
    };
    view! {
        {bar}
        <FilterStatus text=format!("{} {}", tr!(lang, filter_result_count), own.len()) />
        <section class="status-box district-summary" style=colour aria-label=tr!(lang, current_status)>
            <p class="status-line">
                <StatusWords status=overall.status lang=lang /> " "
                <Speak text=said what=tr!(lang, speak_status) lang=lang /> " "
                <FollowButton key=format!("district:{id}") status=overall.status lang=lang />
            </p>
            <dl class="plan-meta">
                <dt>{tr!(lang, rank_label)}</dt>
                <dd class="district-rank">
                    {rank_text(rank)} " / " {standings.list.len()}
                    {rank_move.map(|(arrow, words)| view! {
                        " · " <span class="rank-change"><span aria-hidden="true">{arrow}</span> " " {words}</span>
                    })}
                </dd>
                <dt>{tr!(lang, mean_completion)}</dt>
                <dd class="district-completion">{one_decimal(overall.mean_completion_percent)} "%"</dd>
                <dt>{tr!(lang, district_average)}</dt>
                <dd class="district-average">{one_decimal(average)} "%"</dd>
                <dt>{tr!(lang, gap_to_average)}</dt>
                <dd class="district-gap">{gap_text.unwrap_or_else(|| NO_FIGURE.to_owned())}</dd>
            </dl>
            <p>
                <a href=Location::href(lang, &Route::Overview, &Filters { district: Some(id.clone()), ..filters.clone() })>
                    {tr!(lang, see_on_overview)}
                </a>
                " · "
                <a class="compare-link" href=Location::href(lang, &Route::Compare, &Filters { towns: vec![id.clone()], ..Filters::default() })>
                    {tr!(lang, compare_link)}
                </a>
            </p>
        </section>
        {doc.districts.iter().find(|d| d.id == id).map(|d| view! {
            <Feedback
                channels=doc.plan.feedback.clone()
                what=tr!(lang, feedback_district, name = d.name.get(lang))
                id=id.clone()
                lang=lang
            />
        })}
        {tasks}
        {trend}
        <section class="card district-indicators" aria-labelledby="district-indicators-heading">
            <h2 id="district-indicators-heading">{tr!(lang, district_indicators_heading)}</h2>
            <DataTable caption=tr!(lang, district_indicators_caption) headers=vec![tr!(lang, col_indicator).to_owned(), tr!(lang, col_status).to_owned(), tr!(lang, col_latest_value).to_owned(), tr!(lang, col_district_target).to_owned(), tr!(lang, col_completion).to_owned(), tr!(lang, col_expected).to_owned(), tr!(lang, col_pace).to_owned()]>
                {indicator_rows}
            </DataTable>
        </section>
        <section class="card district-commitments" aria-labelledby="district-commitments-heading">
            <h2 id="district-commitments-heading">{tr!(lang, district_commitments_heading)}</h2>
            {commitments}
        </section>
    }
    .into_any()
}
