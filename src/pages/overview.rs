//! Overview: the plan's identity and its six main-goal areas.

use leptos::prelude::*;
use plan_model::{Lang, PlanDocument};

use crate::charts::EChart;
use crate::charts::goal_areas::{GoalAreaTargets, goal_area_targets_chart};
use crate::data::DATA_DIR;

/// The overview page.
#[component]
pub fn Overview(
    /// The loaded plan.
    doc: PlanDocument,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let plan = &doc.plan;
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
        <section class="card" aria-labelledby="goal-areas-heading">
            <h2 id="goal-areas-heading">"主要目标：六个领域的目标数"</h2>
            <p class="card-subtitle">"来源：方案“一、主要目标”。数字为方案所列目标的个数，不是进展数据。"</p>
            <div class="chart-with-table">
                <EChart chart=Signal::stored(chart) label=description height="20rem" />
                <table class="data-table">
                    <caption>"各领域目标数（与左图相同的数据）"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"领域"</th>
                            <th scope="col">{quantified_name}</th>
                            <th scope="col">{milestone_name}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
