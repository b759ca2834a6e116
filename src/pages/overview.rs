//! Overview: the plan's identity, the current data release (with the sample
//! notice when flagged), progress of the six goal areas and eight key tasks, a
//! district × task heatmap with a ranking, every indicator, what changed in the
//! latest release, and what the plan sets in each goal area. Filters (goal
//! area, task, district, period) live in the URL.

use leptos::prelude::*;
use plan_model::status::{StatusContext, district_average_completion, rank_districts, roll_up};
use plan_model::{Lang, PlanDocument, ProgressDocument, Scorecard, Status};

use crate::charts::goal_areas::{GoalAreaTargets, goal_area_targets_chart};
use crate::charts::heatmap::{HeatCell, HeatmapView, heatmap_chart};
use crate::charts::progress::{ProgressRow, ProgressView};
use crate::charts::{ChartWithTable, DataTable};
use crate::components::{EmptyState, Loaded, PageTitle, ProgressSection, ReleaseBar, SampleNotice};
use crate::data::{DATA_DIR, DataError};
use crate::filter_bar::{FilterBar, FilterStatus, Offered, filtered_indicators};
use crate::pages::changes::WhatChanged;
use crate::route::{Filters, Location, Route};
use crate::tr;

/// The overview page.
#[component]
pub fn Overview(
    /// The loaded plan.
    doc: PlanDocument,
    /// The progress data, loading or loaded.
    progress: LocalResource<Result<ProgressDocument, DataError>>,
    /// Reader's language.
    lang: Lang,
    /// Filters from the URL.
    filters: Filters,
) -> impl IntoView {
    let plan = &doc.plan;
    let doc_for_progress = doc.clone();
    let doc_for_browse = doc.clone();
    let original_href = format!("{DATA_DIR}/{}", plan.original_text);
    let goal_areas = GoalAreaTargets::from_plan(&doc, lang);
    view! {
        <article class="overview">
            <PageTitle description=plan.title.get(lang).to_owned() lang=lang />
            <header class="plan-header">
                <h1 class="plan-title">{plan.title.get(lang).to_owned()}</h1>
                <dl class="plan-meta">
                    <dt>{tr!(lang, document_number)}</dt>
                    <dd>{plan.document_number.clone()}</dd>
                    <dt>{tr!(lang, issuer)}</dt>
                    <dd>{plan.issuer.get(lang).to_owned()}</dd>
                    <dt>{tr!(lang, issue_date)}</dt>
                    <dd>
                        <time datetime=plan.issue_date.clone()>{plan.issue_date.clone()}</time>
                    </dd>
                </dl>
                <p>
                    <a href=original_href hreflang="zh-CN">{tr!(lang, read_original)}</a>
                </p>
            </header>
            <Loaded
                resource=progress
                lang=lang
                ok=move |data| {
                    view! {
                        <OverviewProgress
                            doc=doc_for_progress.clone()
                            data=data
                            lang=lang
                            filters=filters.clone()
                        />
                    }
                }
            />
            <GoalAreasSection view=goal_areas lang=lang />
            <Browse doc=doc_for_browse lang=lang />
        </article>
    }
}

/// Links to every district and department page.
#[component]
fn Browse(doc: PlanDocument, lang: Lang) -> impl IntoView {
    let districts = doc
        .districts
        .iter()
        .map(|d| view! { <li><a href=Route::District(d.id.clone()).href(lang)>{d.name.get(lang).to_owned()}</a></li> })
        .collect_view();
    let departments = doc
        .departments
        .iter()
        .map(|d| view! { <li><a href=Route::Department(d.id.clone()).href(lang)>{d.name.get(lang).to_owned()}</a></li> })
        .collect_view();
    view! {
        <section class="card browse" aria-labelledby="browse-heading">
            <h2 id="browse-heading">{tr!(lang, browse_heading)}</h2>
            <h3>{tr!(lang, districts_word)}</h3>
            <ul class="browse-list browse-districts">{districts}</ul>
            <h3>{tr!(lang, departments_word)}</h3>
            <ul class="browse-list browse-departments">{departments}</ul>
        </section>
    }
}

