//! Every view is a page of its own, rendered into the HTML at build time:
//! without JavaScript each page kind in both languages is whole (heading,
//! tables with rows, notices, navigation), titles are distinct, old `#/…`
//! links land on the same view, and a page says so when the data served is
//! newer than the release it was rendered from. Expected texts come from the
//! published files through the model crate.
use std::collections::BTreeSet;

use crate::model::model;
use fantoccini::{Client, Locator};
use plan_model::{Lang, PlanDocument};
use portal_harness::{Driver, StaticServer, dist_dir, tempdir, wait_for_js};
use serde_json::Value;

/// One page of each kind, in a language: its path and the heading it shows.
fn each_kind(plan: &PlanDocument, lang: Lang) -> Vec<(String, String)> {
    let l = lang.code();
    let (indicator, task) = (&plan.indicators[0], &plan.tasks[0]);
    let (district, department) = (&plan.districts[4], &plan.departments[0]);
    vec![
        (format!("{l}/"), plan.plan.title.get(lang).to_owned()),
        (format!("{l}/indicator/{}/", indicator.id), indicator.name.get(lang).to_owned()),
        (format!("{l}/task/{}/", task.id), format!("{}. {}", task.number, task.name.get(lang))),
        (format!("{l}/district/{}/", district.id), district.name.get(lang).to_owned()),
        (format!("{l}/department/{}/", department.id), department.name.get(lang).to_owned()),
        (
            format!("{l}/data/"),
            if lang == Lang::Zh { "数据与方法" } else { "Data and methods" }.to_owned(),
        ),
        (format!("{l}/embed/district-heatmap/"), String::new()),
    ]
}

/// What a reader without scripts has of the page.
const WHOLE: &str = r#"
    const page = document.getElementById('page');
    const h1 = document.querySelector('h1');
    return {
        page: !!page,
        app: !!document.getElementById('app'),
        h1: h1 ? h1.textContent.trim() : null,
        rows: document.querySelectorAll('table tbody tr').length,
        captions: document.querySelectorAll('table caption').length,
        tables: document.querySelectorAll('table').length,
        sample: !!document.querySelector('.sample-notice'),
        nav: !!document.querySelector('.site-nav a'),
        switch_href: document.querySelector('.lang-switch')?.getAttribute('href') ?? null,
        skeleton: !!document.querySelector('.skeleton'),
        title: document.title,
        lang: document.documentElement.lang,
        charts: document.querySelectorAll('.chart').length,
        // Each chart's picture, as shown: its size and how many marks it has.
        pictures: [...document.querySelectorAll('.chart-picture > svg')].map(svg => {
            const box = svg.getBoundingClientRect();
            return { width: Math.round(box.width), height: Math.round(box.height),
                     marks: svg.querySelectorAll('rect, circle, path').length };
        }),
    };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_every_page_kind_in_both_languages_is_whole() {
    let dist = dist_dir();
    let (plan, _) = model(&dist.join("data"));
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser_without_scripts(1280, 900).await;
    let mut titles = BTreeSet::new();
    for lang in [Lang::Zh, Lang::En] {
        for (path, heading) in each_kind(&plan, lang) {
            client.goto(&format!("{}{path}", server.url)).await.expect("open");
            let got = client.execute(WHOLE, vec![]).await.expect("read the page");
            assert_eq!(got["page"], true, "{path}: the rendered page is there: {got}");
            assert_eq!(got["app"], false, "{path}: no script ran: {got}");
            assert_eq!(got["lang"], lang.tag(), "{path}");
            if heading.is_empty() {
                assert!(got["h1"].is_string(), "{path}: the chart's title: {got}");
            } else {
                assert_eq!(got["h1"], Value::from(heading.clone()), "{path}");
            }
            assert!(got["rows"].as_u64() > Some(0), "{path}: tables with rows: {got}");
            assert_eq!(got["captions"], got["tables"], "{path}: every table has its caption");
            assert_eq!(got["sample"], true, "{path}: the sample-data notice: {got}");
            assert_eq!(got["skeleton"], false, "{path}: nothing is left loading");
            // Every chart is a picture on the page, shown, with its marks.
            let pictures = got["pictures"].as_array().expect("pictures");
            assert_eq!(Some(pictures.len() as u64), got["charts"].as_u64(), "{path}: {got}");
            for picture in pictures {
                assert!(picture["width"].as_u64() > Some(200), "{path}: shown: {picture}");
                assert!(picture["height"].as_u64() > Some(200), "{path}: shown: {picture}");
                assert!(picture["marks"].as_u64() > Some(0), "{path}: with marks: {picture}");
            }
            if !path.contains("/embed/") {
                assert_eq!(got["nav"], true, "{path}: navigation");
                let other = lang.other().code();
                let switch = got["switch_href"].as_str().unwrap_or_default();
                assert!(
                    switch.starts_with(&format!("{other}/")),
                    "{path}: the language switch is a link: {switch}"
                );
            }
            let title = got["title"].as_str().unwrap_or_default().to_owned();
            assert!(
                titles.insert(title.clone()),
                "{path}: the title {title} is another page's too"
            );
        }
    }
    // The page's links are real: following one opens the next page whole.
    client.goto(&format!("{}zh/", server.url)).await.expect("open");
    let link = client
        .find(Locator::Css(&format!(
            ".indicator-list a[href='zh/indicator/{}/']",
            plan.indicators[1].id
        )))
        .await
        .expect("a link to an indicator");
    link.click().await.expect("follow it");
    let got = wait_for_js(
        &client,
        &format!(
            "return document.querySelector('h1')?.textContent === {} || null",
            serde_json::to_string(&plan.indicators[1].name.zh).expect("json")
        ),
        "the indicator's page",
    )
    .await;
    assert_eq!(got, true);
    client.close().await.expect("close");
    // For people to look at: the overview and an indicator without scripts.
    for width in [1280, 375] {
        let client = driver.browser_without_scripts(1280, 900).await;
        if width < 500 {
            portal_harness::emulate_phone(&client, width, 812).await;
        }
        for (name, path) in [
            ("overview", "zh/".to_owned()),
            ("overview-en", "en/".to_owned()),
            ("indicator", "zh/indicator/ai-invention-patents/".to_owned()),
        ] {
            client.goto(&format!("{}{path}", server.url)).await.expect("open");
            portal_harness::save_screenshot(&client, &format!("no-script-{name}-{width}.png"))
                .await;
        }
        client.close().await.expect("close");
    }
}

