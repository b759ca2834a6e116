//! The staff tool as staff run it: exit codes and what it prints.

use std::path::PathBuf;
use std::process::{Command, Output};

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan-data")).args(args).output().expect("run plan-data")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn validate_bundled_data_is_clean() {
    let dir = data_dir();
    let out = run(&["validate", dir.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).ends_with("0 个错误，0 个警告\n"), "{}", stdout(&out));
}

#[test]
fn validate_reports_findings_with_file_and_path_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("plan-cli-invalid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::copy(data_dir().join("plan.json"), dir.join("plan.json")).expect("copy plan");
    let progress = std::fs::read_to_string(data_dir().join("progress.json")).expect("read");
    let broken = progress.replacen(
        "\"indicator\": \"ai-enterprises\"",
        "\"indicator\": \"ai-enterprise\"",
        1,
    );
    std::fs::write(dir.join("progress.json"), broken).expect("write");
    let out = run(&["--lang", "en", "validate", dir.to_str().expect("utf-8 path")]);
    let text = stdout(&out);
    let written = std::fs::read_to_string(dir.join("progress.json")).expect("still there");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let line = text.lines().find(|l| l.contains("error [unknown-indicator]")).expect("a finding");
    // file:line:column, like a compiler, then the JSON path.
    let place = line.split(": error").next().expect("place");
    let mut parts = place.rsplitn(3, ':');
    let (column, row, file) = (parts.next(), parts.next(), parts.next());
    assert!(file.is_some_and(|f| f.ends_with("progress.json")), "{line}");
    let row: usize = row.and_then(|r| r.parse().ok()).expect("a line number");
    let column: usize = column.and_then(|c| c.parse().ok()).expect("a column number");
    let pointed: String =
        written.lines().nth(row - 1).expect("line").chars().skip(column - 1).collect();
    assert!(pointed.starts_with("\"ai-enterprise\""), "points at the bad value: {pointed}");
    assert!(line.contains("].indicator: unknown indicator id"), "names the JSON path: {line}");
    assert!(text.contains("unknown indicator id 'ai-enterprise'"), "{text}");
}

#[test]
fn validate_of_a_missing_folder_exits_2() {
    let out = run(&["validate", "/nonexistent/data"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法读取"));
}

#[test]
fn status_preview_flags_sample_data() {
    let dir = data_dir();
    let out = run(&["status", dir.to_str().expect("utf-8 path")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0));
    assert!(text.starts_with("【示例数据】"), "{text}");
    assert!(text.contains("\n产业质效彰显新优势 — "), "goal areas are headings: {text}");
    // The sample publishes nothing for key laboratories: shown as such, in words.
    assert!(text.contains("– 暂无数据     重点实验室: 暂无数据。"), "{text}");
}
