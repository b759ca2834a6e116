//! The updates sheet: one row per key task and per commitment for a
//! reporting date (进展 / 问题 / 下一步, a commitment's stage, evidence, its
//! due date), filled in by the responsible units and read into the progress
//! data's `updates` and `deadlines`. Same rules as the figures' sheet: all
//! or nothing, every bad cell named by row and column, then the whole file
//! checked as a published one would be.

use crate::messages::PublishMsg;
use std::collections::HashMap;

use plan_model::commitments::commitment_state;
use plan_model::date::due_end;
use plan_model::messages::{Msg, in_each_language, say, say_both};
use plan_model::progress::{Confidence, ConfidenceLevel, Deadline, Evidence, Stage, Update};
use plan_model::validate::is_web_address;
use plan_model::{Bilingual, Lang, PlanDocument, ProgressDocument};

use crate::Format;
use crate::sheet::{
    BOM, CellError, Refusal, cell_at, column_positions, csv_text, data_rows, headings, plain,
    plan_year_date, quarter_ends, reader, template_file,
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
    ("信心", "confidence"),
    ("信心理由", "confidence_reason"),
    ("信心理由（英文）", "confidence_reason_en"),
];
const WIDTH: usize = 19;
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
const CONFIDENCE: usize = 16;
const CONFIDENCE_REASON: usize = 17;

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
    let ends = quarter_ends(plan.plan.plan_year);
    let last = ends.last().cloned().unwrap_or_default();
    ends.into_iter().find(|d| d.as_str() > progress.release.as_of.as_str()).unwrap_or(last)
}

/// A sheet's word for one of a few choices (a stage, a confidence): the
/// Chinese word, the English one in any case, or the data's code; empty is
/// none.
fn choice_from<T: Copy>(
    cell: &str,
    all: &[T],
    label: fn(T, Lang) -> &'static str,
    code: fn(T) -> &'static str,
) -> Result<Option<T>, ()> {
    if cell.is_empty() {
        return Ok(None);
    }
    all.iter()
        .copied()
        .find(|&c| {
            cell == label(c, Lang::Zh)
                || cell.eq_ignore_ascii_case(label(c, Lang::En))
                || cell == code(c)
        })
        .map(Some)
        .ok_or(())
}

fn confidence_from(cell: &str) -> Result<Option<ConfidenceLevel>, ()> {
    choice_from(cell, &ConfidenceLevel::ALL, ConfidenceLevel::label, ConfidenceLevel::code)
}

