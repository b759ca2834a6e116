//! Every page fits desktop and phone; printing; charts near the screen; narrower windows.

use super::*;

/// Screenshots of every page type in both languages, on a desktop and a 375 px
/// phone, for people to look at; each is checked for sideways scrolling.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_in_both_languages_fits_desktop_and_phone() {
    let dist = dist_dir();
    let (plan, _) = model(&dist.join("data"));
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    // 360 px is the narrowest common phone; 375 px screenshots are for review.
    for (width, height) in [(1280, 900), (375, 812), (360, 740)] {
        let client = driver.browser(1280, 900).await;
        if width < 500 {
            portal_harness::emulate_phone(&client, width, height).await;
        }
        for lang in [Lang::Zh, Lang::En] {
            for (hash, css, _) in pages(&plan, lang) {
                load(&client, &format!("{}{hash}", server.url)).await;
                text(&client, css).await;
                wait_for_js(&client, PAGE_READY, &format!("{hash} to finish")).await;
                let layout = client
                    .execute(
                        "return [window.innerWidth, document.documentElement.scrollWidth]",
                        vec![],
                    )
                    .await
                    .expect("measure");
                assert_eq!(layout[0], Value::from(width), "{hash} laid out at {width} px");
                assert_eq!(
                    layout[1],
                    Value::from(width),
                    "{hash}: no sideways scrolling at {width} px"
                );
                let page = hash.trim_start_matches("zh/").replace('/', "-");
                let page = page.trim_end_matches('-');
                if width != 360 {
                    portal_harness::save_screenshot(&client, &format!("page-{page}-{width}.png"))
                        .await;
                }
            }
        }
        client.close().await.expect("close");
    }
}

/// Printed, a page keeps its figures and drops the controls.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn printing_keeps_the_figures_and_drops_the_controls() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/district/zhoushi/", server.url)).await;
    wait_for_js(&client, PAGE_READY, "the district page").await;
    const SHOWN: &str = r#"
        const shown = s => { const e = document.querySelector(s);
                             return e !== null && getComputedStyle(e).display !== 'none'; };
        return { controls: shown('.site-controls'), filters: shown('.filter-fold'),
                 table: shown('.district-indicators table'), chart: shown('.chart'),
                 notice: shown('.sample-notice') };
    "#;
    let screen = client.execute(SHOWN, vec![]).await.expect("screen");
    assert_eq!(screen["controls"], true);
    assert_eq!(screen["filters"], true);
    portal_harness::emulate_media(&client, "print").await;
    let print = client.execute(SHOWN, vec![]).await.expect("print");
    assert_eq!(print["controls"], false, "no theme or language controls on paper");
    assert_eq!(print["filters"], false, "no filter selects on paper");
    assert_eq!(print["table"], true);
    assert_eq!(print["chart"], true);
    assert_eq!(print["notice"], true, "the sample notice is printed too");
    let background = client
        .execute("return getComputedStyle(document.body).backgroundColor", vec![])
        .await
        .expect("bg");
    assert_eq!(background, "rgb(255, 255, 255)");
    client.close().await.expect("close");
}

/// Charts well below the first screen wait until the reader comes near them
/// (less work before the page answers); printing draws every one of them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn charts_below_the_screen_wait_for_the_reader_and_for_print() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/", server.url)).await;
    const DRAWN: &str = r#"
        if (!document.querySelector('#main h1.plan-title') || document.querySelector('.skeleton')) return null;
        const charts = [...document.querySelectorAll('.chart')];
        const drawn = charts.map(el => !!el.querySelector('canvas, svg'));
        const top = charts.map(el => Math.round(el.getBoundingClientRect().top));
        // The first chart is on the first screen: wait for it.
        return drawn[0] ? { drawn, top, screen: innerHeight } : null;
    "#;
    let first = wait_for_js(&client, DRAWN, "the first chart").await;
    // Give the page time to draw anything it (wrongly) would draw unasked.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let settled = client.execute(DRAWN, vec![]).await.expect("charts");
    let (drawn, top) =
        (settled["drawn"].as_array().expect("drawn"), settled["top"].as_array().expect("top"));
    assert!(drawn.len() >= 5, "{first}");
    let screen = settled["screen"].as_f64().expect("screen");
    for (d, t) in drawn.iter().zip(top) {
        let t = t.as_f64().expect("top");
        if t > screen * 1.5 {
            assert_eq!(
                d, false,
                "a chart {t} px down (screen {screen}) is drawn before it is near: {settled}"
            );
        }
    }
    assert!(drawn.iter().any(|d| d == false), "some charts wait: {settled}");
    // A real print (Chromium's own printing, as Ctrl+P would): every chart is on paper.
    portal_harness::cdp(&client, "Page.printToPDF", serde_json::json!({})).await;
    let printed = wait_for_js(
        &client,
        "const charts = [...document.querySelectorAll('.chart')];
         return charts.every(el => el.querySelector('canvas, svg')) ? charts.length : null;",
        "every chart drawn for print",
    )
    .await;
    assert_eq!(printed.as_u64(), Some(drawn.len() as u64));
    assert!(console_errors(&client).await.is_empty());
    client.close().await.expect("close");
}

