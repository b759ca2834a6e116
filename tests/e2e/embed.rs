//! Journalists' tools in a real browser: the embed code from a chart's dialog,
//! pasted into a page on another origin, renders and is resized by the host
//! script to the height the embed posts; a pinned embed keeps the old
//! release's numbers after a new release is published while a live one
//! follows; downloaded PNG, SVG, CSV, JSON and the release ZIP open and hold
//! the view's numbers; citations name the URL, release and access date.
use std::path::Path;
use std::time::{Duration, Instant};

use crate::model::model;
use fantoccini::{Client, Locator};
use plan_model::Scorecard;
use portal_harness::{
    Driver, StaticServer, cdp, console_errors, copy_dir, dist_dir, save_screenshot, tempdir,
    wait_for_js,
};
use serde_json::{Value, json};

const INDICATOR: &str = "ai-invention-patents";

/// Clicks the element once it is there (a tool's body appears when it is opened).
async fn click(client: &Client, css: &str) {
    client
        .wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn value_of(client: &Client, css: &str) -> String {
    let script = format!("const e = document.querySelector({css:?}); return e ? e.value : null");
    wait_for_js(client, &script, css).await.as_str().unwrap_or_default().into()
}

/// The city trend's dates and values as the embedded chart draws them (in
/// `state`), or `return null` while it is not drawn.
const TREND_BODY: &str = r#"
    const el = document.querySelector('.embed .chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
    const o = chart.getOption();
    const state = { dates: o.xAxis[0].data, values: o.series[0].data,
             release: (document.querySelector('.embed-release') || {}).textContent || null };
"#;

/// The embedded trend as drawn, once it is.
fn trend() -> String {
    format!("{TREND_BODY} return state;")
}

/// The embed's own idea of its height (what it posts) and the iframe's height.
const HEIGHTS: &str = r#"
    const f = document.querySelectorAll('iframe[data-kunshan-embed]')[arguments[0]];
    return f.getAttribute('data-kunshan-height') && { set: parseFloat(f.style.height) };
"#;

const OWN_HEIGHT: &str = r#"
    const a = document.querySelector('article.embed');
    return a && Math.ceil(a.getBoundingClientRect().bottom + window.scrollY) + 1;
"#;

async fn wait_until(what: &str, mut check: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Publishes a "new release" into a copy of the site: one more citywide
/// figure for the indicator, a new version and as-of date. The frozen
/// `releases/<old>/` folder stays as it was, as publishing does.
fn publish_new_release(site: &Path) -> f64 {
    let path = site.join("data/progress.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read"))
        .expect("progress json");
    let new_value = 4321.0;
    let template = doc["observations"]
        .as_array()
        .expect("observations")
        .iter()
        .find(|o| o["indicator"] == INDICATOR && o.get("district").is_none_or(Value::is_null))
        .expect("a city figure")
        .clone();
    let mut added = template;
    added["as_of"] = json!("2026-10-31");
    added["value"] = json!(new_value);
    doc["observations"].as_array_mut().expect("array").push(added);
    doc["release"]["version"] = json!("2026.10.0-sample");
    doc["release"]["as_of"] = json!("2026-10-31");
    doc["release"]["published"] = json!("2026-11-15");
    let entry = json!({ "version": "2026.10.0-sample", "date": "2026-11-15",
        "notes": { "zh": "示例数据：新增 10 月数。", "en": "Sample data: October figures added." } });
    doc["release"]["changelog"].as_array_mut().expect("changelog").insert(0, entry);
    std::fs::write(&path, serde_json::to_string_pretty(&doc).expect("json")).expect("write");
    // The release's manifest comes with it (its pages are not rendered again:
    // the page finds out, and the app shows the newer figures).
    let path = site.join("data/manifest.json");
    let mut manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("manifest");
    manifest["version"] = json!("2026.10.0-sample");
    std::fs::write(&path, serde_json::to_string_pretty(&manifest).expect("json")).expect("write");
    new_value
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_embed_on_another_origin_fits_its_height_and_a_pinned_one_keeps_its_release() {
    let site = tempdir("embed-site");
    copy_dir(&dist_dir(), &site);
    let (_, progress) = model(&site.join("data"));
    let old_version = progress.release.version.clone();
    let mut city: Vec<(String, f64)> = progress
        .observations
        .iter()
        .filter(|o| o.indicator == INDICATOR && o.district.is_none())
        .map(|o| (o.as_of.clone(), o.value))
        .collect();
    city.sort_by(|a, b| a.0.cmp(&b.0));
    // A running total's trend starts at its published starting level.
    let start = progress.baseline(INDICATOR, None).expect("starting level");
    city.insert(0, (start.as_of.clone().expect("date"), start.value.expect("value")));
    let portal = StaticServer::start(&site);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;

    // The reporter opens the chart's embed dialog and copies the code, pinned
    // (the default) and live.
    portal_harness::open(&client, &format!("{}en/indicator/{INDICATOR}/", portal.url)).await;
    wait_for_js(&client, "return document.querySelector('.trend-section .embed-tool')", "tools")
        .await;
    click(&client, ".trend-section .embed-tool summary").await;
    let pinned_code = value_of(&client, ".trend-section .embed-code textarea").await;
    let src = format!("en/embed/indicator/{INDICATOR}/trend/?release={old_version}");
    assert!(pinned_code.contains(&src), "pinned to the release: {pinned_code}");
    assert!(pinned_code.contains(r#"loading="lazy""#), "{pinned_code}");
    assert!(pinned_code.contains(r#"title="AI invention patents"#), "{pinned_code}");
    assert!(pinned_code.contains(&format!(r#"<script src="{}embed.js" async>"#, portal.url)));
    click(&client, ".trend-section .embed-pin input[value='live']").await;
    let live_code = value_of(&client, ".trend-section .embed-code textarea").await;
    assert!(!live_code.contains("release="), "live follows the data: {live_code}");
    save_screenshot(&client, "embed-dialog-en.png").await;

    // The host page is on another origin (another port).
    let host_dir = tempdir("embed-host");
    let host_page = format!(
        "<!doctype html><html><head><meta charset=utf-8><link rel=icon href=\"data:,\"><title>Host</title></head><body><h1>A news story</h1>\n{pinned_code}\n<p>More text.</p>\n{live_code}\n</body></html>"
    );
    std::fs::write(host_dir.join("story.html"), host_page).expect("host page");
    let host = StaticServer::start(&host_dir);
    assert_ne!(host.url, portal.url);
    client.goto(&format!("{}story.html", host.url)).await.expect("host page");

    for index in [0u16, 1] {
        // The script resized the iframe from its attribute height to the posted height.
        let heights = wait_for_js(
            &client,
            &HEIGHTS.replace("arguments[0]", &index.to_string()),
            "the host script to resize",
        )
        .await;
        let set = heights["set"].as_f64().expect("height");
        client.enter_frame(index).await.expect("enter frame");
        let state = wait_for_js(&client, &trend(), "the embedded chart").await;
        let own = wait_for_js(&client, OWN_HEIGHT, "the embed's height").await;
        let own = own.as_f64().expect("number");
        assert!((set - own).abs() <= 1.0, "iframe {index}: height {set} = posted {own}");
        let values: Vec<f64> =
            state["values"].as_array().expect("values").iter().filter_map(Value::as_f64).collect();
        assert_eq!(values, city.iter().map(|c| c.1).collect::<Vec<_>>(), "embed {index}");
        assert_eq!(state["release"], json!(old_version), "before a new release, both show it");
        // Opening the table makes the embed taller; the iframe follows.
        click(&client, ".embed-table summary").await;
        let taller = wait_for_js(&client, OWN_HEIGHT, "the embed's height").await.as_f64().unwrap();
        assert!(taller > own + 100.0, "the table adds height: {own} -> {taller}");
        let errors = console_errors(&client).await;
        assert!(errors.is_empty(), "console errors in the embed: {errors:#?}");
        client.enter_parent_frame().await.expect("back to the host");
        let script = format!(
            "return parseFloat(document.querySelectorAll('iframe[data-kunshan-embed]')[{index}].style.height)"
        );
        wait_until("the iframe to grow", async || {
            let h = client.execute(&script, vec![]).await.expect("height").as_f64().unwrap_or(0.0);
            (h - taller).abs() <= 1.0
        })
        .await;
    }
    save_screenshot(&client, "embed-host-page.png").await;

    // A new release is published; the reader reloads the story.
    let new_value = publish_new_release(&site);
    client.goto(&format!("{}story.html", host.url)).await.expect("reload host page");
    client.enter_frame(0).await.expect("pinned frame");
    let pinned = wait_for_js(&client, &trend(), "the pinned chart").await;
    client.enter_parent_frame().await.expect("parent");
    client.enter_frame(1).await.expect("live frame");
    // Its page was rendered from the release before: the app, started because
    // the data served is newer, shows the new one.
    let live = wait_for_js(
        &client,
        &format!("{TREND_BODY} return state.release === '2026.10.0-sample' ? state : null;"),
        "the live chart on the new release",
    )
    .await;
    client.enter_parent_frame().await.expect("parent");
    let numbers = |s: &Value| -> Vec<f64> {
        s["values"].as_array().expect("values").iter().filter_map(Value::as_f64).collect()
    };
    assert_eq!(pinned["release"], json!(old_version), "pinned keeps its release");
    assert_eq!(numbers(&pinned), city.iter().map(|c| c.1).collect::<Vec<_>>());
    assert_eq!(live["release"], json!("2026.10.0-sample"), "live follows the new release");
    assert_eq!(numbers(&live).last().copied(), Some(new_value));
    assert_eq!(numbers(&live).len(), city.len() + 1);
    client.close().await.expect("close");
}

/// Waits for a finished download (Chromium writes `.crdownload` first).
pub(crate) async fn downloaded(dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if path.is_file() {
            let bytes = std::fs::read(&path).expect("read download");
            if !bytes.is_empty() {
                return bytes;
            }
        }
        let present: Vec<String> = std::fs::read_dir(dir)
            .map(|r| r.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        assert!(Instant::now() < deadline, "no download {name}; folder has {present:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    assert!(bytes.ends_with(b"IEND\xaeB`\x82"), "the PNG is complete");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
    (be(16), be(20))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn downloads_hold_the_views_numbers_and_citations_name_the_release() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let card = Scorecard::compute(&plan, &progress);
    let version = progress.release.version.clone();
    // The chart's rows: districts with a figure for the indicator, in the plan's order.
    let expected: Vec<(String, f64, f64)> = plan
        .districts
        .iter()
        .filter_map(|d| {
            let a = card.in_district(&d.id, INDICATOR)?;
            let round = |v: f64| (v * 10.0).round() / 10.0;
            Some((
                d.name.en.clone(),
                round(a.completion_percent?.min(100.0)),
                round(a.expected_percent?),
            ))
        })
        .collect();
    assert!(expected.len() > 3, "the bundled data has district figures");

    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    let downloads = tempdir("downloads");
    portal_harness::open(&client, &format!("{}en/indicator/{INDICATOR}/", server.url)).await;
    cdp(
        &client,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.to_str().expect("utf-8") }),
    )
    .await;
    wait_for_js(
        &client,
        "return document.querySelector('.district-section .download-tool')",
        "tools",
    )
    .await;
    click(&client, ".district-section .download-tool summary").await;
    let stem = format!("kunshan-ai-plan_{INDICATOR}_by-district_{}", progress.release.as_of);

    // CSV: a header and one row per district, numbers as in the model.
    click(&client, ".district-section .download-csv").await;
    let csv =
        String::from_utf8(downloaded(&downloads, &format!("{stem}.csv")).await).expect("utf-8");
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark for spreadsheets");
    let lines: Vec<Vec<&str>> =
        csv.split("\r\n").filter(|l| !l.is_empty()).map(|l| l.split(',').collect()).collect();
    assert_eq!(lines[0], ["District", "Status", "Mean completion %", "Expected by now %"]);
    let rows: Vec<(String, f64, f64)> = lines[1..]
        .iter()
        .map(|f| {
            (f[0].to_owned(), f[2].parse().expect("completion"), f[3].parse().expect("expected"))
        })
        .collect();
    assert_eq!(rows, expected, "the CSV holds the chart's numbers");

    // JSON: the same rows, with the release and the sample flag.
    click(&client, ".district-section .download-json").await;
    let json: Value =
        serde_json::from_slice(&downloaded(&downloads, &format!("{stem}.json")).await)
            .expect("json");
    assert_eq!(json["release"], json!(version));
    assert_eq!(json["sample"], json!(true));
    assert_eq!(json["as_of"], json!(progress.release.as_of));
    let json_rows: Vec<(String, f64, f64)> = json["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r[0].as_str().expect("name").to_owned(),
                r[2].as_f64().expect("c"),
                r[3].as_f64().expect("e"),
            )
        })
        .collect();
    assert_eq!(json_rows, expected);
    assert!(json["url"].as_str().expect("url").contains(&format!("release={version}")));

    // SVG: well-formed, with the title, the as-of date, the sample flag and every district.
    click(&client, ".district-section .download-svg").await;
    let svg =
        String::from_utf8(downloaded(&downloads, &format!("{stem}.svg")).await).expect("utf-8");
    let xml = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let texts: Vec<String> = xml
        .descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("tspan"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect();
    let all = texts.join("\n");
    assert!(all.contains("AI invention patents · By district"), "title drawn in: {all}");
    assert!(all.contains(&progress.release.as_of), "as-of date drawn in");
    assert!(all.contains(&version), "release drawn in");
    assert!(all.contains("Sample data:"), "sample notice drawn in");
    assert!(all.contains("not official statistics"), "sample flag in the source line");
    for (name, _, _) in &expected {
        assert!(all.contains(name.as_str()), "{name} in the SVG");
    }
    let width: f64 = xml.root_element().attribute("width").expect("width").parse().expect("n");
    let height: f64 = xml.root_element().attribute("height").expect("height").parse().expect("n");

    // PNG: twice the SVG's size.
    click(&client, ".district-section .download-png").await;
    let png = downloaded(&downloads, &format!("{stem}.png")).await;
    assert_eq!(png_size(&png), (2 * width as u32, 2 * height as u32), "PNG at 2×");
    assert!(png.len() > 20_000, "the PNG has a drawing in it ({} bytes)", png.len());

    // The whole release: a ZIP whose files match the manifest's SHA-256.
    click(&client, ".district-section .download-release").await;
    let zip_name = format!("kunshan-ai-plan_{version}.zip");
    downloaded(&downloads, &zip_name).await;
    let check = r#"
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); root = sys.argv[2]
assert z.testzip() is None
manifest = json.loads(z.read(root + '/manifest.json'))
for f in manifest['files']:
    data = z.read(root + '/' + f['path'])
    assert hashlib.sha256(data).hexdigest() == f['sha256'], f['path']
    assert len(data) == f['bytes'], f['path']
print(len(manifest['files']))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", check])
        .arg(downloads.join(&zip_name))
        .arg(format!("kunshan-ai-plan_{version}"))
        .output()
        .expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let count: usize = String::from_utf8_lossy(&out.stdout).trim().parse().expect("count");
    assert!(count >= 5, "every data file of the release is in the ZIP");

    // Cite: GB/T 7714 and APA with the pinned URL, the release and today's date.
    click(&client, ".district-section .cite-tool summary").await;
    let gbt = value_of(&client, ".district-section .cite-gbt textarea").await;
    let apa = value_of(&client, ".district-section .cite-apa textarea").await;
    let today = client
        .execute(
            "const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');",
            vec![],
        )
        .await
        .expect("date");
    let today = today.as_str().expect("date");
    let url = format!("{}en/indicator/{INDICATOR}/?release={version}", server.url);
    assert!(gbt.contains("[DS/OL]") && gbt.contains(&format!("[{today}]")), "{gbt}");
    assert!(gbt.ends_with(&url), "{gbt}");
    assert!(apa.contains(&format!("(Version {version})")) && apa.contains(&url), "{apa}");
    assert!(apa.contains("Retrieved "), "{apa}");
    // The copy button copies, or selects the text and says how to copy it.
    click(&client, ".district-section .cite-apa button").await;
    let status = wait_for_js(
        &client,
        "const s = document.querySelector('.district-section .cite-apa .copy-status'); return (s && s.textContent) || null",
        "the copy status",
    )
    .await;
    assert!(
        status.as_str().is_some_and(|s| s.contains("Copied") || s.contains("Ctrl+C")),
        "{status}"
    );
    save_screenshot(&client, "figure-tools-en.png").await;
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
}

/// An embed of a thing the data does not have says which kind of thing was
/// not found (a task, a department, a district, an indicator), in both
/// languages, and names the id from the link; nothing else is drawn.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_embed_of_an_unknown_thing_says_which_kind_was_not_found() {
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(800, 600).await;
    let cases = [
        ("task/no-such-task/districts", "Not found: task", "未找到该任务"),
        ("department/no-such-department/tasks", "Not found: department", "未找到该部门"),
        ("district/no-such-district/tasks", "Not found: district", "未找到该区镇"),
        ("district/no-such-district/trend", "Not found: district", "未找到该区镇"),
        ("indicator/no-such-indicator/trend", "Not found: indicator", "未找到该指标"),
    ];
    for (path, en, zh) in cases {
        for (lang, heading) in [("en", en), ("zh", zh)] {
            // A fresh load each time: a fragment change alone would leave the
            // last panel on screen for a moment.
            client.goto("about:blank").await.expect("blank");
            portal_harness::open(&client, &format!("{}{lang}/embed/{path}/", server.url)).await;
            let shown = wait_for_js(
                &client,
                "const h = document.querySelector('#main .error-panel h1'); \
                 return h ? [h.textContent, document.querySelector('#main .error-panel').textContent] : null;",
                "the not-found panel",
            )
            .await;
            let title = shown[0].as_str().unwrap_or_default().trim().to_owned();
            assert_eq!(title, heading, "{lang} embed of {path}");
            let id = path.split('/').nth(1).unwrap_or_default();
            assert!(
                shown[1].as_str().unwrap_or_default().contains(id),
                "{lang} embed of {path} names the id: {shown}"
            );
            let charts: Value = client
                .execute("return document.querySelectorAll('.chart').length", vec![])
                .await
                .expect("count charts");
            assert_eq!(charts, json!(0), "{lang} embed of {path} draws no chart");
        }
    }
    // The host answers 404 for a page it does not have (its own "not found"
    // page, 404.html, comes with it): the browser logs that, and nothing else.
    let errors: Vec<String> = console_errors(&client)
        .await
        .into_iter()
        .filter(|e| !e.contains("status of 404"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revised_value_is_marked_in_the_chart_its_table_and_the_csv() {
    let dist = dist_dir();
    let (_, progress) = model(&dist.join("data"));
    // The sample's June figure of AI enterprises was revised in September.
    let id = "ai-enterprises";
    let revised = progress
        .observations
        .iter()
        .find(|o| o.indicator == id && o.district.is_none() && o.revision.is_some())
        .expect("a revised figure in the sample");
    let revision = revised.revision.as_ref().expect("revision");
    let note = format!("revised: was {} (revised {})", revision.replaced, revision.revised_on);
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    let downloads = tempdir("downloads-flags");
    portal_harness::open(&client, &format!("{}en/indicator/{id}/", server.url)).await;
    cdp(
        &client,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads.to_str().expect("utf-8") }),
    )
    .await;

    // The chart: a "Revised" marker at that date only, on the value.
    let state = wait_for_js(&client, crate::indicator::TREND, "the trend chart").await;
    let dates: Vec<&str> =
        state["dates"].as_array().expect("dates").iter().filter_map(Value::as_str).collect();
    let at = dates.iter().position(|d| *d == revised.as_of).expect("the revised date is drawn");
    let series = state["series"].as_array().expect("series");
    let marker = series
        .iter()
        .find(|s| s["name"] == "Revised")
        .unwrap_or_else(|| panic!("a Revised series: {series:?}"));
    let marked: Vec<Option<f64>> =
        marker["data"].as_array().expect("data").iter().map(Value::as_f64).collect();
    let mut only = vec![None; dates.len()];
    only[at] = Some(revised.value);
    assert_eq!(marked, only, "marked at {} alone", revised.as_of);

    // The table beside it says what the figure replaced.
    let rows = client.find_all(Locator::Css(".trend-section tbody tr")).await.expect("rows");
    let row = rows[at].text().await.expect("text");
    assert!(row.contains(&revised.as_of) && row.contains(&note), "{row}");

    // The CSV carries the same note in its own column.
    wait_for_js(&client, "return document.querySelector('.trend-section .download-tool')", "tools")
        .await;
    click(&client, ".trend-section .download-tool summary").await;
    click(&client, ".trend-section .download-csv").await;
    let stem = format!("kunshan-ai-plan_{id}_trend_{}", progress.release.as_of);
    let csv =
        String::from_utf8(downloaded(&downloads, &format!("{stem}.csv")).await).expect("utf-8");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[0].ends_with(",Note"), "{}", lines[0]);
    let line = lines.iter().find(|l| l.starts_with(&revised.as_of)).expect("the revised row");
    let fields: Vec<&str> = line.split(',').collect();
    assert_eq!(fields[1].parse::<f64>().ok(), Some(revised.value), "{line}");
    assert!(fields[3..].join(",").contains(&note), "{line}");
    save_screenshot(&client, "indicator-flags-1280.png").await;
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
}
