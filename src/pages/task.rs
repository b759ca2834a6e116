//! One key task: what it sets out to do, who is responsible (lead first), its
//! indicators with their status, and how each district is doing on them.

use leptos::prelude::*;
use plan_model::status::{StatusContext, roll_up};
use plan_model::{Lang, PlanDocument, ProgressDocument, Scorecard, Status, Task};

use crate::charts::DataTable;
use crate::components::{Loaded, NotFound, PageTitle, ResponsibleUnits, SampleNotice};
use crate::data::DataError;
use crate::figures::{self, FigureId};
use crate::route::{Filters, Route};
use crate::share::FigureCard;
use crate::tr;

/// The task page; shows "not found" for an unknown id.
#[component]
pub fn TaskPage(
    /// The loaded plan.
    doc: PlanDocument,
    /// Task id from the URL.
    id: String,
    /// The progress data, loading or loaded.
    progress: LocalResource<Result<ProgressDocument, DataError>>,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let Some(task) = doc.tasks.iter().find(|t| t.id == id).cloned() else {
        return view! { <NotFound what=tr!(lang, task_word) id=id lang=lang /> }.into_any();
    };
    let group = doc
        .task_groups
        .iter()
        .find(|g| g.tasks.contains(&task.id))
        .map(|g| g.name.get(lang).to_owned())
        .unwrap_or_default();
    let (doc2, task2) = (doc.clone(), task.clone());
    view! {
        <article class="task-page">
            <nav class="breadcrumb" aria-label=tr!(lang, breadcrumb_label)>
                <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                " › "
                {group}
            </nav>
            <PageTitle
                what=format!("{}. {}", task.number, task.name.get(lang))
                description=task.description.get(lang).to_owned()
                lang=lang
            />
            <h1>{format!("{}. {}", task.number, task.name.get(lang))}</h1>
            <p class="task-description">{task.description.get(lang).to_owned()}</p>
            <dl class="plan-meta">
                <dt>{tr!(lang, responsible_units)}</dt>
                <dd class="responsible">
                    <ResponsibleUnits doc=doc.clone() task=task.clone() lang=lang />
                </dd>
                <dt>{tr!(lang, implementation)}</dt>
                <dd>{tr!(lang, implementation_districts)}</dd>
            </dl>
            <Loaded
                resource=progress
                lang=lang
                ok=move |data| view! { <TaskProgress doc=doc2.clone() data=data task=task2.clone() lang=lang /> }
            />
        </article>
    }
    .into_any()
}

/// The task's indicators and districts.
#[component]
fn TaskProgress(
    doc: PlanDocument,
    data: ProgressDocument,
    task: Task,
    lang: Lang,
) -> impl IntoView {
    let card = Scorecard::compute(&doc, &data);
    let ctx = StatusContext::new(&doc, &data);
    let overall = roll_up(&ctx, card.city_of(&task.indicators));
    let indicator_rows = task
        .indicators
        .iter()
        .filter_map(|id| {
            let ind = doc.indicator(id)?;
            let a = card.city.get(id);
            let status = a.map_or(Status::NoData, |a| a.status);
            let explanation = a.map(|a| a.explanation.get(lang).to_owned()).unwrap_or_default();
            Some(view! {
                <tr>
                    <th scope="row">
                        <a href=Route::Indicator(id.clone()).href(lang)>{ind.name.get(lang).to_owned()}</a>
                    </th>
                    <td class="status-cell">{status.icon()} " " {status.label(lang)}</td>
                    <td class="explanation">{explanation}</td>
                </tr>
            })
        })
        .collect_view();
    let districts = figures::build(
        &FigureId::TaskDistricts(task.id.clone()),
        &doc,
        Some(&data),
        lang,
        &Filters::default(),
    )
    .ok()
    .map(|f| view! { <FigureCard figure=f /> });
    view! {
        {data.release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        <p class="status-line task-status">
            {tr!(lang, task_overall_status)} " "
            <span aria-hidden="true">{overall.status.icon()}</span>
            " "
            <strong class="status-label">{overall.status.label(lang)}</strong>
        </p>
        <section class="card task-indicators" aria-labelledby="task-indicators-heading">
            <h2 id="task-indicators-heading">{tr!(lang, task_indicators_heading)}</h2>
            <DataTable caption=tr!(lang, task_indicators_caption) headers=vec![tr!(lang, col_indicator).to_owned(), tr!(lang, col_status).to_owned(), tr!(lang, col_explanation).to_owned()]>
                {indicator_rows}
            </DataTable>
        </section>
        {districts}
    }
}
