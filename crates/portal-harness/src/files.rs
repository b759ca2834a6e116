//! The site under test and temporary copies of it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository's root folder (this crate is `crates/portal-harness`).
pub fn repo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The release build the tests run against (`make dist` writes it).
pub fn dist_dir() -> PathBuf {
    let dir = repo_dir().join("dist");
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: build the site first with `make dist`",
        dir.display()
    );
    dir
}

/// A fresh, empty temporary folder for one test (named, so runs do not collide).
pub fn tempdir(name: &str) -> PathBuf {
    // The tests share one process: a counter keeps two tests' folders apart.
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("kunshan-e2e-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Every file under `dir` with its bytes, by its path from `dir` (`/`
/// between folders) after `prefix`.
pub fn files_under(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            files_under(&entry.path(), &format!("{name}/"), out);
        } else {
            out.insert(name, std::fs::read(entry.path()).expect("read"));
        }
    }
}

/// Copies a folder tree (to serve a changed copy of `dist/`).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
