//! Section 3b: the first filter change on a phone throttled as Lighthouse's
//! mobile preset is (4x CPU, 150 ms round trip, 1.6 Mbps), from a cold load
//! of the overview: one district (its state is a page published with the
//! site, shown in place), and, in the same run, the same choice made through
//! the whole app (as every first filter change was before), for comparison.

use super::*;

/// Cold loads per path.
pub(super) const FIRST_FILTER_RUNS: usize = 5;

/// Chooses the district `value` on the page (with the app started first
/// where `app`), and times from the choice to the page painted with the
/// district's row marked (`wanted`), with every byte fetched meanwhile.
const CHOOSE: &str = r#"
    const done = arguments[arguments.length - 1];
    const [value, wanted, app] = arguments;
    const frame = () => new Promise(r => requestAnimationFrame(() => r()));
    (async () => {
        const t0 = performance.now();
        if (app) window.kunshanStartApp();
        const select = document.querySelector('#page #filter-district');
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        for (;;) {
            await frame();
            const shown = document.getElementById('app') && !document.getElementById('app').hidden
                ? document.getElementById('app') : document.getElementById('page');
            const row = shown && shown.querySelector('.heatmap-section .selected-row th');
            if (row && row.textContent === wanted) break;
        }
        await frame();
        const ms = performance.now() - t0;
        // Every transfer, once the last has ended.
        await new Promise(r => setTimeout(r, 300));
        const fetched = performance.getEntriesByType('resource').filter(r => r.startTime >= t0);
        done({ ms, bytes: fetched.reduce((sum, r) => sum + r.transferSize, 0),
               files: fetched.map(r => r.name.split('/').pop()) });
    })();
"#;

/// One cold load, throttled, then the choice.
async fn once(client: &Client, url: &str, district: (&str, &str), app: bool) -> Value {
    client.goto("about:blank").await.expect("blank");
    cdp(client, "Network.clearBrowserCache", json!({})).await;
    cdp(client, "Network.enable", json!({})).await;
    cdp(
        client,
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 150, "downloadThroughput": 1_638_400 / 8,
                "uploadThroughput": 750_000 / 8 }),
    )
    .await;
    cdp(client, "Emulation.setCPUThrottlingRate", json!({ "rate": 4 })).await;
    client.goto(url).await.expect("open");
    support::wait_for_js(
        client,
        "return document.readyState === 'complete' && document.querySelector('#page #filter-district') ? true : null",
        "the overview",
    )
    .await;
    // The reader has unfolded the filters.
    client
        .execute("document.querySelector('#page .filter-toggle')?.click()", vec![])
        .await
        .expect("unfold");
    let args = vec![json!(district.0), json!(district.1), json!(app)];
    let got = client.execute_async(CHOOSE, args).await.expect("choose");
    cdp(client, "Emulation.setCPUThrottlingRate", json!({ "rate": 1 })).await;
    cdp(
        client,
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
    got
}

/// Medians of time and bytes over the runs, in place and through the app;
/// `district`: its id and name.
pub(super) async fn first_filter(driver: &Driver, url: &str, district: (&str, &str)) -> Value {
    let phone = driver.browser(1280, 900).await;
    support::emulate_phone(&phone, 412, 823).await;
    let mut rows = Vec::new();
    for (what, app) in [("its page, in place", false), ("the whole app (before)", true)] {
        let (mut ms, mut bytes) = (Vec::new(), Vec::new());
        let mut files = Value::Null;
        for _ in 0..FIRST_FILTER_RUNS {
            let got = once(&phone, url, district, app).await;
            ms.push(got["ms"].as_f64().unwrap_or(f64::NAN));
            bytes.push(got["bytes"].as_f64().unwrap_or(f64::NAN));
            files = got["files"].clone();
        }
        rows.push(json!({ "what": what, "ms": median(&mut ms), "bytes": median(&mut bytes),
                          "all_ms": ms, "files": files }));
    }
    phone.close().await.expect("close");
    Value::from(rows)
}

/// The section's lines of the table.
pub(super) fn print_first_filter(first: &Value) {
    println!(
        "\n3b. First filter change on a phone, Lighthouse's mobile throttling (4x CPU, 150 ms, 1.6 Mbps), \
         cold load, median of {FIRST_FILTER_RUNS}"
    );
    for r in first.as_array().into_iter().flatten() {
        println!(
            "   {:<26} {:>8.0} ms {:>10.0} bytes   ({})",
            r["what"].as_str().unwrap_or_default(),
            r["ms"].as_f64().unwrap_or(f64::NAN),
            r["bytes"].as_f64().unwrap_or(f64::NAN),
            r["files"]
                .as_array()
                .map(|f| f.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "))
                .unwrap_or_default(),
        );
    }
    println!("   budget: in place <= 1000 ms, <= 100 KB");
}
