//! The updates spreadsheet (CSV): one row per key task and per commitment for
//! a reporting date (进展 / 问题 / 下一步, a commitment's stage, evidence, its
//! due date), filled in by the responsible units and read into progress.json
//! `updates` and `deadlines`. Same rules as the figures' sheet: all or
//! nothing, every bad cell named by row and column, then the whole file
//! checked as a published one would be.

use std::collections::HashMap;
use std::path::Path;

use plan_model::commitments::{commitment_state, due_end};
use plan_model::messages::{Msg, Value, say, say_both};
use plan_model::progress::{Deadline, Evidence, Stage, Update};
use plan_model::validate::{day_of_year, is_web_address};
use plan_model::{Bilingual, Lang, PROGRESS_FILE, PlanDocument, ProgressDocument};

use crate::atomic::write_atomic;
use crate::fail::Fail;
use crate::folder::{Folder, Located, locate, print_findings, summary};
use crate::sheet::{
    BOM, CellError, column_positions, print_cell_errors, sheet_text, to_pretty_json, write_csv,
};
use crate::workbook::DropDown;

/// Columns of the sheet: (Chinese header, English header).
pub const COLUMNS: [(&str, &str); WIDTH] = [
    ("对象编号", "of"),
    ("类型", "kind"),
    ("名称", "name"),
    ("所属任务", "task"),
    ("日期", "as_of"),
    ("阶段", "stage"),
    ("进展", "progress"),
    ("进展（英文）", "progress_en"),
    ("问题", "problems"),
    ("问题（英文）", "problems_en"),
    ("下一步", "next_steps"),
    ("下一步（英文）", "next_steps_en"),
    ("佐证标题", "evidence_title"),
    ("佐证标题（英文）", "evidence_title_en"),
    ("佐证链接", "evidence_url"),
    ("期限", "due"),
];
const WIDTH: usize = 16;
const OF: usize = 0;
const KIND: usize = 1;
const AS_OF: usize = 4;
const STAGE: usize = 5;
const PROGRESS: usize = 6;
const PROBLEMS: usize = 8;
const NEXT_STEPS: usize = 10;
const EVIDENCE_TITLE: usize = 12;
const EVIDENCE_TITLE_EN: usize = 13;
const EVIDENCE_URL: usize = 14;
const DUE: usize = 15;

/// True when a sheet's header row is this sheet's (its first column is the
/// subject's id), so `import` reads it as updates, not figures.
pub fn is_updates_header(first_line: &str) -> bool {
    let first = first_line.trim_start_matches(BOM).split(',').next().unwrap_or_default();
    let first = first.trim().trim_matches('"').trim();
    first == COLUMNS[OF].0 || first.eq_ignore_ascii_case(COLUMNS[OF].1)
}

/// The reporting date a template defaults to: the first quarter end after
/// the data's as-of date, within the plan year.
pub fn next_report_date(plan: &PlanDocument, progress: &ProgressDocument) -> String {
    let ends = crate::sheet::quarter_ends(plan.plan.plan_year);
    let last = ends.last().cloned().unwrap_or_default();
    ends.into_iter().find(|d| d.as_str() > progress.release.as_of.as_str()).unwrap_or(last)
}

fn stage_from(cell: &str) -> Result<Option<Stage>, ()> {
    if cell.is_empty() {
        return Ok(None);
    }
    Stage::ALL
        .into_iter()
        .find(|s| {
            cell == s.label(Lang::Zh)
                || cell.eq_ignore_ascii_case(s.label(Lang::En))
                || cell == s.code()
        })
        .map(Some)
        .ok_or(())
}