/// The goal-area chart with the same numbers as a table beside it.
#[component]
fn GoalAreasSection(view: GoalAreaTargets, lang: Lang) -> impl IntoView {
    let chart = goal_area_targets_chart(&view);
    let description = view.description();
    let [quantified_name, milestone_name] = view.series_names();
    let rows = view
        .rows
        .iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row">{row.name.clone()}</th>
                    <td>{row.quantified}</td>
                    <td>{row.milestones}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card goal-targets" aria-labelledby="goal-areas-heading">
            <h2 id="goal-areas-heading">{tr!(lang, goal_targets_heading)}</h2>
            <p class="card-subtitle">{tr!(lang, goal_targets_subtitle)}</p>
            <ChartWithTable
                chart=chart
                description=description
                caption=tr!(lang, goal_targets_caption)
                headers=vec![
                    tr!(lang, col_area).to_owned(),
                    quantified_name.to_owned(),
                    milestone_name.to_owned(),
                ]
                lang=lang
            >
                {rows}
            </ChartWithTable>
        </section>
    }
}

/// Everything that needs the progress data, narrowed by the filters.
#[component]
fn OverviewProgress(
    doc: PlanDocument,
    data: ProgressDocument,
    lang: Lang,
    filters: Filters,
) -> impl IntoView {
    let periods = data.periods();
    let latest = data.clone();
    // Looking back: everything below is assessed as it stood on that date.
    let data = filters.looking_back(data);
    let card = Scorecard::compute(&doc, &data);
    let ctx = StatusContext::new(&doc, &data);
    let shown = filtered_indicators(&doc, &filters);
    let goal_rows = doc
        .goal_areas
        .iter()
        .filter(|g| filters.goal.as_ref().is_none_or(|f| f == &g.id))
        .map(|g| {
            let ids: Vec<String> =
                g.indicators.iter().filter(|i| shown.contains(i)).cloned().collect();
            ProgressRow::new(g.short_name.get(lang).to_owned(), &roll_up(&ctx, card.city_of(&ids)))
        })
        .collect();
    let task_rows = doc
        .tasks
        .iter()
        .filter(|t| filters.task.as_ref().is_none_or(|f| f == &t.id))
        .filter(|t| t.indicators.iter().any(|i| shown.contains(i)))
        .map(|t| {
            let ids: Vec<String> =
                t.indicators.iter().filter(|i| shown.contains(i)).cloned().collect();
            ProgressRow::new(
                format!("{}. {}", t.number, t.name.get(lang)),
                &roll_up(&ctx, card.city_of(&ids)),
            )
            .with_href(Route::Task(t.id.clone()).href(lang))
        })
        .collect();
    let release = data.release.clone();
    let sample_mark = if release.sample { tr!(lang, sample_mark) } else { "" };
    let how_to_read = format!("{sample_mark}{}", tr!(lang, how_to_read_progress));
    let announcement = if shown.is_empty() {
        tr!(lang, filter_result_none).to_owned()
    } else {
        format!("{} {}", tr!(lang, filter_result_count), shown.len())
    };
    let body = if shown.is_empty() {
        view! { <EmptyState lang=lang clear_href=Route::Overview.href(lang) /> }.into_any()
    } else {
        view! {
            <ProgressSection
                heading=tr!(lang, goal_progress_heading)
                subtitle=how_to_read.clone()
                what=tr!(lang, goal_progress_what)
                row_header=tr!(lang, col_name)
                view=ProgressView { rows: goal_rows, lang }
                class="goal-progress"
            />
            <ProgressSection
                heading=tr!(lang, task_progress_heading)
                subtitle=how_to_read
                what=tr!(lang, task_progress_what)
                row_header=tr!(lang, col_name)
                view=ProgressView { rows: task_rows, lang }
                class="task-progress"
            />
            <DistrictSection
                doc=doc.clone()
                card=card.clone()
                data=data.clone()
                indicators=shown.clone()
                lang=lang
                filters=filters.clone()
            />
            <IndicatorList doc=doc.clone() card=card shown=shown filters=filters.clone() sample=release.sample lang=lang />
        }
        .into_any()
    };
    view! {
        <ReleaseBar release=release.clone() lang=lang />
        {release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        <FilterBar
            doc=doc.clone()
            periods=periods
            route=Route::Overview
            filters=filters.clone()
            offered=Offered { goal: true, task: true, district: true, period: true }
            lang=lang
        />
        <FilterStatus text=announcement />
        {body}
        <WhatChanged doc=doc latest=latest lang=lang />
    }
}

/// District × task heatmap and the district ranking.
#[component]
fn DistrictSection(
    doc: PlanDocument,
    card: Scorecard,
    data: ProgressDocument,
    indicators: Vec<String>,
    lang: Lang,
    filters: Filters,
) -> impl IntoView {
    let ctx = StatusContext::new(&doc, &data);
    let tasks: Vec<_> = doc
        .tasks
        .iter()
        .filter(|t| t.indicators.iter().any(|i| indicators.contains(i)))
        .filter(|t| {
            // Only tasks with district figures make a column.
            t.indicators.iter().any(|i| card.districts.keys().any(|(_, ind)| ind == i))
        })
        .collect();
    if tasks.is_empty() {
        return view! {
            <section class="card heatmap-section">
                <h2>{tr!(lang, heatmap_heading)}</h2>
                <p class="empty-state">{tr!(lang, heatmap_none)}</p>
            </section>
        }
        .into_any();
    }
    let cells: Vec<Vec<HeatCell>> = doc
        .districts
        .iter()
        .map(|d| {
            tasks
                .iter()
                .map(|t| {
                    let items = t
                        .indicators
                        .iter()
                        .filter(|i| indicators.contains(i))
                        .filter_map(|i| card.districts.get(&(d.id.clone(), i.clone())));
                    let r = roll_up(&ctx, items);
                    HeatCell {
                        completion: r.mean_completion_percent.map(|c| c.min(100.0)),
                        status: r.status,
                    }
                })
                .collect()
        })
        .collect();
    let heat = HeatmapView {
        columns: tasks.iter().map(|t| t.number.to_string()).collect(),
        rows: doc.districts.iter().map(|d| d.name.get(lang).to_owned()).collect(),
        cells: cells.clone(),
        lang,
    };
    let description = heat.description();
    let heat_rows = doc
        .districts
        .iter()
        .zip(&cells)
        .map(|(d, row)| {
            let selected = filters.district.as_deref() == Some(d.id.as_str());
            view! {
                <tr class:selected-row=selected>
                    <th scope="row">
                        <a href=Route::District(d.id.clone()).href(lang)>{d.name.get(lang).to_owned()}</a>
                    </th>
                    {row
                        .iter()
                        .map(|c| view! { <td class="heat-cell">{HeatmapView::cell_text(c)} " " <span class="heat-status">{c.status.label(lang)}</span></td> })
                        .collect_view()}
                </tr>
            }
        })
        .collect_view();
    let mut headers = vec![tr!(lang, col_district).to_owned()];
    headers.extend(tasks.iter().map(|t| format!("{}. {}", t.number, t.name.get(lang))));
    let standings = rank_districts(&doc, &card, &ctx, &indicators);
    let average = district_average_completion(&standings);
    let ranking_rows: Vec<ProgressRow> = standings
        .iter()
        .filter_map(|s| {
            let d = doc.districts.iter().find(|d| d.id == s.district)?;
            let rank = s.rank.map_or_else(|| "—".to_owned(), |r| r.to_string());
            Some(
                ProgressRow::new(format!("{rank}. {}", d.name.get(lang)), &s.roll_up)
                    .with_href(Route::District(d.id.clone()).href(lang)),
            )
        })
        .collect();
    let average_line = average.map(|a| format!("{} {:.1}%", tr!(lang, district_average), a));
    let selected_line = filters.district.as_ref().and_then(|id| {
        let d = doc.districts.iter().find(|d| &d.id == id)?;
        let s = standings.iter().find(|s| &s.district == id)?;
        let rank = s.rank.map_or_else(|| "—".to_owned(), |r| r.to_string());
        Some(view! {
            <p class="selected-district">
                <strong>{d.name.get(lang).to_owned()}</strong>
                " · " {tr!(lang, rank_label)} " " {rank} " / " {standings.len()}
                " · " <a href=Location::href(lang, &Route::District(id.clone()), &filters)>{tr!(lang, open_district_page)}</a>
            </p>
        })
    });
    view! {
        <section class="card heatmap-section" aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading">{tr!(lang, heatmap_heading)}</h2>
            <p class="card-subtitle">{tr!(lang, heatmap_subtitle)}</p>
            {selected_line}
            <ChartWithTable
                chart=heatmap_chart(&heat)
                description=description
                caption=tr!(lang, heatmap_caption)
                headers=headers
                lang=lang
                height="30rem"
                stacked=true
            >
                {heat_rows}
            </ChartWithTable>
        </section>
        <ProgressSection
            heading=tr!(lang, ranking_heading)
            subtitle=format!("{} {}", tr!(lang, ranking_subtitle), average_line.unwrap_or_default())
            what=tr!(lang, ranking_what)
            row_header=tr!(lang, col_district)
            view=ProgressView { rows: ranking_rows, lang }
            class="ranking-section"
        />
    }
    .into_any()
}

/// Every (filtered) indicator with its status in words and a link to its page;
/// with a district chosen, that district's figures.
#[component]
fn IndicatorList(
    doc: PlanDocument,
    card: Scorecard,
    shown: Vec<String>,
    filters: Filters,
    sample: bool,
    lang: Lang,
) -> impl IntoView {
    let district =
        filters.district.as_ref().and_then(|id| doc.districts.iter().find(|d| &d.id == id));
    let rows = doc
        .indicators
        .iter()
        .filter(|ind| shown.contains(&ind.id))
        .map(|ind| {
            let a = match district {
                Some(d) => card.districts.get(&(d.id.clone(), ind.id.clone())),
                None => card.city.get(&ind.id),
            };
            let status = a.map_or(Status::NoData, |a| a.status);
            let value = a.and_then(|a| a.value).map_or_else(
                || "—".to_owned(),
                |v| crate::components::with_unit(v, ind.unit.get(lang), lang),
            );
            let target = ind.target.level().map_or_else(
                || tr!(lang, qualitative).to_owned(),
                |v| crate::components::with_unit(v, ind.unit.get(lang), lang),
            );
            let href = Location::href(lang, &Route::Indicator(ind.id.clone()), &Filters::default());
            view! {
                <tr>
                    <th scope="row">
                        <a href=href>{ind.name.get(lang).to_owned()}</a>
                    </th>
                    <td class="status-cell">{status.icon()} " " {status.label(lang)}</td>
                    <td>{value}</td>
                    <td>{target}</td>
                </tr>
            }
        })
        .collect_view();
    let place =
        district.map_or_else(|| tr!(lang, citywide).to_owned(), |d| d.name.get(lang).to_owned());
    view! {
        <section class="card indicator-list" aria-labelledby="indicator-list-heading">
            <h2 id="indicator-list-heading">{tr!(lang, indicator_list_heading)}</h2>
            <DataTable
                caption=format!(
                    "{} · {place}{}",
                    tr!(lang, indicator_list_caption),
                    if sample { tr!(lang, sample_suffix) } else { "" }
                )
                headers=vec![
                    tr!(lang, col_indicator).to_owned(),
                    tr!(lang, col_status).to_owned(),
                    tr!(lang, col_latest_value).to_owned(),
                    tr!(lang, col_target).to_owned(),
                ]
            >
                {rows}
            </DataTable>
        </section>
    }
}
