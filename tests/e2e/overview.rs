//! Browser end-to-end tests of the overview against the release build in
//! `dist/`, served by a plain static file server, in headless Chromium.
use std::path::Path;

use crate::model::model;
use fantoccini::{Client, Locator};
use portal_harness::{
    Driver, StaticServer, console_errors, copy_dir, dist_dir, tempdir, wait_for_js,
};
use serde_json::Value;

/// What the goal-area chart must show, computed from the published data file
/// itself rather than repeated here: per goal area, (name, quantified, milestones).
fn expected_goal_areas(data_dir: &Path) -> (String, Vec<(String, i64, i64)>) {
    let text = std::fs::read_to_string(data_dir.join("plan.json")).expect("read plan.json");
    let plan: Value = serde_json::from_str(&text).expect("plan.json is JSON");
    let kinds: std::collections::HashMap<&str, &str> = plan["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| (i["id"].as_str().expect("id"), i["target"]["kind"].as_str().expect("kind")))
        .collect();
    let rows = plan["goal_areas"]
        .as_array()
        .expect("goal areas")
        .iter()
        .map(|area| {
            let ids = area["indicators"].as_array().expect("ids");
            let milestones =
                ids.iter().filter(|id| kinds[id.as_str().expect("id")] == "milestone").count();
            let milestones = i64::try_from(milestones).expect("small");
            let total = i64::try_from(ids.len()).expect("small");
            (
                area["short_name"]["zh"].as_str().expect("name").to_owned(),
                total - milestones,
                milestones,
            )
        })
        .collect();
    (plan["plan"]["title"]["zh"].as_str().expect("title").to_owned(), rows)
}

/// Reads the live ECharts instance of the first chart once it has drawn.
const CHART_STATE: &str = r#"
    const el = document.querySelector('.goal-targets .chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
    const option = chart.getOption();
    return {
        drawn: el.querySelector('canvas') ? 'canvas' : 'svg',
        categories: option.yAxis[0].data,
        series: option.series.map(s => ({ name: s.name, data: s.data })),
        tooltipMode: option.tooltip[0].renderMode,
    };
"#;

async fn table_rows(client: &Client) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for row in
        client.find_all(Locator::Css(".goal-targets .data-table tbody tr")).await.expect("rows")
    {
        let mut cells = Vec::new();
        for cell in row.find_all(Locator::Css("th, td")).await.expect("cells") {
            cells.push(cell.text().await.expect("text"));
        }
        rows.push(cells);
    }
    rows
}

async fn check_overview(client: &Client, url: &str, data_dir: &Path) {
    let (title, expected) = expected_goal_areas(data_dir);
    portal_harness::open(client, url).await;

    let heading = client
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        // `#main`: the app's title, not the loading shell's (index.html).
        .for_element(Locator::Css("#main h1.plan-title"))
        .await
        .expect("plan title");
    assert_eq!(heading.text().await.expect("text"), title, "the title comes from the data");

    let state = wait_for_js(client, CHART_STATE, "the goal-area chart to draw").await;
    assert_eq!(state["drawn"], "canvas");
    let series = state["series"].as_array().expect("series");
    assert_eq!(series.len(), 2, "quantified targets and milestones: {state}");
    let categories: Vec<&str> = state["categories"]
        .as_array()
        .expect("categories")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let names: Vec<&str> = expected.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(categories, names, "one bar per goal area, in the plan's order");
    let quantified: Vec<i64> = expected.iter().map(|r| r.1).collect();
    let milestones: Vec<i64> = expected.iter().map(|r| r.2).collect();
    let data = |i: usize| -> Vec<i64> {
        series[i]["data"].as_array().expect("data").iter().filter_map(Value::as_i64).collect()
    };
    assert_eq!(data(0), quantified);
    assert_eq!(data(1), milestones);
    assert_eq!(state["tooltipMode"], "richText", "tooltips never render data as HTML");

    let table: Vec<(String, i64, i64)> = table_rows(client)
        .await
        .into_iter()
        .map(|r| (r[0].clone(), r[1].parse().expect("number"), r[2].parse().expect("number")))
        .collect();
    assert_eq!(table, expected, "the table beside the chart has the same numbers");

    let errors = console_errors(client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overview_shows_title_and_goal_area_chart_from_the_data() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    for (width, height) in [(1280, 900), (375, 812)] {
        let client = driver.browser(1280, 900).await;
        if width < 500 {
            portal_harness::emulate_phone(&client, width, height).await;
        }
        check_overview(&client, &server.url, &dist.join("data")).await;
        let layout = client
            .execute("return [window.innerWidth, document.documentElement.scrollWidth]", vec![])
            .await
            .expect("measure");
        assert_eq!(layout[0], Value::from(width), "laid out at {width} px");
        assert_eq!(layout[1], Value::from(width), "no horizontal scrolling at {width} px");
        portal_harness::save_screenshot(&client, &format!("overview-{width}.png")).await;
        client.close().await.expect("close");
    }
}

/// The same dist/ must work under a sub-path of a host (relative asset URLs).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overview_works_under_a_sub_path() {
    let dist = dist_dir();
    let host_root = tempdir("subpath");
    let prefix = host_root.join("some/prefix");
    std::fs::create_dir_all(prefix.parent().expect("parent")).expect("mkdir");
    std::os::unix::fs::symlink(&dist, &prefix).expect("symlink dist under a prefix");
    let server = StaticServer::start(&host_root);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    check_overview(&client, &format!("{}some/prefix/", server.url), &dist.join("data")).await;
    client.close().await.expect("close");
    let _ = std::fs::remove_dir_all(host_root);
}

/// Serves a copy of dist/ broken by `break_it`, opens it, and returns the text
/// of the error panel the reader sees and whether it offers a retry button.
async fn error_panel_for(name: &str, break_it: impl FnOnce(&Path)) -> (String, bool) {
    let site = tempdir(name);
    copy_dir(&dist_dir(), &site);
    break_it(&site);
    let server = StaticServer::start(&site);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::open(&client, &server.url).await;
    let panel = client
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        .for_element(Locator::Css(".error-panel"))
        .await
        .expect("an error panel instead of a blank page");
    let text = panel.text().await.expect("text");
    let retry = client.find(Locator::Css(".error-panel button")).await.is_ok();
    client.close().await.expect("close");
    let _ = std::fs::remove_dir_all(site);
    (text, retry)
}

/// plan.json cut short: the page says which file is broken and where.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_data_shows_an_error_naming_the_file() {
    let (text, retry) = error_panel_for("truncated", |site| {
        let plan = std::fs::read_to_string(site.join("data/plan.json")).expect("plan");
        std::fs::write(site.join("data/plan.json"), &plan[..plan.len() / 2]).expect("truncate");
    })
    .await;
    assert!(text.contains("data/plan.json"), "names the file: {text}");
    assert!(text.contains("不是有效的 JSON"), "says what is wrong: {text}");
    assert!(text.contains("行"), "says where: {text}");
    assert!(retry, "offers a retry");
}