/// A row for a task or commitment: the reading columns filled, the stage and
/// due date as they stand (to be changed only where they change).
fn subject_row(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    of: &str,
    date: &str,
    update: Option<&Update>,
) -> [String; WIDTH] {
    let task_label = |id: &str| {
        plan.tasks.iter().find(|t| t.id == id).map(|t| format!("{}. {}", t.number, t.name.zh))
    };
    let mut row: [String; WIDTH] = Default::default();
    row[OF] = of.to_owned();
    row[AS_OF] = date.to_owned();
    if let Some(c) = plan.commitment(of) {
        let state = commitment_state(plan, progress, c);
        row[KIND] = Msg::SheetKindCommitment.template(Lang::Zh).to_owned();
        row[2] = c.name.zh.clone();
        row[3] = c
            .task
            .as_deref()
            .and_then(task_label)
            .unwrap_or_else(|| Msg::SheetSafeguards.template(Lang::Zh).to_owned());
        let stage = update.and_then(|u| u.stage).unwrap_or(state.stage);
        row[STAGE] = stage.label(Lang::Zh).to_owned();
        if !state.due.from_plan {
            row[DUE] = state.due.written.clone();
        }
    } else {
        row[KIND] = Msg::SheetKindTask.template(Lang::Zh).to_owned();
        row[2] = task_label(of).unwrap_or_default();
    }
    if let Some(u) = update {
        let pair = |b: &Bilingual| (b.zh.clone(), b.en.clone());
        (row[PROGRESS], row[PROGRESS + 1]) = pair(&u.progress);
        if let Some(p) = &u.problems {
            (row[PROBLEMS], row[PROBLEMS + 1]) = pair(p);
        }
        if let Some(n) = &u.next_steps {
            (row[NEXT_STEPS], row[NEXT_STEPS + 1]) = pair(n);
        }
        row[EVIDENCE_TITLE] =
            u.evidence.iter().map(|e| e.title.zh.clone()).collect::<Vec<_>>().join("\n");
        row[EVIDENCE_TITLE_EN] =
            u.evidence.iter().map(|e| e.title.en.clone()).collect::<Vec<_>>().join("\n");
        row[EVIDENCE_URL] = u.evidence.iter().map(|e| e.url.clone()).collect::<Vec<_>>().join("\n");
    }
    row
}

/// One row per key task and per commitment, in the plan's order (each task,
/// then its commitments; the safeguards last), for one reporting date.
pub fn template_rows(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    date: &str,
) -> Vec<[String; WIDTH]> {
    let mut rows = Vec::new();
    for task in &plan.tasks {
        rows.push(subject_row(plan, progress, &task.id, date, None));
        for c in plan.commitments_of_task(&task.id) {
            rows.push(subject_row(plan, progress, &c.id, date, None));
        }
    }
    for c in plan.commitments.iter().filter(|c| c.task.is_none()) {
        rows.push(subject_row(plan, progress, &c.id, date, None));
    }
    rows
}

/// Writes the updates template for `date` (default: the next report date).
pub fn template(dir: &Path, out: &Path, date: Option<&str>, lang: Lang) -> Result<String, Fail> {
    let folder = Folder::load(dir, lang)?;
    let date = date.map_or_else(|| next_report_date(&folder.plan, &folder.progress), str::to_owned);
    if day_of_year(&date).is_none() {
        return Err(Fail::io(say(Msg::BadDateArgument, lang, &[("date", &date)])));
    }
    let rows = template_rows(&folder.plan, &folder.progress, &date);
    if crate::sheet::is_xlsx_path(out) {
        let plan = &folder.plan;
        let subjects = plan
            .tasks
            .iter()
            .map(|t| t.id.clone())
            .chain(plan.commitments.iter().map(|c| c.id.clone()));
        let drop_downs = [
            DropDown { column: OF, choices: subjects.collect() },
            DropDown {
                column: STAGE,
                choices: Stage::ALL.iter().map(|s| s.label(Lang::Zh).to_owned()).collect(),
            },
        ];
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r.to_vec()).collect();
        let name = Msg::SheetNameUpdates.template(Lang::Zh);
        crate::sheet::write_xlsx(out, name, &COLUMNS, &rows, &drop_downs, lang)?;
    } else {
        write_csv(out, &COLUMNS, &rows, lang)?;
    }
    Ok(say(
        Msg::UpdatesTemplateWritten,
        lang,
        &[
            ("path", &out.display()),
            ("rows", &rows.len()),
            ("tasks", &folder.plan.tasks.len()),
            ("commitments", &folder.plan.commitments.len()),
            ("date", &date),
        ],
    ))
}

/// Every update as a row, in the file's order, then a row for each due date
/// of a commitment that has no update: the sheet reads back into the same
/// updates and due dates.
pub fn export_rows(plan: &PlanDocument, progress: &ProgressDocument) -> Vec<[String; WIDTH]> {
    let mut rows: Vec<[String; WIDTH]> = progress
        .updates
        .iter()
        .map(|u| subject_row(plan, progress, &u.of, &u.as_of, Some(u)))
        .collect();
    for d in &progress.deadlines {
        if plan.commitment(&d.of).is_some() && !progress.updates.iter().any(|u| u.of == d.of) {
            let date = progress.release.as_of.clone();
            rows.push(subject_row(plan, progress, &d.of, &date, None));
        }
    }
    rows
}

