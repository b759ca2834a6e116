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
    if (undrawn) { undrawn.scrollIntoView({ block: 'center' }); return null; }
    window.scrollTo(0, 0);
    const data = document.querySelector(['.downloads tbody tr', '.status-box', '.task-status',
        '.department-status', '.district-summary', '.release-bar'].join(', '));
    return data ? true : null;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_type_loads_from_a_deep_link_at_the_root_and_under_a_sub_path() {
    let dist = dist_dir();
    let (plan, _) = model(&dist.join("data"));
    let host_root = tempdir("deep-links");
    let prefix = host_root.join("some/prefix");
    std::fs::create_dir_all(prefix.parent().expect("parent")).expect("mkdir");
    std::os::unix::fs::symlink(&dist, &prefix).expect("symlink dist under a prefix");
    let server = StaticServer::start(&host_root);
    let root_server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    for base in [format!("{}some/prefix/", server.url), root_server.url.clone()] {
        for lang in [Lang::Zh, Lang::En] {
            for (hash, css, heading) in pages(&plan, lang) {
                load(&client, &format!("{base}{hash}")).await;
                assert_eq!(text(&client, css).await, heading, "{base}{hash}");
                wait_for_js(&client, PAGE_READY, &format!("{base}{hash} to finish")).await;
                let html_lang = client
                    .execute("return document.documentElement.lang", vec![])
                    .await
                    .expect("lang");
                assert_eq!(html_lang, lang.tag(), "the lang attribute follows the URL");
                assert_eq!(current_address(&client).await, hash, "the URL is kept as given");
                let title = client.execute("return document.title", vec![]).await.expect("title");
                let title = title.as_str().expect("title");
                let site = if lang == Lang::Zh {
                    "昆山 AI 行动方案进展公开"
                } else {
                    "Kunshan AI Plan Tracker"
                };
                if css == "#main h1.plan-title" {
                    assert_eq!(title, site, "{hash}");
                } else {
                    assert_eq!(
                        title,
                        format!("{heading} · {site}"),
                        "a shared link names the view"
                    );
                }
            }
        }
    }
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
    let _ = std::fs::remove_dir_all(host_root);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_switch_is_kept_in_the_url_and_remembered() {
    let dist = dist_dir();
    let (plan, _) = model(&dist.join("data"));
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}en/data/?district=zhoushi", server.url)).await;
    assert_eq!(text(&client, ".data-page h1").await, "Data and methods");
    assert_eq!(text(&client, ".site-nav a").await, "Overview");
    client.find(Locator::Css(".lang-switch")).await.expect("switch").click().await.expect("click");
    wait_for_address(&client, "zh/data/?district=zhoushi").await;
    portal_harness::wait_for_app(&client, "the page in Chinese").await;
    wait_for_js(
        &client,
        "return document.querySelector('.data-page h1')?.textContent === '数据与方法'",
        "the page in Chinese",
    )
    .await;
    let html_lang =
        client.execute("return document.documentElement.lang", vec![]).await.expect("lang");
    assert_eq!(html_lang, "zh-CN");
    client.back().await.expect("back");
    portal_harness::wait_for_app(&client, "the page in English again").await;
    wait_for_js(
        &client,
        "return document.querySelector('.data-page h1')?.textContent === 'Data and methods'",
        "English again after going back",
    )
    .await;
    // The site's root opens in the language last used, and the address says so.
    load(&client, &server.url).await;
    assert_eq!(text(&client, "#main h1.plan-title").await, plan.plan.title.en);
    assert_eq!(current_address(&client).await, "en/");
    let title = client.execute("return document.title", vec![]).await.expect("title");
    assert_eq!(title, "Kunshan AI Plan Tracker");
    client.close().await.expect("close");
}

