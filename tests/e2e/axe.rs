//! axe-core (from npm, injected by the test; never shipped) on every page
//! type and the embed view (with every disclosure open), in both languages and
//! both themes, on a desktop and a 375 px phone:
//! no violations of the WCAG 2.1 A/AA rules.
use std::path::PathBuf;

use fantoccini::Client;
use portal_harness::{Driver, PAGE_READY, StaticServer, dist_dir, wait_for_js};
use serde_json::Value;

pub(crate) fn axe_source() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `make setup`)", path.display()))
}

/// Runs axe on the page; returns one line per violation and node.
pub(crate) async fn violations(client: &Client, axe: &str) -> Vec<String> {
    client.execute(axe, vec![]).await.expect("inject axe");
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }))))
                  .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));"#,
            vec![],
        )
        .await
        .expect("run axe");
    let mut out = Vec::new();
    for v in result.as_array().into_iter().flatten() {
        let nodes: Vec<&str> =
            v["nodes"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        out.push(format!("{} ({}): {}", v["id"], v["help"], nodes.join(" | ")));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_axe_violations_on_any_page_language_theme_or_width() {
    let dist = dist_dir();
    let axe = axe_source();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let hashes = [
        "",
        "indicator/ai-invention-patents/",
        "task/green-manufacturing/",
        "district/zhoushi/",
        "department/industry-it/",
        "data/",
        "search/?q=%E4%B8%93%E5%88%A9",
        "compare/?towns=zhoushi,huaqiao-development-zone,lujia",
        "embed/district-heatmap/",
        "embed/indicator/ai-invention-patents/districts/",
    ];
    let mut failures = Vec::new();
    for (width, height) in [(1280, 900), (375, 812)] {
        let client = driver.browser(1280, 900).await;
        if width < 500 {
            portal_harness::emulate_phone(&client, width, height).await;
        }
        for scheme in ["light", "dark"] {
            portal_harness::emulate_colour_scheme(&client, scheme).await;
            for lang in ["zh", "en"] {
                for hash in hashes {
                    let url = format!("{}{lang}/{hash}", server.url);
                    client.goto("about:blank").await.expect("blank");
                    portal_harness::open(&client, &url).await;
                    wait_for_js(&client, PAGE_READY, &url).await;
                    // The embed, download and cite tools and the embed's table are
                    // checked open, as a reader who opens them sees them.
                    client
                        .execute(
                            "document.querySelectorAll('details').forEach(d => d.open = true)",
                            vec![],
                        )
                        .await
                        .expect("open disclosures");
                    // A tool's body is built on its first opening.
                    wait_for_js(
                        &client,
                        "return [...document.querySelectorAll('details.tool')].every(d => d.querySelector('.tool-body')) ? true : null",
                        "the opened tools",
                    )
                    .await;
                    for v in violations(&client, &axe).await {
                        failures.push(format!("{url} [{scheme}, {width}px] {v}"));
                    }
                }
            }
        }
        client.close().await.expect("close");
    }
    assert!(failures.is_empty(), "{} axe violations:\n{}", failures.len(), failures.join("\n"));
}
