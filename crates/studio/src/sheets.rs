//! What reading a sheet gives: the verdict, every message, and the grid of
//! rows with their bad cells marked.

use plan_model::messages::say;
use plan_model::{Lang, PROGRESS_FILE, ProgressDocument, Severity};
use plan_publish::import::{ImportError, SheetKind, import_text};
use plan_publish::messages::PublishMsg;
use plan_publish::sheet::sheet_text;
use serde::{Deserialize, Serialize};

use crate::open::{Current, MAX_FILE_BYTES};

/// Most rows the grid shows (the messages list them all).
pub const GRID_ROWS: usize = 200;
/// Most messages listed about one sheet (the count says how many more).
pub const LINES_LISTED: usize = 500;

/// How a sheet went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Not read at all.
    Refused,
    /// Bad cells.
    BadCells,
    /// Cells fine, the result fails the checks.
    Invalid,
    /// Read into the draft.
    Imported,
}

/// One message about the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// An error (else a warning).
    pub error: bool,
    /// The sheet row it is about.
    pub row: Option<usize>,
    /// The message.
    pub text: String,
}

/// A cell of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// What the sheet has there.
    pub text: String,
    /// What is wrong with it, if anything.
    pub problem: Option<String>,
}

/// A row of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridRow {
    /// Its number in the sheet (the header is 1).
    pub number: usize,
    /// Its cells, in the template's column order.
    pub cells: Vec<Cell>,
    /// A problem with the row as a whole (a finding on its entry).
    pub problem: Option<String>,
}

/// The rows with problems, as the sheet has them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Grid {
    /// The template's Chinese headings (and English in brackets).
    pub headings: Vec<String>,
    /// The rows, in sheet order (at most [`GRID_ROWS`]).
    pub rows: Vec<GridRow>,
    /// Rows with problems not shown.
    pub more: usize,
}

/// What reading one sheet gave.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    /// The file's name.
    pub file: String,
    /// How it went.
    pub verdict: Verdict,
    /// The headline.
    pub summary: String,
    /// The messages, in sheet order (at most [`LINES_LISTED`]).
    pub lines: Vec<Line>,
    /// Messages not listed.
    pub more_lines: usize,
    /// Warnings on the draft after an import (all of them, listed or not).
    pub warnings: usize,
    /// The rows with problems.
    pub grid: Grid,
    /// The draft after it: `Some` only when imported (kept where the
    /// session is, never sent to the page).
    #[serde(skip)]
    pub draft: Option<ProgressDocument>,
}

/// The sheet's cells by row, in the template's column order, for the rows
/// asked for (`wanted` in sheet numbering).
fn rows_of(
    text: &str,
    kind: SheetKind,
    wanted: &std::collections::BTreeSet<usize>,
) -> Vec<(usize, Vec<String>)> {
    let columns = kind.columns();
    let mut reader = plan_publish::sheet::reader(text);
    let Ok(headers) = reader.headers().cloned() else { return Vec::new() };
    let at: Vec<Option<usize>> = columns
        .iter()
        .map(|(zh, en)| {
            // The last heading that matches, as the import reads the sheet.
            headers
                .iter()
                .enumerate()
                .filter(|(_, h)| {
                    let h = h.trim().trim_start_matches(plan_publish::sheet::BOM);
                    h == *zh || h.eq_ignore_ascii_case(en)
                })
                .map(|(i, _)| i)
                .last()
        })
        .collect();
    let mut out = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let number = index + 2;
        if !wanted.contains(&number) {
            continue;
        }
        let cells = match record {
            Ok(r) => at.iter().map(|i| i.and_then(|i| r.get(i)).unwrap_or("").to_owned()).collect(),
            Err(_) => vec![String::new(); columns.len()],
        };
        out.push((number, cells));
        if out.len() == wanted.len() {
            break;
        }
    }
    out
}

