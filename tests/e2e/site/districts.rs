//! The heatmap, ranking and district pages against the model; departments; what changed.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heatmap_ranking_and_district_page_match_the_model() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let card = Scorecard::compute(&plan, &progress);
    let ctx = StatusContext::new(&plan, &progress);
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/", server.url)).await;

    let heat = wait_for_js(&client, HEATMAP, "the heatmap").await;
    let columns: Vec<&str> =
        heat["columns"].as_array().expect("columns").iter().filter_map(Value::as_str).collect();
    let tasks: Vec<_> = plan
        .tasks
        .iter()
        .filter(|t| t.indicators.iter().any(|i| card.has_district_figures(i)))
        .collect();
    let numbers: Vec<String> = tasks.iter().map(|t| t.number.to_string()).collect();
    assert_eq!(columns, numbers, "one column per task with district figures");
    let cells = heat["data"].as_array().expect("cells");
    assert_eq!(cells.len(), tasks.len() * plan.districts.len());
    for cell in cells {
        let (c, r) = (cell[0].as_u64().expect("c") as usize, cell[1].as_u64().expect("r") as usize);
        let (task, district) = (tasks[c], &plan.districts[r]);
        let items = task.indicators.iter().filter_map(|i| card.in_district(&district.id, i));
        let want = roll_up(&ctx, items);
        let shown = cell[3].as_f64();
        let expected = want.mean_completion_percent.map(|v| (v.min(100.0) * 10.0).round() / 10.0);
        assert_eq!(shown, expected, "{} × task {}", district.name.zh, task.number);
        let label = cell[4].as_str().expect("label");
        assert!(label.starts_with(want.status.icon()), "status symbol in the cell: {label}");
    }

    let standings = rank_districts(&plan, &card, &ctx, &[]);
    let ranking = wait_for_js(&client, RANKING, "the ranking").await;
    let shown: Vec<String> = ranking
        .as_array()
        .expect("labels")
        .iter()
        .map(|v| v.as_str().expect("label").split("  ").next().expect("name").to_owned())
        .collect();
    let expected: Vec<String> = standings
        .iter()
        .map(|s| {
            let name = &plan.districts.iter().find(|d| d.id == s.district).expect("d").name.zh;
            format!("{}. {name}", s.rank.map_or_else(|| "—".to_owned(), |r| r.to_string()))
        })
        .collect();
    assert_eq!(shown, expected, "districts in rank order");

    // The top district's page agrees.
    let top = &standings[0];
    let name = &plan.districts.iter().find(|d| d.id == top.district).expect("d").name.zh;
    client
        .find(Locator::Css(&format!(".ranking-section a[href='zh/district/{}/']", top.district)))
        .await
        .expect("link to the top district")
        .click()
        .await
        .expect("click");
    portal_harness::wait_for_app(&client, "the top district's page").await;
    assert_eq!(text(&client, ".district-page h1").await, *name);
    let rank = text(&client, ".district-rank").await;
    // Its rank, and how it moved since a quarter before, as the model says.
    let change = plan_model::movers::rank_changes(&plan, &progress, &progress.release.as_of, &[])
        .and_then(|all| all.into_iter().find(|(d, _)| d == &top.district))
        .map(|(_, c)| c)
        .expect("a quarter to compare with");
    let moved = match change.places_up().expect("ranked both times") {
        0 => format!("= 持平（与 {} 相比）", change.since),
        p if p > 0 => format!("↑ 上升 {p} 位（与 {} 相比）", change.since),
        p => format!("↓ 下降 {} 位（与 {} 相比）", -p, change.since),
    };
    assert_eq!(rank, format!("1 / {} · {moved}", plan.districts.len()));
    let completion = text(&client, ".district-completion").await;
    let mean = top.roll_up.mean_completion_percent.expect("measured");
    assert_eq!(completion, format!("{mean:.1}%"));
    let average = district_average_completion(&standings).expect("average");
    assert_eq!(text(&client, ".district-average").await, format!("{average:.1}%"));
    let gap = text(&client, ".district-gap").await;
    assert!(gap.contains(&format!("{:.1}", (mean - average).abs())), "{gap}");
    let errors = console_errors(&client).await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn department_page_lists_the_tasks_it_leads_and_supports() {
    let dist = dist_dir();
    let (plan, progress) = model(&dist.join("data"));
    let card = Scorecard::compute(&plan, &progress);
    let ctx = StatusContext::new(&plan, &progress);
    let department = plan.departments.iter().find(|d| d.id == "industry-it").expect("dept");
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}en/department/{}/", server.url, department.id)).await;
    assert_eq!(text(&client, ".department-page h1").await, department.name.en);
    let label = |t: &plan_model::Task| format!("{}. {}", t.number, t.name.en);
    let leads: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| t.responsible.first() == Some(&department.id))
        .map(label)
        .collect();
    let supports: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| t.responsible.iter().skip(1).any(|r| r == &department.id))
        .map(label)
        .collect();
    assert_eq!(texts(&client, ".lead-tasks li").await, leads);
    assert_eq!(texts(&client, ".support-tasks li").await, supports);
    wait_for_js(&client, PAGE_READY, "the department's progress").await;
    let statuses = texts(&client, ".department-tasks .status-cell").await;
    let expected: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| t.responsible.contains(&department.id))
        .map(|t| {
            let s = roll_up(&ctx, card.city_of(&t.indicators)).status;
            format!("{} {}", s.icon(), s.label(Lang::En))
        })
        .collect();
    assert_eq!(statuses, expected);
    client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_changed_compares_the_latest_release_with_the_one_before() {
    let dist = dist_dir();
    let data = dist.join("data");
    let index: Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("releases/index.json")).expect("index"),
    )
    .expect("json");
    let older = index[1]["version"].as_str().expect("a previous release");
    let (old_plan, old_progress) = model(&data.join("releases").join(older));
    let (plan, progress) = model(&data);
    let diff = plan_model::diff::diff_releases((&old_plan, &old_progress), (&plan, &progress));
    let count = |kind: &str| {
        diff.changes
            .iter()
            .filter(|c| serde_json::to_value(c).expect("json")["change"] == kind)
            .count()
    };
    let server = StaticServer::start(&dist);
    let driver = Driver::start();
    let client = driver.browser(1280, 900).await;
    load(&client, &format!("{}zh/", server.url)).await;
    wait_for_js(&client, GOAL_CHART, "the overview").await;
    // The release before is fetched only when the reader gets near the section.
    let fetched = "return performance.getEntriesByType('resource').some(e => e.name.includes('releases/')) ? 'yes' : 'no'";
    assert_eq!(client.execute(fetched, vec![]).await.expect("resources"), "no");
    assert!(client.find(Locator::Css(".change-summary")).await.is_err(), "not compared yet");
    client
        .execute("document.querySelector('.what-changed').scrollIntoView()", vec![])
        .await
        .expect("scroll");
    let summary = text(&client, ".change-summary").await;
    assert_eq!(client.execute(fetched, vec![]).await.expect("resources"), "yes");
    assert!(summary.contains(older), "{summary}");
    assert_eq!(text(&client, ".count-added").await, count("value_added").to_string());
    assert_eq!(text(&client, ".count-revised").await, count("value_changed").to_string());
    assert_eq!(text(&client, ".count-withdrawn").await, count("value_removed").to_string());
    assert!(count("value_changed") > 0, "the sample history revises figures");
    let rows = texts(&client, ".change-table tbody th").await;
    assert_eq!(rows.len(), diff.changes.len() - count("value_added"));
    for change in &diff.changes {
        if let plan_model::diff::Change::ValueChanged { indicator, .. } = change {
            let name = &plan.indicator(indicator).expect("indicator").name.zh;
            assert!(rows.contains(name), "{name} listed as revised: {rows:?}");
        }
    }
    client.close().await.expect("close");
}
