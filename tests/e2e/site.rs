//! Browser tests across the whole site: deep links to every page type (at the
//! root and under a sub-path, in both languages), the language switch, theme
//! and text size, filters in the URL, the district heatmap and ranking, the
//! district and department pages, and "what changed". Expected figures come
//! from the published files through the model crate, never typed in here.
use std::time::Duration;

use crate::model::model;
use fantoccini::{Client, Locator};
use plan_model::status::{StatusContext, district_average_completion, rank_districts, roll_up};
use plan_model::{Lang, PlanDocument, Scorecard, Status};
use portal_harness::{Driver, StaticServer, console_errors, dist_dir, tempdir, wait_for_js};
use serde_json::Value;

mod districts;
mod filters;
mod layout;
mod navigation;

async fn texts(client: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in client.find_all(Locator::Css(css)).await.expect("find") {
        out.push(e.text().await.expect("text"));
    }
    out
}

async fn text(client: &Client, css: &str) -> String {
    client
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .expect("text")
}

/// Opens `url` as a fresh page load (not a same-document fragment change).
async fn load(client: &Client, url: &str) {
    client.goto("about:blank").await.expect("blank");
    portal_harness::open(client, url).await;
}

/// The page's address from the site's root (its `<base>`): `en/data/?district=x`.
const ADDRESS: &str = "return location.href.slice(document.baseURI.split(/[?#]/)[0].length)";

async fn current_address(client: &Client) -> String {
    let address = client.execute(ADDRESS, vec![]).await.expect("address");
    address.as_str().unwrap_or_default().to_owned()
}

async fn wait_for_address(client: &Client, wanted: &str) {
    let script = format!(
        "return (() => {{ {ADDRESS} }})() === {}",
        serde_json::to_string(wanted).expect("json")
    );
    wait_for_js(client, &script, &format!("the URL to become {wanted}")).await;
}

/// Every page type and what must show on it once loaded.
fn pages(plan: &PlanDocument, lang: Lang) -> Vec<(String, &'static str, String)> {
    let indicator = &plan.indicators[0];
    let task = &plan.tasks[0];
    let district = &plan.districts[4];
    let department = &plan.departments[0];
    let l = lang.code();
    vec![
        // `#main`: the app's page, not the loading shell's copy of the title.
        (format!("{l}/"), "#main h1.plan-title", plan.plan.title.get(lang).to_owned()),
        (
            format!("{l}/indicator/{}/", indicator.id),
            ".indicator-page h1",
            indicator.name.get(lang).to_owned(),
        ),
        (
            format!("{l}/task/{}/", task.id),
            ".task-page h1",
            format!("{}. {}", task.number, task.name.get(lang)),
        ),
        (
            format!("{l}/district/{}/", district.id),
            ".district-page h1",
            district.name.get(lang).to_owned(),
        ),
        (
            format!("{l}/department/{}/", department.id),
            ".department-page h1",
            department.name.get(lang).to_owned(),
        ),
        (
            format!("{l}/data/"),
            ".data-page h1",
            if lang == Lang::Zh { "数据与方法" } else { "Data and methods" }.to_owned(),
        ),
    ]
}

/// What each page's progress part shows once drawn (so screenshots and checks
/// wait for the data, not just the heading).
const PAGE_READY: &str = r#"
    if (document.querySelector('.error-panel, .skeleton, [data-later]')) return null;
    const charts = [...document.querySelectorAll('.chart')];
    // Charts are drawn as they near the screen: go to the next one not yet
    // drawn, as a reader scrolling down would; back to the top once all are.
    const undrawn = charts.find(el => !el.querySelector('canvas, svg'));
    if (undrawn) { undrawn.scrollIntoView({ block: 'center' }); undrawn.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
    window.scrollTo(0, 0);
    const data = document.querySelector(['.downloads tbody tr', '.status-box', '.task-status',
        '.department-status', '.district-summary', '.release-bar'].join(', '));
    return data ? true : null;
"#;

const AXIS_TEXT: &str = r#"
    const el = document.querySelector('.goal-targets .chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
    return chart.getOption().yAxis[0].axisLabel.color;
"#;

/// The rows of the all-indicators table: (name, status, value).
async fn indicator_rows(client: &Client) -> Vec<(String, String, String)> {
    let mut rows = Vec::new();
    for row in client.find_all(Locator::Css(".indicator-list tbody tr")).await.expect("rows") {
        let cells = row.find_all(Locator::Css("th, td")).await.expect("cells");
        let mut t = Vec::new();
        for c in cells {
            t.push(c.text().await.expect("text"));
        }
        rows.push((t[0].clone(), t[1].clone(), t[2].clone()));
    }
    rows
}

const GOAL_CHART: &str = r#"
    const el = document.querySelector('.goal-progress .chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
    const o = chart.getOption();
    return { categories: o.yAxis[0].data,
             done: o.series[0].data.map(d => (d && typeof d === 'object') ? d.value : d) };
"#;

const HEATMAP: &str = r#"
    const el = document.querySelector('.heatmap-section .chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
    const o = chart.getOption();
    // Cells are named points ({name, value}) so that a district's row can be chosen.
    return { columns: o.xAxis[0].data, rows: o.yAxis[0].data,
             data: o.series[0].data.map(d => Array.isArray(d) ? d : d.value),
             // The points ECharts draws as chosen (outlined).
             chosen: chart.getModel().getSeriesByIndex(0).getSelectedDataIndices() };
"#;

const RANKING: &str = r#"
    const el = document.querySelector('.ranking-section .chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
    return chart.getOption().yAxis[0].data;
"#;
