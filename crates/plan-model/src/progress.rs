//! Progress data (`progress.json`): observations of indicators over 2026,
//! citywide and by district, district shares of targets, milestone records, and
//! the thresholds the status maths use. The plan publishes none of this; the
//! bundled file is sample data and says so.

use serde::{Deserialize, Serialize};

use crate::messages::{Msg, say};
use crate::text::{Bilingual, Lang};

/// File name of the progress data inside a data folder.
pub const PROGRESS_FILE: &str = "progress.json";

/// Everything measured about the plan's indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgressDocument {
    /// Format version of this file; see `SCHEMA_VERSION`.
    pub schema_version: u32,
    /// The release these figures belong to.
    pub release: Release,
    /// How status bands are drawn.
    pub thresholds: Thresholds,
    /// Expected share of each target by a date (序时进度), when the data sets
    /// quarterly milestones; otherwise the elapsed share of the year is used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<ScheduleMilestone>,
    /// Measured values.
    pub observations: Vec<Observation>,
    /// District shares of a target (分解目标).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub district_targets: Vec<DistrictTarget>,
    /// Progress of qualitative items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<MilestoneRecord>,
    /// Starting levels (基数) of running totals and shares, citywide or by
    /// district, or the statement that none is published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baselines: Vec<BaselineRecord>,
    /// What happened each period (进展 / 问题 / 下一步) on a key task or a
    /// commitment, and a commitment's stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Update>,
    /// Due dates the responsible units set for commitments and milestones in
    /// their work plans; the plan itself sets only its year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<Deadline>,
    /// How often each indicator and commitment reports, and the days of
    /// grace after a period's end before its report is late.
    #[serde(default, skip_serializing_if = "ReportingRules::is_default")]
    pub reporting: ReportingRules,
}

/// Reporting cadences (报送频次): one for indicators, one for commitments,
/// and any item's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportingRules {
    /// How often an indicator reports unless `items` says otherwise.
    #[serde(default = "quarterly")]
    pub indicators: Cadence,
    /// How often a commitment reports unless `items` says otherwise.
    #[serde(default = "quarterly")]
    pub commitments: Cadence,
    /// Days after a period's end by which its report is due (0 to 92).
    #[serde(default = "fifteen")]
    pub grace_days: u16,
    /// Items that report on another cadence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemCadence>,
}

fn quarterly() -> Cadence {
    Cadence::Quarterly
}

fn fifteen() -> u16 {
    15
}

impl Default for ReportingRules {
    fn default() -> Self {
        ReportingRules {
            indicators: quarterly(),
            commitments: quarterly(),
            grace_days: fifteen(),
            items: Vec::new(),
        }
    }
}

impl ReportingRules {
    /// True when nothing differs from the defaults (then it is not written).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// One item's own cadence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemCadence {
    /// Id of the indicator or commitment.
    pub of: String,
    /// How often it reports.
    pub every: Cadence,
}

/// How often something reports, in calendar periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Cadence {
    /// Every month.
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every half year.
    HalfYearly,
    /// Once a year.
    Yearly,
}

/// A dated account of a key task or a commitment (督查: 进展情况 / 存在问题 /
/// 下一步计划), with the documents that bear it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Update {
    /// Id of the key task or the commitment it is about.
    pub of: String,
    /// Date it reports on, `YYYY-MM-DD`.
    pub as_of: String,
    /// A commitment's stage then; required for a commitment, absent for a key
    /// task (whose status comes from its indicators).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// What was done (进展).
    pub progress: Bilingual,
    /// What stands in the way (问题), if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problems: Option<Bilingual>,
    /// What comes next (下一步).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_steps: Option<Bilingual>,
    /// Documents and announcements that bear it out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// How confident the reporting unit is that the subject will be
    /// delivered, and why (dated by this update); a judgement shown beside
    /// the measured progress, never mixed into it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

/// A delivery-confidence rating and the reason for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Confidence {
    /// High, medium or low.
    pub level: ConfidenceLevel,
    /// Why (Chinese required; English may be left empty).
    pub reason: Bilingual,
}

/// Delivery confidence (信心评级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ConfidenceLevel {
    /// On course to be delivered as planned.
    High,
    /// Likely, with risks.
    Medium,
    /// Unlikely without a change.
    Low,
}

/// A document or announcement an update points to. Only an `http(s)` address
/// is ever a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    /// What it is, e.g. the notice's title.
    pub title: Bilingual,
    /// Where it is published, `https://…`.
    pub url: String,
}

/// When a commitment or a milestone is due, as a responsible unit's work plan
/// sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadline {
    /// Id of the commitment or the milestone indicator.
    pub of: String,
    /// A date `YYYY-MM-DD`, or a quarter `YYYY-Qn` (due by its last day).
    pub due: String,
    /// Where the date comes from, e.g. the unit's work plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Bilingual>,
}

/// Where an indicator started (基数): what a running total (累计) or a share
/// stood at before the plan year, with its source. The plan publishes none:
/// a record without `value` says so, and the portal then states what it
/// counted from instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BaselineRecord {
    /// Indicator id.
    pub indicator: String,
    /// District id; absent for the citywide level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The level; absent when no starting level is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The level's unit, only where it is not the indicator's: a share's level
    /// in per cent for a target that raises it by points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Bilingual>,
    /// Date the level refers to, `YYYY-MM-DD` (usually the end of the year
    /// before the plan's); required with a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Where the level was published; required with a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A remark: why there is none, or how the level was measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Bilingual>,
}

