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
        words: a.querySelector('title').textContent,
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

/// Every indicator, commitment and district page links to the channel the
/// data names, with the item named; no app is started to read it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_links_name_the_item_they_are_about() {
    let (plan, _) = model(&dist_dir().join("data"));
    let channel = plan.plan.feedback.first().expect("the bundled data names a channel");
    let href = channel.href("x").expect("a link");
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    let indicator = &plan.indicators[0];
    let district = &plan.districts[3];
    let commitment = plan.commitments.iter().find(|c| c.task.is_some()).expect("a commitment");
    let task = commitment.task.clone().expect("its task");
    for lang in [Lang::Zh, Lang::En] {
        let pages = [
            (
                Route::Indicator(indicator.id.clone()),
                ".feedback".to_owned(),
                indicator.name.get(lang),
                &indicator.id,
            ),
            (
                Route::District(district.id.clone()),
                ".feedback".to_owned(),
                district.name.get(lang),
                &district.id,
            ),
            (
                Route::Task(task.clone()),
                format!("#commitment-{} .feedback", commitment.id),
                commitment.name.get(lang),
                &commitment.id,
            ),
        ];
        for (route, selector, name, id) in pages {
            client.goto(&format!("{}{}", server.url, route.href(lang))).await.expect("open");
            let shown = wait_for_js(
                &client,
                &format!(
                    r#"const p = document.querySelector({selector:?});
                       const a = p && p.querySelector('a.feedback-link');
                       return a ? {{ text: p.textContent, href: a.getAttribute('href'), link: a.textContent, app: !!window.wasmBindings }} : null;"#
                ),
                "the feedback line",
            )
            .await;
            assert_eq!(shown["href"], href.as_str(), "{route:?}");
            let text = shown["text"].as_str().unwrap_or_default();
            assert!(text.contains(name) && text.contains(id.as_str()), "{route:?}: {text}");
            let link = shown["link"].as_str().unwrap_or_default();
            assert!(link.contains(channel.name.get(lang)), "{route:?}: {link}");
            assert_eq!(shown["app"], false);
        }
    }
    client.close().await.expect("close");
}

/// Read aloud: no sound until a click; the status and why and a chart's
/// summary are spoken as the page says them, in the page's language; a
/// second press stops; by keyboard too; no app is started.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_aloud_speaks_the_pages_own_words_on_a_click_only() {
    let (plan, progress) = model(&dist_dir().join("data"));
    let plan = Arc::new(plan);
    let assessed = Assessed::new(plan.clone(), Arc::new(progress), None);
    let id = "ai-invention-patents";
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    for (lang, code) in [(Lang::Zh, "zh-CN"), (Lang::En, "en")] {
        let city = assessed.card.city.get(id).expect("assessed");
        let trend = portal_view::figures::build(
            &portal_view::url::FigureId::IndicatorTrend(id.into()),
            &plan,
            Some(&assessed),
            lang,
            &portal_view::url::Filters::default(),
        )
        .expect("its trend");
        client
            .goto(&format!("{}{}", server.url, Route::Indicator(id.into()).href(lang)))
            .await
            .expect("open");
        // Listen to the speech API (what a test can hear).
        let ready = wait_for_js(
            &client,
            r#"if (!document.documentElement.classList.contains('can-speak')) return null;
               window.spoken = []; window.stopped = 0;
               speechSynthesis.speak = (u) => window.spoken.push({ text: u.text, lang: u.lang });
               speechSynthesis.cancel = () => { window.stopped += 1; };
               const b = document.querySelector('.status-box button.speak');
               return { visible: getComputedStyle(b).visibility, name: b.getAttribute('aria-label') };"#,
            "the read-aloud buttons",
        )
        .await;
        assert_eq!(ready["visible"], "visible", "{ready}");
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let heard: Value = client.execute("return window.spoken", vec![]).await.expect("heard");
        assert_eq!(heard, serde_json::json!([]), "no sound without a click");

        client
            .find(Locator::Css(".status-box button.speak"))
            .await
            .expect("button")
            .click()
            .await
            .expect("click");
        let heard: Value = client
            .execute("return [window.spoken, document.querySelector('.status-box button.speak').getAttribute('aria-pressed')]", vec![])
            .await
            .expect("heard");
        let said = heard[0][0]["text"].as_str().unwrap_or_default();
        assert!(said.starts_with(city.status.label(lang)), "{said}");
        assert!(said.contains(city.explanation.get(lang)), "{said}");
        assert_eq!(heard[0][0]["lang"], code);
        assert_eq!(heard[1], "true", "the button says it is speaking");
        // A second press stops it.
        client
            .find(Locator::Css(".status-box button.speak"))
            .await
            .expect("button")
            .click()
            .await
            .expect("click");
        let after: Value = client
            .execute("return [window.spoken.length, window.stopped, document.querySelector('.status-box button.speak').getAttribute('aria-pressed')]", vec![])
            .await
            .expect("after");
        assert_eq!(after, serde_json::json!([1, 2, "false"]), "stopped, not spoken again");

        // The chart's summary, by keyboard.
        client
            .execute(
                "document.querySelector('.trend-section button.speak').focus(); return null;",
                vec![],
            )
            .await
            .expect("focus");
        client
            .active_element()
            .await
            .expect("focused")
            .send_keys(&Key::Enter.to_string())
            .await
            .expect("Enter");
        let heard = wait_for_js(
            &client,
            "return window.spoken.length === 2 ? [window.spoken[1], document.querySelector('.trend-section .chart').getAttribute('aria-label')] : null",
            "the summary",
        )
        .await;
        // The chart's summary, as its label gives it to screen readers.
        let said = heard[0]["text"].as_str().unwrap_or_default();
        assert!(said.starts_with(trend.description.as_str()), "{said}");
        assert_eq!(heard[0]["text"], heard[1]);
        let app: Value = client.execute("return !!window.wasmBindings", vec![]).await.expect("app");
        assert_eq!(app, false, "reading aloud starts no app");
        // A district's status box reads what it shows: its status and rank.
        let all: Vec<String> = plan.indicators.iter().map(|i| i.id.clone()).collect();
        let standings = assessed.standings(&all);
        let mine = &standings.list[2];
        client
            .goto(&format!("{}{}", server.url, Route::District(mine.district.clone()).href(lang)))
            .await
            .expect("open");
        let words = wait_for_js(
            &client,
            "const b = document.querySelector('.district-summary button.speak'); return b && b.dataset.speak;",
            "the district's read-aloud",
        )
        .await;
        let words = words.as_str().unwrap_or_default();
        let rank = format!("{} / {}", mine.rank.expect("ranked"), standings.list.len());
        assert!(
            words.starts_with(mine.roll_up.status.label(lang)) && words.contains(&rank),
            "{words}"
        );
    }
    client.close().await.expect("close");
}

