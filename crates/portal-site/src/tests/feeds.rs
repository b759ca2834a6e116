//! The feeds, and the commitments and updates the pages list.

use super::*;

#[test]
fn the_atom_feeds_parse_and_link_to_real_pages() {
    let dist = built_copy("feeds");
    let url = "https://example.org/plan/";
    publish::publish(&dist, Some(url)).expect("publish");
    let site = site();
    let releases = site.read_ahead.releases.clone().expect("release index");
    let feeds = [
        "zh/feed.xml".to_owned(),
        "en/feed.xml".to_owned(),
        format!("zh/task/{}/feed.xml", site.plan.tasks[2].id),
        format!("en/district/{}/feed.xml", site.plan.districts[4].id),
        "zh/district/kunshan-high-tech-zone/feed.xml".to_owned(),
    ];
    for file in &feeds {
        let text =
            std::fs::read_to_string(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        // A third party's parser reads it as Atom.
        let feed = atom_syndication::Feed::read_from(text.as_bytes())
            .unwrap_or_else(|e| panic!("{file} is not Atom: {e}"));
        assert_eq!(feed.id(), format!("{url}{file}"), "{file}: its id is its address");
        assert!(!feed.title().as_str().is_empty() && !feed.authors().is_empty(), "{file}");
        assert_eq!(feed.entries().len(), releases.len(), "{file}: one entry per release");
        for (entry, release) in feed.entries().iter().zip(&releases) {
            assert!(entry.id().contains(&release.version), "{file}: newest first");
            assert_eq!(entry.updated().format("%Y-%m-%d").to_string(), release.published);
            let summary = entry.summary().map(|s| s.as_str()).unwrap_or_default();
            assert!(!summary.is_empty(), "{file}: says something");
            if release.sample {
                assert!(
                    summary.contains("示例数据") || summary.contains("Sample data"),
                    "{file}: {summary}"
                );
            }
            if file.ends_with("zh/feed.xml") {
                assert!(summary.contains("项举措："), "{file}: the commitments: {summary}");
                // The reports late as that release was published, each named.
                let late = plan_model::cadence::late_items(&site.plan, &site.progress);
                if release.version == site.progress.release.version {
                    assert!(
                        summary.contains(&format!("逾期未报 {} 项：", late.len())),
                        "{summary}"
                    );
                    for (id, _) in &late {
                        let name = site.plan.indicator(id).map(|i| &i.name.zh);
                        let name = name.or_else(|| site.plan.commitment(id).map(|c| &c.name.zh));
                        assert!(summary.contains(name.expect("named").as_str()), "{id}");
                    }
                }
            }
            if file.contains("kunshan-high-tech-zone") {
                // The pilot the plan names for it (no update in the sample).
                assert!(
                    summary.contains("昆山高新区高新技术成果产业化试点：○ 尚未启动"),
                    "{file}: {summary}"
                );
            }
            if file.contains("/task/") {
                // The release's update on the task and its commitments by stage.
                assert!(summary.contains("进展：示例"), "{file}: the task's update: {summary}");
                assert!(summary.contains("项举措："), "{file}: its commitments: {summary}");
            }
            // Every link is a page of the site, pinned to the entry's release.
            for link in entry.links() {
                let path = link.href().strip_prefix(url).expect("on the site");
                let (page, query) = path.split_once('?').expect("pinned");
                assert_eq!(query, format!("release={}", release.version));
                assert!(dist.join(page).join("index.html").is_file(), "{file}: {page} is a page");
            }
        }
    }
    // Each page offers its feed in its head.
    let task = &site.plan.tasks[2].id;
    let page =
        std::fs::read_to_string(dist.join(format!("zh/task/{task}/index.html"))).expect("page");
    assert!(
        page.contains(&format!(
            r#"type="application/atom+xml" title="更新订阅（Atom）" href="zh/task/{task}/feed.xml""#
        )),
        "task page"
    );
    let overview = std::fs::read_to_string(dist.join("en/index.html")).expect("page");
    assert!(overview.contains(r#"href="en/feed.xml""#), "overview");
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn task_department_and_district_pages_list_their_commitments_with_stage_due_and_update() {
    use plan_model::commitments::{DeadlineState, commitment_states};
    let site = site();
    let (plan, progress) = (&site.plan, &site.progress);
    let render = |lang, route| site.render(&template(), &Page { lang, route }, false);
    let task = plan.tasks.iter().find(|t| t.number == 3).expect("task 3");
    let html = render(Lang::Zh, Route::Task(task.id.clone()));
    let list = between(&html, "task-commitments", "</section>").expect("the commitments section");
    let states = commitment_states(plan, progress, |c| c.task.as_deref() == Some(&task.id));
    for s in &states {
        let c = s.commitment;
        assert!(list.contains(&format!("id=\"commitment-{}\"", c.id)), "{}: its anchor", c.id);
        assert!(list.contains(&c.source_text), "{}: the plan's words", c.id);
        if let Some(u) = s.latest() {
            assert!(list.contains(&u.progress.zh), "{}: the latest update", c.id);
        }
    }
    assert!(list.contains("已逾期") && list.contains("2026-Q3（2026-09-30）"), "the overdue one");
    assert!(list.contains("2026-12-31（方案年度末）"), "the plan year's end where none is set");
    assert!(
        list.contains(r#"<a href="https://example.org/kunshan-sample/zuchongzhi-programme" rel="noopener noreferrer nofollow">"#),
        "evidence is a link"
    );
    assert!(
        html.contains("task-updates") && html.contains("示例：三季度，8 项举措中"),
        "the task's update"
    );

    // The department answers for the commitments of every task it is a unit of.
    let html = render(Lang::En, Route::Department("science-technology".into()));
    let section = between(&html, "department-commitments", "</section>").expect("section");
    let mine =
        plan.commitments.iter().filter(|c| c.responsible.iter().any(|r| r == "science-technology"));
    assert_eq!(section.matches("class=\"commitment ").count(), mine.count());
    assert!(
        section
            .contains(&format!("{} commitments: ", section.matches("class=\"commitment ").count()))
    );

    // One that answers for dozens lists them by key task, each with its counts.
    let html = render(Lang::Zh, Route::Department("industry-it".into()));
    let section = between(&html, "department-commitments", "</section>").expect("section");
    let mine: Vec<_> = plan
        .commitments
        .iter()
        .filter(|c| c.responsible.iter().any(|r| r == "industry-it"))
        .collect();
    assert!(mine.len() > 30, "{} commitments", mine.len());
    let mut tasks: Vec<Option<&str>> = Vec::new();
    for c in &mine {
        if !tasks.contains(&c.task.as_deref()) {
            tasks.push(c.task.as_deref());
        }
    }
    assert_eq!(section.matches("<h3 class=\"department-task-heading\">").count(), tasks.len());
    assert_eq!(section.matches("<h4 class=\"commitment-name\">").count(), mine.len());
    assert_eq!(section.matches("class=\"stage-summary\"").count(), tasks.len() + 1);
    // In the plan's order of tasks, each commitment under its own.
    let at = |needle: &str| section.find(needle).unwrap_or_else(|| panic!("{needle}"));
    for c in &mine {
        let heading = match c.task.as_deref() {
            Some(t) => format!("department-task-heading\"><a href=\"zh/task/{t}/\""),
            None => "<span>保障措施</span>".to_owned(),
        };
        let (heading_at, item_at) = (at(&heading), at(&format!("id=\"commitment-{}\"", c.id)));
        assert!(heading_at < item_at, "{} after its task's heading", c.id);
    }

    // The district the plan names gets its pilot; another says the plan names none.
    let html = render(Lang::Zh, Route::District("kunshan-high-tech-zone".into()));
    assert!(html.contains("commitment-high-tech-zone-pilot"), "the high-tech zone's pilot");
    let html = render(Lang::Zh, Route::District("jinxi".into()));
    assert!(html.contains("方案未点名本区镇承担的具体举措"));

    // All of them on one page, the overdue and due soon first.
    let html = render(Lang::En, Route::Commitments);
    assert_eq!(html.matches("class=\"commitment ").count(), plan.commitments.len());
    let table = between(&html, "<tbody", "</tbody>").expect("deadlines table");
    let all = commitment_states(plan, progress, |_| true);
    let flagged: Vec<_> = all.iter().filter(|s| s.deadline.needs_notice()).collect();
    assert_eq!(table.matches("<tr").count(), flagged.len(), "one row each");
    let first_soon = table.find("due-due-soon").expect("a due-soon row");
    assert!(table.find("due-overdue").is_some_and(|o| o < first_soon), "overdue first");
    assert!(flagged.iter().any(|s| s.deadline == DeadlineState::Overdue));
    assert!(html.contains("commitments-safeguards"), "the safeguards");

    // The overview rolls them up, below its charts.
    let html = render(Lang::Zh, Route::Overview);
    let glance = between(&html, "glance-commitments", "</section>").expect("the roll-up");
    assert!(glance.contains(&format!("共 {} 项举措：", plan.commitments.len())), "{glance}");
    assert!(html.find("glance-commitments") > html.find("class=\"chart"), "after the first chart");

    // A milestone says when it is due.
    let html = render(Lang::Zh, Route::Indicator("supercomputer-10e".into()));
    let line = between(&html, "class=\"due-line\"", "</p>").expect("due line");
    assert!(line.contains("2026-Q4（2026-12-31）") && line.contains("未到期"), "{line}");
}

#[test]
fn updates_and_evidence_from_the_data_are_text_and_only_web_addresses_link() {
    let bundled = site();
    let mut progress = (*bundled.progress).clone();
    let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let update = progress
        .updates
        .iter_mut()
        .find(|u| u.of == "zuchongzhi-programme" && u.as_of == "2026-09-30")
        .expect("an update");
    update.progress.zh = payload.to_owned();
    update.evidence = vec![
        plan_model::progress::Evidence {
            title: plan_model::Bilingual { zh: "脚本链接".into(), en: "script".into() },
            url: "javascript:alert(3)".into(),
        },
        plan_model::progress::Evidence {
            title: plan_model::Bilingual { zh: payload.into(), en: payload.into() },
            url: "https://example.org/\"onmouseover=\"alert(4)".into(),
        },
    ];
    let task = bundled.plan.tasks.iter().find(|t| t.number == 3).expect("task").id.clone();
    let site = Site::new(bundled.plan.clone(), Arc::new(progress), bundled.read_ahead, bundled.url);
    let html = site.render(&template(), &Page { lang: Lang::Zh, route: Route::Task(task) }, false);
    assert!(
        !html.contains("<script>alert") && !html.contains("<img src=x"),
        "no markup from the data"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    assert!(!html.contains("javascript:"), "a script address is no link");
    assert!(html.contains("<span>脚本链接</span>"), "its title stays, as text");
    assert!(!html.contains("\"onmouseover"), "a quote cannot leave the attribute");
}
