//! The bands and what they are measured against: where a target stands
//! (`Status`), what was expected by a date (序时进度, from the calendar or the
//! schedule), where a running total starts (`Start`), how much of a target is
//! done (`completion`), and the inputs one release shares (`StatusContext`).

use serde::Serialize;

use crate::date::day_of_year;
use crate::messages::Msg;
use crate::plan::{PlanDocument, Target};
use crate::progress::{BaselineRecord, Observation, ProgressDocument, Thresholds};
use crate::text::Lang;

/// Where a target stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The target's level is met.
    Achieved,
    /// Within `behind_points` of the expected progress, or ahead of it.
    OnSchedule,
    /// Behind the expected progress by more than `behind_points`.
    Behind,
    /// Behind by more than `seriously_behind_points`.
    SeriouslyBehind,
    /// No figure has been published yet.
    NoData,
    /// No number to measure against (a qualitative item with no record, or a
    /// district with no share of the target).
    NotMeasurable,
}

impl Status {
    /// Every status, best first.
    pub const ALL: [Status; 6] = [
        Status::Achieved,
        Status::OnSchedule,
        Status::Behind,
        Status::SeriouslyBehind,
        Status::NoData,
        Status::NotMeasurable,
    ];

    /// The status in words (never shown by colour alone).
    pub fn label(self, lang: Lang) -> &'static str {
        let msg = match self {
            Status::Achieved => Msg::StatusAchieved,
            Status::OnSchedule => Msg::StatusOnSchedule,
            Status::Behind => Msg::StatusBehind,
            Status::SeriouslyBehind => Msg::StatusSeriouslyBehind,
            Status::NoData => Msg::StatusNoData,
            Status::NotMeasurable => Msg::StatusNotMeasurable,
        };
        msg.template(lang)
    }

    /// A symbol that tells the statuses apart without colour.
    pub fn icon(self) -> &'static str {
        match self {
            Status::Achieved => "✔",
            Status::OnSchedule => "●",
            Status::Behind => "▲",
            Status::SeriouslyBehind => "✖",
            Status::NoData => "–",
            Status::NotMeasurable => "○",
        }
    }

    /// True for statuses that come from a measured figure.
    pub fn is_measured(self) -> bool {
        !matches!(self, Status::NoData | Status::NotMeasurable)
    }
}

/// Expected completion, in per cent, by `as_of` (`YYYY-MM-DD`) in `year`: the
/// schedule's milestones when given (straight lines between them, from 0 on
/// 1 January), else the share of the year elapsed. `None` for a bad date.
pub fn expected_percent(as_of: &str, year: u16, schedule: &[(String, f64)]) -> Option<f64> {
    let (y, day) = day_of_year(as_of)?;
    if y < u32::from(year) {
        return Some(0.0);
    }
    if y > u32::from(year) {
        return Some(100.0);
    }
    let days_in_year = day_of_year(&format!("{year:04}-12-31")).map(|(_, d)| d)?;
    if schedule.is_empty() {
        return Some(f64::from(day) / f64::from(days_in_year) * 100.0);
    }
    let mut points: Vec<(f64, f64)> = vec![(0.0, 0.0)];
    for (date, percent) in schedule {
        let (_, d) = day_of_year(date)?;
        points.push((f64::from(d), *percent));
    }
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let now = f64::from(day);
    let after = points.iter().position(|p| p.0 >= now);
    Some(match after {
        None => points.last().map(|p| p.1).unwrap_or(100.0),
        Some(0) => points[0].1,
        Some(i) => {
            let (d0, p0) = points[i - 1];
            let (d1, p1) = points[i];
            if d1 == d0 { p1 } else { p0 + (p1 - p0) * (now - d0) / (d1 - d0) }
        }
    })
}

/// What a running total (累计) is counted from: completion is the part of the
/// way from here to the target, and the expected path runs from here.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Start {
    /// The level.
    pub value: f64,
    /// Date of the level.
    pub as_of: String,
    /// True when no starting level is published and the year's first figure
    /// stands in for it (the page says so).
    pub assumed: bool,
}

impl Start {
    /// A published starting level, or else the first of `observations`
    /// (none without either).
    pub fn of(record: Option<&BaselineRecord>, observations: &[&Observation]) -> Option<Start> {
        if let Some(r) = record
            && let (Some(value), Some(as_of)) = (r.value, &r.as_of)
        {
            return Some(Start { value, as_of: as_of.clone(), assumed: false });
        }
        let first = observations.iter().min_by(|a, b| a.as_of.cmp(&b.as_of))?;
        Some(Start { value: first.value, as_of: first.as_of.clone(), assumed: true })
    }

