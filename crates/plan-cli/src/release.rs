//! Publishing a release into a data folder: validate, then write what
//! `plan_publish::release::assemble` makes (the stamped progress.json, the
//! manifest, the frozen copy under `releases/<version>/` and the releases
//! index), each file whole.

use plan_model::messages::{Msg, say};
use std::path::Path;

use plan_model::release::{MANIFEST_FILE, RELEASE_INDEX_FILE, RELEASES_DIR};
use plan_model::{Lang, PROGRESS_FILE, Severity};
use plan_publish::release::{ReleaseRequest, assemble, civil_date, is_release_file};

use crate::atomic::{write_atomic, write_folder_atomic};
use crate::fail::Fail;
use crate::folder::{Folder, print_findings, summary};

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    civil_date(i64::try_from(secs / 86_400).unwrap_or_default())
}

/// Publishes the folder's current data as release `req.version`.
pub fn release(dir: &Path, req: &ReleaseRequest<'_>, lang: Lang) -> Result<String, Fail> {
    req.check().map_err(|e| Fail::io(e.message(req, lang)))?;
    let version = req.version;
    let releases = dir.join(RELEASES_DIR);
    let target = releases.join(version);
    if target.exists() {
        return Err(Fail::invalid(say(
            Msg::ReleaseExists,
            lang,
            &[("version", &version), ("path", &target.display())],
        )));
    }
    let folder = Folder::load(dir, lang)?;
    let findings = folder.findings();
    let errors = findings.iter().filter(|l| l.finding.severity == Severity::Error).count();
    if errors > 0 {
        print_findings(&findings, lang);
        return Err(Fail::invalid(
            summary(&dir.display().to_string(), errors, findings.len() - errors, lang)
                + &say(Msg::NothingPublished, lang, &[]),
        ));
    }

    // Every top-level data file (progress.json is replaced by its new text).
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| Fail::io(format!("{}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_file() || !is_release_file(&name) {
            continue;
        }
        let bytes = if name == PROGRESS_FILE {
            Vec::new()
        } else {
            std::fs::read(entry.path()).map_err(|e| Fail::io(format!("{name}: {e}")))?
        };
        files.push((name, bytes));
    }
    let index_path = releases.join(RELEASE_INDEX_FILE);
    let index = std::fs::read_to_string(&index_path).ok();
    let release = assemble(&folder.progress, files, index.as_deref(), req);

    let io = |what: &Path, e: std::io::Error| {
        Fail::io(say(Msg::CannotWrite, lang, &[("path", &what.display()), ("error", &e)]))
    };
    std::fs::create_dir_all(&releases).map_err(|e| io(&releases, e))?;
    write_folder_atomic(&target, &release.frozen).map_err(|e| io(&target, e))?;
    write_atomic(&index_path, release.index_text.as_bytes()).map_err(|e| io(&index_path, e))?;
    let progress_path = dir.join(PROGRESS_FILE);
    write_atomic(&progress_path, release.progress_text.as_bytes())
        .map_err(|e| io(&progress_path, e))?;
    let manifest_path = dir.join(MANIFEST_FILE);
    write_atomic(&manifest_path, release.manifest_text.as_bytes())
        .map_err(|e| io(&manifest_path, e))?;

    let manifest = &release.manifest;
    let listing: String = manifest
        .files
        .iter()
        .map(|f| format!("  {}  {:>8}  {}\n", f.sha256, f.bytes, f.path))
        .collect();
    Ok(say(
        Msg::Published,
        lang,
        &[
            ("version", &version),
            ("date", &req.date),
            ("count", &manifest.files.len()),
            ("path", &target.display()),
            ("listing", &listing),
        ],
    ))
}
