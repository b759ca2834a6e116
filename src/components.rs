//! Small pieces shared by pages: loading and error states, the sample-data notice.

use leptos::prelude::*;
use plan_model::Lang;

use crate::charts::ChartWithTable;
use crate::charts::progress::{ProgressView, progress_chart, status_colour};
use crate::data::DataError;

/// Grey placeholder blocks in the shape of the page, shown while data loads.
#[component]
pub fn LoadingSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-live="polite">
            <span class="visually-hidden">"正在加载数据…"</span>
            <div class="skeleton-line skeleton-title"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-block"></div>
        </div>
    }
}

/// A visible error that says what failed, with a button to try again.
#[component]
pub fn ErrorPanel(
    /// What failed, naming the file and the problem.
    #[prop(into)]
    message: String,
    /// Called when the reader asks to try again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <h2>"数据加载失败"</h2>
            <p class="error-message">{message}</p>
            <button type="button" on:click=move |_| on_retry()>
                "重试"
            </button>
        </div>
    }
}

/// Says, in words, that the figures are made up. Shown wherever sample figures are.
#[component]
pub fn SampleNotice() -> impl IntoView {
    view! {
        <p class="sample-notice" role="note">
            <strong>"示例数据"</strong>
            "：方案未公布进展数据。本页进展数字为演示用的示例，并非官方数据。"
            <span lang="en">" Sample data: these progress figures are made up for demonstration, not official."</span>
        </p>
    }
}

/// Shows a loading resource: a skeleton while it loads, `ok(value)` once it
/// has, and the error (naming the file and the problem) with a retry button
/// if it failed. Every part of a page that needs a data file goes through it.
#[component]
pub fn Loaded<T, V, F>(
    /// The resource to wait for.
    resource: LocalResource<Result<T, DataError>>,
    /// Reader's language, for the error.
    lang: Lang,
    /// Renders the loaded value.
    ok: F,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    view! {
        <Transition fallback=|| view! { <LoadingSkeleton /> }>
            {move || {
                resource
                    .get()
                    .map(|loaded| match loaded {
                        Ok(value) => ok(value).into_any(),
                        Err(error) => {
                            view! { <ErrorPanel message=error.message(lang) on_retry=move || resource.refetch() /> }
                                .into_any()
                        }
                    })
            }}
        </Transition>
    }
}

/// A progress chart with a table of the same numbers and the status in words.
#[component]
pub fn ProgressSection(
    /// Section heading.
    #[prop(into)]
    heading: String,
    /// The line under the heading (how to read it, whether figures are samples).
    #[prop(into)]
    subtitle: String,
    /// What the rows are, for the screen-reader description.
    #[prop(into)]
    what: String,
    /// Heading of the table's first column.
    row_header: &'static str,
    /// The rows.
    view: ProgressView,
    /// Extra class on the section, for styling and tests.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let chart = progress_chart(&view);
    let description = view.description(&what);
    let [done_name, expected_name] = view.series_names();
    let percent = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{:.1}", v));
    let rows = view
        .rows
        .iter()
        .map(|row| {
            let colour = format!("color: {}", status_colour(row.status));
            view! {
                <tr>
                    <th scope="row">
                        {match row.href.clone() {
                            Some(href) => view! { <a href=href>{row.name.clone()}</a> }.into_any(),
                            None => row.name.clone().into_any(),
                        }}
                    </th>
                    <td class="status-cell">
                        <span class="status-icon" aria-hidden="true" style=colour>{row.status.icon()}</span>
                        " "
                        {row.status.label(view.lang)}
                    </td>
                    <td>{percent(row.completion)}</td>
                    <td>{percent(row.expected)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class=format!("card progress-section {class}") aria-label=heading.clone()>
            <h2>{heading.clone()}</h2>
            <p class="card-subtitle">{subtitle}</p>
            <ChartWithTable
                chart=chart
                description=description
                caption=format!("{heading}（与左图相同的数据）")
                headers=[row_header, "状态", done_name, expected_name].map(str::to_owned).to_vec()
            >
                {rows}
            </ChartWithTable>
        </section>
    }
}

/// A link that names something the data does not have: says so, with a way home.
#[component]
pub fn NotFound(
    /// What was looked for, e.g. 指标 or 任务.
    what: &'static str,
    /// The id from the link.
    id: String,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <h1>{format!("未找到该{what}")}</h1>
            <p>{format!("链接中的{what}编号“{id}”不在方案数据中。")}</p>
            <p>
                <a href=crate::route::Route::Overview.href()>"返回总览"</a>
            </p>
        </div>
    }
}

/// A task's responsible units in the plan's order, the lead marked 牵头.
pub fn responsible_units(
    doc: &plan_model::PlanDocument,
    task: &plan_model::Task,
    lang: Lang,
    short: bool,
) -> String {
    task.responsible
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let unit = doc.departments.iter().find(|d| &d.id == id)?;
            let name =
                if short { unit.short_name.get(lang) } else { unit.name.get(lang) }.to_owned();
            Some(if i == 0 { format!("{name}（牵头）") } else { name })
        })
        .collect::<Vec<_>>()
        .join("、")
}
