//! The portal against a fault-injecting static server: every way the network
//! or a published file can go wrong gives a clear message that names the file
//! and the problem, in the reader's language, with a retry that then works;
//! the parts that do not need the broken file keep working. Also: the manifest
//! integrity line ("verified" / a visible warning for a tampered file).
use std::time::Duration;

use fantoccini::{Client, Locator};
use portal_harness::{
    Driver, Fault, Faults, StaticServer, console_errors, dist_dir, wait_for_js, wait_for_js_within,
};
use serde_json::{Value, json};

const PROGRESS: &str = "/data/progress.json";

/// The error panel's message, once one is shown.
const ERROR: &str = r#"
    const e = document.querySelector('main .error-panel .error-message');
    return e && e.textContent;
"#;

/// True once the overview's progress charts are drawn and no error is shown.
const PROGRESS_DRAWN: &str = r#"
    if (document.querySelector('main .error-panel')) return null;
    const el = document.querySelector('.goal-progress .chart');
    if (el && !el.querySelector('canvas, svg')) { el.scrollIntoView({ block: 'center' }); el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); }
    return !!(el && el.querySelector('canvas, svg')) || null;
"#;

/// The parts drawn from the plan alone.
const PLAN_PARTS: &str = r#"
    const el = document.querySelector('.goal-targets .chart');
    // Charts are pictures until reached for: go to it and point, as a reader would.
    if (el && !el.querySelector('canvas, svg')) { el.scrollIntoView({ block: 'center' }); el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); }
    return !!(document.querySelector('h1.plan-title') && el && el.querySelector('canvas, svg')) || null;
"#;

fn bundled_progress() -> Value {
    let text = std::fs::read_to_string(dist_dir().join("data/progress.json")).expect("progress");
    serde_json::from_str(&text).expect("json")
}

fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut doc = bundled_progress();
    edit(&mut doc);
    serde_json::to_string(&doc).expect("json")
}

/// The app's wasm file in `dist/` (its name is hashed).
fn wasm_file(dist: &std::path::Path) -> String {
    std::fs::read_dir(dist)
        .expect("dist")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with("_bg.wasm"))
        .expect("the wasm file")
}

async fn open(client: &Client, url: &str) {
    client.goto("about:blank").await.expect("blank");
    portal_harness::open(client, url).await;
}

