//! One key task: what it sets out to do, who is responsible (lead first), its
//! indicators with their status, its updates, its commitments (举措) with
//! their stage and latest update, and how each district is doing on them.

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::status::roll_up;
use plan_model::{Lang, Status, Task};

use crate::context::{WithAssessment, use_lang, use_plan};
use crate::share::figure_card;
use crate::ui::{
    CommitmentList, ConfidenceLine, DataTable, FollowButton, NotFound, PageTitle, ResponsibleUnits,
    SampleNotice, Speak, StatusWords, UpdateTimeline, stage_summary, states_of,
};
use portal_view::assessed::Assessed;
use portal_view::format::task_label;
use portal_view::locale::tr;
use portal_view::url::{FigureId, Route};

/// The task page; shows "not found" for an unknown id.
#[component]
pub fn TaskPage(
    /// Task id from the URL.
    id: String,
) -> impl IntoView {
    let (doc, lang) = (use_plan(), use_lang());
    let Some(task) = doc.tasks.iter().find(|t| t.id == id).cloned() else {
        return view! { <NotFound what=tr!(lang, task_word) id=id lang=lang /> }.into_any();
    };
    let group = doc
        .task_groups
        .iter()
        .find(|g| g.tasks.contains(&task.id))
        .map(|g| g.name.get(lang).to_owned())
        .unwrap_or_default();
    let task2 = task.clone();
    view! {
        <article class="task-page">
            <nav class="breadcrumb" aria-label=tr!(lang, breadcrumb_label)>
                <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                " › "
                {group}
            </nav>
            <PageTitle
                what=task_label(&task, lang)
                description=task.description.get(lang).to_owned()
                lang=lang
            />
            <h1>{task_label(&task, lang)}</h1>
            <p class="task-description">{task.description.get(lang).to_owned()}</p>
            <dl class="plan-meta">
                <dt>{tr!(lang, responsible_units)}</dt>
                <dd class="responsible">
                    <ResponsibleUnits doc=doc.clone() units=task.responsible.clone() lang=lang />
                </dd>
                <dt>{tr!(lang, implementation)}</dt>
                <dd>{tr!(lang, implementation_districts)}</dd>
            </dl>
            <WithAssessment ok=move |assessed| view! { <TaskProgress assessed=assessed task=task2.clone() lang=lang /> } />
        </article>
    }
    .into_any()
}

/// The task's indicators and districts.
#[component]
fn TaskProgress(assessed: Arc<Assessed>, task: Task, lang: Lang) -> impl IntoView {
    let (doc, card) = (&assessed.plan, &assessed.card);
    let overall = assessed.task(&task.id).cloned().unwrap_or_else(|| roll_up(&assessed.ctx(), []));
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
    let districts = figure_card(FigureId::TaskDistricts(task.id.clone()), &assessed, lang);
    let commitment_ids: Vec<String> =
        doc.commitments_of_task(&task.id).map(|c| c.id.clone()).collect();
    let summary = stage_summary(&states_of(doc, &assessed.data, &commitment_ids), lang);
    // Late reports of the task's own indicators and commitments (a roll-up).
    let late_here = plan_model::cadence::late_items(doc, &assessed.data)
        .iter()
        .filter(|(id, _)| task.indicators.contains(id) || commitment_ids.contains(id))
        .count();
    let late = late_here > 0;
    let updates: Vec<plan_model::progress::Update> =
        plan_model::commitments::updates_of(&assessed.data, &task.id)
            .into_iter()
            .cloned()
            .collect();
    view! {
        {assessed.data.release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        <p class="status-line task-status">
            {tr!(lang, task_overall_status)} " "
            <StatusWords status=overall.status lang=lang /> " "
            {portal_view::summary::describe(&assessed, &Route::Task(task.id.clone()), lang).map(|said| view! {
                <Speak text=said what=tr!(lang, speak_status) lang=lang /> " "
            })}
            <FollowButton key=format!("task:{}", task.id) status=overall.status lang=lang />
        </p>
        {plan_model::confidence::latest(&assessed.data, &task.id).map(|(u, _)| {
            let on_course = plan_model::confidence::measured_on_course(overall.status);
            view! {
                <div class="task-confidence">
                    <ConfidenceLine update=u.clone() on_course=on_course sample=assessed.data.release.sample lang=lang />
                </div>
            }
        })}
        <section class="card task-indicators" aria-labelledby="task-indicators-heading">
            <h2 id="task-indicators-heading">{tr!(lang, task_indicators_heading)}</h2>
            <DataTable caption=tr!(lang, task_indicators_caption) headers=vec![tr!(lang, col_indicator).to_owned(), tr!(lang, col_status).to_owned(), tr!(lang, col_explanation).to_owned()]>
                {indicator_rows}
            </DataTable>
        </section>
        <section class="card task-updates" aria-labelledby="task-updates-heading">
            <h2 id="task-updates-heading">{tr!(lang, task_updates_heading)}</h2>
            <UpdateTimeline updates=updates lang=lang />
        </section>
        <section class="card task-commitments" aria-labelledby="task-commitments-heading">
            <h2 id="task-commitments-heading">{tr!(lang, task_commitments_heading)}</h2>
            <p class="stage-summary">{summary}</p>
            {late.then(|| view! {
                <p class="late-summary">
                    <span aria-hidden="true">"⚑ "</span>{tr!(lang, late_count, n = late_here)}
                </p>
            })}
            <CommitmentList plan=doc.clone() progress=assessed.data.clone() ids=commitment_ids lang=lang />
        </section>
        {districts}
    }
}