const AXIS_TEXT: &str = r#"
    const el = document.querySelector('.goal-targets .chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); return null; }
    return chart.getOption().yAxis[0].axisLabel.color;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn theme_and_text_size_switch_live_and_are_remembered() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/", server.url)).await;
    let light = wait_for_js(&client, AXIS_TEXT, "the chart").await;
    let background = "return getComputedStyle(document.body).backgroundColor";
    assert_eq!(client.execute(background, vec![]).await.expect("bg"), "rgb(255, 255, 255)");
    client
        .find(Locator::Css(".theme-select"))
        .await
        .expect("theme select")
        .select_by_value("dark")
        .await
        .expect("choose dark");
    let dark = wait_for_js(
        &client,
        &format!("const c = (() => {{ {AXIS_TEXT} }})(); return c !== {light} ? c : null;"),
        "the chart to re-theme",
    )
    .await;
    assert_eq!(dark, "rgba(203,203,206,1)", "ECharts' dark theme text");
    assert_eq!(client.execute(background, vec![]).await.expect("bg"), "rgb(18, 20, 23)");

    let root_size = "return getComputedStyle(document.documentElement).fontSize";
    assert_eq!(client.execute(root_size, vec![]).await.expect("size"), "16px");
    let toggle = client.find(Locator::Css(".text-size-toggle")).await.expect("toggle");
    toggle.click().await.expect("click");
    assert_eq!(toggle.attr("aria-pressed").await.expect("attr").as_deref(), Some("true"));
    assert_eq!(client.execute(root_size, vec![]).await.expect("size"), "20px");
    let widths = "return [window.innerWidth, document.documentElement.scrollWidth]";
    let w = client.execute(widths, vec![]).await.expect("widths");
    assert_eq!(w[0], w[1], "large text does not scroll sideways");
    portal_harness::save_screenshot(&client, "overview-zh-dark-large-1280.png").await;

    // Both choices survive a reload.
    load(&client, &format!("{}zh/", server.url)).await;
    wait_for_js(&client, AXIS_TEXT, "the chart after reload").await;
    assert_eq!(client.execute(background, vec![]).await.expect("bg"), "rgb(18, 20, 23)");
    assert_eq!(client.execute(root_size, vec![]).await.expect("size"), "20px");
    let chosen = client
        .execute("return document.querySelector('.theme-select').value", vec![])
        .await
        .expect("value");
    assert_eq!(chosen, "dark");
    assert_eq!(wait_for_js(&client, AXIS_TEXT, "the chart").await, "rgba(203,203,206,1)");
    client.close().await.expect("close");
}

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
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); return null; }
    const o = chart.getOption();
    return { categories: o.yAxis[0].data,
             done: o.series[0].data.map(d => (d && typeof d === 'object') ? d.value : d) };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_live_in_the_url_and_narrow_what_is_shown() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/", server.url)).await;
    wait_for_js(&client, GOAL_CHART, "the overview").await;
    assert_eq!(indicator_rows(&client).await.len(), plan.indicators.len());

    // Goal area: only its indicators, and the URL says so.
    let goal = plan.goal_areas.iter().find(|g| g.id == "green-transition").expect("goal");
    client
        .find(Locator::Css("#filter-goal"))
        .await
        .expect("goal select")
        .select_by_value(&goal.id)
        .await
        .expect("choose");
    wait_for_address(&client, &format!("zh/?goal={}", goal.id)).await;
    wait_for_js(
        &client,
        &format!(
            "return document.querySelectorAll('.indicator-list tbody tr').length === {}",
            goal.indicators.len()
        ),
        "the list to narrow",
    )
    .await;
    let names: Vec<String> = indicator_rows(&client).await.into_iter().map(|r| r.0).collect();
    let expected: Vec<String> =
        goal.indicators.iter().map(|i| plan.indicator(i).expect("ind").name.zh.clone()).collect();
    assert_eq!(names, expected);
    let status = text(&client, ".filter-status").await;
    assert!(status.contains(&goal.indicators.len().to_string()), "shown: {status}");
    // Screen readers hear it from the shell's live region, and keyboard users
    // keep their place on the select they changed.
    let live = wait_for_js(
        &client,
        "const t = document.querySelector('.live-region')?.textContent; return t ? t : null;",
        "the announcement",
    )
    .await;
    assert_eq!(live.as_str(), Some(status.as_str()), "announced");
    wait_for_js(
        &client,
        "return document.activeElement && document.activeElement.id === 'filter-goal'",
        "focus back on the goal select",
    )
    .await;

    // Period: figures as they stood then, from the model's own look-back.
    let period = "2026-06-30";
    client
        .find(Locator::Css("#filter-period"))
        .await
        .expect("period select")
        .select_by_value(period)
        .await
        .expect("choose");
    wait_for_address(&client, &format!("zh/?goal={}&period={period}", goal.id)).await;
    let then = progress.as_of(period);
    let card = Scorecard::compute(&plan, &then);
    let ctx = StatusContext::new(&plan, &then);
    let r = roll_up(&ctx, card.city_of(&goal.indicators));
    let want = r.mean_completion_percent.map(|c| (c * 10.0).round() / 10.0).expect("measured");
    let shown = wait_for_js(
        &client,
        &format!(
            "const s = (() => {{ {GOAL_CHART} }})(); return s && s.done[0] === {want} ? s : null;"
        ),
        "the goal chart as of June",
    )
    .await;
    assert_eq!(shown["categories"].as_array().expect("one").len(), 1);
    assert_eq!(text(&client, ".release-as-of").await, period);

    // Back steps through the filter history.
    client.back().await.expect("back");
    wait_for_address(&client, &format!("zh/?goal={}", goal.id)).await;
    client.back().await.expect("back");
    wait_for_address(&client, "zh/").await;
    wait_for_js(
        &client,
        &format!(
            "return document.querySelectorAll('.indicator-list tbody tr').length === {}",
            plan.indicators.len()
        ),
        "every indicator again",
    )
    .await;

    // District: the list shows that district's own figures.
    let district = plan.districts.iter().find(|d| d.id == "zhoushi").expect("district");
    load(&client, &format!("{}zh/?district={}", server.url, district.id)).await;
    wait_for_js(&client, GOAL_CHART, "the overview").await;
    let caption = text(&client, ".indicator-list caption").await;
    assert!(caption.contains(&district.name.zh), "{caption}");
    let card = Scorecard::compute(&plan, &progress);
    let patents = plan.indicator("ai-invention-patents").expect("patents");
    let value =
        card.in_district(&district.id, &patents.id).expect("assessed").value.expect("value");
    let row = indicator_rows(&client)
        .await
        .into_iter()
        .find(|r| r.0 == patents.name.zh)
        .expect("patents row");
    assert_eq!(row.2, format!("{value}{}", patents.unit.zh), "the district's value");
    let selected = text(&client, ".selected-row th").await;
    assert_eq!(selected, district.name.zh, "the district is marked in the heatmap table");

    // Another district from the select: the charts update where they are (the
    // heatmap outlines the new district's cells), and the keyboard stays on
    // the select.
    let other = plan.districts.iter().find(|d| d.id != district.id).expect("another district");
    client
        .execute(
            "document.querySelector('.heatmap-section .chart').dataset.probe = 'kept';
             document.querySelector('.indicator-list tbody tr').dataset.probe = 'kept';",
            vec![],
        )
        .await
        .expect("probe");
    let select = client.find(Locator::Css("#filter-district")).await.expect("district select");
    select.click().await.expect("focus");
    select.select_by_value(&other.id).await.expect("choose");
    wait_for_address(&client, &format!("zh/?district={}", other.id)).await;
    let row = plan.districts.iter().position(|d| d.id == other.id).expect("row");
    let heat = wait_for_js(
        &client,
        &format!(
            "const h = (() => {{ {HEATMAP} }})();
             return h && h.chosen.length && h.chosen.every(i => h.data[i][1] === {row}) ? h : null;"
        ),
        "the heatmap outlining the new district",
    )
    .await;
    let columns = heat["columns"].as_array().expect("columns").len();
    let chosen: Vec<u64> =
        heat["chosen"].as_array().expect("chosen").iter().filter_map(Value::as_u64).collect();
    assert_eq!(chosen.len(), columns, "every cell of that district's row, no other: {chosen:?}");
    assert_eq!(heat["rows"][row], other.name.zh, "the row is the district's");
    assert_eq!(text(&client, ".selected-row th").await, other.name.zh);
    let state = client
        .execute(
            "return [document.querySelector('.heatmap-section .chart').dataset.probe || null,
                     document.activeElement && document.activeElement.id]",
            vec![],
        )
        .await
        .expect("state");
    assert_eq!(
        state,
        serde_json::json!(["kept", "filter-district"]),
        "updated in place, focus kept"
    );
    // The indicator list shows the new district's figures, in the same rows.
    let caption = text(&client, ".indicator-list caption").await;
    assert!(caption.contains(&other.name.zh), "{caption}");
    let a = card.in_district(&other.id, &patents.id);
    let value =
        a.and_then(|a| a.value).map_or("—".to_owned(), |v| format!("{v}{}", patents.unit.zh));
    let status = a.map_or(Status::NoData, |a| a.status);
    let row = indicator_rows(&client)
        .await
        .into_iter()
        .find(|r| r.0 == patents.name.zh)
        .expect("patents row");
    assert_eq!(row.2, value, "the new district's value");
    assert_eq!(row.1, format!("{} {}", status.icon(), status.label(Lang::Zh)));
    let probe = client
        .execute("return document.querySelector('.indicator-list tbody tr').dataset.probe", vec![])
        .await
        .expect("probe");
    assert_eq!(probe, "kept", "the rows were updated, not rebuilt");

    // A filter that leaves nothing says so, with a way back.
    let (goal, task) = plan
        .goal_areas
        .iter()
        .flat_map(|g| plan.tasks.iter().map(move |t| (g, t)))
        .find(|(g, t)| !g.indicators.iter().any(|i| t.indicators.contains(i)))
        .expect("a goal area and a task with no indicator in common");
    load(&client, &format!("{}zh/?goal={}&task={}", server.url, goal.id, task.id)).await;
    let empty = text(&client, ".empty-state").await;
    assert!(empty.contains("没有符合"), "{empty}");
    assert!(text(&client, ".filter-status").await.contains("没有"), "announced");
    client
        .find(Locator::Css(".empty-state a"))
        .await
        .expect("clear link")
        .click()
        .await
        .expect("click");
    wait_for_address(&client, "zh/").await;
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
}

