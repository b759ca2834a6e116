//! Progress data checked against the plan it measures.

use std::collections::{HashMap, HashSet};

use super::findings::{Finding, Findings, MAX_PLAUSIBLE_VALUE};
use super::records::{baselines, deadlines, reporting, updates};
use super::values::texts;
use crate::date::is_iso_date;
use crate::messages::Msg;
use crate::plan::{Indicator, Pace, PlanDocument, Target};
use crate::progress::{ProgressDocument, ValueFlag};

/// Checks progress data against the plan it measures. An empty list means it is
/// fit to publish; warnings alone do not stop publishing.
pub fn validate_progress(plan: &PlanDocument, progress: &ProgressDocument) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    let year = u32::from(plan.plan.plan_year);
    let indicators: HashMap<&str, &Indicator> =
        plan.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    let districts: HashSet<&str> = plan.districts.iter().map(|d| d.id.as_str()).collect();

    let release = &progress.release;
    for (path, date) in
        [("release.published", &release.published), ("release.as_of", &release.as_of)]
    {
        f.date(path.to_owned(), date, None);
    }
    for (i, entry) in release.changelog.iter().enumerate() {
        f.date(format!("release.changelog[{i}].date"), &entry.date, None);
    }
    if release.version.trim().is_empty() {
        f.error("empty-version", "release.version".into(), Msg::EmptyVersion, &[]);
    } else if !crate::release::is_valid_version(&release.version) {
        let version = &release.version;
        f.error(
            "bad-version",
            "release.version".into(),
            Msg::BadVersionValue,
            &[("version", version)],
        );
    }
    for (i, entry) in release.changelog.iter().enumerate() {
        if !crate::release::is_valid_version(&entry.version) {
            f.error(
                "bad-version",
                format!("release.changelog[{i}].version"),
                Msg::BadVersionValue,
                &[("version", &entry.version)],
            );
        }
    }
    texts(&mut f, progress);

    let t = &progress.thresholds;
    if !(10.0..=30.0).contains(&t.behind_points) {
        f.error(
            "bad-threshold",
            "thresholds.behind_points".into(),
            Msg::BehindThreshold,
            &[("value", &t.behind_points)],
        );
    }
    if t.seriously_behind_points <= t.behind_points {
        f.error(
            "bad-threshold",
            "thresholds.seriously_behind_points".into(),
            Msg::SeriouslyBehindThreshold,
            &[],
        );
    }
    if !(0.0..=50.0).contains(&t.about_tolerance_percent) {
        f.error(
            "bad-threshold",
            "thresholds.about_tolerance_percent".into(),
            Msg::AboutTolerance,
            &[],
        );
    }
    for (i, m) in progress.schedule.iter().enumerate() {
        f.date(format!("schedule[{i}].as_of"), &m.as_of, Some(year));
        if !(0.0..=100.0).contains(&m.expected_percent) {
            f.error(
                "bad-schedule",
                format!("schedule[{i}].expected_percent"),
                Msg::BadSchedule,
                &[("value", &m.expected_percent)],
            );
        }
    }

    let mut seen = HashSet::new();
    // Per (indicator, district): (date, value, index in observations).
    type Series<'a> = HashMap<(&'a str, Option<&'a str>), Vec<(&'a str, f64, usize)>>;
    let mut series: Series = HashMap::new();
    for (i, o) in progress.observations.iter().enumerate() {
        let path = format!("observations[{i}]");
        let Some(ind) = indicators.get(o.indicator.as_str()) else {
            f.unknown_indicator(format!("{path}.indicator"), &o.indicator);
            continue;
        };
        if let Some(d) = &o.district
            && !districts.contains(d.as_str())
        {
            f.unknown_district(format!("{path}.district"), d);
        }
        f.date(format!("{path}.as_of"), &o.as_of, Some(year));
        if ind.target == Target::Milestone {
            f.error(
                "observation-for-milestone",
                format!("{path}.indicator"),
                Msg::ObservationForMilestone,
                &[("id", &o.indicator)],
            );
        }
        // No figure of this plan comes near a trillion (the largest targets are
        // in 亿元); a value this large is a slip of the keyboard or corrupt data.
        if !o.value.is_finite() || o.value.abs() > MAX_PLAUSIBLE_VALUE {
            f.error(
                "implausible-value",
                format!("{path}.value"),
                Msg::ImplausibleValue,
                &[
                    ("value", &format!("{:e}", o.value)),
                    ("max", &format!("{MAX_PLAUSIBLE_VALUE:e}")),
                ],
            );
        }
        if o.value < 0.0 && ind.pace == Pace::Accumulates {
            f.error(
                "negative-value",
                format!("{path}.value"),
                Msg::NegativeValue,
                &[("value", &o.value)],
            );
        }
        if let Some(unit) = &o.unit
            && unit != &ind.unit.zh
            && unit != &ind.unit.en
        {
            f.error(
                "unit-mismatch",
                format!("{path}.unit"),
                Msg::UnitMismatch,
                &[("unit", &unit), ("expected", &ind.unit.zh)],
            );
        }
        match (o.flag, &o.revision) {
            (Some(ValueFlag::Revised), None) => {
                f.error("revision-missing", format!("{path}.flag"), Msg::RevisionMissing, &[])
            }
            (flag, Some(_)) if flag != Some(ValueFlag::Revised) => f.error(
                "revision-not-revised",
                format!("{path}.revision"),
                Msg::RevisionNotRevised,
                &[],
            ),
            (_, Some(r)) => {
                f.date(format!("{path}.revision.revised_on"), &r.revised_on, None);
                // ISO dates compare as strings.
                if is_iso_date(&r.revised_on) && r.revised_on.as_str() < o.as_of.as_str() {
                    f.error(
                        "revised-before-date",
                        format!("{path}.revision.revised_on"),
                        Msg::RevisedBeforeDate,
                        &[("date", &r.revised_on), ("as_of", &o.as_of)],
                    );
                }
                if !r.replaced.is_finite() || r.replaced.abs() > MAX_PLAUSIBLE_VALUE {
                    f.error(
                        "implausible-value",
                        format!("{path}.revision.replaced"),
                        Msg::ImplausibleValue,
                        &[
                            ("value", &format!("{:e}", r.replaced)),
                            ("max", &format!("{MAX_PLAUSIBLE_VALUE:e}")),
                        ],
                    );
                }
            }
            _ => {}
        }
        if !seen.insert((o.indicator.as_str(), o.district.as_deref(), o.as_of.as_str())) {
            f.error(
                "duplicate-observation",
                path.clone(),
                Msg::DuplicateObservation,
                &[("id", &o.indicator), ("date", &o.as_of)],
            );
        }
        if ind.cumulative || ind.pace == Pace::Accumulates {
            series.entry((o.indicator.as_str(), o.district.as_deref())).or_default().push((
                o.as_of.as_str(),
                o.value,
                i,
            ));
        }
    }
    let mut falling: Vec<(usize, &str, f64, f64)> = Vec::new();
    for points in series.values_mut() {
        points.sort_by(|a, b| a.0.cmp(b.0));
        for pair in points.windows(2) {
            if pair[1].1 < pair[0].1 {
                falling.push((pair[1].2, pair[0].0, pair[0].1, pair[1].1));
            }
        }
    }
    falling.sort_by_key(|x| x.0);
    for (i, earlier, before, now) in falling {
        f.warning(
            "falling-total",
            format!("observations[{i}].value"),
            Msg::FallingTotal,
            &[("before", &before), ("earlier", &earlier), ("now", &now)],
        );
    }

    let mut with_share = HashSet::new();
    for (i, t) in progress.district_targets.iter().enumerate() {
        let path = format!("district_targets[{i}]");
        if !indicators.contains_key(t.indicator.as_str()) {
            f.unknown_indicator(format!("{path}.indicator"), &t.indicator);
        }
        if !districts.contains(t.district.as_str()) {
            f.unknown_district(format!("{path}.district"), &t.district);
        }
        if t.value < 0.0 {
            f.error(
                "negative-value",
                format!("{path}.value"),
                Msg::NegativeDistrictTarget,
                &[("value", &t.value)],
            );
        }
        with_share.insert((t.indicator.as_str(), t.district.as_str()));
    }
    let mut warned = HashSet::new();
    for (i, o) in progress.observations.iter().enumerate() {
        let (Some(ind), Some(d)) = (indicators.get(o.indicator.as_str()), o.district.as_deref())
        else {
            continue;
        };
        if ind.pace == Pace::Accumulates
            && districts.contains(d)
            && !with_share.contains(&(o.indicator.as_str(), d))
            && warned.insert((o.indicator.as_str(), d))
        {
            f.warning(
                "missing-district-target",
                format!("observations[{i}]"),
                Msg::MissingDistrictTarget,
                &[("district", &d), ("id", &o.indicator)],
            );
        }
    }

    for (i, m) in progress.milestones.iter().enumerate() {
        let path = format!("milestones[{i}]");
        match indicators.get(m.indicator.as_str()) {
            None => f.unknown_indicator(format!("{path}.indicator"), &m.indicator),
            Some(ind) if ind.target != Target::Milestone => f.error(
                "milestone-for-quantified",
                format!("{path}.indicator"),
                Msg::MilestoneForQuantified,
                &[("id", &m.indicator)],
            ),
            Some(_) => {}
        }
        f.date(format!("{path}.as_of"), &m.as_of, Some(year));
    }
    baselines(&mut f, plan, progress, &indicators, &districts);
    updates(&mut f, plan, progress);
    reporting(&mut f, plan, progress);
    deadlines(&mut f, plan, progress);
    f.0
}
