//! One indicator: its target in the plan's words, where it stands and why,
//! its trend against the target and the expected progress, and its districts.

use std::sync::Arc;

use leptos::prelude::*;
use plan_model::status::Assessment;
use plan_model::validate::needs_baseline;
use plan_model::{Indicator, Lang, Target};

use crate::context::{WithAssessment, use_lang, use_plan};
use crate::share::{FigureCard, figure_card};
use crate::ui::{
    Feedback, FollowButton, NotFound, PageTitle, ReleaseBar, ReportingLine, ResponsibleUnits,
    SampleNotice, Speak, StatusWords,
};
use portal_view::assessed::Assessed;
use portal_view::charts::progress::status_colour;
use portal_view::figures;
use portal_view::format::{NO_FIGURE, status_class, task_label, with_unit};
use portal_view::locale::tr;
use portal_view::url::{FigureId, Filters, Route};

/// What the target's wording means, in words.
fn meaning(target: &Target, lang: Lang) -> &'static str {
    match target {
        Target::AtLeast { .. } => tr!(lang, meaning_at_least),
        Target::MoreThan { .. } => tr!(lang, meaning_more_than),
        Target::Reach { .. } => tr!(lang, meaning_reach),
        Target::Exceed { .. } => tr!(lang, meaning_exceed),
        Target::About { .. } => tr!(lang, meaning_about),
        Target::HoldAt { .. } => tr!(lang, meaning_hold_at),
        Target::KeepAtOrAbove { .. } => tr!(lang, meaning_keep_at_or_above),
        Target::ReduceBy { .. } => tr!(lang, meaning_reduce_by),
        Target::RaiseByPoints { .. } => tr!(lang, meaning_raise_by_points),
        Target::Milestone => tr!(lang, meaning_milestone),
    }
}

