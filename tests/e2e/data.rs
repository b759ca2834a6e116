//! Browser test of the data and methods page: the downloads it lists are the
//! files served, with their true SHA-256, and every release is listed.
use fantoccini::Locator;
use portal_harness::{Driver, StaticServer, console_errors, dist_dir, wait_for_js};

fn sha256(path: &std::path::Path) -> String {
    let out = std::process::Command::new("sha256sum").arg(path).output().expect("sha256sum");
    String::from_utf8_lossy(&out.stdout).split_whitespace().next().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn data_page_lists_downloads_with_true_hashes_and_every_release() {
    let dist = dist_dir();
    let manifest: plan_model::release::Manifest = serde_json::from_str(
        &std::fs::read_to_string(dist.join("data/manifest.json")).expect("manifest"),
    )
    .expect("parse manifest");
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::open(&client, &format!("{}zh/data/", server.url)).await;
    wait_for_js(
        &client,
        "return document.querySelectorAll('.downloads tbody tr').length > 0",
        "the downloads",
    )
    .await;
    let mut listed = Vec::new();
    for row in client.find_all(Locator::Css(".downloads tbody tr")).await.expect("rows") {
        let file = row.find(Locator::Css("th")).await.expect("file").text().await.expect("text");
        let hash = row.find(Locator::Css(".hash")).await.expect("hash").text().await.expect("text");
        listed.push((file, hash));
    }
    assert_eq!(listed.len(), manifest.files.len());
    for (file, hash) in &listed {
        // The hash shown is the hash of the file the site serves.
        assert_eq!(hash, &sha256(&dist.join("data").join(file)), "{file}");
    }
    let releases =
        client.find(Locator::Css(".releases")).await.expect("releases").text().await.expect("text");
    assert!(releases.contains(&manifest.version), "{releases}");
    let progress: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dist.join("data/progress.json")).expect("progress"),
    )
    .expect("json");
    let mut bands = Vec::new();
    for e in client.find_all(Locator::Css(".methods .threshold")).await.expect("bands") {
        bands.push(e.text().await.expect("text"));
    }
    let thresholds = &progress["thresholds"];
    for (band, key) in bands.iter().zip(["behind_points", "seriously_behind_points"]) {
        let points = thresholds[key].as_f64().expect("threshold");
        assert!(band.contains(&format!("不超过 {points} 个百分点")), "{key} from the data: {band}");
    }
    assert_eq!(bands.len(), 2);
    let mut entries = Vec::new();
    for e in client.find_all(Locator::Css(".changelog-section li")).await.expect("changelog") {
        entries.push(e.text().await.expect("text"));
    }
    let changelog = progress["release"]["changelog"].as_array().expect("changelog");
    assert_eq!(entries.len(), changelog.len(), "every release's notes: {entries:?}");
    for (entry, e) in entries.iter().zip(changelog) {
        assert!(entry.contains(e["version"].as_str().expect("version")), "{entry}");
        assert!(entry.contains(e["notes"]["zh"].as_str().expect("notes")), "{entry}");
    }
    assert!(client.find(Locator::Css(".sample-notice")).await.is_ok());
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    portal_harness::save_screenshot(&client, "data-1280.png").await;
    client.close().await.expect("close");
}
