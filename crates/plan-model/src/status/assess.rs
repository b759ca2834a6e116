//! One indicator assessed, citywide or for a district: its band, the
//! figures that explain it and why, in words.

use serde::Serialize;

use super::band::{Start, Status, StatusContext, completion, expected_percent, fmt};
use super::pace::{PaceToTarget, pace_to_target};
use crate::messages::{Msg, Value, in_each_language, say, say_both};
use crate::plan::{Indicator, Pace, Target};
use crate::progress::{MilestoneRecord, Observation, Stage, ValueFlag};
use crate::text::Bilingual;

/// The status of one indicator (citywide or for one district), with the figures
/// that explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Indicator id.
    pub indicator: String,
    /// District id, or `None` for citywide.
    pub district: Option<String>,
    /// The band.
    pub status: Status,
    /// Latest value.
    pub value: Option<f64>,
    /// Date of the latest value.
    pub as_of: Option<String>,
    /// The level measured against (the district's share for a district).
    pub target: Option<f64>,
    /// How much of the target is done, in per cent (may exceed 100).
    pub completion_percent: Option<f64>,
    /// How much was expected by `as_of`, in per cent.
    pub expected_percent: Option<f64>,
    /// Expected minus completion, in points: positive means behind.
    pub gap_points: Option<f64>,
    /// What a running total is counted from (none for other kinds).
    pub start: Option<Start>,
    /// What the target still needs per month, and whether the recent pace
    /// gets there (targets that build up, not yet met).
    pub pace: Option<PaceToTarget>,
    /// Why, in words.
    pub explanation: Bilingual,
}

