//! The measurements; see main.rs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use fantoccini::Client;
use portal_harness::{self as support, Driver, StaticServer, dist_dir};
use serde_json::{Value, json};

mod first_filter;
mod lighthouse;
mod studio;

use first_filter::{first_filter, print_first_filter};
use lighthouse::{lighthouse_performance, median_lighthouse};
use studio::{STUDIO_RUNS, scaled_workbook, studio_import, studio_release};

const LOADS: usize = 10;
const CHANGES: usize = 50;
const SCALES: [usize; 3] = [1, 10, 100];
const SCALE_LOADS: usize = 5;
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

/// The portal with its data scaled `n`-fold (scripts/bench-cli.py's scaling:
/// every indicator copied with its figures, still valid), at `root/x<n>/`.
fn scaled_site(dist: &Path, root: &Path, n: usize) -> (PathBuf, Value) {
    let dir = root.join(format!("x{n}"));
    let data = dir.join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    let link_all = |from: &Path, to: &Path, skip: &[&str]| {
        for entry in std::fs::read_dir(from).expect("read dir").flatten() {
            let name = entry.file_name();
            if !skip.iter().any(|s| name == *s) {
                std::os::unix::fs::symlink(entry.path(), to.join(&name)).expect("symlink");
            }
        }
    };
    link_all(dist, &dir, &["data"]);
    link_all(&dist.join("data"), &data, &["plan.json", "progress.json"]);
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/bench-cli.py");
    let status = Command::new("python3")
        .arg(script)
        .args(["scaled", &n.to_string()])
        .arg(&data)
        .status()
        .expect("python3");
    assert!(status.success(), "scaling the data failed");
    // The manifest lists the scaled files as they now are (the studio checks
    // each file it opens against it).
    let manifest_path = data.join("manifest.json");
    let mut manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest_path).expect("manifest"))
            .expect("json");
    for file in manifest["files"].as_array_mut().expect("files") {
        let bytes = std::fs::read(data.join(file["path"].as_str().expect("path"))).expect("file");
        file["bytes"] = json!(bytes.len());
        file["sha256"] = json!(plan_publish::release::sha256_hex(&bytes));
    }
    std::fs::remove_file(&manifest_path).expect("the linked manifest");
    std::fs::write(&manifest_path, serde_json::to_string_pretty(&manifest).expect("json"))
        .expect("write");
    let progress: Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("progress.json")).expect("read"))
            .expect("json");
    let size = std::fs::metadata(data.join("progress.json")).expect("size").len();
    let observations = progress["observations"].as_array().map_or(0, Vec::len);
    (dir, json!({ "observations": observations, "progress_bytes": size }))
}

/// One cold load of the overview: the app's own marks (see `data::marks`).
async fn scale_load(client: &Client, url: &str) -> Value {
    client.goto("about:blank").await.expect("blank");
    cdp(client, "Network.clearBrowserCache", json!({})).await;
    client.goto(url).await.expect("open");
    // The app loads on first use: ask for it, as a reader's first tap would.
    let script = r#"
        if (window.kunshanStartApp) window.kunshanStartApp();
        const at = (n) => { const m = performance.getEntriesByName(n); return m.length ? m[0].startTime : null; };
        const [start, checked, s0, s1] = ['kunshan:data-start', 'kunshan:data-checked',
            'kunshan:status-start', 'kunshan:status-done'].map(at);
        if (s1 === null) return null;
        return { load_validate_ms: checked - start, status_ms: s1 - s0,
                 wasm_memory: Number(document.documentElement.dataset.wasmMemory) };
    "#;
    support::wait_for_js_within(
        client,
        script,
        "the overview's status",
        std::time::Duration::from_secs(60),
    )
    .await
}

async fn cdp(client: &Client, cmd: &str, params: Value) {
    support::cdp(client, cmd, params).await;
}

/// Lighthouse runs per page: one run's score moves by ±10 points on this
/// machine, so the table shows the run with the median score, and every
/// run's score beside it.
const LIGHTHOUSE_RUNS: usize = 3;

/// Milliseconds from navigation start to the first chart drawn, one cold load:
/// the first paint of a page with the chart's picture in it (the portal), or
/// the mark a page sets when ECharts has drawn it (the minimal page).
async fn first_chart(client: &Client, url: &str) -> f64 {
    client.goto("about:blank").await.expect("blank");
    cdp(client, "Network.clearBrowserCache", json!({})).await;
    client.goto(url).await.expect("open");
    let script = format!(
        "if (document.querySelector('.chart-picture > svg')) {{
             const p = performance.getEntriesByName('first-contentful-paint');
             return p.length ? p[0].startTime : null;
         }}
         const m = performance.getEntriesByName('{MARK}'); return m.length ? m[0].startTime : null;"
    );
    support::wait_for_js(client, &script, "the first chart").await.as_f64().expect("ms")
}