/// Why a file of `size` bytes is not read, if it is too large.
pub fn too_large(size: u64, lang: Lang) -> Option<String> {
    let max = MAX_FILE_BYTES as u64;
    let mb = |b: u64| b.div_ceil(1024 * 1024);
    (size > max)
        .then(|| say(PublishMsg::WorkbookTooLarge, lang, &[("size", &mb(size)), ("max", &mb(max))]))
}

/// The first [`LINES_LISTED`] lines, and how many more there are.
fn capped(mut lines: Vec<Line>) -> (Vec<Line>, usize) {
    let more = lines.len().saturating_sub(LINES_LISTED);
    lines.truncate(LINES_LISTED);
    (lines, more)
}

/// Why a file was refused, in the studio's words: the draft, not
/// progress.json, is what stays as it was.
fn refusal_message(refusal: &plan_publish::sheet::Refusal, file: &str, lang: Lang) -> String {
    use crate::text::{Say, say as studio_say};
    match refusal {
        plan_publish::sheet::Refusal::Workbook(problem) => {
            format!("{file}：{}{}", problem.get(lang), studio_say(Say::DraftUnchanged, lang, &[]))
        }
        // The tool's words name its command-line options: here, the page's.
        plan_publish::sheet::Refusal::Encoding(encoding) => format!(
            "{file}：{}{}",
            studio_say(Say::WrongEncoding, lang, &[("encoding", encoding)]),
            studio_say(Say::DraftUnchanged, lang, &[])
        ),
        plan_publish::sheet::Refusal::MissingColumn { zh, en } => format!(
            "{file}：{}{}",
            studio_say(Say::MissingColumn, lang, &[("zh", zh), ("en", en)]),
            studio_say(Say::DraftUnchanged, lang, &[])
        ),
        other => {
            format!("{}{}", other.message(file, lang), studio_say(Say::DraftUnchanged, lang, &[]))
        }
    }
}

/// A sheet refused whole, with why.
pub(crate) fn refused_outcome(file: &str, problem: String) -> Outcome {
    Outcome {
        file: file.to_owned(),
        verdict: Verdict::Refused,
        summary: format!("✗ {problem}"),
        lines: Vec::new(),
        more_lines: 0,
        warnings: 0,
        grid: Grid::default(),
        draft: None,
    }
}