/// Assesses one indicator from its observations (any order) and milestone
/// records. `district_target` is the district's share, for a district.
pub fn assess(
    ctx: &StatusContext<'_>,
    indicator: &Indicator,
    district: Option<&str>,
    district_target: Option<f64>,
    observations: &[&Observation],
    records: &[&MilestoneRecord],
) -> Assessment {
    let mut out = Assessment {
        indicator: indicator.id.clone(),
        district: district.map(str::to_owned),
        status: Status::NoData,
        value: None,
        as_of: None,
        target: None,
        completion_percent: None,
        expected_percent: None,
        gap_points: None,
        start: None,
        pace: None,
        explanation: say_both(Msg::ExplainNoData, &[]),
    };
    if indicator.target == Target::Milestone {
        return assess_milestone(ctx, out, records);
    }
    let Some(latest) = observations.iter().max_by(|a, b| a.as_of.cmp(&b.as_of)) else {
        return out;
    };
    out.value = Some(latest.value);
    out.as_of = Some(latest.as_of.clone());
    let unit = &indicator.unit;
    // A district measures a running total against its own share of the target;
    // a rate or level is the same level for every district.
    let level = match (district, indicator.pace) {
        (Some(_), Pace::Accumulates) => district_target,
        _ => indicator.target.level(),
    };
    let Some(level) = level else {
        out.status = Status::NotMeasurable;
        out.explanation = in_each_language(|lang| {
            let value = fmt(latest.value);
            let values: [Value<'_>; 3] =
                [("as_of", &latest.as_of), ("value", &value), ("unit", &unit.get(lang))];
            say(Msg::ExplainNoDistrictShare, lang, &values)
        });
        return out;
    };
    out.target = Some(level);
    // A running total is counted from where it stood, not from zero.
    let start = if indicator.cumulative {
        Start::of(ctx.baseline(&indicator.id, district), observations)
    } else {
        None
    };
    let (done, met) = completion(
        &indicator.target,
        level,
        latest.value,
        start.as_ref().map(|s| s.value),
        ctx.thresholds.about_tolerance_percent,
    );
    let expected = match (indicator.pace, &start) {
        (Pace::Level, _) => Some(100.0),
        (Pace::Accumulates, Some(start)) => start.expected_percent(ctx, &latest.as_of),
        (Pace::Accumulates, None) => expected_percent(&latest.as_of, ctx.year, &ctx.schedule),
    };
    out.completion_percent = Some(done);
    out.expected_percent = expected;
    let pass_fail =
        matches!(indicator.target, Target::HoldAt { .. } | Target::KeepAtOrAbove { .. });
    let gap = expected.map(|e| e - done.min(100.0));
    out.gap_points = gap;
    out.status = if met {
        Status::Achieved
    } else if pass_fail {
        Status::Behind
    } else {
        gap.map_or(Status::NoData, |g| ctx.band(g))
    };
    let (value, target, done) = (fmt(latest.value), fmt(level), fmt(done));
    let (tail, expected, gap) = match (out.status, pass_fail, indicator.pace, expected, gap) {
        (Status::Achieved, _, _, _, _) => (Msg::ExplainTargetMet, None, None),
        (_, true, _, _, _) => (Msg::ExplainBelowHeld, None, None),
        (_, _, Pace::Level, _, Some(g)) => (Msg::ExplainLevelShort, None, Some(g)),
        (_, _, Pace::Accumulates, Some(e), Some(g)) if g > 0.0 => {
            (Msg::ExplainBehindSchedule, Some(e), Some(g))
        }
        (_, _, Pace::Accumulates, Some(e), Some(g)) => {
            (Msg::ExplainAheadOfSchedule, Some(e), Some(-g))
        }
        _ => (Msg::ExplainEnd, None, None),
    };
    let (expected, gap) = (expected.map(fmt).unwrap_or_default(), gap.map(fmt).unwrap_or_default());
    out.explanation = in_each_language(|lang| {
        let unit = unit.get(lang);
        let head: [Value<'_>; 5] = [
            ("as_of", &latest.as_of),
            ("value", &value),
            ("unit", &unit),
            ("target", &target),
            ("done", &done),
        ];
        let counted_from = start.as_ref().map(|s| {
            let from: [Value<'_>; 3] =
                [("value", &fmt(s.value)), ("unit", &unit), ("as_of", &s.as_of)];
            let msg = if s.assumed { Msg::ExplainStartAssumed } else { Msg::ExplainStart };
            say(msg, lang, &from)
        });
        let flagged = match (latest.flag, &latest.revision) {
            (Some(ValueFlag::Preliminary), _) => say(Msg::ExplainPreliminary, lang, &[]),
            (Some(ValueFlag::Estimated), _) => say(Msg::ExplainEstimated, lang, &[]),
            (Some(ValueFlag::Revised), Some(r)) => {
                let replaced = fmt(r.replaced);
                let values: [Value<'_>; 3] =
                    [("replaced", &replaced), ("unit", &unit), ("revised_on", &r.revised_on)];
                say(Msg::ExplainRevised, lang, &values)
            }
            _ => String::new(),
        };
        say(Msg::ExplainHead, lang, &head)
            + &say(tail, lang, &[("expected", &expected), ("gap", &gap)])
            + &counted_from.unwrap_or_default()
            + &flagged
    });
    out.pace = pace_to_target(
        indicator,
        ctx.year,
        level,
        latest,
        observations,
        start.as_ref(),
        ctx.thresholds.about_tolerance_percent,
        met,
    );
    out.start = start;
    out
}

fn assess_milestone(
    ctx: &StatusContext<'_>,
    mut out: Assessment,
    records: &[&MilestoneRecord],
) -> Assessment {
    let Some(latest) = records.iter().max_by(|a, b| a.as_of.cmp(&b.as_of)) else {
        out.status = Status::NotMeasurable;
        out.explanation = say_both(Msg::ExplainNoMilestoneRecord, &[]);
        return out;
    };
    out.as_of = Some(latest.as_of.clone());
    let expected = expected_percent(&latest.as_of, ctx.year, &ctx.schedule);
    out.expected_percent = expected;
    // A task not begun after the first quarter counts as behind.
    out.status = match latest.stage {
        Stage::Done => Status::Achieved,
        Stage::InProgress => Status::OnSchedule,
        Stage::Delayed => Status::Behind,
        Stage::Stalled => Status::SeriouslyBehind,
        Stage::NotStarted if expected.unwrap_or(0.0) > 25.0 => Status::Behind,
        Stage::NotStarted => Status::OnSchedule,
    };
    let stage = latest.stage.msg();
    out.explanation = in_each_language(|lang| {
        let values: [Value<'_>; 3] = [
            ("as_of", &latest.as_of),
            ("stage", &stage.template(lang)),
            ("note", &latest.note.get(lang)),
        ];
        say(Msg::ExplainMilestone, lang, &values)
    });
    out
}