/// The categories and series data of the chart drawn in `selector`: what a
/// reader sees, without styling.
async fn drawn_chart(client: &Client, selector: &str) -> Value {
    let script = format!(
        "const el = document.querySelector({selector:?});
         const chart = el && window.echarts && echarts.getInstanceByDom(el);
         // A picture until reached for.
         if (!chart) {{ el?.dispatchEvent(new PointerEvent('pointerover', {{ bubbles: true }})); return null; }}
         const o = chart.getOption();
         return JSON.stringify({{ categories: o.yAxis[0].data, series: o.series.map(s => ({{
             name: s.name, data: s.data.map(d => d && typeof d === 'object' ? [d.value, d.itemStyle.color] : d) }})) }});"
    );
    let text = support::wait_for_js(client, &script, "the drawn chart").await;
    serde_json::from_str(text.as_str().unwrap_or_default()).expect("chart json")
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
                // The table's row and the heatmap both mark the district: the
                // cells ECharts draws as chosen are that district's row.
                const row = document.querySelector('.selected-row th');
                const heat = echarts.getInstanceByDom(document.querySelector('.heatmap-section .chart'));
                const chosen = heat && heat.getModel().getSeriesByIndex(0).getSelectedDataIndices();
                const rowOf = heat && ((i) => heat.getModel().getSeriesByIndex(0).getData().get('y', i));
                const names = heat && heat.getModel().getComponent('yAxis').getCategories();
                if (row && row.textContent === option.textContent && chosen && chosen.length
                    && chosen.every(i => names[rowOf(i)] === option.textContent)) break;
            }
            await frame();
            times.push(performance.now() - t0);
        }
        done(times);
    })();
"#;

/// Every file the browser loaded for `url` until it was idle (no request for
/// a second, or 6 s), as a reader who does not scroll or touch anything gets
/// it: name, raw, gzip -9 and brotli -11 bytes of each, then the totals.
async fn first_view(client: &Client, url: &str, root: &str, dist: &Path) -> (Vec<Value>, [u64; 3]) {
    client.goto("about:blank").await.expect("blank");
    cdp(client, "Network.clearBrowserCache", json!({})).await;
    client.goto(url).await.expect("open");
    let idle = r#"
        const done = arguments[arguments.length - 1];
        let last = performance.getEntriesByType('resource').length, quiet = 0, waited = 0;
        const tick = () => {
            const now = performance.getEntriesByType('resource').length;
            quiet = now === last ? quiet + 100 : 0; last = now; waited += 100;
            if (quiet >= 1000 || waited >= 6000) done(true); else setTimeout(tick, 100);
        };
        setTimeout(tick, 100);
    "#;
    client.execute_async(idle, vec![]).await.expect("idle");
    let names = client
        .execute(
            "return [location.href.split('#')[0]].concat(performance.getEntriesByType('resource').map(e => e.name))",
            vec![],
        )
        .await
        .expect("resources");
    let mut assets = Vec::new();
    let mut totals = [0; 3];
    for name in names.as_array().expect("names").iter().filter_map(Value::as_str) {
        let path = name.split('?').next().unwrap_or(name);
        let Some(rel) = path.strip_prefix(root) else { continue };
        let rel = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_owned()
        };
        let file = dist.join(&rel);
        if !file.is_file() {
            continue;
        }
        let raw = std::fs::metadata(&file).expect("size").len();
        let gz = compressed(&file, "gzip", &["-9", "-c"]);
        let br = compressed(&file, "brotli", &["-q", "11", "-c"]);
        totals[0] += raw;
        totals[1] += gz;
        totals[2] += br;
        assets.push(json!({ "file": rel, "raw": raw, "gzip": gz, "brotli": br }));
    }
    (assets, totals)
}

/// The first view's files and their totals, as a table.
fn print_assets(assets: &[Value], totals: [u64; 3]) {
    println!("{:<48} {:>10} {:>10} {:>10}", "file", "raw", "gzip -9", "brotli -11");
    for a in assets {
        println!(
            "{:<48} {:>10} {:>10} {:>10}",
            a["file"].as_str().unwrap_or_default(),
            a["raw"].as_u64().unwrap_or_default(),
            a["gzip"].as_u64().unwrap_or_default(),
            a["brotli"].as_u64().unwrap_or_default()
        );
    }
    println!("{:<48} {:>10} {:>10} {:>10}", "total", totals[0], totals[1], totals[2]);
}

