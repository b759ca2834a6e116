//! The plan document (`plan.json`): what the plan says, as data. Progress data
//! lives elsewhere; nothing here is a measured figure.

use serde::{Deserialize, Serialize};

use crate::text::Bilingual;

/// Everything the plan itself states: its identity, goals, indicators, tasks and
/// the units responsible for them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanDocument {
    /// Format version of this file; see `SCHEMA_VERSION`.
    pub schema_version: u32,
    /// Identity of the plan.
    pub plan: PlanInfo,
    /// The six main-goal paragraphs (主要目标), in the plan's order.
    pub goal_areas: Vec<GoalArea>,
    /// Every quantified target and milestone in the plan.
    pub indicators: Vec<Indicator>,
    /// The three groups of key tasks (终端产品再改造 …).
    pub task_groups: Vec<TaskGroup>,
    /// The eight key tasks (重点任务), in the plan's order.
    pub tasks: Vec<Task>,
    /// Every concrete commitment (举措) of the key tasks' texts and of the
    /// safeguards (保障措施), in the plan's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<Commitment>,
    /// Responsible units (责任单位).
    pub departments: Vec<Department>,
    /// Districts and towns (区镇); every task is also carried out by each.
    pub districts: Vec<District>,
}

/// Identity and provenance of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanInfo {
    /// Full title of the plan.
    pub title: Bilingual,
    /// Office that issued it.
    pub issuer: Bilingual,
    /// Document number, e.g. 昆政办发〔2026〕5号.
    pub document_number: String,
    /// Date of issue, `YYYY-MM-DD`.
    pub issue_date: String,
    /// The year the plan covers.
    pub plan_year: u16,
    /// Path (relative to the data folder) of the plan's original text.
    pub original_text: String,
    /// Licence of this data.
    pub licence: Licence,
    /// Where a reader reports a problem or gives feedback on an item (the
    /// 12345 hotline, a mailbox, a form): every indicator, commitment and
    /// district page links to each, naming the item. None: no link.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<FeedbackChannel>,
}

/// A channel for readers' feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FeedbackChannel {
    /// What kind of address `address` is.
    pub kind: ChannelKind,
    /// A phone number (digits, `+`, `-`, spaces), an e-mail address, or an
    /// `http(s)` address where `{subject}` (optional) is replaced by the item
    /// named, percent-encoded.
    pub address: String,
    /// Its name as a reader knows it (12345 政务服务便民热线).
    pub name: Bilingual,
}

/// Kind of feedback channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// A telephone hotline (`tel:`).
    Phone,
    /// A mailbox (`mailto:`, the item as the subject).
    Email,
    /// A web form or message board.
    Web,
}

impl FeedbackChannel {
    /// The link to the channel about `subject` (the item, in words): `tel:`
    /// with the number's digits, `mailto:` with the subject, or the web
    /// address with its `{subject}` filled. `None` for an address that is
    /// not one of its kind (validation refuses it first).
    pub fn href(&self, subject: &str) -> Option<String> {
        let address = self.address.trim();
        match self.kind {
            ChannelKind::Phone => is_phone_number(address).then(|| {
                let dial: String =
                    address.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
                format!("tel:{dial}")
            }),
            ChannelKind::Email => is_email_address(address)
                .then(|| format!("mailto:{address}?subject={}", percent_encode(subject))),
            ChannelKind::Web => {
                let filled = address.replace("{subject}", &percent_encode(subject));
                crate::validate::is_web_address(&filled).then_some(filled)
            }
        }
    }
}

/// Digits (3 to 20), with `+` first if at all, `-` and spaces between.
pub fn is_phone_number(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (3..=20).contains(&digits)
        && text
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '-' || c == ' ' || (c == '+' && i == 0))
}

/// One `@` between a name and a domain with a dot, nothing a `mailto:` link
/// would read as more than an address.
pub fn is_email_address(text: &str) -> bool {
    let Some((name, domain)) = text.split_once('@') else { return false };
    !name.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && text.len() <= 254
        && text.chars().all(|c| c.is_ascii_alphanumeric() || "@.-_+".contains(c))
        && text.matches('@').count() == 1
}

/// Percent-encodes everything but unreserved characters (RFC 3986), as UTF-8.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A licence with a link to its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// Name, e.g. CC BY 4.0.
    pub name: String,
    /// Link to the licence text.
    pub url: String,
    /// What the licence covers and what it does not.
    pub note: Bilingual,
}

/// One of the six main-goal paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GoalArea {
    /// Stable id, used in URLs.
    pub id: String,
    /// The paragraph's heading, e.g. 产业质效彰显新优势.
    pub name: Bilingual,
    /// Short name for charts and menus.
    pub short_name: Bilingual,
    /// Ids of the indicators stated in this paragraph, in the plan's order.
    pub indicators: Vec<String>,
}

