//! Lighthouse 12.2.3 (npm) accessibility audits of the overview, an indicator
//! page, a district page and an embed, mobile form factor: score 100 each.
//! (Its performance figures are a benchmark, printed by `make bench`, not a test.)
use std::path::PathBuf;
use std::process::Command;

use portal_harness::{StaticServer, dist_dir, tempdir};
use serde_json::Value;

#[test]
fn lighthouse_accessibility_is_100_on_overview_indicator_district_and_embed() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lighthouse = root.join("node_modules/.bin/lighthouse");
    assert!(lighthouse.is_file(), "{} is missing: run `make setup`", lighthouse.display());
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let server = StaticServer::start(&dist_dir());
    let out = tempdir("lighthouse");
    let mut failures = Vec::new();
    for (name, hash) in [
        ("overview", "zh/"),
        ("indicator", "en/indicator/ai-invention-patents/"),
        ("district", "zh/district/zhoushi/"),
        ("embed", "en/embed/district-heatmap/"),
    ] {
        let report = out.join(format!("{name}.json"));
        let status = Command::new(&lighthouse)
            .arg(format!("{}{hash}", server.url))
            .args([
                "--only-categories=accessibility",
                "--form-factor=mobile",
                "--output=json",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ])
            .arg(format!("--output-path={}", report.display()))
            .env("CHROME_PATH", &chromium)
            .status()
            .expect("run lighthouse");
        assert!(status.success(), "lighthouse failed on {name}");
        let result: Value =
            serde_json::from_str(&std::fs::read_to_string(&report).expect("report")).expect("json");
        let score = result["categories"]["accessibility"]["score"].as_f64().unwrap_or(0.0);
        println!("lighthouse accessibility {name}: {}", score * 100.0);
        if score < 1.0 {
            let failed: Vec<String> = result["audits"]
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(_, a)| a["score"].as_f64().is_some_and(|s| s < 1.0))
                .map(|(id, a)| format!("{id}: {}", a["title"]))
                .collect();
            failures.push(format!("{name}: {} — {}", score * 100.0, failed.join("; ")));
        }
    }
    assert!(failures.is_empty(), "accessibility below 100:\n{}", failures.join("\n"));
}
