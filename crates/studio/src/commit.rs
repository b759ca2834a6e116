//! In what order a release is written into a site's folder file by file
//! (where the browser can only write one file at a time), and whether it may
//! be written at all. Pure, so it is tested natively with a stop at every
//! write; `folder` (the page's build) only carries it out.
//!
//! The order has one commit point, `data/manifest.json`, written last: it
//! says which release the folder serves. Before it, the frozen copy
//! `data/releases/<version>/` (its `SHA256SUMS` last: a version is in the
//! folder once that is there), then the pages and data files, then the
//! releases index (which never lists a version before its frozen copy is
//! whole). A publish never goes backwards: the folder must serve the release
//! the draft started from, or already this one (a write that finished).

use plan_model::release::{Manifest, RELEASE_INDEX_FILE, RELEASES_DIR};
use plan_publish::release::SUMS_FILE;

/// The manifest's path from the site's root: the commit point.
pub const MANIFEST_PATH: &str = "data/manifest.json";

/// What the folder holds now, as far as a write needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Serving {
    /// No readable `data/manifest.json`: not a site's folder.
    NotASite,
    /// The release its manifest names.
    Release(String),
}

impl Serving {
    /// What a folder with this `data/manifest.json` (if any) serves.
    pub fn from_manifest(bytes: Option<&[u8]>) -> Self {
        bytes
            .and_then(|b| serde_json::from_slice::<Manifest>(b).ok())
            .map_or(Self::NotASite, |m| Self::Release(m.version))
    }
}

/// Why nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a site's folder.
    NotASite,
    /// The folder serves another release than the one the draft started
    /// from: writing would undo it (or skip one).
    Elsewhere {
        /// What the folder serves.
        serving: String,
        /// What the draft started from.
        base: String,
    },
}

/// What to do with a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan<'a> {
    /// The release is in the folder already, whole: nothing to write.
    Done,
    /// Write these files, in this order (a write that stopped is done again
    /// the same way: each file is replaced whole).
    Write(Vec<&'a (String, Vec<u8>)>),
}

/// The earlier releases whose frozen copies `files` carries (a release
/// made from a ZIP carries them), other than `version`: the folder may hold
/// them already.
pub fn carried_versions<'a>(files: &'a [(String, Vec<u8>)], version: &str) -> Vec<&'a str> {
    let mut versions: Vec<&str> = files
        .iter()
        .filter_map(|(p, _)| p.strip_prefix("data/")?.strip_prefix(RELEASES_DIR)?.strip_prefix('/'))
        .filter_map(|rest| rest.split_once('/').map(|(v, _)| v))
        .filter(|v| *v != version)
        .collect();
    versions.sort_unstable();
    versions.dedup();
    versions
}

