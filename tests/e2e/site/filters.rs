//! Filters live in the URL and narrow what is shown.

use super::*;

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

/// A single filter is a page of its own, published with the site: choosing
/// it on the overview or a district's page fetches that page (a few KB) and
/// changes in place what differs. The same elements stay (the select, the
/// rows, the chart boxes), the numbers are the model's, back and forward
/// step through it, and no app code, data file or chart library is fetched.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_single_filter_changes_the_page_in_place_without_the_app() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    portal_harness::emulate_phone(&client, 412, 823).await;
    // Opened as a reader opens it: the app is not started.
    client.goto(&format!("{}zh/", server.url)).await.expect("open");
    wait_for_js(
        &client,
        "return document.querySelector('#page .plan-title') ? true : null",
        "the page",
    )
    .await;
    // Marks on elements that must stay the same elements (a property of the
    // element object, not an attribute: an element rebuilt would lose it),
    // and the time from which what is fetched counts.
    const MARK: &str = r#"
        for (const css of ['#page main', '#filter-district', '.heatmap-section .chart-box',
                           '.indicator-list tbody tr', '.goal-progress .data-table tbody tr']) {
            document.querySelector(css).probe = 'kept';
        }
        window.probeFrom = performance.now();
    "#;
    const AFTER: &str = r#"
        const kept = ['#page main', '#filter-district', '.heatmap-section .chart-box',
                      '.indicator-list tbody tr', '.goal-progress .data-table tbody tr']
            .filter(css => document.querySelector(css)?.probe === 'kept').length;
        const fetched = performance.getEntriesByType('resource').filter(r => r.startTime >= window.probeFrom);
        return { kept, app: !!document.getElementById('app'),
                 files: fetched.map(r => r.name.replace(location.origin + '/', '')),
                 bytes: fetched.reduce((sum, r) => sum + r.transferSize, 0),
                 selected: document.querySelector('#page .heatmap-section .selected-row th')?.textContent ?? null,
                 outlined: document.querySelectorAll('#page .heatmap-section .chart-picture .chosen rect').length,
                 caption: document.querySelector('#page .indicator-list caption')?.textContent ?? '',
                 live: document.querySelector('#page .live-region')?.textContent ?? '',
                 status: document.querySelector('#page .filter-status')?.textContent ?? '',
                 focus: document.activeElement?.id ?? null };
    "#;
    client.execute(MARK, vec![]).await.expect("mark");
    // On a phone the filters are folded: the toggle, then the district.
    client
        .find(Locator::Css("#page .filter-toggle"))
        .await
        .expect("toggle")
        .click()
        .await
        .expect("tap");
    let district = &plan.districts[4];
    let select = client.find(Locator::Css("#filter-district")).await.expect("district select");
    select.click().await.expect("focus");
    select.select_by_value(&district.id).await.expect("choose");
    wait_for_address(&client, &format!("zh/?district={}", district.id)).await;
    let after = wait_for_js(
        &client,
        &format!(
            "const a = (() => {{ {AFTER} }})(); return a.selected === {} ? a : null;",
            serde_json::to_string(&district.name.zh).expect("json")
        ),
        "the district shown in place",
    )
    .await;
    assert_eq!(after["kept"], 5, "the same elements, updated in place: {after}");
    assert_eq!(after["app"], false, "no app: {after}");
    let files: Vec<String> = serde_json::from_value(after["files"].clone()).expect("files");
    assert_eq!(
        files,
        [format!("zh/filters/district/{}/index.html", district.id)],
        "only the state's page is fetched: no app code, data or chart library"
    );
    assert!(after["bytes"].as_u64() < Some(100_000), "under 100 KB: {after}");
    let columns = plan.tasks.iter().filter(|t| {
        t.indicators.iter().any(|i| {
            progress.observations.iter().any(|o| &o.indicator == i && o.district.is_some())
        })
    });
    assert_eq!(
        after["outlined"].as_u64(),
        Some(columns.count() as u64),
        "its row outlined: {after}"
    );
    assert!(after["caption"].as_str().unwrap_or_default().contains(&district.name.zh), "{after}");
    assert_eq!(after["live"], after["status"], "announced: {after}");
    assert_eq!(after["focus"], "filter-district", "focus stays on the select: {after}");
    // The district's own figure, from the model.
    let card = Scorecard::compute(&plan, &progress);
    let patents = plan.indicator("ai-invention-patents").expect("patents");
    let value = card
        .in_district(&district.id, &patents.id)
        .and_then(|a| a.value)
        .map_or("—".to_owned(), |v| format!("{v}{}", patents.unit.zh));
    let row = indicator_rows(&client).await.into_iter().find(|r| r.0 == patents.name.zh);
    assert_eq!(row.expect("patents row").2, value, "the district's value");

    // Back: the page as published, in place again.
    client.back().await.expect("back");
    wait_for_address(&client, "zh/").await;
    let back = wait_for_js(
        &client,
        &format!("const a = (() => {{ {AFTER} }})(); return a.selected === null ? a : null;"),
        "the overview again",
    )
    .await;
    assert_eq!(back["kept"], 5, "{back}");
    assert_eq!(back["app"], false, "{back}");
    assert!(!back["caption"].as_str().unwrap_or_default().contains(&district.name.zh), "{back}");

    // A district's page: the period, as the model assessed it then.
    let period = "2026-06-30";
    client.goto(&format!("{}zh/district/{}/", server.url, district.id)).await.expect("open");
    wait_for_js(&client, "return document.querySelector('#page h1') ? true : null", "the page")
        .await;
    client
        .execute(
            "document.querySelector('#page main').probe = 'kept';
             window.probeFrom = performance.now();",
            vec![],
        )
        .await
        .expect("mark");
    client
        .find(Locator::Css("#page .filter-toggle"))
        .await
        .expect("toggle")
        .click()
        .await
        .expect("tap");
    client
        .find(Locator::Css("#filter-period"))
        .await
        .expect("period select")
        .select_by_value(period)
        .await
        .expect("choose");
    wait_for_address(&client, &format!("zh/district/{}/?period={period}", district.id)).await;
    let shown = wait_for_js(
        &client,
        &format!(
            "const p = document.getElementById('page');
             if (p.dataset.state !== '?period={period}') return null;
             const f = performance.getEntriesByType('resource').filter(r => r.startTime >= window.probeFrom);
             return {{ kept: p.querySelector('main').probe === 'kept', app: !!document.getElementById('app'),
                      files: f.map(r => r.name.replace(location.origin + '/', '')),
                      asOf: p.querySelector('.release-as-of')?.textContent ?? null }};"
        ),
        "the period shown in place",
    )
    .await;
    assert_eq!(shown["kept"], true, "{shown}");
    assert_eq!(shown["app"], false, "{shown}");
    assert_eq!(
        shown["files"],
        serde_json::json!([format!(
            "zh/district/{}/filters/period/{period}/index.html",
            district.id
        )]),
    );
    assert_eq!(shown["asOf"], period, "as of the period: {shown}");
    assert!(console_errors(&client).await.is_empty());
    client.close().await.expect("close");
}
