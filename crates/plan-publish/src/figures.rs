//! The figures' sheet: one row per indicator, place and date (指标编号,
//! 区镇编号, 日期, 数值 …). The template staff fill in, reading a filled one
//! (every bad cell named by row and column) and merging it into the
//! progress data, and the figures written back out as rows.

use crate::messages::PublishMsg;
use std::collections::HashMap;

use plan_model::date::day_of_year;
use plan_model::messages::{Msg, in_each_language, say, say_both};
use plan_model::progress::{Observation, Revision, ValueFlag};
use plan_model::{Bilingual, Lang, PlanDocument, ProgressDocument, Target};

use crate::Format;
use crate::sheet::{
    CellError, Refusal, cell_at, column_positions, csv_text, data_rows, headings, parse_number,
    plan_year_date, reader, template_file,
};
use crate::workbook::DropDown;

/// Columns of the spreadsheet: (Chinese header, English header).
pub const COLUMNS: [(&str, &str); WIDTH] = [
    ("指标编号", "indicator"),
    ("指标名称", "indicator_name"),
    ("区镇编号", "district"),
    ("区镇名称", "district_name"),
    ("日期", "as_of"),
    ("数值", "value"),
    ("单位", "unit"),
    ("备注", "note"),
    ("备注（英文）", "note_en"),
    ("来源", "source"),
    ("标记", "flag"),
    ("原值", "replaced"),
    ("修订日期", "revised_on"),
];
/// How many columns the sheet has.
const WIDTH: usize = 13;
const INDICATOR: usize = 0;
const DISTRICT: usize = 2;
const DISTRICT_NAME: usize = 3;
const AS_OF: usize = 4;
const VALUE: usize = 5;
const UNIT: usize = 6;
const NOTE: usize = 7;
const NOTE_EN: usize = 8;
const SOURCE: usize = 9;
const FLAG: usize = 10;
const REPLACED: usize = 11;
const REVISED_ON: usize = 12;

/// What the place column holds for a citywide figure.
const CITYWIDE: &str = "全市";

fn district_name(plan: &PlanDocument, id: Option<&str>) -> String {
    match id {
        None => CITYWIDE.to_owned(),
        Some(id) => {
            plan.districts.iter().find(|d| d.id == id).map_or(id.to_owned(), |d| d.name.zh.clone())
        }
    }
}

