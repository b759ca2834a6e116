//! What of a release ZIP or a folder the studio may carry into the next
//! release: only what its manifests vouch for. The data files are those the
//! top-level `manifest.json` lists, each with its size and SHA-256; a frozen
//! release `releases/<version>/` is carried only when whole (its
//! `SHA256SUMS`, written last) and every file matches it. A listed file that
//! is missing or differs stops the opening, naming it (a changed or
//! half-copied release would publish a mix); a file no manifest lists is left
//! out and named (a stray `data/evil.html` never rides along).

use std::collections::BTreeMap;

use plan_model::Lang;
use plan_model::release::{
    MANIFEST_FILE, Manifest, RELEASE_INDEX_FILE, RELEASES_DIR, is_valid_file_name,
    is_valid_version, is_written_from_releases,
};
use plan_publish::release::{SUMS_FILE, sha256_hex};

use crate::text::{Say, say};

/// What a ZIP or folder gives, checked.
#[derive(Debug, Default)]
pub struct Vouched {
    /// The top-level data files the manifest lists (name and bytes).
    pub files: Vec<(String, Vec<u8>)>,
    /// The releases index's text, if there is one.
    pub index: Option<String>,
    /// The frozen releases that are whole and as their `SHA256SUMS` says
    /// (paths from the release's root, `data/releases/<v>/<file>`).
    pub carried: Vec<(String, Vec<u8>)>,
    /// What was left out, by path: listed nowhere, or a frozen copy that is
    /// not whole.
    pub left_out: Vec<String>,
}

/// Checks `entries` (paths from the release's root, `data/…`: top-level
/// data files, the index and frozen files) against their manifests.
/// `Err(None)`: no release at all (no plan or progress); `Err(Some(why))`:
/// a release that must not be carried on.
pub fn vouch(entries: Vec<(String, Vec<u8>)>, lang: Lang) -> Result<Vouched, Option<String>> {
    let mut top: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut frozen: BTreeMap<String, BTreeMap<String, Vec<u8>>> = BTreeMap::new();
    let mut out = Vouched::default();
    for (path, bytes) in entries {
        let Some(rest) = path.strip_prefix("data/") else { continue };
        // Written again by this release's publish, from the frozen files.
        if is_written_from_releases(rest) {
            continue;
        }
        match rest.split('/').collect::<Vec<_>>()[..] {
            [name] => {
                top.insert(name.to_owned(), bytes);
            }
            [RELEASES_DIR, RELEASE_INDEX_FILE] => {
                let text = String::from_utf8(bytes).map_err(|e| Some(format!("{path}: {e}")))?;
                out.index = Some(text);
            }
            [RELEASES_DIR, version, name] => {
                frozen.entry(version.to_owned()).or_default().insert(name.to_owned(), bytes);
            }
            _ => out.left_out.push(path),
        }
    }
    if !top.contains_key(plan_model::PLAN_FILE) || !top.contains_key(plan_model::PROGRESS_FILE) {
        return Err(None);
    }
    let manifest_path = format!("data/{MANIFEST_FILE}");
    let manifest = top
        .remove(MANIFEST_FILE)
        .ok_or_else(|| Some(say(Say::NoManifest, lang, &[("file", &manifest_path)])))?;
    let manifest = read_manifest(&manifest_path, &manifest, lang)?;
    for listed in &manifest.files {
        let path = format!("data/{}", listed.path);
        let bytes = top
            .remove(&listed.path)
            .ok_or_else(|| Some(say(Say::ListedMissing, lang, &[("file", &path)])))?;
        if bytes.len() as u64 != listed.bytes || sha256_hex(&bytes) != listed.sha256 {
            // A hand edit that broke the JSON is said where it broke.
            if listed.path.ends_with(".json") {
                let text = String::from_utf8_lossy(&bytes);
                if let Err(e) = plan_model::load::parse_located::<serde_json::Value>(&path, &text) {
                    return Err(Some(e.message(lang)));
                }
            }
            return Err(Some(say(Say::NotVouched, lang, &[("file", &path)])));
        }
        out.files.push((listed.path.clone(), bytes));
    }
    // Hidden files (a system's `.DS_Store`) are no one's; the rest is named.
    out.left_out
        .extend(top.into_keys().filter(|n| !n.starts_with('.')).map(|n| format!("data/{n}")));

    for (version, files) in frozen {
        let folder = format!("data/{RELEASES_DIR}/{version}/");
        let whole = is_valid_version(&version) && files.contains_key(SUMS_FILE);
        if !whole {
            out.left_out.extend(files.into_keys().map(|n| format!("{folder}{n}")));
            continue;
        }
        out.carried.extend(frozen_release(&folder, files, &mut out.left_out, lang)?);
    }
    Ok(out)
}

