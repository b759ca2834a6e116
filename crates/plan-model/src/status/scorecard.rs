//! Assessments summed up (`RollUp`) and every assessment of a release in
//! one place (`Scorecard`): citywide and for each district.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::assess::{Assessment, assess};
use super::band::{Status, StatusContext};
use crate::plan::PlanDocument;
use crate::progress::{MilestoneRecord, Observation, ProgressDocument};

/// Several assessments summed up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollUp {
    /// How many assessments have each status.
    pub counts: BTreeMap<Status, usize>,
    /// Overall band, from the mean gap of the measured items.
    pub status: Status,
    /// Mean completion of the measured quantified items, each capped at 100.
    pub mean_completion_percent: Option<f64>,
    /// Mean expected progress of the same items.
    pub mean_expected_percent: Option<f64>,
}

/// Sums up assessments: all met gives "achieved"; otherwise the mean shortfall
/// of the measured items (points behind expected progress, where being ahead
/// counts as zero, so one item far ahead cannot hide another far behind) is
/// banded like a single indicator's. A qualitative item that is behind weighs
/// in at the "seriously behind" threshold.
pub fn roll_up<'a>(
    ctx: &StatusContext<'_>,
    items: impl IntoIterator<Item = &'a Assessment>,
) -> RollUp {
    let mut counts = BTreeMap::new();
    let (mut done_sum, mut expected_sum, mut quantified) = (0.0, 0.0, 0usize);
    let (mut measured, mut achieved, mut shortfall) = (0usize, 0usize, 0.0);
    for a in items {
        *counts.entry(a.status).or_insert(0) += 1;
        if !a.status.is_measured() {
            continue;
        }
        measured += 1;
        if a.status == Status::Achieved {
            achieved += 1;
        }
        match (a.completion_percent, a.expected_percent) {
            (Some(done), Some(expected)) => {
                let done = done.min(100.0);
                done_sum += done;
                expected_sum += expected;
                quantified += 1;
                if a.status != Status::Achieved {
                    shortfall += (expected - done).max(0.0);
                }
            }
            _ if a.status == Status::Behind => shortfall += ctx.thresholds.seriously_behind_points,
            _ => {}
        }
    }
    let mean = |sum: f64| if quantified == 0 { None } else { Some(sum / quantified as f64) };
    let status = if measured == 0 {
        Status::NoData
    } else if achieved == measured {
        Status::Achieved
    } else {
        ctx.band(shortfall / measured as f64)
    };
    RollUp {
        counts,
        status,
        mean_completion_percent: mean(done_sum),
        mean_expected_percent: mean(expected_sum),
    }
}

/// Every assessment of a release: citywide and per district, indexed.
#[derive(Debug, Clone)]
pub struct Scorecard {
    /// Citywide assessment per indicator id.
    pub city: BTreeMap<String, Assessment>,
    /// Per district id, then indicator id, for every indicator with district
    /// figures (nested, so a lookup by two `&str` allocates nothing).
    districts: BTreeMap<String, BTreeMap<String, Assessment>>,
    /// The indicators with figures in at least one district.
    with_district_figures: BTreeSet<String>,
}

impl Scorecard {
    /// Assesses every indicator of the plan, citywide and in each district.
    pub fn compute(plan: &PlanDocument, progress: &ProgressDocument) -> Self {
        let ctx = StatusContext::new(plan, progress);
        let mut by_key: BTreeMap<(&str, Option<&str>), Vec<&Observation>> = BTreeMap::new();
        for o in &progress.observations {
            by_key.entry((o.indicator.as_str(), o.district.as_deref())).or_default().push(o);
        }
        // Indexed once: looking them up per indicator and district was
        // quadratic (400 ms natively at 100x the bundled data, now linear).
        let mut records_of: BTreeMap<&str, Vec<&MilestoneRecord>> = BTreeMap::new();
        for m in &progress.milestones {
            records_of.entry(m.indicator.as_str()).or_default().push(m);
        }
        let mut share_of: BTreeMap<(&str, &str), f64> = BTreeMap::new();
        for t in &progress.district_targets {
            // The first one counts, as before (validation reports duplicates).
            share_of.entry((t.indicator.as_str(), t.district.as_str())).or_insert(t.value);
        }
        let mut city = BTreeMap::new();
        let mut districts: BTreeMap<String, BTreeMap<String, Assessment>> = BTreeMap::new();
        let mut with_district_figures = BTreeSet::new();
        for ind in &plan.indicators {
            let records = records_of.get(ind.id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
            let obs = by_key.get(&(ind.id.as_str(), None)).map(Vec::as_slice).unwrap_or(&[]);
            city.insert(ind.id.clone(), assess(&ctx, ind, None, None, obs, records));
            for d in &plan.districts {
                let Some(obs) = by_key.get(&(ind.id.as_str(), Some(d.id.as_str()))) else {
                    continue;
                };
                let share = share_of.get(&(ind.id.as_str(), d.id.as_str())).copied();
                districts
                    .entry(d.id.clone())
                    .or_default()
                    .insert(ind.id.clone(), assess(&ctx, ind, Some(&d.id), share, obs, &[]));
                with_district_figures.insert(ind.id.clone());
            }
        }
        Self { city, districts, with_district_figures }
    }

    /// How many of the plan's indicators have each status, citywide, best
    /// first (an indicator without an assessment counts as no data).
    pub fn city_status_counts(&self, plan: &PlanDocument) -> Vec<(Status, usize)> {
        Status::ALL
            .into_iter()
            .map(|status| {
                let n = plan
                    .indicators
                    .iter()
                    .filter(|i| self.city.get(&i.id).map_or(Status::NoData, |a| a.status) == status)
                    .count();
                (status, n)
            })
            .collect()
    }

    /// Citywide assessments of the given indicator ids (unknown ids skipped).
    pub fn city_of<'a>(&'a self, ids: &'a [String]) -> impl Iterator<Item = &'a Assessment> + 'a {
        ids.iter().filter_map(|id| self.city.get(id))
    }

    /// Every assessment of one district, by indicator id.
    pub fn district<'a>(&'a self, district: &str) -> impl Iterator<Item = &'a Assessment> + 'a {
        self.districts.get(district).into_iter().flat_map(BTreeMap::values)
    }

    /// One indicator in one district, if the district has figures for it.
    pub fn in_district(&self, district: &str, indicator: &str) -> Option<&Assessment> {
        self.districts.get(district)?.get(indicator)
    }

    /// Whether any district has figures for the indicator.
    pub fn has_district_figures(&self, indicator: &str) -> bool {
        self.with_district_figures.contains(indicator)
    }

    /// Every district assessment, district by district.
    pub fn all_districts(&self) -> impl Iterator<Item = &Assessment> {
        self.districts.values().flat_map(BTreeMap::values)
    }
}

/// Indicators carried by the tasks a department leads or supports, without repeats.
pub fn department_indicators(plan: &PlanDocument, department: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for task in plan.tasks.iter().filter(|t| t.responsible.iter().any(|r| r == department)) {
        for id in &task.indicators {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    ids
}
