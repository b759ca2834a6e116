//! The progress data's records: updates, deadlines and starting levels.

use std::collections::{HashMap, HashSet};

use super::findings::{Findings, MAX_PLAUSIBLE_VALUE, Severity};
use super::values::is_web_address;
use crate::date::{due_end, is_iso_date};
use crate::messages::{Msg, Value, in_each_language, say};
use crate::plan::{Indicator, PlanDocument, Target};
use crate::progress::{ProgressDocument, Stage};

/// Updates: a known subject, a stage for a commitment and none for a task, a
/// date in the year and not after the figures, one per subject and date,
/// something said, evidence that is a web page.
/// Reporting cadences: known items, one each, grace in range.
pub(super) fn reporting(f: &mut Findings, plan: &PlanDocument, progress: &ProgressDocument) {
    let r = &progress.reporting;
    if r.grace_days > 92 {
        f.error(
            "bad-grace-days",
            "reporting.grace_days".into(),
            Msg::BadGraceDays,
            &[("days", &r.grace_days)],
        );
    }
    let mut seen = HashSet::new();
    for (i, item) in r.items.iter().enumerate() {
        let path = format!("reporting.items[{i}].of");
        if plan.indicator(&item.of).is_none() && plan.commitment(&item.of).is_none() {
            f.error(
                "unknown-cadence-item",
                path.clone(),
                Msg::UnknownCadenceItem,
                &[("id", &item.of)],
            );
        }
        if !seen.insert(item.of.as_str()) {
            f.error("duplicate-cadence", path, Msg::DuplicateCadence, &[("id", &item.of)]);
        }
    }
}

pub(super) fn updates(f: &mut Findings, plan: &PlanDocument, progress: &ProgressDocument) {
    let year = u32::from(plan.plan.plan_year);
    let mut seen = HashSet::new();
    for (i, u) in progress.updates.iter().enumerate() {
        let path = format!("updates[{i}]");
        let is_task = plan.tasks.iter().any(|t| t.id == u.of);
        let is_commitment = plan.commitment(&u.of).is_some();
        if !is_task && !is_commitment {
            f.error(
                "unknown-subject",
                format!("{path}.of"),
                Msg::UnknownUpdateSubject,
                &[("id", &u.of)],
            );
        }
        match (is_commitment, u.stage) {
            (true, None) => f.error("update-needs-stage", path.clone(), Msg::UpdateNeedsStage, &[]),
            (false, Some(_)) if is_task => {
                f.error("stage-for-task", format!("{path}.stage"), Msg::UpdateStageForTask, &[])
            }
            _ => {}
        }
        f.date(format!("{path}.as_of"), &u.as_of, Some(year));
        if is_iso_date(&u.as_of) && u.as_of.as_str() > progress.release.as_of.as_str() {
            f.warning(
                "update-after-release",
                format!("{path}.as_of"),
                Msg::UpdateAfterRelease,
                &[("date", &u.as_of), ("as_of", &progress.release.as_of)],
            );
        }
        if !seen.insert((u.of.as_str(), u.as_of.as_str())) {
            f.error(
                "duplicate-update",
                path.clone(),
                Msg::DuplicateUpdate,
                &[("id", &u.of), ("date", &u.as_of)],
            );
        }
        if u.progress.zh.trim().is_empty() {
            f.error("empty-update", format!("{path}.progress.zh"), Msg::EmptyUpdate, &[]);
        }
        if u.confidence.as_ref().is_some_and(|c| c.reason.zh.trim().is_empty()) {
            f.error(
                "confidence-without-reason",
                format!("{path}.confidence.reason.zh"),
                Msg::ConfidenceWithoutReason,
                &[],
            );
        }
        for (j, e) in u.evidence.iter().enumerate() {
            if !is_web_address(&e.url) {
                f.error(
                    "evidence-not-web",
                    format!("{path}.evidence[{j}].url"),
                    Msg::EvidenceNotWeb,
                    &[("url", &e.url)],
                );
            }
            if e.title.zh.trim().is_empty() {
                f.error(
                    "evidence-no-title",
                    format!("{path}.evidence[{j}].title.zh"),
                    Msg::EvidenceNoTitle,
                    &[],
                );
            }
        }
    }
    // A stage after "done" is worth a word; the dates decide the order.
    let mut order: Vec<(usize, &crate::progress::Update)> =
        progress.updates.iter().enumerate().filter(|(_, u)| u.stage.is_some()).collect();
    order.sort_by(|a, b| a.1.as_of.cmp(&b.1.as_of));
    let mut done_on: HashMap<&str, &str> = HashMap::new();
    for (i, u) in order {
        let stage = u.stage.unwrap_or(Stage::NotStarted);
        match done_on.get(u.of.as_str()) {
            Some(done) if stage != Stage::Done => {
                let said = in_each_language(|lang| {
                    let values: [Value<'_>; 4] = [
                        ("id", &u.of),
                        ("done", done),
                        ("date", &u.as_of),
                        ("stage", &stage.label(lang)),
                    ];
                    say(Msg::StageAfterDone, lang, &values)
                });
                f.push(Severity::Warning, "stage-after-done", format!("updates[{i}].stage"), said);
            }
            None if stage == Stage::Done => {
                done_on.insert(u.of.as_str(), u.as_of.as_str());
            }
            _ => {}
        }
    }
}