/// A manifest's text, parsed and checked (its names become paths).
fn read_manifest(path: &str, bytes: &[u8], lang: Lang) -> Result<Manifest, Option<String>> {
    let text = String::from_utf8_lossy(bytes);
    let manifest: Manifest =
        plan_model::load::parse_located(path, &text).map_err(|e| Some(e.message(lang)))?;
    match plan_model::validate::validate_manifest(&manifest).first() {
        Some(f) => Err(Some(format!("{path}: {}: {}", f.path, f.message(lang)))),
        None => Ok(manifest),
    }
}

/// The files of one whole frozen release, each as its `SHA256SUMS` (and its
/// own manifest, which must list the same) says; anything else is left out.
fn frozen_release(
    folder: &str,
    mut files: BTreeMap<String, Vec<u8>>,
    left_out: &mut Vec<String>,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, Option<String>> {
    let tampered =
        |name: &str| Some(say(Say::NotVouched, lang, &[("file", &format!("{folder}{name}"))]));
    let sums = files.remove(SUMS_FILE).unwrap_or_default();
    let sums_text = String::from_utf8(sums.clone()).map_err(|_| tampered(SUMS_FILE))?;
    let mut listed: Vec<(&str, &str)> = Vec::new();
    for line in sums_text.lines() {
        let (hash, name) = line.split_once("  ").ok_or_else(|| tampered(SUMS_FILE))?;
        if !plan_model::release::is_sha256_hex(hash) || !is_valid_file_name(name) {
            return Err(tampered(SUMS_FILE));
        }
        listed.push((hash, name));
    }
    let manifest_bytes = files.remove(MANIFEST_FILE).ok_or_else(|| tampered(MANIFEST_FILE))?;
    let manifest = read_manifest(&format!("{folder}{MANIFEST_FILE}"), &manifest_bytes, lang)?;
    let by_manifest: Vec<(&str, &str)> =
        manifest.files.iter().map(|f| (f.sha256.as_str(), f.path.as_str())).collect();
    if by_manifest != listed {
        return Err(tampered(MANIFEST_FILE));
    }
    let mut out = Vec::with_capacity(listed.len() + 2);
    for (hash, name) in listed {
        let bytes = files.remove(name).ok_or_else(|| tampered(name))?;
        if sha256_hex(&bytes) != hash {
            return Err(tampered(name));
        }
        out.push((format!("{folder}{name}"), bytes));
    }
    out.push((format!("{folder}{MANIFEST_FILE}"), manifest_bytes));
    out.push((format!("{folder}{SUMS_FILE}"), sums));
    left_out.extend(files.into_keys().map(|n| format!("{folder}{n}")));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_model::release::ManifestFile;

    fn manifest_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let manifest = Manifest {
            schema_version: 1,
            version: "2026.09.0".into(),
            published: "2026-10-01".into(),
            as_of: "2026-09-30".into(),
            sample: true,
            files: files
                .iter()
                .map(|(p, b)| ManifestFile {
                    path: (*p).to_owned(),
                    bytes: b.len() as u64,
                    sha256: sha256_hex(b),
                })
                .collect(),
        };
        serde_json::to_vec(&manifest).unwrap_or_default()
    }

    fn sums_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        files
            .iter()
            .map(|(p, b)| format!("{}  {p}\n", sha256_hex(b)))
            .collect::<String>()
            .into_bytes()
    }

    /// A release's entries: plan, progress, the manifest, one frozen copy.
    fn release() -> Vec<(String, Vec<u8>)> {
        let data: [(&str, &[u8]); 2] = [("plan.json", b"plan"), ("progress.json", b"progress")];
        let mut entries: Vec<(String, Vec<u8>)> =
            data.iter().map(|(n, b)| (format!("data/{n}"), b.to_vec())).collect();
        entries.push(("data/manifest.json".into(), manifest_of(&data)));
        let frozen = "data/releases/2026.09.0/";
        entries.extend(data.iter().map(|(n, b)| (format!("{frozen}{n}"), b.to_vec())));
        entries.push((format!("{frozen}manifest.json"), manifest_of(&data)));
        entries.push((format!("{frozen}SHA256SUMS"), sums_of(&data)));
        entries.push(("data/releases/index.json".into(), b"[]".to_vec()));
        entries
    }

    fn with(
        mut entries: Vec<(String, Vec<u8>)>,
        path: &str,
        bytes: &[u8],
    ) -> Vec<(String, Vec<u8>)> {
        entries.retain(|(p, _)| p != path);
        entries.push((path.to_owned(), bytes.to_vec()));
        entries
    }

    #[test]
    fn a_whole_release_is_carried_as_it_is() {
        let vouched = vouch(release(), Lang::En).expect("vouched");
        assert_eq!(vouched.files.len(), 2);
        assert_eq!(vouched.carried.len(), 4);
        assert!(vouched.left_out.is_empty(), "{:?}", vouched.left_out);
        assert_eq!(vouched.index.as_deref(), Some("[]"));
    }

    #[test]
    fn what_a_publish_writes_again_from_the_releases_is_neither_carried_nor_named() {
        let entries = with(release(), "data/catalog.jsonld", b"{}");
        let entries = with(entries, "data/releases/2026.09.0/datapackage.json", b"{}");
        let entries = with(entries, "data/releases/2026.09.0/csv/indicators.csv", b"id");
        let entries = with(entries, "data/releases/2026.09.0/csv/csv-metadata.json.br", b"x");
        let vouched = vouch(entries, Lang::En).expect("vouched");
        assert!(vouched.left_out.is_empty(), "{:?}", vouched.left_out);
        assert_eq!(vouched.carried.len(), 4);
    }

    #[test]
    fn files_no_manifest_lists_are_left_out_and_named() {
        let entries = with(release(), "data/evil.html", b"<script>");
        let entries = with(entries, "data/releases/2026.09.0/extra.js", b"x");
        let entries = with(entries, "data/.DS_Store", b"x");
        // A frozen copy that is not whole, and one whose name is no version.
        let entries = with(entries, "data/releases/2026.12.0/progress.json", b"half");
        let entries = with(entries, "data/releases/index.json/SHA256SUMS", b"");
        let vouched = vouch(entries, Lang::En).expect("vouched");
        let mut left = vouched.left_out.clone();
        left.sort();
        assert_eq!(
            left,
            [
                "data/evil.html",
                "data/releases/2026.09.0/extra.js",
                "data/releases/2026.12.0/progress.json",
                "data/releases/index.json/SHA256SUMS",
            ]
        );
        assert!(vouched.carried.iter().all(|(p, _)| p.starts_with("data/releases/2026.09.0/")));
        assert!(!vouched.carried.iter().any(|(p, _)| p.ends_with("extra.js")));
    }

    #[test]
    fn a_changed_or_missing_listed_file_stops_the_opening_naming_it() {
        let said = |entries| vouch(entries, Lang::En).err().flatten().unwrap_or_default();
        let changed = with(release(), "data/progress.json", b"progresS");
        assert!(said(changed).contains("data/progress.json"));
        let tampered = with(release(), "data/releases/2026.09.0/plan.json", b"plan!");
        assert!(said(tampered).contains("data/releases/2026.09.0/plan.json"));
        let mut missing = release();
        missing.retain(|(p, _)| p != "data/manifest.json");
        assert!(said(missing).contains("data/manifest.json"));
        let lying = said(with(release(), "data/manifest.json", &manifest_of(&[("../x", b"x")])));
        assert!(lying.contains("files[0].path"), "{lying}");
        let mut no_plan = release();
        no_plan.retain(|(p, _)| p != "data/plan.json");
        assert!(matches!(vouch(no_plan, Lang::En), Err(None)), "no release at all");
    }
}
