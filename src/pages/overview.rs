//! Overview: the plan's identity, the current data release (with the sample
//! notice when flagged), progress of the six goal areas and eight key tasks, a
//! district × task heatmap with a ranking, every indicator, what changed in the
//! latest release, and what the plan sets in each goal area. Filters (goal
//! area, task, district, period) live in the URL.

use leptos::prelude::*;
use plan_model::status::{StatusContext, rank_districts};
use plan_model::{Lang, PlanDocument, ProgressDocument, Scorecard, Status};

use crate::charts::DataTable;
use crate::components::{EmptyState, Loaded, PageTitle, ReleaseBar, SampleNotice};
use crate::data::{DATA_DIR, DataError};
use crate::figures::{self, Figure, FigureError, FigureId};
use crate::filter_bar::{FilterBar, FilterStatus, Offered, filtered_indicators};
use crate::pages::changes::WhatChanged;
use crate::route::{Filters, Location, Route};
use crate::share::FigureCard;
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
    let goal_targets = figures::build(&FigureId::GoalTargets, &doc, None, lang, &filters).ok();
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
            {goal_targets.map(|figure| view! { <FigureCard figure=figure /> })}
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
    let full = data.clone();
    // Looking back: the list below is assessed as it stood on that date (the
    // figures do the same inside `figures::build`).
    let data = filters.looking_back(data);
    let card = Scorecard::compute(&doc, &data);
    let shown = filtered_indicators(&doc, &filters);
    // One look-back and one scorecard for all four progress figures.
    let ids = [
        FigureId::GoalProgress,
        FigureId::TaskProgress,
        FigureId::DistrictHeatmap,
        FigureId::DistrictRanking,
    ];
    let [goals, tasks, heatmap, ranking]: [Result<Figure, FigureError>; 4] =
        figures::build_many(&ids, &doc, Some(&full), lang, &filters)
            .try_into()
            .unwrap_or_else(|_| std::array::from_fn(|_| Err(FigureError::Empty)));
    let card_of = move |figure: Result<Figure, FigureError>| {
        figure.ok().map(|f| view! { <FigureCard figure=f /> })
    };
    let release = data.release.clone();
    let announcement = if shown.is_empty() {
        tr!(lang, filter_result_none).to_owned()
    } else {
        format!("{} {}", tr!(lang, filter_result_count), shown.len())
    };
    let body = if shown.is_empty() {
        view! { <EmptyState lang=lang clear_href=Route::Overview.href(lang) /> }.into_any()
    } else {
        view! {
            {card_of(goals)}
            {card_of(tasks)}
            <DistrictSection
                doc=doc.clone()
                card=card.clone()
                data=data.clone()
                heatmap=heatmap
                ranking=ranking.ok()
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
    /// The scorecard of the looked-back figures.
    card: Scorecard,
    /// The progress figures, looked back to the period filter.
    data: ProgressDocument,
    heatmap: Result<Figure, FigureError>,
    ranking: Option<Figure>,
    lang: Lang,
    filters: Filters,
) -> impl IntoView {
    let ctx = StatusContext::new(&doc, &data);
    let standings = rank_districts(&doc, &card, &ctx, &filters.indicators(&doc));
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
    let heatmap = match heatmap {
        Ok(figure) => view! { <FigureCard figure=figure>{selected_line}</FigureCard> }.into_any(),
        Err(_) => view! {
            <section class="card heatmap-section">
                <h2>{tr!(lang, heatmap_heading)}</h2>
                <p class="empty-state">{tr!(lang, heatmap_none)}</p>
            </section>
        }
        .into_any(),
    };
    view! {
        {heatmap}
        {ranking.map(|figure| view! { <FigureCard figure=figure /> })}
    }
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
