use std::collections::BTreeSet;

use super::*;

/// The bundled data (`public/data/`, as `dist/data/` will hold it).
fn site() -> Site {
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
    publish::read_site(&public, "https://example.org/plan").expect("the bundled data")
}

const TRUNK: &str = r#"<!doctype html>
<html lang="zh-CN">
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <meta charset="utf-8" />
    <!-- a note -->
    <link rel="stylesheet" href="./main-1.css" integrity="sha384-x"/>
    <script type="module" src="./boot-1.js" integrity="sha384-y"></script>
  </head>
  <body><p>ignored</p></body>
</html>"#;

fn template() -> Template {
    Template::parse(TRUNK).expect("template")
}

/// The text between `start` and the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    let to = html[from..].find(end)? + from;
    Some(&html[from..to])
}

fn one_of_each_kind(site: &Site) -> Vec<Route> {
    let plan = &site.plan;
    vec![
        Route::Overview,
        Route::Indicator(plan.indicators[0].id.clone()),
        Route::Task(plan.tasks[0].id.clone()),
        Route::District(plan.districts[4].id.clone()),
        Route::Department(plan.departments[0].id.clone()),
        Route::Data,
        Route::Commitments,
        Route::Embed(FigureId::DistrictHeatmap),
        Route::Embed(FigureId::IndicatorTrend(plan.indicators[0].id.clone())),
    ]
}

#[test]
fn every_page_kind_has_its_heading_tables_with_rows_and_the_sample_notice() {
    let site = site();
    let template = template();
    for lang in [Lang::Zh, Lang::En] {
        for route in one_of_each_kind(&site) {
            let page = Page { lang, route: route.clone() };
            let html = site.render(&template, &page, false);
            let what = format!("{lang:?} {route:?}");
            let embed = matches!(route, Route::Embed(_));
            if !embed {
                assert!(html.contains("<h1"), "{what}: a heading");
                assert!(html.contains("class=\"site-nav\""), "{what}: navigation");
                assert!(
                    html.contains("class=\"lang-switch\""),
                    "{what}: the language switch, a link"
                );
            }
            if route != Route::Department(site.plan.departments[0].id.clone()) {
                let rows = between(&html, "<tbody", "</tbody>").unwrap_or_default();
                assert!(rows.contains("<tr"), "{what}: a table with rows");
                assert!(html.contains("<caption"), "{what}: tables have captions");
            }
            assert!(
                html.contains("sample-notice") || html.contains("示例数据"),
                "{what}: sample notice"
            );
            assert!(!html.contains("class=\"skeleton\""), "{what}: nothing is left loading");
            assert!(!html.contains("data-later"), "{what}: no part is left for later");
            assert!(html.contains(&format!("<html lang=\"{}\"", lang.tag())), "{what}");
            assert_eq!(
                html.contains("data-embedded"),
                embed,
                "{what}: an embed has no page margins"
            );
        }
    }
}

#[test]
fn each_page_has_its_own_title_and_description_and_speaks_for_itself() {
    let site = site();
    let template = template();
    let pages = site.pages();
    let mut titles = BTreeSet::new();
    for page in &pages {
        let html = site.render(&template, page, false);
        let title = between(&html, "<title>", "</title>").expect("a title").to_owned();
        assert!(titles.insert(title.clone()), "{page:?}: the title {title} is another page's too");
        let description =
            between(&html, "<meta name=\"description\" content=\"", "\"").expect("description");
        assert!(!description.is_empty(), "{page:?}: a description");
        let here =
            format!("https://example.org/plan/{}", Location::page_path(page.lang, &page.route));
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{here}\">")),
            "{page:?}: canonical"
        );
        for tag in ["zh-CN", "en", "x-default"] {
            assert!(html.contains(&format!("hreflang=\"{tag}\"")), "{page:?}: alternate {tag}");
        }
        for name in ["SiteName", "ColumnName", "ArticleTitle", "PubDate", "ContentSource"] {
            assert!(
                html.contains(&format!("<meta name=\"{name}\" content=\"")),
                "{page:?}: {name}"
            );
        }
        assert!(html.contains("property=\"og:title\""), "{page:?}: link previews");
        // Every asset stays relative: the page's <base> leads to the site's root.
        let depth = Location::depth(page.lang, &page.route);
        assert!(
            html.contains(&format!("<base href=\"{}\">", "../".repeat(depth))),
            "{page:?}: base"
        );
        assert!(html.contains("href=\"./main-1.css\""), "{page:?}: the assets");
        assert_eq!(html.contains("noindex"), !page.listed(), "{page:?}: only embeds are unlisted");
    }
    assert!(pages.len() > 100, "{} pages", pages.len());
}

