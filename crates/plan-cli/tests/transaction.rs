//! A release is all or nothing: `plan-data release` stopped dead at every
//! write step in turn (as a crash or a pulled plug would: the process exits
//! with no clean-up) leaves the folder exactly as it was before or exactly as
//! a whole release makes it, byte for byte, never a mix; running the same
//! release again then finishes it. Hostile folders (an index that cannot be
//! read, a version that is a reserved name, a data file whose name cannot be
//! listed) are refused with nothing changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use plan_files::atomic::{CRASH_AT_STEP, CRASH_EXIT};
use portal_harness::{copy_dir, files_under};

const VERSION: &str = "2026.12.0-t";

fn bundled_data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

/// Every file under `dir` by path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    files_under(dir, "", &mut out);
    out
}

/// A private folder holding `unit` (a data folder, or a built site).
struct Scratch {
    root: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Self {
        let root = std::env::temp_dir().join(format!("plan-cli-tx-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).expect("mkdir");
        Self { root }
    }

    /// The bundled data folder with its release history, at `<root>/<at>`.
    fn data(&self, at: &str) -> PathBuf {
        let dir = self.root.join(at);
        copy_dir(&bundled_data(), &dir);
        dir
    }

    /// A built site as `make dist` leaves it (Trunk's page kept as its
    /// template, the address kept), at `<root>/<at>`.
    fn site(&self, at: &str) -> PathBuf {
        let site = self.root.join(at);
        copy_dir(&bundled_data(), &site.join("data"));
        let trunk = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\" />\n<meta charset=\"utf-8\" />\n<link rel=\"stylesheet\" href=\"./main-1.css\" integrity=\"sha384-x\"/>\n</head>\n<body></body>\n</html>\n";
        std::fs::write(site.join("index.html"), trunk).expect("index.html");
        std::fs::write(site.join("template.html"), trunk).expect("template.html");
        std::fs::write(site.join("main-1.css"), "body{}").expect("a code file");
        std::fs::write(site.join("site.json"), r#"{"url":"https://example.org/plan/"}"#)
            .expect("site.json");
        site
    }

    /// What is beside the unit, but for the unit itself and the copies the
    /// test keeps: staged or set-aside folders a release left.
    fn leftovers(&self, keep: &[&str]) -> Vec<String> {
        std::fs::read_dir(&self.root)
            .expect("read")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !keep.contains(&n.as_str()))
            .collect()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn release(data: &Path, crash_at: Option<u64>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plan-data"));
    cmd.args(["--lang", "en", "release", "--version", VERSION, "--date", "2027-01-15"])
        .args(["--notes", "第四季度", "--notes-en", "Q4", "--dir"])
        .arg(data);
    if let Some(n) = crash_at {
        cmd.env(CRASH_AT_STEP, n.to_string());
    }
    cmd.output().expect("run plan-data")
}

fn said(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// Stops a release into `unit` (inside `scratch`, its data folder `data`)
/// at each step of `steps`; after each stop the unit is the old state or
/// the new, and the same release run again makes it the new one.
fn stop_at_each(scratch: &Scratch, unit: &str, data: &str, steps: &[u64]) -> usize {
    let live = scratch.root.join(unit);
    let pristine = scratch.root.join("pristine");
    copy_dir(&live, &pristine);
    let old = snapshot(&live);
    // The whole release, once, for the state it makes.
    let out = release(&live.join(data), None);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let new = snapshot(&live);
    assert_ne!(old, new);
    assert_eq!(scratch.leftovers(&[unit, "pristine"]), Vec::<String>::new(), "nothing left over");

    let mut stops = 0;
    for &step in steps {
        let _ = std::fs::remove_dir_all(&live);
        copy_dir(&pristine, &live);
        let out = release(&live.join(data), Some(step));
        match out.status.code() {
            Some(CRASH_EXIT) => stops += 1,
            Some(0) => continue, // the release took fewer steps
            other => panic!("step {step}: exit {other:?}: {}", said(&out)),
        }
        let now = snapshot(&live);
        assert!(
            now == old || now == new,
            "step {step}: the site is neither the old release nor the new one"
        );
        let again = release(&live.join(data), None);
        assert_eq!(again.status.code(), Some(0), "step {step}: run again: {}", said(&again));
        assert!(snapshot(&live) == new, "step {step}: running again does not finish the release");
        assert_eq!(scratch.leftovers(&[unit, "pristine"]), Vec::<String>::new(), "step {step}");
    }
    stops
}

#[test]
fn a_release_into_a_data_folder_stopped_at_every_step_is_old_or_new_and_finishes_when_run_again() {
    let scratch = Scratch::new("data");
    scratch.data("data");
    let total = steps_of(&scratch, &scratch.root.join("data"), "");
    assert!(total > 20, "the data folder's release has a few dozen steps: {total}");
    let stops = stop_at_each(&scratch, "data", "", &(1..=total).collect::<Vec<_>>());
    assert_eq!(stops as u64, total, "the release was stopped at every step");
}

/// How many write steps a release into `live` takes (run on a copy).
fn steps_of(scratch: &Scratch, live: &Path, data: &str) -> u64 {
    let copy = scratch.root.join("count");
    copy_dir(live, &copy);
    let out = release(&copy.join(data), Some(u64::MAX));
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let _ = std::fs::remove_dir_all(&copy);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let count = stderr.lines().find_map(|l| l.strip_prefix("[test] write steps: "));
    count.and_then(|n| n.parse().ok()).expect("the tool says how many steps it took")
}

#[test]
fn a_release_into_a_built_site_stopped_at_its_steps_is_old_or_new_and_finishes_when_run_again() {
    let scratch = Scratch::new("site");
    let live = scratch.site("site");
    let total = steps_of(&scratch, &live, "data");
    assert!(total > 900, "every page is a step: {total}");
    // Every page is rendered again after each stop (about 2 s in a debug
    // build), so not every one of the ~1,000 steps: the first five (the
    // staged copy begins), a spread through the data and the pages (all in
    // the staged copy), and the last eight (the pages' last files, the
    // switch, the clean-up). The data folder's test stops at every step.
    let mut steps: Vec<u64> = (1..=5).collect();
    steps.extend((1..6).map(|i| total * i / 6));
    steps.extend(total - 7..=total);
    let stops = stop_at_each(&scratch, "site", "data", &steps);
    assert_eq!(stops, steps.len(), "every chosen step stopped the release");
}

#[test]
fn an_index_that_cannot_be_read_stops_the_release_and_changes_nothing() {
    let scratch = Scratch::new("index");
    let data = scratch.data("data");
    let index = data.join("releases/index.json");
    for (text, expect) in [
        ("[{\"version\": \"2026.09.0-sample\",", "cannot be read"),
        (
            r#"[{"version":"index.json","published":"2026-09-30","as_of":"2026-09-30","sample":true}]"#,
            "[0].version",
        ),
    ] {
        std::fs::write(&index, text).expect("index");
        let before = snapshot(&data);
        let out = release(&data, None);
        assert_eq!(out.status.code(), Some(1), "{}", said(&out));
        assert!(said(&out).contains(expect), "{expect}: {}", said(&out));
        assert!(said(&out).contains("releases/index.json"), "names the file: {}", said(&out));
        assert_eq!(snapshot(&data), before, "nothing changed");
        assert_eq!(scratch.leftovers(&["data"]), Vec::<String>::new());
    }
}

#[test]
fn a_data_file_whose_name_cannot_be_listed_stops_the_release() {
    let scratch = Scratch::new("names");
    let data = scratch.data("data");
    std::fs::write(data.join("notes <b>.html"), "x").expect("a stray file");
    let before = snapshot(&data);
    let out = release(&data, None);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(said(&out).contains("notes <b>.html"), "{}", said(&out));
    assert_eq!(snapshot(&data), before, "nothing changed");
}

#[test]
fn a_reserved_name_is_not_a_version() {
    let scratch = Scratch::new("reserved");
    let data = scratch.data("data");
    let before = snapshot(&data);
    for version in ["index.json", "../up", ".hidden", "a b"] {
        let out = Command::new(env!("CARGO_BIN_EXE_plan-data"))
            .args(["release", "--version", version, "--notes", "x", "--dir"])
            .arg(&data)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{version}: {}", said(&out));
        assert!(said(&out).contains(version), "{}", said(&out));
    }
    assert_eq!(snapshot(&data), before, "nothing changed");
}

#[test]
fn a_sheet_over_the_limit_is_refused_before_it_is_read() {
    let scratch = Scratch::new("big");
    let data = scratch.data("data");
    // A sparse file: 60 MB on paper, nothing on disk, and nothing read.
    let big = scratch.root.join("huge.csv");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(60 * 1024 * 1024).expect("size");
    let before = snapshot(&data);
    let out = Command::new(env!("CARGO_BIN_EXE_plan-data"))
        .args(["--lang", "en", "import"])
        .arg(&big)
        .arg("--dir")
        .arg(&data)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(said(&out).contains("huge.csv is 60 MB, over the limit of 50 MB"), "{}", said(&out));
    assert_eq!(snapshot(&data), before, "nothing changed");
}
