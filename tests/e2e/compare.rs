//! Compare districts (issue 32): the page as served (the first and the last
//! of the ranking, with no app), a choice made with the boxes on a phone and
//! sent (the choice in the address; the app shows it), a choice of one
//! refused in words, and the English page opened from a link. Every number
//! is checked against the model: each district's lead on expected progress
//! at each date (`districts_history`), its standing, and its row by task.

use std::sync::Arc;

use fantoccini::{Client, Locator};
use plan_model::Lang;
use plan_model::status::districts_history;
use portal_harness::{Driver, StaticServer, dist_dir, wait_for_js};
use portal_view::assessed::Assessed;
use serde_json::Value;

use crate::model::model;

/// What the page shows: whose comparison, the side-by-side table, the trend's
/// and the by-task tables, and whether the app runs.
const SHOWN: &str = r#"
    const root = window.wasmBindings ? document.getElementById('app') : document.getElementById('page');
    const showing = root && root.querySelector('.compare-showing');
    if (!showing) return null;
    const rows = (css) => [...root.querySelectorAll(css + ' tbody tr')].map(tr =>
        [...tr.cells].map(c => c.textContent.trim()));
    return {
        app: !!window.wasmBindings,
        showing: showing.textContent,
        message: root.querySelector('.compare-message')?.textContent ?? '',
        heads: [...root.querySelectorAll('.compare-table thead th')].map(th => th.textContent.trim()),
        side: rows('.compare-table'),
        trendHeads: [...root.querySelectorAll('.compare-trend .data-table thead th')].map(th => th.textContent.trim()),
        trend: rows('.compare-trend .data-table'),
        tasks: rows('.compare-tasks .data-table'),
        checked: [...root.querySelectorAll('.compare-form input[name=towns]:checked')].map(i => i.value),
        picture: !!root.querySelector('.compare-trend .chart-picture svg'),
        address: location.pathname.replace(/^\//, '') + location.search,
    };
"#;

/// Checks the page against the model for `towns` (ids, in order).
fn check(shown: &Value, assessed: &Assessed, towns: &[&str], lang: Lang) {
    let plan = &assessed.plan;
    let name = |id: &str| {
        plan.districts.iter().find(|d| d.id == id).expect("district").name.get(lang).to_owned()
    };
    let names: Vec<String> = towns.iter().map(|t| name(t)).collect();
    let heads: Vec<String> = serde_json::from_value(shown["heads"].clone()).expect("heads");
    assert_eq!(heads[1..], names[..], "a column per district, in order: {shown}");
    let checked: Vec<String> = serde_json::from_value(shown["checked"].clone()).expect("boxes");
    let mut sorted_towns: Vec<&str> = towns.to_vec();
    sorted_towns.sort_by_key(|t| plan.districts.iter().position(|d| d.id == *t));
    assert_eq!(checked, sorted_towns, "the boxes say the choice: {shown}");
    // The side-by-side table: status, rank and lead, from the standings.
    let all: Vec<String> = plan.indicators.iter().map(|i| i.id.clone()).collect();
    let standings = assessed.standings(&all);
    let side = shown["side"].as_array().expect("side rows");
    let row = |at: usize| -> Vec<String> { serde_json::from_value(side[at].clone()).expect("row") };
    let (status_row, rank_row, lead_row) = (row(1), row(2), row(5));
    for (i, town) in towns.iter().enumerate() {
        let s = standings.of(town).expect("standing");
        assert!(status_row[i + 1].contains(s.roll_up.status.label(lang)), "{status_row:?}");
        let ranked = standings.list.iter().filter(|s| s.rank.is_some()).count();
        assert_eq!(rank_row[i + 1], format!("{} / {ranked}", s.rank.expect("ranked")));
        assert_eq!(lead_row[i + 1], format!("{:+.1}", s.lead_points.expect("lead")));
    }
    // Over time: every date any of them reported, each one's lead then.
    let own: Vec<(String, Vec<String>)> = towns
        .iter()
        .map(|t| {
            let mine = all.iter().filter(|i| assessed.card.in_district(t, i).is_some());
            ((*t).to_owned(), mine.cloned().collect())
        })
        .collect();
    let history: Vec<_> = districts_history(plan, &assessed.full, &own, None)
        .into_iter()
        .filter(|r| r.iter().any(Option::is_some))
        .collect();
    let trend = shown["trend"].as_array().expect("trend rows");
    assert_eq!(trend.len(), history.len(), "a row per date: {shown}");
    assert!(!history.is_empty());
    let trend_heads: Vec<String> =
        serde_json::from_value(shown["trendHeads"].clone()).expect("heads");
    assert_eq!(trend_heads[1..], names[..], "{shown}");
    for (cells, points) in trend.iter().zip(&history) {
        let cells: Vec<String> = serde_json::from_value(cells.clone()).expect("cells");
        let date = &points.iter().flatten().next().expect("a point").as_of;
        assert_eq!(&cells[0], date);
        for (cell, point) in cells[1..].iter().zip(points) {
            let expected = point.as_ref().map_or_else(
                || "—".to_owned(),
                |p| {
                    let lead = ((p.completion_percent - p.expected_percent) * 10.0).round() / 10.0;
                    format!("{lead:.1}")
                },
            );
            assert_eq!(cell, &expected, "{date}: {cells:?}");
        }
    }
    // By task: a row per district, in the same order.
    let tasks = shown["tasks"].as_array().expect("task rows");
    assert_eq!(tasks.len(), towns.len(), "{shown}");
    for (row, town) in tasks.iter().zip(&names) {
        assert!(row[0].as_str().unwrap_or_default().contains(town.as_str()), "{row}");
    }
    assert_eq!(shown["picture"], true, "the trend is a picture in the page: {shown}");
}

async fn tap(client: &Client, css: &str) {
    client.find(Locator::Css(css)).await.expect(css).click().await.expect("tap");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn districts_compared_side_by_side_agree_with_the_model() {
    let (plan, progress) = model(&dist_dir().join("data"));
    let plan = Arc::new(plan);
    let assessed = Assessed::new(plan.clone(), Arc::new(progress), None);
    let all: Vec<String> = plan.indicators.iter().map(|i| i.id.clone()).collect();
    let standings = assessed.standings(&all);
    let ranked: Vec<&str> =
        standings.list.iter().filter(|s| s.rank.is_some()).map(|s| s.district.as_str()).collect();
    let (first, last) = (ranked[0], ranked[ranked.len() - 1]);

    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    portal_harness::emulate_phone(&client, 412, 823).await;
    // As served: the first and the last of the ranking, without the app.
    client.goto(&format!("{}zh/compare/", server.url)).await.expect("open");
    let shown = wait_for_js(&client, SHOWN, "the compare page").await;
    assert_eq!(shown["app"], false, "{shown}");
    check(&shown, &assessed, &[first, last], Lang::Zh);

    // Three chosen with the boxes and sent: the address holds the choice,
    // and the page at it (the app) shows those three, in the plan's order
    // the form sends them.
    let chosen: Vec<&str> = [2, 5, 8].iter().map(|&i| plan.districts[i].id.as_str()).collect();
    for id in [first, last] {
        if !chosen.contains(&id) {
            tap(&client, &format!(".compare-form input[value={id}]")).await;
        }
    }
    for id in &chosen {
        if ![first, last].contains(id) {
            tap(&client, &format!(".compare-form input[value={id}]")).await;
        }
    }
    let app: Value = client.execute("return !!window.wasmBindings", vec![]).await.expect("app");
    assert_eq!(app, false, "choosing starts nothing");
    tap(&client, ".compare-form button[type=submit]").await;
    let address = chosen.iter().map(|t| format!("towns={t}")).collect::<Vec<_>>().join("&");
    let shown = wait_for_js(
        &client,
        &format!(
            "const s = (() => {{ {SHOWN} }})(); return s && s.app && s.address === {:?} ? s : null;",
            format!("zh/compare/?{address}")
        ),
        "the chosen three, by the app",
    )
    .await;
    check(&shown, &assessed, &chosen, Lang::Zh);

    // One left: refused in words, the address unchanged.
    for id in &chosen[1..] {
        tap(&client, &format!("#app .compare-form input[value={id}]")).await;
    }
    tap(&client, "#app .compare-form button[type=submit]").await;
    let said = wait_for_js(
        &client,
        "const m = document.querySelector('#app .compare-message'); return m && m.textContent || null;",
        "the refusal",
    )
    .await;
    assert_eq!(said, "请选择 2 至 5 个区镇（现在选了 1 个）。");
    let still: Value = client.execute("return location.search", vec![]).await.expect("address");
    assert_eq!(still, format!("?{address}"));

    // A link in English, written with commas, in the reader's order.
    let linked = [chosen[2], first];
    client
        .goto(&format!("{}en/compare/?towns={}", server.url, linked.join(",")))
        .await
        .expect("open");
    let shown = wait_for_js(
        &client,
        &format!("const s = (() => {{ {SHOWN} }})(); return s && s.app ? s : null;"),
        "the English comparison",
    )
    .await;
    check(&shown, &assessed, &linked, Lang::En);
}