/// A published data release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Release {
    /// Version, e.g. `2026.09.0-sample`.
    pub version: String,
    /// Date published, `YYYY-MM-DD`.
    pub published: String,
    /// Date the figures refer to, `YYYY-MM-DD`.
    pub as_of: String,
    /// True when the figures are made up for demonstration (示例数据): every page
    /// that shows them must say so.
    pub sample: bool,
    /// What changed, newest first.
    pub changelog: Vec<ChangelogEntry>,
}

impl Release {
    /// Its line in the releases index.
    pub fn summary(&self) -> crate::release::ReleaseSummary {
        crate::release::ReleaseSummary {
            version: self.version.clone(),
            published: self.published.clone(),
            as_of: self.as_of.clone(),
            sample: self.sample,
        }
    }
}

/// One entry of a release's changelog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangelogEntry {
    /// Release version.
    pub version: String,
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// What changed.
    pub notes: Bilingual,
}

/// Where the status bands lie. They are data, not code, so that the publisher
/// can state (and change, with a changelog entry) what "behind" means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Thresholds {
    /// Completion more than this many points below the expected progress is
    /// "behind" (10 to 30).
    pub behind_points: f64,
    /// More than this many points below is "seriously behind".
    pub seriously_behind_points: f64,
    /// For 左右 (about) and 稳定在 (hold at): how far from the level, in per cent
    /// of the level, still counts as meeting it.
    pub about_tolerance_percent: f64,
}

/// Expected share of every accumulating target by a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScheduleMilestone {
    /// Date, `YYYY-MM-DD`.
    pub as_of: String,
    /// Expected completion by then, in per cent (0–100).
    pub expected_percent: f64,
}

/// One measured value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Observation {
    /// Indicator id.
    pub indicator: String,
    /// District id; absent for the citywide figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Date the value refers to, `YYYY-MM-DD`.
    pub as_of: String,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// Unit as written by the publisher; must match the indicator's when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A remark on this figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Bilingual>,
    /// Where the figure comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How final the figure is, when it is not an ordinary final figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<ValueFlag>,
    /// For a revised figure: the value it replaced, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<Revision>,
}

/// What a reader must know about a figure before relying on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ValueFlag {
    /// First published, to be confirmed (初步数).
    Preliminary,
    /// Replaces a figure published before (修订数); `revision` says which.
    Revised,
    /// Estimated rather than counted (估计数).
    Estimated,
}

impl Observation {
    /// The figure's flag in words, for a table cell or a download: "初步数",
    /// "修订数：原为 220（2026-10-15 修订）"; `None` for a final figure.
    pub fn flag_words(&self, lang: Lang) -> Option<String> {
        Some(match (self.flag?, &self.revision) {
            (ValueFlag::Preliminary, _) => Msg::FlagPreliminary.template(lang).to_owned(),
            (ValueFlag::Estimated, _) => Msg::FlagEstimated.template(lang).to_owned(),
            (ValueFlag::Revised, Some(r)) => {
                let replaced = r.replaced.to_string();
                let values = [
                    ("replaced", &replaced as &dyn std::fmt::Display),
                    ("revised_on", &r.revised_on),
                ];
                say(Msg::FlagRevised, lang, &values)
            }
            (ValueFlag::Revised, None) => Msg::FlagRevisedAlone.template(lang).to_owned(),
        })
    }
}

/// The figure a revised value replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Revision {
    /// The value published before, in the indicator's unit.
    pub replaced: f64,
    /// Date of the revision, `YYYY-MM-DD`.
    pub revised_on: String,
}

/// A district's share of a citywide target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DistrictTarget {
    /// Indicator id.
    pub indicator: String,
    /// District id.
    pub district: String,
    /// The district's target, in the indicator's unit.
    pub value: f64,
}

/// Stage of a qualitative item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Stage {
    /// Not yet begun.
    NotStarted,
    /// Under way, on time.
    InProgress,
    /// Under way, later than planned.
    Delayed,
    /// Begun, but work has stopped.
    Stalled,
    /// Finished.
    Done,
}

/// Progress of a qualitative item at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MilestoneRecord {
    /// Indicator id (a milestone target).
    pub indicator: String,
    /// Date, `YYYY-MM-DD`.
    pub as_of: String,
    /// Stage reached.
    pub stage: Stage,
    /// What happened.
    pub note: Bilingual,
}

impl ProgressDocument {
    /// The figures as they stood on `date` (`YYYY-MM-DD`): observations and
    /// milestone records up to that day, and the release's as-of date moved
    /// back, so status is assessed as a reader would have seen it then.
    pub fn as_of(&self, date: &str) -> ProgressDocument {
        let mut then = self.clone();
        // ISO dates compare correctly as strings.
        then.observations.retain(|o| o.as_of.as_str() <= date);
        then.milestones.retain(|m| m.as_of.as_str() <= date);
        then.updates.retain(|u| u.as_of.as_str() <= date);
        if date < then.release.as_of.as_str() {
            then.release.as_of = date.to_owned();
        }
        then
    }

    /// The starting level recorded for an indicator, citywide (`None`) or for
    /// a district.
    pub fn baseline(&self, indicator: &str, district: Option<&str>) -> Option<&BaselineRecord> {
        self.baselines
            .iter()
            .find(|b| b.indicator == indicator && b.district.as_deref() == district)
    }

    /// Dates that have observations, newest first: the periods a reader can
    /// look back to.
    pub fn periods(&self) -> Vec<String> {
        let mut dates: Vec<String> = self.observations.iter().map(|o| o.as_of.clone()).collect();
        dates.sort_unstable_by(|a, b| b.cmp(a));
        dates.dedup();
        dates
    }
}