/// A missing data file: the error names the file and the HTTP status.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_data_shows_an_error_with_the_status() {
    let (text, retry) = error_panel_for("missing", |site| {
        std::fs::remove_file(site.join("data/plan.json")).expect("remove");
    })
    .await;
    assert!(text.contains("data/plan.json") && text.contains("404"), "{text}");
    assert!(retry, "offers a retry");
}

/// Reads every progress chart (in page order) from its live ECharts instance.
const PROGRESS_CHARTS: &str = r#"
    // The page's lower parts render in tasks after the first: wait for all.
    if (document.querySelector('[data-later]')) return null;
    const sections = [...document.querySelectorAll('.goal-progress, .task-progress')];
    if (sections.length === 0) return null;
    const out = [];
    for (const s of sections) {
        const el = s.querySelector('.chart');
        const chart = el && window.echarts && echarts.getInstanceByDom(el);
        if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
        const o = chart.getOption();
        out.push({
            categories: o.yAxis[0].data,
            done: o.series[0].data.map(d => (d && typeof d === 'object') ? d.value : d),
            expected: o.series[1].data,
        });
    }
    return out;
"#;

/// The progress sections show what the model computes from the published
/// files, say the figures are samples, and give each status in words.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overview_shows_progress_from_the_model_with_the_sample_notice() {
    use plan_model::status::{StatusContext, roll_up};
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let card = plan_model::Scorecard::compute(&plan, &progress);
    let ctx = StatusContext::new(&plan, &progress);
    let round1 = |v: f64| (v * 10.0).round() / 10.0;
    let expected_rows = |groups: Vec<(String, &Vec<String>)>| -> Vec<(String, Option<f64>)> {
        groups
            .into_iter()
            .map(|(name, ids)| {
                let r = roll_up(&ctx, card.city_of(ids));
                let label =
                    format!("{name}  {} {}", r.status.icon(), r.status.label(plan_model::Lang::Zh));
                (label, r.mean_completion_percent.map(round1))
            })
            .collect()
    };
    let goals = expected_rows(
        plan.goal_areas.iter().map(|g| (g.short_name.zh.clone(), &g.indicators)).collect(),
    );
    let tasks = expected_rows(
        plan.tasks
            .iter()
            .map(|t| (format!("{}. {}", t.number, t.name.zh), &t.indicators))
            .collect(),
    );

    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::open(&client, &server.url).await;
    let charts = wait_for_js(&client, PROGRESS_CHARTS, "the progress charts").await;
    let charts = charts.as_array().expect("charts");
    assert_eq!(charts.len(), 2, "goal areas and key tasks");
    for (chart, expected) in charts.iter().zip([&goals, &tasks]) {
        let shown: Vec<(String, Option<f64>)> = chart["categories"]
            .as_array()
            .expect("categories")
            .iter()
            .zip(chart["done"].as_array().expect("done"))
            .map(|(c, d)| (c.as_str().expect("label").to_owned(), d.as_f64()))
            .collect();
        assert_eq!(&shown, expected, "the chart shows the model's roll-ups, status in words");
    }
    let notice = client.find(Locator::Css(".sample-notice")).await.expect("sample notice");
    assert!(notice.text().await.expect("text").contains("示例数据"), "sample figures are marked");
    let version = client.find(Locator::Css(".release-version")).await.expect("version");
    assert_eq!(version.text().await.expect("text"), progress.release.version);
    // The tables repeat the statuses in words.
    let statuses: Vec<String> = {
        let mut v = Vec::new();
        for cell in client
            .find_all(Locator::Css(".goal-progress .status-cell, .task-progress .status-cell"))
            .await
            .expect("cells")
        {
            v.push(cell.text().await.expect("text"));
        }
        v
    };
    assert_eq!(statuses.len(), goals.len() + tasks.len());
    for ((label, _), status) in goals.iter().chain(&tasks).zip(&statuses) {
        assert!(label.ends_with(status.as_str()), "table says '{status}' for '{label}'");
    }
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    portal_harness::save_screenshot(&client, "overview-progress-1280.png").await;
    client.close().await.expect("close");
}

