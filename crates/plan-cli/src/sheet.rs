//! The progress spreadsheet (CSV, or an .xlsx workbook read as one): the
//! template staff fill in, importing it into progress.json, and exporting the
//! data back out.

use plan_model::messages::{Msg, Value, in_each_language, say, say_both};
use std::collections::HashMap;
use std::path::Path;

use plan_model::progress::{Observation, Revision, ValueFlag};
use plan_model::validate::day_of_year;
use plan_model::{Bilingual, Lang, PROGRESS_FILE, PlanDocument, Target};

use crate::atomic::write_atomic;
use crate::fail::Fail;
use crate::folder::{Folder, Located, locate, print_findings, summary};
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
pub(crate) const BOM: &str = "\u{feff}";

/// Text encodings a spreadsheet program may save a CSV in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030 (covers GBK and GB2312), as Excel saves "CSV" on Chinese Windows.
    Gb18030,
    /// Same decoder as GB18030.
    Gbk,
}

/// A sheet as CSV text: the header row, then the rows, with a BOM.
fn csv_text<const N: usize>(
    columns: &[(&str, &str); N],
    rows: &[[String; N]],
) -> Result<String, csv::Error> {
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    writer.write_record(columns.iter().map(|c| c.0))?;
    for row in rows {
        writer.write_record(row)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    // A byte-order mark makes Excel read the file as UTF-8.
    Ok(format!("{BOM}{}", String::from_utf8_lossy(&bytes)))
}

/// Writes a sheet as CSV, whole or not at all.
pub(crate) fn write_csv<const N: usize>(
    path: &Path,
    columns: &[(&str, &str); N],
    rows: &[[String; N]],
    lang: Lang,
) -> Result<(), Fail> {
    let text = csv_text(columns, rows).map_err(|e| Fail::io(e.to_string()))?;
    write_atomic(path, text.as_bytes()).map_err(|e| {
        Fail::io(say(Msg::CannotWrite, lang, &[("path", &path.display()), ("error", &e)]))
    })
}

/// Where each of a sheet's columns is in the file (by its Chinese or English
/// heading, in any order); a missing `required` column is refused by name.
pub(crate) fn column_positions<const N: usize>(
    headers: &csv::StringRecord,
    columns: &[(&str, &str); N],
    required: &[usize],
    shown: &str,
    lang: Lang,
) -> Result<[Option<usize>; N], Fail> {
    let mut column_at = [None; N];
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().trim_start_matches(BOM);
        if let Some(c) = columns.iter().position(|(zh, en)| h == *zh || h.eq_ignore_ascii_case(en))
        {
            column_at[c] = Some(i);
        }
    }
    for &required in required {
        if column_at[required].is_none() {
            let (zh, en) = columns[required];
            return Err(Fail::invalid(say(
                Msg::MissingColumn,
                lang,
                &[("path", &shown), ("zh", &zh), ("en", &en)],
            )));
        }
    }
    Ok(column_at)
}

/// A sheet's text from its bytes: an .xlsx (a ZIP) becomes the text its first
/// sheet would be as a CSV, anything else is decoded as a CSV; so both sheets
/// and both formats have one reading.
pub(crate) fn sheet_text(
    bytes: &[u8],
    forced: Option<Encoding>,
    shown: &str,
    lang: Lang,
) -> Result<String, Fail> {
    if crate::workbook::is_zip(bytes) {
        return crate::workbook::to_csv_text(bytes).map_err(|problem| {
            let problem = problem.get(lang).to_owned();
            Fail::invalid(say(
                Msg::WorkbookRefused,
                lang,
                &[("path", &shown), ("problem", &problem)],
            ))
        });
    }
    decode(bytes, forced).map_err(|enc| {
        Fail::invalid(say(Msg::WrongEncoding, lang, &[("path", &shown), ("encoding", &enc)]))
    })
}

