//! The measurements; see main.rs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::{self, Driver, StaticServer, dist_dir};
use fantoccini::Client;
use serde_json::{Value, json};

const LOADS: usize = 10;
const CHANGES: usize = 50;
const MARK: &str = "kunshan:chart-drawn";

fn compressed(path: &Path, program: &str, args: &[&str]) -> u64 {
    let data = std::fs::read(path).expect("read asset");
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e} (run `make setup`)"));
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(&data).expect("write");
    });
    let out = child.wait_with_output().expect("compress");
    writer.join().expect("writer");
    out.stdout.len() as u64
}

/// Builds the site the bench serves: the portal at `portal/` and the minimal
/// page at `minimal/`, using the portal's own ECharts file and data.
fn bench_site(dist: &Path) -> PathBuf {
    let root = std::env::temp_dir().join(format!("kunshan-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("minimal")).expect("mkdir");
    std::os::unix::fs::symlink(dist, root.join("portal")).expect("symlink");
    let echarts = std::fs::read_dir(dist)
        .expect("dist")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("echarts") && n.ends_with(".js"))
        .expect("the ECharts file in dist/");
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/minimal");
    for file in ["index.html", "main.js"] {
        let text = std::fs::read_to_string(source.join(file)).expect("minimal page");
        let text = text
            .replace("{{ECHARTS}}", &format!("../portal/{echarts}"))
            .replace("{{DATA}}", "../portal/data");
        std::fs::write(root.join("minimal").join(file), text).expect("write");
    }
    root
}

async fn cdp(client: &Client, cmd: &str, params: Value) {
    support::cdp(client, cmd, params).await;
}

/// Lighthouse's performance category for one page: score and the timings.
fn lighthouse_performance(name: &str, url: &str) -> Value {
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
        "bytes": audit("total-byte-weight"),
    })
}

/// Milliseconds from navigation start to the first chart drawn, one cold load.
async fn first_chart(client: &Client, url: &str) -> f64 {
    client.goto("about:blank").await.expect("blank");
    cdp(client, "Network.clearBrowserCache", json!({})).await;
    client.goto(url).await.expect("open");
    let script = format!(
        "const m = performance.getEntriesByName('{MARK}'); return m.length ? m[0].startTime : null;"
    );
    support::wait_for_js(client, &script, "the first chart").await.as_f64().expect("ms")
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 }
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

/// Changes the district filter `n` times in the page and times each change
/// until the page shows that district and a frame has been painted.
const INTERACTION: &str = r#"
    const done = arguments[arguments.length - 1];
    const n = arguments[0];
    const frame = () => new Promise(r => requestAnimationFrame(() => r()));
    (async () => {
        const times = [];
        for (let i = 0; i < n; i++) {
            const select = document.querySelector('#filter-district');
            const options = [...select.options].filter(o => o.value);
            const option = options[i % options.length];
            const t0 = performance.now();
            select.value = option.value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            for (;;) {
                await frame();
                // The table's row and the heatmap's axis both mark the district.
                const row = document.querySelector('.selected-row th');
                const heat = echarts.getInstanceByDom(document.querySelector('.heatmap-section .chart'));
                const axis = heat && heat.getOption().yAxis[0].data;
                if (row && row.textContent === option.textContent
                    && axis && axis.includes('▶ ' + option.textContent)) break;
            }
            await frame();
            times.push(performance.now() - t0);
        }
        done(times);
    })();
"#;

