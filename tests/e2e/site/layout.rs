//! Every page fits desktop and phone; printing; charts as pictures until reached for; narrower windows.

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

/// Every chart is a picture in the page: shown at once, in print too, with
/// no chart script fetched or run. A reader's pointer over a chart brings
/// the interactive chart, drawn in the same box over the picture: the box
/// and everything around it stay where they were, and it shows the same
/// categories and points as the picture.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn charts_are_pictures_until_a_reader_reaches_for_one() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/", server.url)).await;
    const STATE: &str = r#"
        if (!document.querySelector('#main h1.plan-title')) return null;
        const charts = [...document.querySelectorAll('.chart')];
        const shown = (el) => el && getComputedStyle(el).display !== 'none'
            && el.getBoundingClientRect().height > 100;
        return {
            charts: charts.length,
            pictures: charts.map(el => shown(el.parentElement.querySelector('.chart-picture > svg'))),
            drawn: charts.map(el => el.hasAttribute('data-drawn')),
            fetched: performance.getEntriesByType('resource').some(r => /\/echarts-[^/]*\.js/.test(r.name)),
            library: typeof window.echarts,
            // Where the first chart's box and every card stand on the page.
            box: (() => { const r = charts[0].getBoundingClientRect();
                          return [r.left, r.top + scrollY, r.width, r.height].map(Math.round).join(' '); })(),
            // Cards on the page (a hidden one, such as the followed list of a
            // reader who follows nothing, has no place to keep).
            cards: [...document.querySelectorAll('.card')].filter(c => !c.hidden)
                .map(c => Math.round(c.getBoundingClientRect().top + scrollY)),
        };
    "#;
    wait_for_js(&client, STATE, "the overview").await;
    // Give the page time to load anything it (wrongly) would load unasked.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let before = client.execute(STATE, vec![]).await.expect("state");
    assert!(before["charts"].as_u64() >= Some(5), "{before}");
    assert!(before["pictures"].as_array().expect("pictures").iter().all(|p| p == true), "{before}");
    assert!(before["drawn"].as_array().expect("drawn").iter().all(|d| d == false), "{before}");
    assert_eq!(before["fetched"], false, "no chart script is fetched to show charts: {before}");
    assert_eq!(before["library"], "undefined", "{before}");

    // On paper: the pictures, every one, with no script.
    portal_harness::cdp(
        &client,
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": "print" }),
    )
    .await;
    let printed = client.execute(STATE, vec![]).await.expect("state");
    assert!(
        printed["pictures"].as_array().expect("pictures").iter().all(|p| p == true),
        "{printed}"
    );
    portal_harness::cdp(&client, "Emulation.setEmulatedMedia", serde_json::json!({ "media": "" }))
        .await;
    portal_harness::cdp(&client, "Page.printToPDF", serde_json::json!({})).await;

    // A real pointer over the first chart.
    let centre = client
        .execute(
            "const el = document.querySelector('.chart');
             el.scrollIntoView({ block: 'center' });
             const r = el.getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![],
        )
        .await
        .expect("where");
    let (x, y) = (centre[0].as_f64().expect("x"), centre[1].as_f64().expect("y"));
    portal_harness::cdp(
        &client,
        "Input.dispatchMouseEvent",
        serde_json::json!({ "type": "mouseMoved", "x": x, "y": y }),
    )
    .await;
    let live = wait_for_js(
        &client,
        "const el = document.querySelector('.chart');
         const chart = el && window.echarts && echarts.getInstanceByDom(el);
         const picture = el.parentElement.querySelector('.chart-picture');
         if (!chart || !el.querySelector('canvas') || getComputedStyle(picture).display !== 'none') return null;
         const option = chart.getOption();
         return { categories: option.yAxis[0].data, points: option.series.map(s => s.data.length),
                  marks: picture.querySelectorAll('rect > title, path > title, circle > title').length,
                  labels: [...picture.querySelectorAll('.pt text')]
                      .filter(t => getComputedStyle(t).display !== 'none')
                      .map(t => ({ shown: [...t.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''),
                                   whole: t.querySelector('title')?.textContent ?? null })) };",
        "the interactive chart over the picture",
    )
    .await;
    let after = client.execute(STATE, vec![]).await.expect("state");
    assert_eq!(after["box"], before["box"], "the chart's box did not move or change size");
    assert_eq!(after["cards"], before["cards"], "nothing around it moved");
    let categories = live["categories"].as_array().expect("categories");
    for category in categories {
        let category = category.as_str().expect("text");
        // Shown whole, or cut with the whole label as its tooltip.
        assert!(
            live["labels"]
                .as_array()
                .expect("labels")
                .iter()
                .any(|l| l["shown"] == category || l["whole"] == category),
            "the picture labels {category} as the chart does: {live}"
        );
    }
    let points: u64 =
        live["points"].as_array().expect("points").iter().filter_map(|p| p.as_u64()).sum();
    assert_eq!(Some(points), live["marks"].as_u64(), "a mark in the picture per point: {live}");
    assert_eq!(after["drawn"][1], false, "only the chart reached for is drawn: {after}");
    assert!(console_errors(&client).await.is_empty());
    client.close().await.expect("close");
}

/// On a phone the chart library is neither downloaded nor run to read a
/// page, not even with a chart on the screen: only a tap or pointer on a
/// chart brings it, and then the chart is drawn; an embed, which is its
/// chart, shows it as a picture with no script.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_loads_the_chart_library_only_when_a_chart_is_reached_for() {
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

    // Scrolled to the first chart: its picture, still no library.
    client
        .execute(
            "document.querySelector('.goal-progress .chart').scrollIntoView({ block: 'center' })",
            vec![],
        )
        .await
        .expect("scroll");
    tokio::time::sleep(Duration::from_millis(800)).await;
    let scrolled = client.execute(LIBRARY, vec![]).await.expect("state");
    assert_eq!(scrolled["fetched"], false, "not downloaded to show a chart: {scrolled}");
    // Reached for: the library comes and the chart is drawn.
    let categories = wait_for_js(
        &client,
        "const el = document.querySelector('.goal-progress .chart');
         const chart = el && window.echarts && echarts.getInstanceByDom(el);
         if (!chart || !el.querySelector('canvas')) { el.scrollIntoView({ block: 'center' }); el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
         return chart.getOption().yAxis[0].data.length;",
        "the goal-area chart drawn once reached for",
    )
    .await;
    assert_eq!(categories.as_u64(), Some(plan.goal_areas.len() as u64));

    // An embed at the same width shows its chart, a picture, with no chart script.
    load(&client, &format!("{}zh/embed/district-heatmap/", server.url)).await;
    wait_for_js(
        &client,
        "const svg = document.querySelector('.chart-picture > svg');
         return svg && svg.getBoundingClientRect().height > 300 && window.scrollY === 0 ? true : null;",
        "the embed's chart",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let embed = client.execute(LIBRARY, vec![]).await.expect("state");
    assert_eq!(embed["fetched"], false, "an embed runs no chart script to show its chart: {embed}");
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
        const drawn = charts.map(el => { const c = el.querySelector('canvas, svg')
            || el.parentElement.querySelector('.chart-picture > svg');
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