#[test]
fn the_root_is_the_chinese_overview_and_404_names_no_address() {
    let site = site();
    let template = template();
    let root = site.render(&template, &Page { lang: Lang::Zh, route: Route::Overview }, true);
    assert!(root.contains("<base href=\"./\">"));
    assert!(root.contains("<link rel=\"canonical\" href=\"https://example.org/plan/zh/\">"));
    let missing = site.not_found(&template);
    assert!(missing.contains("<base href=\"/plan/\">"), "served at any depth, it leads home");
    assert!(!missing.contains("rel=\"canonical\""));
    assert!(missing.contains("noindex"));
    assert!(missing.contains("href=\"zh/\""), "a way home");
}

#[test]
fn text_from_the_data_is_text_in_the_page_and_its_head() {
    let bundled = site();
    let mut plan = (*bundled.plan).clone();
    let payload = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>";
    plan.indicators[0].name.zh = payload.to_owned();
    plan.indicators[0].source_text = payload.to_owned();
    let id = plan.indicators[0].id.clone();
    let site = Site::new(Arc::new(plan), bundled.progress, bundled.read_ahead, bundled.url);
    let html =
        site.render(&template(), &Page { lang: Lang::Zh, route: Route::Indicator(id) }, false);
    assert!(!html.contains("<script>alert"), "no script from the data");
    assert!(!html.contains("<img src=x"), "no element from the data");
    let title = between(&html, "<title>", "</title>").expect("title");
    assert!(title.starts_with("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;&amp;"), "{title}");
    let description =
        between(&html, "<meta name=\"description\" content=\"", "\">").expect("description");
    assert!(!description.contains('"') && !description.contains('<'), "{description}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text in the body");
}

#[test]
fn the_sitemap_lists_every_listed_page_with_its_other_language() {
    let site = site();
    let pages = site.pages();
    let xml = site.sitemap(&pages);
    let doc = roxmltree::Document::parse(&xml).expect("the sitemap is XML");
    let locs: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).collect();
    let listed: Vec<&Page> = pages.iter().filter(|p| p.listed()).collect();
    assert_eq!(locs.len(), listed.len());
    assert!(locs.contains(&"https://example.org/plan/en/data/"));
    assert!(!locs.iter().any(|l| l.contains("/embed/")));
    let alternates = doc.descendants().filter(|n| n.has_tag_name("link")).count();
    assert_eq!(alternates, 2 * listed.len());
    assert!(site.robots().contains("Sitemap: https://example.org/plan/sitemap.xml"));
}

#[test]
fn only_charts_this_release_can_draw_get_an_embed_page() {
    let site = site();
    let pages = site.pages();
    let embeds: Vec<&Page> = pages.iter().filter(|p| matches!(p.route, Route::Embed(_))).collect();
    assert!(!embeds.is_empty());
    for page in embeds {
        let html = site.render(&template(), page, false);
        assert!(html.contains("class=\"chart"), "{page:?}: its chart's place");
        // The chart's option travels in the page as data, for ECharts alone.
        let option = between(
            &html,
            "<script type=\"application/json\" class=\"chart-option\">",
            "</script>",
        )
        .expect("the chart's option");
        let option: serde_json::Value = serde_json::from_str(option).expect("the option is JSON");
        assert!(option["series"].is_array(), "{page:?}: {option}");
        assert_eq!(option["tooltip"]["renderMode"], "richText", "{page:?}: tooltips are text");
        assert!(!html.contains("error-panel"), "{page:?}: no error page");
    }
}

