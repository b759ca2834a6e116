//! A published release's manifest: every data file with its size and SHA-256,
//! so that readers (and the site) can check what they downloaded.

use serde::{Deserialize, Serialize};

/// File name of the manifest, in the data folder and in each `releases/<V>/`.
pub const MANIFEST_FILE: &str = "manifest.json";
/// Folder (inside the data folder) that keeps every release, frozen.
pub const RELEASES_DIR: &str = "releases";
/// File listing every release, inside `releases/`.
pub const RELEASE_INDEX_FILE: &str = "index.json";

/// What a release contains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Manifest {
    /// Format version; see `SCHEMA_VERSION`.
    pub schema_version: u32,
    /// Release version.
    pub version: String,
    /// Date published, `YYYY-MM-DD`.
    pub published: String,
    /// Date the figures refer to.
    pub as_of: String,
    /// True for sample (made-up) figures.
    pub sample: bool,
    /// Every data file of the release, by path relative to the release folder.
    pub files: Vec<ManifestFile>,
}

/// One file of a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ManifestFile {
    /// Path relative to the release folder.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
}

/// One line of `releases/index.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReleaseSummary {
    /// Release version (also its folder name under `releases/`).
    pub version: String,
    /// Date published.
    pub published: String,
    /// Date the figures refer to.
    pub as_of: String,
    /// True for sample figures.
    pub sample: bool,
}

/// The release published before `current` in an index (newest first): the
/// next entry; `None` for the first release or a version not in the index.
pub fn previous<'a>(index: &'a [ReleaseSummary], current: &str) -> Option<&'a ReleaseSummary> {
    let at = index.iter().position(|r| r.version == current)?;
    index.get(at + 1)
}

/// A version string that is safe as a folder name and in a URL.
pub fn is_valid_version(version: &str) -> bool {
    // The releases folder's own names (`index.json`, hidden and temporary
    // files) are never a version.
    version.len() <= 64
        && version.starts_with(|c: char| c.is_ascii_alphanumeric())
        && version.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && !version.to_ascii_lowercase().ends_with(".json")
}

/// True for a file name a manifest may list: a plain name in the data
/// folder (no folder, nothing hidden), so it can be a path and a ZIP entry.
pub fn is_valid_file_name(name: &str) -> bool {
    name.len() <= 128
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && !name.contains("..")
}

/// True for lower-case hex SHA-256.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_previous_release_is_the_next_entry_of_the_index() {
        let summary = |v: &str| ReleaseSummary {
            version: v.to_owned(),
            published: String::new(),
            as_of: String::new(),
            sample: true,
        };
        let index = [summary("2026.09.0"), summary("2026.06.0")];
        assert_eq!(previous(&index, "2026.09.0").map(|r| r.version.as_str()), Some("2026.06.0"));
        assert_eq!(previous(&index, "2026.06.0"), None, "the first release");
        assert_eq!(previous(&index, "2027.01.0"), None, "not in the index");
    }

    #[test]
    fn versions_are_safe_folder_names() {
        assert!(is_valid_version("2026.09.0-sample"));
        assert!(!is_valid_version(""));
        assert!(!is_valid_version("../x"));
        assert!(!is_valid_version("2026 09"));
        assert!(!is_valid_version(".hidden"));
        assert!(!is_valid_version("index.json"), "a reserved name of the releases folder");
        assert!(!is_valid_version("INDEX.JSON"), "case-folding file systems");
        assert!(is_valid_version("preview") && is_valid_version("v2026.12"));
        assert!(!is_valid_version("a/b"));
        assert!(!is_valid_version(&"9".repeat(65)));
        assert!(is_valid_file_name("plan.schema.json"));
        assert!(!is_valid_file_name("../plan.json"));
        assert!(!is_valid_file_name("releases/x"));
        assert!(!is_valid_file_name(".hidden"));
        assert!(!is_valid_file_name("a\\b"));
    }
}
