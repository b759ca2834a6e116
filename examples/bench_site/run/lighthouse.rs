//! Section 4: Lighthouse performance, median of runs, served as a host would.

use super::*;

/// The run with the median score, with `scores` (all runs, in run order).
pub(super) fn median_lighthouse(runs: Vec<Value>) -> Value {
    let scores: Vec<Value> = runs.iter().map(|r| r["score"].clone()).collect();
    let mut ranked: Vec<&Value> = runs.iter().collect();
    ranked.sort_by(|a, b| {
        let score = |v: &Value| v["score"].as_f64().unwrap_or(f64::NAN);
        score(a).total_cmp(&score(b))
    });
    let mut median = ranked.get(ranked.len() / 2).map(|v| (*v).clone()).unwrap_or_default();
    median["scores"] = Value::from(scores);
    median
}

/// Lighthouse's performance category for one page: score and the timings.
pub(super) fn lighthouse_performance(name: &str, url: &str) -> Value {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let report =
        std::env::temp_dir().join(format!("kunshan-lh-{name}-{}.json", std::process::id()));
    let status = Command::new(root.join("node_modules/.bin/lighthouse"))
        .arg(url)
        .args([
            "--only-categories=performance",
            "--form-factor=mobile",
            "--throttling-method=simulate",
            "--output=json",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ])
        .arg(format!("--output-path={}", report.display()))
        .env(
            "CHROME_PATH",
            std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
        )
        .status();
    let Ok(text) = std::fs::read_to_string(&report) else {
        return json!({ "page": name, "error": format!("lighthouse did not run: {status:?}") });
    };
    let _ = std::fs::remove_file(&report);
    let r: Value = serde_json::from_str(&text).unwrap_or_default();
    let audit = |id: &str| r["audits"][id]["numericValue"].clone();
    json!({
        "page": name,
        "score": r["categories"]["performance"]["score"],
        "fcp_ms": audit("first-contentful-paint"),
        "lcp_ms": audit("largest-contentful-paint"),
        "tbt_ms": audit("total-blocking-time"),
        "cls": audit("cumulative-layout-shift"),
        "bytes": audit("total-byte-weight"),
    })
}
