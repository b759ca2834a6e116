//! The publishing workflow end to end, as staff run it: template, import (in
//! every encoding and shape spreadsheets write), export round trip, release
//! with manifest, refused overwrite, interrupted writes, diff. Terminal output
//! is kept as snapshots (temporary paths replaced by `<DATA>` and `<FIXTURES>`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use plan_model::{ProgressDocument, parse_progress};

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

/// The same filled sheet, however a spreadsheet program saved it, imports the
/// same numbers (thousands separators, full-width digits, per-cent signs,
/// district by name, unfilled and blank trailing rows skipped).
#[test]
fn import_reads_what_spreadsheets_write() {
    for file in ["utf8-bom-crlf.csv", "utf8-no-bom-lf.csv", "gb18030-excel.csv"] {
        let data = Data::new(&format!("import-{file}"));
        let csv = fixture(file);
        let out = data.run(&["import", csv.to_str().expect("path"), "--dir", "."]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", data.transcript(&out));
        let p = data.progress();
        assert_eq!(value_of(&p, "ai-enterprises", None, "2026-12-31"), Some(1234.0), "{file}");
        assert_eq!(
            value_of(&p, "green-factories", Some("zhangpu"), "2026-12-31"),
            Some(3.0),
            "{file}"
        );
        assert_eq!(
            value_of(&p, "ai-enterprises", Some("zhangpu"), "2026-12-31"),
            Some(15.0),
            "{file}"
        );
        assert_eq!(value_of(&p, "rd-intensity", None, "2026-12-31"), Some(3.92), "{file}");
        assert_eq!(
            value_of(&p, "ai-server-scale", None, "2026-12-31"),
            None,
            "unfilled row skipped"
        );
        let note = p.observations.iter().find(|o| {
            o.as_of == "2026-12-31" && o.indicator == "ai-enterprises" && o.district.is_none()
        });
        assert_eq!(note.and_then(|o| o.note.as_ref()).map(|n| n.zh.as_str()), Some("年底预计"));
        insta::assert_snapshot!(format!("import-{file}"), data.transcript(&out));
    }
}

#[test]
fn import_with_typos_names_row_and_column_and_changes_nothing() {
    let data = Data::new("typos");
    let before = data.progress_bytes();
    let csv = fixture("typos.csv");
    let out = data.run(&["import", csv.to_str().expect("path"), "--dir", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(data.progress_bytes(), before, "progress.json is untouched");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("第 2 行，“区镇编号”列：未知的区镇“zhangpuu”"), "{stderr}");
    assert!(stderr.contains("第 3 行，“数值”列：“1O”不是数字"), "{stderr}");
    insta::assert_snapshot!("import-typos-zh", data.transcript(&out));
    let out = data.run(&["--lang", "en", "import", csv.to_str().expect("path"), "--dir", "."]);
    insta::assert_snapshot!("import-typos-en", data.transcript(&out));
}

#[test]
fn import_refuses_unreadable_files_with_advice() {
    let data = Data::new("unreadable");
    for file in ["missing-column.csv", "not-text.csv"] {
        let csv = fixture(file);
        let out = data.run(&["import", csv.to_str().expect("path"), "--dir", "."]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        insta::assert_snapshot!(format!("import-{file}"), data.transcript(&out));
    }
    let gb = fixture("gb18030-excel.csv");
    let forced =
        data.run(&["import", gb.to_str().expect("path"), "--dir", ".", "--encoding", "utf8"]);
    assert_eq!(forced.status.code(), Some(1), "GB18030 read as UTF-8 is refused, not garbled");
}

#[test]
fn a_crash_before_the_rename_leaves_the_old_file_whole() {
    let data = Data::new("crash");
    let before = data.progress_bytes();
    let csv = fixture("utf8-bom-crlf.csv");
    let out =
        data.run_env(&["import", csv.to_str().expect("path"), "--dir", "."], Some((CRASH, "1")));
    assert_eq!(out.status.code(), Some(2), "{}", data.transcript(&out));
    assert_eq!(data.progress_bytes(), before, "the published file is never half-written");
    let _ = data.progress();
}

#[test]
fn export_then_import_round_trips_to_identical_data() {
    let data = Data::new("roundtrip");
    let original = data.progress();
    let out = data.run(&["export", "--dir", ".", "-o", "exported"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    assert!(data.dir.join("exported/targets.csv").is_file());
    // Empty the observations, then import the export.
    let mut emptied = original.clone();
    emptied.observations.clear();
    let text = serde_json::to_string_pretty(&emptied).expect("json");
    std::fs::write(data.dir.join("progress.json"), text).expect("write");
    let out = data.run(&["import", "exported/progress.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    assert_eq!(data.progress(), original, "export → import gives back the same data");
    // Importing the same export again changes nothing.
    let out = data.run(&["--lang", "en", "import", "exported/progress.csv", "--dir", "."]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("0 new, 0 updated, 517 unchanged"), "{text}");
}

#[test]
fn template_lists_every_indicator_and_place() {
    let data = Data::new("template");
    let out = data.run(&["template", "--dir", ".", "--date", "2026-12-31", "-o", "t.csv"]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(data.dir.join("t.csv")).expect("template");
    assert!(text.starts_with("\u{feff}指标编号,指标名称,区镇编号,区镇名称,日期,数值,单位"));
    // 31 quantified indicators × (citywide + 11 districts).
    assert_eq!(text.lines().count(), 1 + 31 * 12);
    assert!(text.contains("ai-invention-patents,人工智能发明专利,jinxi,锦溪镇,2026-12-31,,件"));
    // A blank template imports as nothing.
    let out = data.run(&["import", "t.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("导入 0 行"));
}

fn sha256sum_check(dir: &Path) -> Output {
    Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(dir)
        .output()
        .expect("sha256sum")
}

#[test]
fn release_writes_a_manifest_that_sha256sum_accepts_and_refuses_to_overwrite() {
    let data = Data::new("release");
    let csv = fixture("utf8-bom-crlf.csv");
    assert_eq!(
        data.run(&["import", csv.to_str().expect("path"), "--dir", "."]).status.code(),
        Some(0)
    );
    let args = [
        "release",
        "--dir",
        ".",
        "--version",
        "2026.12.0-test",
        "--date",
        "2027-01-15",
        "--notes",
        "第四季度",
        "--notes-en",
        "Q4",
    ];
    let out = data.run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let frozen = data.dir.join("releases/2026.12.0-test");
    let check = sha256sum_check(&frozen);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let manifest: plan_model::release::Manifest = serde_json::from_str(
        &std::fs::read_to_string(data.dir.join("manifest.json")).expect("manifest"),
    )
    .expect("parse");
    assert_eq!(manifest.version, "2026.12.0-test");
    assert_eq!(manifest.as_of, "2026-12-31", "the release refers to its latest figures");
    let progress = data.progress();
    assert_eq!(progress.release.version, "2026.12.0-test");
    assert_eq!(progress.release.changelog[0].notes.zh, "第四季度");
    let listed = manifest.files.iter().find(|f| f.path == "progress.json").expect("listed");
    assert_eq!(
        listed.bytes,
        data.progress_bytes().len() as u64,
        "the manifest describes the live file"
    );

    // The same version again is refused, and nothing changes.
    let before = data.progress_bytes();
    let again = data.run(&args);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(data.progress_bytes(), before);
    assert!(sha256sum_check(&frozen).status.success(), "the frozen release is untouched");
    insta::assert_snapshot!("release-refused", data.transcript(&again));
}

#[test]
fn release_refuses_invalid_data() {
    let data = Data::new("release-invalid");
    let text = std::fs::read_to_string(data.dir.join("progress.json")).expect("read");
    std::fs::write(data.dir.join("progress.json"), text.replacen("\"zhangpu\"", "\"zhangpoo\"", 1))
        .expect("write");
    let out = data.run(&["release", "--dir", ".", "--version", "9.9.9", "--notes", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!data.dir.join("releases/9.9.9").exists(), "no release folder for invalid data");
    assert!(String::from_utf8_lossy(&out.stderr).contains("未发布"));
}

#[test]
fn diff_lists_new_and_revised_values() {
    let data = Data::new("diff");
    let r = |v: &str| {
        data.run(&["release", "--dir", ".", "--version", v, "--date", "2026-11-01", "--notes", "x"])
    };
    assert_eq!(r("1a").status.code(), Some(0));
    let csv = fixture("utf8-bom-crlf.csv");
    assert_eq!(
        data.run(&["import", csv.to_str().expect("path"), "--dir", "."]).status.code(),
        Some(0)
    );
    // Revise one September figure too.
    let text = std::fs::read_to_string(data.dir.join("progress.json")).expect("read");
    let mut p: serde_json::Value = serde_json::from_str(&text).expect("json");
    let obs = p["observations"].as_array_mut().expect("array");
    let first = obs
        .iter_mut()
        .find(|o| {
            o["indicator"] == "ai-enterprises"
                && o["as_of"] == "2026-09-30"
                && o.get("district").is_none()
        })
        .expect("obs");
    first["value"] = serde_json::json!(161.0);
    std::fs::write(data.dir.join("progress.json"), serde_json::to_string_pretty(&p).expect("json"))
        .expect("write");
    assert_eq!(r("1b").status.code(), Some(0));
    let out = data.run(&["diff", "releases/1a", "releases/1b"]);
    insta::assert_snapshot!("diff-text", data.transcript(&out));
    let json = data.run(&["diff", "releases/1a", "releases/1b", "--json"]);
    let d: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let changes = d["changes"].as_array().expect("changes");
    assert!(changes.iter().any(|c| c["change"] == "value_changed"
        && c["indicator"] == "ai-enterprises"
        && c["new"] == 161.0));
    assert_eq!(changes.iter().filter(|c| c["change"] == "value_added").count(), 4);
}

/// `validate` on clean data and on each kind of finding (the model's invalid
/// progress fixtures): exit code and exactly what staff read.
#[test]
fn validate_transcripts_for_clean_data_and_every_kind_of_finding() {
    let data = Data::new("validate-kinds");
    let clean = data.run(&["validate", "."]);
    assert_eq!(clean.status.code(), Some(0));
    insta::assert_snapshot!("validate-clean", data.transcript(&clean));
    let fixtures = root().join("../plan-model/tests/fixtures/invalid/progress");
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(&fixtures).expect("fixtures").flatten().map(|e| e.path()).collect();
    names.sort();
    for path in names {
        std::fs::copy(&path, data.dir.join("progress.json")).expect("copy fixture");
        let out = data.run(&["validate", "."]);
        let name = path.file_stem().and_then(|s| s.to_str()).expect("name").to_owned();
        // Exit 1 exactly when the model finds an error (warnings alone pass).
        let text = std::fs::read_to_string(&path).expect("read");
        let plan_text = std::fs::read_to_string(data.dir.join("plan.json")).expect("plan");
        let plan = plan_model::parse_plan("plan.json", &plan_text).expect("plan");
        let has_error = parse_progress("p", &text).map_or(true, |p| {
            plan_model::validate_progress(&plan, &p)
                .iter()
                .any(|f| f.severity == plan_model::Severity::Error)
        });
        let expected = if has_error { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(expected), "{name}: {}", data.transcript(&out));
        insta::assert_snapshot!(format!("validate-{name}"), data.transcript(&out));
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A built site as `make dist` leaves it (Trunk's page kept as its template,
/// the public address kept), with the bundled data and its release history.
fn built_site(name: &str, keep_address: bool) -> PathBuf {
    let site = std::env::temp_dir().join(format!("plan-cli-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_tree(&root().join("../../public/data"), &site.join("data"));
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

/// Staff publish into the site's own data folder: the pages say the new
/// release at once, with no developer tools.
#[test]
fn a_release_into_a_built_sites_data_folder_renders_its_pages_again() {
    let site = built_site("pages", true);
    let out = release_into(&site);
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("rendered the site's pages again"), "{said}");
    let root_page = std::fs::read_to_string(site.join("index.html")).expect("index.html");
    assert!(root_page.contains(r#"<meta name="portal-release" content="2026.12.0-test">"#));
    assert!(root_page.contains(r#"<link rel="canonical" href="https://example.org/plan/zh/">"#));
    let indicator =
        std::fs::read_to_string(site.join("en/indicator/ai-invention-patents/index.html"))
            .expect("an indicator's page");
    assert!(indicator.contains("2026.12.0-test"), "the release bar names the new release");
    assert!(site.join("sitemap.xml").is_file() && site.join("404.html").is_file());
    let _ = std::fs::remove_dir_all(site);
}

/// Without the site's address the pages cannot be rendered: a release is all
/// or nothing, so nothing is published, and the staff member is told plainly
/// why, with the file named where it is.
#[test]
fn a_release_whose_pages_cannot_be_rendered_publishes_nothing_and_says_so() {
    let site = built_site("no-address", false);
    let before = std::fs::read(site.join("data/progress.json")).expect("progress.json");
    let out = release_into(&site);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("nothing was published"), "{said}");
    assert!(said.contains("still serves the previous release"), "{said}");
    let named = site.join("site.json").display().to_string();
    assert!(said.contains(&named), "names the file where it is: {said}");
    assert!(!site.join("zh").exists(), "no page was written");
    assert!(!site.join("data/releases/2026.12.0-test").exists(), "no release was written");
    assert_eq!(std::fs::read(site.join("data/progress.json")).expect("read"), before);
    let name = site.file_name().expect("name").to_string_lossy().into_owned();
    let leftovers: Vec<_> = std::fs::read_dir(site.parent().expect("parent"))
        .expect("read")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&format!(".{name}.")))
        .collect();
    assert!(leftovers.is_empty(), "no staged copy left");
    let _ = std::fs::remove_dir_all(site);
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

/// The updates sheet as a responsible unit fills it: the template has a row
/// per key task and commitment with stage and due date as they stand; a
/// filled copy with two typos is refused, naming row and column, and
/// changes nothing; fixed, it lands in progress.json and validates.
#[test]
fn updates_sheet_template_fill_typos_and_import() {
    let data = Data::new("updates-sheet");
    let out = data.run(&["template", "--updates", "--dir", ".", "-o", "u.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("报告日期 2026-12-31"),
        "the next quarter end after 30 September: {said}"
    );
    let text = std::fs::read_to_string(data.dir.join("u.csv")).expect("template");
    assert!(text.starts_with('\u{feff}'), "a BOM, for Excel");
    let mut sheet = Sheet::read(&text);
    assert_eq!(&sheet.header[..3], ["对象编号", "类型", "名称"]);
    let plan = plan_model::parse_plan(
        "plan.json",
        &std::fs::read_to_string(data.dir.join("plan.json")).expect("plan"),
    )
    .expect("plan");
    assert_eq!(sheet.rows.len(), plan.tasks.len() + plan.commitments.len(), "a row each");
    let stalled = sheet.row_of("national-cosoftware-centre");
    assert_eq!(sheet.rows[stalled][sheet.col("阶段")], "停滞", "the stage as it stands");
    assert_eq!(sheet.rows[stalled][sheet.col("期限")], "2026-Q3", "the due date as it stands");

    // Filled in, with two typos: an unknown stage and a script address.
    let task = sheet.row_of("ai-core-technology");
    sheet.set(task, "进展", "四季度攻关项目全部立项。");
    sheet.set(stalled, "阶段", "已完成");
    sheet.set(stalled, "进展", "创新中心获批筹建。");
    sheet.set(stalled, "进展（英文）", "The centre was approved.");
    sheet.set(stalled, "佐证标题", "批复文件\n新闻发布");
    sheet.set(stalled, "佐证链接", "https://example.org/a\njavascript:alert(1)");
    let platform = sheet.row_of("digital-transformation-platform");
    sheet.set(platform, "阶段", "进行中");
    sheet.set(platform, "进展", "平台上线试运行。");
    sheet.set(platform, "期限", "2026-11-30");
    sheet.write(&data.dir.join("filled.csv"));
    let before = data.progress_bytes();
    let out = data.run(&["import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", data.transcript(&out));
    assert_eq!(data.progress_bytes(), before, "nothing changed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (r1, r2) = (stalled + 2, platform + 2);
    assert!(
        stderr.contains(&format!("第 {r1} 行，“佐证链接”列：佐证材料链接“javascript:alert(1)”")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("第 {r2} 行，“阶段”列：阶段“进行中”无法识别")), "{stderr}");
    insta::assert_snapshot!("import-updates-typos-zh", data.transcript(&out));

    // Fixed: it is imported.
    sheet.set(stalled, "佐证链接", "https://example.org/a\nhttps://example.org/b");
    sheet.set(platform, "阶段", "推进中");
    sheet.write(&data.dir.join("filled.csv"));
    let out = data.run(&["--lang", "en", "import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("3 new updates, 0 updated, 1 due dates set or changed"), "{said}");
    let p = data.progress();
    let done = p
        .updates
        .iter()
        .find(|u| u.of == "national-cosoftware-centre" && u.as_of == "2026-12-31")
        .expect("the new update");
    assert_eq!(done.stage, Some(plan_model::progress::Stage::Done));
    assert_eq!(done.progress.en, "The centre was approved.");
    assert_eq!(done.evidence.len(), 2);
    let due = p.deadlines.iter().find(|d| d.of == "digital-transformation-platform").expect("due");
    assert_eq!(due.due, "2026-11-30");
    // A key task's update has no stage. Dated after the figures' date, the
    // updates are a warning now; a release dates itself to the latest.
    assert!(said.contains("[update-after-release]"), "the warnings are shown: {said}");
    assert!(said.contains("imported 3 rows"), "three updates, one with a new due date: {said}");
    let task_update =
        p.updates.iter().find(|u| u.of == "ai-core-technology" && u.as_of == "2026-12-31");
    assert_eq!(task_update.and_then(|u| u.stage), None);
}

/// Export writes the updates as the sheet, and the sheet reads back into the
/// same updates and due dates.
#[test]
fn updates_export_then_import_round_trips() {
    let data = Data::new("updates-roundtrip");
    // Texts that look like formulas, or really begin with the apostrophe an
    // export puts before one, come back exactly.
    let mut original = data.progress();
    let texts = ["'=SUM(A1) 撇号是原文", "=HYPERLINK(\"x\")", "''+86 512", "-x", "'plain"];
    for (update, text) in original.updates.iter_mut().zip(texts) {
        update.progress.zh = text.to_owned();
    }
    let text = serde_json::to_string_pretty(&original).expect("json");
    std::fs::write(data.dir.join("progress.json"), text).expect("write");
    let out = data.run(&["export", "--dir", ".", "-o", "exported"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let mut emptied = original.clone();
    emptied.updates.clear();
    // The sheet carries the commitments' due dates (a milestone's is not in it).
    emptied.deadlines.retain(|d| d.of == "supercomputer-10e");
    let text = serde_json::to_string_pretty(&emptied).expect("json");
    std::fs::write(data.dir.join("progress.json"), text).expect("write");
    let out = data.run(&["import", "exported/updates.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let back = data.progress();
    assert_eq!(back.updates, original.updates, "the same updates, in the same order");
    let dues = |p: &ProgressDocument| {
        let mut all: Vec<_> = p.deadlines.iter().map(|d| (d.of.clone(), d.due.clone())).collect();
        all.sort();
        all
    };
    assert_eq!(dues(&back), dues(&original), "the same due dates");
}

/// A workbook as Excel saves it (written here by a third party, openpyxl:
/// scripts/make-xlsx-fixtures.py) imports the same numbers as the CSV of
/// the same rows: numbers as numbers, dates as date cells.
#[test]
fn import_reads_an_xlsx_workbook_like_its_csv() {
    let data = Data::new("import-xlsx");
    let book = fixture("filled.xlsx");
    let out = data.run(&["import", book.to_str().expect("path"), "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let p = data.progress();
    assert_eq!(value_of(&p, "ai-enterprises", None, "2026-12-31"), Some(1234.0));
    assert_eq!(value_of(&p, "green-factories", Some("zhangpu"), "2026-12-31"), Some(3.0));
    assert_eq!(value_of(&p, "ai-enterprises", Some("zhangpu"), "2026-12-31"), Some(15.0));
    assert_eq!(value_of(&p, "rd-intensity", None, "2026-12-31"), Some(3.92));
    assert_eq!(value_of(&p, "ai-server-scale", None, "2026-12-31"), None, "unfilled row skipped");
    insta::assert_snapshot!("import-filled.xlsx", data.transcript(&out));
}

/// The workbook's typos are named by the sheet's own row and column, as the
/// CSV's are; broken and hostile workbooks get a message each and change
/// nothing.
#[test]
fn import_refuses_bad_workbooks_naming_the_cell_and_changes_nothing() {
    let data = Data::new("import-bad-xlsx");
    let before = data.progress_bytes();
    let book = fixture("typos.xlsx");
    let out = data.run(&["import", book.to_str().expect("path"), "--dir", "."]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("第 2 行，“区镇编号”列：未知的区镇“zhangpuu”"), "{stderr}");
    assert!(stderr.contains("第 3 行，“数值”列：“1O”不是数字"), "{stderr}");
    for (file, says) in [
        ("formula.xlsx", "单元格 F4 是公式“=F3*5”"),
        ("cell-error.xlsx", "单元格 F4 是错误值 #DIV/0!"),
        ("not-a-workbook.xlsx", "不是有效的 Excel 工作簿"),
        ("zip-bomb.xlsx", "解压后有 300 MB，超过上限 256 MB"),
        ("far-cell.xlsx", "单元格 XFD1048576 超出范围"),
        ("many-strings.xlsx", "单元格超过 5000000 个"),
    ] {
        let book = fixture(file);
        let out = data.run(&["import", book.to_str().expect("path"), "--dir", "."]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(says) && stderr.contains("progress.json 未改动"),
            "{file}: {stderr}"
        );
        insta::assert_snapshot!(format!("import-{file}"), data.transcript(&out));
    }
    assert_eq!(data.progress_bytes(), before, "progress.json is untouched");
}

/// The updates sheet as a workbook: the same import, told apart by its
/// header; two evidence links in one cell, a date as a date cell.
#[test]
fn import_reads_the_updates_sheet_as_a_workbook() {
    let data = Data::new("import-updates-xlsx");
    let book = fixture("updates.xlsx");
    let out = data.run(&["--lang", "en", "import", book.to_str().expect("path"), "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("imported 2 rows") && said.contains("2 new updates"), "{said}");
    let p = data.progress();
    let done = p
        .updates
        .iter()
        .find(|u| u.of == "national-cosoftware-centre" && u.as_of == "2026-12-31")
        .expect("the commitment's update");
    assert_eq!(done.stage, Some(plan_model::progress::Stage::Done));
    let urls: Vec<&str> = done.evidence.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(urls, ["https://example.org/a", "https://example.org/b"]);
}

/// `template -o *.xlsx` writes a workbook: Chinese headers, the ids and names
/// filled in, the indicator, district and flag columns as drop-down lists
/// (from a hidden sheet); it reads back through the same import. The same
/// for the updates sheet (subject and stage lists).
#[test]
fn templates_as_workbooks_have_drop_downs_and_read_back() {
    use std::io::Read;
    let data = Data::new("template-xlsx");
    let sheet_xml = |file: &str, part: &str| {
        let bytes = std::fs::read(data.dir.join(file)).expect("workbook");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
        let mut text = String::new();
        zip.by_name(part).expect(part).read_to_string(&mut text).expect("xml");
        text
    };
    let out = data.run(&["template", "--dir", ".", "--date", "2026-12-31", "-o", "t.xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let sheet = sheet_xml("t.xlsx", "xl/worksheets/sheet1.xml");
    for (column, list) in [("A", "$A$2:$A$32"), ("C", "$B$2:$B$12"), ("K", "$C$2:$C$4")] {
        let rule = format!("<formula1>编号!{list}</formula1>");
        assert!(sheet.contains(&rule), "column {column}'s drop-down: {rule}");
    }
    let book = sheet_xml("t.xlsx", "xl/workbook.xml");
    assert!(book.contains(r#"name="进展数据""#) && book.contains(r#"state="hidden""#), "{book}");
    let strings = sheet_xml("t.xlsx", "xl/sharedStrings.xml");
    assert!(
        strings.contains("指标编号") && strings.contains("引育人工智能相关企业"),
        "headers and names"
    );
    // Nothing filled in: it reads back and imports nothing.
    let before = data.progress();
    let out = data.run(&["--lang", "en", "import", "t.xlsx", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 0 rows"));
    assert_eq!(data.progress(), before);

    let out = data.run(&["template", "--updates", "--dir", ".", "-o", "u.xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let sheet = sheet_xml("u.xlsx", "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<formula1>编号!$A$2:$A$58</formula1>"),
        "subjects: 8 tasks and 49 commitments"
    );
    assert!(sheet.contains("<formula1>编号!$B$2:$B$6</formula1>"), "the five stages");
    let out = data.run(&["--lang", "en", "import", "u.xlsx", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("imported 0 rows"),
        "prefilled stage and due change nothing"
    );
}

/// What a unit may write without 进展 is refused, not dropped: a new stage,
/// problems alone; two rows may not give one commitment two due dates; an
/// English evidence title stays with its link.
#[test]
fn updates_sheet_refuses_what_it_would_otherwise_drop() {
    let data = Data::new("updates-sheet-drops");
    let out = data.run(&["template", "--updates", "--dir", ".", "-o", "u.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let text = std::fs::read_to_string(data.dir.join("u.csv")).expect("template");
    let mut sheet = Sheet::read(&text);
    // A commitment with no due date of its own: its stage changed, nothing said.
    let labs = sheet.row_of("future-labs");
    assert_eq!(sheet.rows[labs][sheet.col("期限")], "", "no due date set");
    sheet.set(labs, "阶段", "已完成");
    let lab = sheet.row_of("key-technology-research");
    sheet.set(lab, "问题", "经费不足。");
    let platform = sheet.row_of("digital-transformation-platform");
    let other = sheet.row_of("multimodal-corpus-platform");
    sheet.set(other, "进展", "平台上线。");
    sheet.rows.push(sheet.rows[platform].clone());
    let copy = sheet.rows.len() - 1;
    sheet.set(copy, "期限", "2026-11-30");
    sheet.set(copy, "进展", "试运行。");
    sheet.set(copy, "日期", "2026-11-30");
    sheet.write(&data.dir.join("filled.csv"));
    let before = data.progress_bytes();
    let out = data.run(&["import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", data.transcript(&out));
    assert_eq!(data.progress_bytes(), before, "nothing changed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let row = |i: usize| i + 2;
    assert!(
        stderr.contains(&format!("第 {} 行，“进展”列：阶段改为“已完成”，但“进展”为空", row(labs))),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("第 {} 行，“进展”列：填写了问题、下一步或佐证", row(lab))),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "第 {} 行，“期限”列：与第 {} 行的期限“2026-10-31”不一致",
            row(copy),
            row(platform)
        )),
        "{stderr}"
    );

    // English titles keep their places: the second link's title is the second.
    sheet.rows.truncate(copy);
    sheet.set(labs, "进展", "建成。");
    sheet.set(lab, "进展", "立项。");
    sheet.set(lab, "佐证标题", "通知\n报道");
    sheet.set(lab, "佐证标题（英文）", "\nReport");
    sheet.set(lab, "佐证链接", "https://example.org/n\nhttps://example.org/r");
    sheet.write(&data.dir.join("filled.csv"));
    let out = data.run(&["import", "filled.csv", "--dir", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", data.transcript(&out));
    let p = data.progress();
    let u = p
        .updates
        .iter()
        .find(|u| u.of == "key-technology-research" && u.as_of == "2026-12-31")
        .expect("update");
    let titles: Vec<(&str, &str)> =
        u.evidence.iter().map(|e| (e.title.zh.as_str(), e.title.en.as_str())).collect();
    assert_eq!(titles, [("通知", ""), ("报道", "Report")]);
}
