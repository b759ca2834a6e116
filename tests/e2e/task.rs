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