/// One blank row per quantified indicator × (citywide and each district) × date.
pub fn template_rows(plan: &PlanDocument, dates: &[String]) -> Vec<[String; WIDTH]> {
    let places: Vec<Option<&str>> =
        std::iter::once(None).chain(plan.districts.iter().map(|d| Some(d.id.as_str()))).collect();
    let mut rows = Vec::new();
    for ind in plan.indicators.iter().filter(|i| i.target != Target::Milestone) {
        for place in &places {
            for date in dates {
                rows.push([
                    ind.id.clone(),
                    ind.name.zh.clone(),
                    place.unwrap_or_default().to_owned(),
                    district_name(plan, *place),
                    date.clone(),
                    String::new(),
                    ind.unit.zh.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
    }
    rows
}

/// The drop-down lists of the workbook template: indicator, district, flag.
fn drop_downs(plan: &PlanDocument) -> Vec<DropDown> {
    let quantified = plan.indicators.iter().filter(|i| i.target != Target::Milestone);
    vec![
        DropDown { column: INDICATOR, choices: quantified.map(|i| i.id.clone()).collect() },
        DropDown {
            column: DISTRICT,
            choices: plan.districts.iter().map(|d| d.id.clone()).collect(),
        },
        DropDown {
            column: FLAG,
            choices: [ValueFlag::Preliminary, ValueFlag::Revised, ValueFlag::Estimated]
                .map(|f| flag_word(f).to_owned())
                .to_vec(),
        },
    ]
}

/// The template's file: blank rows for `dates`, as CSV or as a workbook
/// with drop-down lists.
pub fn template(plan: &PlanDocument, dates: &[String], format: Format) -> Result<Vec<u8>, String> {
    let rows = template_rows(plan, dates);
    template_file(format, PublishMsg::SheetNameFigures, &COLUMNS, &rows, &drop_downs(plan))
}

/// Every observation as a spreadsheet row, in file order.
pub fn progress_rows(plan: &PlanDocument, progress: &ProgressDocument) -> Vec<[String; WIDTH]> {
    progress
        .observations
        .iter()
        .map(|o| {
            let ind = plan.indicator(&o.indicator);
            [
                o.indicator.clone(),
                ind.map(|i| i.name.zh.clone()).unwrap_or_default(),
                o.district.clone().unwrap_or_default(),
                district_name(plan, o.district.as_deref()),
                o.as_of.clone(),
                // Rust prints the shortest text that reads back as the same f64.
                format!("{}", o.value),
                ind.map(|i| i.unit.zh.clone()).unwrap_or_default(),
                o.note.as_ref().map(|n| n.zh.clone()).unwrap_or_default(),
                o.note.as_ref().map(|n| n.en.clone()).unwrap_or_default(),
                o.source.clone().unwrap_or_default(),
                o.flag.map(|f| flag_word(f).to_owned()).unwrap_or_default(),
                o.revision.as_ref().map(|r| format!("{}", r.replaced)).unwrap_or_default(),
                o.revision.as_ref().map(|r| r.revised_on.clone()).unwrap_or_default(),
            ]
        })
        .collect()
}

/// A flag's word, as the portal writes it: the sheet writes the Chinese one
/// (as staff read it); the import reads either.
fn flag_msg(flag: ValueFlag) -> Msg {
    match flag {
        ValueFlag::Preliminary => Msg::FlagPreliminary,
        ValueFlag::Revised => Msg::FlagRevisedAlone,
        ValueFlag::Estimated => Msg::FlagEstimated,
    }
}

fn flag_word(flag: ValueFlag) -> &'static str {
    flag_msg(flag).template(Lang::Zh)
}

/// The flag a sheet cell names, `Ok(None)` for an empty cell.
fn parse_flag(cell: &str) -> Result<Option<ValueFlag>, ()> {
    if cell.is_empty() {
        return Ok(None);
    }
    [ValueFlag::Preliminary, ValueFlag::Revised, ValueFlag::Estimated]
        .into_iter()
        .find(|f| {
            cell == flag_word(*f) || cell.eq_ignore_ascii_case(flag_msg(*f).template(Lang::En))
        })
        .map(Some)
        .ok_or(())
}

/// The plan's targets as a table for spreadsheets and reporters.
fn target_rows(plan: &PlanDocument) -> Vec<Vec<String>> {
    let goal_of = |id: &str| {
        plan.goal_areas
            .iter()
            .find(|g| g.indicators.iter().any(|i| i == id))
            .map(|g| g.name.zh.clone())
            .unwrap_or_default()
    };
    let tasks_of = |id: &str| {
        plan.tasks
            .iter()
            .filter(|t| t.indicators.iter().any(|i| i == id))
            .map(|t| t.number.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut rows = vec![
        [
            "指标编号",
            "指标名称",
            "Indicator",
            "主要目标",
            "重点任务",
            "目标类型",
            "目标值",
            "单位",
            "累计",
            "方案原文",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for i in &plan.indicators {
        let kind = serde_json::to_value(&i.target)
            .ok()
            .and_then(|v| v["kind"].as_str().map(str::to_owned))
            .unwrap_or_default();
        rows.push(vec![
            i.id.clone(),
            i.name.zh.clone(),
            i.name.en.clone(),
            goal_of(&i.id),
            tasks_of(&i.id),
            kind,
            i.target.level().map(|v| v.to_string()).unwrap_or_default(),
            i.unit.zh.clone(),
            if i.cumulative { "是" } else { "否" }.to_owned(),
            i.source_text.clone(),
        ]);
    }
    rows
}

/// The plan's targets as a CSV file (`targets.csv`).
pub fn targets_csv(plan: &PlanDocument) -> String {
    let rows = target_rows(plan);
    let (head, rest) = rows.split_first().map_or((Vec::new(), &[][..]), |(h, r)| (h.clone(), r));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    csv_text(&head, rest)
}

/// The figures as a CSV file (`progress.csv`) that reads back the same.
pub fn progress_csv(plan: &PlanDocument, progress: &ProgressDocument) -> String {
    csv_text(&headings(&COLUMNS), &progress_rows(plan, progress))
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiguresReport {
    /// Rows with a value.
    pub rows: usize,
    /// New observations.
    pub added: usize,
    /// Observations whose value, note or source changed.
    pub updated: usize,
}

/// A row of the sheet read into an observation.
pub(crate) struct Row {
    /// Its row in the sheet (the header is row 1).
    pub(crate) row: usize,
    observation: Observation,
    /// Where it landed in the observations list (set by `merge`).
    pub(crate) target_index: usize,
}

/// Reads the rows of a filled sheet: the rows with a value, and every bad
/// cell (all of them, not only the first).
pub(crate) fn read_rows(
    plan: &PlanDocument,
    text: &str,
) -> Result<(Vec<Row>, Vec<CellError>), Refusal> {
    let mut reader = reader(text);
    let column_at = column_positions(&mut reader, &COLUMNS, &[INDICATOR, AS_OF, VALUE])?;
    let year = u32::from(plan.plan.plan_year);
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<(String, Option<String>, String), usize> = HashMap::new();
    for read in data_rows(&mut reader, INDICATOR) {
        let (row, record) = match read {
            Ok(read) => read,
            Err(unreadable) => {
                errors.push(unreadable);
                continue;
            }
        };
        let cell = |c: usize| cell_at(&record, &column_at, c);
        if record.iter().all(|f| f.trim().is_empty()) || cell(VALUE).is_empty() {
            continue; // blank or unfilled row
        }
        let mut fail = |column: usize, problem: Bilingual| {
            errors.push(CellError { row, column, problem });
        };
        let id = cell(INDICATOR);
        let Some(ind) = plan.indicator(id) else {
            fail(INDICATOR, say_both(PublishMsg::SheetUnknownIndicator, &[("id", &id)]));
            continue;
        };
        if ind.target == Target::Milestone {
            fail(INDICATOR, say_both(PublishMsg::SheetMilestoneRow, &[("id", &id)]));
            continue;
        }
        let district = match (cell(DISTRICT), cell(DISTRICT_NAME)) {
            ("", "") | ("", CITYWIDE) => Ok(None),
            ("", name) => plan
                .districts
                .iter()
                .find(|d| d.name.zh == name)
                .map(|d| Some(d.id.clone()))
                .ok_or(name),
            (code, _) => {
                plan.districts.iter().find(|d| d.id == code).map(|d| Some(d.id.clone())).ok_or(code)
            }
        };
        let district = match district {
            Ok(d) => d,
            Err(bad) => {
                let names: Vec<&str> = plan.districts.iter().map(|d| d.id.as_str()).collect();
                let problem = in_each_language(|lang| {
                    let ids = names.join(PublishMsg::ListSeparator.template(lang));
                    say(
                        PublishMsg::SheetUnknownDistrict,
                        lang,
                        &[("district", &bad), ("ids", &ids)],
                    )
                });
                errors.push(CellError { row, column: DISTRICT, problem });
                continue;
            }
        };
        let as_of = cell(AS_OF);
        if let Err(problem) = plan_year_date(as_of, year) {
            fail(AS_OF, problem);
            continue;
        }
        let raw = cell(VALUE);
        let Some(value) = parse_number(raw) else {
            fail(VALUE, say_both(PublishMsg::SheetNotANumber, &[("value", &raw)]));
            continue;
        };
        let unit = cell(UNIT);
        if !unit.is_empty() && unit != ind.unit.zh && unit != ind.unit.en {
            fail(
                UNIT,
                say_both(
                    PublishMsg::SheetUnitMismatch,
                    &[("unit", &unit), ("expected", &ind.unit.zh)],
                ),
            );
            continue;
        }
        let key = (id.to_owned(), district.clone(), as_of.to_owned());
        if let Some(first) = seen.insert(key, row) {
            fail(VALUE, say_both(PublishMsg::SheetDuplicateRow, &[("first", &first)]));
            continue;
        }
        let note = match (cell(NOTE), cell(NOTE_EN)) {
            ("", "") => None,
            (zh, en) => Some(Bilingual { zh: zh.to_owned(), en: en.to_owned() }),
        };
        let source = Some(cell(SOURCE)).filter(|s| !s.is_empty()).map(str::to_owned);
        let Ok(flag) = parse_flag(cell(FLAG)) else {
            fail(FLAG, say_both(PublishMsg::SheetBadFlag, &[("flag", &cell(FLAG))]));
            continue;
        };
        // The figure a revised one replaced: both cells, or neither (the
        // check after the import names a revised figure without them).
        let revision = match (cell(REPLACED), cell(REVISED_ON)) {
            ("", "") => None,
            (raw, date) => {
                let Some(replaced) = parse_number(raw) else {
                    fail(REPLACED, say_both(PublishMsg::SheetNotANumber, &[("value", &raw)]));
                    continue;
                };
                if day_of_year(date).is_none() {
                    fail(REVISED_ON, say_both(Msg::BadDate, &[("date", &date)]));
                    continue;
                }
                Some(Revision { replaced, revised_on: date.to_owned() })
            }
        };
        rows.push(Row {
            row,
            observation: Observation {
                indicator: id.to_owned(),
                district,
                as_of: as_of.to_owned(),
                value,
                unit: None,
                note,
                source,
                flag,
                revision,
            },
            target_index: 0,
        });
    }
    Ok((rows, errors))
}

/// Replaces observations with the same indicator, place and date, and appends
/// new ones; records where each row landed, for error messages by row.
pub(crate) fn merge(observations: &mut Vec<Observation>, rows: &mut [Row]) -> FiguresReport {
    let mut report = FiguresReport { rows: rows.len(), added: 0, updated: 0 };
    let mut index: HashMap<(String, Option<String>, String), usize> = observations
        .iter()
        .enumerate()
        .map(|(i, o)| ((o.indicator.clone(), o.district.clone(), o.as_of.clone()), i))
        .collect();
    for row in rows.iter_mut() {
        let o = &row.observation;
        let key = (o.indicator.clone(), o.district.clone(), o.as_of.clone());
        match index.get(&key) {
            Some(&i) => {
                row.target_index = i;
                let old = &mut observations[i];
                let changed = old.value.to_bits() != o.value.to_bits()
                    || old.note != o.note
                    || old.source != o.source;
                if changed {
                    report.updated += 1;
                    old.value = o.value;
                    old.note = o.note.clone();
                    old.source = o.source.clone();
                }
            }
            None => {
                row.target_index = observations.len();
                index.insert(key, observations.len());
                observations.push(o.clone());
                report.added += 1;
            }
        }
    }
    report
}
