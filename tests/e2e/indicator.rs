//! Browser tests of the indicator page: deep links on a plain static server,
//! the numbers the charts show, and navigation with back and forward.
use crate::model::model;
use fantoccini::Locator;
use portal_harness::{Driver, StaticServer, console_errors, dist_dir, wait_for_js};
use serde_json::Value;

/// The city trend chart's dates and series (name, data), once drawn.
pub(crate) const TREND: &str = r#"
    const el = document.querySelector('.trend-section .chart');
    const chart = el && window.echarts && echarts.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas, svg')) { el?.scrollIntoView({ block: 'center' }); el?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })); return null; }
    const o = chart.getOption();
    return { dates: o.xAxis[0].data, series: o.series.map(s => ({ name: s.name, data: s.data })) };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deep_link_shows_the_indicator_with_its_trend_and_districts() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let id = "ai-invention-patents";
    let ind = plan.indicator(id).expect("indicator");
    let mut city: Vec<(String, f64)> = progress
        .observations
        .iter()
        .filter(|o| o.indicator == id && o.district.is_none())
        .map(|o| (o.as_of.clone(), o.value))
        .collect();
    city.sort_by(|a, b| a.0.cmp(&b.0));
    // A running total: its published starting level comes first.
    let start = progress.baseline(id, None).expect("the sample has a starting level");
    let (start_value, start_date) =
        (start.value.expect("value"), start.as_of.clone().expect("date"));
    city.insert(0, (start_date.clone(), start_value));

    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    // A plain static server, no rewrite rules: the fragment carries the route.
    portal_harness::open(&client, &format!("{}zh/indicator/{id}/", server.url)).await;
    let state = wait_for_js(&client, TREND, "the trend chart").await;
    let h1 = client.find(Locator::Css("h1")).await.expect("h1").text().await.expect("text");
    assert_eq!(h1, ind.name.zh);
    let quote =
        client.find(Locator::Css(".source-text")).await.expect("quote").text().await.expect("text");
    assert!(quote.contains(&ind.source_text), "the target in the plan's words: {quote}");
    let dates: Vec<&str> =
        state["dates"].as_array().expect("dates").iter().filter_map(Value::as_str).collect();
    let expected_dates: Vec<&str> = city.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(dates, expected_dates);
    let series = state["series"].as_array().expect("series");
    let values: Vec<f64> =
        series[0]["data"].as_array().expect("data").iter().filter_map(Value::as_f64).collect();
    assert_eq!(
        values,
        city.iter().map(|c| c.1).collect::<Vec<_>>(),
        "the trend shows the published values"
    );
    assert_eq!(series[1]["name"], "目标");
    assert!(
        series[1]["data"].as_array().expect("target").iter().all(|v| v.as_f64() == Some(300.0)),
        "target line at 超 300"
    );
    // The expected path runs from the starting level, not from zero: by
    // 31 January, 31 days of 365 of the way from there to 300.
    assert_eq!(series[2]["name"], "序时进度");
    let path: Vec<f64> =
        series[2]["data"].as_array().expect("expected").iter().filter_map(Value::as_f64).collect();
    assert_eq!(path.first(), Some(&start_value), "the expected path starts at the starting level");
    let january = ((start_value + (300.0 - start_value) * 31.0 / 365.0) * 10.0).round() / 10.0;
    assert_eq!(path.get(1), Some(&january), "{path:?}");
    assert_eq!(path.last().map(|v| *v < 300.0), Some(true));
    let first_row = client
        .find(Locator::Css(".trend-section tbody tr"))
        .await
        .expect("first row")
        .text()
        .await
        .expect("text");
    assert!(first_row.contains(&start_date) && first_row.contains("起点"), "{first_row}");
    let line = client
        .find(Locator::Css(".baseline-line"))
        .await
        .expect("baseline")
        .text()
        .await
        .expect("text");
    assert!(line.contains(&format!("{start_value}件")) && line.contains(&start_date), "{line}");
    // The status and its explanation come from the model.
    let card = plan_model::Scorecard::compute(&plan, &progress);
    let a = &card.city[id];
    let explanation = client
        .find(Locator::Css(".status-explanation"))
        .await
        .expect("explanation")
        .text()
        .await
        .expect("text");
    assert_eq!(explanation, a.explanation.zh);
    let label = client
        .find(Locator::Css(".status-label"))
        .await
        .expect("label")
        .text()
        .await
        .expect("text");
    assert_eq!(label, a.status.label(plan_model::Lang::Zh));
    // Every district with figures has a row.
    let district_rows =
        client.find_all(Locator::Css(".district-section tbody tr")).await.expect("rows");
    let with_figures =
        plan.districts.iter().filter(|d| card.in_district(&d.id, id).is_some()).count();
    assert_eq!(district_rows.len(), with_figures);
    assert!(client.find(Locator::Css(".sample-notice")).await.is_ok(), "sample figures are marked");
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    portal_harness::save_screenshot(&client, "indicator-1280.png").await;
    client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_back_and_forward_move_between_overview_and_indicator() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::open(&client, &server.url).await;
    let link = client
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        .for_element(Locator::Css(".indicator-list a[href='zh/indicator/rd-intensity/']"))
        .await
        .expect("a link to the indicator");
    link.click().await.expect("click");
    portal_harness::wait_for_app(&client, "the indicator page").await;
    let h1 =
        || async { client.find(Locator::Css("h1")).await.expect("h1").text().await.expect("text") };
    wait_for_js(
        &client,
        "return document.querySelector('.indicator-page') !== null",
        "the indicator page",
    )
    .await;
    assert_eq!(h1().await, "全社会研发投入占比");
    client.back().await.expect("back");
    portal_harness::wait_for_app(&client, "the overview again").await;
    wait_for_js(
        &client,
        "return document.querySelector('.overview') !== null",
        "the overview again",
    )
    .await;
    assert!(h1().await.contains("行动方案"));
    client.forward().await.expect("forward");
    portal_harness::wait_for_app(&client, "the indicator again").await;
    wait_for_js(
        &client,
        "return document.querySelector('.indicator-page') !== null",
        "the indicator again",
    )
    .await;
    assert_eq!(h1().await, "全社会研发投入占比");
    // An unknown id says so, with a way home.
    portal_harness::open(&client, &format!("{}zh/indicator/no-such-thing/", server.url)).await;
    wait_for_js(
        &client,
        "return document.body.innerText.includes('未找到该指标')",
        "the not-found message",
    )
    .await;
    client.close().await.expect("close");
}
