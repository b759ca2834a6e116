//! One responsible department: the key tasks it leads (listed first in the
//! plan) and those it supports, each with its rolled-up status, and the status
//! of all the targets those tasks carry; then every commitment it answers for,
//! by key task (each group with its counts), with its stage and latest update.

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::status::{department_indicators, roll_up};
use plan_model::{Department, Lang};

use crate::context::{WithAssessment, use_lang, use_plan};
use crate::share::figure_card;
use crate::ui::{
    CommitmentList, NotFound, PageTitle, ReleaseBar, SampleNotice, StatusWords, stage_summary,
    states_of,
};
use portal_view::assessed::Assessed;
use portal_view::format::task_label;
use portal_view::locale::tr;
use portal_view::url::{FigureId, Route};

/// The department page; shows "not found" for an unknown id.
#[component]
pub fn DepartmentPage(
    /// Department id from the URL.
    id: String,
) -> impl IntoView {
    let (doc, lang) = (use_plan(), use_lang());
    let Some(department) = doc.departments.iter().find(|d| d.id == id).cloned() else {
        return view! { <NotFound what=tr!(lang, department_word) id=id lang=lang /> }.into_any();
    };
    let task_link = |t: &plan_model::Task| {
        view! {
            <li>
                <a href=Route::Task(t.id.clone()).href(lang)>
                    {task_label(t, lang)}
                </a>
            </li>
        }
    };
    let leads: Vec<_> =
        doc.tasks.iter().filter(|t| t.responsible.first() == Some(&id)).map(task_link).collect();
    let supports: Vec<_> = doc
        .tasks
        .iter()
        .filter(|t| t.responsible.iter().skip(1).any(|r| r == &id))
        .map(task_link)
        .collect();
    let none = || view! { <li>{tr!(lang, none_word)}</li> }.into_any();
    view! {
        <article class="department-page">
            <nav class="breadcrumb" aria-label=tr!(lang, breadcrumb_label)>
                <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                " › "
                {tr!(lang, departments_word)}
            </nav>
            <PageTitle
                what=department.name.get(lang).to_owned()
                description=format!("{} · {}", department.name.get(lang), tr!(lang, department_tasks_heading))
                lang=lang
            />
            <h1>{department.name.get(lang).to_owned()}</h1>
            <dl class="plan-meta">
                <dt>{tr!(lang, leads_tasks)}</dt>
                <dd>
                    <ul class="task-list lead-tasks">
                        {if leads.is_empty() { none() } else { leads.collect_view().into_any() }}
                    </ul>
                </dd>
                <dt>{tr!(lang, supports_tasks)}</dt>
                <dd>
                    <ul class="task-list support-tasks">
                        {if supports.is_empty() { none() } else { supports.collect_view().into_any() }}
                    </ul>
                </dd>
            </dl>
            <WithAssessment ok=move |assessed| {
                view! { <DepartmentProgress assessed=assessed department=department.clone() lang=lang /> }
            } />
        </article>
    }
    .into_any()
}

#[component]
fn DepartmentProgress(
    assessed: Arc<Assessed>,
    department: Department,
    lang: Lang,
) -> impl IntoView {
    let doc = &assessed.plan;
    let ids = department_indicators(doc, &department.id);
    let overall = assessed
        .department(&department.id)
        .cloned()
        .unwrap_or_else(|| roll_up(&assessed.ctx(), []));
    let tasks = figure_card(FigureId::DepartmentTasks(department.id.clone()), &assessed, lang);
    let mine: Vec<String> = doc
        .commitments
        .iter()
        .filter(|c| c.responsible.contains(&department.id))
        .map(|c| c.id.clone())
        .collect();
    let summary = stage_summary(&states_of(doc, &assessed.data, &mine), lang);
    // By key task, in the plan's order (the safeguards last), each with its
    // own counts: a department may answer for dozens.
    let groups = doc
        .tasks
        .iter()
        .map(Some)
        .chain(std::iter::once(None))
        .filter_map(|task| {
            let ids: Vec<String> = doc
                .commitments
                .iter()
                .filter(|c| mine.contains(&c.id) && c.task.as_deref() == task.map(|t| t.id.as_str()))
                .map(|c| c.id.clone())
                .collect();
            (!ids.is_empty()).then_some((task, ids))
        })
        .map(|(task, ids)| {
            let heading = match task {
                Some(t) => view! { <a href=Route::Task(t.id.clone()).href(lang)>{task_label(t, lang)}</a> }
                    .into_any(),
                None => view! { <span>{tr!(lang, safeguards_word)}</span> }.into_any(),
            };
            let summary = stage_summary(&states_of(doc, &assessed.data, &ids), lang);
            view! {
                <div class="department-task-group">
                    <h3 class="department-task-heading">{heading}</h3>
                    <p class="stage-summary">{summary}</p>
                    <CommitmentList plan=doc.clone() progress=assessed.data.clone() ids=ids lang=lang nested=true />
                </div>
            }
        })
        .collect_view();
    view! {
        <ReleaseBar release=assessed.data.release.clone() lang=lang />
        {assessed.data.release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        <p class="status-line department-status">
            {tr!(lang, department_overall_status)} " "
            <StatusWords status=overall.status lang=lang />
            " · " {ids.len()} " " {tr!(lang, targets_word)}
        </p>
        {tasks}
        <section class="card department-commitments" aria-labelledby="department-commitments-heading">
            <h2 id="department-commitments-heading">{tr!(lang, department_commitments_heading)}</h2>
            <p class="stage-summary">{summary}</p>
            {groups}
        </section>
    }
}
