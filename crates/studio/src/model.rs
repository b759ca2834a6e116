//! What the studio shows, worked out without a browser (tested natively):
//! the release it starts from, what reading a sheet gives (the verdict,
//! every message, the grid of rows with their bad cells marked, what
//! changed), and the release's files as a ZIP.

use std::collections::BTreeMap;

use plan_model::diff::diff_releases;
use plan_model::messages::{Msg, say};
use plan_model::release::{MANIFEST_FILE, RELEASE_INDEX_FILE, RELEASES_DIR, ReleaseSummary};
use plan_model::status::Scorecard;
use plan_model::{
    Lang, PLAN_FILE, PROGRESS_FILE, PlanDocument, ProgressDocument, Severity, parse_plan,
    parse_progress, validate_plan, validate_progress,
};
use plan_publish::import::{ImportError, SheetKind, import_text};
use plan_publish::release::{ReleaseRequest, assemble};
use plan_publish::sheet::sheet_text;
use serde::{Deserialize, Serialize};

/// Most rows the grid shows (the messages list them all).
pub const GRID_ROWS: usize = 200;
/// Most changes listed.
pub const CHANGES_LISTED: usize = 300;
/// Most messages listed about one sheet (the count says how many more).
pub const LINES_LISTED: usize = 500;
/// Largest file the studio reads, in bytes: what a workbook may be.
pub const MAX_FILE_BYTES: usize = plan_publish::workbook::MAX_WORKBOOK_BYTES;

/// The release the studio starts from: the site's own files.
#[derive(Debug, Clone)]
pub struct Current {
    /// The plan.
    pub plan: PlanDocument,
    /// The current release's progress data.
    pub progress: ProgressDocument,
    /// The releases index as served (its text, as the tool reads it).
    pub index_text: Option<String>,
    /// The versions already published.
    pub versions: Vec<String>,
    /// The data folder's files the manifest lists: name and bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// Frozen releases a release ZIP held (`data/releases/<v>/…`): carried
    /// into the next ZIP, so that uploading the last one alone loses none.
    pub carried: Vec<(String, Vec<u8>)>,
    /// What a ZIP or folder held that no manifest vouches for (left out).
    pub left_out: Vec<String>,
}

