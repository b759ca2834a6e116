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

/// The sub-folder of a frozen release (`releases/<version>/csv/`) for its
/// data as CSV tables, which a publish writes from the frozen files.
pub const TABLES_DIR: &str = "csv";

/// The CSVW metadata of a release's tables, beside them (where CSVW readers
/// look for it by default).
pub const CSVW_FILE: &str = "csv-metadata.json";

/// A frozen release's Data Package, which a publish writes beside it.
pub const PACKAGE_FILE: &str = "datapackage.json";

/// The data folder's DCAT catalog of every release, which a publish writes.
pub const CATALOG_FILE: &str = "catalog.jsonld";

/// The districts' tile map layout as HexJSON (`odd-r`), which a publish
/// writes from the current plan for reporters to draw the same map.
pub const TILES_HEXJSON_FILE: &str = "district-tiles.hexjson";

/// The same layout as a CSV table.
pub const TILES_CSV_FILE: &str = "district-tiles.csv";

/// True for a file of the data folder (`path` from it: `catalog.jsonld`,
/// `releases/<version>/csv/indicators.csv`) that a publish writes again from
/// the releases' frozen files, with its precompressed copies: the tables,
/// the Data Package and the catalog. No release carries such a file over,
/// since the next publish writes it anew.
pub fn is_written_from_releases(path: &str) -> bool {
    let path = path.strip_suffix(".br").or_else(|| path.strip_suffix(".gz")).unwrap_or(path);
    match path.split('/').collect::<Vec<_>>()[..] {
        [CATALOG_FILE | TILES_HEXJSON_FILE | TILES_CSV_FILE] => true,
        [RELEASES_DIR, _, PACKAGE_FILE] => true,
        [RELEASES_DIR, _, TABLES_DIR, name] => !name.is_empty(),
        _ => false,
    }
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
    fn the_files_a_publish_writes_from_the_releases_are_known_by_their_place() {
        for path in [
            "catalog.jsonld",
            "catalog.jsonld.br",
            "releases/2026.09.0/datapackage.json",
            "releases/2026.09.0/datapackage.json.gz",
            "releases/2026.09.0/csv/indicators.csv",
            "releases/2026.09.0/csv/csv-metadata.json",
            "district-tiles.hexjson",
            "district-tiles.csv.br",
        ] {
            assert!(is_written_from_releases(path), "{path}");
        }
        for path in [
            "plan.json",
            "releases/2026.09.0/plan.json",
            "releases/2026.09.0/SHA256SUMS",
            "releases/2026.09.0/csv/",
            "csv/indicators.csv",
            "releases/index.json",
        ] {
            assert!(!is_written_from_releases(path), "{path}");
        }
    }

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