/// A key task's and a commitment's delivery confidence is beside what is
/// measured, dated and reasoned, and where the two disagree the page says so:
/// the model picks the items, the page must show exactly them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confidence_is_beside_progress_and_disagreement_is_said() {
    use plan_model::confidence::{commitment_on_course, disagrees, latest, measured_on_course};
    let (plan, progress) = model(&dist_dir().join("data"));
    let plan = Arc::new(plan);
    let progress = Arc::new(progress);
    let assessed = Assessed::new(plan.clone(), progress.clone(), None);
    // A commitment rated high while measured off course, and one in step.
    let rated: Vec<(&plan_model::plan::Commitment, bool)> = plan
        .commitments
        .iter()
        .filter(|c| c.task.is_some())
        .filter_map(|c| {
            let (_, conf) = latest(&progress, &c.id)?;
            Some((c, disagrees(conf.level, commitment_on_course(&plan, &progress, &c.id))))
        })
        .collect();
    let odd = rated.iter().find(|(_, d)| *d).expect("the sample has a disagreement").0;
    let even = rated.iter().find(|(_, d)| !*d).expect("and an agreement").0;
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    for lang in [Lang::Zh, Lang::En] {
        for (c, disagreeing) in [(odd, true), (even, false)] {
            let task = c.task.clone().expect("its task");
            client
                .goto(&format!("{}{}", server.url, Route::Task(task.clone()).href(lang)))
                .await
                .expect("open");
            let shown = wait_for_js(
                &client,
                &format!(
                    r#"const li = document.getElementById('commitment-{}');
                       const box = li && li.querySelector('.confidence');
                       if (!box) return null;
                       const stage = li.querySelector('.commitment-stage');
                       return {{ line: box.querySelector('.confidence-line').textContent,
                                 reason: box.querySelector('.confidence-reason').textContent,
                                 disagrees: box.querySelector('.confidence-disagrees')?.textContent ?? null,
                                 after_stage: !!(stage.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) }};"#,
                    c.id
                ),
                "the commitment's confidence",
            )
            .await;
            let (update, conf) = latest(&progress, &c.id).expect("rated");
            let line = shown["line"].as_str().unwrap_or_default();
            assert!(
                line.contains(conf.level.label(lang)) && line.contains(&update.as_of),
                "{line}"
            );
            assert!(line.contains(conf.level.icon()), "bars beside the words: {line}");
            let reason = shown["reason"].as_str().unwrap_or_default();
            assert!(
                reason.contains(&conf.reason.zh) || reason.contains(&conf.reason.en),
                "{reason}"
            );
            assert_eq!(shown["after_stage"], true, "beside, after the measured stage");
            assert_eq!(!shown["disagrees"].is_null(), disagreeing, "{} {shown}", c.id);
        }
        // The key task's own rating, beside its status.
        let task = &plan.tasks[0];
        client
            .goto(&format!("{}{}", server.url, Route::Task(task.id.clone()).href(lang)))
            .await
            .expect("open");
        let shown = wait_for_js(
            &client,
            "const b = document.querySelector('.task-confidence .confidence'); return b ? { line: b.textContent, disagrees: !!b.querySelector('.confidence-disagrees') } : null;",
            "the task's confidence",
        )
        .await;
        let (_, conf) = latest(&progress, &task.id).expect("the task is rated");
        let status = assessed.task(&task.id).expect("rolled up").status;
        assert!(
            shown["line"].as_str().unwrap_or_default().contains(conf.level.label(lang)),
            "{shown}"
        );
        assert_eq!(
            shown["disagrees"],
            disagrees(conf.level, measured_on_course(status)),
            "{shown}"
        );
    }
    client.close().await.expect("close");
}

