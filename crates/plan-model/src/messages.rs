//! Every sentence the model and the staff tool (`plan-data`) say, in Chinese
//! and English, in one table: data findings, load errors and the tool's own
//! messages. A message is a [`Msg`]; its text has `{name}` places that
//! [`say`] fills with values, so each language orders a sentence its own way.
//! (The web app's own strings are in `locales/*.json`, with the same places.)

use std::fmt::Display;

use crate::text::{Bilingual, Lang, fill};

/// A table of sentences in Chinese and English: an enum of keys, each with
/// its two texts (`{name}` places for [`crate::text::fill`]). [`Msg`] is the
/// model's and the staff tool's table; the publishing studio keeps its own
/// page's words in one too, so that the public site's wasm never carries them.
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
    };
}

/// A value for a `{name}` place.
pub type Value<'a> = (&'a str, &'a dyn Display);

/// The message in a language, its places filled.
pub fn say(msg: Msg, lang: Lang, values: &[Value<'_>]) -> String {
    fill(msg.template(lang), values)
}

/// The message in both languages, with the same values.
pub fn say_both(msg: Msg, values: &[Value<'_>]) -> Bilingual {
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

    // The staff tool.
    /// Between the items of a list.
    ListSeparator: "、", ", ";
    /// How serious a finding is: an error.
    SeverityError: "错误", "error";
    /// How serious a finding is: a warning.
    SeverityWarning: "警告", "warning";
    /// A file that cannot be read.
    CannotRead: "无法读取 {path}：{error}", "cannot read {path}: {error}";
    /// A file that cannot be written.
    CannotWrite: "无法写入 {path}：{error}", "cannot write {path}: {error}";
    /// A file that cannot be written, the old one kept.
    CannotWriteKept: "无法写入 {path}：{error}（原文件未改动）", "cannot write {path}: {error} (the old file is unchanged)";
    /// What checking a file found.
    CheckSummary: "{what}：{errors} 个错误，{warnings} 个警告", "{what}: {errors} errors, {warnings} warnings";
    /// What changed between two releases.
    DiffSummary: "{old} → {new}：{count} 处变化", "{old} → {new}: {count} changes";
    /// The status report's sample-data line.
    SampleDataLine:
        "【示例数据】以下数字为演示用，非官方数据。\n",
        "[SAMPLE DATA] These figures are made up for demonstration.\n";
    /// A version with characters a folder name cannot hold.
    BadVersion:
        "版本号“{version}”不可用：应以字母或数字开头，只含字母、数字、点、连字符和下划线，不以 .json 结尾，如 2026.12.0",
        "version '{version}' cannot be used: it must start with a letter or digit, hold letters, digits, '.', '-' and '_' only, and not end in .json, e.g. 2026.12.0";
    /// A date on the command line not written YYYY-MM-DD.
    BadDateArgument: "日期“{date}”格式不对：请写成 YYYY-MM-DD", "date '{date}' is not YYYY-MM-DD";
    /// A release without notes.
    MissingNotes: "请用 --notes 写明本次发布改了什么", "say what this release changes with --notes";
    /// A version that is published already.
    ReleaseExists:
        "版本 {version} 已发布（{path} 已存在）：已发布的版本不能覆盖，请使用新的版本号",
        "release {version} already exists ({path}): a published release is never overwritten; choose a new version";
    /// After the findings: nothing was published.
    NothingPublished: "；数据有错误，未发布。", "; the data has errors, nothing was published.";
    /// A release written.
    Published:
        "已发布版本 {version}（{date}）：{count} 个文件，副本保存在 {path}\n{listing}",
        "published release {version} ({date}): {count} files, frozen copy in {path}\n{listing}";
    /// After a release into a site's data folder: its pages rendered again.
    PagesWritten:
        "已按新版本重新生成网站页面：{count} 个页面，用时 {millis} 毫秒（{path}）",
        "rendered the site's pages again for the new release: {count} pages in {millis} ms ({path})";
    /// After a release into a site's data folder: the pages could not be rendered.
    PagesFailed:
        "网站页面未能按新版本生成，因此没有发布，网站仍是上一版，什么也没改：{error}",
        "the site's pages could not be rendered for the new release, so nothing was published: the site still serves the previous release, unchanged: {error}";
    /// A release that had stopped part way, now finished.
    ReleaseFinished:
        "版本 {version} 上次发布中途停止，现已完成：网站现在是这一版。",
        "release {version} had stopped part way and is now finished: the site now serves it.";
    /// The staged copy could not be made.
    StagingFailed:
        "无法在 {path} 准备新版本：{error}。网站什么也没改。",
        "could not prepare the new release in {path}: {error}. Nothing in the site was changed.";
    /// The staged copy could not be switched in.
    SwitchFailed:
        "无法把新版本换入 {path}：{error}。网站仍是上一版；再运行一次同样的发布命令即可完成。",
        "could not switch the new release into {path}: {error}. The site still serves the previous release; run the same release again to finish it.";
    /// The releases index cannot be read.
    IndexUnreadable:
        "版本索引 {path} 读不出来：{error}。发布会把以前各版本的记录一并丢掉，所以没有发布；请先修好或恢复这个文件。",
        "the releases index {path} cannot be read: {error}. A release would lose the record of every earlier release, so nothing was published; repair or restore that file first.";
    /// A data file whose name cannot be listed in a manifest.
    BadDataFileName:
        "数据文件夹中的 {path} 文件名不可用（只能含字母、数字、点、连字符和下划线）：请改名或移走，什么也没有发布。",
        "{path} in the data folder has a name a release cannot list (letters, digits, '.', '-' and '_' only): rename or move it; nothing was published.";
    /// A template written.
    TemplateWritten:
        "已写出模板 {path}：{rows} 行（每个指标 × 全市及各区镇 × {dates} 个日期）。填写“数值”列后用 import 导入；空白行会被跳过。",
        "wrote the template {path}: {rows} rows (each indicator × citywide and each district × {dates} dates). Fill in the 数值 (value) column, then run import; blank rows are skipped.";
    /// Targets and values exported.
    Exported:
        "已导出 {targets}（{target_count} 个目标）、{values}（{value_count} 个数值）和 {updates}（{update_count} 条进展）",
        "exported {targets} ({target_count} targets), {values} ({value_count} values) and {updates} ({update_count} updates)";
    /// The updates template written.
    UpdatesTemplateWritten:
        "已写出进展模板 {path}：{rows} 行（{tasks} 项任务、{commitments} 项举措，报告日期 {date}）。填写“进展”（及问题、下一步、佐证）和举措的“阶段”后用 import 导入；未填“进展”的行会被跳过，“阶段”和“期限”已按现状预填，有变化才改。",
        "wrote the updates template {path}: {rows} rows ({tasks} key tasks and {commitments} commitments, report date {date}). Fill in 进展 (progress; problems, next steps and evidence if any) and each commitment's 阶段 (stage), then run import; rows without progress are skipped. Stage and due date are filled in as they stand: change them only where they changed.";
    /// An updates sheet imported.
    UpdatesImported:
        "已从 {path} 导入 {rows} 行到 {target}：进展新增 {added}、更新 {updated}，期限设定或修改 {deadlines}。",
        "imported {rows} rows from {path} into {target}: {added} new updates, {updated} updated, {deadlines} due dates set or changed.";
    /// The figures' template workbook's sheet.
    SheetNameFigures: "进展数据", "figures";
    /// The updates template workbook's sheet.
    SheetNameUpdates: "任务和举措进展", "updates";
    /// The kind column of the updates sheet: a key task.
    SheetKindTask: "任务", "key task";
    /// The kind column: a commitment.
    SheetKindCommitment: "举措", "commitment";
    /// The task column for a safeguard.
    SheetSafeguards: "保障措施", "safeguards";
    /// An id in the updates sheet that is neither a task nor a commitment.
    SheetUnknownSubject: "未知的对象编号“{id}”：请从模板中复制编号", "unknown id '{id}': copy the id from the template";
    /// A stage word the sheet does not know.
    SheetBadStage:
        "阶段“{stage}”无法识别：请填写 尚未启动、推进中、推进滞后、停滞、已完成 之一",
        "stage '{stage}' is not known: write not started, in progress, delayed, stalled or done";
    /// A due date on a task's row.
    SheetDueForTask: "任务不设期限：期限只填在举措行", "a key task has no due date: due dates go on commitment rows";
    /// Evidence titles and links that do not pair up.
    SheetEvidenceMismatch:
        "佐证标题 {titles} 条、链接 {links} 条，数量不一致：每行写一条，标题与链接一一对应",
        "{titles} evidence titles but {links} links: one per line, each title with its link";
    /// Two rows of the updates sheet for one subject and date.
    SheetDuplicateUpdateRow:
        "与第 {first} 行重复（同一对象和日期）：请只保留一行",
        "repeats row {first} (same subject and date): keep one of them";
    /// Two rows giving one commitment different due dates.
    SheetConflictingDue:
        "与第 {first} 行的期限“{due}”不一致：同一举措只能有一个期限",
        "disagrees with row {first}'s due date '{due}': a commitment has one due date";
    /// Problems, next steps or evidence without progress.
    SheetWordsWithoutProgress:
        "填写了问题、下一步或佐证，但“进展”为空：请写明本期进展",
        "problems, next steps or evidence are filled in but 进展 (progress) is empty: say what was done";
    /// A stage changed with nothing said.
    SheetStageWithoutProgress:
        "阶段改为“{stage}”，但“进展”为空：请写明发生了什么",
        "the stage is now '{stage}' but 进展 (progress) is empty: say what happened";
    /// A sheet in an encoding other than the one named.
    WrongEncoding:
        "{path}：无法按 {encoding} 编码读取。请在表格软件中另存为“CSV UTF-8”，或用 --encoding 指定编码（utf8 / gb18030）。",
        "{path}: cannot be read as {encoding}. Save it as \"CSV UTF-8\" from the spreadsheet program, or name the encoding with --encoding (utf8 / gb18030).";
    /// A sheet with errors: nothing imported.
    ImportRefused:
        "{path}：{count} 处错误，未导入任何数据（progress.json 未改动）。改正后重新导入。",
        "{path}: {count} errors; nothing was imported (progress.json is unchanged). Fix them and import again.";
    /// After the findings of an import: nothing imported.
    NothingImported: "；未导入任何数据。", "; nothing was imported.";
    /// A sheet imported.
    Imported:
        "已从 {path} 导入 {rows} 行到 {target}：新增 {added}，更新 {updated}，未变 {unchanged}。",
        "imported {rows} rows from {path} into {target}: {added} new, {updated} updated, {unchanged} unchanged.";
    /// A sheet without one of the template's columns (`zh` and `en`: its heading).
    MissingColumn:
        "{path}：第 1 行缺少“{zh}”列。请使用 template 生成的模板，不要删除或改名表头。",
        "{path}: row 1 has no '{zh}' ({en}) column. Use the template from `template` and keep its header row.";
    /// A workbook that cannot be read (`problem`: one of the Workbook messages).
    WorkbookRefused:
        "{path}：{problem}未导入任何数据（progress.json 未改动）。",
        "{path}: {problem} Nothing was imported (progress.json is unchanged).";
    /// Bytes that are no .xlsx workbook.
    NotAWorkbook:
        "不是有效的 Excel 工作簿（.xlsx）：请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8”后重试。",
        "this is not a valid Excel workbook (.xlsx): save it from Excel or WPS as \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8\" and try again.";
    /// A workbook file over the size limit.
    WorkbookTooLarge:
        "工作簿有 {size} MB，超过上限 {max} MB：请只保留进展表。",
        "the workbook is {size} MB, over the limit of {max} MB: keep only the progress sheet.";
    /// A sheet file over the size limit, refused before it is read.
    FileTooLarge:
        "{path} 有 {size} MB，超过上限 {max} MB，未读取：请只保留进展表后另存。",
        "{path} is {size} MB, over the limit of {max} MB, and was not read: keep only the progress sheet and save it again.";
    /// A workbook that would unpack to too much (a ZIP bomb).
    WorkbookUnpacksTooLarge:
        "工作簿解压后有 {size} MB，超过上限 {max} MB，未读取：请只保留进展表后另存。",
        "the workbook unpacks to {size} MB, over the limit of {max} MB, and was not read: keep only the progress sheet and save it again.";
    /// A formula in a workbook.
    WorkbookFormula:
        "单元格 {cell} 是公式“{formula}”：请复制后“选择性粘贴 → 数值”，再保存导入。",
        "cell {cell} holds a formula ('{formula}'): copy it and paste as values, then save and import.";
    /// An error value in a workbook.
    WorkbookCellError:
        "单元格 {cell} 是错误值 {error}：请改正该单元格。",
        "cell {cell} holds the error value {error}: correct that cell.";
    /// A filled cell beyond the rows or columns a sheet may have.
    WorkbookBeyondLimits:
        "单元格 {cell} 超出范围（最多 {rows} 行、{columns} 列）：请删除该单元格，只保留进展表。",
        "cell {cell} is beyond the limits (at most {rows} rows and {columns} columns): delete it and keep only the progress sheet.";
    /// A workbook with too many cells or shared strings.
    WorkbookTooManyCells:
        "工作簿的单元格超过 {max} 个：请只保留进展表。",
        "the workbook has more than {max} cells: keep only the progress sheet.";
    /// A sheet whose header is not on row 1.
    WorkbookHeaderNotFirst:
        "表头在第 {row} 行：请删除表头上方的空行，让表头在第 1 行。",
        "the header is on row {row}: delete the rows above it so that it is row 1.";
    /// A bad cell of a sheet.
    CellProblem:
        "{path}：第 {row} 行，“{column}”列：{problem}",
        "{path}: row {row}, column '{column}' ({column_en}): {problem}";
    /// A finding about a row of a sheet.
    RowProblem: "{path}：第 {row} 行：{problem}", "{path}: row {row}: {problem}";
    /// A row the CSV reader cannot read.
    UnreadableRow: "无法读取此行：{error}", "cannot read this row: {error}";
    /// An indicator id in a sheet that the plan does not have.
    SheetUnknownIndicator: "未知的指标编号“{id}”：请从模板中复制编号", "unknown indicator id '{id}': copy the id from the template";
    /// A value for a qualitative item in a sheet.
    SheetMilestoneRow: "“{id}”是定性任务，没有数值：请删除此行", "'{id}' is a qualitative item with no number: delete this row";
    /// A district in a sheet that the plan does not have (`ids` joined in the message's language).
    SheetUnknownDistrict:
        "未知的区镇“{district}”：请填写以下编号之一，全市数据留空：{ids}",
        "unknown district '{district}': use one of these ids, or leave it blank for citywide: {ids}";
    /// A date in a sheet not written YYYY-MM-DD.
    SheetBadDate: "日期“{date}”格式不对：请写成 YYYY-MM-DD，如 {year}-09-30", "date '{date}' is not YYYY-MM-DD, e.g. {year}-09-30";
    /// A flag in a sheet that is none of the three.
    SheetBadFlag:
        "标记“{flag}”无法识别：请填写 初步数、修订数、估计数，或留空",
        "flag '{flag}' is not known: write preliminary, revised or estimated, or leave it empty";
    /// A cell that should hold a number.
    SheetNotANumber:
        "“{value}”不是数字：请只填数字（可带小数点和千分位逗号），单位写在“单位”列",
        "'{value}' is not a number: enter digits only (a decimal point and thousands commas are fine); the unit belongs in the unit column";
    /// A unit in a sheet other than the indicator's.
    SheetUnitMismatch:
        "单位“{unit}”与指标单位“{expected}”不一致：请把数值换算为“{expected}”",
        "unit '{unit}' is not the indicator's unit '{expected}': convert the value to '{expected}'";
    /// A row of a sheet that repeats another.
    SheetDuplicateRow:
        "与第 {first} 行重复（同一指标、区镇和日期）：请只保留一行",
        "repeats row {first} (same indicator, district and date): keep one of them";
}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Places only one language has, on purpose: the English messages name
    /// a column by its English heading too.
    const ONE_LANGUAGE: &[(Msg, &str)] =
        &[(Msg::MissingColumn, "en"), (Msg::CellProblem, "column_en")];

    /// A place missing in one language would drop a value from that
    /// language's message without a word.
    #[test]
    fn both_languages_have_the_same_places() {
        for msg in Msg::ALL {
            let keep = |name: &&str| !ONE_LANGUAGE.contains(&(*msg, *name));
            let zh: Vec<&str> = places(msg.template(Lang::Zh)).into_iter().filter(keep).collect();
            let en: Vec<&str> = places(msg.template(Lang::En)).into_iter().filter(keep).collect();
            assert_eq!(zh, en, "{msg:?}");
        }
    }

    #[test]
    fn values_fill_their_places_in_each_language() {
        let said = say_both(Msg::DateOutsidePlanYear, &[("date", &"2027-01-31"), ("year", &2026)]);
        assert_eq!(said.zh, "日期“2027-01-31”不在方案年度 2026 年内");
        assert_eq!(said.en, "date '2027-01-31' is outside the plan year 2026");
    }
}