impl Current {
    /// The release from its files (`files`: every file the manifest lists,
    /// plan.json and progress.json among them) and the releases index.
    pub fn open(
        files: Vec<(String, Vec<u8>)>,
        index_text: Option<String>,
        lang: Lang,
    ) -> Result<Self, String> {
        let text = |name: &str| -> Result<String, String> {
            let bytes = files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, b)| b.clone())
                .ok_or_else(|| format!("{name}: —"))?;
            String::from_utf8(bytes).map_err(|e| format!("{name}: {e}"))
        };
        // Names become paths in the release and entries of its ZIP.
        if let Some((name, _)) =
            files.iter().find(|(n, _)| !plan_model::release::is_valid_file_name(n))
        {
            return Err(say(Msg::BadFileName, lang, &[("name", name)]));
        }
        let plan = parse_plan(PLAN_FILE, &text(PLAN_FILE)?).map_err(|e| e.message(lang))?;
        let progress =
            parse_progress(PROGRESS_FILE, &text(PROGRESS_FILE)?).map_err(|e| e.message(lang))?;
        // The index is the one guard against reusing a published version
        // (the tool also sees the frozen folder): one that cannot be read
        // stops the studio rather than starting the history again.
        let index: Vec<ReleaseSummary> = match index_text.as_deref() {
            None => Vec::new(),
            Some(t) => serde_json::from_str(t)
                .map_err(|e| format!("data/{RELEASES_DIR}/{RELEASE_INDEX_FILE}: {e}"))?,
        };
        // Its versions become folders and links.
        if let Some(f) = plan_model::validate::validate_index(&index).first() {
            let path = format!("data/{RELEASES_DIR}/{RELEASE_INDEX_FILE}");
            return Err(format!("{path}: {}: {}", f.path, f.message(lang)));
        }
        let mut versions: Vec<String> = index.into_iter().map(|r| r.version).collect();
        versions.push(progress.release.version.clone());
        versions.extend(progress.release.changelog.iter().map(|c| c.version.clone()));
        versions.dedup();
        Ok(Self {
            plan,
            progress,
            index_text,
            versions,
            files,
            carried: Vec::new(),
            left_out: Vec::new(),
        })
    }

    /// The release in a release ZIP (one the studio made, not yet uploaded,
    /// or any ZIP of a data folder): its top-level `data/` files and its
    /// releases index. The ZIP is untrusted: its size and what it unpacks to
    /// are bounded as a workbook's are.
    pub fn from_zip(bytes: &[u8], shown: &str, lang: Lang) -> Result<Self, String> {
        use std::io::Read;
        let refused = |why: String| format!("{shown}：{why}");
        if bytes.len() > MAX_FILE_BYTES {
            let mb = |b: usize| b.div_ceil(1024 * 1024);
            return Err(refused(say(
                Msg::WorkbookTooLarge,
                lang,
                &[("size", &mb(bytes.len())), ("max", &mb(MAX_FILE_BYTES))],
            )));
        }
        let not_release = || refused(crate::text::say(crate::text::Say::NotARelease, lang, &[]));
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| not_release())?;
        // Declared sizes, added without wrapping (a Zip64 entry may claim 2^63).
        let unpacked: u64 = (0..archive.len())
            .filter_map(|i| archive.by_index_raw(i).ok().map(|f| f.size()))
            .fold(0, u64::saturating_add);
        let max = plan_publish::workbook::MAX_UNPACKED_BYTES;
        if unpacked > max {
            return Err(refused(unpacks_too_large(unpacked, lang)));
        }
        let mut entries = Vec::new();
        // What is read may not pass the limit either, whatever was declared.
        let mut budget = max;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).map_err(|_| not_release())?;
            let Some(name) = entry.enclosed_name().and_then(|p| p.to_str().map(str::to_owned))
            else {
                continue;
            };
            if release_entry(&name).is_none() {
                continue;
            }
            let mut content = Vec::new();
            (&mut entry).take(budget + 1).read_to_end(&mut content).map_err(|_| not_release())?;
            budget = budget
                .checked_sub(content.len() as u64)
                .ok_or_else(|| refused(unpacks_too_large(max + 1, lang)))?;
            entries.push((name, content));
        }
        Self::from_entries(entries, lang).map_err(|why| match why {
            None => not_release(),
            Some(why) => refused(why),
        })
    }

    /// The release in a folder on this computer the user chose: the site's
    /// folder, its `data` folder, or an unpacked release ZIP (`files`: paths
    /// from the chosen folder, as [`folder_entries`] picked them).
    pub fn from_folder(
        files: Vec<(String, Vec<u8>)>,
        shown: &str,
        lang: Lang,
    ) -> Result<Self, String> {
        let refused = |why: String| format!("{shown}：{why}");
        let total = files.iter().map(|(_, b)| b.len() as u64).fold(0, u64::saturating_add);
        if total > plan_publish::workbook::MAX_UNPACKED_BYTES {
            return Err(refused(unpacks_too_large(total, lang)));
        }
        Self::from_entries(files, lang).map_err(|why| {
            refused(why.unwrap_or_else(|| {
                crate::text::say(crate::text::Say::NotAReleaseFolder, lang, &[])
            }))
        })
    }

    /// The release in `entries` (`data/…` paths, as [`release_entry`] keeps
    /// them); `Err(None)` when they hold no release at all.
    fn from_entries(entries: Vec<(String, Vec<u8>)>, lang: Lang) -> Result<Self, Option<String>> {
        let vouched = crate::vouch::vouch(entries, lang)?;
        let mut current = Self::open(vouched.files, vouched.index, lang).map_err(Some)?;
        current.carried = vouched.carried;
        current.left_out = vouched.left_out;
        Ok(current)
    }

    /// The line that says what the studio starts from.
    pub fn describe(&self, lang: Lang) -> String {
        let r = &self.progress.release;
        let said = crate::text::say(
            crate::text::Say::Current,
            lang,
            &[
                ("version", &r.version),
                ("as_of", &r.as_of),
                ("figures", &self.progress.observations.len()),
                ("updates", &self.progress.updates.len()),
            ],
        );
        if self.left_out.is_empty() {
            return said;
        }
        let files = self.left_out.join(if lang == Lang::Zh { "、" } else { ", " });
        let left = crate::text::say(crate::text::Say::LeftOut, lang, &[("files", &files)]);
        format!("{said} {left}")
    }
}

