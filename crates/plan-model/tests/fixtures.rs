//! Fixture files under `tests/fixtures/{valid,invalid}/{plan,progress}/`: each
//! valid one passes clean; each invalid one fails, and what the publisher is told
//! (load error or findings, in Chinese and English) is kept as a snapshot.
//! Progress fixtures are checked against the bundled plan.

use std::path::{Path, PathBuf};

use plan_model::{Lang, parse_plan, parse_progress, validate_plan, validate_progress};
use serde_json::{Value, json};

fn fixtures(kind: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
        .iter()
        .map(|p| {
            let name = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
            (name, std::fs::read_to_string(p).expect("read fixture"))
        })
        .collect()
}

fn bundled_plan() -> plan_model::PlanDocument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/plan.json");
    parse_plan("plan.json", &std::fs::read_to_string(path).expect("read")).expect("bundled plan")
}

fn load_error(e: &plan_model::LoadError) -> Value {
    json!({ "load_error": { "zh": e.message(Lang::Zh), "en": e.message(Lang::En) } })
}

fn plan_outcome(text: &str) -> Value {
    match parse_plan("plan.json", text) {
        Err(e) => load_error(&e),
        Ok(doc) => json!({ "findings": validate_plan(&doc) }),
    }
}

fn progress_outcome(text: &str) -> Value {
    match parse_progress("progress.json", text) {
        Err(e) => load_error(&e),
        Ok(doc) => json!({ "findings": validate_progress(&bundled_plan(), &doc) }),
    }
}

fn is_clean(outcome: &Value) -> bool {
    outcome["findings"].as_array().is_some_and(Vec::is_empty)
}

#[test]
fn valid_progress_fixtures_pass_clean() {
    for (name, text) in fixtures("valid/progress") {
        let outcome = progress_outcome(&text);
        assert!(is_clean(&outcome), "{name}: {outcome:#}");
    }
}

#[test]
fn invalid_progress_fixtures_fail_with_their_findings() {
    for (name, text) in fixtures("invalid/progress") {
        let outcome = progress_outcome(&text);
        assert!(!is_clean(&outcome), "{name} should not pass");
        insta::assert_json_snapshot!(format!("progress-{name}"), outcome);
    }
}

#[test]
fn invalid_plan_fixtures_fail_with_their_findings() {
    for (name, text) in fixtures("invalid/plan") {
        let outcome = plan_outcome(&text);
        assert!(!is_clean(&outcome), "{name} should not pass");
        insta::assert_json_snapshot!(format!("plan-{name}"), outcome);
    }
}
