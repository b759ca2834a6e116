//! A release as CSV tables, each column described once (name, bilingual
//! title, type, whether it may be empty, what it refers to): the Data
//! Package's table schemas and the CSVW metadata are both written from these
//! descriptions, so the files and what describes them cannot drift apart.

use plan_model::status::Scorecard;
use plan_model::{Bilingual, PlanDocument, ProgressDocument, Target};

/// What a column's cells hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Any text.
    Text,
    /// A whole number.
    Integer,
    /// A decimal number, written as Rust writes an `f64` (`12.5`, `300`).
    Number,
    /// `YYYY-MM-DD`.
    Date,
    /// `true` or `false`.
    Boolean,
}

/// One column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Its name, in the header row (ASCII, `snake_case`).
    pub name: &'static str,
    /// Its title in Chinese.
    pub zh: &'static str,
    /// Its title in English.
    pub en: &'static str,
    /// What its cells hold.
    pub kind: Kind,
    /// True when no cell is empty.
    pub required: bool,
}

/// A column whose values are ids of another table's rows.
#[derive(Debug, Clone, Copy)]
pub struct Reference {
    /// The column.
    pub column: &'static str,
    /// The table referred to (its name, without `.csv`).
    pub table: &'static str,
    /// Its key column.
    pub key: &'static str,
}

/// A table: its description and its rows, every cell as text (empty: none).
#[derive(Debug, Clone)]
pub struct Table {
    /// Its name; the file is `<name>.csv`.
    pub name: &'static str,
    /// What it holds, in both languages.
    pub title: Bilingual,
    /// Its columns, in order.
    pub columns: Vec<Column>,
    /// The columns that together name a row, when there are such.
    pub key: &'static [&'static str],
    /// Columns that refer to other tables.
    pub references: &'static [Reference],
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Its file name.
    pub fn file(&self) -> String {
        format!("{}.csv", self.name)
    }

    /// The table as CSV: UTF-8 with a byte-order mark (so a spreadsheet
    /// program opens the Chinese text as such), a header row of the column
    /// names, fields quoted where they must be.
    pub fn csv(&self) -> Vec<u8> {
        let mut out = "\u{feff}".as_bytes().to_vec();
        let header: Vec<String> = self.columns.iter().map(|c| c.name.to_owned()).collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            let line: Vec<String> = row.iter().map(|cell| quoted(cell)).collect();
            out.extend_from_slice(line.join(",").as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out
    }
}

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
/// break, quotes doubled.
fn quoted(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

const fn col(
    name: &'static str,
    zh: &'static str,
    en: &'static str,
    kind: Kind,
    required: bool,
) -> Column {
    Column { name, zh, en, kind, required }
}

fn title(zh: &str, en: &str) -> Bilingual {
    Bilingual { zh: zh.to_owned(), en: en.to_owned() }
}

fn number(value: f64) -> String {
    value.to_string()
}

fn maybe<T>(value: Option<T>, show: impl Fn(T) -> String) -> String {
    value.map(show).unwrap_or_default()
}

/// The target's kind as the data names it (`at_least`, `milestone`).
fn target_kind(target: &Target) -> &'static str {
    match target {
        Target::AtLeast { .. } => "at_least",
        Target::MoreThan { .. } => "more_than",
        Target::Reach { .. } => "reach",
        Target::Exceed { .. } => "exceed",
        Target::About { .. } => "about",
        Target::HoldAt { .. } => "hold_at",
        Target::KeepAtOrAbove { .. } => "keep_at_or_above",
        Target::ReduceBy { .. } => "reduce_by",
        Target::RaiseByPoints { .. } => "raise_by_points",
        Target::Milestone => "milestone",
    }
}

/// A value serde writes as a bare string (an enum's snake_case name).
fn serde_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

const ID: Column = col("id", "编号", "ID", Kind::Text, true);
const NAME_ZH: Column = col("name_zh", "名称（中文）", "Name (Chinese)", Kind::Text, true);
const NAME_EN: Column = col("name_en", "名称（英文）", "Name (English)", Kind::Text, true);
const SHORT_ZH: Column =
    col("short_name_zh", "简称（中文）", "Short name (Chinese)", Kind::Text, true);
const SHORT_EN: Column =
    col("short_name_en", "简称（英文）", "Short name (English)", Kind::Text, true);