/// What a path from a release's root (`data/…`) is to the studio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry<'a> {
    /// A top-level data file (its name).
    Data(&'a str),
    /// The releases index.
    Index,
    /// A frozen release's file (`data/releases/<version>/<file>`).
    Frozen,
}

/// What `path` is in a release, or `None` for what the studio leaves
/// (pages, and anything else a site's folder holds).
fn release_entry(path: &str) -> Option<Entry<'_>> {
    let rest = path.strip_prefix("data/")?;
    if !rest.contains('/') {
        return Some(Entry::Data(rest));
    }
    let releases = rest.strip_prefix(RELEASES_DIR)?.strip_prefix('/')?;
    if releases == RELEASE_INDEX_FILE {
        return Some(Entry::Index);
    }
    (releases.split('/').count() == 2).then_some(Entry::Frozen)
}

/// The files of a folder the user chose that the studio reads, each as a
/// path from the release's root (`data/…`) beside its place in `paths`.
/// `paths` are as the browser gives them: from the chosen folder, its name
/// first (`site/data/plan.json`). The data folder is the shallowest one
/// holding `manifest.json`, `plan.json` and `progress.json`, so the chosen
/// folder may be the site's, its `data` folder, or one above them.
pub fn folder_entries(paths: &[String]) -> Vec<(usize, String)> {
    let has = |dir: &str, name: &str| paths.iter().any(|p| p == &format!("{dir}{name}"));
    let data = paths
        .iter()
        .filter_map(|p| p.strip_suffix(MANIFEST_FILE))
        .filter(|dir| dir.is_empty() || dir.ends_with('/'))
        .filter(|dir| has(dir, PLAN_FILE) && has(dir, PROGRESS_FILE))
        .min_by_key(|dir| (dir.matches('/').count(), dir.len()));
    let Some(data) = data else { return Vec::new() };
    paths
        .iter()
        .enumerate()
        .filter_map(|(at, p)| {
            let inside = format!("data/{}", p.strip_prefix(data)?);
            release_entry(&inside).is_some().then_some((at, inside))
        })
        .collect()
}