#[test]
fn the_chart_library_is_fetched_early_only_where_there_is_a_chart() {
    let site = site();
    let with_preload = TRUNK.replace(
        "</head>",
        "<link rel=\"preload\" as=\"script\" href=\"./echarts-1.js\" data-for-charts>\n</head>",
    );
    let template = Template::parse(&with_preload).expect("template");
    let overview = site.render(&template, &Page { lang: Lang::Zh, route: Route::Overview }, false);
    assert!(overview.contains("href=\"./echarts-1.js\""), "the overview has charts");
    let data = site.render(&template, &Page { lang: Lang::Zh, route: Route::Data }, false);
    assert!(!data.contains("echarts-1.js"), "data and methods has none");
    assert!(data.contains("href=\"./main-1.css\""), "the other assets stay");
}

#[test]
fn a_template_without_head_or_policy_is_refused() {
    assert_eq!(Template::parse("<html><body></body></html>"), Err(TemplateError::NoHead));
    assert_eq!(
        Template::parse("<html><head><title>x</title></head></html>"),
        Err(TemplateError::NoPolicy)
    );
    let kept = template();
    assert!(!kept.assets.contains("a note"), "comments are left out");
    assert!(!kept.assets.contains("charset"), "the page writes its own charset first");
}

#[test]
fn addresses_paths() {
    assert_eq!(document::url_path("https://example.org/plan/"), "/plan/");
    assert_eq!(document::url_path("http://127.0.0.1:8080/"), "/");
    assert_eq!(document::url_path("https://example.org"), "/");
}

