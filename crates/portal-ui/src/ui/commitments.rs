//! Commitments (举措) and updates as the pages show them: each commitment with
//! its stage, the plan's words, kind, units, district and due date, its
//! latest update and the earlier ones; counts by stage for a roll-up; and the
//! dated updates of a key task. Everything from the data is text; evidence
//! links only for web addresses.

use std::collections::BTreeMap;

use leptos::prelude::*;

use plan_model::commitments::{CommitmentState, DeadlineState, commitment_state, stage_counts};
use plan_model::progress::{Stage, Update};
use plan_model::{Bilingual, Lang, PlanDocument, ProgressDocument};

use crate::ui::{
    ConfidenceLine, DataLink, DataText, Feedback, InChineseOnly, ReportingLine, ResponsibleUnits,
};
use portal_view::format::task_label;
use portal_view::locale::tr;
use portal_view::url::Route;

/// The states of some commitments (ids in the order to show them) at the
/// figures' date; unknown ids are skipped.
pub fn states_of<'a>(
    plan: &'a PlanDocument,
    progress: &'a ProgressDocument,
    ids: &[String],
) -> Vec<CommitmentState<'a>> {
    ids.iter()
        .filter_map(|id| plan.commitment(id))
        .map(|c| commitment_state(plan, progress, c))
        .collect()
}