/// True for a path ending in `.xlsx` (any case): the template is then a workbook.
pub(crate) fn is_xlsx_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Writes a template workbook, whole or not at all.
pub(crate) fn write_xlsx(
    path: &Path,
    sheet: &str,
    columns: &[(&str, &str)],
    rows: &[Vec<String>],
    drop_downs: &[DropDown],
    lang: Lang,
) -> Result<(), Fail> {
    let bytes = crate::workbook::template_bytes(sheet, columns, rows, drop_downs)
        .map_err(|e| Fail::io(e.to_string()))?;
    write_atomic(path, &bytes).map_err(|e| {
        Fail::io(say(Msg::CannotWrite, lang, &[("path", &path.display()), ("error", &e)]))
    })
}

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

/// The quarter ends of the plan year: the default dates of the template.
pub fn quarter_ends(year: u16) -> Vec<String> {
    ["03-31", "06-30", "09-30", "12-31"].iter().map(|md| format!("{year}-{md}")).collect()
}

/// Writes the template to `out`.
pub fn template(dir: &Path, out: &Path, dates: &[String], lang: Lang) -> Result<String, Fail> {
    let folder = Folder::load(dir, lang)?;
    let dates =
        if dates.is_empty() { quarter_ends(folder.plan.plan.plan_year) } else { dates.to_vec() };
    for d in &dates {
        if day_of_year(d).is_none() {
            return Err(Fail::io(say(Msg::BadDateArgument, lang, &[("date", &d)])));
        }
    }
    let rows = template_rows(&folder.plan, &dates);
    if is_xlsx_path(out) {
        let plan = &folder.plan;
        let quantified = plan.indicators.iter().filter(|i| i.target != Target::Milestone);
        let drop_downs = [
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
        ];
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r.to_vec()).collect();
        write_xlsx(
            out,
            Msg::SheetNameFigures.template(Lang::Zh),
            &COLUMNS,
            &rows,
            &drop_downs,
            lang,
        )?;
    } else {
        write_csv(out, &COLUMNS, &rows, lang)?;
    }
    Ok(say(
        Msg::TemplateWritten,
        lang,
        &[("path", &out.display()), ("rows", &rows.len()), ("dates", &dates.len())],
    ))
}

/// Every observation as a spreadsheet row, in file order.
pub fn progress_rows(folder: &Folder) -> Vec<[String; WIDTH]> {
    let plan = &folder.plan;
    folder
        .progress
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

/// Writes targets.csv, progress.csv and updates.csv into `out_dir`.
pub fn export(dir: &Path, out_dir: &Path, lang: Lang) -> Result<String, Fail> {
    let folder = Folder::load(dir, lang)?;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| Fail::io(format!("{}: {e}", out_dir.display())))?;
    let progress_path = out_dir.join("progress.csv");
    let rows = progress_rows(&folder);
    write_csv(&progress_path, &COLUMNS, &rows, lang)?;
    let targets_path = out_dir.join("targets.csv");
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for row in target_rows(&folder.plan) {
        writer.write_record(&row).map_err(|e| Fail::io(e.to_string()))?;
    }
    let bytes = writer.into_inner().map_err(|e| Fail::io(e.to_string()))?;
    let text = format!("{BOM}{}", String::from_utf8_lossy(&bytes));
    write_atomic(&targets_path, text.as_bytes())
        .map_err(|e| Fail::io(format!("{}: {e}", targets_path.display())))?;
    let (updates_path, update_count) = crate::updates_sheet::export(&folder, out_dir, lang)?;
    Ok(say(
        Msg::Exported,
        lang,
        &[
            ("targets", &targets_path.display()),
            ("target_count", &folder.plan.indicators.len()),
            ("values", &progress_path.display()),
            ("value_count", &rows.len()),
            ("updates", &updates_path.display()),
            ("update_count", &update_count),
        ],
    ))
}

/// Decodes a spreadsheet's bytes: UTF-8 (BOM or not), else GB18030.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> Result<String, &'static str> {
    let utf8 = |b: &[u8]| {
        std::str::from_utf8(b.strip_prefix(BOM.as_bytes()).unwrap_or(b)).map(str::to_owned)
    };
    match forced {
        Some(Encoding::Utf8) => utf8(bytes).map_err(|_| "utf-8"),
        Some(Encoding::Gb18030 | Encoding::Gbk) => gb18030(bytes),
        None => utf8(bytes).or_else(|_| gb18030(bytes)).map_err(|_| "UTF-8 / GB18030"),
    }
}

