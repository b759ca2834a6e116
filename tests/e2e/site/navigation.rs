//! Deep links at the root and under a sub-path, the language switch, theme and text size.

use super::*;

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
