//! Every name and note in the data replaced by markup and script payloads,
//! and the site's pages rendered from it: the pages (as rendered, with and
//! without scripts, and once the app has taken over) show them as text, run
//! nothing, keep their layout, and a `javascript:` address in the data never
//! becomes a link; the head's title and descriptions are text too.
use std::path::PathBuf;

use fantoccini::Locator;
use portal_harness::{
    Driver, StaticServer, console_errors, copy_dir, dist_dir, tempdir, wait_for_js,
};
use serde_json::Value;

const PAYLOADS: [&str; 4] = [
    r#"<img src=x onerror="window.__xss=(window.__xss||0)+1">"#,
    r#""><script>window.__xss=1</script>"#,
    "{a|rich}{b|text} <b>bold</b> &amp;",
    "javascript:window.__xss=1",
];

/// Replaces every `zh`/`en` text (names, notes) under `value` with payloads.
fn poison(value: &mut Value, counter: &mut usize) {
    match value {
        Value::Object(map) => {
            let bilingual = map.contains_key("zh") && map.contains_key("en") && map.len() == 2;
            for (key, v) in map.iter_mut() {
                if bilingual {
                    *v = Value::from(format!(
                        "{} {key}{counter}",
                        PAYLOADS[*counter % PAYLOADS.len()]
                    ));
                    *counter += 1;
                } else if key == "source" && v.is_string() {
                    *v = Value::from(PAYLOADS[0]);
                } else {
                    poison(v, counter);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| poison(v, counter)),
        _ => {}
    }
}

fn poisoned_site() -> PathBuf {
    let site = tempdir("payloads");
    copy_dir(&dist_dir(), &site);
    let mut counter = 0;
    for file in ["plan.json", "progress.json"] {
        let path = site.join("data").join(file);
        let mut doc: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        poison(&mut doc, &mut counter);
        if file == "plan.json" {
            doc["plan"]["licence"]["url"] = Value::from("javascript:window.__xss=1");
        }
        std::fs::write(&path, serde_json::to_string_pretty(&doc).expect("json")).expect("write");
    }
    // Published as staff would: every page rendered from the poisoned data.
    if let Err(error) = portal_site::publish::publish(&site, Some("http://127.0.0.1/")) {
        panic!("{}", error.message(plan_model::Lang::En));
    }
    site
}

/// Each page kind in a language, and the name its heading shows as typed.
fn pages(plan: &Value, lang: &str) -> Vec<(String, Option<String>)> {
    let id = |list: &str| plan[list][0]["id"].as_str().expect("id").to_owned();
    let name = plan["indicators"][0]["name"][lang].as_str().expect("name").to_owned();
    vec![
        (format!("{lang}/"), None),
        (format!("{lang}/indicator/{}/", id("indicators")), Some(name)),
        (format!("{lang}/task/{}/", id("tasks")), None),
        (format!("{lang}/district/{}/", id("districts")), None),
        (format!("{lang}/department/{}/", id("departments")), None),
        (format!("{lang}/data/",), None),
        (format!("{lang}/embed/district-heatmap/"), None),
        (format!("{lang}/embed/goal-progress/"), None),
    ]
}

/// The rendered page (before the app, or without scripts) and its head.
const RENDERED: &str = r#"
    const page = document.getElementById('page');
    return {
        page: !!page,
        xss: window.__xss === undefined ? null : window.__xss,
        injected_images: document.querySelectorAll('img[src="x"]').length,
        injected_scripts: [...document.scripts].filter(s => s.textContent.includes('__xss') && !['application/json', 'application/ld+json'].includes(s.type)).length,
        data_blocks_whole: [...document.querySelectorAll('script[type="application/ld+json"]')].every(s => { try { JSON.parse(s.textContent); return true; } catch (e) { return false; } }),
        head_elements: document.head.querySelectorAll('img, b').length,
        bold: page ? page.querySelectorAll('b').length : -1,
        h1: document.querySelector('h1')?.textContent ?? null,
        title: document.title,
        js_links: [...document.querySelectorAll('a[href]')]
            .filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
    };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markup_in_the_data_is_text_in_the_rendered_pages_and_their_heads() {
    let site = poisoned_site();
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("data/plan.json")).expect("plan"))
            .expect("json");
    let server = StaticServer::start(&site);
    let driver = Driver::start();
    for scripts in [false, true] {
        let client = if scripts {
            driver.browser(1280, 900).await
        } else {
            driver.browser_without_scripts(1280, 900).await
        };
        for lang in ["zh", "en"] {
            for (path, heading) in pages(&plan, lang) {
                client.goto("about:blank").await.expect("blank");
                client.goto(&format!("{}{path}", server.url)).await.expect("open");
                let what = format!("{path} (scripts {})", if scripts { "on" } else { "off" });
                // The loader draws the first screen's charts from the poisoned
                // options; give it the time a reader would.
                tokio::time::sleep(std::time::Duration::from_millis(if scripts { 700 } else { 0 }))
                    .await;
                let seen = client.execute(RENDERED, vec![]).await.expect("inspect");
                assert_eq!(seen["page"], true, "{what}: still the rendered page: {seen}");
                assert_eq!(seen["xss"], Value::Null, "{what}: a payload ran");
                assert_eq!(seen["injected_images"], 0, "{what}: markup became elements");
                assert_eq!(seen["injected_scripts"], 0, "{what}: a script element was injected");
                assert_eq!(seen["data_blocks_whole"], true, "{what}: the JSON-LD is whole JSON");
                assert_eq!(seen["head_elements"], 0, "{what}: markup in the head became elements");
                assert_eq!(seen["bold"], 0, "{what}: <b> became an element");
                assert_eq!(seen["js_links"], 0, "{what}: a javascript: link");
                if let Some(name) = &heading {
                    assert_eq!(seen["h1"], Value::from(name.clone()), "{what}: the name as typed");
                    let title = seen["title"].as_str().unwrap_or_default();
                    assert!(
                        title.starts_with(name.as_str()),
                        "{what}: the title is the name as typed: {title}"
                    );
                }
                assert!(client.get_alert_text().await.is_err(), "{what}: an alert opened");
            }
        }
        client.close().await.expect("close");
    }
    let _ = std::fs::remove_dir_all(site);
}