/// Deadlines: for a commitment or a milestone, a date or quarter (outside
/// the plan year is a warning), one each.
pub(super) fn deadlines(f: &mut Findings, plan: &PlanDocument, progress: &ProgressDocument) {
    let year = plan.plan.plan_year;
    let mut seen = HashSet::new();
    for (i, d) in progress.deadlines.iter().enumerate() {
        let path = format!("deadlines[{i}]");
        let milestone = plan.indicator(&d.of).is_some_and(|ind| ind.target == Target::Milestone);
        if plan.commitment(&d.of).is_none() && !milestone {
            f.error(
                "unknown-subject",
                format!("{path}.of"),
                Msg::UnknownDeadlineSubject,
                &[("id", &d.of)],
            );
        }
        if !seen.insert(d.of.as_str()) {
            f.error("duplicate-deadline", path.clone(), Msg::DuplicateDeadline, &[("id", &d.of)]);
        }
        match due_end(&d.due) {
            None => f.error("bad-due", format!("{path}.due"), Msg::BadDue, &[("due", &d.due)]),
            Some(end) if end.as_str() < format!("{year}-01-01").as_str() => f.warning(
                "due-before-plan-year",
                format!("{path}.due"),
                Msg::DueBeforePlanYear,
                &[("due", &d.due), ("year", &year)],
            ),
            Some(end) if end.as_str() > format!("{year}-12-31").as_str() => f.warning(
                "due-after-plan-year",
                format!("{path}.due"),
                Msg::DueAfterPlanYear,
                &[("due", &d.due), ("year", &year)],
            ),
            Some(_) => {}
        }
    }
}

/// Whether an indicator needs a starting level to be read: a running total
/// (累计) is counted from it; a share raised or cut by points or per cent is
/// read against it.
pub fn needs_baseline(indicator: &Indicator) -> bool {
    indicator.cumulative
        || matches!(indicator.target, Target::RaiseByPoints { .. } | Target::ReduceBy { .. })
}

pub(super) fn baselines(
    f: &mut Findings,
    plan: &PlanDocument,
    progress: &ProgressDocument,
    indicators: &HashMap<&str, &Indicator>,
    districts: &HashSet<&str>,
) {
    let mut seen = HashSet::new();
    for (i, b) in progress.baselines.iter().enumerate() {
        let path = format!("baselines[{i}]");
        let Some(ind) = indicators.get(b.indicator.as_str()) else {
            f.unknown_indicator(format!("{path}.indicator"), &b.indicator);
            continue;
        };
        if let Some(d) = &b.district
            && !districts.contains(d.as_str())
        {
            f.unknown_district(format!("{path}.district"), d);
        }
        if !seen.insert((b.indicator.as_str(), b.district.as_deref())) {
            f.error(
                "duplicate-baseline",
                path.clone(),
                Msg::DuplicateBaseline,
                &[("id", &b.indicator)],
            );
        }
        let Some(value) = b.value else { continue };
        for (field, given) in [("as_of", b.as_of.is_some()), ("source", b.source.is_some())] {
            if !given {
                // The record is where to look: the field is not there.
                f.error(
                    "incomplete-baseline",
                    path.clone(),
                    Msg::IncompleteBaseline,
                    &[("field", &field)],
                );
            }
        }
        if let Some(as_of) = &b.as_of {
            f.date(format!("{path}.as_of"), as_of, None);
            // ISO dates compare as strings.
            if is_iso_date(as_of) && as_of.as_str() > progress.release.as_of.as_str() {
                f.error(
                    "baseline-after-figures",
                    format!("{path}.as_of"),
                    Msg::BaselineAfterFigures,
                    &[("date", &as_of), ("as_of", &progress.release.as_of)],
                );
            }
        }
        if !value.is_finite() || value.abs() > MAX_PLAUSIBLE_VALUE {
            f.error(
                "implausible-value",
                format!("{path}.value"),
                Msg::ImplausibleValue,
                &[("value", &format!("{value:e}")), ("max", &format!("{MAX_PLAUSIBLE_VALUE:e}"))],
            );
        }
        if !ind.cumulative {
            continue;
        }
        if b.unit.is_some() {
            f.error(
                "baseline-unit",
                format!("{path}.unit"),
                Msg::BaselineUnit,
                &[("unit", &ind.unit.zh)],
            );
        }
        if value < 0.0 {
            f.error(
                "negative-value",
                format!("{path}.value"),
                Msg::NegativeValue,
                &[("value", &value)],
            );
        }
        let level = match &b.district {
            None => ind.target.level(),
            Some(d) => progress
                .district_targets
                .iter()
                .find(|t| t.indicator == b.indicator && &t.district == d)
                .map(|t| t.value),
        };
        if let Some(level) = level
            && value >= level
        {
            f.warning(
                "baseline-meets-target",
                format!("{path}.value"),
                Msg::BaselineMeetsTarget,
                &[("value", &value), ("target", &level)],
            );
        }
    }
    // Only where there is a figure to read against it.
    let with_figures: HashSet<&str> = progress
        .observations
        .iter()
        .filter(|o| o.district.is_none())
        .map(|o| o.indicator.as_str())
        .collect();
    for ind in plan.indicators.iter().filter(|i| needs_baseline(i)) {
        if with_figures.contains(ind.id.as_str()) && !seen.contains(&(ind.id.as_str(), None)) {
            f.warning(
                "missing-baseline",
                "baselines".into(),
                Msg::MissingBaseline,
                &[("id", &ind.id)],
            );
        }
    }
}