/// A target of the plan: what is measured and the level the plan sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id, used in URLs and progress data.
    pub id: String,
    /// What is measured.
    pub name: Bilingual,
    /// Unit of the target and of progress values (empty for milestones).
    pub unit: Bilingual,
    /// The target and how to read it.
    pub target: Target,
    /// Whether the figure builds up over the year or is a rate or level.
    pub pace: Pace,
    /// True when the plan counts a running total (累计) rather than 2026 alone.
    pub cumulative: bool,
    /// The plan's own words for this target, exactly as printed.
    pub source_text: String,
    /// Other sentences of the plan that state the same target again (e.g. in a key task).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restatements: Vec<String>,
}

/// How an indicator's figure moves over the year, which decides what is
/// expected of it by a date (序时进度).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Pace {
    /// A count or amount that builds up (enterprises cultivated, new capacity):
    /// by a date, the elapsed share of the year (or the schedule) is expected.
    Accumulates,
    /// A rate, share or level (growth rate, coverage, intensity): compared with
    /// the target level itself at any date.
    Level,
}

/// The level a target sets, with the meaning the plan's wording gives it. The
/// Chinese word is kept in `source_text`; these variants are what the status
/// maths need to tell apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Target {
    /// 以上 / 不少于, or a bare number: at least `value`.
    AtLeast {
        /// The level.
        value: f64,
    },
    /// 超: more than `value`.
    MoreThan {
        /// The level.
        value: f64,
    },
    /// 达到: reach the level `value` (a size, not a count).
    Reach {
        /// The level.
        value: f64,
    },
    /// 突破: break through the level `value`.
    Exceed {
        /// The level.
        value: f64,
    },
    /// 左右: about `value`.
    About {
        /// The level.
        value: f64,
    },
    /// 稳定在: hold at `value` (pass or fail against the level).
    HoldAt {
        /// The level.
        value: f64,
    },
    /// 保持在…以上: keep at or above `value` (pass or fail against the level).
    KeepAtOrAbove {
        /// The level.
        value: f64,
    },
    /// 下降: reduce by `percent` per cent on the previous year.
    ReduceBy {
        /// The reduction, in per cent.
        percent: f64,
        /// True for 左右 (about).
        approximate: bool,
    },
    /// 提高…个百分点: raise a share by `points` percentage points.
    RaiseByPoints {
        /// The rise, in percentage points.
        points: f64,
    },
    /// 推动…研制和建设 and the like: a qualitative milestone with no number.
    Milestone,
}

impl Target {
    /// The number the target names, if it names one.
    pub fn level(&self) -> Option<f64> {
        match *self {
            Target::AtLeast { value }
            | Target::MoreThan { value }
            | Target::Reach { value }
            | Target::Exceed { value }
            | Target::About { value }
            | Target::HoldAt { value }
            | Target::KeepAtOrAbove { value } => Some(value),
            Target::ReduceBy { percent, .. } => Some(percent),
            Target::RaiseByPoints { points } => Some(points),
            Target::Milestone => None,
        }
    }

    /// True for targets with a number to measure against.
    pub fn is_quantified(&self) -> bool {
        self.level().is_some()
    }
}

/// A group of key tasks (一、二、三 under 重点任务).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaskGroup {
    /// Stable id.
    pub id: String,
    /// Name, e.g. 终端产品再改造.
    pub name: Bilingual,
    /// Ids of its tasks, in the plan's order.
    pub tasks: Vec<String>,
}

/// One of the eight key tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Stable id.
    pub id: String,
    /// Its number in the plan (1–8).
    pub number: u8,
    /// Name, e.g. AI+核心产业深化工程.
    pub name: Bilingual,
    /// What the task sets out to do.
    pub description: Bilingual,
    /// Responsible units in the plan's order; the first leads.
    pub responsible: Vec<String>,
    /// Indicators whose targets this task carries.
    pub indicators: Vec<String>,
}

/// A concrete commitment (举措) of the plan beyond its numbers: a centre to
/// build, a programme to run, a mechanism, a standard, a pilot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Stable id, used in URLs and progress data; distinct from every task
    /// and indicator id, since updates name either.
    pub id: String,
    /// The key task whose text states it; absent for the safeguards (保障措施).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// A short name.
    pub name: Bilingual,
    /// What kind of commitment it is.
    pub kind: CommitmentKind,
    /// The plan's own words for it, exactly as printed.
    pub source_text: String,
    /// Responsible units, lead first: its task's (责任单位); empty where the
    /// plan names none (the safeguards).
    pub responsible: Vec<String>,
    /// The district the plan names for it, where it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
}

/// What a commitment sets out to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    /// 建设 / 搭建 / 打造: a centre, platform or facility to build.
    Build,
    /// 实施 / 开展 / 推进: a programme or action to run.
    Programme,
    /// 支持 / 鼓励: support for firms, universities or parks.
    Support,
    /// 机制: a way of working, a mechanism or working group.
    Mechanism,
    /// 政策 / 改革: a policy or reform.
    Policy,
    /// 标准: a standard to write.
    Standard,
    /// 试点: a pilot in a named place.
    Pilot,
}