/// Writes `updates.csv` into `out_dir`; the number of rows.
pub fn export(
    folder: &Folder,
    out_dir: &Path,
    lang: Lang,
) -> Result<(std::path::PathBuf, usize), Fail> {
    let path = out_dir.join("updates.csv");
    let rows = export_rows(&folder.plan, &folder.progress);
    write_csv(&path, &COLUMNS, &rows, lang)?;
    Ok((path, rows.len()))
}

/// What a sheet row gives: an update, a due date, or both.
struct Row {
    row: usize,
    update: Option<Update>,
    deadline: Option<Deadline>,
}

fn read_rows(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    text: &str,
    shown: &str,
    lang: Lang,
) -> Result<(Vec<Row>, Vec<CellError>), Fail> {
    let mut reader =
        csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| Fail::invalid(format!("{shown}: {e}")))?.clone();
    let column_at = column_positions(&headers, &COLUMNS, &[OF, AS_OF, PROGRESS], shown, lang)?;
    let year = u32::from(plan.plan.plan_year);
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut dues: HashMap<String, (String, usize)> = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2; // the header is row 1
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let problem = say_both(Msg::UnreadableRow, &[("error", &e)]);
                errors.push(CellError { row, column: OF, problem });
                continue;
            }
        };
        let cell =
            |c: usize| column_at[c].and_then(|i| record.get(i)).map(str::trim).unwrap_or_default();
        let mut fail = |column: usize, msg: Msg, values: &[Value<'_>]| {
            errors.push(CellError { row, column, problem: say_both(msg, values) });
        };
        let of = cell(OF);
        let is_task = plan.tasks.iter().any(|t| t.id == of);
        let commitment = plan.commitment(of);
        let due = cell(DUE);
        // What a unit writes besides 进展; the stage only counts when it
        // differs from where the commitment stands.
        let words = [
            PROBLEMS,
            PROBLEMS + 1,
            NEXT_STEPS,
            NEXT_STEPS + 1,
            EVIDENCE_TITLE,
            EVIDENCE_TITLE_EN,
            EVIDENCE_URL,
            PROGRESS + 1,
        ];
        let said_more = words.iter().any(|&c| !cell(c).is_empty());
        let now = commitment.map(|c| commitment_state(plan, progress, c).stage);
        let new_stage = match (stage_from(cell(STAGE)), now) {
            (Ok(Some(stage)), Some(now)) if stage != now => Some(stage),
            _ => None,
        };
        if record.iter().all(|f| f.trim().is_empty())
            || (cell(PROGRESS).is_empty() && due.is_empty() && !said_more && new_stage.is_none())
        {
            continue; // blank or unfilled row (prefilled stage and due date as they stand)
        }
        if !is_task && commitment.is_none() {
            fail(OF, Msg::SheetUnknownSubject, &[("id", &of)]);
            continue;
        }
        let mut deadline = None;
        if !due.is_empty() {
            if is_task {
                fail(DUE, Msg::SheetDueForTask, &[]);
                continue;
            }
            if due_end(due).is_none() {
                fail(DUE, Msg::BadDue, &[("due", &due)]);
                continue;
            }
            // One commitment, one due date: two rows may not disagree.
            if let Some((other, first)) = dues.get(of)
                && other != due
            {
                fail(DUE, Msg::SheetConflictingDue, &[("first", first), ("due", other)]);
                continue;
            }
            dues.insert(of.to_owned(), (due.to_owned(), row));
            deadline = Some(Deadline { of: of.to_owned(), due: due.to_owned(), source: None });
        }
        if cell(PROGRESS).is_empty() {
            // A new stage, problems or next steps need their 进展: what happened.
            if let Some(stage) = new_stage {
                fail(PROGRESS, Msg::SheetStageWithoutProgress, &[("stage", &stage.label(lang))]);
                continue;
            }
            if said_more {
                fail(PROGRESS, Msg::SheetWordsWithoutProgress, &[]);
                continue;
            }
            rows.push(Row { row, update: None, deadline });
            continue;
        }
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
        let Ok(stage) = stage_from(cell(STAGE)) else {
            fail(STAGE, Msg::SheetBadStage, &[("stage", &cell(STAGE))]);
            continue;
        };
        match (is_task, stage) {
            (true, Some(_)) => {
                fail(STAGE, Msg::UpdateStageForTask, &[]);
                continue;
            }
            (false, None) => {
                fail(STAGE, Msg::UpdateNeedsStage, &[]);
                continue;
            }
            _ => {}
        }
        let text = |c: usize| match (cell(c), cell(c + 1)) {
            ("", "") => None,
            (zh, en) => Some(Bilingual { zh: zh.to_owned(), en: en.to_owned() }),
        };
        let lines = |c: usize| -> Vec<&str> {
            cell(c).lines().map(str::trim).filter(|l| !l.is_empty()).collect()
        };
        let (titles, urls) = (lines(EVIDENCE_TITLE), lines(EVIDENCE_URL));
        // English titles keep their places (an empty line is a title not
        // translated), so each stays with its link.
        let raw_en = column_at[EVIDENCE_TITLE_EN].and_then(|i| record.get(i)).unwrap_or_default();
        let titles_en: Vec<&str> = if raw_en.trim().is_empty() {
            Vec::new()
        } else {
            // Untrimmed: a leading empty line is the first title's place.
            raw_en.trim_end().split('\n').map(str::trim).collect()
        };
        if !titles_en.is_empty() && titles_en.len() != urls.len() {
            fail(
                EVIDENCE_TITLE_EN,
                Msg::SheetEvidenceMismatch,
                &[("titles", &titles_en.len()), ("links", &urls.len())],
            );
            continue;
        }
        if titles.len() != urls.len() {
            fail(
                EVIDENCE_URL,
                Msg::SheetEvidenceMismatch,
                &[("titles", &titles.len()), ("links", &urls.len())],
            );
            continue;
        }
        if let Some(bad) = urls.iter().find(|u| !is_web_address(u)) {
            fail(EVIDENCE_URL, Msg::EvidenceNotWeb, &[("url", bad)]);
            continue;
        }
        if let Some(first) = seen.insert((of.to_owned(), as_of.to_owned()), row) {
            fail(PROGRESS, Msg::SheetDuplicateUpdateRow, &[("first", &first)]);
            continue;
        }
        let evidence = titles
            .iter()
            .zip(&urls)
            .enumerate()
            .map(|(i, (t, u))| Evidence {
                title: Bilingual {
                    zh: (*t).to_owned(),
                    en: titles_en.get(i).copied().unwrap_or_default().to_owned(),
                },
                url: (*u).to_owned(),
            })
            .collect();
        let update = Update {
            of: of.to_owned(),
            as_of: as_of.to_owned(),
            stage,
            progress: text(PROGRESS).unwrap_or(Bilingual { zh: String::new(), en: String::new() }),
            problems: text(PROBLEMS),
            next_steps: text(NEXT_STEPS),
            evidence,
        };
        rows.push(Row { row, update: Some(update), deadline });
    }
    Ok((rows, errors))
}

