//! How the Rust layers say a thing in Chinese and English: a table of
//! sentences ([`bilingual_table!`]), each with `{name}` places that [`say`]
//! fills with values, so each language orders a sentence its own way. This
//! crate's table, [`Msg`], holds what the model says: data findings, load
//! errors, statuses and why, release changes. Publishing has its own table
//! (`plan_publish::messages`), the staff tool and the studio theirs; the same
//! [`say`] fills each. (The web app's words are in `locales/*.json`, with the
//! same places.)

use std::fmt::Display;

use crate::text::{Bilingual, Lang, fill};

/// A table of sentences in Chinese and English: an enum of keys, each with
/// its two texts (`{name}` places for [`crate::text::fill`]). Each layer
/// keeps its own table, so that the public site's wasm never carries the
/// staff tools' words.
#[macro_export]
macro_rules! bilingual_table {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $( $(#[$doc:meta])* $key:ident: $zh:literal, $en:literal; )*
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[$doc])* $key, )*
        }

        impl $name {
            /// Every entry, in the table's order.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// The text with its `{name}` places, in a language.
            pub fn template(self, lang: $crate::Lang) -> &'static str {
                match (self, lang) {
                    $( ($name::$key, $crate::Lang::Zh) => $zh, ($name::$key, $crate::Lang::En) => $en, )*
                }
            }
        }

        impl $crate::messages::Sentence for $name {
            fn template(self, lang: $crate::Lang) -> &'static str {
                $name::template(self, lang)
            }

            fn all() -> &'static [Self] {
                $name::ALL
            }
        }
    };
}

/// A key of a [`bilingual_table!`]: a sentence in each language.
pub trait Sentence: Copy + PartialEq + std::fmt::Debug + 'static {
    /// The text with its `{name}` places, in a language.
    fn template(self, lang: Lang) -> &'static str;
    /// Every key of the table.
    fn all() -> &'static [Self];
}

