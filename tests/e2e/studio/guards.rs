//! Hostile files, pages that never load the studio, and axe with findings shown.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_files_get_a_message_and_leave_the_draft_as_it_was() {
    let dist = dist_dir();
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("crates/plan-cli/tests/fixtures");
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 1000).await;
    client.goto(&format!("{}en/publish/", server.url)).await.expect("open");
    wait_for_js(
        &client,
        "const i = document.querySelector('#studio-file'); return i && !i.disabled",
        "the studio",
    )
    .await;
    // A good sheet first, so there is a draft to keep.
    choose(&client, &fixtures.join("filled.xlsx")).await;
    outcome(&client, "imported", "filled.xlsx").await;
    for (file, words) in [
        ("not-a-workbook.xlsx", "not a valid Excel workbook"),
        ("zip-bomb.xlsx", "unpacks to"),
        ("formula.xlsx", "formula"),
        ("far-cell.xlsx", "beyond the limits"),
        ("cell-error.xlsx", "error value"),
    ] {
        choose(&client, &fixtures.join(file)).await;
        let said = outcome(&client, "refused", file).await;
        assert!(said.contains(file) && said.contains(words), "{file}: {said}");
        let draft = client.find(Locator::Css(".studio-draft")).await.expect("draft").text().await;
        assert!(draft.expect("text").contains("1 sheets imported"), "{file}: the draft is kept");
    }
    // Markup in a cell is shown as the text it is.
    let work = tempdir("studio-markup");
    let sheet = work.join("markup.csv");
    std::fs::write(
        &sheet,
        "指标编号,区镇编号,日期,数值\nai-enterprises,,2026-12-31,<img src=x onerror=alert(1)><b>12</b>\n",
    )
    .expect("write");
    choose(&client, &sheet).await;
    let said = outcome(&client, "bad-cells", "markup.csv").await;
    assert!(said.contains("<b>12</b>"), "the markup is quoted as text: {said}");
    let elements = client
        .execute("return document.querySelectorAll('.studio img, .studio b').length", vec![])
        .await
        .expect("count");
    assert_eq!(elements, json!(0), "no element came from the cell");
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_pages_never_load_the_studio() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::open(&client, &format!("{}zh/", server.url)).await;
    // Use the page, so that the app loads on first use.
    client.find(Locator::Css("select")).await.expect("a control").click().await.expect("click");
    portal_harness::wait_for_app(&client, "the app").await;
    let loaded = client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).join(' ')",
            vec![],
        )
        .await
        .expect("resources");
    let loaded = loaded.as_str().unwrap_or_default();
    assert!(loaded.contains("kunshan-portal"), "the app loaded: {loaded}");
    assert!(!loaded.contains("studio"), "no studio file on the overview: {loaded}");
    let html = std::fs::read_to_string(dist.join("zh/index.html")).expect("page");
    assert!(!html.contains("studio/"), "the overview names no studio file");
    let mut buf = String::new();
    std::fs::File::open(dist.join("zh/publish/index.html"))
        .expect("the studio's page")
        .read_to_string(&mut buf)
        .expect("read");
    assert!(buf.contains("studio/boot-") && !buf.contains("src=\"./boot-"), "{buf}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_studio_has_no_axe_violations_with_its_findings_shown() {
    let dist = dist_dir();
    let axe = crate::axe::axe_source();
    let typos =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("crates/plan-cli/tests/fixtures/typos.xlsx");
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let mut failures = Vec::new();
    for (width, height) in [(1280, 900), (375, 812)] {
        let client = driver.browser(1280, 900).await;
        if width < 500 {
            portal_harness::emulate_phone(&client, width, height).await;
        }
        for scheme in ["light", "dark"] {
            portal_harness::emulate_colour_scheme(&client, scheme).await;
            for lang in ["zh", "en"] {
                let url = format!("{}{lang}/publish/", server.url);
                client.goto(&url).await.expect("open");
                wait_for_js(
                    &client,
                    "const i = document.querySelector('#studio-file'); return i && !i.disabled",
                    "the studio",
                )
                .await;
                // As a staff member sees it with the findings and the grid shown.
                choose(&client, &typos).await;
                outcome(&client, "bad-cells", "typos.xlsx").await;
                for v in crate::axe::violations(&client, &axe).await {
                    failures.push(format!("{url} [{scheme}, {width}px] {v}"));
                }
            }
        }
        client.close().await.expect("close");
    }
    assert!(failures.is_empty(), "{} axe violations:\n{}", failures.len(), failures.join("\n"));
}