/// "Unpacks to more than allowed", in the workbook's words.
fn unpacks_too_large(bytes: u64, lang: Lang) -> String {
    let mb = |b: u64| b.div_ceil(1024 * 1024);
    let max = plan_publish::workbook::MAX_UNPACKED_BYTES;
    say(Msg::WorkbookUnpacksTooLarge, lang, &[("size", &mb(bytes)), ("max", &mb(max))])
}

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
        .then(|| say(Msg::WorkbookTooLarge, lang, &[("size", &mb(size)), ("max", &mb(max))]))
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
fn refused_outcome(file: &str, problem: String) -> Outcome {
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
                            Msg::RowProblem,
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
    say(Msg::CheckSummary, lang, &[("what", &what), ("errors", &errors), ("warnings", &warnings)])
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

/// What changed from the current release to the draft, one line each (at
/// most [`CHANGES_LISTED`]), and how many more there are.
pub fn changes(current: &Current, draft: &ProgressDocument, lang: Lang) -> (Vec<String>, usize) {
    let diff = diff_releases((&current.plan, &current.progress), (&current.plan, draft));
    let mut all: Vec<String> =
        diff.changes.iter().map(|c| c.describe_named(&current.plan, lang)).collect();
    all.extend(report_changes(current, draft, lang));
    let more = all.len().saturating_sub(CHANGES_LISTED);
    all.truncate(CHANGES_LISTED);
    (all, more)
}

/// The updates (进展) and due dates the draft adds or changes: the release
/// diff covers figures only.
fn report_changes(current: &Current, draft: &ProgressDocument, lang: Lang) -> Vec<String> {
    use crate::text::{Say, say};
    let plan = &current.plan;
    let name = |of: &str| {
        plan.commitment(of)
            .map(|c| c.name.get(lang).to_owned())
            .or_else(|| plan.tasks.iter().find(|t| t.id == of).map(|t| t.name.get(lang).to_owned()))
            .unwrap_or_else(|| of.to_owned())
    };
    let mut out = Vec::new();
    for u in &draft.updates {
        let before = current.progress.updates.iter().find(|x| x.of == u.of && x.as_of == u.as_of);
        let key = match before {
            None => Say::UpdateAdded,
            Some(old) if old != u => Say::UpdateChanged,
            Some(_) => continue,
        };
        out.push(say(key, lang, &[("name", &name(&u.of)), ("date", &u.as_of)]));
    }
    for d in &draft.deadlines {
        let before = current.progress.deadlines.iter().find(|x| x.of == d.of);
        if before.is_none_or(|b| b.due != d.due) {
            let old = before.map_or_else(|| "—".to_owned(), |b| b.due.clone());
            out.push(say(
                Say::DueChanged,
                lang,
                &[("name", &name(&d.of)), ("before", &old), ("after", &d.due)],
            ));
        }
    }
    out
}

/// The site's own files a release's pages are rendered from, beside the
/// data the manifest lists: Trunk's page (`index.html`, or `template.html`
/// once the pages are rendered), the kept address, the studio's loader and
/// every published release's frozen plan and figures (for the feeds). The
/// page fetches those the site has; `index_text` is the releases index.
pub fn site_files_wanted(index_text: Option<&str>) -> Vec<String> {
    // The names `site::publish` reads (`TEMPLATE_FILE`, `SITE_FILE`,
    // `STUDIO_FILE`, `history_files`): the page's wasm has not the renderer
    // to ask (tests/same_as_cli.rs checks these are what it reads).
    let mut wanted: Vec<String> =
        ["index.html", "template.html", "site.json", "studio/studio.json"]
            .map(str::to_owned)
            .to_vec();
    let index: Vec<ReleaseSummary> =
        index_text.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    for release in &index {
        for name in [PLAN_FILE, PROGRESS_FILE] {
            wanted.push(format!("data/{RELEASES_DIR}/{}/{name}", release.version));
        }
    }
    wanted
}

/// Files by path from the site's root, with their bytes.
type Files = Vec<(String, Vec<u8>)>;

/// A release made: the ZIP and what it holds.
#[derive(Debug)]
pub struct Made {
    /// `release-<version>.zip`.
    pub name: String,
    /// Its bytes.
    pub zip: Vec<u8>,
    /// Files in it.
    pub files: usize,
    /// The pages rendered into it, or why there are none (the site this
    /// runs on was not built with its pages; the data are there all the same).
    pub pages: Result<usize, String>,
}

/// The pages `plan-data release` renders again into a built site after a
/// release: every view, the feeds, the sitemap, `404.html` and the blank
/// templates, by the site's own renderer (`site::publish::build`), from the
/// site's files with the release's data files laid over them.
#[cfg(renders_pages)]
fn release_pages(
    site: &BTreeMap<String, Vec<u8>>,
    data: &[(String, Vec<u8>)],
    lang: Lang,
) -> Result<(Files, usize), String> {
    if site.is_empty() {
        return Err(crate::text::say(crate::text::Say::NoSiteFiles, lang, &[]));
    }
    let mut files = site.clone();
    files.extend(data.iter().cloned());
    let built = kunshan_portal::site::publish::build(&files, None).map_err(|e| e.message(lang))?;
    Ok((built.files, built.pages))
}

/// Where the page runs the session itself (a browser without module
/// workers), it has not the renderer: the release holds the data alone.
#[cfg(not(renders_pages))]
fn release_pages(
    _: &BTreeMap<String, Vec<u8>>,
    _: &[(String, Vec<u8>)],
    lang: Lang,
) -> Result<(Files, usize), String> {
    Err(crate::text::say(crate::text::Say::NoWorker, lang, &[]))
}

/// The data folder as `plan-data release` leaves it for `req`: every data
/// file (the new progress.json), the manifest, the frozen copy and the
/// index, with the frozen releases a ZIP carried.
pub(crate) fn release_files(
    current: &Current,
    draft: &ProgressDocument,
    req: &ReleaseRequest<'_>,
) -> Files {
    let release = assemble(draft, current.files.clone(), current.index_text.as_deref(), req);
    // The data folder as `plan-data release` leaves it: every data file (the
    // new progress.json), the manifest, the frozen copy and the index.
    let mut files: Files = release
        .frozen
        .iter()
        .filter(|(name, _)| name != plan_publish::release::SUMS_FILE)
        .map(|(name, bytes)| (format!("data/{name}"), bytes.clone()))
        .collect();
    debug_assert!(files.iter().any(|(n, _)| n == &format!("data/{MANIFEST_FILE}")));
    files.extend(release.frozen.iter().map(|(name, bytes)| {
        (format!("data/{RELEASES_DIR}/{}/{name}", req.version), bytes.clone())
    }));
    files.push((
        format!("data/{RELEASES_DIR}/{RELEASE_INDEX_FILE}"),
        release.index_text.into_bytes(),
    ));
    // Frozen releases from the ZIP this started from, not yet on the site.
    for (path, bytes) in &current.carried {
        if !files.iter().any(|(p, _)| p == path) {
            files.push((path.clone(), bytes.clone()));
        }
    }
    files
}

/// A release of the draft as a ZIP, or why not: the data folder as
/// `plan-data release` leaves it, and the pages it renders again.
pub fn release_zip(
    current: &Current,
    draft: &ProgressDocument,
    req: &ReleaseRequest<'_>,
    site: &BTreeMap<String, Vec<u8>>,
    lang: Lang,
) -> Result<Made, String> {
    req.check().map_err(|e| e.message(req, lang))?;
    if current.versions.iter().any(|v| v == req.version) {
        let path = format!("data/{RELEASES_DIR}/{}/", req.version);
        return Err(say(Msg::ReleaseExists, lang, &[("version", &req.version), ("path", &path)]));
    }
    let mut findings = validate_plan(&current.plan);
    findings.extend(validate_progress(&current.plan, draft));
    let errors: Vec<_> = findings.iter().filter(|f| f.severity == Severity::Error).collect();
    if let Some(first) = errors.first() {
        return Err(crate::text::say(
            crate::text::Say::DraftErrors,
            lang,
            &[("count", &errors.len()), ("first", &first.message(lang))],
        ));
    }
    let mut files = release_files(current, draft, req);
    let pages = release_pages(site, &files, lang).map(|(built, pages)| {
        files.extend(built);
        pages
    });
    let count = files.len();
    let zip = plan_model::zip::write(&files, req.date).map_err(|e| format!("{e:?}"))?;
    Ok(Made { name: format!("release-{}.zip", req.version), zip, files: count, pages })
}

/// What the page asks of the studio's session (which runs in a worker, off
/// the page's thread, or on it where a browser has no module workers). File
/// bytes travel beside a request, not in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Start from the current release: the files the manifest lists (their
    /// names; the bytes beside, in the same order) and the releases index.
    Open {
        /// The files' names.
        names: Vec<String>,
        /// Each file's SHA-256 as the manifest gives it, in the same order.
        hashes: Vec<String>,
        /// `releases/index.json`, when there is one.
        index: Option<String>,
        /// The site's own files the pages are rendered from
        /// ([`site_files_wanted`], those the site has), their bytes beside,
        /// after the data files'.
        #[serde(default)]
        site: Vec<String>,
        /// The page's language.
        lang: Lang,
    },
    /// Start instead from a release ZIP (its bytes beside, unless too large).
    OpenZip {
        /// Its file name.
        file: String,
        /// Its size in bytes.
        size: u64,
    },
    /// Start instead from a folder on this computer: the files of it
    /// [`folder_entries`] picks (their bytes beside, in the same order,
    /// unless too large together).
    OpenFolder {
        /// The folder's name.
        folder: String,
        /// Each file's path from the release's root (`data/…`).
        names: Vec<String>,
        /// Their size together, in bytes.
        size: u64,
    },
    /// Read a sheet (its bytes beside, unless too large) into the draft.
    Read {
        /// Its file name.
        file: String,
        /// Its size in bytes.
        size: u64,
    },
    /// Start again from the current release.
    Discard,
    /// A page of the site rendered with the draft.
    Preview {
        /// Its file (`None`: the overview).
        file: Option<String>,
        /// The site's address as the browser has it, ending in `/`.
        root: String,
        /// The date the preview's release carries (today).
        date: String,
    },
    /// Make the release of the draft (the ZIP comes back beside the reply).
    Release {
        /// Version.
        version: String,
        /// Publication date.
        date: String,
        /// Notes in Chinese.
        notes_zh: String,
        /// Notes in English.
        notes_en: String,
        /// The draft's warnings were read and accepted.
        accept_warnings: bool,
    },
}

