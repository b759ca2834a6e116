//! Accessibility beyond axe's rules, in a real browser: chart points reachable
//! with the arrow keys and read out through the live region; the skip link;
//! every page usable without sideways scrolling at 200 % zoom and in large-text
//! mode on a 1280 px window.
use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use portal_harness::{Driver, PAGE_READY, StaticServer, cdp, dist_dir, wait_for_js};
use serde_json::Value;

const LIVE: &str = "return document.querySelector('.live-region').textContent";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arrow_keys_step_through_a_charts_points_and_read_them_out() {
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::open(&client, &format!("{}en/", server.url)).await;
    wait_for_js(&client, PAGE_READY, "the overview").await;
    // Every chart takes keyboard focus and says how to use it.
    let unfocusable = client
        .execute(
            "return [...document.querySelectorAll('.chart')].filter(c => c.getAttribute('tabindex') !== '0' || !c.getAttribute('aria-label').includes('arrow keys')).length",
            vec![],
        )
        .await
        .expect("charts");
    assert_eq!(unfocusable, Value::from(0));

    // The task-progress table gives what each point should say.
    let rows: Vec<String> = client
        .execute(
            "return [...document.querySelectorAll('.task-progress tbody tr')].map(r => [...r.children].map(c => c.textContent.trim()))",
            vec![],
        )
        .await
        .expect("rows")
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r.as_array().expect("cells").iter().filter_map(Value::as_str).collect::<Vec<_>>().join("|"))
        .collect();
    assert!(rows.len() >= 3);
    let chart = client.find(Locator::Css(".task-progress .chart")).await.expect("chart");
    client
        .execute("document.querySelector('.task-progress .chart').focus()", vec![])
        .await
        .expect("focus");
    let said = |text: &str, row: &str, position: &str| {
        let cells: Vec<&str> = row.split('|').collect();
        // Name, status in words, completion and expected, and "(k/n)".
        let name = cells[0];
        let completion = cells[2];
        assert!(text.contains(name), "{text} names {name}");
        assert!(text.contains(&format!(": {completion}")), "{text} has {completion}");
        assert!(text.contains(position), "{text} says {position}");
    };
    chart.send_keys(&Key::Right.to_string()).await.expect("key");
    let text = wait_for_js(&client, LIVE, "an announcement").await;
    said(text.as_str().expect("text"), &rows[0], &format!("(1/{})", rows.len()));
    chart.send_keys(&Key::Right.to_string()).await.expect("key");
    let text = client.execute(LIVE, vec![]).await.expect("live");
    said(text.as_str().expect("text"), &rows[1], &format!("(2/{})", rows.len()));
    chart.send_keys(&Key::End.to_string()).await.expect("key");
    let text = client.execute(LIVE, vec![]).await.expect("live");
    said(
        text.as_str().expect("text"),
        rows.last().expect("last"),
        &format!("({0}/{0})", rows.len()),
    );
    // The skip link is the first stop and moves focus to the content.
    client.goto("about:blank").await.expect("blank");
    portal_harness::open(&client, &format!("{}en/data/", server.url)).await;
    wait_for_js(&client, PAGE_READY, "the data page").await;
    let tab = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: Key::Tab.into() })
        .then(KeyAction::Up { value: Key::Tab.into() });
    client.perform_actions(tab).await.expect("tab");
    let focused =
        client.execute("return document.activeElement.className", vec![]).await.expect("focus");
    assert_eq!(focused, Value::from("skip-link"));
    client
        .active_element()
        .await
        .expect("active")
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("enter");
    let focused = client.execute("return document.activeElement.id", vec![]).await.expect("focus");
    assert_eq!(focused, Value::from("main"));
    client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_sideways_scrolling_at_200_percent_zoom_or_with_large_text() {
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let pages = [
        "",
        "indicator/ai-invention-patents/",
        "task/green-manufacturing/",
        "district/zhoushi/",
        "department/industry-it/",
        "data/",
        "embed/district-heatmap/",
    ];
    let mut failures = Vec::new();
    // 200 % zoom on a 1280 px window lays the page out 640 CSS px wide at 2 device
    // pixels per CSS pixel; large text is the site's own 125 % root size.
    for (zoomed, large) in [(true, false), (false, true), (true, true)] {
        let client = driver.browser(1280, 900).await;
        if zoomed {
            cdp(
                &client,
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({ "width": 640, "height": 450, "deviceScaleFactor": 2, "mobile": false }),
            )
            .await;
        }
        portal_harness::open(&client, &format!("{}zh/", server.url)).await;
        let text = if large { "large" } else { "normal" };
        client
            .execute(&format!("localStorage.setItem('kunshan-portal.text', '{text}')"), vec![])
            .await
            .expect("text size");
        for lang in ["zh", "en"] {
            for page in pages {
                let url = format!("{}{lang}/{page}", server.url);
                client.goto("about:blank").await.expect("blank");
                portal_harness::open(&client, &url).await;
                wait_for_js(&client, PAGE_READY, &url).await;
                let state = client
                    .execute(
                        "return [window.innerWidth, document.documentElement.scrollWidth, document.documentElement.getAttribute('data-text')]",
                        vec![],
                    )
                    .await
                    .expect("widths");
                let (inner, scroll) =
                    (state[0].as_f64().unwrap_or(0.0), state[1].as_f64().unwrap_or(0.0));
                if zoomed {
                    assert_eq!(inner, 640.0, "the zoomed layout is 640 CSS px wide");
                }
                if large {
                    assert_eq!(state[2], Value::from("large"), "{url}: large text is on");
                }
                if scroll > inner + 1.0 {
                    failures.push(format!(
                        "{url} (zoomed {zoomed}, large {large}): {scroll} > {inner}"
                    ));
                }
            }
        }
        client.close().await.expect("close");
    }
    assert!(failures.is_empty(), "sideways scrolling:\n{}", failures.join("\n"));
}

/// Windows high-contrast mode (`forced-colors: active`): the browser replaces
/// our colours; every page still lays out, keeps its status words and icons,
/// and shows its tables.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_work_in_forced_colours_high_contrast_mode() {
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    cdp(
        &client,
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "features": [{ "name": "forced-colors", "value": "active" }] }),
    )
    .await;
    for hash in [
        "zh/",
        "en/indicator/ai-invention-patents/",
        "zh/district/zhoushi/",
        "en/embed/district-heatmap/",
    ] {
        client.goto("about:blank").await.expect("blank");
        portal_harness::open(&client, &format!("{}{hash}", server.url)).await;
        wait_for_js(&client, PAGE_READY, hash).await;
        let state = client
            .execute(
                "return { forced: matchMedia('(forced-colors: active)').matches,
                          sideways: document.documentElement.scrollWidth > innerWidth + 1,
                          statuses: document.querySelectorAll('.status-cell, .heat-cell').length,
                          tables: document.querySelectorAll('table caption').length }",
                vec![],
            )
            .await
            .expect("state");
        assert_eq!(state["forced"], Value::Bool(true), "{hash}: forced colours emulated");
        assert_eq!(state["sideways"], Value::Bool(false), "{hash}");
        assert!(state["statuses"].as_u64() > Some(0), "{hash}: statuses in words: {state}");
        assert!(state["tables"].as_u64() > Some(0), "{hash}: tables with captions: {state}");
    }
    client.close().await.expect("close");
}
