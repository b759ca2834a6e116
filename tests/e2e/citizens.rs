//! The citizens' portal beyond the anchors (issue 32), as a reader on a phone
//! uses it: the districts' tile map (its cells and table say the ranking the
//! model gives, a cell opens its district, with no app and no chart library),
//! the feedback link that names the item, and read-aloud (the speech API is
//! called with the page's own words, in its language, only on a click).
//! Expected values come from the published data through the view model.

use std::sync::Arc;

use fantoccini::{Locator, key::Key};
use plan_model::Lang;
use portal_harness::{Driver, StaticServer, dist_dir, wait_for_js};
use portal_view::assessed::Assessed;
use portal_view::url::Route;
use serde_json::Value;

use crate::model::model;

/// What the overview's map shows: each cell's link and words, and its table.
const MAP: &str = r#"
    const map = document.querySelector('.map-section .tile-map');
    if (!map) return null;
    const cells = [...map.querySelectorAll('a')].map(a => ({
        href: a.getAttribute('href'),
        words: a.getAttribute('aria-label'),
        text: [...a.querySelectorAll('text')].filter(t => getComputedStyle(t).display !== 'none').map(t => t.textContent).join(' '),
        fill: a.querySelector('rect').getAttribute('fill'),
    }));
    const rows = [...document.querySelectorAll('.map-section .data-table tbody tr')].map(tr =>
        [...tr.cells].map(c => c.textContent.trim()));
    return {
        cells, rows,
        app: !!window.wasmBindings,
        echarts: !!window.echarts,
        box: map.getBoundingClientRect().width,
    };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_shows_each_district_where_it_lies_with_the_ranking_and_opens_it() {
    let (plan, progress) = model(&dist_dir().join("data"));
    let plan = Arc::new(plan);
    let assessed = Assessed::new(plan.clone(), Arc::new(progress), None);
    let all: Vec<String> = plan.indicators.iter().map(|i| i.id.clone()).collect();
    let standings = assessed.standings(&all);

    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    portal_harness::emulate_phone(&client, 412, 823).await;
    for lang in [Lang::Zh, Lang::En] {
        client.goto(&format!("{}{}/", server.url, lang.code())).await.expect("open");
        let shown = wait_for_js(&client, MAP, "the overview's map").await;
        let cells = shown["cells"].as_array().expect("cells");
        let rows = shown["rows"].as_array().expect("rows");
        assert_eq!(cells.len(), plan.districts.len(), "a cell per district");
        assert_eq!(rows.len(), standings.list.len(), "a row per district");
        for (row, s) in rows.iter().zip(&standings.list) {
            let d = plan.districts.iter().find(|d| d.id == s.district).expect("district");
            let href = Route::District(d.id.clone()).href(lang);
            let cell = cells.iter().find(|c| c["href"] == href.as_str()).expect("its cell");
            let rank = s.rank.expect("ranked").to_string();
            let status = s.roll_up.status;
            // The cell: its short name, glyph and rank, its colour, and words
            // that say it all.
            let text = cell["text"].as_str().unwrap_or_default();
            let label = d.tile.as_ref().expect("placed").label.get(lang);
            assert!(text.starts_with(label), "{text}");
            assert!(text.contains(status.icon()) && text.contains(&rank), "{text}");
            assert_eq!(cell["fill"], portal_view::figures::map::fill(status));
            let words = cell["words"].as_str().unwrap_or_default();
            assert!(
                words.contains(d.name.get(lang)) && words.contains(status.label(lang)),
                "{words}"
            );
            assert!(words.contains(&rank), "{words}");
            // The table, in the ranking's order.
            assert!(row[0].as_str().unwrap_or_default().contains(d.name.get(lang)), "{row}");
            assert_eq!(row[1], rank.as_str(), "{row}");
            assert!(row[2].as_str().unwrap_or_default().contains(status.label(lang)), "{row}");
        }
        assert_eq!(shown["app"], false, "reading the map starts no app");
        assert_eq!(shown["echarts"], false, "nor the chart library");
        assert!(shown["box"].as_f64().unwrap_or(0.0) <= 412.0, "the map fits the phone");
    }

    // A tap on a cell opens its district.
    let first = &standings.list[0];
    let href = Route::District(first.district.clone()).href(Lang::En);
    client
        .find(Locator::Css(&format!(".map-section .tile-map a[href='{href}']")))
        .await
        .expect("the first district's cell")
        .click()
        .await
        .expect("tap");
    let landed = wait_for_js(
        &client,
        &format!(
            "return location.pathname.endsWith('/{href}') && document.querySelector('h1') ? document.querySelector('h1').textContent : null"
        ),
        "the district's page",
    )
    .await;
    let name = &plan.districts.iter().find(|d| d.id == first.district).expect("district").name.en;
    assert!(landed.as_str().unwrap_or_default().contains(name.as_str()), "{landed}");

    // By keyboard: a cell is a link; Enter opens it, starting no app.
    client.goto(&format!("{}zh/", server.url)).await.expect("open");
    wait_for_js(&client, MAP, "the map").await;
    let last = standings.list.last().expect("a district");
    let href = Route::District(last.district.clone()).href(Lang::Zh);
    client
        .execute(
            &format!(
                "document.querySelector(\".tile-map a[href='{href}']\").focus(); return null;"
            ),
            vec![],
        )
        .await
        .expect("focus");
    let focused: Value = client
        .execute("return document.activeElement.getAttribute('href')", vec![])
        .await
        .expect("focus");
    assert_eq!(focused, href.as_str(), "a cell takes focus");
    client
        .active_element()
        .await
        .expect("focused")
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter");
    wait_for_js(
        &client,
        &format!("return location.pathname.endsWith('/{href}') || null"),
        "the district by Enter",
    )
    .await;
    client.close().await.expect("close");
}

/// The map's embed: the same cells, each opening the portal in a new tab.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_embeds_with_cells_that_open_the_portal() {
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(600, 800).await;
    client.goto(&format!("{}zh/embed/district-map/", server.url)).await.expect("open");
    let shown = wait_for_js(
        &client,
        r#"const links = [...document.querySelectorAll('.tile-map a')];
           return links.length ? links.map(a => [a.getAttribute('target'), a.getAttribute('rel')]) : null;"#,
        "the embedded map",
    )
    .await;
    let (plan, _) = model(&dist_dir().join("data"));
    let links = shown.as_array().expect("links");
    assert_eq!(links.len(), plan.districts.len());
    assert!(links.iter().all(|l| l[0] == "_blank" && l[1] == "noopener"), "{shown}");
    client.close().await.expect("close");
}