fn gb18030(bytes: &[u8]) -> Result<String, &'static str> {
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors { Err("gb18030") } else { Ok(text.into_owned()) }
}

/// Reads a number as spreadsheets and people write it: full-width digits,
/// thousands separators, a trailing per-cent sign, surrounding spaces.
pub fn parse_number(raw: &str) -> Option<f64> {
    let mut s = String::with_capacity(raw.len());
    for c in raw.trim().chars() {
        let c = match c {
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0'))?,
            '．' => '.',
            '－' | '−' => '-',
            '，' => ',',
            '％' => '%',
            '\u{3000}' => ' ',
            c => c,
        };
        s.push(c);
    }
    let s = s.trim().trim_end_matches('%').trim();
    // Thousands separators only between digit groups of three.
    let cleaned = if s.contains(',') {
        let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
        let groups: Vec<&str> = int.trim_start_matches('-').split(',').collect();
        let well_grouped = groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !well_grouped {
            return None;
        }
        let joined = int.replace(',', "");
        frac.map_or(joined.clone(), |f| format!("{joined}.{f}"))
    } else {
        s.to_owned()
    };
    if cleaned.is_empty()
        || !cleaned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E' | '+'))
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A problem with one cell of a spreadsheet.
pub(crate) struct CellError {
    /// Row, counting the header as 1.
    pub(crate) row: usize,
    /// Column, an index into the sheet's columns.
    pub(crate) column: usize,
    /// What is wrong and what to do.
    pub(crate) problem: Bilingual,
}

/// Prints each bad cell: file, row, column (in both headings) and problem.
pub(crate) fn print_cell_errors(
    errors: &[CellError],
    columns: &[(&str, &str)],
    shown: &str,
    lang: Lang,
) {
    for e in errors {
        let (column, column_en) = columns[e.column];
        let problem = e.problem.get(lang);
        eprintln!(
            "{}",
            say(
                Msg::CellProblem,
                lang,
                &[
                    ("path", &shown),
                    ("row", &e.row),
                    ("column", &column),
                    ("column_en", &column_en),
                    ("problem", &problem)
                ]
            )
        );
    }
}

/// What an import did.
pub struct ImportReport {
    /// Rows with a value.
    pub rows: usize,
    /// New observations.
    pub added: usize,
    /// Observations whose value, note or source changed.
    pub updated: usize,
}

/// Reads a filled template into the folder's progress.json. All or nothing:
/// on any error nothing is written.
pub fn import(
    dir: &Path,
    file: &Path,
    forced: Option<Encoding>,
    lang: Lang,
) -> Result<String, Fail> {
    let mut folder = Folder::load(dir, lang)?;
    let bytes = std::fs::read(file).map_err(|e| {
        Fail::io(say(Msg::CannotRead, lang, &[("path", &file.display()), ("error", &e)]))
    })?;
    let text = sheet_text(&bytes, forced, &file.display().to_string(), lang)?;
    let shown = file.display().to_string();
    // One import for both sheets: the header says which one it is.
    if crate::updates_sheet::is_updates_header(text.lines().next().unwrap_or_default()) {
        return crate::updates_sheet::import_text(dir, folder, &text, &shown, lang);
    }
    let (mut rows, errors) = read_rows(&folder.plan, &text, &shown, lang)?;
    if !errors.is_empty() {
        print_cell_errors(&errors, &COLUMNS, &shown, lang);
        return Err(Fail::invalid(say(
            Msg::ImportRefused,
            lang,
            &[("path", &shown), ("count", &errors.len())],
        )));
    }
    let report = merge(&mut folder.progress.observations, &mut rows);
    // The merged data must pass the same checks as any published file.
    let row_of: HashMap<usize, usize> = rows.iter().map(|r| (r.target_index, r.row)).collect();
    let new_text = to_pretty_json(&folder.progress);
    let progress_path = dir.join(PROGRESS_FILE);
    let findings: Vec<Located> = locate(
        &progress_path,
        &new_text,
        plan_model::validate_progress(&folder.plan, &folder.progress),
    );
    let errors =
        findings.iter().filter(|l| l.finding.severity == plan_model::Severity::Error).count();
    if errors > 0 {
        for l in &findings {
            if let Some(row) = observation_index(&l.finding.path).and_then(|i| row_of.get(&i)) {
                let problem = l.finding.message(lang);
                let said = say(
                    Msg::RowProblem,
                    lang,
                    &[("path", &shown), ("row", row), ("problem", &problem)],
                );
                eprintln!("{said}");
            }
        }
        print_findings(&findings, lang);
        return Err(Fail::invalid(
            summary(&shown, errors, findings.len() - errors, lang)
                + &say(Msg::NothingImported, lang, &[]),
        ));
    }
    write_atomic(&progress_path, new_text.as_bytes()).map_err(|e| {
        Fail::io(say(
            Msg::CannotWriteKept,
            lang,
            &[("path", &progress_path.display()), ("error", &e)],
        ))
    })?;
    Ok(say(
        Msg::Imported,
        lang,
        &[
            ("path", &shown),
            ("rows", &report.rows),
            ("target", &progress_path.display()),
            ("added", &report.added),
            ("updated", &report.updated),
            ("unchanged", &(report.rows - report.added - report.updated)),
        ],
    ))
}

/// The in-memory core of [`import`], without files: decode the bytes, read and
/// check the rows, merge them into `progress`, and check the result as a
/// published file would be. `Ok` with the report when it would be imported;
/// `Err` with the number of errors when nothing would be. The fuzz target
/// `csv_import` drives this with arbitrary bytes.
pub fn import_bytes(
    plan: &PlanDocument,
    progress: &mut plan_model::ProgressDocument,
    bytes: &[u8],
    lang: Lang,
) -> Result<ImportReport, usize> {
    let text = sheet_text(bytes, None, "input.csv", lang).map_err(|_| 1usize)?;
    let (mut rows, errors) = read_rows(plan, &text, "input.csv", lang).map_err(|_| 1usize)?;
    if !errors.is_empty() {
        return Err(errors.len());
    }
    let report = merge(&mut progress.observations, &mut rows);
    let errors = plan_model::validate_progress(plan, progress)
        .iter()
        .filter(|f| f.severity == plan_model::Severity::Error)
        .count();
    if errors > 0 { Err(errors) } else { Ok(report) }
}

/// The `i` of a path `observations[i]…`.
fn observation_index(path: &str) -> Option<usize> {
    path.strip_prefix("observations[")?.split(']').next()?.parse().ok()
}

/// serde_json's pretty layout, with a final newline: the one format the tool writes.
pub fn to_pretty_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

struct Row {
    row: usize,
    observation: Observation,
    /// Where it landed in the observations list (set by `merge`).
    target_index: usize,
}

fn read_rows(
    plan: &PlanDocument,
    text: &str,
    shown: &str,
    lang: Lang,
) -> Result<(Vec<Row>, Vec<CellError>), Fail> {
    let mut reader =
        csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| Fail::invalid(format!("{shown}: {e}")))?.clone();
    let column_at = column_positions(&headers, &COLUMNS, &[INDICATOR, AS_OF, VALUE], shown, lang)?;
    let year = u32::from(plan.plan.plan_year);
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<(String, Option<String>, String), usize> = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2; // the header is row 1
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let problem = say_both(Msg::UnreadableRow, &[("error", &e)]);
                errors.push(CellError { row, column: INDICATOR, problem });
                continue;
            }
        };
        let cell =
            |c: usize| column_at[c].and_then(|i| record.get(i)).map(str::trim).unwrap_or_default();
        if record.iter().all(|f| f.trim().is_empty()) || cell(VALUE).is_empty() {
            continue; // blank or unfilled row
        }
        let mut fail = |column: usize, msg: Msg, values: &[Value<'_>]| {
            errors.push(CellError { row, column, problem: say_both(msg, values) });
        };
        let id = cell(INDICATOR);
        let Some(ind) = plan.indicator(id) else {
            fail(INDICATOR, Msg::SheetUnknownIndicator, &[("id", &id)]);
            continue;
        };
        if ind.target == Target::Milestone {
            fail(INDICATOR, Msg::SheetMilestoneRow, &[("id", &id)]);
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
                    let ids = names.join(Msg::ListSeparator.template(lang));
                    say(Msg::SheetUnknownDistrict, lang, &[("district", &bad), ("ids", &ids)])
                });
                errors.push(CellError { row, column: DISTRICT, problem });
                continue;
            }
        };
        let as_of = cell(AS_OF);
        match day_of_year(as_of) {
            None => {
                fail(AS_OF, Msg::SheetBadDate, &[("date", &as_of), ("year", &year)]);
                continue;
            }
            Some((y, _)) if y != year => {
                fail(AS_OF, Msg::DateOutsidePlanYear, &[("date", &as_of), ("year", &year)]);
                continue;
            }
            Some(_) => {}
        }
        let raw = cell(VALUE);
        let Some(value) = parse_number(raw) else {
            fail(VALUE, Msg::SheetNotANumber, &[("value", &raw)]);
            continue;
        };
        let unit = cell(UNIT);
        if !unit.is_empty() && unit != ind.unit.zh && unit != ind.unit.en {
            fail(UNIT, Msg::SheetUnitMismatch, &[("unit", &unit), ("expected", &ind.unit.zh)]);
            continue;
        }
        let key = (id.to_owned(), district.clone(), as_of.to_owned());
        if let Some(first) = seen.insert(key, row) {
            fail(VALUE, Msg::SheetDuplicateRow, &[("first", &first)]);
            continue;
        }
        let note = match (cell(NOTE), cell(NOTE_EN)) {
            ("", "") => None,
            (zh, en) => Some(Bilingual { zh: zh.to_owned(), en: en.to_owned() }),
        };
        let source = Some(cell(SOURCE)).filter(|s| !s.is_empty()).map(str::to_owned);
        let Ok(flag) = parse_flag(cell(FLAG)) else {
            fail(FLAG, Msg::SheetBadFlag, &[("flag", &cell(FLAG))]);
            continue;
        };
        // The figure a revised one replaced: both cells, or neither (the
        // check after the import names a revised figure without them).
        let revision = match (cell(REPLACED), cell(REVISED_ON)) {
            ("", "") => None,
            (raw, date) => {
                let Some(replaced) = parse_number(raw) else {
                    fail(REPLACED, Msg::SheetNotANumber, &[("value", &raw)]);
                    continue;
                };
                if day_of_year(date).is_none() {
                    fail(REVISED_ON, Msg::BadDate, &[("date", &date)]);
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
fn merge(observations: &mut Vec<Observation>, rows: &mut [Row]) -> ImportReport {
    let mut report = ImportReport { rows: rows.len(), added: 0, updated: 0 };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_spreadsheets_write_them() {
        assert_eq!(parse_number("1,234"), Some(1234.0));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("１２３．５"), Some(123.5));
        assert_eq!(parse_number("１，２３４"), Some(1234.0));
        assert_eq!(parse_number(" 28.1% "), Some(28.1));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("12o"), None);
        assert_eq!(parse_number("1,23"), None, "not a thousands group");
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn decodes_utf8_with_or_without_bom_and_gb18030() {
        assert_eq!(decode("\u{feff}张浦镇".as_bytes(), None).as_deref(), Ok("张浦镇"));
        assert_eq!(decode("张浦镇".as_bytes(), None).as_deref(), Ok("张浦镇"));
        let (gb, _, _) = encoding_rs::GB18030.encode("张浦镇");
        assert_eq!(decode(&gb, None).as_deref(), Ok("张浦镇"));
        assert_eq!(decode(&gb, Some(Encoding::Utf8)), Err("utf-8"));
    }
}