/// Where the session stands, for the page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Standing {
    /// What it started from.
    pub current: String,
    /// Sheets read into the draft.
    pub sheets: usize,
    /// Warnings of those imports.
    pub warnings: usize,
    /// What changed against the current release (at most [`CHANGES_LISTED`]).
    pub changes: Vec<String>,
    /// Changes not listed.
    pub more_changes: usize,
    /// The portal's citywide status counts after the release, with the
    /// current release's beside them: (status in words with its glyph, after,
    /// before), best first.
    pub status_counts: Vec<(String, usize, usize)>,
    /// Each indicator whose citywide status the draft changes, in words.
    pub status_changes: Vec<String>,
    /// Texts of the draft's updates (progress, problems, next steps,
    /// evidence titles) without their English: the English pages show the
    /// Chinese there, marked "in Chinese only".
    pub untranslated: usize,
    /// The session's wasm memory, in bytes (0 natively): for the bench.
    pub memory_bytes: u64,
}

/// How many texts of `progress`'s updates have no English (the English
/// pages show their Chinese).
pub fn untranslated(progress: &ProgressDocument) -> usize {
    progress
        .updates
        .iter()
        .flat_map(|u| {
            let evidence = u.evidence.iter().map(|e| &e.title);
            [Some(&u.progress), u.problems.as_ref(), u.next_steps.as_ref()]
                .into_iter()
                .flatten()
                .chain(evidence)
        })
        .filter(|text| !text.zh.trim().is_empty() && text.falls_back(Lang::En))
        .count()
}