const SETTLED: &str = r#"
    if (document.querySelector('.skeleton, [data-later]')) return null;
    if (!document.querySelector('#main h1')) return null;
    const charts = [...document.querySelectorAll('.chart')];
    // Charts are drawn as they near the screen: go to the next one not yet
    // drawn, as a reader scrolling down would; back to the top once all are.
    const undrawn = charts.find(el => !el.querySelector('canvas, svg'));
    if (undrawn) { undrawn.scrollIntoView({ block: 'center' }); undrawn.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
    window.scrollTo(0, 0);
    return true;
"#;

const INSPECT: &str = r#"
    return {
        xss: window.__xss === undefined ? null : window.__xss,
        injected_images: document.querySelectorAll('img[src="x"]').length,
        injected_scripts: [...document.scripts].filter(s => s.textContent.includes('__xss') && !['application/json', 'application/ld+json'].includes(s.type)).length,
        bold: document.querySelectorAll('#main b').length,
        h1: document.querySelector('#main h1').textContent,
        sideways: document.documentElement.scrollWidth > window.innerWidth,
        js_links: [...document.querySelectorAll('a[href]')]
            .filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
        // ECharts rich-text markup from the data, as the charts were given it:
        // with a zero-width space after the brace (shown as typed) or without.
        rich: [...document.querySelectorAll('.chart')].reduce((acc, el) => {
            const c = window.echarts && echarts.getInstanceByDom(el);
            if (!c) return acc;
            // The aria description becomes an attribute's text, never drawn: left as typed.
            const { aria, ...drawn } = c.getOption();
            const text = JSON.stringify(drawn);
            acc.defused += (text.match(/\{\u200b[ab]\|(rich|text)\}/g) || []).length;
            acc.raw += (text.match(/\{[ab]\|(rich|text)\}/g) || []).length;
            return acc;
        }, { defused: 0, raw: 0 }),
    };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markup_and_scripts_in_the_data_are_shown_as_text_and_never_run() {
    let site = poisoned_site();
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("data/plan.json")).expect("plan"))
            .expect("json");
    let server = StaticServer::start(&site);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    for lang in ["zh", "en"] {
        for (hash, heading) in pages(&plan, lang) {
            client.goto("about:blank").await.expect("blank");
            portal_harness::open(&client, &format!("{}{hash}", server.url)).await;
            wait_for_js(&client, SETTLED, &hash).await;
            let seen = client.execute(INSPECT, vec![]).await.expect("inspect");
            assert_eq!(seen["xss"], Value::Null, "{hash}: a payload ran");
            assert_eq!(seen["injected_images"], 0, "{hash}: markup became elements");
            assert_eq!(seen["injected_scripts"], 0, "{hash}: a script element was injected");
            assert_eq!(seen["bold"], 0, "{hash}: <b> became an element");
            assert_eq!(seen["js_links"], 0, "{hash}: a javascript: link");
            assert_eq!(seen["sideways"], false, "{hash}: the layout broke");
            assert_eq!(seen["rich"]["raw"], 0, "{hash}: rich-text markup reached a chart");
            if hash.ends_with(&format!("{lang}/")) {
                // Names are poisoned in turn; the rich-text payload lands in the English ones.
                if lang == "en" {
                    let defused = seen["rich"]["defused"].as_u64();
                    assert!(defused > Some(0), "{hash}: the test reached a chart with rich text");
                }
            }
            if let Some(name) = heading {
                assert_eq!(seen["h1"], Value::from(name), "{hash}: the name is shown as typed");
            }
            assert!(client.get_alert_text().await.is_err(), "{hash}: an alert opened");
        }
    }
    // The licence name still shows, as text, since its address is not a web one.
    portal_harness::open(&client, &format!("{}en/data/", server.url)).await;
    wait_for_js(&client, SETTLED, "the data page").await;
    let licence = client
        .find(Locator::Css(".data-page #licence-heading + p"))
        .await
        .expect("licence")
        .text()
        .await
        .expect("text");
    let name = plan["plan"]["licence"]["name"].as_str().expect("licence name");
    assert!(licence.contains(name), "{licence}");
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
    let _ = std::fs::remove_dir_all(site);
}
