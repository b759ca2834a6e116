//! Every commitment (举措) of the plan: counts by stage, what is overdue or due
//! soon (commitments and milestones), then each key task's commitments and
//! the safeguards', each with its stage, due date and updates.

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::commitments::{DeadlineState, milestone_deadline};
use plan_model::{Lang, Target};

use crate::context::{WithAssessment, use_lang};
use crate::ui::{
    CommitmentList, DataTable, LateReports, PageTitle, ReleaseBar, SampleNotice, commitment_anchor,
    stage_summary, states_of,
};
use portal_view::assessed::Assessed;
use portal_view::format::task_label;
use portal_view::locale::tr;
use portal_view::url::Route;

/// The commitments page.
#[component]
pub fn CommitmentsPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="commitments-page">
            <nav class="breadcrumb" aria-label=tr!(lang, breadcrumb_label)>
                <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                " › "
                {tr!(lang, nav_commitments)}
            </nav>
            <PageTitle
                what=tr!(lang, commitments_page_title).to_owned()
                description=tr!(lang, commitments_page_intro).to_owned()
                lang=lang
            />
            <h1>{tr!(lang, commitments_page_title)}</h1>
            <p class="page-intro">{tr!(lang, commitments_page_intro)}</p>
            <WithAssessment ok=move |assessed| view! { <AllCommitments assessed=assessed lang=lang /> } />
        </article>
    }
}

/// One row of the deadlines table: what, where it is listed, stage, due, state.
struct DueRow {
    name: String,
    href: String,
    stage: String,
    due: String,
    due_date: String,
    state: DeadlineState,
}

#[component]
fn AllCommitments(assessed: Arc<Assessed>, lang: Lang) -> impl IntoView {
    let (doc, data) = (&assessed.plan, &assessed.data);
    let all: Vec<String> = doc.commitments.iter().map(|c| c.id.clone()).collect();
    let states = states_of(doc, data, &all);
    let summary = stage_summary(&states, lang);

    let mut due: Vec<DueRow> = states
        .iter()
        .filter(|s| s.deadline.needs_notice())
        .map(|s| {
            let c = s.commitment;
            let page = c.task.clone().map_or(Route::Commitments, Route::Task);
            DueRow {
                name: c.name.get(lang).to_owned(),
                href: format!("{}#{}", page.href(lang), commitment_anchor(&c.id)),
                stage: format!("{} {}", s.stage.icon(), s.stage.label(lang)),
                due: s.due.text(lang),
                due_date: s.due.date.clone(),
                state: s.deadline,
            }
        })
        .collect();
    for ind in doc.indicators.iter().filter(|i| i.target == Target::Milestone) {
        let (stage, when, state) = milestone_deadline(doc, data, &ind.id);
        if state.needs_notice() {
            due.push(DueRow {
                name: ind.name.get(lang).to_owned(),
                href: Route::Indicator(ind.id.clone()).href(lang),
                stage: format!("{} {}", stage.icon(), stage.label(lang)),
                due: when.text(lang),
                due_date: when.date.clone(),
                state,
            });
        }
    }
    due.sort_by(|a, b| a.state.cmp(&b.state).then_with(|| a.due_date.cmp(&b.due_date)));
    let deadlines = if due.is_empty() {
        view! { <p class="no-deadlines">{tr!(lang, deadlines_none)}</p> }.into_any()
    } else {
        let rows = due
            .into_iter()
            .map(|r| {
                view! {
                    <tr class=format!("due-{}", r.state.code())>
                        <th scope="row" class="text-cell"><a href=r.href>{r.name}</a></th>
                        <td class="text-cell">{r.stage}</td>
                        <td class="text-cell">{r.due}</td>
                        <td class="text-cell due-state">
                            <span aria-hidden="true">"⚑ "</span>
                            {r.state.label(lang)}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <DataTable caption=tr!(lang, deadlines_caption) headers=vec![tr!(lang, col_commitment).to_owned(), tr!(lang, col_stage).to_owned(), tr!(lang, col_due).to_owned(), tr!(lang, col_status).to_owned()]>
                {rows}
            </DataTable>
        }
        .into_any()
    };

    let sections = doc
        .tasks
        .iter()
        .map(|t| {
            let ids: Vec<String> = doc.commitments_of_task(&t.id).map(|c| c.id.clone()).collect();
            (
                format!("commitments-{}", t.id),
                task_label(t, lang),
                Some(Route::Task(t.id.clone())),
                ids,
            )
        })
        .chain(std::iter::once((
            "commitments-safeguards".to_owned(),
            tr!(lang, safeguards_word).to_owned(),
            None,
            doc.commitments.iter().filter(|c| c.task.is_none()).map(|c| c.id.clone()).collect(),
        )))
        .filter(|(_, _, _, ids)| !ids.is_empty())
        .map(|(anchor, title, page, ids)| {
            let summary = stage_summary(&states_of(doc, data, &ids), lang);
            let heading = match page {
                Some(route) => view! { <a href=route.href(lang)>{title}</a> }.into_any(),
                None => view! { <span>{title}</span> }.into_any(),
            };
            let (heading_id, labelled_by) =
                (format!("{anchor}-heading"), format!("{anchor}-heading"));
            view! {
                <section class="card commitments-group" id=anchor aria-labelledby=labelled_by>
                    <h2 id=heading_id>{heading}</h2>
                    <p class="stage-summary">{summary}</p>
                    <CommitmentList plan=doc.clone() progress=data.clone() ids=ids lang=lang />
                </section>
            }
        })
        .collect_view();
    view! {
        <ReleaseBar release=data.release.clone() lang=lang />
        {data.release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        <p class="stage-summary all-commitments-summary">{summary}</p>
        <section class="card deadlines" aria-labelledby="deadlines-heading">
            <h2 id="deadlines-heading">{tr!(lang, deadlines_heading)}</h2>
            {deadlines}
        </section>
        <LateReports plan=doc.clone() progress=data.clone() lang=lang />
        {sections}
    }
}