/// How the portal's citywide statuses would read with `draft` instead of the
/// current release: the counts (after, before) and each indicator whose
/// status changes, with its completion before and after.
fn status_preview(
    current: &Current,
    before: &Scorecard,
    draft: &ProgressDocument,
    lang: Lang,
) -> (Vec<(String, usize, usize)>, Vec<String>) {
    let after = Scorecard::compute(&current.plan, draft);
    let (now, then) =
        (after.city_status_counts(&current.plan), before.city_status_counts(&current.plan));
    let counts = now
        .iter()
        .zip(&then)
        .map(|((status, n), (_, b))| (format!("{} {}", status.icon(), status.label(lang)), *n, *b))
        .collect();
    let percent = |a: Option<&plan_model::status::Assessment>| {
        a.and_then(|a| a.completion_percent).map_or_else(|| "—".to_owned(), |p| format!("{p:.1}%"))
    };
    let changes = current
        .plan
        .indicators
        .iter()
        .filter_map(|ind| {
            let (old, new) = (before.city.get(&ind.id), after.city.get(&ind.id));
            let status = |a: Option<&plan_model::status::Assessment>| {
                a.map_or(plan_model::status::Status::NoData, |a| a.status)
            };
            (status(old) != status(new)).then(|| {
                crate::text::say(
                    crate::text::Say::StatusChange,
                    lang,
                    &[
                        ("indicator", &ind.name.get(lang)),
                        ("before", &format!("{} {}", status(old).icon(), status(old).label(lang))),
                        ("after", &format!("{} {}", status(new).icon(), status(new).label(lang))),
                        ("from", &percent(old)),
                        ("to", &percent(new)),
                    ],
                )
            })
        })
        .collect();
    (counts, changes)
}

/// The session's answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Response {
    /// Opened (or why not).
    Opened(Result<Standing, String>),
    /// A sheet read, and where the session stands after it.
    Read(Box<Outcome>, Standing),
    /// Back to the current release.
    Discarded(Standing),
    /// A release ZIP or folder that cannot be opened (why), and the session
    /// as it was.
    OpenRefused(String, Standing),
    /// The release made (its ZIP beside), or why not.
    Released(Result<Released, String>),
    /// A page of the preview, or why there is none.
    Preview(Result<Preview, String>),
}

/// A page the preview offers: its file and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewPage {
    /// `zh/indicator/<id>/index.html`.
    pub file: String,
    /// What it shows, in the studio's language.
    pub label: String,
    /// The page's own language.
    pub lang: Lang,
}

/// A page of the site rendered with the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// Every page the preview offers, in the studio's language.
    pub pages: Vec<PreviewPage>,
    /// The page shown.
    pub file: String,
    /// Its HTML, as the release will render it (version "preview"), with a
    /// `<base>` so that it finds its stylesheet.
    pub html: String,
}

/// What a release made holds, for the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Released {
    /// The ZIP's file name.
    pub name: String,
    /// The release it was made from (a folder it is written into must
    /// serve that one).
    pub base: String,
    /// Files in it.
    pub files: usize,
    /// Pages rendered into it, or why there are none.
    pub pages: Result<usize, String>,
}