/// What an import did.
pub struct UpdatesReport {
    /// Rows that report something or change a due date.
    pub rows: usize,
    /// New updates.
    pub added: usize,
    /// Updates replaced (same subject and date) with different words.
    pub updated: usize,
    /// Due dates set or changed.
    pub deadlines: usize,
}

/// Replaces updates with the same subject and date and adds new ones (kept in
/// date order), sets due dates; returns where each row's update and deadline
/// landed, for messages by row.
fn merge(progress: &mut ProgressDocument, rows: &[Row]) -> (UpdatesReport, HashMap<String, usize>) {
    let mut report = UpdatesReport { rows: 0, added: 0, updated: 0, deadlines: 0 };
    for r in rows {
        // A row counts when it reports something or changes a due date (not
        // for a due date the template filled in as it stood).
        let counted = r.update.is_some()
            || r.deadline.as_ref().is_some_and(|d| {
                progress.deadlines.iter().find(|x| x.of == d.of).is_none_or(|x| x.due != d.due)
            });
        report.rows += usize::from(counted);
        if let Some(u) = &r.update {
            match progress.updates.iter_mut().find(|x| x.of == u.of && x.as_of == u.as_of) {
                Some(old) if old != u => {
                    *old = u.clone();
                    report.updated += 1;
                }
                Some(_) => {}
                None => {
                    progress.updates.push(u.clone());
                    report.added += 1;
                }
            }
        }
        if let Some(d) = &r.deadline {
            match progress.deadlines.iter_mut().find(|x| x.of == d.of) {
                Some(old) if old.due != d.due => {
                    // The old source set the old date, not this one.
                    old.due = d.due.clone();
                    old.source = None;
                    report.deadlines += 1;
                }
                Some(_) => {}
                None => {
                    progress.deadlines.push(d.clone());
                    report.deadlines += 1;
                }
            }
        }
    }
    progress.updates.sort_by(|a, b| (&a.as_of, &a.of).cmp(&(&b.as_of, &b.of)));
    // The JSON path of each row's entries → the row.
    let mut row_of = HashMap::new();
    for r in rows {
        if let Some(u) = &r.update
            && let Some(i) =
                progress.updates.iter().position(|x| x.of == u.of && x.as_of == u.as_of)
        {
            row_of.insert(format!("updates[{i}]"), r.row);
        }
        if let Some(d) = &r.deadline
            && let Some(i) = progress.deadlines.iter().position(|x| x.of == d.of)
        {
            row_of.insert(format!("deadlines[{i}]"), r.row);
        }
    }
    (report, row_of)
}