/// "49 commitments: ✔ done 9 · ◐ in progress 20 …", then how many are
/// overdue or due soon, as words (the glyphs are text beside them).
pub fn stage_summary(states: &[CommitmentState<'_>], lang: Lang) -> String {
    let counts: BTreeMap<Stage, usize> = stage_counts(states);
    let stages: Vec<String> = Stage::ALL
        .iter()
        .filter_map(|s| {
            counts.get(s).map(|n| format!("{}\u{a0}{}\u{a0}{n}", s.icon(), s.label(lang)))
        })
        .collect();
    let mut text = tr!(
        lang,
        commitments_count,
        count = states.len(),
        stages = stages.join(tr!(lang, count_separator))
    );
    let count = |state| states.iter().filter(|s| s.deadline == state).count();
    let (overdue, soon) = (count(DeadlineState::Overdue), count(DeadlineState::DueSoon));
    if overdue > 0 {
        text.push_str(&tr!(lang, commitments_overdue, count = overdue));
    }
    if soon > 0 {
        text.push_str(&tr!(lang, commitments_due_soon, count = soon));
    }
    text
}

/// An update as one line of text (for a feed): "2026-09-30 进展：…；问题：…；下一步：…".
pub fn update_text(u: &Update, lang: Lang) -> String {
    let colon = tr!(lang, colon);
    let parts: Vec<String> = [
        (tr!(lang, update_progress), Some(&u.progress)),
        (tr!(lang, update_problems), u.problems.as_ref()),
        (tr!(lang, update_next_steps), u.next_steps.as_ref()),
    ]
    .into_iter()
    .filter_map(|(label, text)| text.map(|t| format!("{label}{colon}{}", t.get(lang))))
    .collect();
    format!("{} {}", u.as_of, parts.join(tr!(lang, sentence_separator)))
}

/// The anchor of a commitment on its task's page or the commitments page.
pub use portal_view::search::commitment_anchor;

/// A list of commitments with their stage, words, units, due date and updates.
#[component]
pub fn CommitmentList(
    /// The plan.
    plan: std::sync::Arc<PlanDocument>,
    /// The figures (looked back to the period, if one is chosen).
    progress: std::sync::Arc<ProgressDocument>,
    /// Commitment ids, in the order to show them.
    ids: Vec<String>,
    /// Reader's language.
    lang: Lang,
    /// Name each one's key task (on pages that are not the task's own).
    #[prop(optional)]
    show_task: bool,
    /// The list sits under a group's `<h3>`: each name is an `<h4>`.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let states = states_of(&plan, &progress, &ids);
    let items = states
        .iter()
        .map(|s| {
            let reporting = plan_model::cadence::reporting(&plan, &progress, &s.commitment.id);
            commitment_item(&plan, s, reporting, progress.release.sample, lang, show_task, nested)
        })
        .collect_view();
    view! { <ol class="commitment-list">{items}</ol> }
}

fn commitment_item(
    plan: &std::sync::Arc<PlanDocument>,
    state: &CommitmentState<'_>,
    reporting: Option<plan_model::cadence::Reporting>,
    sample: bool,
    lang: Lang,
    show_task: bool,
    nested: bool,
) -> impl IntoView + use<> {
    let c = state.commitment;
    let stage = state.stage;
    let task = c.task.as_deref().and_then(|t| plan.tasks.iter().find(|x| x.id == t));
    let task_cell = match task {
        Some(t) => view! { <a href=Route::Task(t.id.clone()).href(lang)>{task_label(t, lang)}</a> }
            .into_any(),
        None => view! { <span>{tr!(lang, safeguards_word)}</span> }.into_any(),
    };
    let units = if c.responsible.is_empty() {
        view! { <span>{tr!(lang, no_unit_named)}</span> }.into_any()
    } else {
        view! { <ResponsibleUnits doc=plan.clone() units=c.responsible.clone() lang=lang /> }
            .into_any()
    };
    let district = c.district.as_deref().and_then(|d| plan.districts.iter().find(|x| x.id == d));
    let district = district.map(|d| {
        view! {
            <dt>{tr!(lang, district_named)}</dt>
            <dd><a href=Route::District(d.id.clone()).href(lang)>{d.name.get(lang).to_owned()}</a></dd>
        }
    });
    let deadline = state.deadline;
    let flag = deadline.needs_notice().then(|| {
        view! {
            " "
            <span class=format!("due-flag due-{}", deadline.code())>
                <span aria-hidden="true">"⚑ "</span>
                {deadline.label(lang)}
            </span>
        }
    });
    let due_words = format!("{} · {}", state.due.text(lang), deadline.label(lang));
    let updates: Vec<Update> = state.updates.iter().map(|u| (*u).clone()).collect();
    // The latest rating beside the stage it is read against.
    let confidence = plan_model::confidence::latest_of(&state.updates).map(|u| {
        let on_course = plan_model::confidence::state_on_course(state);
        view! { <ConfidenceLine update=u.clone() on_course=on_course sample=sample lang=lang /> }
    });
    view! {
        <li class=format!("commitment stage-{}", stage.code().replace('_', "-")) id=commitment_anchor(&c.id)>
            {if nested {
                view! { <h4 class="commitment-name">{c.name.get(lang).to_owned()}</h4> }.into_any()
            } else {
                view! { <h3 class="commitment-name">{c.name.get(lang).to_owned()}</h3> }.into_any()
            }}
            <p class="commitment-stage">
                <span class="stage-glyph" aria-hidden="true">{stage.icon()}</span>
                " "
                <strong class="stage-label">{stage.label(lang)}</strong>
                {flag}
            </p>
            {reporting.map(|r| view! { <ReportingLine reporting=r lang=lang /> })}
            {confidence}
            <p class="plan-words">
                {tr!(lang, plan_words_label)} " "
                <q lang="zh-CN">{c.source_text.clone()}</q>
            </p>
            <dl class="commitment-meta">
                <dt>{tr!(lang, commitment_kind)}</dt>
                <dd>{c.kind.label(lang)}</dd>
                {show_task.then(|| view! { <dt>{tr!(lang, commitment_task)}</dt> })}
                {show_task.then(|| view! { <dd>{task_cell}</dd> })}
                <dt>{tr!(lang, responsible_units)}</dt>
                <dd class="responsible">{units}</dd>
                {district}
                <dt>{tr!(lang, due_label)}</dt>
                <dd class="due">{due_words}</dd>
            </dl>
            <UpdateTimeline updates=updates lang=lang />
            <Feedback
                channels=plan.plan.feedback.clone()
                what=tr!(lang, feedback_commitment, name = c.name.get(lang))
                id=c.id.clone()
                lang=lang
            />
        </li>
    }
}

/// The latest update in full, the earlier ones in a timeline below it; or
/// a line saying there is none yet.
#[component]
pub fn UpdateTimeline(
    /// Updates, newest first.
    updates: Vec<Update>,
    /// Reader's language.
    lang: Lang,
) -> impl IntoView {
    let Some((latest, earlier)) = updates.split_first() else {
        return view! { <p class="no-update">{tr!(lang, no_update_yet)}</p> }.into_any();
    };
    let earlier_count = earlier.len();
    let earlier_items = earlier
        .iter()
        .map(|u| {
            view! {
                <li class="update">
                    <p class="update-date">{update_heading(u, lang)}</p>
                    {update_body(u, lang)}
                </li>
            }
        })
        .collect_view();
    let timeline = (earlier_count > 0).then(|| {
        view! {
            <details class="earlier-updates">
                <summary>{tr!(lang, earlier_updates, count = earlier_count)}</summary>
                <ol class="update-list">{earlier_items}</ol>
            </details>
        }
    });
    view! {
        <div class="latest-update">
            <p class="update-date">
                <strong>{tr!(lang, latest_update)}</strong>
                " · "
                {update_heading(latest, lang)}
            </p>
            {update_body(latest, lang)}
        </div>
        {timeline}
    }
    .into_any()
}

/// "2026-09-30 · ◐ in progress" (the stage only for a commitment).
fn update_heading(u: &Update, lang: Lang) -> String {
    match u.stage {
        Some(stage) => format!("{} · {} {}", u.as_of, stage.icon(), stage.label(lang)),
        None => u.as_of.clone(),
    }
}

fn update_body(u: &Update, lang: Lang) -> impl IntoView + use<> {
    let row = |label: &'static str, text: &Bilingual| {
        view! {
            <dt>{label}</dt>
            <dd><DataText text=text.clone() lang=lang /></dd>
        }
    };
    let evidence = (!u.evidence.is_empty()).then(|| {
        let items = u
            .evidence
            .iter()
            .map(|e| {
                view! {
                    <li>
                        <span lang=e.title.falls_back(lang).then_some("zh-CN")>
                            <DataLink url=e.url.clone() text=e.title.get(lang).to_owned() rel="noopener noreferrer nofollow" />
                        </span>
                        {e.title.falls_back(lang).then(|| view! { <InChineseOnly lang=lang /> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <dt>{tr!(lang, evidence_label)}</dt>
            <dd><ul class="evidence">{items}</ul></dd>
        }
    });
    view! {
        <dl class="update-body">
            {row(tr!(lang, update_progress), &u.progress)}
            {u.problems.as_ref().map(|p| row(tr!(lang, update_problems), p))}
            {u.next_steps.as_ref().map(|n| row(tr!(lang, update_next_steps), n))}
            {evidence}
        </dl>
    }
}