/// Opens the overview with `fault` on the progress file once; checks the
/// message, that the plan's parts still work, and that retry then renders.
async fn fails_then_recovers(
    client: &Client,
    server: &StaticServer,
    faults: &Faults,
    lang: &str,
    fault: Fault,
    expected: &[&str],
) {
    faults.set(PROGRESS, fault.clone(), 1);
    let mut fault = format!("{fault:?}");
    fault.truncate(120);
    open(client, &format!("{}{lang}/", server.url)).await;
    // The app gives up on a silent server after 15 s; allow for that.
    let patience = Duration::from_secs(30);
    let message =
        wait_for_js_within(client, ERROR, &format!("an error for {fault}"), patience).await;
    let message = message.as_str().expect("text");
    assert!(message.contains("data/progress.json"), "names the file: {message}");
    for part in expected {
        assert!(message.contains(part), "{fault}: says {part:?}: {message}");
    }
    wait_for_js(client, PLAN_PARTS, "the plan's own parts beside the error").await;
    client
        .find(Locator::Css("main .error-panel button"))
        .await
        .expect("a retry button")
        .click()
        .await
        .expect("retry");
    wait_for_js(client, PROGRESS_DRAWN, &format!("the page after retrying {fault}")).await;
    // The only console errors allowed are the failed request's own.
    for e in console_errors(client).await {
        assert!(e.contains("progress.json"), "unexpected console error: {e}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn network_faults_and_bad_files_give_clear_errors_and_retry_works() {
    let faults = Faults::default();
    let server = StaticServer::start_with_faults(&dist_dir(), faults.clone());
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;

    // Network and server faults.
    let cases: Vec<(Fault, Vec<&str>)> = vec![
        (Fault::Status(404), vec!["HTTP 404"]),
        (Fault::Status(500), vec!["HTTP 500"]),
        (Fault::Truncate, vec!["network error"]),
        (
            Fault::Replace(
                "text/html; charset=utf-8",
                "<!doctype html><h1>Page not found</h1>".into(),
            ),
            vec!["not JSON", "text/html"],
        ),
        (Fault::Hang, vec!["no answer from the server within 15 seconds"]),
    ];
    for (fault, expected) in cases {
        fails_then_recovers(&client, &server, &faults, "en", fault, &expected).await;
    }

    // Files that arrive but are wrong.
    let json = "application/json";
    let text = std::fs::read_to_string(dist_dir().join("data/progress.json")).expect("progress");
    let cases: Vec<(String, Vec<&str>)> = vec![
        ("this is not JSON".into(), vec!["not valid JSON", "line 1"]),
        (text[..text.len() / 2].to_owned(), vec!["not valid JSON"]),
        (edited(|d| d["schema_version"] = json!(99)), vec!["schema_version", "99"]),
        (edited(|d| d["release"]["surprise"] = json!(1)), vec!["surprise"]),
        (edited(|d| d["observations"][0]["value"] = json!("12")), vec!["observations[0].value"]),
        (
            edited(|d| d["observations"][0]["indicator"] = json!("no-such-indicator")),
            vec!["observations[0].indicator", "no-such-indicator"],
        ),
        (edited(|d| d["observations"][0]["value"] = json!(1e300)), vec!["implausibly large"]),
        (
            edited(|d| {
                // A running total (the number of AI enterprises) cannot be negative.
                let list = d["observations"].as_array_mut().expect("array");
                let o = list.iter_mut().find(|o| o["indicator"] == "ai-enterprises").expect("one");
                o["value"] = json!(-5);
            }),
            vec!["negative"],
        ),
        (
            edited(|d| {
                let first = d["observations"][0].clone();
                d["observations"].as_array_mut().expect("array").push(first);
            }),
            vec!["observations["],
        ),
    ];
    for (body, expected) in cases {
        fails_then_recovers(&client, &server, &faults, "en", Fault::Replace(json, body), &expected)
            .await;
    }
    // In Chinese, in Chinese.
    fails_then_recovers(
        &client,
        &server,
        &faults,
        "zh",
        Fault::Status(503),
        &["无法下载数据文件", "HTTP 503"],
    )
    .await;
    fails_then_recovers(
        &client,
        &server,
        &faults,
        "zh",
        Fault::Replace(json, "{".into()),
        &["不是有效的 JSON"],
    )
    .await;

    // A slow answer: the rendered page shows meanwhile (no skeleton, no
    // error), then the app takes its place.
    faults.set(PROGRESS, Fault::Delay(Duration::from_secs(3)), 1);
    client.goto("about:blank").await.expect("blank");
    client.goto(&format!("{}en/", server.url)).await.expect("open");
    let waiting = wait_for_js(
        &client,
        "const p = document.getElementById('page');
         return p && p.querySelector('.goal-progress table tbody tr')
           ? { waiting: !!(p.querySelector('.skeleton, .error-panel') || document.querySelector('#app:not([hidden])')) }
           : null",
        "the rendered page while the figures come",
    )
    .await;
    assert_eq!(
        waiting["waiting"],
        json!(false),
        "no skeleton, no error and no half-made app while it waits"
    );
    portal_harness::wait_for_app(&client, "the app after a slow answer").await;
    wait_for_js(&client, PROGRESS_DRAWN, "the page after a slow answer").await;

    // Empty observations and the longest note the data may hold (4,000
    // characters with no space to break at): the page works, nothing scrolls
    // sideways.
    let long = "长".repeat(plan_model::validate::MAX_TEXT_CHARS);
    let body = edited(|d| {
        d["observations"] = json!([]);
        d["release"]["changelog"][0]["notes"]["en"] = json!(long);
    });
    faults.set(PROGRESS, Fault::Replace(json, body), 1);
    open(&client, &format!("{}en/", server.url)).await;
    wait_for_js(&client, PROGRESS_DRAWN, "the page with no observations").await;
    let wide = client
        .execute("return document.documentElement.scrollWidth > window.innerWidth + 1", vec![])
        .await
        .expect("width");
    assert_eq!(wide, json!(false), "a long note does not push the page sideways");

    // A 5 MB note is more than any page shows: refused, at its place.
    let huge = "长".repeat(5 * 1024 * 1024 / 3);
    let body = edited(|d| d["release"]["changelog"][0]["notes"]["en"] = json!(huge));
    faults.set(PROGRESS, Fault::Replace(json, body), 1);
    open(&client, &format!("{}en/", server.url)).await;
    let message = wait_for_js(&client, ERROR, "the error for a 5 MB note").await;
    assert!(
        message
            .as_str()
            .is_some_and(|m| m.contains("release.changelog[0].notes.en") && m.contains("too long")),
        "{message}"
    );

    // The plan file failing: the header still works, retry brings the page.
    faults.set("/data/plan.json", Fault::Status(500), 1);
    open(&client, &format!("{}en/", server.url)).await;
    let message = wait_for_js(&client, ERROR, "the plan error").await;
    assert!(
        message.as_str().is_some_and(|m| m.contains("data/plan.json") && m.contains("HTTP 500")),
        "{message}"
    );
    client.find(Locator::Css(".site-nav a")).await.expect("the navigation is still there");
    client
        .find(Locator::Css("main .error-panel button"))
        .await
        .expect("retry")
        .click()
        .await
        .expect("click");
    wait_for_js(&client, PLAN_PARTS, "the plan after retrying").await;
    client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_are_checked_against_the_release_manifest() {
    let faults = Faults::default();
    let server = StaticServer::start_with_faults(&dist_dir(), faults.clone());
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dist_dir().join("data/manifest.json")).expect("manifest"),
    )
    .expect("json");
    let hash = |file: &str| -> String {
        manifest["files"].as_array().expect("files").iter().find(|f| f["path"] == file).expect(file)
            ["sha256"]
            .as_str()
            .expect("sha")
            .to_owned()
    };

    open(&client, &format!("{}en/", server.url)).await;
    // The settled line: it reads "Checking…" while the files are hashed.
    let line = wait_for_js(
        &client,
        "const e = document.querySelector('.integrity:not(.integrity-pending)'); return e && e.textContent",
        "the integrity line",
    )
    .await;
    let line = line.as_str().expect("text");
    assert!(line.contains("Verified"), "{line}");
    assert!(
        line.contains(&hash("progress.json")[..12]) && line.contains(&hash("plan.json")[..12]),
        "{line}"
    );

    // One figure changed after publication: still valid, but not the published file.
    let tampered = edited(|d| {
        let v = d["observations"][0]["value"].as_f64().expect("number");
        d["observations"][0]["value"] = json!(v + 1.0);
    });
    faults.set(PROGRESS, Fault::Replace("application/json", tampered), usize::MAX);
    open(&client, &format!("{}en/", server.url)).await;
    wait_for_js(&client, PROGRESS_DRAWN, "the page with a tampered file").await;
    let warning = wait_for_js(
        &client,
        "const e = document.querySelector('.integrity-warning'); return e && e.textContent",
        "the integrity warning",
    )
    .await;
    let warning = warning.as_str().expect("text");
    assert!(warning.contains("Not verified") && warning.contains("progress.json"), "{warning}");
    assert!(warning.contains(&hash("progress.json")[..12]), "names the expected hash: {warning}");
    let role = client
        .find(Locator::Css(".integrity-warning"))
        .await
        .expect("warning")
        .attr("role")
        .await
        .expect("attr");
    assert_eq!(role.as_deref(), Some("alert"));
    client.close().await.expect("close");
}

/// While the code is on its way (held back 3 s here), the page already shows
/// the site's name, the plan's title in the link's language and a loading line;
/// the app replaces it; an embed shows none of it.
/// ECharts does not arrive (blocked, missing, or altered so its integrity
/// check fails): the page still shows its text and tables, and each chart
/// says why it is missing and where the numbers are.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_chart_library_each_chart_points_to_its_table() {
    let dist = dist_dir();
    let echarts = std::fs::read_dir(&dist)
        .expect("dist")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("echarts-") && n.ends_with(".js"))
        .expect("the ECharts file");
    let faults = Faults::default();
    let server = StaticServer::start_with_faults(&dist, faults.clone());
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    for (fault, what) in [
        (Fault::Status(404), "missing"),
        (Fault::Replace("text/javascript", "window.echarts = 'altered';".into()), "altered"),
    ] {
        faults.set(&format!("/{echarts}"), fault, 1);
        open(&client, &format!("{}en/", server.url)).await;
        let shown = wait_for_js(
            &client,
            r#"const card = document.querySelector('.goal-progress');
               // The library loads when a reader reaches for a chart: reach for this one.
               card?.scrollIntoView({ block: 'center' });
               card?.querySelector('.chart')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
               const error = card && card.querySelector('.chart-error');
               const rows = card ? card.querySelectorAll('table tbody tr').length : 0;
               return error && rows ? { error: error.textContent, role: error.getAttribute('role'),
                   rows, title: document.querySelector('#main h1.plan-title')?.textContent } : null;"#,
            &format!("the chart's message with the library {what}"),
        )
        .await;
        let error = shown["error"].as_str().expect("message");
        assert!(error.contains("the chart library did not load"), "{what}: {error}");
        assert!(error.contains("table"), "points to the table: {error}");
        assert_eq!(shown["role"], "alert");
        assert!(shown["rows"].as_u64().expect("rows") >= 6, "the table has the numbers");
        assert!(shown["title"].is_string(), "the page itself is there");
    }
    client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rendered_page_is_whole_until_the_code_arrives_and_nothing_moves_when_it_does() {
    let dist = dist_dir();
    let wasm = wasm_file(&dist);
    let plan: plan_model::PlanDocument = serde_json::from_str(
        &std::fs::read_to_string(dist.join("data/plan.json")).expect("plan.json"),
    )
    .expect("plan");
    let faults = Faults::default();
    let server = StaticServer::start_with_faults(&dist, faults.clone());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    // The page as rendered into the HTML, while the app's code is on its way.
    const RENDERED: &str = r#"
        const page = document.getElementById('page');
        const h1 = page && page.querySelector('main h1');
        if (!h1) return null;
        return { title: h1.textContent, top: h1.getBoundingClientRect().top,
                 rows: page.querySelectorAll('table tbody tr').length,
                 sample: !!page.querySelector('.sample-notice'),
                 lang: document.documentElement.lang,
                 app_shown: !!document.querySelector('#app:not([hidden])') };
    "#;

    faults.set(&format!("/{wasm}"), Fault::Delay(Duration::from_secs(3)), 1);
    client.goto("about:blank").await.expect("blank");
    client.goto(&format!("{}en/", server.url)).await.expect("open");
    let rendered = wait_for_js(&client, RENDERED, "the rendered page").await;
    assert_eq!(rendered["title"], plan.plan.title.en, "the English title");
    assert_eq!(rendered["lang"], "en");
    assert!(rendered["rows"].as_u64() > Some(20), "its tables, with rows: {rendered}");
    assert_eq!(rendered["sample"], true, "the sample notice");
    assert_eq!(rendered["app_shown"], false, "the app has not started yet");
    portal_harness::wait_for_app(&client, "the overview").await;
    let now = client
        .execute(
            "const h = document.querySelector('#main h1.plan-title');
             return { title: h.textContent, top: h.getBoundingClientRect().top }",
            vec![],
        )
        .await
        .expect("the app's title");
    assert_eq!(now["title"], plan.plan.title.en);
    assert_eq!(now["top"], rendered["top"], "the title has not moved");

    faults.set(&format!("/{wasm}"), Fault::Delay(Duration::from_secs(3)), 1);
    client.goto("about:blank").await.expect("blank");
    client.goto(&format!("{}zh/embed/district-heatmap/", server.url)).await.expect("open");
    let table = wait_for_js(
        &client,
        "const p = document.getElementById('page');
         return p && p.querySelectorAll('.embed table tbody tr').length || null",
        "the embed's table before the code",
    )
    .await;
    assert_eq!(table.as_u64(), Some(plan.districts.len() as u64), "a row per district");
    // The chart is a picture in the page: it waits for no code.
    wait_for_js(
        &client,
        "return document.querySelector('#page .embed .chart-picture > svg rect') && !document.querySelector('#app:not([hidden])') ? true : null",
        "the embed's chart before the code",
    )
    .await;
    portal_harness::wait_for_app(&client, "the embed").await;
    wait_for_js(
        &client,
        "const el = document.querySelector('#app .embed .chart');
         el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
         return el && el.querySelector('canvas') ? true : null",
        "the embed's chart drawn by the app once reached for",
    )
    .await;
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
}