/// The studio's state: the release it started from and the draft.
#[derive(Debug, Default)]
pub struct Session {
    current: Option<Current>,
    /// The current release's scorecard, computed once.
    scorecard: Option<Scorecard>,
    /// What the draft changes, for [`Session::standing`]; `None` once the
    /// draft changes.
    draft_view: Option<Standing>,
    draft: Option<ProgressDocument>,
    /// The site's own files the pages are rendered from (kept when a
    /// release ZIP is opened: the pages are this site's).
    site: BTreeMap<String, Vec<u8>>,
    /// The draft's site for the preview, read once per draft (`None` once
    /// the draft changes).
    #[cfg(renders_pages)]
    previewer: Option<crate::preview::Previewer>,
    sheets: usize,
    warnings: usize,
    lang: Lang,
}

impl Session {
    /// Where the session stands. What the draft changes (the diff and a
    /// second scorecard: tens of ms at 100×) is worked out once per draft,
    /// not again for every refused sheet.
    fn standing(&mut self) -> Standing {
        let Some(current) = &self.current else { return Standing::default() };
        let lang = self.lang;
        let (draft, scorecard) = (&self.draft, &self.scorecard);
        let view = self.draft_view.get_or_insert_with(|| {
            let draft = draft.as_ref().unwrap_or(&current.progress);
            let (changes, more_changes) = changes(current, draft, lang);
            let (status_counts, status_changes) = match scorecard {
                Some(before) => status_preview(current, before, draft, lang),
                None => (Vec::new(), Vec::new()),
            };
            Standing {
                changes,
                more_changes,
                status_counts,
                status_changes,
                untranslated: untranslated(draft),
                ..Standing::default()
            }
        });
        Standing {
            current: current.describe(lang),
            sheets: self.sheets,
            warnings: self.warnings,
            memory_bytes: memory_bytes(),
            ..view.clone()
        }
    }

    /// The draft changed: its preview is read again when next asked for.
    fn forget_preview(&mut self) {
        #[cfg(renders_pages)]
        {
            self.previewer = None;
        }
    }

    /// A page of the site with the draft.
    #[cfg(renders_pages)]
    fn preview(&mut self, file: Option<&str>, root: &str, date: &str) -> Result<Preview, String> {
        let Some(current) = &self.current else { return Err("—".to_owned()) };
        let lang = self.lang;
        if self.previewer.is_none() {
            let draft = self.draft.as_ref().unwrap_or(&current.progress);
            let made = crate::preview::Previewer::new(current, draft, &self.site, date, lang)?;
            self.previewer = Some(made);
        }
        self.previewer.as_ref().map_or_else(|| Err("—".to_owned()), |p| p.page(file, root, lang))
    }

    /// Where the page runs the session itself, there is no renderer.
    #[cfg(not(renders_pages))]
    fn preview(&mut self, _: Option<&str>, _: &str, _: &str) -> Result<Preview, String> {
        Err(crate::text::say(crate::text::Say::NoWorkerPreview, self.lang, &[]))
    }

    /// Starts again from a release the user opened (a ZIP or a folder), or
    /// goes on as it was if it cannot be opened.
    fn start_from(&mut self, opened: Result<Current, String>) -> (Response, Vec<Vec<u8>>) {
        match opened {
            Ok(current) => {
                let scorecard = Some(Scorecard::compute(&current.plan, &current.progress));
                *self = Session {
                    current: Some(current),
                    scorecard,
                    // The pages are still this site's.
                    site: std::mem::take(&mut self.site),
                    lang: self.lang,
                    ..Session::default()
                };
                (Response::Opened(Ok(self.standing())), Vec::new())
            }
            Err(error) => (Response::OpenRefused(error, self.standing()), Vec::new()),
        }
    }