/// A reader whose system is dark gets a dark page and charts re-themed to
/// light text, live, without reloading.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn charts_follow_the_readers_colour_scheme() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::open(&client, &server.url).await;
    const AXIS_TEXT: &str = r#"
        const el = document.querySelector('.goal-targets .chart');
        const chart = el && window.echarts && echarts.getInstanceByDom(el);
        if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
        return chart.getOption().yAxis[0].axisLabel.color;
    "#;
    let light = wait_for_js(&client, AXIS_TEXT, "the chart").await;
    portal_harness::emulate_colour_scheme(&client, "dark").await;
    let dark = wait_for_js(
        &client,
        &format!("const c = (() => {{ {AXIS_TEXT} }})(); return c !== {light} ? c : null;"),
        "the chart to re-theme",
    )
    .await;
    assert_eq!(dark, "rgba(203,203,206,1)", "ECharts' dark theme text colour (light was {light})");
    let page = client
        .execute("return getComputedStyle(document.body).backgroundColor", vec![])
        .await
        .expect("style");
    assert_eq!(page, "rgb(18, 20, 23)", "the page is dark too");
    portal_harness::save_screenshot(&client, "overview-dark-1280.png").await;
    client.close().await.expect("close");
}

/// Where an element is on the page, once it is there: its box and whether
/// it shows.
const BOX: &str = "const e = document.querySelector(arguments[0]);
    if (!e) return null;
    const r = e.getBoundingClientRect();
    // checkVisibility: a closed disclosure's content has boxes but is not shown.
    return { top: r.top, bottom: r.bottom, shown: r.height > 0 && e.checkVisibility({ visibilityProperty: true }) };";