/// Reads `bytes` (a sheet named `file`) into a copy of `draft`.
pub fn read_sheet(
    current: &Current,
    draft: &ProgressDocument,
    file: &str,
    bytes: &[u8],
    lang: Lang,
) -> Outcome {
    let refused = |problem: String| refused_outcome(file, problem);
    if let Some(problem) = too_large(bytes.len() as u64, lang) {
        return refused(format!("{file}：{problem}"));
    }
    let text = match sheet_text(bytes, None) {
        Ok(text) => text,
        Err(refusal) => return refused(refusal_message(&refusal, file, lang)),
    };
    let plan = &current.plan;
    match import_text(plan, draft, &text) {
        Ok(imported) => {
            let report = imported.report.message(file, PROGRESS_FILE, lang);
            let warnings = imported.checked.findings.len();
            let (lines, more_lines) = capped(
                imported
                    .checked
                    .findings
                    .iter()
                    .map(|f| Line {
                        error: false,
                        row: imported.checked.row_of(f),
                        text: format!("[{}] {}: {}", f.code, f.path, f.message(lang)),
                    })
                    .collect(),
            );
            Outcome {
                file: file.to_owned(),
                verdict: Verdict::Imported,
                summary: format!("✔ {report}"),
                lines,
                more_lines,
                warnings,
                grid: Grid::default(),
                draft: Some(imported.progress),
            }
        }
        Err(ImportError::Refused(refusal)) => refused(refusal_message(&refusal, file, lang)),
        Err(ImportError::Cells { kind, errors }) => {
            let columns = kind.columns();
            let (lines, more_lines) = capped(
                errors
                    .iter()
                    .map(|e| Line {
                        error: true,
                        row: Some(e.row),
                        text: e.message(columns, file, lang),
                    })
                    .collect(),
            );
            // The first problem of each cell, found by its place.
            let mut at: std::collections::HashMap<(usize, usize), &str> =
                std::collections::HashMap::new();
            for e in &errors {
                at.entry((e.row, e.column)).or_insert(e.problem.get(lang));
            }
            let wanted: std::collections::BTreeSet<usize> = errors.iter().map(|e| e.row).collect();
            let shown: std::collections::BTreeSet<usize> =
                wanted.iter().copied().take(GRID_ROWS).collect();
            let rows = rows_of(&text, kind, &shown)
                .into_iter()
                .map(|(number, texts)| GridRow {
                    number,
                    cells: texts
                        .into_iter()
                        .enumerate()
                        .map(|(c, text)| Cell {
                            text,
                            problem: at.get(&(number, c)).map(|p| (*p).to_owned()),
                        })
                        .collect(),
                    problem: None,
                })
                .collect();
            Outcome {
                file: file.to_owned(),
                verdict: Verdict::BadCells,
                summary: format!(
                    "✗ {}",
                    crate::text::say(
                        crate::text::Say::BadCells,
                        lang,
                        &[("file", &file), ("count", &errors.len())]
                    )
                ),
                lines,
                more_lines,
                warnings: 0,
                grid: Grid {
                    headings: headings(columns, lang),
                    rows,
                    more: wanted.len() - shown.len(),
                },
                draft: None,
            }
        }
        Err(ImportError::Invalid(rejected)) => {
            let lines: Vec<Line> = rejected
                .findings
                .iter()
                .map(|f| {
                    let row = rejected.row_of(f);
                    let message = format!("[{}] {}: {}", f.code, f.path, f.message(lang));
                    let text = match row {
                        Some(row) => say(
                            PublishMsg::RowProblem,
                            lang,
                            &[("path", &file), ("row", &row), ("problem", &message)],
                        ),
                        None => message,
                    };
                    Line { error: f.severity == Severity::Error, row, text }
                })
                .collect();
            let wanted: std::collections::BTreeSet<usize> =
                lines.iter().filter_map(|l| l.row).collect();
            // Each row's first finding, found by its row.
            let mut first: std::collections::HashMap<usize, String> =
                std::collections::HashMap::new();
            for f in &rejected.findings {
                if let Some(row) = rejected.row_of(f) {
                    first.entry(row).or_insert_with(|| f.message(lang).to_owned());
                }
            }
            let (lines, more_lines) = capped(lines);
            let shown: std::collections::BTreeSet<usize> =
                wanted.iter().copied().take(GRID_ROWS).collect();
            let rows = rows_of(&text, rejected.kind, &shown)
                .into_iter()
                .map(|(number, texts)| GridRow {
                    number,
                    cells: texts.into_iter().map(|text| Cell { text, problem: None }).collect(),
                    problem: first.get(&number).cloned(),
                })
                .collect();
            Outcome {
                file: file.to_owned(),
                verdict: Verdict::Invalid,
                summary: format!(
                    "✗ {}{}",
                    summary(
                        file,
                        rejected.errors(),
                        rejected.findings.len() - rejected.errors(),
                        lang
                    ),
                    crate::text::say(crate::text::Say::DraftUnchanged, lang, &[])
                ),
                lines,
                more_lines,
                warnings: 0,
                grid: Grid {
                    headings: headings(rejected.kind.columns(), lang),
                    rows,
                    more: wanted.len() - shown.len(),
                },
                draft: None,
            }
        }
    }
}

/// The closing line of a check: how many errors and warnings.
fn summary(what: &str, errors: usize, warnings: usize, lang: Lang) -> String {
    say(
        PublishMsg::CheckSummary,
        lang,
        &[("what", &what), ("errors", &errors), ("warnings", &warnings)],
    )
}

fn headings(columns: &[(&str, &str)], lang: Lang) -> Vec<String> {
    columns
        .iter()
        .map(|(zh, en)| match lang {
            Lang::Zh => (*zh).to_owned(),
            Lang::En => format!("{zh} ({en})"),
        })
        .collect()
}