/// Runs every measurement and prints the table.
pub async fn run() {
    let dist = dist_dir();
    let site = bench_site(&dist);
    // Like a host serving the precompressed files `make dist` writes.
    let server = StaticServer::start_precompressed(&site);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    let portal = format!("{}portal/#/zh/", server.url);
    let minimal = format!("{}minimal/", server.url);

    // 1. Bytes of the first view, as the browser fetched them.
    // Everything a reader gets without scrolling: every chart drawn, then a
    // second for what follows (the integrity check). The release before, for
    // "what changed" at the bottom, loads only when scrolled to.
    first_chart(&client, &portal).await;
    support::wait_for_js(
        &client,
        "const charts = [...document.querySelectorAll('.chart')];
         return charts.length > 1 && charts.every(el => el.querySelector('canvas, svg')) ? true : null",
        "every chart of the overview",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    let names = client
        .execute(
            "return [location.href.split('#')[0]].concat(performance.getEntriesByType('resource').map(e => e.name))",
            vec![],
        )
        .await
        .expect("resources");
    let mut assets = Vec::new();
    let (mut raw_total, mut gz_total, mut br_total) = (0, 0, 0);
    for name in names.as_array().expect("names").iter().filter_map(Value::as_str) {
        let path = name.split('?').next().unwrap_or(name);
        let Some(rel) = path.strip_prefix(&format!("{}portal/", server.url)) else { continue };
        let file = dist.join(if rel.is_empty() { "index.html" } else { rel });
        if !file.is_file() {
            continue;
        }
        let raw = std::fs::metadata(&file).expect("size").len();
        let gz = compressed(&file, "gzip", &["-9", "-c"]);
        let br = compressed(&file, "brotli", &["-q", "11", "-c"]);
        raw_total += raw;
        gz_total += gz;
        br_total += br;
        let shown = if rel.is_empty() { "index.html" } else { rel };
        assets.push(json!({ "file": shown, "raw": raw, "gzip": gz, "brotli": br }));
    }

    // 2. Time to first chart, portal and minimal page in the same run.
    let (mut portal_ms, mut minimal_ms) = (Vec::new(), Vec::new());
    for _ in 0..LOADS {
        portal_ms.push(first_chart(&client, &portal).await);
        minimal_ms.push(first_chart(&client, &minimal).await);
    }
    let portal_median = median(&mut portal_ms);
    let minimal_median = median(&mut minimal_ms);

    // 3. District filter change to painted page.
    client.goto("about:blank").await.expect("blank");
    client.goto(&portal).await.expect("open");
    support::wait_for_js(
        &client,
        "return document.querySelector('.heatmap-section .chart canvas') ? true : null",
        "the heatmap",
    )
    .await;
    let times = client.execute_async(INTERACTION, vec![json!(CHANGES)]).await.expect("interaction");
    let mut times: Vec<f64> =
        times.as_array().expect("times").iter().filter_map(Value::as_f64).collect();
    let p50 = percentile(&mut times, 50.0);
    let p95 = percentile(&mut times, 95.0);
    client.close().await.expect("close");

    // 4. Lighthouse, mobile, simulated throttling.
    let lighthouse: Vec<Value> = [
        ("overview", "#/zh/"),
        ("indicator", "#/zh/indicator/ai-invention-patents"),
        ("embed", "#/zh/embed/district-heatmap"),
    ]
    .iter()
    .map(|(name, hash)| lighthouse_performance(name, &format!("{}portal/{hash}", server.url)))
    .collect();

    println!("\n1. First view of the overview: every file the browser loaded");
    println!("{:<48} {:>10} {:>10} {:>10}", "file", "raw", "gzip -9", "brotli -11");
    for a in &assets {
        println!(
            "{:<48} {:>10} {:>10} {:>10}",
            a["file"].as_str().unwrap_or_default(),
            a["raw"].as_u64().unwrap_or_default(),
            a["gzip"].as_u64().unwrap_or_default(),
            a["brotli"].as_u64().unwrap_or_default()
        );
    }
    println!("{:<48} {:>10} {:>10} {:>10}", "total", raw_total, gz_total, br_total);
    println!("   budget: 350 KB (358,400 bytes) brotli in total");
    println!(
        "\n2. Time to first chart, median of {LOADS} cold loads (HTTP cache cleared), loopback"
    );
    println!("   portal overview   {portal_median:>8.1} ms");
    println!("   minimal page      {minimal_median:>8.1} ms");
    println!("   ratio             {:>8.2}   (budget 1.5)", portal_median / minimal_median);
    println!("\n3. District filter change to painted page, {CHANGES} changes");
    println!("   p50 {p50:.1} ms   p95 {p95:.1} ms   (budget p95 50 ms)");
    println!("\n4. Lighthouse 12.2.3, mobile, simulated throttling (precompressed files served)");
    println!(
        "   {:<10} {:>6} {:>9} {:>9} {:>9} {:>12}",
        "page", "score", "FCP ms", "LCP ms", "TBT ms", "bytes"
    );
    for l in &lighthouse {
        println!(
            "   {:<10} {:>6.0} {:>9.0} {:>9.0} {:>9.0} {:>12.0}",
            l["page"].as_str().unwrap_or_default(),
            l["score"].as_f64().unwrap_or(f64::NAN) * 100.0,
            l["fcp_ms"].as_f64().unwrap_or(f64::NAN),
            l["lcp_ms"].as_f64().unwrap_or(f64::NAN),
            l["tbt_ms"].as_f64().unwrap_or(f64::NAN),
            l["bytes"].as_f64().unwrap_or(f64::NAN),
        );
    }
    println!("   budget: score >= 95, LCP <= 2000 ms");

    let results = json!({
        "first_view": { "assets": assets, "total": { "raw": raw_total, "gzip": gz_total, "brotli": br_total } },
        "first_chart_ms": { "portal": portal_ms, "minimal": minimal_ms,
                            "portal_median": portal_median, "minimal_median": minimal_median,
                            "ratio": portal_median / minimal_median },
        "district_filter_ms": { "all": times, "p50": p50, "p95": p95 },
        "lighthouse": lighthouse,
    });
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/results");
    std::fs::create_dir_all(&dir).expect("results folder");
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let file = dir.join(format!("bench-{stamp}.json"));
    std::fs::write(&file, serde_json::to_string_pretty(&results).expect("json")).expect("write");
    println!("\nwritten: {}", file.display());
    let _ = std::fs::remove_dir_all(site);
}
