//! One indicator: its target in the plan's words, where it stands and why,
//! its trend against the target and the expected progress, and its districts.

use leptos::prelude::*;
use plan_model::status::{Assessment, StatusContext, expected_percent};
use plan_model::{Indicator, Lang, Pace, PlanDocument, ProgressDocument, Scorecard, Target};

use crate::charts::ChartWithTable;
use crate::charts::progress::{ProgressRow, ProgressView, status_colour};
use crate::charts::trend::{TrendView, trend_chart};
use crate::components::{
    Loaded, NotFound, PageTitle, ProgressSection, ResponsibleUnits, SampleNotice,
};
use crate::data::DataError;
use crate::route::Route;
use crate::tr;

/// What the target's wording means, in words.
fn meaning(target: &Target, lang: Lang) -> &'static str {
    match target {
        Target::AtLeast { .. } => tr!(lang, meaning_at_least),
        Target::MoreThan { .. } => tr!(lang, meaning_more_than),
        Target::Reach { .. } => tr!(lang, meaning_reach),
        Target::Exceed { .. } => tr!(lang, meaning_exceed),
        Target::About { .. } => tr!(lang, meaning_about),
        Target::HoldAt { .. } => tr!(lang, meaning_hold_at),
        Target::KeepAtOrAbove { .. } => tr!(lang, meaning_keep_at_or_above),
        Target::ReduceBy { .. } => tr!(lang, meaning_reduce_by),
        Target::RaiseByPoints { .. } => tr!(lang, meaning_raise_by_points),
        Target::Milestone => tr!(lang, meaning_milestone),
    }
}

