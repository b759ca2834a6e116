//! Progress data (`progress.json`): observations of indicators over 2026,
//! citywide and by district, district shares of targets, milestone records, and
//! the thresholds the status maths use. The plan publishes none of this; the
//! bundled file is sample data and says so.

use serde::{Deserialize, Serialize};

use crate::text::Bilingual;

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
        if date < then.release.as_of.as_str() {
            then.release.as_of = date.to_owned();
        }
        then
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
