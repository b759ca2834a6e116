//! Publishing a release into a data folder, all or nothing: validate, then
//! build the whole new state in a staged copy beside the live one (hard
//! links of every file, the files `plan_publish::release::assemble` makes,
//! and the pages rendered again when the folder is a built site's), and switch
//! it in with one atomic step. A reader, a host or a stop at any moment sees
//! the old release or the new one, never a mix; running the same release
//! again after a stop finishes it.
//!
//! What is switched is the *unit*: the site's root when the data folder is a
//! built site's (`<site>/data` with `<site>/template.html`) and pages are
//! rendered, else the data folder itself. The staged copy is its sibling
//! `.<name>.staging-<version>`; after the switch that path holds the old
//! state until it is removed.

use crate::messages::ToolMsg;
use plan_files::atomic::{step, write_atomic, write_folder_atomic};
use plan_model::messages::say;
use plan_publish::messages::PublishMsg;
use std::path::{Path, PathBuf};

use plan_model::date::civil_date;
use plan_model::release::{MANIFEST_FILE, Manifest, RELEASE_INDEX_FILE, RELEASES_DIR};
use plan_model::{Lang, PROGRESS_FILE, Severity, validate::validate_index};
use plan_publish::release::{ReleaseRequest, SUMS_FILE, assemble, is_release_file};

use crate::fail::Fail;
use crate::folder::{Folder, locate, print_findings, summary};

/// Renders a built site's pages again into the first folder it is given (the
/// staged copy of the site, the second); what it says, or why it could not.
pub type RenderPages<'a> = &'a dyn Fn(&Path, &Path) -> Result<String, String>;

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    civil_date(i64::try_from(secs / 86_400).unwrap_or_default())
}

/// The folder a release switches whole, and where the data folder is in it.
struct Unit {
    /// The live folder (the site's root, or the data folder).
    live: PathBuf,
    /// The data folder's path inside it (empty when the unit is the data folder).
    data_in_unit: PathBuf,
    /// True when pages are rendered (the unit is a built site).
    site: bool,
}

impl Unit {
    fn of(dir: &Path, render: Option<RenderPages<'_>>) -> Self {
        let site_root = dir
            .parent()
            .filter(|s| render.is_some() && s.join(TEMPLATE_FILE).is_file())
            .zip(dir.file_name());
        match site_root {
            Some((root, name)) => {
                Self { live: root.to_path_buf(), data_in_unit: PathBuf::from(name), site: true }
            }
            None => Self { live: dir.to_path_buf(), data_in_unit: PathBuf::new(), site: false },
        }
    }
}

/// `.<name>.staging-<version>` beside the live folder: the new state, made
/// there before the switch (and the old one's, after it, until removed).
fn staging_path(live: &Path, version: &str) -> PathBuf {
    let name = live.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    live.with_file_name(format!(".{name}.staging-{version}"))
}

/// Trunk's page kept beside a built site's rendered pages (the portal's
/// `site::publish::TEMPLATE_FILE`): the mark of a built site.
const TEMPLATE_FILE: &str = "template.html";

/// The version of the release the data folder `data` now serves (its
/// manifest), if it can be read.
fn live_version(data: &Path) -> Option<String> {
    let text = std::fs::read_to_string(data.join(MANIFEST_FILE)).ok()?;
    serde_json::from_str::<Manifest>(&text).ok().map(|m| m.version)
}

/// True when `releases/<version>/` in `data` is whole (its `SHA256SUMS`,
/// written last, is there).
fn frozen_whole(data: &Path, version: &str) -> bool {
    data.join(RELEASES_DIR).join(version).join(SUMS_FILE).is_file()
}

