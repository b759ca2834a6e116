//! Releases: manifests sha256sum accepts, invalid data refused, diff and validate transcripts.

use super::*;

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