/// On a phone (one column) no page shows a chart on its first screen: the
/// chart library is neither downloaded nor run until the reader comes near a
/// chart, and then the chart is drawn; an embed, which is its chart, loads it
/// at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_loads_the_chart_library_only_near_a_chart() {
    let dist = dist_dir();
    let (plan, _) = model(&dist.join("data"));
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    load(&client, &format!("{}zh/", server.url)).await;
    wait_for_js(
        &client,
        "return document.querySelector('#main h1.plan-title')
             && !document.querySelector('[data-later], .skeleton') ? true : null",
        "the whole overview",
    )
    .await;
    // Time to load anything it (wrongly) would load unasked.
    tokio::time::sleep(Duration::from_millis(800)).await;
    const LIBRARY: &str = r#"
        return { script: !!document.getElementById('echarts-script'),
                 library: typeof window.echarts,
                 fetched: performance.getEntriesByType('resource').some(r => /\/echarts-[^/]*\.js/.test(r.name)),
                 top: Math.round(document.querySelector('.chart').getBoundingClientRect().top),
                 screen: innerHeight, width: innerWidth };
    "#;
    let before = client.execute(LIBRARY, vec![]).await.expect("state");
    assert!(before["width"].as_f64().expect("width") <= 720.0, "a one-column screen: {before}");
    assert!(
        before["top"].as_f64().expect("top") > before["screen"].as_f64().expect("screen") * 1.25,
        "the first chart is below the first screen: {before}"
    );
    assert_eq!(before["script"], false, "{before}");
    assert_eq!(before["fetched"], false, "not downloaded: {before}");
    assert_eq!(before["library"], "undefined", "not run: {before}");

    // Scrolled near the first chart: the library comes and the chart is drawn.
    let categories = wait_for_js(
        &client,
        "const el = document.querySelector('.goal-progress .chart');
         const chart = el && window.echarts && echarts.getInstanceByDom(el);
         if (!chart || !el.querySelector('canvas')) { el.scrollIntoView({ block: 'center' }); return null; }
         return chart.getOption().yAxis[0].data.length;",
        "the goal-area chart drawn once scrolled to",
    )
    .await;
    assert_eq!(categories.as_u64(), Some(plan.goal_areas.len() as u64));

    // An embed at the same width draws its chart without being scrolled.
    load(&client, &format!("{}zh/embed/district-heatmap/", server.url)).await;
    wait_for_js(
        &client,
        "const el = document.querySelector('.chart');
         return el && window.echarts && echarts.getInstanceByDom(el) && el.querySelector('canvas')
             && window.scrollY === 0 ? true : null;",
        "the embed's chart",
    )
    .await;
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
}

/// A window made narrower after the charts are drawn (a phone turned, a
/// window dragged): every chart follows it and the page does not scroll
/// sideways; wider again, they grow back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn charts_follow_a_window_made_narrower_after_they_are_drawn() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/", server.url)).await;
    wait_for_js(&client, PAGE_READY, "the overview").await;
    // Each chart's drawn width against its container, and the page's.
    const FIT: &str = r#"
        const charts = [...document.querySelectorAll('.chart')];
        const drawn = charts.map(el => { const c = el.querySelector('canvas, svg');
            return c ? Math.round(c.getBoundingClientRect().width) : -1; });
        return { drawn, boxes: charts.map(el => Math.round(el.getBoundingClientRect().width)),
                 page: document.documentElement.scrollWidth, window: innerWidth };
    "#;
    let wide = wait_for_js(&client, FIT, "the charts").await;
    for width in [700, 400] {
        portal_harness::cdp(
            &client,
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
        let fit = wait_for_js(
            &client,
            &format!(
                "const f = (() => {{ {FIT} }})();
                 return f.window === {width} && f.page <= f.window
                     && f.drawn.every((w, i) => w > 0 && w <= f.boxes[i] && w < {width}) ? f : null;"
            ),
            &format!("every chart within a {width} px window"),
        )
        .await;
        assert!(fit["drawn"].as_array().expect("drawn").len() >= 5, "{fit}");
    }
    portal_harness::cdp(&client, "Emulation.clearDeviceMetricsOverride", serde_json::json!({}))
        .await;
    let again = wait_for_js(
        &client,
        &format!(
            "const f = (() => {{ {FIT} }})();
             return JSON.stringify(f.drawn) === {:?} ? f : null;",
            wide["drawn"].to_string()
        ),
        "the charts at their first width again",
    )
    .await;
    assert_eq!(again["page"], wide["page"]);
    client.close().await.expect("close");
}