/// Whether and in what order release `version`, made from release `base`,
/// is written into a folder that serves `serving` and already holds the
/// whole frozen copies of `present` (never written again: a published
/// release is never overwritten).
pub fn plan<'a>(
    files: &'a [(String, Vec<u8>)],
    version: &str,
    base: &str,
    serving: &Serving,
    present: &[&str],
) -> Result<Plan<'a>, Refusal> {
    match serving {
        Serving::NotASite => return Err(Refusal::NotASite),
        Serving::Release(now) if now == version => return Ok(Plan::Done),
        Serving::Release(now) if now != base => {
            return Err(Refusal::Elsewhere { serving: now.clone(), base: base.to_owned() });
        }
        Serving::Release(_) => {}
    }
    let frozen = format!("data/{RELEASES_DIR}/{version}/");
    let sums = format!("{frozen}{SUMS_FILE}");
    let index = format!("data/{RELEASES_DIR}/{RELEASE_INDEX_FILE}");
    let rank = |path: &str| match path {
        p if p == sums => 1,
        p if p.starts_with(&frozen) => 0,
        p if p == index => 3,
        p if p == MANIFEST_PATH => 4,
        _ => 2,
    };
    let kept = |path: &str| {
        !present
            .iter()
            .any(|v| *v != version && path.starts_with(&format!("data/{RELEASES_DIR}/{v}/")))
    };
    let mut ordered: Vec<&(String, Vec<u8>)> = files.iter().filter(|(p, _)| kept(p)).collect();
    // A stable sort: within a rank, the release's own order.
    ordered.sort_by_key(|(p, _)| rank(p));
    Ok(Plan::Write(ordered))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn manifest(version: &str) -> Vec<u8> {
        serde_json::to_vec(&Manifest {
            schema_version: 1,
            version: version.to_owned(),
            published: "2026-12-01".to_owned(),
            as_of: "2026-12-01".to_owned(),
            sample: true,
            files: Vec::new(),
        })
        .unwrap_or_default()
    }

    fn index(versions: &[&str]) -> Vec<u8> {
        let list: Vec<_> = versions
            .iter()
            .map(|v| {
                serde_json::json!({"version": v, "published": "2026-12-01",
                    "as_of": "2026-12-01", "sample": true})
            })
            .collect();
        serde_json::to_vec(&list).unwrap_or_default()
    }

    /// A folder's files by path.
    type Folder = BTreeMap<String, Vec<u8>>;

    /// A site's folder serving `base`, and a release `new` made from it.
    fn folder_and_release() -> (Folder, Vec<(String, Vec<u8>)>) {
        let mut folder = BTreeMap::new();
        for (path, bytes) in [
            (MANIFEST_PATH, manifest("2026.09.0")),
            ("data/progress.json", b"old figures".to_vec()),
            ("data/releases/index.json", index(&["2026.09.0"])),
            ("data/releases/2026.09.0/SHA256SUMS", b"sums".to_vec()),
            ("index.html", b"old page".to_vec()),
            ("zh/indicator/a/index.html", b"old page".to_vec()),
        ] {
            folder.insert(path.to_owned(), bytes);
        }
        // The order a release ZIP holds them in: index and manifest early.
        let release = vec![
            (MANIFEST_PATH.to_owned(), manifest("2026.12.0")),
            ("data/releases/index.json".to_owned(), index(&["2026.12.0", "2026.09.0"])),
            ("data/progress.json".to_owned(), b"new figures".to_vec()),
            ("data/releases/2026.12.0/SHA256SUMS".to_owned(), b"sums".to_vec()),
            ("data/releases/2026.12.0/progress.json".to_owned(), b"new figures".to_vec()),
            ("index.html".to_owned(), b"new page".to_vec()),
            ("zh/indicator/a/index.html".to_owned(), b"new page".to_vec()),
        ];
        (folder, release)
    }

    fn serving(folder: &BTreeMap<String, Vec<u8>>) -> Serving {
        Serving::from_manifest(folder.get(MANIFEST_PATH).map(Vec::as_slice))
    }

    /// Writes the plan's first `stop` files (all when `None`): a write that
    /// stops there.
    fn write(
        folder: &mut BTreeMap<String, Vec<u8>>,
        release: &[(String, Vec<u8>)],
        stop: Option<usize>,
    ) -> Result<bool, Refusal> {
        match plan(release, "2026.12.0", "2026.09.0", &serving(folder), &[])? {
            Plan::Done => Ok(true),
            Plan::Write(files) => {
                let count = stop.unwrap_or(files.len()).min(files.len());
                for (path, bytes) in files.into_iter().take(count) {
                    folder.insert(path.clone(), bytes.clone());
                }
                Ok(false)
            }
        }
    }

    /// Every version the index lists has a whole frozen copy.
    fn index_vouched(folder: &BTreeMap<String, Vec<u8>>) -> bool {
        let listed: Vec<serde_json::Value> = folder
            .get("data/releases/index.json")
            .and_then(|b| serde_json::from_slice(b).ok())
            .unwrap_or_default();
        listed.iter().all(|r| {
            let v = r["version"].as_str().unwrap_or_default();
            folder.contains_key(&format!("data/releases/{v}/SHA256SUMS"))
        })
    }

    #[test]
    fn a_write_stopped_at_every_file_in_turn_commits_last_and_finishes_when_run_again() {
        let (start, release) = folder_and_release();
        let (mut whole, _) = folder_and_release();
        write(&mut whole, &release, None).expect("a whole write");
        for stop in 0..release.len() {
            let mut folder = start.clone();
            write(&mut folder, &release, Some(stop)).expect("a write that stops");
            // Before its last file the folder still serves the release it had.
            assert_eq!(serving(&folder), Serving::Release("2026.09.0".into()), "stop {stop}");
            assert!(index_vouched(&folder), "stop {stop}: the index lists a missing copy");
            // Run again: it finishes, and the folder is what one whole write makes.
            write(&mut folder, &release, None).expect("run again");
            assert_eq!(folder, whole, "stop {stop}: run again");
            assert_eq!(write(&mut folder, &release, None), Ok(true), "then it is done");
        }
        assert_eq!(serving(&whole), Serving::Release("2026.12.0".into()));
    }

    #[test]
    fn a_frozen_copy_the_folder_has_is_never_written_again() {
        let (_, mut release) = folder_and_release();
        release.push(("data/releases/2026.09.0/progress.json".into(), b"tampered?".to_vec()));
        release.push(("data/releases/2026.09.0/SHA256SUMS".into(), b"sums".to_vec()));
        assert_eq!(carried_versions(&release, "2026.12.0"), ["2026.09.0"]);
        let serving = Serving::Release("2026.09.0".into());
        let Ok(Plan::Write(files)) =
            plan(&release, "2026.12.0", "2026.09.0", &serving, &["2026.09.0"])
        else {
            panic!("a plan")
        };
        assert!(files.iter().all(|(p, _)| !p.starts_with("data/releases/2026.09.0/")));
        assert_eq!(files.len(), release.len() - 2);
        let Ok(Plan::Write(files)) = plan(&release, "2026.12.0", "2026.09.0", &serving, &[]) else {
            panic!("a plan")
        };
        assert_eq!(files.len(), release.len(), "a folder without it gets it");
    }

    #[test]
    fn a_folder_serving_another_release_is_never_written_backwards() {
        let (mut folder, release) = folder_and_release();
        folder.insert(MANIFEST_PATH.to_owned(), manifest("2027.03.0"));
        let before = folder.clone();
        assert_eq!(
            write(&mut folder, &release, None),
            Err(Refusal::Elsewhere { serving: "2027.03.0".into(), base: "2026.09.0".into() })
        );
        assert_eq!(folder, before, "nothing written");
        folder.remove(MANIFEST_PATH);
        assert_eq!(write(&mut folder, &release, None), Err(Refusal::NotASite));
        folder.insert(MANIFEST_PATH.to_owned(), b"{not json".to_vec());
        assert_eq!(write(&mut folder, &release, None), Err(Refusal::NotASite));
    }
}