const SAMPLE: Column =
    col("sample", "是否示例数据", "Sample data (not official)", Kind::Boolean, true);

/// Every table of a release, in the order a reader would take them: what
/// the plan says (goal areas, indicators, districts, departments, tasks,
/// commitments), then the figures, the reports and each indicator's status.
pub fn tables(plan: &PlanDocument, progress: &ProgressDocument) -> Vec<Table> {
    let sample = progress.release.sample.to_string();
    let goal_of = |indicator: &str| {
        plan.goal_areas
            .iter()
            .find(|g| g.indicators.iter().any(|i| i == indicator))
            .map(|g| g.id.clone())
            .unwrap_or_default()
    };
    let goal_areas = Table {
        name: "goal-areas",
        title: title("目标领域", "Goal areas"),
        columns: vec![ID, NAME_ZH, NAME_EN, SHORT_ZH, SHORT_EN],
        key: &["id"],
        references: &[],
        rows: plan
            .goal_areas
            .iter()
            .map(|g| {
                vec![
                    g.id.clone(),
                    g.name.zh.clone(),
                    g.name.en.clone(),
                    g.short_name.zh.clone(),
                    g.short_name.en.clone(),
                ]
            })
            .collect(),
    };
    let indicators = Table {
        name: "indicators",
        title: title("指标及目标", "Indicators and their targets"),
        columns: vec![
            ID,
            col("goal_area", "目标领域", "Goal area", Kind::Text, false),
            NAME_ZH,
            NAME_EN,
            col("unit_zh", "单位（中文）", "Unit (Chinese)", Kind::Text, false),
            col("unit_en", "单位（英文）", "Unit (English)", Kind::Text, false),
            col("target_kind", "目标类型", "Kind of target", Kind::Text, true),
            col("target_value", "目标值", "Target value", Kind::Number, false),
            col("pace", "进度方式", "How it moves over the year", Kind::Text, true),
            col("cumulative", "是否累计", "Reported as a running total", Kind::Boolean, true),
            col("source_text", "方案原文", "The plan's own words", Kind::Text, true),
        ],
        key: &["id"],
        references: &[Reference { column: "goal_area", table: "goal-areas", key: "id" }],
        rows: plan
            .indicators
            .iter()
            .map(|i| {
                vec![
                    i.id.clone(),
                    goal_of(&i.id),
                    i.name.zh.clone(),
                    i.name.en.clone(),
                    i.unit.zh.clone(),
                    i.unit.en.clone(),
                    target_kind(&i.target).to_owned(),
                    maybe(i.target.level(), number),
                    serde_name(&i.pace),
                    i.cumulative.to_string(),
                    i.source_text.clone(),
                ]
            })
            .collect(),
    };
    let districts = Table {
        name: "districts",
        title: title("区镇", "Districts and towns"),
        columns: vec![ID, NAME_ZH, NAME_EN, col("kind", "类型", "Kind", Kind::Text, true)],
        key: &["id"],
        references: &[],
        rows: plan
            .districts
            .iter()
            .map(|d| vec![d.id.clone(), d.name.zh.clone(), d.name.en.clone(), serde_name(&d.kind)])
            .collect(),
    };
    let departments = Table {
        name: "departments",
        title: title("责任单位", "Responsible units"),
        columns: vec![ID, NAME_ZH, NAME_EN, SHORT_ZH, SHORT_EN],
        key: &["id"],
        references: &[],
        rows: plan
            .departments
            .iter()
            .map(|d| {
                vec![
                    d.id.clone(),
                    d.name.zh.clone(),
                    d.name.en.clone(),
                    d.short_name.zh.clone(),
                    d.short_name.en.clone(),
                ]
            })
            .collect(),
    };
    let tasks = Table {
        name: "tasks",
        title: title("重点任务", "Key tasks"),
        columns: vec![
            ID,
            col("number", "序号", "Number", Kind::Integer, true),
            NAME_ZH,
            NAME_EN,
            col("lead_department", "牵头单位", "Lead unit", Kind::Text, false),
            col(
                "departments",
                "责任单位（空格分隔）",
                "Responsible units (space-separated)",
                Kind::Text,
                false,
            ),
            col(
                "indicators",
                "相关指标（空格分隔）",
                "Indicators (space-separated)",
                Kind::Text,
                false,
            ),
        ],
        key: &["id"],
        references: &[Reference { column: "lead_department", table: "departments", key: "id" }],
        rows: plan
            .tasks
            .iter()
            .map(|t| {
                vec![
                    t.id.clone(),
                    t.number.to_string(),
                    t.name.zh.clone(),
                    t.name.en.clone(),
                    t.responsible.first().cloned().unwrap_or_default(),
                    t.responsible.join(" "),
                    t.indicators.join(" "),
                ]
            })
            .collect(),
    };
    let commitments = Table {
        name: "commitments",
        title: title("举措", "Commitments"),
        columns: vec![
            ID,
            col(
                "task",
                "重点任务（空：保障措施）",
                "Key task (empty: the safeguards)",
                Kind::Text,
                false,
            ),
            col("kind", "类型", "Kind", Kind::Text, true),
            NAME_ZH,
            NAME_EN,
            col("district", "区镇", "District", Kind::Text, false),
            col("lead_department", "牵头单位", "Lead unit", Kind::Text, false),
            col(
                "due",
                "完成时限（日期或季度，如 2026-Q3）",
                "Due (a date, or a quarter such as 2026-Q3)",
                Kind::Text,
                false,
            ),
            col("stage", "最新阶段", "Latest stage", Kind::Text, false),
            col("stage_as_of", "最新阶段日期", "Latest stage as of", Kind::Date, false),
            col("source_text", "方案原文", "The plan's own words", Kind::Text, true),
            SAMPLE,
        ],
        key: &["id"],
        references: &[
            Reference { column: "task", table: "tasks", key: "id" },
            Reference { column: "district", table: "districts", key: "id" },
            Reference { column: "lead_department", table: "departments", key: "id" },
        ],
        rows: plan
            .commitments
            .iter()
            .map(|c| {
                let due = progress.deadlines.iter().find(|d| d.of == c.id).map(|d| d.due.clone());
                let latest = progress
                    .updates
                    .iter()
                    .filter(|u| u.of == c.id && u.stage.is_some())
                    .max_by(|a, b| a.as_of.cmp(&b.as_of));
                vec![
                    c.id.clone(),
                    c.task.clone().unwrap_or_default(),
                    serde_name(&c.kind),
                    c.name.zh.clone(),
                    c.name.en.clone(),
                    c.district.clone().unwrap_or_default(),
                    c.responsible.first().cloned().unwrap_or_default(),
                    due.unwrap_or_default(),
                    maybe(latest.and_then(|u| u.stage), |s| serde_name(&s)),
                    maybe(latest, |u| u.as_of.clone()),
                    c.source_text.clone(),
                    sample.clone(),
                ]
            })
            .collect(),
    };
    let observations = Table {
        name: "observations",
        title: title("指标数据", "Indicator figures"),
        columns: vec![
            col("indicator", "指标", "Indicator", Kind::Text, true),
            col("district", "区镇（空：全市）", "District (empty: citywide)", Kind::Text, false),
            col("as_of", "数据日期", "As of", Kind::Date, true),
            col("value", "数值", "Value", Kind::Number, true),
            col("flag", "数据性质", "Kind of figure", Kind::Text, false),
            col("replaced", "修订前数值", "Value it replaced", Kind::Number, false),
            col("revised_on", "修订日期", "Revised on", Kind::Date, false),
            col("source", "来源", "Source", Kind::Text, false),
            col("note_zh", "说明（中文）", "Note (Chinese)", Kind::Text, false),
            col("note_en", "说明（英文）", "Note (English)", Kind::Text, false),
            SAMPLE,
        ],
        // Not a key: a citywide figure has no district, and a key has no empty cell.
        key: &[],
        references: &[
            Reference { column: "indicator", table: "indicators", key: "id" },
            Reference { column: "district", table: "districts", key: "id" },
        ],
        rows: progress
            .observations
            .iter()
            .map(|o| {
                vec![
                    o.indicator.clone(),
                    o.district.clone().unwrap_or_default(),
                    o.as_of.clone(),
                    number(o.value),
                    maybe(o.flag, |f| serde_name(&f)),
                    maybe(o.revision.as_ref(), |r| number(r.replaced)),
                    maybe(o.revision.as_ref(), |r| r.revised_on.clone()),
                    o.source.clone().unwrap_or_default(),
                    maybe(o.note.as_ref(), |n| n.zh.clone()),
                    maybe(o.note.as_ref(), |n| n.en.clone()),
                    sample.clone(),
                ]
            })
            .collect(),
    };
    use plan_model::Lang::{En, Zh};
    let updates = Table {
        name: "updates",
        title: title("进展报告", "Progress reports"),
        columns: vec![
            col(
                "of",
                "对象（重点任务或举措）",
                "Of (a key task or a commitment)",
                Kind::Text,
                true,
            ),
            col("as_of", "报告日期", "As of", Kind::Date, true),
            col("stage", "阶段", "Stage", Kind::Text, false),
            col("progress_zh", "进展（中文）", "Progress (Chinese)", Kind::Text, true),
            col("progress_en", "进展（英文）", "Progress (English)", Kind::Text, false),
            col("problems_zh", "问题（中文）", "Problems (Chinese)", Kind::Text, false),
            col("problems_en", "问题（英文）", "Problems (English)", Kind::Text, false),
            col("next_steps_zh", "下一步（中文）", "Next steps (Chinese)", Kind::Text, false),
            col("next_steps_en", "下一步（英文）", "Next steps (English)", Kind::Text, false),
            col("confidence", "完成信心", "Delivery confidence", Kind::Text, false),
            col("confidence_reason_zh", "信心理由（中文）", "Why (Chinese)", Kind::Text, false),
            col("confidence_reason_en", "信心理由（英文）", "Why (English)", Kind::Text, false),
            SAMPLE,
        ],
        key: &[],
        references: &[],
        rows: progress
            .updates
            .iter()
            .map(|u| {
                vec![
                    u.of.clone(),
                    u.as_of.clone(),
                    maybe(u.stage, |s| serde_name(&s)),
                    u.progress.zh.clone(),
                    u.progress.en.clone(),
                    maybe(u.problems.as_ref(), |t| t.zh.clone()),
                    maybe(u.problems.as_ref(), |t| t.en.clone()),
                    maybe(u.next_steps.as_ref(), |t| t.zh.clone()),
                    maybe(u.next_steps.as_ref(), |t| t.en.clone()),
                    maybe(u.confidence.as_ref(), |c| serde_name(&c.level)),
                    maybe(u.confidence.as_ref(), |c| c.reason.zh.clone()),
                    maybe(u.confidence.as_ref(), |c| c.reason.en.clone()),
                    sample.clone(),
                ]
            })
            .collect(),
    };
    let card = Scorecard::compute(plan, progress);
    let status = Table {
        name: "indicator-status",
        title: title("指标进展状态（全市）", "Each indicator's status, citywide"),
        columns: vec![
            col("indicator", "指标", "Indicator", Kind::Text, true),
            col("status", "状态", "Status", Kind::Text, true),
            col("status_zh", "状态（中文）", "Status (Chinese)", Kind::Text, true),
            col("status_en", "状态（英文）", "Status (English)", Kind::Text, true),
            col("value", "最新数值", "Latest value", Kind::Number, false),
            col("as_of", "数据日期", "As of", Kind::Date, false),
            col("target", "目标值", "Target", Kind::Number, false),
            col("completion_percent", "完成率（%）", "Completion (%)", Kind::Number, false),
            col("expected_percent", "序时进度（%）", "Expected progress (%)", Kind::Number, false),
            col(
                "gap_points",
                "与序时进度之差（百分点）",
                "Gap to expected (points)",
                Kind::Number,
                false,
            ),
            SAMPLE,
        ],
        key: &["indicator"],
        references: &[Reference { column: "indicator", table: "indicators", key: "id" }],
        rows: plan
            .indicators
            .iter()
            .filter_map(|i| card.city.get(&i.id))
            .map(|a| {
                vec![
                    a.indicator.clone(),
                    serde_name(&a.status),
                    a.status.label(Zh).to_owned(),
                    a.status.label(En).to_owned(),
                    maybe(a.value, number),
                    a.as_of.clone().unwrap_or_default(),
                    maybe(a.target, number),
                    maybe(a.completion_percent, rounded),
                    maybe(a.expected_percent, rounded),
                    maybe(a.gap_points, rounded),
                    sample.clone(),
                ]
            })
            .collect(),
    };
    vec![
        goal_areas,
        indicators,
        districts,
        departments,
        tasks,
        commitments,
        observations,
        updates,
        status,
    ]
}

/// A computed share, to one decimal place (what the pages show).
fn rounded(value: f64) -> String {
    number((value * 10.0).round() / 10.0)
}
