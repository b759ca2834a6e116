//! One import for both sheets and both formats: bytes in, the progress data
//! as it would then be out, or everything that stops it. All or nothing:
//! the data handed in is never changed; a sheet with any bad cell, or whose
//! result fails the checks a published file must pass, gives no new data.

use crate::messages::PublishMsg;
use std::collections::HashMap;

use plan_model::messages::say;
use plan_model::{Finding, Lang, PlanDocument, ProgressDocument, Severity, validate_progress};

use crate::sheet::{CellError, Encoding, Refusal, sheet_text, to_pretty_json};
use crate::{figures, updates};

/// Which sheet a file is: its header row says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    /// The figures' sheet (指标编号 …).
    Figures,
    /// The updates sheet (对象编号 …).
    Updates,
}

impl SheetKind {
    /// Which sheet a header row is.
    pub fn of_header(first_line: &str) -> Self {
        if updates::is_updates_header(first_line) { Self::Updates } else { Self::Figures }
    }

    /// The sheet's columns: (Chinese heading, English heading).
    pub fn columns(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Figures => &figures::COLUMNS,
            Self::Updates => &updates::COLUMNS,
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// Figures added and changed.
    Figures(figures::FiguresReport),
    /// Updates added and changed, due dates set.
    Updates(updates::UpdatesReport),
}

impl Report {
    /// The closing message: what was read from `shown` into `target`.
    pub fn message(&self, shown: &str, target: &str, lang: Lang) -> String {
        match self {
            Report::Figures(r) => say(
                PublishMsg::Imported,
                lang,
                &[
                    ("path", &shown),
                    ("rows", &r.rows),
                    ("target", &target),
                    ("added", &r.added),
                    ("updated", &r.updated),
                    ("unchanged", &(r.rows - r.added - r.updated)),
                ],
            ),
            Report::Updates(r) => say(
                PublishMsg::UpdatesImported,
                lang,
                &[
                    ("path", &shown),
                    ("rows", &r.rows),
                    ("target", &target),
                    ("added", &r.added),
                    ("updated", &r.updated),
                    ("deadlines", &r.deadlines),
                ],
            ),
        }
    }
}

/// The progress data with a sheet read in, and what was checked.
#[derive(Debug, Clone)]
pub struct Imported {
    /// What it did.
    pub report: Report,
    /// The progress data as it would now be.
    pub progress: ProgressDocument,
    /// The checks on it (warnings only: an error stops the import).
    pub checked: Checked,
}

/// Why nothing was imported.
#[derive(Debug, Clone)]
pub enum ImportError {
    /// The file cannot be read as a sheet at all.
    Refused(Refusal),
    /// Bad cells, each named by row and column.
    Cells {
        /// Which sheet it was.
        kind: SheetKind,
        /// Every bad cell.
        errors: Vec<CellError>,
    },
    /// Every cell reads, but the result fails the checks a published file
    /// must pass.
    Invalid(Box<Checked>),
}

/// What the checks found on the merged data: the findings, in the text
/// they are about, each traced to its sheet row where it has one.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Which sheet it was.
    pub kind: SheetKind,
    /// The progress data as a file (the findings are located in it).
    pub text: String,
    /// Every finding (errors and warnings).
    pub findings: Vec<Finding>,
    row_of: HashMap<String, usize>,
}

impl Checked {
    /// The sheet row a finding is about, where it is about one.
    pub fn row_of(&self, finding: &Finding) -> Option<usize> {
        row_of(&self.row_of, finding)
    }

    /// How many findings are errors.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }
}

/// The entry a finding's path is about (`updates[3]` of `updates[3].as_of`).
fn entry_of(path: &str) -> Option<&str> {
    let end = path.find(']')? + 1;
    Some(&path[..end])
}

fn row_of(rows: &HashMap<String, usize>, finding: &Finding) -> Option<usize> {
    entry_of(&finding.path).and_then(|e| rows.get(e)).copied()
}

/// Reads a filled sheet (figures or updates, .xlsx or CSV) into a copy of
/// `progress` and checks the result as a published file.
pub fn import(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    bytes: &[u8],
    forced: Option<Encoding>,
) -> Result<Imported, ImportError> {
    let text = sheet_text(bytes, forced).map_err(ImportError::Refused)?;
    import_text(plan, progress, &text)
}

/// [`import`] of a sheet already read as text.
pub fn import_text(
    plan: &PlanDocument,
    progress: &ProgressDocument,
    text: &str,
) -> Result<Imported, ImportError> {
    let kind = SheetKind::of_header(text.lines().next().unwrap_or_default());
    let mut progress = progress.clone();
    let (report, row_of) = match kind {
        SheetKind::Figures => {
            let (mut rows, errors) =
                figures::read_rows(plan, text).map_err(ImportError::Refused)?;
            if !errors.is_empty() {
                return Err(ImportError::Cells { kind, errors });
            }
            let report = figures::merge(&mut progress.observations, &mut rows);
            let row_of =
                rows.iter().map(|r| (format!("observations[{}]", r.target_index), r.row)).collect();
            (Report::Figures(report), row_of)
        }
        SheetKind::Updates => {
            let (rows, errors) =
                updates::read_rows(plan, &progress, text).map_err(ImportError::Refused)?;
            if !errors.is_empty() {
                return Err(ImportError::Cells { kind, errors });
            }
            let (report, row_of) = updates::merge(&mut progress, &rows);
            (Report::Updates(report), row_of)
        }
    };
    let findings = validate_progress(plan, &progress);
    let checked = Checked { kind, text: to_pretty_json(&progress), findings, row_of };
    if checked.errors() > 0 {
        return Err(ImportError::Invalid(Box::new(checked)));
    }
    Ok(Imported { report, progress, checked })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_is_traced_to_the_entry_it_is_about() {
        assert_eq!(entry_of("updates[3].as_of"), Some("updates[3]"));
        assert_eq!(entry_of("observations[12]"), Some("observations[12]"));
        assert_eq!(entry_of("release"), None);
    }
}
