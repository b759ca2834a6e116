//! One indicator: its target in the plan's words, where it stands and why,
//! its trend against the target and the expected progress, and its districts.

use leptos::prelude::*;
use plan_model::status::{Assessment, StatusContext, expected_percent};
use plan_model::{Indicator, Lang, Pace, PlanDocument, ProgressDocument, Scorecard, Target};

use crate::charts::ChartWithTable;
use crate::charts::progress::{ProgressRow, ProgressView, status_colour};
use crate::charts::trend::{TrendView, trend_chart};
use crate::components::{Loaded, NotFound, ProgressSection, SampleNotice, responsible_units};
use crate::data::DataError;
use crate::route::Route;

/// What the target's wording means, in words.
fn meaning(target: &Target) -> &'static str {
    match target {
        Target::AtLeast { .. } => "不少于目标值（以上 / 不少于）",
        Target::MoreThan { .. } => "须多于目标值（超）",
        Target::Reach { .. } => "达到目标值（达到）",
        Target::Exceed { .. } => "须突破目标值（突破）",
        Target::About { .. } => "在目标值左右（左右）",
        Target::HoldAt { .. } => "稳定在目标水平（稳定在），按是否达到判断",
        Target::KeepAtOrAbove { .. } => "保持在目标值以上（保持在…以上），按是否达到判断",
        Target::ReduceBy { .. } => "比上年下降的幅度（下降）",
        Target::RaiseByPoints { .. } => "占比提高的百分点数（提高…个百分点）",
        Target::Milestone => "定性任务，按进展记录判断",
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
        return view! { <NotFound what="指标" id=id /> }.into_any();
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
        .map(|t| {
            let units = responsible_units(&doc, t, lang, true);
            (format!("{}. {}", t.number, t.name.get(lang)), units)
        })
        .collect();
    let level = indicator
        .target
        .level()
        .map_or_else(|| "—".to_owned(), |v| format!("{v}{}", indicator.unit.get(lang)));
    let doc_for_progress = doc.clone();
    let ind = indicator.clone();
    view! {
        <article class="indicator-page">
            <nav class="breadcrumb" aria-label="位置">
                <a href=Route::Overview.href()>"总览"</a>
                " › "
                {goal.clone().unwrap_or_else(|| "重点任务指标".to_owned())}
            </nav>
            <h1>{indicator.name.get(lang).to_owned()}</h1>
            <blockquote class="source-text">
                <p>"方案原文：“" {indicator.source_text.clone()} "”"</p>
                {indicator
                    .restatements
                    .iter()
                    .map(|r| view! { <p class="restatement">"另见：“" {r.clone()} "”"</p> })
                    .collect_view()}
            </blockquote>
            <dl class="plan-meta">
                <dt>"目标"</dt>
                <dd class="target-level">{level}</dd>
                <dt>"含义"</dt>
                <dd>{meaning(&indicator.target)}</dd>
                <dt>"口径"</dt>
                <dd>{if indicator.cumulative { "累计数" } else { "2026 年当年" }}</dd>
                <dt>"所属"</dt>
                <dd>
                    {goal.unwrap_or_else(|| "（仅见于重点任务）".to_owned())}
                    <ul class="task-list">
                        {tasks
                            .into_iter()
                            .map(|(t, units)| view! { <li>{t} " — 责任单位：" {units}</li> })
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
                    <th scope="row">{d.clone()}</th>
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
                href: None,
            })
        })
        .collect();
    let districts = (!district_rows.is_empty()).then(|| {
        view! {
            <ProgressSection
                heading="各区镇完成情况"
                subtitle="按各区镇分解目标计算；比率类指标以全市目标水平衡量。"
                what=format!("{name}各区镇")
                row_header="区镇"
                view=ProgressView { rows: district_rows, lang }
                class="district-section"
            />
        }
    });
    let status_box = city.map(|a| {
        let colour = format!("border-color: {}", status_colour(a.status));
        view! {
            <section class="status-box" style=colour aria-label="当前状态">
                <p class="status-line">
                    <span class="status-icon" aria-hidden="true">{a.status.icon()}</span>
                    " "
                    <strong class="status-label">{a.status.label(lang)}</strong>
                </p>
                <p class="status-explanation">{a.explanation.get(lang).to_owned()}</p>
            </section>
        }
    });
    view! {
        {data.release.sample.then(|| view! { <SampleNotice /> })}
        {status_box}
        <section class="card trend-section" aria-label="趋势">
            <h2>"趋势"</h2>
            <p class="card-subtitle">
                {format!("数据版本 {} · 截至 {}", data.release.version, data.release.as_of)}
            </p>
            <ChartWithTable
                chart=trend_chart(&trend)
                description=trend_description
                caption="各期数值（与左图相同的数据）"
                headers=["日期", value_name, expected_name].map(str::to_owned).to_vec()
            >
                {trend_rows}
            </ChartWithTable>
        </section>
        {districts}
    }
}