/// The indicator page; shows "not found" for an unknown id.
#[component]
pub fn IndicatorPage(
    /// The loaded plan.
    doc: PlanDocument,
    /// Indicator id from the URL.
    id: String,
    /// The progress data, loading or loaded.
    progress: LocalResource<Result<ProgressDocument, DataError>>,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let Some(indicator) = doc.indicator(&id).cloned() else {
        return view! { <NotFound what=tr!(lang, indicator_word) id=id lang=lang /> }.into_any();
    };
    let goal = doc
        .goal_areas
        .iter()
        .find(|g| g.indicators.contains(&indicator.id))
        .map(|g| g.name.get(lang).to_owned());
    let tasks: Vec<_> = doc
        .tasks
        .iter()
        .filter(|t| t.indicators.contains(&indicator.id))
        .map(|t| (t.clone(), format!("{}. {}", t.number, t.name.get(lang))))
        .collect();
    let level = indicator.target.level().map_or_else(
        || "—".to_owned(),
        |v| crate::components::with_unit(v, indicator.unit.get(lang), lang),
    );
    let doc_for_progress = doc.clone();
    let ind = indicator.clone();
    view! {
        <article class="indicator-page">
            <nav class="breadcrumb" aria-label=tr!(lang, breadcrumb_label)>
                <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                " › "
                {goal.clone().unwrap_or_else(|| tr!(lang, task_only_indicator).to_owned())}
            </nav>
            <PageTitle what=indicator.name.get(lang).to_owned() description=indicator.source_text.clone() lang=lang />
            <h1>{indicator.name.get(lang).to_owned()}</h1>
            <blockquote class="source-text">
                <p>{tr!(lang, plan_wording)} " “" <span lang="zh-CN">{indicator.source_text.clone()}</span> "”"</p>
                {indicator
                    .restatements
                    .iter()
                    .map(|r| view! { <p class="restatement">{tr!(lang, see_also)} " “" <span lang="zh-CN">{r.clone()}</span> "”"</p> })
                    .collect_view()}
            </blockquote>
            <dl class="plan-meta">
                <dt>{tr!(lang, target_label)}</dt>
                <dd class="target-level">{level}</dd>
                <dt>{tr!(lang, meaning_label)}</dt>
                <dd>{meaning(&indicator.target, lang)}</dd>
                <dt>{tr!(lang, basis_label)}</dt>
                <dd>{if indicator.cumulative { tr!(lang, basis_cumulative) } else { tr!(lang, basis_year) }}</dd>
                <dt>{tr!(lang, belongs_label)}</dt>
                <dd>
                    {goal.unwrap_or_else(|| tr!(lang, task_only_note).to_owned())}
                    <ul class="task-list">
                        {tasks
                            .into_iter()
                            .map(|(task, label)| view! {
                                <li>
                                    <a href=Route::Task(task.id.clone()).href(lang)>{label}</a>
                                    " — " {tr!(lang, responsible_units)} " "
                                    <ResponsibleUnits doc=doc.clone() task=task lang=lang short=true />
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </dd>
            </dl>
            <Loaded
                resource=progress
                lang=lang
                ok=move |data| {
                    view! { <IndicatorProgress doc=doc_for_progress.clone() data=data indicator=ind.clone() lang=lang /> }
                }
            />
        </article>
    }
    .into_any()
}

/// Status, trend and districts of one indicator.
#[component]
fn IndicatorProgress(
    doc: PlanDocument,
    data: ProgressDocument,
    indicator: Indicator,
    lang: Lang,
) -> impl IntoView {
    let card = Scorecard::compute(&doc, &data);
    let ctx = StatusContext::new(&doc, &data);
    let city: Option<Assessment> = card.city.get(&indicator.id).cloned();
    let mut points: Vec<(String, f64)> = data
        .observations
        .iter()
        .filter(|o| o.indicator == indicator.id && o.district.is_none())
        .map(|o| (o.as_of.clone(), o.value))
        .collect();
    points.sort_by(|a, b| a.0.cmp(&b.0));
    let target = indicator.target.level();
    let baseline = indicator.baseline.as_ref().map_or(0.0, |b| b.value);
    let expected = match (indicator.pace, target) {
        (Pace::Accumulates, Some(t)) => Some(
            points
                .iter()
                .map(|(d, _)| {
                    let e = expected_percent(d, ctx.year, &ctx.schedule).unwrap_or(0.0);
                    ((baseline + (t - baseline) * e / 100.0) * 10.0).round() / 10.0
                })
                .collect::<Vec<f64>>(),
        ),
        _ => None,
    };
    let trend = TrendView {
        dates: points.iter().map(|p| p.0.clone()).collect(),
        values: points.iter().map(|p| p.1).collect(),
        target,
        expected: expected.clone(),
        unit: indicator.unit.get(lang).to_owned(),
        lang,
    };
    let name = indicator.name.get(lang).to_owned();
    let trend_description = trend.description(&name);
    let [value_name, _, expected_name] = trend.series_names();
    let trend_rows = points
        .iter()
        .enumerate()
        .map(|(i, (d, v))| {
            let e = expected
                .as_ref()
                .and_then(|e| e.get(i))
                .map_or_else(|| "—".to_owned(), |e| e.to_string());
            view! {
                <tr>
                    <th scope="row" class="nowrap">{d.clone()}</th>
                    <td>{v.to_string()}</td>
                    <td>{e}</td>
                </tr>
            }
        })
        .collect_view();
    let district_rows: Vec<ProgressRow> = doc
        .districts
        .iter()
        .filter_map(|d| {
            let a = card.districts.get(&(d.id.clone(), indicator.id.clone()))?;
            Some(ProgressRow {
                name: d.name.get(lang).to_owned(),
                status: a.status,
                completion: a.completion_percent.map(|c| c.min(100.0)),
                expected: a.expected_percent,
                href: Some(Route::District(d.id.clone()).href(lang)),
            })
        })
        .collect();
    let districts = (!district_rows.is_empty()).then(|| {
        view! {
            <ProgressSection
                heading=tr!(lang, indicator_districts_heading)
                subtitle=tr!(lang, indicator_districts_subtitle)
                what=format!("{name} · {}", tr!(lang, districts_word))
                row_header=tr!(lang, col_district)
                view=ProgressView { rows: district_rows, lang }
                class="district-section"
            />
        }
    });
    let status_box = city.map(|a| {
        let colour = format!("border-color: {}", status_colour(a.status));
        view! {
            <section class="status-box" style=colour aria-label=tr!(lang, current_status)>
                <p class="status-line">
                    <span class="status-icon" aria-hidden="true">{a.status.icon()}</span>
                    " "
                    <strong class="status-label">{a.status.label(lang)}</strong>
                </p>
                <p class="status-explanation">{a.explanation.get(lang).to_owned()}</p>
            </section>
        }
    });
    let mut sources: Vec<String> = data
        .observations
        .iter()
        .filter(|o| o.indicator == indicator.id)
        .filter_map(|o| o.source.clone())
        .collect();
    sources.sort();
    sources.dedup();
    let sources = (!sources.is_empty()).then(|| {
        view! { <p class="data-source">{tr!(lang, source_label)} " " {sources.join(" · ")}</p> }
    });
    view! {
        {data.release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        {status_box}
        <section class="card trend-section" aria-labelledby="trend-heading">
            <h2 id="trend-heading">{tr!(lang, trend_heading)}</h2>
            <p class="card-subtitle">
                {tr!(lang, release_version)} " " {data.release.version.clone()} " · " {tr!(lang, as_of)} " "
                {data.release.as_of.clone()}
                {data.release.sample.then(|| view! { " · " {tr!(lang, sample_data)} })}
            </p>
            {sources}
            <ChartWithTable
                chart=trend_chart(&trend)
                description=trend_description
                caption=tr!(lang, trend_caption)
                headers=vec![tr!(lang, col_date).to_owned(), value_name.to_owned(), expected_name.to_owned()]
                lang=lang
            >
                {trend_rows}
            </ChartWithTable>
        </section>
        {districts}
    }
}
