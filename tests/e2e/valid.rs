//! Every page is valid HTML and passes a second accessibility checker: the
//! W3C Nu Html Checker (npm `vnu-jar`, on Java) over every page `dist/`
//! holds, in both languages, with 0 errors; pa11y (HTML_CodeSniffer,
//! WCAG 2 AA, in Debian's Chromium) over each kind of page, with 0 errors.

use std::path::{Path, PathBuf};
use std::process::Command;

use portal_harness::{StaticServer, dist_dir, tempdir};
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.html` file under `dir` (the pages, `404.html`; not Trunk's
/// template, which is never served as a page).
fn pages(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            pages(&path, out);
        } else if path.extension().is_some_and(|e| e == "html")
            && path.file_name().is_some_and(|n| n != "template.html")
        {
            out.push(path);
        }
    }
}

#[test]
fn every_page_is_valid_html_to_the_nu_checker() {
    let jar = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(jar.is_file(), "{} is missing: run `make setup`", jar.display());
    let mut files = Vec::new();
    pages(&dist_dir(), &mut files);
    files.sort();
    assert!(files.len() > 250, "every page: {}", files.len());
    for kind in ["/zh/indicator/", "/en/task/", "/zh/district/", "/en/department/", "/zh/embed/"] {
        assert!(files.iter().any(|f| f.display().to_string().contains(kind)), "{kind}");
    }
    let out = Command::new("java")
        .args(["-Xss4m", "-jar"])
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(&files)
        .output()
        .expect("java (openjdk-17-jre-headless; scripts/setup.sh installs it)");
    let report: Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!("the checker's report: {e}: {}", String::from_utf8_lossy(&out.stderr))
    });
    let errors: Vec<String> = report["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| {
            format!(
                "{}:{}: {}",
                m["url"].as_str().unwrap_or_default().trim_start_matches("file:"),
                m["lastLine"],
                m["message"].as_str().unwrap_or_default()
            )
        })
        .collect();
    assert!(
        errors.is_empty(),
        "{} errors in {} pages:\n{}",
        errors.len(),
        files.len(),
        errors.join("\n")
    );
}

#[test]
fn pa11y_finds_no_wcag2aa_error_on_any_kind_of_page() {
    let pa11y = repo().join("node_modules/.bin/pa11y");
    assert!(pa11y.is_file(), "{} is missing: run `make setup`", pa11y.display());
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let config = tempdir("pa11y").join("pa11y.json");
    let settings = serde_json::json!({
        "chromeLaunchConfig": {
            "executablePath": chromium,
            "args": ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
        },
        "standard": "WCAG2AA",
        "runners": ["htmlcs"],
        "timeout": 60000
    });
    std::fs::write(&config, settings.to_string()).expect("config");
    let server = StaticServer::start(&dist_dir());
    let mut failures = Vec::new();
    for page in [
        "zh/",
        "en/",
        "en/indicator/ai-invention-patents/",
        "zh/task/ai-core-industry/",
        "zh/district/zhoushi/",
        "en/department/industry-it/",
        "zh/commitments/",
        "en/compare/",
        "en/data/",
        "zh/embed/district-heatmap/",
        "en/publish/",
    ] {
        let out = Command::new(&pa11y)
            .arg("--config")
            .arg(&config)
            .args(["--reporter", "json"])
            .arg(format!("{}{page}", server.url))
            .output()
            .expect("run pa11y");
        let issues: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!("{page}: pa11y's report: {e}: {}", String::from_utf8_lossy(&out.stderr))
        });
        for issue in issues.as_array().into_iter().flatten() {
            if issue["type"] == "error" {
                failures.push(format!(
                    "{page}: {} {} ({})",
                    issue["code"].as_str().unwrap_or_default(),
                    issue["message"].as_str().unwrap_or_default(),
                    issue["selector"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
