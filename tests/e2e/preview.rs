//! A shared link, as a link preview reads it: the npm scraper
//! `open-graph-scraper` (as chat apps and social sites read Open Graph) on
//! the served pages, in both languages. The description is the page's
//! answer, as the view model says it (`portal_view::summary`), never typed
//! in here; sample figures say so first.

use std::sync::Arc;

use plan_model::Lang;
use portal_harness::{StaticServer, dist_dir};
use portal_view::url::Route;
use serde_json::Value;

use crate::model::model;

/// What open-graph-scraper reads from each address.
fn scraped(urls: &[String]) -> Vec<Value> {
    let script = r#"
        const ogs = require('open-graph-scraper');
        (async () => {
            const out = [];
            for (const url of process.argv.slice(1)) {
                const { error, result } = await ogs({ url });
                out.push(error ? { error: String(result?.error ?? 'failed') } : result);
            }
            console.log(JSON.stringify(out));
        })();
    "#;
    let out = std::process::Command::new("node")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("-e")
        .arg(script)
        .args(urls)
        .output()
        .expect("node (scripts/setup.sh installs open-graph-scraper with npm ci)");
    assert!(out.status.success(), "the scraper: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("its JSON")
}

#[test]
fn a_shared_link_previews_with_the_pages_answer_in_its_language() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let assessed =
        portal_view::assessed::Assessed::new(Arc::new(plan.clone()), Arc::new(progress), None);
    let server = StaticServer::start(&dist);
    let indicator = Route::Indicator(plan.indicators[1].id.clone());
    let district = Route::District(plan.districts[4].id.clone());
    let pages: Vec<(Lang, Route)> = [Lang::Zh, Lang::En]
        .into_iter()
        .flat_map(|l| [(l, Route::Overview), (l, indicator.clone()), (l, district.clone())])
        .collect();
    let urls: Vec<String> =
        pages.iter().map(|(l, r)| format!("{}{}", server.url, r.href(*l))).collect();
    let read = scraped(&urls);
    for ((lang, route), (url, preview)) in pages.iter().zip(urls.iter().zip(&read)) {
        let answer = portal_view::summary::describe(&assessed, route, *lang).expect("an answer");
        assert_eq!(preview["ogDescription"], answer.as_str(), "{url}: {preview}");
        let sample = if *lang == Lang::Zh { "示例数据" } else { "Sample data" };
        assert!(answer.starts_with(sample), "{url}: sample data first: {answer}");
        let title = preview["ogTitle"].as_str().unwrap_or_default();
        assert!(!title.is_empty(), "{url}: a title: {preview}");
        assert_eq!(preview["ogLocale"], if *lang == Lang::Zh { "zh_CN" } else { "en_US" });
        // Its picture: named with its size, and there, a 1200×630 PNG.
        let image = &preview["ogImage"][0];
        let folder = portal_view::url::Location::page_path(*lang, route);
        let address = image["url"].as_str().unwrap_or_default();
        assert!(address.ends_with(&format!("/{folder}preview.png")), "{url}: {image}");
        assert_eq!(
            (image["width"].as_str(), image["height"].as_str()),
            (Some("1200"), Some("630"))
        );
        let png = std::fs::read(dist.join(format!("{folder}preview.png"))).expect("the picture");
        assert_eq!(&png[1..4], b"PNG", "{folder}");
        let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes"));
        assert_eq!((size(16), size(20)), (1200, 630), "{folder}: its header");
        assert_eq!(preview["twitterCard"], "summary_large_image", "{url}");
    }
    // The overview's answer holds each status's count, as the scorecard has it.
    let zh = read[0]["ogDescription"].as_str().unwrap_or_default();
    for (status, n) in assessed.card.city_status_counts(&plan).into_iter().filter(|(_, n)| *n > 0) {
        assert!(zh.contains(&format!("{} {n} 项", status.label(Lang::Zh))), "{zh}");
    }
}
