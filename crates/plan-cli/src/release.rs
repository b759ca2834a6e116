//! Publishing a release: validate, stamp the version and date, write a
//! manifest with the size and SHA-256 of every data file, and keep a frozen
//! copy under `releases/<version>/` for pinned embeds and citations.

use plan_model::messages::{Msg, say};
use std::path::Path;

use plan_model::progress::ChangelogEntry;
use plan_model::release::{
    MANIFEST_FILE, Manifest, ManifestFile, RELEASE_INDEX_FILE, RELEASES_DIR, ReleaseSummary,
    is_valid_version,
};
use plan_model::validate::day_of_year;
use plan_model::{Bilingual, Lang, PROGRESS_FILE, SCHEMA_VERSION, Severity};
use sha2::{Digest, Sha256};

use crate::atomic::{write_atomic, write_folder_atomic};
use crate::fail::Fail;
use crate::folder::{Folder, print_findings, summary};
use crate::sheet::to_pretty_json;

/// What to publish.
pub struct ReleaseRequest<'a> {
    /// New version (a folder name under `releases/`).
    pub version: &'a str,
    /// Changelog text in Chinese.
    pub notes_zh: &'a str,
    /// Changelog text in English (may be empty).
    pub notes_en: &'a str,
    /// Publication date; today (UTC) when absent.
    pub date: Option<&'a str>,
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    civil_date(i64::try_from(secs / 86_400).unwrap_or_default())
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Publishes the folder's current data as release `req.version`.
pub fn release(dir: &Path, req: &ReleaseRequest<'_>, lang: Lang) -> Result<String, Fail> {
    let version = req.version;
    if !is_valid_version(version) {
        return Err(Fail::io(say(Msg::BadVersion, lang, &[("version", &version)])));
    }
    let date = req.date.map_or_else(today, str::to_owned);
    if day_of_year(&date).is_none() {
        return Err(Fail::io(say(Msg::BadDateArgument, lang, &[("date", &date)])));
    }
    if req.notes_zh.trim().is_empty() {
        return Err(Fail::io(say(Msg::MissingNotes, lang, &[])));
    }
    let releases = dir.join(RELEASES_DIR);
    let target = releases.join(version);
    if target.exists() {
        return Err(Fail::invalid(say(
            Msg::ReleaseExists,
            lang,
            &[("version", &version), ("path", &target.display())],
        )));
    }
    let mut folder = Folder::load(dir, lang)?;
    let findings = folder.findings();
    let errors = findings.iter().filter(|l| l.finding.severity == Severity::Error).count();
    if errors > 0 {
        print_findings(&findings, lang);
        return Err(Fail::invalid(
            summary(&dir.display().to_string(), errors, findings.len() - errors, lang)
                + &say(Msg::NothingPublished, lang, &[]),
        ));
    }

    // The figures (and the reports on tasks and commitments) refer to the
    // date of the latest of them.
    let progress = &folder.progress;
    let latest = progress
        .observations
        .iter()
        .map(|o| &o.as_of)
        .chain(progress.updates.iter().map(|u| &u.as_of))
        .max()
        .cloned();
    let release = &mut folder.progress.release;
    if let Some(latest) = latest {
        release.as_of = latest;
    }
    release.version = version.to_owned();
    release.published = date.clone();
    release.changelog.insert(
        0,
        ChangelogEntry {
            version: version.to_owned(),
            date: date.clone(),
            notes: Bilingual { zh: req.notes_zh.to_owned(), en: req.notes_en.to_owned() },
        },
    );
    let progress_text = to_pretty_json(&folder.progress);

    // Every top-level data file, with progress.json as it will now read.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| Fail::io(format!("{}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_file() || name == MANIFEST_FILE || name.starts_with('.') {
            continue;
        }
        let bytes = if name == PROGRESS_FILE {
            progress_text.clone().into_bytes()
        } else {
            std::fs::read(entry.path()).map_err(|e| Fail::io(format!("{name}: {e}")))?
        };
        files.push((name, bytes));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let r = &folder.progress.release;
    let manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        version: version.to_owned(),
        published: date.clone(),
        as_of: r.as_of.clone(),
        sample: r.sample,
        files: files
            .iter()
            .map(|(path, bytes)| ManifestFile {
                path: path.clone(),
                bytes: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect(),
    };
    let manifest_text = to_pretty_json(&manifest);
    // `sha256sum -c SHA256SUMS` checks a downloaded release.
    let sums: String =
        manifest.files.iter().map(|f| format!("{}  {}\n", f.sha256, f.path)).collect();

    let mut frozen = files.clone();
    frozen.push((MANIFEST_FILE.to_owned(), manifest_text.clone().into_bytes()));
    frozen.push(("SHA256SUMS".to_owned(), sums.into_bytes()));
    let io = |what: &Path, e: std::io::Error| {
        Fail::io(say(Msg::CannotWrite, lang, &[("path", &what.display()), ("error", &e)]))
    };
    std::fs::create_dir_all(&releases).map_err(|e| io(&releases, e))?;
    write_folder_atomic(&target, &frozen).map_err(|e| io(&target, e))?;

    let index_path = releases.join(RELEASE_INDEX_FILE);
    let mut index: Vec<ReleaseSummary> = std::fs::read_to_string(&index_path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    index.insert(
        0,
        ReleaseSummary {
            version: version.to_owned(),
            published: date.clone(),
            as_of: r.as_of.clone(),
            sample: r.sample,
        },
    );
    write_atomic(&index_path, to_pretty_json(&index).as_bytes()).map_err(|e| io(&index_path, e))?;
    let progress_path = dir.join(PROGRESS_FILE);
    write_atomic(&progress_path, progress_text.as_bytes()).map_err(|e| io(&progress_path, e))?;
    let manifest_path = dir.join(MANIFEST_FILE);
    write_atomic(&manifest_path, manifest_text.as_bytes()).map_err(|e| io(&manifest_path, e))?;

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
            ("date", &date),
            ("count", &manifest.files.len()),
            ("path", &target.display()),
            ("listing", &listing),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates_from_day_numbers() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_482), "2026-01-29");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }

    #[test]
    fn sha256_of_known_text() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
