//! Browser test of the data and methods page: the downloads it lists are the
//! files served, with their true SHA-256, and every release is listed.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Locator;
use support::{Driver, StaticServer, console_errors, dist_dir, wait_for_js};

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
    client.goto(&format!("{}#/data", server.url)).await.expect("open");
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
    let methods =
        client.find(Locator::Css(".methods")).await.expect("methods").text().await.expect("text");
    assert!(methods.contains("不超过 10 个百分点"), "thresholds come from the data: {methods}");
    assert!(client.find(Locator::Css(".sample-notice")).await.is_ok());
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    support::save_screenshot(&client, "data-1280.png").await;
    client.close().await.expect("close");
}
