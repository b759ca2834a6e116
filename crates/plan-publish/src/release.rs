//! A release, assembled in memory: the progress data stamped with the
//! version and date, a manifest with the size and SHA-256 of every data
//! file, `SHA256SUMS`, the frozen copy for `releases/<version>/` and the
//! releases index with it added. The staff tool writes these files into a
//! folder; the studio puts the same bytes in a ZIP.

use crate::messages::PublishMsg;
use plan_model::date::day_of_year;
use plan_model::messages::say;
use plan_model::progress::ChangelogEntry;
use plan_model::release::{
    MANIFEST_FILE, Manifest, ManifestFile, ReleaseSummary, is_valid_version,
    is_written_from_releases,
};
use plan_model::{Bilingual, Lang, PROGRESS_FILE, ProgressDocument, SCHEMA_VERSION};
use sha2::{Digest, Sha256};

use crate::sheet::to_pretty_json;

/// The name of the checksum file in a frozen release (`sha256sum -c` reads it).
pub const SUMS_FILE: &str = "SHA256SUMS";

/// What to publish.
#[derive(Debug, Clone, Copy)]
pub struct ReleaseRequest<'a> {
    /// New version (a folder name under `releases/`).
    pub version: &'a str,
    /// Changelog text in Chinese.
    pub notes_zh: &'a str,
    /// Changelog text in English (may be empty).
    pub notes_en: &'a str,
    /// Publication date, `YYYY-MM-DD`.
    pub date: &'a str,
}

/// Why a request cannot be published as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestError {
    /// The version cannot be a folder name.
    BadVersion,
    /// The date is not `YYYY-MM-DD`.
    BadDate,
    /// No Chinese notes.
    MissingNotes,
}

impl RequestError {
    /// The message, in `lang`.
    pub fn message(self, req: &ReleaseRequest<'_>, lang: Lang) -> String {
        match self {
            Self::BadVersion => say(PublishMsg::BadVersion, lang, &[("version", &req.version)]),
            Self::BadDate => say(PublishMsg::BadDateArgument, lang, &[("date", &req.date)]),
            Self::MissingNotes => say(PublishMsg::MissingNotes, lang, &[]),
        }
    }
}

impl ReleaseRequest<'_> {
    /// Checks the version, the date and the notes, in that order.
    pub fn check(&self) -> Result<(), RequestError> {
        if !is_valid_version(self.version) {
            return Err(RequestError::BadVersion);
        }
        if day_of_year(self.date).is_none() {
            return Err(RequestError::BadDate);
        }
        if self.notes_zh.trim().is_empty() {
            return Err(RequestError::MissingNotes);
        }
        Ok(())
    }
}

/// True for a file of the data folder that a release lists and freezes
/// (not the manifest it writes, not a hidden file, not the catalog a
/// publish writes from the releases).
pub fn is_release_file(name: &str) -> bool {
    name != MANIFEST_FILE && !name.starts_with('.') && !is_written_from_releases(name)
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Every file a release writes, as bytes.
#[derive(Debug, Clone)]
pub struct Release {
    /// `progress.json` as it now reads (version, date, changelog).
    pub progress_text: String,
    /// The manifest.
    pub manifest: Manifest,
    /// `manifest.json`.
    pub manifest_text: String,
    /// The files of `releases/<version>/`: the data files, the manifest and
    /// `SHA256SUMS`.
    pub frozen: Vec<(String, Vec<u8>)>,
    /// `releases/index.json` with this release first.
    pub index_text: String,
}

/// Assembles release `req` of `progress` (already checked) from the data
/// folder's top-level files (`files`: name and bytes; the manifest and
/// hidden files are left out, progress.json is replaced by its new text)
/// and the releases index as it stands (`index`, when there is one).
pub fn assemble(
    progress: &ProgressDocument,
    files: Vec<(String, Vec<u8>)>,
    index: Option<&str>,
    req: &ReleaseRequest<'_>,
) -> Release {
    let mut progress = progress.clone();
    // The figures (and the reports on tasks and commitments) refer to the
    // date of the latest of them.
    let latest = progress
        .observations
        .iter()
        .map(|o| &o.as_of)
        .chain(progress.updates.iter().map(|u| &u.as_of))
        .max()
        .cloned();
    let release = &mut progress.release;
    if let Some(latest) = latest {
        release.as_of = latest;
    }
    release.version = req.version.to_owned();
    release.published = req.date.to_owned();
    release.changelog.insert(
        0,
        ChangelogEntry {
            version: req.version.to_owned(),
            date: req.date.to_owned(),
            notes: Bilingual { zh: req.notes_zh.to_owned(), en: req.notes_en.to_owned() },
        },
    );
    let progress_text = to_pretty_json(&progress);

    let mut files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .filter(|(name, _)| is_release_file(name))
        .map(|(name, bytes)| {
            if name == PROGRESS_FILE {
                (name, progress_text.clone().into_bytes())
            } else {
                (name, bytes)
            }
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let r = &progress.release;
    let manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        version: req.version.to_owned(),
        published: req.date.to_owned(),
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
    let sums: String =
        manifest.files.iter().map(|f| format!("{}  {}\n", f.sha256, f.path)).collect();
    let mut frozen = files;
    frozen.push((MANIFEST_FILE.to_owned(), manifest_text.clone().into_bytes()));
    frozen.push((SUMS_FILE.to_owned(), sums.into_bytes()));

    // An index that cannot be read starts again from this release, as before.
    let mut summaries: Vec<ReleaseSummary> =
        index.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    summaries.insert(0, r.summary());
    let index_text = to_pretty_json(&summaries);
    Release { progress_text, manifest, manifest_text, frozen, index_text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_text() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_request_is_checked_version_then_date_then_notes() {
        let ok = ReleaseRequest {
            version: "2026.12.0",
            notes_zh: "说明",
            notes_en: "",
            date: "2026-12-01",
        };
        assert_eq!(ok.check(), Ok(()));
        let bad = ReleaseRequest { version: "../x", date: "x", ..ok };
        assert_eq!(bad.check(), Err(RequestError::BadVersion));
        assert_eq!(ReleaseRequest { date: "1 Dec", ..ok }.check(), Err(RequestError::BadDate));
        assert_eq!(ReleaseRequest { notes_zh: " ", ..ok }.check(), Err(RequestError::MissingNotes));
    }
}