impl CommitmentKind {
    /// Every kind, in the order pages list them.
    pub const ALL: [CommitmentKind; 7] = [
        CommitmentKind::Build,
        CommitmentKind::Programme,
        CommitmentKind::Support,
        CommitmentKind::Mechanism,
        CommitmentKind::Policy,
        CommitmentKind::Standard,
        CommitmentKind::Pilot,
    ];
}

/// A responsible unit (责任单位).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Stable id.
    pub id: String,
    /// Full name.
    pub name: Bilingual,
    /// The short name the plan uses, e.g. 市工信局.
    pub short_name: Bilingual,
}

/// A district (区) or town (镇).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct District {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Bilingual,
    /// Development zone or town.
    pub kind: DistrictKind,
    /// Its cell on the tile map of the districts, placed as it lies; absent:
    /// the map leaves it out and says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tile: Option<Tile>,
}

/// A district's cell on the tile map: one cell each, no boundaries. Rows run
/// north to south and columns west to east; odd rows sit half a cell east
/// (HexJSON's `odd-r` layout), so the cells fit together as hexagons would.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tile {
    /// Column, from 0 at the west (HexJSON `q`).
    pub column: u32,
    /// Row, from 0 at the north (HexJSON `r`).
    pub row: u32,
    /// The short name written in the cell (张浦 / Zhangpu).
    pub label: Bilingual,
}

/// The largest column or row a tile may have: a map a phone can show.
pub const TILE_GRID_MAX: u32 = 11;

/// Kind of district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DistrictKind {
    /// 开发区 / 高新区 / 经济开发区.
    DevelopmentZone,
    /// 镇.
    Town,
}

impl PlanDocument {
    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The indicators a goal-area and a key-task choice leave (either may be
    /// absent, or an id the plan lacks: then it narrows nothing), in the plan's order.
    pub fn indicators_in(&self, goal: Option<&str>, task: Option<&str>) -> Vec<String> {
        let goal = goal.and_then(|g| self.goal_areas.iter().find(|a| a.id == g));
        let task = task.and_then(|t| self.tasks.iter().find(|x| x.id == t));
        self.indicators
            .iter()
            .map(|i| &i.id)
            .filter(|id| goal.is_none_or(|g| g.indicators.contains(id)))
            .filter(|id| task.is_none_or(|t| t.indicators.contains(id)))
            .cloned()
            .collect()
    }

    /// The commitment with this id.
    pub fn commitment(&self, id: &str) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.id == id)
    }

    /// The commitments a key task's text states, in the plan's order.
    pub fn commitments_of_task<'a>(
        &'a self,
        task: &'a str,
    ) -> impl Iterator<Item = &'a Commitment> {
        self.commitments.iter().filter(move |c| c.task.as_deref() == Some(task))
    }

    /// The indicators of a goal area that resolve to known ids, in order.
    pub fn goal_area_indicators<'a>(
        &'a self,
        area: &'a GoalArea,
    ) -> impl Iterator<Item = &'a Indicator> + 'a {
        area.indicators.iter().filter_map(|id| self.indicator(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(kind: ChannelKind, address: &str) -> FeedbackChannel {
        FeedbackChannel {
            kind,
            address: address.into(),
            name: Bilingual { zh: String::new(), en: String::new() },
        }
    }

    /// Each kind links as its scheme reads it, with the item named where the
    /// scheme can carry it; anything else gives no link.
    #[test]
    fn a_channel_links_to_itself_naming_the_item() {
        let subject = "指标“专利” & more";
        let encoded = "%E6%8C%87%E6%A0%87%E2%80%9C%E4%B8%93%E5%88%A9%E2%80%9D%20%26%20more";
        assert_eq!(
            channel(ChannelKind::Phone, "0512-12345").href(subject).unwrap(),
            "tel:051212345"
        );
        assert_eq!(
            channel(ChannelKind::Email, "xf@example.gov.cn").href(subject).unwrap(),
            format!("mailto:xf@example.gov.cn?subject={encoded}")
        );
        assert_eq!(
            channel(ChannelKind::Web, "https://example.org/f?s={subject}").href(subject).unwrap(),
            format!("https://example.org/f?s={encoded}")
        );
        for (kind, bad) in [
            (ChannelKind::Phone, "12345; x"),
            (ChannelKind::Phone, "12"),
            (ChannelKind::Email, "a@b.cn?cc=c@d.cn"),
            (ChannelKind::Email, "nobody"),
            (ChannelKind::Web, "javascript:alert(1)"),
            (ChannelKind::Web, "/relative"),
        ] {
            assert_eq!(channel(kind, bad).href(subject), None, "{bad}");
        }
    }
}