/// Renders every page of a copy of `dist/` whose data is the bundled data
/// scaled `n`-fold: the time `render-site` (and `plan-data release`) takes,
/// and what it writes.
fn page_build(dist: &Path, root: &Path, n: usize) -> Value {
    let dir = root.join(format!("build-x{n}"));
    support::copy_dir(dist, &dir);
    if n > 1 {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/bench-cli.py");
        let status = Command::new("python3")
            .arg(script)
            .args(["scaled", &n.to_string()])
            .arg(dir.join("data"))
            .status()
            .expect("python3");
        assert!(status.success(), "scaling the data failed");
    }
    let report = portal_site::publish::publish(&dir, Some("https://example.org/"))
        .unwrap_or_else(|e| panic!("render {n}x: {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    json!({ "scale": n, "pages": report.pages, "bytes": report.bytes, "ms": report.millis })
}

/// Runs every measurement and prints the table.
pub async fn run() {
    let dist = dist_dir();
    let site = bench_site(&dist);
    // Like a host serving the precompressed files `make dist` writes.
    let server = StaticServer::start_precompressed(&site);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    let portal = format!("{}portal/zh/", server.url);
    let minimal = format!("{}minimal/", server.url);

    // 1. Bytes of the first view, as the browser fetched them until idle:
    // everything a reader gets without scrolling or touching anything (the app
    // loads on first use; charts are pictures in the page, the chart library
    // loads when a reader reaches for one), on a desktop and on a phone.
    let root = format!("{}portal/", server.url);
    let (assets, [raw_total, gz_total, br_total]) =
        first_view(&client, &portal, &root, &dist).await;
    let phone = driver.browser(1280, 900).await;
    support::emulate_phone(&phone, 412, 823).await;
    let (phone_assets, phone_totals) = first_view(&phone, &portal, &root, &dist).await;
    phone.close().await.expect("close");

    // 2. Time to first chart, portal and minimal page in the same run.
    let (mut portal_ms, mut minimal_ms) = (Vec::new(), Vec::new());
    for _ in 0..LOADS {
        portal_ms.push(first_chart(&client, &portal).await);
        minimal_ms.push(first_chart(&client, &minimal).await);
    }
    let portal_median = median(&mut portal_ms);
    let minimal_median = median(&mut minimal_ms);
    // The two must have drawn the same chart, or the ratio means nothing.
    let minimal_chart = drawn_chart(&client, "#chart").await;
    first_chart(&client, &portal).await;
    let portal_chart = drawn_chart(&client, ".goal-progress .chart").await;
    assert_eq!(
        portal_chart, minimal_chart,
        "bench/minimal/ no longer draws the overview's first chart as the portal does"
    );

    // 3. District filter change to painted page (the app, started as a
    // reader's first use of the filter would).
    client.goto("about:blank").await.expect("blank");
    support::open(&client, &portal).await;
    // The heatmap is drawn by ECharts once a reader reaches for it: the
    // reader has scrolled to it and pointed at it (the changes are made on
    // the select from there).
    support::wait_for_js(
        &client,
        "const el = document.querySelector('.heatmap-section .chart');
         if (el && !el.querySelector('canvas')) { el.scrollIntoView({ block: 'center' }); el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); }
         return el && el.querySelector('canvas') ? true : null",
        "the heatmap",
    )
    .await;
    let times = client.execute_async(INTERACTION, vec![json!(CHANGES)]).await.expect("interaction");
    let mut times: Vec<f64> =
        times.as_array().expect("times").iter().filter_map(Value::as_f64).collect();
    let p50 = percentile(&mut times, 50.0);
    let p95 = percentile(&mut times, 95.0);

    // 3b. The first filter change on a throttled phone, from a cold load.
    let plan_text = std::fs::read_to_string(dist.join("data/plan.json")).expect("plan");
    let plan = plan_model::parse_plan("plan.json", &plan_text).expect("the plan");
    let district = &plan.districts[4];
    let first = first_filter(&driver, &portal, (&district.id, &district.name.zh)).await;

    // 5. Scale, in the browser: load + validate + status at 1x, 10x, 100x;
    // 7. the studio importing every figure of that data as a workbook.
    let mut scale = Vec::new();
    let mut studio = Vec::new();
    for n in SCALES {
        let (dir, size) = scaled_site(&dist, &site, n);
        let name = dir.file_name().expect("name").to_string_lossy().into_owned();
        let (workbook, rows) = scaled_workbook(&dir);
        let studio_url = format!("{}{name}/zh/publish/", server.url);
        let mut imports = Vec::new();
        for _ in 0..STUDIO_RUNS {
            imports.push(studio_import(&client, &studio_url, &workbook).await);
        }
        // A release renders every page, and a scaled plan has n times the
        // indicators' pages: once, at 1x and 10x.
        let release = if n <= 10 { studio_release(&client).await } else { Value::Null };
        let pick = |key: &str| {
            let mut v: Vec<f64> = imports.iter().filter_map(|r| r[key].as_f64()).collect();
            median(&mut v)
        };
        studio.push(json!({ "scale": n, "rows": rows,
            "workbook_bytes": std::fs::metadata(&workbook).map(|m| m.len()).unwrap_or_default(),
            "import_ms": pick("ms"), "pause_ms": pick("pause_ms"),
            "memory_bytes": imports.iter().filter_map(|r| r["memory"].as_f64()).fold(0.0, f64::max),
            "verdicts": imports.iter().map(|r| r["verdict"].clone()).collect::<Vec<_>>(),
            "release": release }));
        let url = format!("{}{name}/zh/", server.url);
        let mut runs = Vec::new();
        for _ in 0..SCALE_LOADS {
            runs.push(scale_load(&client, &url).await);
        }
        let pick = |key: &str| {
            let mut v: Vec<f64> = runs.iter().filter_map(|r| r[key].as_f64()).collect();
            median(&mut v)
        };
        let (load, status) = (pick("load_validate_ms"), pick("status_ms"));
        let memory = runs.iter().filter_map(|r| r["wasm_memory"].as_f64()).fold(0.0, f64::max);
        scale.push(json!({ "scale": n, "observations": size["observations"],
            "progress_bytes": size["progress_bytes"], "load_validate_ms": load,
            "status_ms": status, "total_ms": load + status, "wasm_memory_bytes": memory }));
    }
    client.close().await.expect("close");

    // 6. Every page rendered, for the bundled data and for 10x.
    let builds: Vec<Value> = [1, 10].iter().map(|n| page_build(&dist, &site, *n)).collect();

    // 4. Lighthouse, mobile, simulated throttling.
    let lighthouse: Vec<Value> = [
        ("overview", "zh/"),
        ("indicator", "zh/indicator/ai-invention-patents/"),
        ("district", "zh/district/zhoushi/"),
        ("embed", "zh/embed/district-heatmap/"),
    ]
    .iter()
    .map(|(name, hash)| {
        let url = format!("{}portal/{hash}", server.url);
        median_lighthouse(
            (0..LIGHTHOUSE_RUNS).map(|_| lighthouse_performance(name, &url)).collect(),
        )
    })
    .collect();

    println!("\n1. First view of the overview: every file the browser loaded");
    print_assets(&assets, [raw_total, gz_total, br_total]);
    println!("   budget: 250 KB (256,000 bytes) brotli in total at 1280 px");
    println!("\n1b. The same on a 412 px phone");
    print_assets(&phone_assets, phone_totals);
    println!("   budget: 120 KB (122,880 bytes) brotli in total at 412 px");
    println!(
        "\n2. Time to first chart, median of {LOADS} cold loads (HTTP cache cleared), loopback"
    );
    println!("   portal overview   {portal_median:>8.1} ms");
    println!("   minimal page      {minimal_median:>8.1} ms");
    println!("   ratio             {:>8.2}   (budget 1.2)", portal_median / minimal_median);
    println!("\n3. District filter change to painted page, {CHANGES} changes");
    println!("   p50 {p50:.1} ms   p95 {p95:.1} ms   (budget p95 33 ms)");
    print_first_filter(&first);
    println!(
        "\n4. Lighthouse 12.2.3, mobile, simulated throttling (precompressed files served), \
         the median of {LIGHTHOUSE_RUNS} runs by score"
    );
    println!(
        "   {:<10} {:>6} {:>9} {:>9} {:>9} {:>6} {:>12}   every run's score",
        "page", "score", "FCP ms", "LCP ms", "TBT ms", "CLS", "bytes"
    );
    for l in &lighthouse {
        let scores: Vec<String> = l["scores"]
            .as_array()
            .map(|a| {
                a.iter().map(|s| format!("{:.0}", s.as_f64().unwrap_or(f64::NAN) * 100.0)).collect()
            })
            .unwrap_or_default();
        println!(
            "   {:<10} {:>6.0} {:>9.0} {:>9.0} {:>9.0} {:>6.3} {:>12.0}   {}",
            l["page"].as_str().unwrap_or_default(),
            l["score"].as_f64().unwrap_or(f64::NAN) * 100.0,
            l["fcp_ms"].as_f64().unwrap_or(f64::NAN),
            l["lcp_ms"].as_f64().unwrap_or(f64::NAN),
            l["tbt_ms"].as_f64().unwrap_or(f64::NAN),
            l["cls"].as_f64().unwrap_or(f64::NAN),
            l["bytes"].as_f64().unwrap_or(f64::NAN),
            scores.join(" / "),
        );
    }
    println!("   budget: score >= 98, TBT <= 100 ms, LCP <= 1500 ms, CLS 0");
    println!("\n6. Every page rendered (render-site, as plan-data release runs it)");
    for b in &builds {
        println!(
            "   {:>3}x data: {:>5} pages, {:>10} bytes, {:>7} ms",
            b["scale"].as_u64().unwrap_or_default(),
            b["pages"].as_u64().unwrap_or_default(),
            b["bytes"].as_u64().unwrap_or_default(),
            b["ms"].as_u64().unwrap_or_default()
        );
    }
    println!(
        "\n5. Scale in the browser (wasm): overview of data scaled n-fold, median of {SCALE_LOADS} cold loads"
    );
    println!(
        "   {:>5} {:>12} {:>14} {:>16} {:>10} {:>9} {:>15}",
        "scale",
        "observations",
        "progress.json",
        "load+validate ms",
        "status ms",
        "total ms",
        "wasm memory MiB"
    );
    for r in &scale {
        println!(
            "   {:>4}x {:>12} {:>14} {:>16.1} {:>10.1} {:>9.1} {:>15.1}",
            r["scale"],
            r["observations"],
            r["progress_bytes"],
            r["load_validate_ms"].as_f64().unwrap_or(f64::NAN),
            r["status_ms"].as_f64().unwrap_or(f64::NAN),
            r["total_ms"].as_f64().unwrap_or(f64::NAN),
            r["wasm_memory_bytes"].as_f64().unwrap_or(f64::NAN) / 1048576.0,
        );
    }
    if let (Some(first), Some(last)) = (scale.first(), scale.last()) {
        let ratio =
            |k: &str| last[k].as_f64().unwrap_or(f64::NAN) / first[k].as_f64().unwrap_or(f64::NAN);
        println!(
            "   growth 1x -> 100x: data x{:.0}, time x{:.1}, memory x{:.1} (linear: x100 or less)",
            ratio("observations"),
            ratio("total_ms"),
            ratio("wasm_memory_bytes")
        );
    }
    println!("   budget: 10x data, load + validate + status <= 300 ms");
    println!(
        "\n7. The studio importing every figure as a workbook (zh/publish/, in its worker), median of {STUDIO_RUNS}"
    );
    println!(
        "   {:>5} {:>8} {:>14} {:>10} {:>16} {:>15}  verdicts",
        "scale", "rows", "workbook bytes", "import ms", "page pause ms", "wasm memory MiB"
    );
    for r in &studio {
        println!(
            "   {:>4}x {:>8} {:>14} {:>10.0} {:>16.0} {:>15.1}  {}",
            r["scale"],
            r["rows"],
            r["workbook_bytes"],
            r["import_ms"].as_f64().unwrap_or(f64::NAN),
            r["pause_ms"].as_f64().unwrap_or(f64::NAN),
            r["memory_bytes"].as_f64().unwrap_or(f64::NAN) / 1048576.0,
            r["verdicts"],
        );
    }
    println!(
        "   budget: 100x (51,700 rows) <= 2000 ms; the page's longest pause stays short (worker)"
    );
    println!("   then the release of that draft, its data and every page rendered again (once):");
    for r in studio.iter().filter(|r| !r["release"].is_null()) {
        let made = &r["release"];
        println!(
            "   {:>4}x {:>8.0} ms  {} files, {} of them pages  ({})",
            r["scale"],
            made["ms"].as_f64().unwrap_or(f64::NAN),
            made["files"],
            made["pages"],
            made["said"].as_str().unwrap_or_default(),
        );
    }

    let results = json!({
        "first_view": { "assets": assets, "total": { "raw": raw_total, "gzip": gz_total, "brotli": br_total } },
        "first_view_phone": { "assets": phone_assets, "total": { "raw": phone_totals[0], "gzip": phone_totals[1], "brotli": phone_totals[2] } },
        "page_builds": builds,
        "first_chart_ms": { "portal": portal_ms, "minimal": minimal_ms,
                            "portal_median": portal_median, "minimal_median": minimal_median,
                            "ratio": portal_median / minimal_median },
        "district_filter_ms": { "all": times, "p50": p50, "p95": p95 },
        "first_filter": first,
        "lighthouse": lighthouse,
        "scale": scale,
        "studio": studio,
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
