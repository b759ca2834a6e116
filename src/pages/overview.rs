//! Overview: the plan's identity, the current data release (with the sample
//! notice when flagged), progress of the six goal areas and eight key tasks, and
//! what the plan sets in each goal area.

use leptos::prelude::*;
use plan_model::status::{StatusContext, roll_up};
use plan_model::{Lang, PlanDocument, ProgressDocument, Scorecard};

use crate::charts::ChartWithTable;
use crate::charts::goal_areas::{GoalAreaTargets, goal_area_targets_chart};
use crate::charts::progress::{ProgressRow, ProgressView};
use crate::components::{Loaded, ProgressSection, SampleNotice};
use crate::data::{DATA_DIR, DataError};
use crate::route::Route;

/// The overview page.
#[component]
pub fn Overview(
    /// The loaded plan.
    doc: PlanDocument,
    /// The progress data, loading or loaded.
    progress: LocalResource<Result<ProgressDocument, DataError>>,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let plan = &doc.plan;
    let doc_for_progress = doc.clone();
    let original_href = format!("{DATA_DIR}/{}", plan.original_text);
    let goal_areas = GoalAreaTargets::from_plan(&doc, lang);
    view! {
        <article class="overview">
            <header class="plan-header">
                <h1 class="plan-title">{plan.title.get(lang).to_owned()}</h1>
                <dl class="plan-meta">
                    <dt>"文号"</dt>
                    <dd>{plan.document_number.clone()}</dd>
                    <dt>"发文机关"</dt>
                    <dd>{plan.issuer.get(lang).to_owned()}</dd>
                    <dt>"印发日期"</dt>
                    <dd>
                        <time datetime=plan.issue_date.clone()>{plan.issue_date.clone()}</time>
                    </dd>
                </dl>
                <p>
                    <a href=original_href>"阅读方案原文"</a>
                </p>
            </header>
            <Loaded
                resource=progress
                lang=lang
                ok=move |data| view! { <ProgressSections doc=doc_for_progress.clone() data=data lang=lang /> }
            />
            <GoalAreasSection view=goal_areas />
        </article>
    }
}

/// The goal-area chart with the same numbers as a table beside it.
#[component]
fn GoalAreasSection(view: GoalAreaTargets) -> impl IntoView {
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
            <h2 id="goal-areas-heading">"主要目标：六个领域的目标数"</h2>
            <p class="card-subtitle">"来源：方案“一、主要目标”。数字为方案所列目标的个数，不是进展数据。"</p>
            <ChartWithTable
                chart=chart
                description=description
                caption="各领域目标数（与左图相同的数据）"
                headers=vec!["领域".to_owned(), quantified_name.to_owned(), milestone_name.to_owned()]
            >
                {rows}
            </ChartWithTable>
        </section>
    }
}

/// How to read a progress chart.
const HOW_TO_READ: &str =
    "完成度为各目标完成比例的平均（每项最多计 100%）；菱形为按时间应达到的序时进度。";

/// The release line, the sample notice, and progress by goal area and by task.
#[component]
fn ProgressSections(doc: PlanDocument, data: ProgressDocument, lang: Lang) -> impl IntoView {
    let card = Scorecard::compute(&doc, &data);
    let ctx = StatusContext::new(&doc, &data);
    let goal_rows = doc
        .goal_areas
        .iter()
        .map(|g| {
            ProgressRow::new(
                g.short_name.get(lang).to_owned(),
                &roll_up(&ctx, card.city_of(&g.indicators)),
            )
        })
        .collect();
    let task_rows = doc
        .tasks
        .iter()
        .map(|t| {
            ProgressRow::new(
                format!("{}. {}", t.number, t.name.get(lang)),
                &roll_up(&ctx, card.city_of(&t.indicators)),
            )
            .with_href(Route::Task(t.id.clone()).href())
        })
        .collect();
    let release = data.release.clone();
    let sample_mark = if release.sample { "示例数据 · " } else { "" };
    view! {
        <section class="release-bar" aria-label="数据版本">
            <p>
                "数据版本 " <strong class="release-version">{release.version.clone()}</strong>
                " · 数据截至 " <time datetime=release.as_of.clone()>{release.as_of.clone()}</time>
                " · 发布于 " <time datetime=release.published.clone()>{release.published.clone()}</time>
            </p>
        </section>
        {release.sample.then(|| view! { <SampleNotice /> })}
        <ProgressSection
            heading="主要目标进展"
            subtitle=format!("{sample_mark}{HOW_TO_READ}")
            what="六个主要目标领域"
            row_header="名称"
            view=ProgressView { rows: goal_rows, lang }
        />
        <ProgressSection
            heading="重点任务进展"
            subtitle=format!("{sample_mark}{HOW_TO_READ}")
            what="八项重点任务"
            row_header="名称"
            view=ProgressView { rows: task_rows, lang }
        />
        <IndicatorList doc=doc card=card sample=release.sample lang=lang />
    }
}

/// Every indicator with its status in words and a link to its page.
#[component]
fn IndicatorList(doc: PlanDocument, card: Scorecard, sample: bool, lang: Lang) -> impl IntoView {
    let rows = doc
        .indicators
        .iter()
        .map(|ind| {
            let a = card.city.get(&ind.id);
            let status = a.map(|a| a.status).unwrap_or(plan_model::Status::NoData);
            let value = a
                .and_then(|a| a.value)
                .map_or_else(|| "—".to_owned(), |v| format!("{v}{}", ind.unit.get(lang)));
            let target = ind
                .target
                .level()
                .map_or_else(|| "定性".to_owned(), |v| format!("{v}{}", ind.unit.get(lang)));
            view! {
                <tr>
                    <th scope="row">
                        <a href=Route::Indicator(ind.id.clone()).href()>{ind.name.get(lang).to_owned()}</a>
                    </th>
                    <td class="status-cell">{status.icon()} " " {status.label(lang)}</td>
                    <td>{value}</td>
                    <td>{target}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card indicator-list" aria-labelledby="indicator-list-heading">
            <h2 id="indicator-list-heading">"全部指标"</h2>
            <table class="data-table">
                <caption>
                    "方案全部目标的最新数值与状态" {if sample { "（示例数据）" } else { "" }}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"指标"</th>
                        <th scope="col">"状态"</th>
                        <th scope="col">"最新值"</th>
                        <th scope="col">"目标"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
