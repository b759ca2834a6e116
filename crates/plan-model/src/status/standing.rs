//! Districts ranked by how far ahead of (or behind) schedule they are, and
//! how a district or an indicator stood at each period.

use std::collections::BTreeSet;

use super::assess::assess;
use super::band::{Status, StatusContext};
use super::scorecard::{RollUp, Scorecard, roll_up};
use crate::plan::{Indicator, PlanDocument};
use crate::progress::{MilestoneRecord, Observation, ProgressDocument};

/// One district's standing across a set of indicators.
#[derive(Debug, Clone)]
pub struct DistrictStanding {
    /// District id.
    pub district: String,
    /// Its roll-up over the indicators it has figures for.
    pub roll_up: RollUp,
    /// Mean completion minus mean expected progress, in points: above zero is
    /// ahead of schedule. `None` when nothing is measured.
    pub lead_points: Option<f64>,
    /// 1-based rank by `lead_points` (ties share a rank); `None` when unmeasured.
    pub rank: Option<usize>,
}

/// Ranks districts by how far their mean completion is ahead of (or behind)
/// the expected progress, over `indicators` (all with district figures when
/// empty). Districts keep the plan's order among equals; unmeasured ones come last.
pub fn rank_districts(
    plan: &PlanDocument,
    card: &Scorecard,
    ctx: &StatusContext<'_>,
    indicators: &[String],
) -> Vec<DistrictStanding> {
    let mut standings: Vec<DistrictStanding> = plan
        .districts
        .iter()
        .map(|d| {
            let items = card
                .district(&d.id)
                .filter(|a| indicators.is_empty() || indicators.contains(&a.indicator));
            let roll_up = roll_up(ctx, items);
            let lead_points = match (roll_up.mean_completion_percent, roll_up.mean_expected_percent)
            {
                (Some(done), Some(expected)) => Some(done - expected),
                _ => None,
            };
            DistrictStanding { district: d.id.clone(), roll_up, lead_points, rank: None }
        })
        .collect();
    // Stable sort: equal leads keep the plan's order.
    standings.sort_by(|a, b| match (a.lead_points, b.lead_points) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut previous: Option<(f64, usize)> = None;
    for (i, s) in standings.iter_mut().enumerate() {
        let Some(lead) = s.lead_points else { continue };
        let rank = match previous {
            Some((p, r)) if p.to_bits() == lead.to_bits() => r,
            _ => i + 1,
        };
        s.rank = Some(rank);
        previous = Some((lead, rank));
    }
    standings
}

/// The mean of the districts' mean completions: the "city average" a district
/// is compared with. `None` when no district is measured.
pub fn district_average_completion(standings: &[DistrictStanding]) -> Option<f64> {
    let values: Vec<f64> =
        standings.iter().filter_map(|s| s.roll_up.mean_completion_percent).collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// One point of a district's history: its mean completion and mean expected
/// progress as the figures stood on a date it reported.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPoint {
    /// The date (`YYYY-MM-DD`).
    pub as_of: String,
    /// Mean completion, per cent.
    pub completion_percent: f64,
    /// Mean expected progress, per cent.
    pub expected_percent: f64,
}

/// A district's mean completion over `indicators` at each date it reported,
/// up to `until` (every date when `None`), each assessed as the figures stood
/// then. Dates with nothing measured are left out.
pub fn district_history(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    district: &str,
    indicators: &[String],
    until: Option<&str>,
) -> Vec<HistoryPoint> {
    let one = [(district.to_owned(), indicators.to_vec())];
    districts_history(plan, progress, &one, until).into_iter().flatten().flatten().collect()
}

/// [`district_history`] of several districts at once, each over its own
/// indicators (`(district, indicators)`): at every date any of them
/// reported, up to `until`, a point for each (`None` where it did not
/// report that day or had nothing measured). The figures are assessed once
/// per date for all of them.
pub fn districts_history(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    districts: &[(String, Vec<String>)],
    until: Option<&str>,
) -> Vec<Vec<Option<HistoryPoint>>> {
    let reported = |district: &str| -> BTreeSet<&str> {
        progress
            .observations
            .iter()
            .filter(|o| o.district.as_deref() == Some(district))
            .map(|o| o.as_of.as_str())
            .filter(|d| until.is_none_or(|u| *d <= u))
            .collect()
    };
    let each: Vec<BTreeSet<&str>> = districts.iter().map(|(d, _)| reported(d)).collect();
    let dates: BTreeSet<&str> = each.iter().flatten().copied().collect();
    dates
        .into_iter()
        .map(|date| {
            let then = progress.as_of(date);
            let card = Scorecard::compute(plan, &then);
            let ctx = StatusContext::new(plan, &then);
            districts
                .iter()
                .zip(&each)
                .map(|((district, indicators), dates)| {
                    if !dates.contains(date) {
                        return None;
                    }
                    let r = roll_up(
                        &ctx,
                        card.district(district).filter(|a| indicators.contains(&a.indicator)),
                    );
                    Some(HistoryPoint {
                        as_of: date.to_owned(),
                        completion_percent: r.mean_completion_percent?,
                        expected_percent: r.mean_expected_percent?,
                    })
                })
                .collect()
        })
        .collect()
}

/// An indicator's citywide status at each date it has a figure (or, for a
/// qualitative item, a progress record), oldest first, each as the figures
/// stood then: the month-by-month story behind its status now.
pub fn indicator_history(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    indicator: &Indicator,
) -> Vec<(String, Status)> {
    let ctx = StatusContext::new(plan, progress);
    let observations: Vec<&Observation> = progress
        .observations
        .iter()
        .filter(|o| o.indicator == indicator.id && o.district.is_none())
        .collect();
    let records: Vec<&MilestoneRecord> =
        progress.milestones.iter().filter(|m| m.indicator == indicator.id).collect();
    let dates: BTreeSet<&str> = observations
        .iter()
        .map(|o| o.as_of.as_str())
        .chain(records.iter().map(|m| m.as_of.as_str()))
        .collect();
    dates
        .into_iter()
        .map(|date| {
            let seen: Vec<&Observation> =
                observations.iter().copied().filter(|o| o.as_of.as_str() <= date).collect();
            let kept: Vec<&MilestoneRecord> =
                records.iter().copied().filter(|m| m.as_of.as_str() <= date).collect();
            (date.to_owned(), assess(&ctx, indicator, None, None, &seen, &kept).status)
        })
        .collect()
}