/// Publishes the folder's current data as release `req.version`; with
/// `render`, a built site's pages are rendered again in the same switch.
pub fn release(
    dir: &Path,
    req: &ReleaseRequest<'_>,
    lang: Lang,
    render: Option<RenderPages<'_>>,
) -> Result<String, Fail> {
    req.check().map_err(|e| Fail::io(e.message(req, lang)))?;
    let version = req.version;
    let io = |what: &Path, e: std::io::Error| {
        Fail::io(say(ToolMsg::CannotWrite, lang, &[("path", &what.display()), ("error", &e)]))
    };
    // A switch that stopped half way (where folders cannot trade places in
    // one step: the live folder moved aside, the staged one not yet in its
    // place): the data folder, or the site around it, is missing.
    let absolute = std::path::absolute(dir).map_err(|e| io(dir, e))?;
    for live in [Some(absolute.as_path()), absolute.parent()].into_iter().flatten() {
        let (staging, aside) = (staging_path(live, version), aside_path(live));
        if !live.exists() && staging.is_dir() && aside.is_dir() {
            step();
            std::fs::rename(&staging, live).map_err(|e| io(live, e))?;
            remove_tree(&aside);
            return Ok(say(ToolMsg::ReleaseFinished, lang, &[("version", &version)]));
        }
    }
    // Folders are switched by their real path (a relative `.` cannot be).
    let real = absolute.canonicalize().map_err(|e| {
        Fail::io(say(ToolMsg::CannotRead, lang, &[("path", &dir.display()), ("error", &e)]))
    })?;
    let unit = Unit::of(&real, render);
    let staging = staging_path(&unit.live, version);
    let aside = aside_path(&unit.live);

    let releases = dir.join(RELEASES_DIR);
    if live_version(dir).as_deref() == Some(version) && frozen_whole(dir, version) {
        // The switch was made; what is left is the old state's copy.
        if staging.exists() || aside.exists() {
            remove_tree(&staging);
            remove_tree(&aside);
            return Ok(say(ToolMsg::ReleaseFinished, lang, &[("version", &version)]));
        }
    }
    let target = releases.join(version);
    if target.exists() {
        return Err(Fail::invalid(say(
            PublishMsg::ReleaseExists,
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
                + &say(ToolMsg::NothingPublished, lang, &[]),
        ));
    }
    let index_path = releases.join(RELEASE_INDEX_FILE);
    let index = read_index(&index_path, lang)?;

    // Every top-level data file (progress.json is replaced by its new text).
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| Fail::io(format!("{}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_file() || !is_release_file(&name) {
            continue;
        }
        if !plan_model::release::is_valid_file_name(&name) {
            return Err(Fail::invalid(say(
                ToolMsg::BadDataFileName,
                lang,
                &[("path", &entry.path().display())],
            )));
        }
        let bytes = if name == PROGRESS_FILE {
            Vec::new()
        } else {
            std::fs::read(entry.path()).map_err(|e| Fail::io(format!("{name}: {e}")))?
        };
        files.push((name, bytes));
    }
    let release = assemble(&folder.progress, files, index.as_deref(), req);

    // The new state, staged: nothing live changes until the switch.
    remove_tree(&staging);
    let staged = (|| {
        mirror(&unit.live, &staging)?;
        let data = staging.join(&unit.data_in_unit);
        std::fs::create_dir_all(data.join(RELEASES_DIR))?;
        write_folder_atomic(&data.join(RELEASES_DIR).join(version), &release.frozen)?;
        write_atomic(
            &data.join(RELEASES_DIR).join(RELEASE_INDEX_FILE),
            release.index_text.as_bytes(),
        )?;
        write_atomic(&data.join(PROGRESS_FILE), release.progress_text.as_bytes())?;
        write_atomic(&data.join(MANIFEST_FILE), release.manifest_text.as_bytes())
    })();
    if let Err(e) = staged {
        remove_tree(&staging);
        return Err(Fail::io(say(
            ToolMsg::StagingFailed,
            lang,
            &[("path", &staging.display()), ("error", &e)],
        )));
    }
    let pages_said = match render.filter(|_| unit.site) {
        Some(render) => match render(&staging, &unit.live) {
            Ok(said) => Some(said),
            Err(error) => {
                remove_tree(&staging);
                // Files are named where they are, not in the staged copy.
                let shown = staging.display().to_string();
                let error = error.replace(&shown, &unit.live.display().to_string());
                return Err(Fail::io(say(ToolMsg::PagesFailed, lang, &[("error", &error)])));
            }
        },
        None => None,
    };

    // The one step that makes the new release live.
    switch(&unit.live, &staging).map_err(|e| {
        Fail::io(say(ToolMsg::SwitchFailed, lang, &[("path", &unit.live.display()), ("error", &e)]))
    })?;
    remove_tree(&staging);
    remove_tree(&aside);

    let manifest = &release.manifest;
    let listing: String = manifest
        .files
        .iter()
        .map(|f| format!("  {}  {:>8}  {}\n", f.sha256, f.bytes, f.path))
        .collect();
    let published = say(
        ToolMsg::Published,
        lang,
        &[
            ("version", &version),
            ("date", &req.date),
            ("count", &manifest.files.len()),
            ("path", &target.display()),
            ("listing", &listing),
        ],
    );
    Ok(match pages_said {
        Some(pages) => format!("{published}\n{pages}"),
        None => published,
    })
}

/// The releases index as it stands: none yet is fine, but one that cannot be
/// read or names a version that cannot be a folder stops the release (it
/// would otherwise be replaced, and the history lost).
fn read_index(path: &Path, lang: Lang) -> Result<Option<String>, Fail> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Fail::io(say(
                ToolMsg::IndexUnreadable,
                lang,
                &[("path", &path.display()), ("error", &e)],
            )));
        }
    };
    let index: Vec<plan_model::release::ReleaseSummary> =
        plan_model::load::parse_located(&path.display().to_string(), &text).map_err(|e| {
            Fail::invalid(say(
                ToolMsg::IndexUnreadable,
                lang,
                &[("path", &path.display()), ("error", &e.message(lang))],
            ))
        })?;
    let findings = validate_index(&index);
    if !findings.is_empty() {
        let count = findings.len();
        print_findings(&locate(path, &text, findings), lang);
        return Err(Fail::invalid(
            summary(&path.display().to_string(), count, 0, lang)
                + &say(ToolMsg::NothingPublished, lang, &[]),
        ));
    }
    Ok(Some(text))
}