fn stage_from(cell: &str) -> Result<Option<Stage>, ()> {
    choice_from(cell, &Stage::ALL, Stage::label, Stage::code)
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
        row[KIND] = PublishMsg::SheetKindCommitment.template(Lang::Zh).to_owned();
        row[2] = c.name.zh.clone();
        row[3] = c
            .task
            .as_deref()
            .and_then(task_label)
            .unwrap_or_else(|| PublishMsg::SheetSafeguards.template(Lang::Zh).to_owned());
        let stage = update.and_then(|u| u.stage).unwrap_or(state.stage);
        row[STAGE] = stage.label(Lang::Zh).to_owned();
        if !state.due.from_plan {
            row[DUE] = state.due.written.clone();
        }
    } else {
        row[KIND] = PublishMsg::SheetKindTask.template(Lang::Zh).to_owned();
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
        if let Some(c) = &u.confidence {
            row[CONFIDENCE] = c.level.label(Lang::Zh).to_owned();
            (row[CONFIDENCE_REASON], row[CONFIDENCE_REASON + 1]) = pair(&c.reason);
        }
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

/// The drop-down lists of the workbook template: subject and stage.
fn drop_downs(plan: &PlanDocument) -> Vec<DropDown> {
    let subjects = plan
        .tasks
        .iter()
        .map(|t| t.id.clone())
        .chain(plan.commitments.iter().map(|c| c.id.clone()));
    vec![
        DropDown { column: OF, choices: subjects.collect() },
        DropDown {
            column: STAGE,
            choices: Stage::ALL.iter().map(|s| s.label(Lang::Zh).to_owned()).collect(),
        },
        DropDown {
            column: CONFIDENCE,
            choices: ConfidenceLevel::ALL.iter().map(|l| l.label(Lang::Zh).to_owned()).collect(),
        },
    ]
}

/// The template's file for one reporting date, as CSV or as a workbook with
/// drop-down lists.
pub fn template(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    date: &str,
    format: Format,
) -> Result<Vec<u8>, String> {
    let rows = template_rows(plan, progress, date);
    template_file(format, PublishMsg::SheetNameUpdates, &COLUMNS, &rows, &drop_downs(plan))
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

/// The updates and due dates as a CSV file (`updates.csv`) that reads back
/// the same.
pub fn updates_csv(plan: &PlanDocument, progress: &ProgressDocument) -> String {
    csv_text(&headings(&COLUMNS), &export_rows(plan, progress))
}

/// What a sheet row gives: an update, a due date, or both.
pub(crate) struct Row {
    row: usize,
    update: Option<Update>,
    deadline: Option<Deadline>,
}

/// Reads the rows of a filled sheet: those that report something or change
/// a due date, and every bad cell.
pub(crate) fn read_rows(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    text: &str,
) -> Result<(Vec<Row>, Vec<CellError>), Refusal> {
    let mut reader = reader(text);
    let column_at = column_positions(&mut reader, &COLUMNS, &[OF, AS_OF, PROGRESS])?;
    let year = u32::from(plan.plan.plan_year);
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut dues: HashMap<String, (String, usize)> = HashMap::new();
    for read in data_rows(&mut reader, OF) {
        let (row, record) = match read {
            Ok(read) => read,
            Err(unreadable) => {
                errors.push(unreadable);
                continue;
            }
        };
        let cell = |c: usize| cell_at(&record, &column_at, c);
        let mut fail = |column: usize, problem: Bilingual| {
            errors.push(CellError { row, column, problem });
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
            CONFIDENCE,
            CONFIDENCE_REASON,
            CONFIDENCE_REASON + 1,
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
            fail(OF, say_both(PublishMsg::SheetUnknownSubject, &[("id", &of)]));
            continue;
        }
        let mut deadline = None;
        if !due.is_empty() {
            if is_task {
                fail(DUE, say_both(PublishMsg::SheetDueForTask, &[]));
                continue;
            }
            if due_end(due).is_none() {
                fail(DUE, say_both(Msg::BadDue, &[("due", &due)]));
                continue;
            }
            // One commitment, one due date: two rows may not disagree.
            if let Some((other, first)) = dues.get(of)
                && other != due
            {
                fail(
                    DUE,
                    say_both(PublishMsg::SheetConflictingDue, &[("first", first), ("due", other)]),
                );
                continue;
            }
            dues.insert(of.to_owned(), (due.to_owned(), row));
            deadline = Some(Deadline { of: of.to_owned(), due: due.to_owned(), source: None });
        }
        if cell(PROGRESS).is_empty() {
            // A new stage, problems or next steps need their 进展: what happened.
            if let Some(stage) = new_stage {
                let problem = in_each_language(|lang| {
                    say(
                        PublishMsg::SheetStageWithoutProgress,
                        lang,
                        &[("stage", &stage.label(lang))],
                    )
                });
                errors.push(CellError { row, column: PROGRESS, problem });
                continue;
            }
            if said_more {
                fail(PROGRESS, say_both(PublishMsg::SheetWordsWithoutProgress, &[]));
                continue;
            }
            rows.push(Row { row, update: None, deadline });
            continue;
        }
        let as_of = cell(AS_OF);
        if let Err(problem) = plan_year_date(as_of, year) {
            fail(AS_OF, problem);
            continue;
        }
        let Ok(stage) = stage_from(cell(STAGE)) else {
            fail(STAGE, say_both(PublishMsg::SheetBadStage, &[("stage", &cell(STAGE))]));
            continue;
        };
        match (is_task, stage) {
            (true, Some(_)) => {
                fail(STAGE, say_both(Msg::UpdateStageForTask, &[]));
                continue;
            }
            (false, None) => {
                fail(STAGE, say_both(Msg::UpdateNeedsStage, &[]));
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
        let raw_en =
            plain(column_at[EVIDENCE_TITLE_EN].and_then(|i| record.get(i)).unwrap_or_default());
        let titles_en: Vec<&str> = if raw_en.trim().is_empty() {
            Vec::new()
        } else {
            // Untrimmed: a leading empty line is the first title's place.
            raw_en.trim_end().split('\n').map(str::trim).collect()
        };
        if !titles_en.is_empty() && titles_en.len() != urls.len() {
            fail(
                EVIDENCE_TITLE_EN,
                say_both(
                    PublishMsg::SheetEvidenceMismatch,
                    &[("titles", &titles_en.len()), ("links", &urls.len())],
                ),
            );
            continue;
        }
        if titles.len() != urls.len() {
            fail(
                EVIDENCE_URL,
                say_both(
                    PublishMsg::SheetEvidenceMismatch,
                    &[("titles", &titles.len()), ("links", &urls.len())],
                ),
            );
            continue;
        }
        if let Some(bad) = urls.iter().find(|u| !is_web_address(u)) {
            fail(EVIDENCE_URL, say_both(Msg::EvidenceNotWeb, &[("url", bad)]));
            continue;
        }
        let Ok(level) = confidence_from(cell(CONFIDENCE)) else {
            fail(
                CONFIDENCE,
                say_both(PublishMsg::SheetBadConfidence, &[("level", &cell(CONFIDENCE))]),
            );
            continue;
        };
        let reason = text(CONFIDENCE_REASON);
        let confidence = match (level, reason) {
            (None, None) => None,
            (Some(level), Some(reason)) if !reason.zh.trim().is_empty() => {
                Some(Confidence { level, reason })
            }
            (Some(_), _) => {
                fail(CONFIDENCE_REASON, say_both(Msg::ConfidenceWithoutReason, &[]));
                continue;
            }
            (None, Some(_)) => {
                fail(CONFIDENCE, say_both(PublishMsg::SheetReasonWithoutConfidence, &[]));
                continue;
            }
        };
        if let Some(first) = seen.insert((of.to_owned(), as_of.to_owned()), row) {
            fail(PROGRESS, say_both(PublishMsg::SheetDuplicateUpdateRow, &[("first", &first)]));
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
            confidence,
        };
        rows.push(Row { row, update: Some(update), deadline });
    }
    Ok((rows, errors))
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
pub(crate) fn merge(
    progress: &mut ProgressDocument,
    rows: &[Row],
) -> (UpdatesReport, HashMap<String, usize>) {
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