/// The `{name}` places of a text, sorted, each once.
pub fn places(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The sentences of a table whose two languages have different places (a
/// place missing in one language drops a value from it without a word),
/// but for the `(sentence, place)` pairs one language has on purpose: for
/// each table's own test.
pub fn unequal_places<S: Sentence>(one_language: &[(S, &str)]) -> Vec<String> {
    S::all()
        .iter()
        .filter_map(|&sentence| {
            let keep = |name: &&str| !one_language.contains(&(sentence, *name));
            let zh: Vec<&str> =
                places(sentence.template(Lang::Zh)).into_iter().filter(keep).collect();
            let en: Vec<&str> =
                places(sentence.template(Lang::En)).into_iter().filter(keep).collect();
            (zh != en).then(|| format!("{sentence:?}: {zh:?} / {en:?}"))
        })
        .collect()
}

/// A value for a `{name}` place.
pub type Value<'a> = (&'a str, &'a dyn Display);

/// A sentence of any table in a language, its places filled.
pub fn say(msg: impl Sentence, lang: Lang, values: &[Value<'_>]) -> String {
    fill(msg.template(lang), values)
}

/// A sentence in both languages, with the same values.
pub fn say_both(msg: impl Sentence, values: &[Value<'_>]) -> Bilingual {
    in_each_language(|lang| say(msg, lang, values))
}

/// A text made in each language, for messages whose values differ by
/// language too (a unit, a note, a list joined as each language writes it).
pub fn in_each_language(make: impl Fn(Lang) -> String) -> Bilingual {
    Bilingual { zh: make(Lang::Zh), en: make(Lang::En) }
}

bilingual_table! {
/// A message of the model or the staff tool.
pub enum Msg {
    // Findings: what is wrong in a data file and how to fix it.
    /// An indicator id that the plan does not have.
    UnknownIndicator:
        "未知的指标 id“{id}”：请使用 plan.json 中的指标 id",
        "unknown indicator id '{id}': use an indicator id from plan.json";
    /// A district id that the plan does not have.
    UnknownDistrict:
        "未知的区镇 id“{id}”：请使用 plan.json 中的区镇 id",
        "unknown district id '{id}': use a district id from plan.json";
    /// A date not written YYYY-MM-DD.
    BadDate: "日期“{date}”格式不对：请写成 YYYY-MM-DD", "date '{date}' is not in the form YYYY-MM-DD";
    /// A date outside the plan year.
    DateOutsidePlanYear: "日期“{date}”不在方案年度 {year} 年内", "date '{date}' is outside the plan year {year}";
    /// An empty id.
    EmptyId: "id 为空：请填写唯一的 id", "empty id: give it a unique id";
    /// An id that cannot be a path or URL segment.
    BadId:
        "id“{id}”不可用：只能用小写字母、数字和单个连字符（如 ai-enterprises），不超过 64 个字符，因为它是网页地址的一部分",
        "id '{id}' cannot be used: lower-case letters, digits and single hyphens only (e.g. ai-enterprises), at most 64 characters, because it is part of a page's address";
    /// A text with a character that XML and HTML forbid.
    ForbiddenCharacter:
        "文字中有不允许的字符 {code}（控制字符或非字符）：请删除它",
        "the text has a character that is not allowed ({code}, a control character or non-character): delete it";
    /// A text longer than any the site shows.
    TextTooLong:
        "文字太长：{count} 个字符，最多 {max} 个",
        "the text is too long: {count} characters, at most {max}";
    /// A manifest entry that is not a plain file name.
    BadFileName:
        "文件名“{name}”不可用：只能是数据文件夹中的普通文件名（字母、数字、点、连字符、下划线）",
        "file name '{name}' cannot be used: only a plain file name of the data folder (letters, digits, '.', '-', '_')";
    /// A manifest entry whose hash is not SHA-256 hex.
    BadHash:
        "“{hash}”不是 SHA-256（64 位小写十六进制）",
        "'{hash}' is not a SHA-256 (64 lower-case hex digits)";
    /// An id used twice in one list.
    DuplicateId:
        "id“{id}”重复：{list} 中每个 id 只能出现一次",
        "duplicate id '{id}': each id may appear only once in {list}";
    /// Kinds of thing a reference names: an indicator.
    KindIndicator: "指标", "indicator";
    /// A responsible unit.
    KindDepartment: "责任单位", "department";
    /// A key task.
    KindTask: "任务", "task";
    /// A reference to an id of a kind that is not defined (`kind`: one of the above).
    UnknownReference: "未知的{kind} id“{id}”：请使用已定义的 id", "unknown {kind} id '{id}': use an id that is defined";
    /// A task without responsible units.
    NoResponsibleUnit:
        "任务没有责任单位：请按方案顺序列出，牵头单位在前",
        "task has no responsible unit: list them in the plan's order, lead first";
    /// An indicator no goal area or task carries.
    OrphanIndicator: "指标“{id}”不属于任何主要目标或重点任务", "indicator '{id}' belongs to no goal area and no key task";
    /// An indicator without the plan's own words.
    MissingSourceText: "缺少方案原文：请照录方案中该目标的原句", "missing source text: copy the plan's sentence for this target";
    /// A negative or impossible target level.
    BadTarget: "目标值 {level} 无效：应为非负数", "target level {level} is invalid: it must be a non-negative number";
    /// A quantified target without a unit.
    MissingUnit: "量化目标缺少单位", "a quantified target has no unit";
    /// A tile beyond the map's grid.
    TileOutsideMap: "地图格子超出范围：列和行应为 0 到 {max}", "the map cell is off the map: column and row must be 0 to {max}";
    /// A tile without its short name in each language.
    MissingTileLabel: "地图格子缺少简称：请填写中文和英文简称", "the map cell has no short name: give one in Chinese and in English";
    /// Two districts on one cell.
    TileTaken: "地图第 {row} 行第 {column} 列已是“{other}”的格子：每个区镇一格", "the map cell at row {row}, column {column} is already {other}'s: one cell per district";
    /// A feedback channel whose address is not one of its kind.
    BadFeedbackAddress: "反馈渠道地址“{address}”无效：电话只含数字、+、-，邮箱形如 name@example.gov.cn，网址以 http(s):// 开头", "feedback address '{address}' is not valid: a phone number has only digits, + and -, a mailbox looks like name@example.gov.cn, a web address starts with http(s)://";
    /// A district left off a map the others are on.
    NoTile: "区镇“{id}”没有地图格子：地图将不显示它", "district '{id}' has no map cell: the map will leave it out";
    /// A release without a version.
    EmptyVersion: "版本号为空", "the release has no version";
    /// A version in the data that cannot be a folder name.
    BadVersionValue:
        "版本号“{version}”不可用：应以字母或数字开头，只含字母、数字、点、连字符和下划线，不以 .json 结尾，不超过 64 个字符，如 2026.12.0",
        "version '{version}' cannot be used: it must start with a letter or digit, hold only letters, digits, '.', '-' and '_', not end in .json, and be at most 64 characters, e.g. 2026.12.0";
    /// The 'behind' threshold out of its range.
    BehindThreshold:
        "“滞后”阈值 {value} 应在 10 到 30 个百分点之间",
        "the 'behind' threshold {value} must be between 10 and 30 points";
    /// The 'seriously behind' threshold not above the 'behind' one.
    SeriouslyBehindThreshold:
        "“严重滞后”阈值应大于“滞后”阈值",
        "the 'seriously behind' threshold must be above the 'behind' threshold";
    /// The tolerance of 'about' out of its range.
    AboutTolerance: "“左右”容差应在 0 到 50% 之间", "the tolerance for 'about' must be between 0 and 50%";
    /// An expected-progress milestone outside 0–100 %.
    BadSchedule: "序时进度 {value}% 应在 0 到 100 之间", "expected progress {value}% must be between 0 and 100";
    /// A number recorded for a qualitative item.
    ObservationForMilestone:
        "指标“{id}”是定性任务，进展应写在 milestones 中",
        "'{id}' is a qualitative item: record its progress under milestones";
    /// A value too large to be real.
    ImplausibleValue:
        "数值 {value} 大得不合理（绝对值超过 {max}）：请检查单位和位数",
        "value {value} is implausibly large (over {max}): check the unit and the digits";
    /// A negative value of a running total.
    NegativeValue: "数值 {value} 为负数：累计类指标不能为负", "value {value} is negative: a running total cannot be";
    /// A value in another unit than the indicator's.
    UnitMismatch:
        "单位“{unit}”与指标单位“{expected}”不一致：请换算为“{expected}”",
        "unit '{unit}' differs from the indicator's unit '{expected}': convert to '{expected}'";
    /// Two values for one indicator, place and date.
    DuplicateObservation:
        "指标“{id}”在 {date} 已有同一地区的数值：每个日期只能有一个",
        "'{id}' already has a value for this place on {date}: one per date";
    /// A running total that falls.
    FallingTotal:
        "累计数从 {before}（{earlier}）降到 {now}：请确认是否填错",
        "a running total falls from {before} ({earlier}) to {now}: check the figure";
    /// A negative share of a target.
    NegativeDistrictTarget: "分解目标 {value} 为负数", "district target {value} is negative";
    /// District values without the district's share of the target.
    MissingDistrictTarget:
        "区镇“{district}”有指标“{id}”的数值，但没有分解目标：其完成度将显示为无法量化",
        "district '{district}' has values for '{id}' but no share of the target: its completion will show as not measurable";
    /// A figure flagged revised without the figure it replaced.
    RevisionMissing:
        "标为修订数（revised）的数值须写明原值和修订日期（revision.replaced、revision.revised_on）",
        "a figure flagged revised needs the value it replaced and the date (revision.replaced, revision.revised_on)";
    /// The figure a revision replaced, on a figure not flagged revised.
    RevisionNotRevised:
        "填写了修订信息（revision），但 flag 不是 revised：请将 flag 设为 revised，或删除 revision",
        "revision is given but flag is not revised: set flag to revised, or remove revision";
    /// A revision dated before the date of the figure.
    RevisedBeforeDate:
        "修订日期 {date} 早于数值所属日期 {as_of}",
        "the revision date {date} is before the figure's date {as_of}";
    /// Two starting levels for one indicator and place.
    DuplicateBaseline:
        "指标“{id}”在此地区已有起点：每个地区只能有一个",
        "'{id}' already has a starting level for this place: one per place";
    /// A starting level without its date or source.
    IncompleteBaseline:
        "起点缺少 {field}：有数值的起点须同时写明日期（as_of）和来源（source）",
        "the starting level has no {field}: a starting level needs its date (as_of) and source";
    /// A starting level dated after the figures it starts.
    BaselineAfterFigures:
        "起点日期 {date} 晚于本次数据的截止日期 {as_of}",
        "the starting level's date {date} is after the figures' date {as_of}";
    /// A running total's starting level in another unit.
    BaselineUnit:
        "累计类指标的起点须使用指标单位“{unit}”：请删除 unit 并换算",
        "a running total's starting level must be in the indicator's unit '{unit}': remove unit and convert";
    /// A starting level that already meets the target.
    BaselineMeetsTarget:
        "起点 {value} 已达到目标 {target}：请确认数值",
        "the starting level {value} already meets the target {target}: check the figure";
    /// A running total or share without a starting level.
    MissingBaseline:
        "指标“{id}”没有起点记录：请填写其 2025 年底的数值及来源，或注明未公布（只写 indicator）",
        "'{id}' has no starting level: give its level at the end of 2025 with the source, or record that none is published (indicator alone)";
    /// A milestone record for a quantified indicator.
    MilestoneForQuantified:
        "指标“{id}”有量化目标，请在 observations 中填写数值",
        "'{id}' has a quantified target: record values under observations";

    // Load errors: a file that cannot be read as the data it should be.
    /// Not well-formed JSON.
    NotJson:
        "{file}：第 {line} 行第 {column} 列：不是有效的 JSON（{detail}）",
        "{file}: line {line}, column {column}: not valid JSON: {detail}";
    /// A field missing, unknown or of the wrong type (`detail` in the message's language).
    BadField: "{file}：第 {line} 行第 {column} 列，字段 {path}：{detail}", "{file}: line {line}, column {column}, at {path}: {detail}";
    /// A format version this build cannot read.
    WrongSchemaVersion:
        "{file}：数据格式版本为 {found}，本站只能读取版本 {expected}",
        "{file}: schema_version is {found}, this portal reads version {expected}";
    /// No format version.
    MissingSchemaVersion:
        "{file}：缺少 schema_version（数据格式版本），本站读取版本 {expected}",
        "{file}: schema_version is missing, this portal reads version {expected}";

    // Statuses, in words.
    /// The target is met.
    StatusAchieved: "已完成", "Achieved";
    /// Completion at or ahead of the expected progress, or behind by less than the band.
    StatusOnSchedule: "进度正常", "On schedule";
    /// Behind the expected progress.
    StatusBehind: "进度滞后", "Behind";
    /// Far behind the expected progress.
    StatusSeriouslyBehind: "严重滞后", "Seriously behind";
    /// No figure yet.
    StatusNoData: "暂无数据", "No data";
    /// A figure, but no way to measure completion.
    StatusNotMeasurable: "无法量化", "Not measurable";

    // Why an indicator has its status (`unit`, `note`: in the message's language).
    /// No figure yet.
    ExplainNoData: "暂无数据。", "No figure published yet.";
    /// A district figure without the district's share of the target.
    ExplainNoDistrictShare:
        "截至 {as_of}，数值 {value}{unit}；该区镇没有分解目标，无法计算完成度。",
        "As of {as_of}: {value} {unit}; this district has no share of the target, so completion cannot be computed.";
    /// The figures: value, target, completion (one of the endings below follows).
    ExplainHead:
        "截至 {as_of}，数值 {value}{unit}，目标 {target}{unit}，完成 {done}%",
        "As of {as_of}: {value} {unit} against a target of {target} {unit}, {done}% done";
    /// Ending: the target is met.
    ExplainTargetMet: "，已达到目标。", ", target met.";
    /// Ending: a level to be held is not held.
    ExplainBelowHeld: "，未达到应保持的水平。", ", below the level to be held.";
    /// Ending: a level indicator short of its level.
    ExplainLevelShort:
        "；此类指标按目标水平衡量，差 {gap} 个百分点。",
        "; this kind of indicator is measured against the level itself, {gap} points short.";
    /// Ending: behind the expected progress.
    ExplainBehindSchedule:
        "；按序时进度应完成 {expected}%，落后 {gap} 个百分点。",
        "; {expected}% was expected by this date, {gap} points behind.";
    /// Ending: ahead of the expected progress.
    ExplainAheadOfSchedule:
        "；按序时进度应完成 {expected}%，领先 {gap} 个百分点。",
        "; {expected}% was expected by this date, {gap} points ahead.";
    /// Ending: nothing more to say.
    ExplainEnd: "。", ".";
    /// After the figures: what a running total is counted from (published).
    ExplainStart:
        "完成度自起点 {value}{unit}（{as_of}）起算。",
        " Counted from the starting level of {value} {unit} on {as_of}.";
    /// After the figures: no starting level is published; the first figure stands in.
    ExplainStartAssumed:
        "未公布起点，完成度自本年首个数值 {value}{unit}（{as_of}）起算。",
        " No starting level is published: counted from the year's first figure, {value} {unit} on {as_of}.";
    /// A qualitative item without a progress record.
    ExplainNoMilestoneRecord: "定性任务，尚无进展记录。", "A qualitative item with no progress record yet.";
    /// A qualitative item's latest record.
    ExplainMilestone: "截至 {as_of}：{stage}。{note}", "As of {as_of}: {stage}. {note}";
    /// After the figures: the latest figure is preliminary.
    ExplainPreliminary: "该数值为初步数，可能修订。", " This figure is preliminary and may be revised.";
    /// After the figures: the latest figure is an estimate.
    ExplainEstimated: "该数值为估计数。", " This figure is an estimate.";
    /// After the figures: the latest figure replaced another.
    ExplainRevised:
        "该数值为修订数，原为 {replaced}{unit}（{revised_on} 修订）。",
        " This figure is revised: it replaced {replaced} {unit} on {revised_on}.";
    /// A figure's flag, in a table or a download: preliminary.
    FlagPreliminary: "初步数", "preliminary";
    /// A figure's flag: an estimate.
    FlagEstimated: "估计数", "estimated";
    /// A figure's flag: revised, with what it replaced.
    FlagRevised: "修订数：原为 {replaced}（{revised_on} 修订）", "revised: was {replaced} (revised {revised_on})";
    /// A figure's flag: revised, the replaced figure not given.
    FlagRevisedAlone: "修订数", "revised";
    /// What a target still needs per month.
    PaceNeeded:
        "距目标还差 {remaining}{unit}，年内还剩 {months} 个月，需每月 {needed}{unit}",
        "{remaining} {unit} to go with {months} months left: {needed} {unit} a month needed";
    /// The recent pace reaches the target.
    PaceOnCourse:
        "；{since} 以来每月 {recent}{unit}，照此速度可以完成。",
        "; since {since}, {recent} {unit} a month, which would reach the target.";
    /// The recent pace falls short.
    PaceOffCourse:
        "；{since} 以来每月 {recent}{unit}，照此速度难以完成。",
        "; since {since}, {recent} {unit} a month, which would fall short.";
    /// Stage of a qualitative item: not started.
    StageNotStarted: "尚未启动", "not started";
    /// Stage: in progress.
    StageInProgress: "推进中", "in progress";
    /// Stage: delayed.
    StageDelayed: "推进滞后", "delayed";
    /// Stage: done.
    StageDone: "已完成", "done";
    /// Stage: begun, then stopped.
    StageStalled: "停滞", "stalled";
    /// Cadence: monthly.
    CadenceMonthly: "每月", "monthly";
    /// Cadence: quarterly.
    CadenceQuarterly: "每季度", "quarterly";
    /// Cadence: half-yearly.
    CadenceHalfYearly: "每半年", "half-yearly";
    /// Cadence: yearly.
    CadenceYearly: "每年", "yearly";
    /// A cadence for an item that is neither an indicator nor a commitment.
    UnknownCadenceItem: "报送频次中的“{id}”不是指标或举措", "'{id}' in the reporting cadences is not an indicator or a commitment";
    /// Two cadences for one item.
    DuplicateCadence: "“{id}”的报送频次写了两次", "'{id}' has two reporting cadences";
    /// Grace days out of range.
    BadGraceDays: "宽限天数 {days} 无效：应为 0 到 92", "grace of {days} days is not valid: it must be 0 to 92";
    /// Confidence: high.
    ConfidenceHigh: "高", "high";
    /// Confidence: medium.
    ConfidenceMedium: "中", "medium";
    /// Confidence: low.
    ConfidenceLow: "低", "low";
    /// A confidence rating without its reason.
    ConfidenceWithoutReason: "信心评级缺少理由：请写明为什么是这个评级", "the confidence rating has no reason: say why it is rated so";
    /// Kind of commitment: something to build.
    CommitmentBuild: "建设", "build";
    /// A programme or action to run.
    CommitmentProgramme: "实施推进", "programme";
    /// Support for others.
    CommitmentSupport: "支持引导", "support";
    /// A mechanism or way of working.
    CommitmentMechanism: "机制", "mechanism";
    /// A policy or reform.
    CommitmentPolicy: "政策改革", "policy";
    /// A standard to write.
    CommitmentStandard: "标准", "standard";
    /// A pilot in a named place.
    CommitmentPilot: "试点", "pilot";
    /// A deadline passed with the work not done.
    DueOverdue: "已逾期", "overdue";
    /// A deadline within the next month.
    DueSoon: "即将到期", "due soon";
    /// A deadline further off.
    DueLater: "未到期", "not yet due";
    /// Done, whatever the deadline.
    DueMet: "已完成", "done";
    /// A due date the plan sets (its year), not a work plan.
    DueByPlanYear: "{date}（方案年度末）", "{date} (end of the plan year)";
    /// A due date written as a quarter, with the day it ends.
    DueWrittenAs: "{written}（{date}）", "{written} ({date})";

    // Findings on commitments, updates and deadlines.
    /// An id used by two of tasks, indicators and commitments.
    SharedId:
        "id“{id}”已被占用（{other}）：任务、指标和举措的 id 须互不相同，进展记录才能指明对象",
        "id '{id}' is already taken ({other}): tasks, indicators and commitments need distinct ids so that an update names one";
    /// A commitment's unit that its task does not list.
    UnitNotOfTask:
        "责任单位“{unit}”不在所属任务“{task}”的责任单位中：请照方案列出该任务的责任单位",
        "unit '{unit}' is not among the responsible units of its task '{task}': list the task's units as the plan does";
    /// A key task's commitment without responsible units.
    NoCommitmentUnit:
        "举措没有责任单位：请列出所属任务的责任单位，牵头单位在前",
        "the commitment has no responsible unit: list its task's units, lead first";
    /// A commitment without the plan's words.
    MissingCommitmentText: "缺少方案原文：请照录方案中该举措的原句", "missing source text: copy the plan's words for this commitment";
    /// An update about an id that is neither a task nor a commitment.
    UnknownUpdateSubject:
        "未知的对象“{id}”：请填写任务或举措的 id",
        "unknown subject '{id}': use the id of a key task or a commitment";
    /// A commitment's update without a stage.
    UpdateNeedsStage:
        "举措的进展须写明阶段：尚未启动、推进中、推进滞后、停滞或已完成",
        "an update of a commitment needs its stage: not started, in progress, delayed, stalled or done";
    /// A task's update with a stage.
    UpdateStageForTask:
        "任务的状态由其指标得出，不填阶段：请删除 stage",
        "a key task's status comes from its indicators: remove the stage";
    /// An update with nothing said.
    EmptyUpdate: "进展情况为空：请写明做了什么", "the progress text is empty: say what was done";
    /// Two updates of one subject on one date.
    DuplicateUpdate:
        "“{id}”在 {date} 已有一条进展：每个对象每个日期只写一条",
        "'{id}' already has an update on {date}: one update per subject and date";
    /// An update dated after the figures' date (a warning: a release moves the date).
    UpdateAfterRelease:
        "进展日期 {date} 晚于数据截止日 {as_of}：发布时，数据截止日将改为数值和进展中最晚的日期",
        "update dated {date}, after the figures' date {as_of}: a release dates itself to the latest figure or update";
    /// An evidence link that is not http(s).
    EvidenceNotWeb:
        "佐证材料链接“{url}”不是 http(s) 网址：只能链接到公开网页",
        "evidence link '{url}' is not an http(s) address: only public web pages can be linked";
    /// An evidence item without a title.
    EvidenceNoTitle: "佐证材料缺少标题", "evidence has no title";
    /// A stage going back after done.
    StageAfterDone:
        "“{id}”已于 {done} 完成，{date} 又记为“{stage}”：如属实请在进展中说明",
        "'{id}' was done on {done} but is '{stage}' on {date}: if so, say why in the update";
    /// A deadline for an id that is neither a commitment nor a milestone.
    UnknownDeadlineSubject:
        "未知的对象“{id}”：期限只能设给举措或定性任务（里程碑）",
        "unknown subject '{id}': a deadline is for a commitment or a milestone";
    /// A due date not a date or a quarter.
    BadDue:
        "期限“{due}”格式不对：请写成 YYYY-MM-DD 或 YYYY-Q1 至 YYYY-Q4",
        "due date '{due}' is not YYYY-MM-DD or a quarter YYYY-Q1 to YYYY-Q4";
    /// Two deadlines for one subject.
    DuplicateDeadline: "“{id}”已有期限：每项只设一个", "'{id}' already has a deadline: set one only";
    /// A due date before the plan year.
    DueBeforePlanYear:
        "期限 {due} 早于方案年度 {year} 年：是否写错了年份？",
        "due date {due} is before the plan year {year}: is the year a typo?";
    /// A due date after the plan year.
    DueAfterPlanYear:
        "期限 {due} 晚于方案年度 {year} 年末",
        "due date {due} is after the end of the plan year {year}";

    // What changed between two releases.
    /// Where a value is, when it is citywide.
    Citywide: "全市", "citywide";
    /// An indicator added.
    IndicatorAdded: "新增指标 {indicator}", "indicator added: {indicator}";
    /// An indicator removed.
    IndicatorRemoved: "删除指标 {indicator}", "indicator removed: {indicator}";
    /// A target changed.
    TargetChanged: "指标 {indicator} 的目标由 {old} 改为 {new}", "target of {indicator} changed from {old} to {new}";
    /// A value added.
    ValueAdded: "新增数值 {indicator}（{place}，{as_of}）：{value}", "new value {indicator} ({place}, {as_of}): {value}";
    /// A value withdrawn.
    ValueRemoved: "撤回数值 {indicator}（{place}，{as_of}）：原为 {value}", "value withdrawn {indicator} ({place}, {as_of}): was {value}";
    /// A value revised.
    ValueChanged: "修订数值 {indicator}（{place}，{as_of}）：{old} → {new}", "revised {indicator} ({place}, {as_of}): {old} → {new}";
    /// The status bands changed.
    ThresholdsChanged: "状态阈值已调整", "status thresholds changed";

}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_places() {
        assert_eq!(unequal_places::<Msg>(&[]), Vec::<String>::new());
    }

    #[test]
    fn a_place_missing_in_one_language_is_seen() {
        crate::bilingual_table! {
            /// A table with a place only the English has.
            enum Lopsided {
                /// One place in English only.
                Odd: "{a}", "{a} {b}";
            }
        }
        assert_eq!(unequal_places::<Lopsided>(&[]).len(), 1);
        assert!(unequal_places(&[(Lopsided::Odd, "b")]).is_empty());
    }

    #[test]
    fn values_fill_their_places_in_each_language() {
        let said = say_both(Msg::DateOutsidePlanYear, &[("date", &"2027-01-31"), ("year", &2026)]);
        assert_eq!(said.zh, "日期“2027-01-31”不在方案年度 2026 年内");
        assert_eq!(said.en, "date '2027-01-31' is outside the plan year 2026");
    }
}
