//! Writes that never leave half a file: the content goes to a temporary file
//! in the same folder, is flushed to disk, and then renamed over the target in
//! one step.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Set in tests to stop just before the rename, as a crash would.
pub const CRASH_BEFORE_RENAME: &str = "PLAN_DATA_TEST_CRASH_BEFORE_RENAME";

/// Set in tests to `N`: the process stops dead (exit code [`CRASH_EXIT`], no
/// clean-up) at its `N`-th write step, as a crash or a pulled plug would.
/// A release's fault-injection test stops it at every step in turn.
pub const CRASH_AT_STEP: &str = "PLAN_DATA_TEST_CRASH_AT";

/// The exit code of a stop at [`CRASH_AT_STEP`].
pub const CRASH_EXIT: i32 = 86;

static STEPS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Counts one step that changes the disk (a file made whole, a rename, a
/// link, a removal), just before it is taken; stops the process there when
/// [`CRASH_AT_STEP`] names it.
pub fn step() {
    let n = STEPS.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
    static AT: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let at = AT.get_or_init(|| std::env::var(CRASH_AT_STEP).ok().and_then(|v| v.parse().ok()));
    if *at == Some(n) {
        std::process::exit(CRASH_EXIT);
    }
}

/// How many steps this process has taken ([`step`]).
pub fn steps_taken() -> u64 {
    STEPS.load(std::sync::atomic::Ordering::SeqCst)
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Replaces `path` with `bytes` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_path(path);
    let written = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    if std::env::var_os(CRASH_BEFORE_RENAME).is_some() {
        return Err(io::Error::other("simulated crash before rename"));
    }
    step();
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Fills a new folder through a temporary one, renamed into place at the end,
/// so that `target` either does not exist or is complete.
pub fn write_folder_atomic(target: &Path, files: &[(String, Vec<u8>)]) -> io::Result<()> {
    let tmp = temp_path(target);
    let _ = std::fs::remove_dir_all(&tmp);
    let result = (|| {
        std::fs::create_dir_all(&tmp)?;
        for (name, bytes) in files {
            step();
            let mut file = File::create(tmp.join(name))?;
            file.write_all(bytes)?;
            file.sync_all()?;
        }
        if std::env::var_os(CRASH_BEFORE_RENAME).is_some() {
            return Err(io::Error::other("simulated crash before rename"));
        }
        step();
        std::fs::rename(&tmp, target)
    })();
    if result.is_err() && std::env::var_os(CRASH_BEFORE_RENAME).is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}