/// A browser that cannot run the app (here: its code does not arrive) keeps
/// the whole page, with a quiet note, and its charts (ECharts alone).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_app_the_page_stays_whole_with_a_quiet_note() {
    let dist = dist_dir();
    let wasm = wasm_file(&dist);
    let faults = Faults::default();
    let server = StaticServer::start_with_faults(&dist, faults.clone());
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    faults.set(&format!("/{wasm}"), Fault::Status(404), 1);
    client.goto(&format!("{}en/indicator/ai-invention-patents/", server.url)).await.expect("open");
    // A reader's first use of a control asks for the app.
    client.execute("window.kunshanStartApp()", vec![]).await.expect("start");
    let state = wait_for_js(
        &client,
        "const note = document.querySelector('#page .app-unavailable');
         return note ? { note: note.textContent, h1: document.querySelector('#page h1').textContent,
                         rows: document.querySelectorAll('#page table tbody tr').length,
                         alert: !!document.querySelector('.boot-error'),
                         chart: !!document.querySelector('#page .trend-section .chart canvas') } : null",
        "the quiet note",
    )
    .await;
    assert!(state["note"].as_str().unwrap_or_default().contains("unavailable"), "{state}");
    assert_eq!(state["h1"], "AI invention patents", "the page is still there");
    assert!(state["rows"].as_u64() > Some(5), "with its tables: {state}");
    assert_eq!(state["alert"], false, "no alarm: the page is whole");
    wait_for_js(
        &client,
        "const el = document.querySelector('#page .trend-section .chart');
         el.scrollIntoView({ block: 'center' }); el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
         return el.querySelector('canvas') ? true : null",
        "its chart, drawn by ECharts alone",
    )
    .await;
    client.close().await.expect("close");
}