    /// What is expected of a total counted from here, in per cent of the way
    /// to the target, by `as_of`: the calendar's (or schedule's) share of
    /// what was left of the year at the start. From a level at the end of
    /// the year before, that is the calendar's share itself.
    pub fn expected_percent(&self, ctx: &StatusContext<'_>, as_of: &str) -> Option<f64> {
        let now = expected_percent(as_of, ctx.year, &ctx.schedule)?;
        let then = expected_percent(&self.as_of, ctx.year, &ctx.schedule)?;
        Some(if then >= 100.0 { 100.0 } else { ((now - then) / (100.0 - then) * 100.0).max(0.0) })
    }

    /// The expected level at `as_of` on the way from here to `target`.
    pub fn expected_level(&self, ctx: &StatusContext<'_>, target: f64, as_of: &str) -> Option<f64> {
        let share = self.expected_percent(ctx, as_of)?;
        Some(self.value + (target - self.value) * share / 100.0)
    }
}

/// Inputs shared by every assessment of one release.
pub struct StatusContext<'a> {
    /// The plan year.
    pub year: u16,
    /// Bands.
    pub thresholds: &'a Thresholds,
    /// Expected-progress milestones as (date, per cent).
    pub schedule: Vec<(String, f64)>,
    /// Starting levels of running totals and shares.
    pub baselines: &'a [BaselineRecord],
}

impl<'a> StatusContext<'a> {
    /// The context of a plan and its progress data.
    pub fn new(plan: &PlanDocument, progress: &'a ProgressDocument) -> Self {
        Self {
            year: plan.plan.plan_year,
            thresholds: &progress.thresholds,
            schedule: progress
                .schedule
                .iter()
                .map(|m| (m.as_of.clone(), m.expected_percent))
                .collect(),
            baselines: &progress.baselines,
        }
    }

    /// The starting level recorded for an indicator, citywide or for a district.
    pub fn baseline(&self, indicator: &str, district: Option<&str>) -> Option<&'a BaselineRecord> {
        self.baselines
            .iter()
            .find(|b| b.indicator == indicator && b.district.as_deref() == district)
    }

    pub(super) fn band(&self, gap: f64) -> Status {
        if gap <= self.thresholds.behind_points {
            Status::OnSchedule
        } else if gap <= self.thresholds.seriously_behind_points {
            Status::Behind
        } else {
            Status::SeriouslyBehind
        }
    }
}

/// Completion in per cent and whether the level is met, by the target's meaning.
/// `level` is the target (or a district's share); `baseline` the starting level
/// of a running total.
pub fn completion(
    target: &Target,
    level: f64,
    value: f64,
    baseline: Option<f64>,
    tolerance_percent: f64,
) -> (f64, bool) {
    let ratio = |v: f64, t: f64| if t == 0.0 { 100.0 } else { v / t * 100.0 };
    let within = |v: f64, t: f64| (v - t).abs() <= t.abs() * tolerance_percent / 100.0;
    match *target {
        Target::AtLeast { .. }
        | Target::Reach { .. }
        | Target::MoreThan { .. }
        | Target::Exceed { .. } => {
            let done = match baseline {
                Some(b) if level > b => ratio(value - b, level - b),
                _ => ratio(value, level),
            };
            let met = match target {
                Target::MoreThan { .. } | Target::Exceed { .. } => value > level,
                _ => value >= level,
            };
            (done, met)
        }
        Target::About { .. } => (ratio(value, level), within(value, level)),
        Target::HoldAt { .. } => (ratio(value, level), value >= level || within(value, level)),
        Target::KeepAtOrAbove { .. } => (ratio(value, level), value >= level),
        Target::ReduceBy { approximate, .. } => {
            let met =
                if approximate { value >= level || within(value, level) } else { value >= level };
            (ratio(value, level), met)
        }
        Target::RaiseByPoints { .. } => (ratio(value, level), value >= level),
        Target::Milestone => (0.0, false),
    }
}

/// A figure as the explanations write it: at most one decimal.
pub(crate) fn fmt(v: f64) -> String {
    let rounded = (v * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") }
}