/// The entry a finding's path is about (`updates[3]` of `updates[3].as_of`).
fn entry_of(path: &str) -> Option<&str> {
    let end = path.find(']')? + 1;
    Some(&path[..end])
}

/// Reads a filled updates sheet (already decoded) into the folder's
/// progress.json. All or nothing.
pub fn import_text(
    dir: &Path,
    mut folder: Folder,
    text: &str,
    shown: &str,
    lang: Lang,
) -> Result<String, Fail> {
    let (rows, errors) = read_rows(&folder.plan, &folder.progress, text, shown, lang)?;
    if !errors.is_empty() {
        print_cell_errors(&errors, &COLUMNS, shown, lang);
        return Err(Fail::invalid(say(
            Msg::ImportRefused,
            lang,
            &[("path", &shown), ("count", &errors.len())],
        )));
    }
    let (report, row_of) = merge(&mut folder.progress, &rows);
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
            if let Some(row) = entry_of(&l.finding.path).and_then(|e| row_of.get(e)) {
                let problem = l.finding.message(lang);
                eprintln!(
                    "{}",
                    say(
                        Msg::RowProblem,
                        lang,
                        &[("path", &shown), ("row", row), ("problem", &problem)]
                    )
                );
            }
        }
        print_findings(&findings, lang);
        return Err(Fail::invalid(
            summary(shown, errors, findings.len() - errors, lang)
                + &say(Msg::NothingImported, lang, &[]),
        ));
    }
    // Warnings do not stop the import, but the unit should read them.
    print_findings(&findings, lang);
    write_atomic(&progress_path, new_text.as_bytes()).map_err(|e| {
        Fail::io(say(
            Msg::CannotWriteKept,
            lang,
            &[("path", &progress_path.display()), ("error", &e)],
        ))
    })?;
    Ok(say(
        Msg::UpdatesImported,
        lang,
        &[
            ("path", &shown),
            ("rows", &report.rows),
            ("target", &progress_path.display()),
            ("added", &report.added),
            ("updated", &report.updated),
            ("deadlines", &report.deadlines),
        ],
    ))
}

/// The in-memory core of an updates import (for the fuzz target and tests):
/// `Ok` with the report when it would be imported, `Err` with the number of
/// errors when nothing would be.
pub fn import_updates_bytes(
    plan: &PlanDocument,
    progress: &mut ProgressDocument,
    bytes: &[u8],
    lang: Lang,
) -> Result<UpdatesReport, usize> {
    let text = sheet_text(bytes, None, "input.csv", lang).map_err(|_| 1usize)?;
    let (rows, errors) = read_rows(plan, progress, &text, "input.csv", lang).map_err(|_| 1usize)?;
    if !errors.is_empty() {
        return Err(errors.len());
    }
    let (report, _) = merge(progress, &rows);
    let errors = plan_model::validate_progress(plan, progress)
        .iter()
        .filter(|f| f.severity == plan_model::Severity::Error)
        .count();
    if errors > 0 { Err(errors) } else { Ok(report) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_read_in_either_language_or_as_codes() {
        assert_eq!(stage_from("推进中"), Ok(Some(Stage::InProgress)));
        assert_eq!(stage_from("Stalled"), Ok(Some(Stage::Stalled)));
        assert_eq!(stage_from("not_started"), Ok(Some(Stage::NotStarted)));
        assert_eq!(stage_from(""), Ok(None));
        assert_eq!(stage_from("进行中"), Err(()));
    }

    #[test]
    fn the_header_tells_the_two_sheets_apart() {
        assert!(is_updates_header("\u{feff}对象编号,类型,名称"));
        assert!(is_updates_header("\"of\",kind"));
        assert!(!is_updates_header("\u{feff}指标编号,指标名称"));
    }
}