async fn box_of(client: &Client, css: &str) -> Value {
    let script = BOX.replace("arguments[0]", &serde_json::to_string(css).expect("json"));
    wait_for_js(client, &script, css).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_s_first_screen_answers_how_the_plan_is_going_with_the_filters_folded() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::emulate_phone(&client, 375, 812).await;
    for lang in ["zh", "en"] {
        portal_harness::open(&client, &format!("{}{lang}/", server.url)).await;
        portal_harness::save_screenshot(&client, &format!("overview-first-screen-{lang}-375.png"))
            .await;
        // The summary, the counts and the biggest moves, all on the first screen.
        let glance = box_of(&client, ".at-a-glance").await;
        let movers = box_of(&client, ".glance-movers").await;
        assert!(glance["top"].as_f64() > Some(0.0), "{lang}: {glance}");
        assert!(glance["bottom"].as_f64() <= Some(812.0), "{lang}: the summary fits: {glance}");
        assert_eq!(movers["shown"], Value::Bool(true), "{lang}: {movers}");
        // The filters are folded away under their summary until asked for.
        let bar = box_of(&client, ".filter-bar").await;
        assert_eq!(bar["shown"], Value::Bool(false), "{lang}: folded: {bar}");
        let toggle = box_of(&client, ".filter-toggle").await;
        assert_eq!(toggle["shown"], Value::Bool(true), "{lang}: {toggle}");
        client
            .find(Locator::Css(".filter-toggle"))
            .await
            .expect("toggle")
            .click()
            .await
            .expect("tap");
        let bar = box_of(&client, ".filter-bar").await;
        assert_eq!(bar["shown"], Value::Bool(true), "{lang}: unfolded when asked: {bar}");
        let expanded = client
            .execute(
                "return document.querySelector('.filter-toggle').getAttribute('aria-expanded')",
                vec![],
            )
            .await
            .expect("aria");
        assert_eq!(expanded, Value::from("true"), "{lang}: the toggle says it is open");
    }
    // Tapped on the page as rendered, before the app is there: it unfolds at
    // once and stays unfolded when the app takes the page's place.
    client.goto("about:blank").await.expect("blank");
    client.goto(&format!("{}zh/", server.url)).await.expect("open");
    wait_for_js(
        &client,
        "return document.getElementById('page') && window.kunshanStartApp",
        "the page",
    )
    .await;
    client
        .find(Locator::Css("#page .filter-toggle"))
        .await
        .expect("toggle")
        .click()
        .await
        .expect("tap");
    // (Whichever page is there by now: the app may already have taken over.)
    assert_eq!(box_of(&client, ".filter-bar").await["shown"], Value::Bool(true));
    portal_harness::wait_for_app(&client, "after the tap").await;
    let bar = box_of(&client, ".filter-bar").await;
    assert_eq!(bar["shown"], Value::Bool(true), "still unfolded in the app: {bar}");
    // On a wide screen they are there unfolded, with no toggle to tap.
    portal_harness::emulate_phone(&client, 1280, 900).await;
    portal_harness::open(&client, &format!("{}zh/", server.url)).await;
    assert_eq!(box_of(&client, ".filter-bar").await["shown"], Value::Bool(true));
    assert_eq!(box_of(&client, ".filter-toggle").await["shown"], Value::Bool(false));
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
}
