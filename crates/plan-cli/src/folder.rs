//! A data folder on disk: reading its files into the model, and printing
//! findings with the file, line and column they point at.

use crate::messages::ToolMsg;
use plan_model::messages::say;
use plan_publish::messages::PublishMsg;
use std::path::{Path, PathBuf};

use plan_model::{
    Finding, Lang, PLAN_FILE, PROGRESS_FILE, PlanDocument, ProgressDocument, Severity, parse_plan,
    parse_progress, validate_plan, validate_progress,
};
use plan_publish::locate::locate_paths;

use crate::fail::Fail;

/// A loaded data folder, with the text of each file kept for locating findings.
pub struct Folder {
    /// The folder.
    pub dir: PathBuf,
    /// The plan.
    pub plan: PlanDocument,
    /// Text of plan.json.
    pub plan_text: String,
    /// The progress data.
    pub progress: ProgressDocument,
    /// Text of progress.json.
    pub progress_text: String,
}

/// Reads a file as UTF-8 text; a missing or unreadable file is an I/O failure.
pub fn read_text(path: &Path, lang: Lang) -> Result<String, Fail> {
    std::fs::read_to_string(path).map_err(|e| {
        Fail::io(say(ToolMsg::CannotRead, lang, &[("path", &path.display()), ("error", &e)]))
    })
}

impl Folder {
    /// Reads and parses plan.json and progress.json.
    pub fn load(dir: &Path, lang: Lang) -> Result<Self, Fail> {
        let plan_path = dir.join(PLAN_FILE);
        let progress_path = dir.join(PROGRESS_FILE);
        let plan_text = read_text(&plan_path, lang)?;
        let progress_text = read_text(&progress_path, lang)?;
        let plan = parse_plan(&plan_path.display().to_string(), &plan_text)
            .map_err(|e| Fail::invalid(e.message(lang)))?;
        let progress = parse_progress(&progress_path.display().to_string(), &progress_text)
            .map_err(|e| Fail::invalid(e.message(lang)))?;
        Ok(Self { dir: dir.to_path_buf(), plan, plan_text, progress, progress_text })
    }

    /// Every finding of both files, each with its file name and text.
    pub fn findings(&self) -> Vec<Located> {
        let plan = validate_plan(&self.plan);
        let progress = validate_progress(&self.plan, &self.progress);
        let mut out = locate(&self.dir.join(PLAN_FILE), &self.plan_text, plan);
        out.extend(locate(&self.dir.join(PROGRESS_FILE), &self.progress_text, progress));
        out
    }
}

/// A finding with the place it points at.
pub struct Located {
    /// File, as shown to the user.
    pub file: String,
    /// 1-based line and column, when the path could be found.
    pub position: Option<(usize, usize)>,
    /// The finding.
    pub finding: Finding,
}

/// Attaches line and column to findings about `text`.
pub fn locate(file: &Path, text: &str, findings: Vec<Finding>) -> Vec<Located> {
    let paths: Vec<&str> = findings.iter().map(|f| f.path.as_str()).collect();
    let positions = locate_paths(text, &paths);
    findings
        .into_iter()
        .map(|finding| Located {
            file: file.display().to_string(),
            position: positions.get(&finding.path).map(|p| (p.line, p.column)),
            finding,
        })
        .collect()
}

fn severity(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => ToolMsg::SeverityError.template(lang),
        Severity::Warning => ToolMsg::SeverityWarning.template(lang),
    }
}

/// Prints findings like a compiler (`file:line:column: severity [code] path: message`)
/// and returns the number of errors.
pub fn print_findings(findings: &[Located], lang: Lang) -> usize {
    for l in findings {
        let place = match l.position {
            Some((line, column)) => format!("{}:{line}:{column}", l.file),
            None => l.file.clone(),
        };
        let f = &l.finding;
        println!(
            "{place}: {} [{}] {}: {}",
            severity(f.severity, lang),
            f.code,
            f.path,
            f.message(lang)
        );
    }
    findings.iter().filter(|l| l.finding.severity == Severity::Error).count()
}

/// The closing line: how many errors and warnings.
pub fn summary(what: &str, errors: usize, warnings: usize, lang: Lang) -> String {
    say(
        PublishMsg::CheckSummary,
        lang,
        &[("what", &what), ("errors", &errors), ("warnings", &warnings)],
    )
}
