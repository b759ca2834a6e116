//! Installable and offline (issue 32): each page links its language's app
//! manifest; once a reader has opened the portal, the service worker keeps
//! the pages they open and the release's data, per release; with the host
//! gone (the server refuses every connection, as an offline device sees it)
//! a visited page reloads from the copy and says plainly that it is the copy
//! and of which release, its data still reads, a page never visited says
//! that it was not kept, and back online nothing says offline.

use fantoccini::Client;
use plan_model::Lang;
use portal_harness::{
    Driver, Fault, Faults, StaticServer, dist_dir, wait_for_js, wait_for_js_within,
};
use portal_view::url::Route;
use serde_json::{Value, json};

use crate::model::model;

/// What the worker keeps, as `<store> <address>` lines (the Cache API is
/// asynchronous: the first call starts the reading, a later one returns it).
const KEPT: &str = r#"
    if (!window.keptReading) {
        window.keptReading = true;
        (async () => {
            const out = [];
            for (const name of await caches.keys()) {
                const store = await caches.open(name);
                for (const request of await store.keys()) out.push(name + ' ' + request.url);
            }
            window.kept = out;
            window.keptReading = false;
        })();
    }
    return window.kept || null;
"#;

async fn kept(client: &Client, wanted: &[String]) -> Vec<String> {
    let script = format!(
        "const k = (() => {{ {KEPT} }})(); window.kept = null; return k && {} .every(w => k.some(l => l.endsWith(w))) ? k : null;",
        serde_json::to_string(wanted).expect("json")
    );
    let found = wait_for_js_within(
        client,
        &script,
        "the worker keeping the page and its data",
        std::time::Duration::from_secs(40),
    )
    .await;
    serde_json::from_value(found).expect("lines")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visited_page_reloads_offline_and_says_it_is_the_kept_copy() {
    let (plan, progress) = model(&dist_dir().join("data"));
    let release = progress.release.version.clone();
    let faults = Faults::default();
    let server = StaticServer::start_with_faults(&dist_dir(), faults.clone());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    portal_harness::emulate_phone(&client, 412, 823).await;

    // The first page: the worker is registered once it has loaded.
    client.goto(&format!("{}zh/", server.url)).await.expect("open");
    let manifest = wait_for_js(
        &client,
        "const l = document.querySelector('link[rel=manifest]'); return l && l.href;",
        "the manifest link",
    )
    .await;
    assert_eq!(manifest, format!("{}zh/manifest.webmanifest", server.url));
    wait_for_js(
        &client,
        "if (!window.swSeen) navigator.serviceWorker.ready.then(r => { window.swSeen = !!r.active; }); return window.swSeen || null;",
        "the service worker",
    )
    .await;
    // The manifest is one a browser installs from: its name, start, scope and icon.
    let text =
        std::fs::read_to_string(dist_dir().join("zh/manifest.webmanifest")).expect("manifest");
    let app: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(app["start_url"], "./");
    assert_eq!(app["scope"], "../");
    assert_eq!(app["display"], "standalone");
    assert!(dist_dir().join("favicon.svg").is_file(), "its icon: {app}");
    // And the PNGs a system asks for, each the size it says.
    let icons = app["icons"].as_array().expect("icons");
    for size in [192u32, 512] {
        let icon = icons.iter().find(|i| i["sizes"] == format!("{size}x{size}")).expect("listed");
        let file = icon["src"].as_str().expect("src").trim_start_matches("../");
        let png = std::fs::read(dist_dir().join(file)).expect("drawn");
        assert_eq!(&png[1..4], b"PNG", "{file}");
        let width = u32::from_be_bytes(png[16..20].try_into().expect("IHDR"));
        let height = u32::from_be_bytes(png[20..24].try_into().expect("IHDR"));
        assert_eq!((width, height), (size, size), "{file}");
    }

    // A page opened with the worker in place: kept, with the release's data.
    let district = &plan.districts[3];
    let page = Route::District(district.id.clone()).href(Lang::Zh);
    client.goto(&format!("{}{page}", server.url)).await.expect("open");
    let controlled: Value = client
        .execute("return !!navigator.serviceWorker.controller", vec![])
        .await
        .expect("controller");
    assert_eq!(controlled, true, "the second page is the worker's");
    // Chromium's own verdict: the page can be installed, its manifest read
    // with no error.
    let verdict =
        portal_harness::cdp_value(&client, "Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(verdict["installabilityErrors"], json!([]), "{verdict}");
    let read = portal_harness::cdp_value(&client, "Page.getAppManifest", json!({})).await;
    assert_eq!(read["errors"], json!([]), "{read}");
    let lines =
        kept(&client, &[page.clone(), "data/progress.json".into(), "data/plan.json".into()]).await;
    let store = format!("kunshan-{release}");
    assert!(
        lines.iter().all(|l| l.starts_with(&format!("{store} "))),
        "one store, the release's: {lines:?}"
    );

    // The host is gone: the page reloads from its copy and says so.
    faults.set(Faults::EVERY, Fault::Refuse, usize::MAX);
    client.refresh().await.expect("reload");
    let shown = wait_for_js(
        &client,
        r#"
            const note = document.querySelector('.offline-banner');
            const h1 = document.querySelector('main h1');
            if (!note || !h1) return null;
            return { note: note.textContent, role: note.getAttribute('role'), h1: h1.textContent,
                     top: note.getBoundingClientRect().top,
                     copy: document.documentElement.hasAttribute('data-offline-copy'),
                     rows: document.querySelectorAll('.district-indicators tbody tr').length };
        "#,
        "the kept copy",
    )
    .await;
    assert_eq!(shown["copy"], true, "{shown}");
    assert_eq!(shown["h1"], district.name.zh.as_str(), "{shown}");
    assert_eq!(shown["role"], "status", "{shown}");
    assert_eq!(shown["top"].as_f64(), Some(0.0), "the first thing on the screen: {shown}");
    let note = shown["note"].as_str().unwrap_or_default();
    assert!(note.contains("离线") && note.contains(&release), "{note}");
    assert!(shown["rows"].as_u64() > Some(0), "the page whole: {shown}");
    // Its data reads offline too.
    let data = wait_for_js(
        &client,
        "if (!window.dataRead) fetch('data/progress.json').then(r => r.json()).then(d => { window.dataRead = d.release.version; }, e => { window.dataRead = 'failed: ' + e; }); return window.dataRead || null;",
        "the data offline",
    )
    .await;
    assert_eq!(data, release.as_str());

    // A page never opened: said in words, with the way back.
    let unseen = Route::Task(plan.tasks[0].id.clone()).href(Lang::Zh);
    client.goto(&format!("{}{unseen}", server.url)).await.expect("open");
    let said = wait_for_js(
        &client,
        "const h = document.querySelector('h1'); return h && { h1: h.textContent, home: !!document.querySelector('a[href]') };",
        "the page not kept",
    )
    .await;
    assert_eq!(said["h1"], "离线：此页没有保存的副本", "{said}");
    assert_eq!(said["home"], true, "{said}");

    // Back online: the page as served, nothing said of a copy.
    faults.clear();
    client.goto(&format!("{}{page}", server.url)).await.expect("open");
    let online = wait_for_js(
        &client,
        "return document.querySelector('main h1') ? { copy: document.documentElement.hasAttribute('data-offline-copy'), note: !!document.querySelector('.offline-banner') } : null;",
        "the page online",
    )
    .await;
    assert_eq!(online["copy"], false, "{online}");
    assert_eq!(online["note"], false, "{online}");
}