/// The indicator page; shows "not found" for an unknown id.
#[component]
pub fn IndicatorPage(
    /// Indicator id from the URL.
    id: String,
) -> impl IntoView {
    let (doc, lang) = (use_plan(), use_lang());
    let Some(indicator) = doc.indicator(&id).cloned() else {
        return view! { <NotFound what=tr!(lang, indicator_word) id=id lang=lang /> }.into_any();
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
        .map(|t| (t.clone(), task_label(t, lang)))
        .collect();
    let level = indicator
        .target
        .level()
        .map_or_else(|| NO_FIGURE.to_owned(), |v| with_unit(v, indicator.unit.get(lang), lang));
    let ind = indicator.clone();
    view! {
        <article class="indicator-page">
            <nav class="breadcrumb" aria-label=tr!(lang, breadcrumb_label)>
                <a href=Route::Overview.href(lang)>{tr!(lang, nav_overview)}</a>
                " › "
                {goal.clone().unwrap_or_else(|| tr!(lang, task_only_indicator).to_owned())}
            </nav>
            <PageTitle what=indicator.name.get(lang).to_owned() description=indicator.source_text.clone() lang=lang />
            <h1>{indicator.name.get(lang).to_owned()}</h1>
            <blockquote class="source-text">
                <p>{tr!(lang, plan_wording)} " “" <span lang="zh-CN">{indicator.source_text.clone()}</span> "”"</p>
                {indicator
                    .restatements
                    .iter()
                    .map(|r| view! { <p class="restatement">{tr!(lang, see_also)} " “" <span lang="zh-CN">{r.clone()}</span> "”"</p> })
                    .collect_view()}
            </blockquote>
            <dl class="plan-meta">
                <dt>{tr!(lang, target_label)}</dt>
                <dd class="target-level">{level}</dd>
                <dt>{tr!(lang, meaning_label)}</dt>
                <dd>{meaning(&indicator.target, lang)}</dd>
                <dt>{tr!(lang, basis_label)}</dt>
                <dd>{if indicator.cumulative { tr!(lang, basis_cumulative) } else { tr!(lang, basis_year) }}</dd>
                <dt>{tr!(lang, belongs_label)}</dt>
                <dd>
                    {goal.unwrap_or_else(|| tr!(lang, task_only_note).to_owned())}
                    <ul class="task-list">
                        {tasks
                            .into_iter()
                            .map(|(task, label)| view! {
                                <li>
                                    <a href=Route::Task(task.id.clone()).href(lang)>{label}</a>
                                    " — " {tr!(lang, responsible_units)} " "
                                    <ResponsibleUnits doc=doc.clone() units=task.responsible lang=lang short=true />
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </dd>
            </dl>
            <WithAssessment ok=move |assessed| {
                view! { <IndicatorProgress assessed=assessed indicator=ind.clone() lang=lang /> }
            } />
        </article>
    }
    .into_any()
}

/// Where a running total or a share started, with its source, or that no
/// starting level is published (and what completion counts from instead).
fn baseline_line(
    indicator: &Indicator,
    data: &plan_model::ProgressDocument,
    lang: Lang,
) -> Option<impl IntoView + use<>> {
    if !needs_baseline(indicator) {
        return None;
    }
    let record = data.baseline(&indicator.id, None);
    let published = record.and_then(|b| Some((b.value?, b.as_of.clone()?, b)));
    let level = match published {
        Some((value, as_of, b)) => {
            let unit = b.unit.as_ref().unwrap_or(&indicator.unit).get(lang);
            let source = b.source.clone().unwrap_or_default();
            tr!(
                lang,
                baseline_value,
                value = with_unit(value, unit, lang),
                as_of = as_of,
                source = source
            )
        }
        None if indicator.cumulative => {
            format!("{} {}", tr!(lang, baseline_none), tr!(lang, baseline_assumed))
        }
        None => tr!(lang, baseline_none).to_owned(),
    };
    let note = record.and_then(|b| b.note.as_ref()).map(|n| format!(" {}", n.get(lang)));
    Some(view! {
        <p class="baseline-line">
            <strong>{tr!(lang, baseline_label)}</strong> " " {level} {note}
        </p>
    })
}

/// A milestone's due date and whether it is near or past (only milestones
/// have one: a number's deadline is the plan year's end, as its target says).
fn due_line(
    assessed: &Assessed,
    indicator: &Indicator,
    lang: Lang,
) -> Option<impl IntoView + use<>> {
    if indicator.target != plan_model::Target::Milestone {
        return None;
    }
    let (_, due, state) =
        plan_model::commitments::milestone_deadline(&assessed.plan, &assessed.data, &indicator.id);
    let flag = state.needs_notice().then(|| {
        view! { " " <span class=format!("due-flag due-{}", state.code())><span aria-hidden="true">"⚑ "</span>{state.label(lang)}</span> }
    });
    Some(view! {
        <p class="due-line">
            <strong>{tr!(lang, due_label)}</strong> " " {format!("{} · {}", due.text(lang), state.label(lang))} {flag}
        </p>
    })
}

/// Status, trend and districts of one indicator.
#[component]
fn IndicatorProgress(assessed: Arc<Assessed>, indicator: Indicator, lang: Lang) -> impl IntoView {
    let data = &assessed.data;
    let city: Option<Assessment> = assessed.card.city.get(&indicator.id).cloned();
    let id = indicator.id.clone();
    let trend = figures::build(
        &FigureId::IndicatorTrend(id.clone()),
        &assessed.plan,
        Some(&assessed),
        lang,
        &Filters::default(),
    )
    .ok();
    let districts = figure_card(FigureId::IndicatorDistricts(id), &assessed, lang);
    let feedback = view! {
        <Feedback
            channels=assessed.plan.plan.feedback.clone()
            what=tr!(lang, feedback_indicator, name = indicator.name.get(lang))
            id=indicator.id.clone()
            lang=lang
        />
    };
    let status_box = city.map(|a| {
        let colour = format!("border-color: {}", status_colour(a.status));
        let said = [
            Some(a.status.label(lang).to_owned()),
            Some(a.explanation.get(lang).to_owned()),
            a.pace.as_ref().map(|p| format!("{} {}", tr!(lang, pace_label), p.explanation.get(lang))),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        view! {
            <section class="status-box" style=colour aria-label=tr!(lang, current_status)>
                <p class="status-line">
                    <StatusWords status=a.status lang=lang /> " "
                    <Speak text=said what=tr!(lang, speak_status) lang=lang /> " "
                    <FollowButton key=format!("indicator:{}", indicator.id) status=a.status lang=lang />
                </p>
                <p class="status-explanation">{a.explanation.get(lang).to_owned()}</p>
                {a.pace.as_ref().map(|p| view! {
                    <p class="pace-line">
                        <strong>{tr!(lang, pace_label)}</strong> " " {p.explanation.get(lang).to_owned()}
                    </p>
                })}
                {baseline_line(&indicator, data, lang)}
                {due_line(&assessed, &indicator, lang)}
            </section>
        }
    });
    let mut sources: Vec<String> = data
        .observations
        .iter()
        .filter(|o| o.indicator == indicator.id)
        .filter_map(|o| o.source.clone())
        .collect();
    sources.sort();
    sources.dedup();
    let sources = (!sources.is_empty()).then(|| {
        view! { <p class="data-source">{tr!(lang, source_label)} " " {sources.join(" · ")}</p> }
    });
    // The story behind the status now: what it was at each report.
    let history = assessed.indicator_history(&indicator.id).unwrap_or_default();
    let history = (history.len() > 1).then(|| {
        let items = history
            .iter()
            .map(|(date, status)| {
                let status = *status;
                view! {
                    <li>
                        <time datetime=date.clone()>{date.clone()}</time> " "
                        <span class=status_class(status) aria-hidden="true">{status.icon()}</span>
                        " " {status.label(lang)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="status-history" aria-labelledby="status-history-heading">
                <h2 id="status-history-heading">{tr!(lang, history_heading)}</h2>
                <p class="card-subtitle">{tr!(lang, history_note)}</p>
                <ol class="status-strip">{items}</ol>
            </section>
        }
    });
    view! {
        <ReleaseBar release=data.release.clone() lang=lang />
        {data.release.sample.then(|| view! { <SampleNotice lang=lang /> })}
        {status_box}
        {plan_model::cadence::reporting(&assessed.plan, &assessed.data, &indicator.id)
            .map(|r| view! { <ReportingLine reporting=r lang=lang /> })}
        {feedback}
        {history}
        {trend.map(|f| view! { <FigureCard figure=f>{sources}</FigureCard> })}
        {districts}
    }
}