/// What is promised next: every late report the model finds is flagged on
/// its own page (indicator or commitment), counted on the overview and its
/// key task, and listed on the commitments page; one on time says when it
/// is next due.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_report_is_flagged_on_its_page_in_roll_ups_and_listed() {
    use plan_model::cadence::{late_items, reporting};
    let (plan, progress) = model(&dist_dir().join("data"));
    let late = late_items(&plan, &progress);
    assert!(!late.is_empty(), "the sample has late reports");
    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    let client = driver.browser(412, 823).await;
    let lang = Lang::Zh;
    let text_of = |selector: &str| {
        format!("const e = document.querySelector({selector:?}); return e ? e.textContent : null;")
    };
    // The overview's roll-up, and the list it leads to.
    client.goto(&format!("{}zh/", server.url)).await.expect("open");
    let count =
        wait_for_js(&client, &text_of(".glance-commitments .late-summary"), "the count").await;
    assert!(
        count.as_str().unwrap_or_default().contains(&format!("逾期未报 {} 项", late.len())),
        "{count}"
    );
    client.goto(&format!("{}zh/commitments/#late-reports", server.url)).await.expect("open");
    let rows = wait_for_js(
        &client,
        "const rows = [...document.querySelectorAll('#late-reports tbody tr')]; return rows.length ? rows.map(r => r.querySelector('a').getAttribute('href')) : null;",
        "the late list",
    )
    .await;
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len(), late.len(), "every late report listed");
    // Each on its own page, flagged, with when it was due.
    for (id, r) in &late {
        let (page, selector) = match plan.commitment(id) {
            Some(c) => (
                Route::Task(c.task.clone().unwrap_or_default()).href(lang),
                format!("#commitment-{id} .reporting-line"),
            ),
            None => (Route::Indicator(id.clone()).href(lang), ".reporting-line".to_owned()),
        };
        if plan.commitment(id).is_some_and(|c| c.task.is_none()) {
            continue; // a safeguard: listed on the commitments page, checked above
        }
        client.goto(&format!("{}{page}", server.url)).await.expect("open");
        let line = wait_for_js(&client, &text_of(&selector), "the reporting line").await;
        let line = line.as_str().unwrap_or_default();
        assert!(line.contains("逾期未报") && line.contains(&r.next_due), "{id}: {line}");
        assert!(line.contains(r.cadence.label(lang)), "{id}: {line}");
    }
    // The task that holds a late commitment says how many of its own are late.
    let (id, _) = late
        .iter()
        .find(|(id, _)| plan.commitment(id).is_some_and(|c| c.task.is_some()))
        .expect("a late commitment");
    let task = plan.commitment(id).and_then(|c| c.task.clone()).expect("its task");
    let own = late
        .iter()
        .filter(|(i, _)| {
            plan.commitment(i).is_some_and(|c| c.task.as_deref() == Some(task.as_str()))
                || plan.tasks.iter().any(|t| t.id == task && t.indicators.contains(i))
        })
        .count();
    client
        .goto(&format!("{}{}", server.url, Route::Task(task.clone()).href(lang)))
        .await
        .expect("open");
    let said =
        wait_for_js(&client, &text_of(".task-commitments .late-summary"), "the task's count").await;
    assert!(said.as_str().unwrap_or_default().contains(&format!("逾期未报 {own} 项")), "{said}");
    // On time: when the next report is due, no flag.
    let on_time = reporting(&plan, &progress, "ai-invention-patents").expect("reports");
    assert!(!on_time.late);
    client
        .goto(&format!(
            "{}{}",
            server.url,
            Route::Indicator("ai-invention-patents".into()).href(lang)
        ))
        .await
        .expect("open");
    let line = wait_for_js(&client, &text_of(".reporting-line"), "the line").await;
    let line = line.as_str().unwrap_or_default();
    assert!(
        line.contains(&format!("下次应报 {}", on_time.next_due)) && !line.contains("逾期"),
        "{line}"
    );
    client.close().await.expect("close");
}