/// A copy of the bundled data as a built `dist/`: Trunk's page and `data/`.
fn built_copy(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("portal-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    portal_harness::copy_dir(&public, &dir.join("data"));
    std::fs::write(dir.join("index.html"), TRUNK).expect("index.html");
    dir
}

#[test]
fn bad_data_writes_no_page_and_says_which_file_and_where() {
    let dist = built_copy("bad");
    let progress = dist.join("data/progress.json");
    let text = std::fs::read_to_string(&progress).expect("read");
    std::fs::write(&progress, text.replacen("\"observations\"", "\"observations\": 1, \"x\"", 1))
        .expect("write");
    let error = publish::publish(&dist, Some("https://example.org/")).expect_err("refused");
    for lang in [Lang::Zh, Lang::En] {
        let said = error.message(lang);
        assert!(said.contains("progress.json"), "names the file: {said}");
    }
    assert!(error.message(Lang::Zh).contains("页面未生成"), "{}", error.message(Lang::Zh));
    assert!(error.message(Lang::En).contains("no page was written"), "{}", error.message(Lang::En));
    assert!(!dist.join("zh").exists(), "no page was written");
    assert_eq!(
        std::fs::read_to_string(dist.join("index.html")).expect("index"),
        TRUNK,
        "untouched"
    );
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn publishing_twice_renders_from_the_kept_template_and_address() {
    let dist = built_copy("twice");
    let first = publish::publish(&dist, Some("https://example.org/plan")).expect("first");
    assert!(first.pages > 100);
    let index = std::fs::read_to_string(dist.join("index.html")).expect("index");
    assert!(index.contains("<div id=\"page\">"), "index.html is now a rendered page");
    assert_eq!(
        std::fs::read_to_string(dist.join(publish::TEMPLATE_FILE)).expect("kept"),
        TRUNK,
        "Trunk's page is kept as the template"
    );
    // Again, as `plan-data release` does: no address given, the kept one used.
    let again = publish::publish(&dist, None).expect("again");
    assert_eq!(again.pages, first.pages);
    let index = std::fs::read_to_string(dist.join("en/data/index.html")).expect("a page");
    assert!(index.contains("https://example.org/plan/en/data/"), "the kept address");
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn the_overview_first_says_how_many_indicators_stand_where() {
    let site = site();
    let html = site.render(&template(), &Page { lang: Lang::En, route: Route::Overview }, false);
    let glance = between(&html, "class=\"card at-a-glance\"", "</section>").expect("at a glance");
    // It comes before the release bar and the filters: the first answer on the page.
    assert!(html.find("at-a-glance") < html.find("filter-bar"), "first");
    let card = plan_model::Scorecard::compute(&site.plan, &site.progress);
    let total = site.plan.indicators.len();
    assert!(glance.contains(&format!("of the plan's {total} indicators")), "{glance}");
    assert!(glance.contains(&site.progress.release.as_of), "as of the figures' date: {glance}");
    assert!(glance.contains("Sample data"), "sample figures say so: {glance}");
    let glance = glance.replace("<!>", "");
    assert!(glance.contains("(75% of the year gone)"), "273 of 365 days: {glance}");
    let mut shown = 0;
    for status in plan_model::Status::ALL {
        let n = site
            .plan
            .indicators
            .iter()
            .filter(|i| {
                card.city.get(&i.id).map_or(plan_model::Status::NoData, |a| a.status) == status
            })
            .count();
        let item = format!(
            "{} {} <strong class=\"glance-count\">{n}</strong>",
            status.icon(),
            status.label(Lang::En)
        );
        assert_eq!(
            n > 0,
            glance.replace("</span>", "").contains(&item),
            "{status:?}: {n} in {glance}"
        );
        shown += n;
    }
    assert_eq!(shown, total, "every indicator counted once");
}

#[test]
fn pages_say_where_a_running_total_started_and_what_each_target_still_needs() {
    let site = site();
    let card = plan_model::Scorecard::compute(&site.plan, &site.progress);
    let page = |route: Route| {
        site.render(&template(), &Page { lang: Lang::En, route }, false).replace("<!>", "")
    };
    // The patents' page: its starting level with its source, the pace in words.
    let html = page(Route::Indicator("ai-invention-patents".into()));
    let start = site.progress.baseline("ai-invention-patents", None).expect("start");
    let line = between(&html, "class=\"baseline-line\"", "</p>").expect("starting level");
    let value = start.value.expect("value");
    assert!(line.contains(&format!("{value} patents on 2025-12-31")), "{line}");
    assert!(line.contains(start.source.as_deref().expect("source")), "{line}");
    let pace = card.city["ai-invention-patents"].pace.as_ref().expect("pace");
    let shown = between(&html, "class=\"pace-line\"", "</p>").expect("pace");
    assert!(shown.contains(&crate::export::xml_escape(&pace.explanation.en)), "{shown}");
    // Carbon intensity: none published, and the page says so.
    let html = page(Route::Indicator("carbon-intensity-reduction".into()));
    let line = between(&html, "class=\"baseline-line\"", "</p>").expect("starting level");
    assert!(line.contains("none published"), "{line}");
    // A district's table: needed a month, the recent pace and whether it is enough.
    let html = page(Route::District("zhangpu".into()));
    let table = between(&html, "district-indicators", "</table>").expect("table");
    let a = card.in_district("zhangpu", "ai-enterprises").expect("figures");
    let p = a.pace.as_ref().expect("pace");
    let (recent, _) = p.recent.as_ref().expect("recent");
    let verdict = if p.on_course == Some(true) { "enough" } else { "short" };
    let cell = format!("{:.1} needed, {recent:.1} recent ({verdict})", p.needed_per_month);
    assert!(table.contains(&cell), "{cell} in {table}");
}

#[test]
fn the_overview_says_what_moved_most_each_way_since_a_quarter_before() {
    let site = site();
    let html = site.render(&template(), &Page { lang: Lang::En, route: Route::Overview }, false);
    let glance = between(&html, "class=\"card at-a-glance\"", "</section>").expect("at a glance");
    let glance = glance.replace("<!>", "");
    let m = plan_model::movers::movers(&site.plan, &site.progress, &site.progress.release.as_of, 2)
        .expect("the sample has a quarter to compare with");
    assert!(!m.up.is_empty() && !m.down.is_empty(), "the sample moves both ways");
    assert!(glance.contains(&format!("Moved most since {}", m.since)), "{glance}");
    for (mv, word) in m.up.iter().map(|x| (x, "up")).chain(m.down.iter().map(|x| (x, "down"))) {
        let name = &site.plan.indicator(&mv.indicator).expect("indicator").name.en;
        let points = format!("{:+.1}", mv.points).replace('-', "\u{2212}");
        let line = format!(
            "{word} <a href=\"en/indicator/{}/\">{name}</a> <strong>{points}</strong>",
            mv.indicator
        );
        assert!(glance.contains(&line), "{line} in {glance}");
    }
}

#[test]
fn a_district_page_says_how_its_rank_moved_since_a_quarter_before() {
    let site = site();
    let all: Vec<String> = Vec::new();
    let changes = plan_model::movers::rank_changes(
        &site.plan,
        &site.progress,
        &site.progress.release.as_of,
        &all,
    )
    .expect("the sample has a quarter to compare with");
    // Every ranked district's page says it, in words beside the arrow.
    let mut moved = 0;
    for (id, change) in &changes {
        let Some(places) = change.places_up() else { continue };
        let html = site
            .render(
                &template(),
                &Page { lang: Lang::En, route: Route::District(id.clone()) },
                false,
            )
            .replace("<!>", "");
        let rank = between(&html, "class=\"district-rank\"", "</dd>").expect("rank");
        let words = match places {
            0 => format!("unchanged since {}", change.since),
            p if p > 0 => format!("up {p} since {}", change.since),
            p => format!("down {} since {}", -p, change.since),
        };
        assert!(rank.contains(&words), "{id}: {words} in {rank}");
        moved += usize::from(places != 0);
    }
    assert!(moved > 0, "some district moves in the sample");
}

#[test]
fn an_indicator_page_shows_its_status_at_each_report() {
    let site = site();
    // New computing capacity moves from one band to another in the sample.
    let ind = site.plan.indicator("new-computing-power").expect("indicator");
    let history = plan_model::status::indicator_history(&site.plan, &site.progress, ind);
    let bands: BTreeSet<_> = history.iter().map(|(_, s)| *s).collect();
    assert!(bands.len() > 1, "it changes band: {history:?}");
    let html = site
        .render(
            &template(),
            &Page { lang: Lang::En, route: Route::Indicator(ind.id.clone()) },
            false,
        )
        .replace("<!>", "");
    let strip = between(&html, "class=\"status-strip\"", "</ol>").expect("strip");
    // The strip's text, item by item: date, glyph, words.
    let items: Vec<String> = strip
        .split("<li>")
        .skip(1)
        .map(|item| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in item.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect();
    let expected: Vec<String> = history
        .iter()
        .map(|(date, status)| format!("{date} {} {}", status.icon(), status.label(Lang::En)))
        .collect();
    assert_eq!(items, expected);
}

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

#[test]
fn every_page_has_fresh_precompressed_copies_after_each_publish() {
    use std::io::Read;
    let dist = built_copy("packed");
    publish::publish(&dist, Some("https://example.org/")).expect("first");
    // A stale copy, as `make dist`'s precompression would leave from before.
    std::fs::write(dist.join("robots.txt.br"), b"stale").expect("write");
    let progress = dist.join("data/progress.json");
    let text = std::fs::read_to_string(&progress).expect("read");
    let mut data: serde_json::Value = serde_json::from_str(&text).expect("json");
    data["release"]["version"] = "2026.12.9-packed".into();
    std::fs::write(&progress, data.to_string()).expect("write");
    publish::publish(&dist, None).expect("again");
    for page in ["index.html", "zh/index.html", "en/data/index.html", "zh/feed.xml", "sitemap.xml"]
    {
        let raw = std::fs::read(dist.join(page)).expect("page");
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(
            &std::fs::read(dist.join(format!("{page}.br"))).expect("br")[..],
            4096,
        )
        .read_to_end(&mut unbrotli)
        .expect("brotli");
        let mut ungzip = Vec::new();
        flate2::read::GzDecoder::new(
            &std::fs::read(dist.join(format!("{page}.gz"))).expect("gz")[..],
        )
        .read_to_end(&mut ungzip)
        .expect("gzip");
        assert!(unbrotli == raw && ungzip == raw, "{page}: its copies are the page");
    }
    let overview = std::fs::read_to_string(dist.join("zh/index.html")).expect("page");
    assert!(overview.contains("2026.12.9-packed"), "the page says the new release");
    assert!(!dist.join("robots.txt.br").exists(), "no stale copy is left beside a page");
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn chinese_standing_in_for_missing_english_is_marked_chinese_and_said_to_be() {
    let bundled = site();
    let mut progress = (*bundled.progress).clone();
    let update = progress
        .updates
        .iter_mut()
        .find(|u| u.of == "zuchongzhi-programme" && u.as_of == "2026-09-30")
        .expect("an update");
    update.progress = plan_model::Bilingual { zh: "样机完成测试。".into(), en: " ".into() };
    update.evidence = vec![plan_model::progress::Evidence {
        title: plan_model::Bilingual { zh: "验收报告".into(), en: String::new() },
        url: "https://example.org/report".into(),
    }];
    let version = progress.release.version.clone();
    let latest = progress.release.changelog.iter_mut().find(|e| e.version == version);
    latest.expect("the release's own note").notes.en = String::new();
    let task = bundled.plan.tasks.iter().find(|t| t.number == 3).expect("task").id.clone();
    let site = Site::new(bundled.plan.clone(), Arc::new(progress), bundled.read_ahead, bundled.url);
    let page = |lang, route| site.render(&template(), &Page { lang, route }, false);

    let en = page(Lang::En, Route::Task(task.clone()));
    assert!(
        en.contains(
            "<span lang=\"zh-CN\">样机完成测试。</span> <span class=\"untranslated\">(in Chinese only)</span>"
        ),
        "the update: {:?}",
        between(&en, "样机", "</dd>")
    );
    let evidence = between(&en, "验收报告", "</li>").expect("the evidence");
    assert!(evidence.contains("(in Chinese only)"), "{evidence}");
    assert!(
        en.contains("<span lang=\"zh-CN\"><a href=\"https://example.org/report\""),
        "{evidence}"
    );
    let data = page(Lang::En, Route::Data);
    let line = format!("<strong>{version}</strong>");
    let notes = between(&data, &line, "</li>").expect("the release's line");
    assert!(notes.contains("lang=\"zh-CN\"") && notes.contains("(in Chinese only)"), "{notes}");
    // In Chinese nothing is marked; in English, text that has its English is not.
    let zh = page(Lang::Zh, Route::Task(task));
    assert!(zh.contains("样机完成测试。") && !zh.contains("仅中文"), "the Chinese page");
    assert_eq!(en.matches("(in Chinese only)").count(), 2, "only the two without English");
}

/// What the data or the command line gives is checked before it becomes XML
/// or a line of robots.txt: a date in the releases index that would break a
/// feed's `<updated>`, a site address with a line break, are refused with the
/// file or the address named, and nothing is written; characters XML forbids
/// never reach a feed.
#[test]
fn hostile_index_dates_and_addresses_write_nothing_and_are_named() {
    let dist = built_copy("hostile-index");
    let index = dist.join("data/releases/index.json");
    let text = std::fs::read_to_string(&index).expect("index");
    let mut releases: serde_json::Value = serde_json::from_str(&text).expect("json");
    releases[0]["published"] = serde_json::json!("2026-10-01</updated><x>");
    std::fs::write(&index, releases.to_string()).expect("write");
    let error = publish::publish(&dist, Some("https://example.org/")).expect_err("refused");
    let said = error.message(Lang::En);
    assert!(said.contains("releases/index.json") && said.contains("[0].published"), "{said}");
    assert!(!dist.join("zh/feed.xml").exists(), "nothing written");
    std::fs::write(&index, text).expect("restore");

    for url in ["https://example.org/\nDisallow: /", "https://example.org/\"><script>"] {
        let error = publish::publish(&dist, Some(url)).expect_err("refused");
        let said = error.message(Lang::Zh);
        assert!(said.contains("网站地址"), "{said}");
        assert!(!dist.join("robots.txt").exists(), "nothing written");
    }
    assert_eq!(crate::export::xml_escape("a\u{FFFE}b\u{1}c\u{FFFF}<"), "abc&lt;");
    let _ = std::fs::remove_dir_all(dist);
}
