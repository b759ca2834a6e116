//! The publishing workflow end to end, as staff run it: template, import (in
//! every encoding and shape spreadsheets write), export round trip, release
//! with manifest, refused overwrite, interrupted writes, diff. Terminal output
//! is kept as snapshots (temporary paths replaced by `<DATA>` and `<FIXTURES>`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use plan_model::{ProgressDocument, parse_progress};
use portal_harness::copy_dir;

mod release;
mod sheets;
mod site;
mod updates;

const CRASH: &str = "PLAN_DATA_TEST_CRASH_BEFORE_RENAME";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// A private copy of the bundled data folder (without the release history).
struct Data {
    dir: PathBuf,
}

impl Data {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("plan-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("mkdir");
        let source = root().join("../../public/data");
        for entry in std::fs::read_dir(&source).expect("data").flatten() {
            if entry.path().is_file() {
                std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy");
            }
        }
        Self { dir }
    }

    fn progress(&self) -> ProgressDocument {
        let text = std::fs::read_to_string(self.dir.join("progress.json")).expect("read");
        parse_progress("progress.json", &text).expect("progress.json stays valid")
    }

    fn progress_bytes(&self) -> Vec<u8> {
        std::fs::read(self.dir.join("progress.json")).expect("read")
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_env(args, None)
    }

    fn run_env(&self, args: &[&str], env: Option<(&str, &str)>) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_plan-data"));
        cmd.args(args).current_dir(&self.dir);
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        cmd.output().expect("run plan-data")
    }

    /// Exit code, stdout and stderr, with machine-specific paths replaced.
    fn transcript(&self, out: &Output) -> String {
        let clean = |b: &[u8]| {
            String::from_utf8_lossy(b)
                .replace(&self.dir.display().to_string(), "<DATA>")
                .replace(&root().join("tests/fixtures").display().to_string(), "<FIXTURES>")
        };
        format!(
            "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
            out.status.code(),
            clean(&out.stdout),
            clean(&out.stderr)
        )
    }
}

impl Drop for Data {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn value_of(
    p: &ProgressDocument,
    indicator: &str,
    district: Option<&str>,
    as_of: &str,
) -> Option<f64> {
    p.observations
        .iter()
        .find(|o| o.indicator == indicator && o.district.as_deref() == district && o.as_of == as_of)
        .map(|o| o.value)
}

fn sha256sum_check(dir: &Path) -> Output {
    Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(dir)
        .output()
        .expect("sha256sum")
}

/// A built site as `make dist` leaves it (Trunk's page kept as its template,
/// the public address kept), with the bundled data and its release history.
fn built_site(name: &str, keep_address: bool) -> PathBuf {
    let site = std::env::temp_dir().join(format!("plan-cli-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&root().join("../../public/data"), &site.join("data"));
    let trunk = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\" />\n<meta charset=\"utf-8\" />\n<link rel=\"stylesheet\" href=\"./main-1.css\" integrity=\"sha384-x\"/>\n</head>\n<body></body>\n</html>\n";
    std::fs::write(site.join("index.html"), trunk).expect("index.html");
    std::fs::write(site.join("template.html"), trunk).expect("template.html");
    if keep_address {
        std::fs::write(site.join("site.json"), r#"{"url":"https://example.org/plan/"}"#)
            .expect("site.json");
    }
    site
}

fn release_into(site: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan-data"))
        .args(["--lang", "en", "release", "--version", "2026.12.0-test", "--date", "2027-01-15"])
        .args(["--notes", "第四季度", "--notes-en", "Q4", "--dir"])
        .arg(site.join("data"))
        .output()
        .expect("run plan-data")
}

/// A CSV sheet as a test fills it in: its header and rows as text.
struct Sheet {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Sheet {
    fn read(text: &str) -> Self {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().expect("header").iter().map(str::to_owned).collect();
        let rows =
            reader.records().map(|r| r.expect("row").iter().map(str::to_owned).collect()).collect();
        Sheet { header, rows }
    }

    /// The index of the column with this heading.
    fn col(&self, name: &str) -> usize {
        self.header.iter().position(|h| h.trim_start_matches('\u{feff}') == name).expect(name)
    }

    /// The index of the row for this subject id.
    fn row_of(&self, id: &str) -> usize {
        self.rows.iter().position(|r| r[0] == id).expect(id)
    }

    /// Fills in one cell.
    fn set(&mut self, row: usize, column: &str, value: &str) {
        let c = self.col(column);
        self.rows[row][c] = value.to_owned();
    }

    fn write(&self, path: &Path) {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&self.header).expect("header");
        for r in &self.rows {
            w.write_record(r).expect("row");
        }
        std::fs::write(path, w.into_inner().expect("csv")).expect("write");
    }
}