const HEATMAP: &str = r#"
    const el = document.querySelector('.heatmap-section .chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); return null; }
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
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); return null; }
    return chart.getOption().yAxis[0].data;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heatmap_ranking_and_district_page_match_the_model() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let card = Scorecard::compute(&plan, &progress);
    let ctx = StatusContext::new(&plan, &progress);
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/", server.url)).await;

    let heat = wait_for_js(&client, HEATMAP, "the heatmap").await;
    let columns: Vec<&str> =
        heat["columns"].as_array().expect("columns").iter().filter_map(Value::as_str).collect();
    let tasks: Vec<_> = plan
        .tasks
        .iter()
        .filter(|t| t.indicators.iter().any(|i| card.has_district_figures(i)))
        .collect();
    let numbers: Vec<String> = tasks.iter().map(|t| t.number.to_string()).collect();
    assert_eq!(columns, numbers, "one column per task with district figures");
    let cells = heat["data"].as_array().expect("cells");
    assert_eq!(cells.len(), tasks.len() * plan.districts.len());
    for cell in cells {
        let (c, r) = (cell[0].as_u64().expect("c") as usize, cell[1].as_u64().expect("r") as usize);
        let (task, district) = (tasks[c], &plan.districts[r]);
        let items = task.indicators.iter().filter_map(|i| card.in_district(&district.id, i));
        let want = roll_up(&ctx, items);
        let shown = cell[3].as_f64();
        let expected = want.mean_completion_percent.map(|v| (v.min(100.0) * 10.0).round() / 10.0);
        assert_eq!(shown, expected, "{} × task {}", district.name.zh, task.number);
        let label = cell[4].as_str().expect("label");
        assert!(label.starts_with(want.status.icon()), "status symbol in the cell: {label}");
    }

    let standings = rank_districts(&plan, &card, &ctx, &[]);
    let ranking = wait_for_js(&client, RANKING, "the ranking").await;
    let shown: Vec<String> = ranking
        .as_array()
        .expect("labels")
        .iter()
        .map(|v| v.as_str().expect("label").split("  ").next().expect("name").to_owned())
        .collect();
    let expected: Vec<String> = standings
        .iter()
        .map(|s| {
            let name = &plan.districts.iter().find(|d| d.id == s.district).expect("d").name.zh;
            format!("{}. {name}", s.rank.map_or_else(|| "—".to_owned(), |r| r.to_string()))
        })
        .collect();
    assert_eq!(shown, expected, "districts in rank order");

    // The top district's page agrees.
    let top = &standings[0];
    let name = &plan.districts.iter().find(|d| d.id == top.district).expect("d").name.zh;
    client
        .find(Locator::Css(&format!(".ranking-section a[href='zh/district/{}/']", top.district)))
        .await
        .expect("link to the top district")
        .click()
        .await
        .expect("click");
    portal_harness::wait_for_app(&client, "the top district's page").await;
    assert_eq!(text(&client, ".district-page h1").await, *name);
    let rank = text(&client, ".district-rank").await;
    // Its rank, and how it moved since a quarter before, as the model says.
    let change = plan_model::movers::rank_changes(&plan, &progress, &progress.release.as_of, &[])
        .and_then(|all| all.into_iter().find(|(d, _)| d == &top.district))
        .map(|(_, c)| c)
        .expect("a quarter to compare with");
    let moved = match change.places_up().expect("ranked both times") {
        0 => format!("= 持平（与 {} 相比）", change.since),
        p if p > 0 => format!("↑ 上升 {p} 位（与 {} 相比）", change.since),
        p => format!("↓ 下降 {} 位（与 {} 相比）", -p, change.since),
    };
    assert_eq!(rank, format!("1 / {} · {moved}", plan.districts.len()));
    let completion = text(&client, ".district-completion").await;
    let mean = top.roll_up.mean_completion_percent.expect("measured");
    assert_eq!(completion, format!("{mean:.1}%"));
    let average = district_average_completion(&standings).expect("average");
    assert_eq!(text(&client, ".district-average").await, format!("{average:.1}%"));
    let gap = text(&client, ".district-gap").await;
    assert!(gap.contains(&format!("{:.1}", (mean - average).abs())), "{gap}");
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn department_page_lists_the_tasks_it_leads_and_supports() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let card = Scorecard::compute(&plan, &progress);
    let ctx = StatusContext::new(&plan, &progress);
    let department = plan.departments.iter().find(|d| d.id == "industry-it").expect("dept");
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}en/department/{}/", server.url, department.id)).await;
    assert_eq!(text(&client, ".department-page h1").await, department.name.en);
    let label = |t: &plan_model::Task| format!("{}. {}", t.number, t.name.en);
    let leads: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| t.responsible.first() == Some(&department.id))
        .map(label)
        .collect();
    let supports: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| t.responsible.iter().skip(1).any(|r| r == &department.id))
        .map(label)
        .collect();
    assert_eq!(texts(&client, ".lead-tasks li").await, leads);
    assert_eq!(texts(&client, ".support-tasks li").await, supports);
    wait_for_js(&client, PAGE_READY, "the department's progress").await;
    let statuses = texts(&client, ".department-tasks .status-cell").await;
    let expected: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| t.responsible.contains(&department.id))
        .map(|t| {
            let s = roll_up(&ctx, card.city_of(&t.indicators)).status;
            format!("{} {}", s.icon(), s.label(Lang::En))
        })
        .collect();
    assert_eq!(statuses, expected);
    client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_changed_compares_the_latest_release_with_the_one_before() {
    let dist = dist_dir();
    let data = dist.join("data");
    let index: Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("releases/index.json")).expect("index"),
    )
    .expect("json");
    let older = index[1]["version"].as_str().expect("a previous release");
    let (old_plan, old_progress) = model(&data.join("releases").join(older));
    let (plan, progress) = model(&data);
    let diff = plan_model::diff::diff_releases((&old_plan, &old_progress), (&plan, &progress));
    let count = |kind: &str| {
        diff.changes
            .iter()
            .filter(|c| serde_json::to_value(c).expect("json")["change"] == kind)
            .count()
    };
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/", server.url)).await;
    wait_for_js(&client, GOAL_CHART, "the overview").await;
    // The release before is fetched only when the reader gets near the section.
    let fetched = "return performance.getEntriesByType('resource').some(e => e.name.includes('releases/')) ? 'yes' : 'no'";
    assert_eq!(client.execute(fetched, vec![]).await.expect("resources"), "no");
    assert!(client.find(Locator::Css(".change-summary")).await.is_err(), "not compared yet");
    client
        .execute("document.querySelector('.what-changed').scrollIntoView()", vec![])
        .await
        .expect("scroll");
    let summary = text(&client, ".change-summary").await;
    assert_eq!(client.execute(fetched, vec![]).await.expect("resources"), "yes");
    assert!(summary.contains(older), "{summary}");
    assert_eq!(text(&client, ".count-added").await, count("value_added").to_string());
    assert_eq!(text(&client, ".count-revised").await, count("value_changed").to_string());
    assert_eq!(text(&client, ".count-withdrawn").await, count("value_removed").to_string());
    assert!(count("value_changed") > 0, "the sample history revises figures");
    let rows = texts(&client, ".change-table tbody th").await;
    assert_eq!(rows.len(), diff.changes.len() - count("value_added"));
    for change in &diff.changes {
        if let plan_model::diff::Change::ValueChanged { indicator, .. } = change {
            let name = &plan.indicator(indicator).expect("indicator").name.zh;
            assert!(rows.contains(name), "{name} listed as revised: {rows:?}");
        }
    }
    client.close().await.expect("close");
}

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