/// Where the live folder is moved for a moment where the system cannot
/// exchange two folders in one step.
fn aside_path(live: &Path) -> PathBuf {
    let name = live.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    live.with_file_name(format!(".{name}.previous"))
}

/// Makes `staging` what `live` should become: on Linux the two folders trade
/// places in one step (`renameat2` with `RENAME_EXCHANGE`), so every request
/// meets one state or the other; elsewhere the live folder is moved aside
/// and the staged one put in its place (a moment with no folder, never a mix;
/// a stop in between is finished by running the release again).
fn switch(live: &Path, staging: &Path) -> std::io::Result<()> {
    step();
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, staging, CWD, live, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            // A file system without the exchange falls back to two renames.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    let aside = aside_path(live);
    remove_tree(&aside);
    std::fs::rename(live, &aside)?;
    step();
    std::fs::rename(staging, live)?;
    // What the old state left is now at `aside`; the caller removes both.
    std::fs::rename(&aside, staging)
}

/// Removes a folder left by an earlier step, if there is one.
fn remove_tree(path: &Path) {
    if path.exists() {
        step();
        let _ = std::fs::remove_dir_all(path);
    }
}

/// Makes `to` a copy of `from`: every file hard-linked (copied where the file
/// system cannot link), so unchanged files cost no space or time. A file of
/// the copy is only ever replaced (temporary file, then rename), never
/// written through, so the live file it shares is never touched.
fn mirror(from: &Path, to: &Path) -> std::io::Result<()> {
    step();
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        // A temporary file left by a write that stopped is not part of the site.
        if name.to_string_lossy().starts_with('.') && name.to_string_lossy().contains(".tmp-") {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        let kind = entry.file_type()?;
        if kind.is_dir() {
            mirror(&source, &target)?;
        } else {
            step();
            if std::fs::hard_link(&source, &target).is_err() {
                std::fs::copy(&source, &target)?;
            }
        }
    }
    Ok(())
}
