//! Browser test of a key task's page, reached from the overview's task table.
use crate::model::model;
use fantoccini::Locator;
use plan_model::status::{StatusContext, roll_up};
use portal_harness::{Driver, StaticServer, console_errors, dist_dir, wait_for_js};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_task_page_shows_its_units_lead_first_and_its_indicators_statuses() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let card = plan_model::Scorecard::compute(&plan, &progress);
    let ctx = StatusContext::new(&plan, &progress);
    let task = plan.tasks.iter().find(|t| t.number == 6).expect("task 6");

    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::open(&client, &server.url).await;
    let link = client
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        .for_element(Locator::Css(&format!("a[href='zh/task/{}/']", task.id)))
        .await
        .expect("the overview links to the task");
    link.click().await.expect("click");
    wait_for_js(
        &client,
        "return document.querySelectorAll('.task-indicators tbody tr').length > 0",
        "the task page",
    )
    .await;
    let h1 = client.find(Locator::Css("h1")).await.expect("h1").text().await.expect("text");
    assert_eq!(h1, format!("6. {}", task.name.zh));
    let units =
        client.find(Locator::Css(".responsible")).await.expect("units").text().await.expect("text");
    assert!(
        units.starts_with("昆山市发展和改革委员会（牵头）"),
        "the lead unit comes first: {units}"
    );
    let overall = client
        .find(Locator::Css(".task-status .status-label"))
        .await
        .expect("status")
        .text()
        .await
        .expect("text");
    let expected = roll_up(&ctx, card.city_of(&task.indicators)).status;
    assert_eq!(overall, expected.label(plan_model::Lang::Zh));
    let mut shown = Vec::new();
    for cell in client.find_all(Locator::Css(".task-indicators .status-cell")).await.expect("cells")
    {
        shown.push(cell.text().await.expect("text"));
    }
    let statuses: Vec<String> = task
        .indicators
        .iter()
        .map(|i| {
            let s = card.city[i].status;
            format!("{} {}", s.icon(), s.label(plan_model::Lang::Zh))
        })
        .collect();
    assert_eq!(shown, statuses, "each indicator's status, in words, as the model computes it");
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    portal_harness::save_screenshot(&client, "task-1280.png").await;
    client.close().await.expect("close");
}

/// A key task's commitments in the browser, after the app has taken over:
/// each with the stage the model gives it, its due-date flag and its latest
/// update; the earlier updates open from the keyboard; evidence is a link
/// only where it is a web address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_task_page_lists_its_commitments_with_stage_and_latest_update() {
    use plan_model::Lang;
    use plan_model::commitments::commitment_states;
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let task = plan.tasks.iter().find(|t| t.number == 3).expect("task 3");
    let states = commitment_states(&plan, &progress, |c| c.task.as_deref() == Some(&task.id));
    assert!(states.len() >= 5, "task 3 states several commitments");

    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    portal_harness::open(&client, &format!("{}zh/task/{}/", server.url, task.id)).await;
    let shown = wait_for_js(
        &client,
        "const items = [...document.querySelectorAll('#app .task-commitments .commitment')];
         if (!items.length) return null;
         return items.map((li) => ({
           id: li.id,
           name: li.querySelector('.commitment-name').textContent,
           stage: li.querySelector('.stage-label').textContent,
           flag: li.querySelector('.due-flag')?.textContent ?? null,
           words: li.querySelector('.plan-words q').textContent,
           latest: li.querySelector('.latest-update')?.innerText ?? null,
           visible: li.querySelector('.latest-update')?.checkVisibility() ?? false,
         }));",
        "the task's commitments",
    )
    .await;
    let shown = shown.as_array().expect("a list").clone();
    assert_eq!(shown.len(), states.len(), "every commitment of the task, once");
    for (item, state) in shown.iter().zip(&states) {
        let c = state.commitment;
        assert_eq!(item["id"], format!("commitment-{}", c.id));
        assert_eq!(item["name"], c.name.zh.as_str());
        assert_eq!(item["words"], c.source_text.as_str(), "the plan's words");
        assert_eq!(item["stage"], state.stage.label(Lang::Zh), "{}: stage", c.id);
        let flag =
            item["flag"].as_str().map(|f| f.trim().trim_start_matches('⚑').trim().to_owned());
        let want = state.deadline.needs_notice().then(|| state.deadline.label(Lang::Zh).to_owned());
        assert_eq!(flag, want, "{}: due flag", c.id);
        match state.latest() {
            Some(u) => {
                let latest = item["latest"].as_str().expect("a latest update");
                assert!(latest.contains(&u.as_of) && latest.contains(&u.progress.zh), "{latest}");
                assert_eq!(item["visible"], true, "{}: the latest update is shown", c.id);
            }
            None => assert!(item["latest"].is_null(), "{}: no update, none shown", c.id),
        }
    }
    // One is overdue in the sample: the flag says it in words.
    assert!(
        shown.iter().any(|i| i["flag"].as_str().is_some_and(|f| f.contains("已逾期"))),
        "an overdue commitment is flagged"
    );

    // The earlier updates open from the keyboard.
    let with_earlier = states.iter().find(|s| s.updates.len() > 1).expect("one with history");
    let summary = client
        .find(Locator::Css(&format!(
            "#app #commitment-{} .earlier-updates summary",
            with_earlier.commitment.id
        )))
        .await
        .expect("the earlier updates' toggle");
    summary.send_keys("\u{e007}").await.expect("enter");
    let earlier = wait_for_js(
        &client,
        &format!(
            "const d = document.querySelector('#app #commitment-{} .earlier-updates');
             return d && d.open ? [...d.querySelectorAll('.update')].map((u) => u.innerText) : null;",
            with_earlier.commitment.id
        ),
        "the earlier updates",
    )
    .await;
    let earlier = earlier.as_array().expect("updates");
    assert_eq!(earlier.len(), with_earlier.updates.len() - 1);
    assert!(earlier[0].as_str().unwrap_or_default().contains(&with_earlier.updates[1].as_of));

    // Evidence: links to web pages, opened without handing over the portal.
    let links = wait_for_js(
        &client,
        "return [...document.querySelectorAll('#app .task-commitments .evidence a')]
           .map((a) => [a.protocol, a.rel]);",
        "evidence links",
    )
    .await;
    for link in links.as_array().expect("links") {
        assert_eq!(link[0], "https:");
        assert!(link[1].as_str().unwrap_or_default().contains("noopener"));
    }
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    portal_harness::save_screenshot(&client, "task-commitments-1280.png").await;
    client.close().await.expect("close");
}