    /// Answers a request; `blobs` are the bytes beside it, and the bytes
    /// beside the answer come back with it.
    pub fn handle(&mut self, request: Request, blobs: Vec<Vec<u8>>) -> (Response, Vec<Vec<u8>>) {
        let not_open = || "—".to_owned();
        match request {
            Request::Open { names, hashes, index, site, lang } => {
                self.lang = lang;
                let mut blobs = blobs;
                let site_blobs = blobs.split_off(names.len().min(blobs.len()));
                let site: BTreeMap<String, Vec<u8>> = site.into_iter().zip(site_blobs).collect();
                // Files from two releases (a host half-way through an upload,
                // a stale cache) would make a release of neither.
                for ((name, hash), bytes) in names.iter().zip(&hashes).zip(&blobs) {
                    if &plan_publish::release::sha256_hex(bytes) != hash {
                        let said = crate::text::say(
                            crate::text::Say::NotAsListed,
                            lang,
                            &[("file", &format!("data/{name}"))],
                        );
                        return (Response::Opened(Err(said)), Vec::new());
                    }
                }
                let files = names.into_iter().zip(blobs).collect();
                match Current::open(files, index, lang) {
                    Ok(current) => {
                        let scorecard = Some(Scorecard::compute(&current.plan, &current.progress));
                        *self = Session {
                            current: Some(current),
                            scorecard,
                            site,
                            lang,
                            ..Session::default()
                        };
                        (Response::Opened(Ok(self.standing())), Vec::new())
                    }
                    Err(error) => (Response::Opened(Err(error)), Vec::new()),
                }
            }
            Request::OpenZip { file, size } => {
                if let Some(problem) = too_large(size, self.lang) {
                    let said = format!("{file}：{problem}");
                    return (Response::OpenRefused(said, self.standing()), Vec::new());
                }
                let bytes = blobs.into_iter().next().unwrap_or_default();
                let opened = Current::from_zip(&bytes, &file, self.lang);
                self.start_from(opened)
            }
            Request::OpenFolder { folder, names, size } => {
                if size > plan_publish::workbook::MAX_UNPACKED_BYTES {
                    let said = format!("{folder}：{}", unpacks_too_large(size, self.lang));
                    return (Response::OpenRefused(said, self.standing()), Vec::new());
                }
                let files = names.into_iter().zip(blobs).collect();
                let opened = Current::from_folder(files, &folder, self.lang);
                self.start_from(opened)
            }
            Request::Read { file, size } => {
                let Some(current) = &self.current else {
                    return (Response::Opened(Err(not_open())), Vec::new());
                };
                let draft = self.draft.as_ref().unwrap_or(&current.progress);
                // A file over the limit was not even read: its size says so.
                let mut outcome = match too_large(size, self.lang) {
                    Some(problem) => refused_outcome(&file, format!("{file}：{problem}")),
                    None => {
                        let bytes = blobs.into_iter().next().unwrap_or_default();
                        read_sheet(current, draft, &file, &bytes, self.lang)
                    }
                };
                if let Some(new) = outcome.draft.take() {
                    self.draft = Some(new);
                    self.draft_view = None;
                    self.forget_preview();
                    self.sheets += 1;
                    // The checks ran on the whole draft: these are all its warnings.
                    self.warnings = outcome.warnings;
                }
                (Response::Read(Box::new(outcome), self.standing()), Vec::new())
            }
            Request::Discard => {
                (self.draft, self.sheets, self.warnings, self.draft_view) = (None, 0, 0, None);
                self.forget_preview();
                (Response::Discarded(self.standing()), Vec::new())
            }
            Request::Preview { file, root, date } => {
                (Response::Preview(self.preview(file.as_deref(), &root, &date)), Vec::new())
            }
            Request::Release { version, date, notes_zh, notes_en, accept_warnings } => {
                let Some(current) = &self.current else {
                    return (Response::Released(Err(not_open())), Vec::new());
                };
                if self.warnings > 0 && !accept_warnings {
                    let said = crate::text::say(crate::text::Say::AcceptFirst, self.lang, &[]);
                    return (Response::Released(Err(said)), Vec::new());
                }
                let draft = self.draft.as_ref().unwrap_or(&current.progress);
                let req = ReleaseRequest {
                    version: version.trim(),
                    notes_zh: notes_zh.trim(),
                    notes_en: notes_en.trim(),
                    date: date.trim(),
                };
                match release_zip(current, draft, &req, &self.site, self.lang) {
                    Ok(made) => {
                        let Made { name, zip, files, pages } = made;
                        let base = current.progress.release.version.clone();
                        let released = Released { name, base, files, pages };
                        (Response::Released(Ok(released)), vec![zip])
                    }
                    Err(error) => (Response::Released(Err(error)), Vec::new()),
                }
            }
        }
    }
}

/// The wasm memory's size, in bytes (0 natively).
fn memory_bytes() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) as u64 * 65_536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}