/// The page's address from the site's root (its `<base>`).
async fn address(client: &Client) -> String {
    let got = client
        .execute("return location.href.slice(document.baseURI.split(/[?#]/)[0].length)", vec![])
        .await
        .expect("address");
    got.as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn old_fragment_links_land_on_the_same_view_at_the_root_and_under_a_sub_path() {
    let dist = dist_dir();
    let (plan, _) = model(&dist.join("data"));
    let host_root = tempdir("legacy");
    let prefix = host_root.join("some/prefix");
    std::fs::create_dir_all(prefix.parent().expect("parent")).expect("mkdir");
    std::os::unix::fs::symlink(&dist, &prefix).expect("dist under a prefix");
    let at_root = StaticServer::start(&dist);
    let under_prefix = StaticServer::start(&host_root);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    let (indicator, task) = (&plan.indicators[0].id, &plan.tasks[0].id);
    let (district, department) = (&plan.districts[4].id, &plan.departments[0].id);
    // Those without a language first: they open in the language last chosen,
    // and this browser has chosen none yet (each server is an origin of its own).
    let cases = [
        ("#/".to_owned(), "zh/".to_owned()),
        (format!("#/indicator/{indicator}"), format!("zh/indicator/{indicator}/")),
        ("#/zh/".to_owned(), "zh/".to_owned()),
        (
            format!("#/en/indicator/{indicator}?period=2026-06-30"),
            format!("en/indicator/{indicator}/?period=2026-06-30"),
        ),
        (format!("#/zh/task/{task}"), format!("zh/task/{task}/")),
        (format!("#/en/district/{district}/"), format!("en/district/{district}/")),
        (format!("#/zh/department/{department}"), format!("zh/department/{department}/")),
        ("#/en/data".to_owned(), "en/data/".to_owned()),
        (
            "#/zh/embed/district-heatmap?theme=dark".to_owned(),
            "zh/embed/district-heatmap/?theme=dark".to_owned(),
        ),
        (
            format!("#/en/embed/indicator/{indicator}/trend?release=2026.06.0-sample"),
            format!("en/embed/indicator/{indicator}/trend/?release=2026.06.0-sample"),
        ),
        // A reader who chose English last is sent on in English.
        (format!("#/task/{task}"), format!("en/task/{task}/")),
    ];
    for root in [at_root.url.clone(), format!("{}some/prefix/", under_prefix.url)] {
        for (old, new) in &cases {
            client.goto("about:blank").await.expect("blank");
            client.goto(&format!("{root}{old}")).await.expect("open the old link");
            let wanted = serde_json::to_string(new).expect("json");
            wait_for_js(
                &client,
                &format!(
                    "return location.href.slice(document.baseURI.split(/[?#]/)[0].length) === {wanted} || null"
                ),
                &format!("{old} to land on {new}"),
            )
            .await;
            assert_eq!(&address(&client).await, new);
            assert!(
                client.current_url().await.expect("url").as_str().starts_with(&root),
                "{old}: stays under {root}"
            );
        }
    }
    client.close().await.expect("close");
    let _ = std::fs::remove_dir_all(host_root);
}

/// JSON copied over the site without publishing (one figure changed, the
/// manifest untouched): once shown, with nothing touched, the page checks
/// the data served against what it was rendered from and says which file is
/// not as published; with the data as published it stays as it is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_never_silently_disagrees_with_the_data_served() {
    let dist = dist_dir();
    let copy = tempdir("changed");
    portal_harness::copy_dir(&dist, &copy);
    let server = StaticServer::start(&copy);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    let indicator = &model(&dist.join("data")).0.indicators[0].id;
    let page = format!("{}en/indicator/{indicator}/", server.url);
    let checked = "return document.documentElement.dataset.dataChecked ?? null";
    // Opened as a reader would, touching nothing (the app loads on first use).
    client.goto(&page).await.expect("open");
    let said = wait_for_js(&client, checked, "the data check").await;
    assert_eq!(said.as_str(), Some("same"));
    let app = "return document.getElementById('page') ? 'page' : 'app'";
    assert_eq!(client.execute(app, vec![]).await.expect("js").as_str(), Some("page"));

    let path = copy.join("data/progress.json");
    let mut progress: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    let value = progress["observations"][0]["value"].as_f64().expect("a number");
    progress["observations"][0]["value"] = Value::from(value + 1.0);
    std::fs::write(&path, serde_json::to_string_pretty(&progress).expect("json")).expect("write");
    client.goto(&page).await.expect("open");
    let said = wait_for_js(&client, checked, "the data check").await;
    assert_eq!(said.as_str(), Some("changed progress.json"));
    let warning = wait_for_js(
        &client,
        "const e = document.querySelector('.integrity-warning'); return e && e.textContent",
        "the page saying the data is not as published",
    )
    .await;
    let warning = warning.as_str().unwrap_or_default();
    assert!(warning.contains("progress.json"), "names the file: {warning}");
    client.close().await.expect("close");
    let _ = std::fs::remove_dir_all(copy);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_says_so_when_the_data_served_is_newer_than_its_release() {
    let dist = dist_dir();
    let copy = tempdir("stale");
    portal_harness::copy_dir(&dist, &copy);
    // Someone copies a new progress.json onto the site without publishing.
    let path = copy.join("data/progress.json");
    let mut progress: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    let rendered = progress["release"]["version"].as_str().expect("version").to_owned();
    let copied = "2026.10.0-copied";
    progress["release"]["version"] = Value::from(copied);
    std::fs::write(&path, serde_json::to_string_pretty(&progress).expect("json")).expect("write");
    // Precompressed copies of data are never made; nothing stale is served.
    let server = StaticServer::start(&copy);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    let indicator = &model(&dist.join("data")).0.indicators[0].id;
    portal_harness::open(&client, &format!("{}en/indicator/{indicator}/", server.url)).await;
    let note = wait_for_js(
        &client,
        "return document.querySelector('.stale-note')?.textContent ?? null",
        "the note that page and data disagree",
    )
    .await;
    let note = note.as_str().unwrap_or_default();
    assert!(note.contains(&rendered) && note.contains(copied), "names both releases: {note}");
    let shown = client
        .find(Locator::Css(".release-version"))
        .await
        .expect("version")
        .text()
        .await
        .expect("text");
    assert_eq!(shown, copied, "the newer figures are shown");
    // A view pinned to a release shows that release on purpose: no note.
    portal_harness::open(
        &client,
        &format!("{}en/indicator/{indicator}/?release=2026.06.0-sample", server.url),
    )
    .await;
    wait_for_js(
        &client,
        "return document.querySelector('.release-version') ? true : null",
        "pinned",
    )
    .await;
    let notes = client.find_all(Locator::Css(".stale-note")).await.expect("find");
    assert!(notes.is_empty(), "no note on a pinned view");
    client.close().await.expect("close");
    let _ = std::fs::remove_dir_all(copy);
}

/// With scripts off a chart is drawn all the same: an SVG whose marks carry
/// the numbers of the table beside it, row by row (the goal areas' progress
/// bars and the district × task heatmap's cells).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_charts_are_pictures_with_the_numbers_of_their_tables() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser_without_scripts(1280, 900).await;
    client.goto(&format!("{}zh/", server.url)).await.expect("open");
    const MARKS: &str = r#"
        const card = document.querySelector(arguments[0]);
        const rows = [...card.querySelectorAll('.data-table tbody tr')]
            .map(tr => [...tr.querySelectorAll('th, td')].map(c => c.textContent.trim()));
        const marks = [...card.querySelectorAll('.chart-picture rect > title')]
            .map(t => t.textContent);
        return { rows, marks, script: typeof window.echarts };
    "#;
    let got = client.execute(MARKS, vec![Value::from(".goal-progress")]).await.expect("read");
    assert_eq!(got["script"], "undefined");
    let rows: Vec<Vec<String>> = serde_json::from_value(got["rows"].clone()).expect("rows");
    let marks: Vec<String> = serde_json::from_value(got["marks"].clone()).expect("marks");
    assert_eq!(marks.len(), rows.len(), "a bar per goal area: {got}");
    for (mark, row) in marks.iter().zip(&rows) {
        // "产业质效  ● 进度正常: 平均完成度 % 88.7": its row's name and number.
        assert!(mark.starts_with(&row[0]), "{mark} is not the bar of {row:?}");
        let value: f64 = mark.rsplit(' ').next().and_then(|v| v.parse().ok()).expect("a number");
        assert!(
            row.iter().any(|c| c.parse::<f64>() == Ok(value)),
            "{mark}: {value} is not in {row:?}"
        );
    }
    let got = client.execute(MARKS, vec![Value::from(".heatmap-section")]).await.expect("read");
    let rows: Vec<Vec<String>> = serde_json::from_value(got["rows"].clone()).expect("rows");
    let marks: Vec<String> = serde_json::from_value(got["marks"].clone()).expect("marks");
    let columns = rows[0].len() - 1;
    assert_eq!(marks.len(), rows.len() * columns, "a cell per district and task: {got}");
    for (i, mark) in marks.iter().enumerate() {
        let row = &rows[i / columns];
        // "周市镇, 3: ▲ 52": the same glyph as the table's cell, and its number whole.
        assert!(mark.starts_with(&row[0]), "{mark} is not in the row of {}", row[0]);
        let cell = &row[i % columns + 1];
        let words = mark.rsplit(": ").next().expect("words");
        let (glyph, number) = words.split_once(' ').expect("glyph and number");
        assert!(cell.starts_with(glyph), "{mark} vs the table's {cell}");
        // The table's cell: "✔ 100 已完成", glyph, number (or —), status in words.
        match cell.split_whitespace().nth(1).and_then(|n| n.parse::<f64>().ok()) {
            Some(v) => assert!(
                (number.parse::<f64>().expect("a number") - v).abs() <= 0.5,
                "{mark} vs the table's {cell}"
            ),
            None => assert_eq!(number, "—", "{mark} vs the table's {cell}"),
        }
    }
    client.close().await.expect("close");
}
